#!/usr/bin/env python3
"""Test vectors end to end: dmf_oracle.vectors() returns the command's lines; the consumer
examples/check_against_vectors.py passes a numpy and a torch float64 implementation on a small
file generated here, and fails (exit 1) on a file whose reference is off by 1e-10. Run by CTest
(python-vectors) with PYTHONPATH=<build>/python and DMF_SOURCE_DIR."""
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
CONSUMER = os.path.join(SRC, "examples", "check_against_vectors.py")


class VectorsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        cls.file = os.path.join(cls.dir.name, "v.jsonl")
        cls.records = dmf_oracle.vectors(6, seed=3, points=2, digits=25, out=cls.file)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def consumer(self, path):
        return subprocess.run([sys.executable, CONSUMER, path], capture_output=True, text=True)

    def test_the_module_returns_the_command_lines(self):
        path = os.path.join(self.dir.name, "cli.jsonl")
        code, _, err = dmf_oracle.run(["vectors", "--count", "6", "--seed", "3", "--points", "2", "--digits", "25",
                                       "--out", path])
        self.assertEqual(code, 0, err)
        with open(path) as f:
            self.assertEqual(self.records, [json.loads(l) for l in f])
        self.assertEqual([r["stratum"] for r in self.records[:3]], ["kp-scalar", "cjw-matrix", "kp-matrix"])
        self.assertTrue(all(len(r["points"]) == 2 for r in self.records))

    def test_the_consumer_passes_numpy_and_torch(self):
        p = self.consumer(self.file)
        print(p.stdout)
        self.assertEqual(p.returncode, 0, p.stdout + p.stderr)
        for impl in ("numpy", "torch"):
            for q in ("loss", "gradient", "hvp"):
                self.assertRegex(p.stdout, rf"{impl}\s+{q}\s")

    def test_the_consumer_fails_on_a_wrong_reference(self):
        bad = os.path.join(self.dir.name, "bad.jsonl")
        recs = json.loads(json.dumps(self.records))
        g = recs[1]["points"][0]["gradient"][0][0]
        g[0] = str(decimal.Decimal(g[0]) * (1 + decimal.Decimal("1e-10")))
        with open(bad, "w") as f:
            f.writelines(json.dumps(r) + "\n" for r in recs)
        p = self.consumer(bad)
        self.assertEqual(p.returncode, 1, p.stdout)
        self.assertIn("EXCEEDS THE BOUND", p.stdout)
        self.assertEqual(self.consumer(os.path.join(self.dir.name, "missing.jsonl")).returncode, 2)

    def test_given_instance_and_numpy_points(self):
        inst = {"L": 2, "dims": [1, 1, 1], "convention": "cjw", "lambda": ["0.5", "0.5"], "target": [["3"]]}
        W = [np.array([[1.0]]), np.array([[2.0]], dtype=np.float32)]
        V = [np.array([[0.1]]), np.array([[0.0]])]
        (r,) = dmf_oracle.vectors(instance=inst, at=[(W, V)], digits=20)
        pt = r["points"][0]
        self.assertEqual(decimal.Decimal(pt["loss"]), decimal.Decimal("1.75"))  # 1/2 (2-3)^2 + (1 + 4)/4
        self.assertEqual(decimal.Decimal(pt["direction"][0][0][0]), decimal.Decimal(0.1))  # exact binary64
        # dF/dW1 = W2 (W2 W1 - 3) + 0.5 W1 = -1.5; dF/dW2 = W1 (W2 W1 - 3) + 0.5 W2 = 0
        self.assertEqual([decimal.Decimal(g[0][0]) for g in pt["gradient"]], [decimal.Decimal("-1.5"), 0])
        self.assertEqual(r["stratum"], "given")

    def test_errors_and_docstring(self):
        with self.assertRaises(dmf_oracle.InputError) as ctx:
            dmf_oracle.vectors(2, strata=["nope"])
        self.assertIn("unknown stratum", str(ctx.exception))
        self.assertIn("Test vectors", dmf_oracle.vectors.__doc__)


if __name__ == "__main__":
    unittest.main(verbosity=2)
