#!/usr/bin/env python3
"""The Python module agrees with the command line: same JSON, same errors, exact conversion of
numpy floats. Run by CTest (python-module) with PYTHONPATH=<build>/python."""
import decimal
import json
import os
import subprocess
import sys
import tempfile
import unittest

import numpy as np

import dmf_oracle

SRC = os.environ.get("DMF_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
EXAMPLE = os.path.join(SRC, "examples", "numpy_gd")


class ModuleTest(unittest.TestCase):
    def test_solve_matches_the_command_line(self):
        inst = {"L": 3, "dims": [2, 1, 1, 2], "convention": "cjw", "lambda": [3, 3, 3],
                "target": [[8, 0], [0, 4]]}
        report = dmf_oracle.solve(inst, digits=30)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "i.json")
            with open(path, "w") as f:
                json.dump(inst, f)
            code, out, _ = dmf_oracle.run(["solve", path, "--digits", "30", "--json"])
        self.assertEqual(code, 0)
        self.assertEqual(report, json.loads(out))
        self.assertIn("critical_points", report)

    def test_numpy_floats_are_converted_exactly(self):
        x = np.float32(0.1)
        s = dmf_oracle._exact_decimal(x)
        self.assertEqual(decimal.Decimal(s), decimal.Decimal(float(x)))  # 0.100000001490116...
        self.assertEqual(dmf_oracle._exact_decimal(np.array([[0.5, 2.0**-60]]))[0][1],
                         str(decimal.Decimal(2.0**-60)))

    def test_classify_numpy_weights_equals_the_npz_file(self):
        inst = os.path.join(EXAMPLE, "instance.json")
        npz = np.load(os.path.join(EXAMPLE, "weights.npz"))
        weights = [npz["W1"], npz["W2"], npz["W3"]]
        from_arrays = dmf_oracle.classify(inst, weights, digits=30)
        from_file = dmf_oracle.classify(inst, os.path.join(EXAMPLE, "weights.npz"), digits=30)
        # The same point, read from the arrays (exact decimals) or from the file: the same report,
        # but for the weights' file name.
        from_arrays.pop("weights"), from_file.pop("weights")
        self.assertEqual(from_arrays, from_file)

    def test_evaluate_loss_is_the_definition(self):
        inst = {"L": 2, "dims": [1, 1, 1], "convention": "cjw", "lambda": ["0.5", "0.5"], "target": [["3"]]}
        r = dmf_oracle.evaluate(inst, [np.array([[1.0]]), np.array([[2.0]])], digits=20)
        # 1/2 (2 - 3)^2 + 0.25 (1 + 4) = 1.75
        self.assertEqual(decimal.Decimal(r["loss"]), decimal.Decimal("1.75"))
        self.assertAlmostEqual(dmf_oracle.floats(r)["loss"], 1.75)

    def test_bad_input_raises_input_error_with_the_cli_message(self):
        bad = {"L": 2, "dims": [1, 1], "convention": "cjw", "lambda": [1, 1], "target": [[1]]}
        with self.assertRaises(dmf_oracle.InputError) as ctx:
            dmf_oracle.solve(bad)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "i.json")
            with open(path, "w") as f:
                json.dump(bad, f)
            code, _, err = dmf_oracle.run(["solve", path, "--json"])
        self.assertEqual(code, 2)
        # The same message but for the temporary file's name.
        strip_path = lambda m: m.split(": ", 1)[1]  # noqa: E731
        self.assertEqual(strip_path(str(ctx.exception)), strip_path(err.strip().removeprefix("dmf-oracle: error: ")))
        self.assertIn("field 'dims'", str(ctx.exception))
        with self.assertRaises(TypeError):
            dmf_oracle.evaluate({"L": 1, "dims": [1, 1], "convention": "cjw", "lambda": [1],
                                 "target": [[object()]]})

    def test_claims_and_check(self):
        reg = dmf_oracle.claims()
        text = json.dumps(reg)
        self.assertIn("KP.T6", text)
        table = dmf_oracle.check(["KP.T6"], cases=5, seed=1)
        self.assertIn("KP.T6", json.dumps(table))

    def test_every_function_is_documented(self):
        for name in dmf_oracle.__all__:
            self.assertTrue(getattr(dmf_oracle, name).__doc__, name)
        self.assertIn("solve", dmf_oracle.__doc__)


if __name__ == "__main__":
    unittest.main(verbosity=2)
