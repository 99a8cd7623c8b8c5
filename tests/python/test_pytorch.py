#!/usr/bin/env python3
"""The PyTorch cross-check, small: points trained by torch (float64 and float32 GD) are judged
by the oracle, and torch's loss, gradient and Hessian at those points agree with the oracle's
to a few eps of the training dtype (the oracle computes from the definition at 100 digits), and so
do torch's gradient and Hessian-vector product, entry by entry."""
import sys
import unittest

try:
    import torch  # noqa: F401
except ImportError:
    print("pytorch-crosscheck: python3-torch is not installed (scripts/install-deps.sh installs it)")
    sys.exit(1)

import crosscheck


class PyTorchCrossCheck(unittest.TestCase):
    def test_small_run(self):
        sys.argv = ["crosscheck.py", "--quick"]
        rows = crosscheck.main()
        self.assertEqual(len(rows), 4)  # 2 instances x 2 dtypes, GD, one seed
        for r in rows:
            where = f"{r['instance']} {r['dtype']}"
            # The oracle names an orbit for every trained point.
            self.assertIsNotNone(r["nearest_orbit_type"], where)
            # torch's own arithmetic at its own point: a few eps of its dtype (scaled), no more.
            self.assertLess(r["loss_err_eps"], 64, where)
            self.assertLess(r["hessian_max_err_eps"], 256, where)
            # Every gradient and HVP entry against the oracle's vectors at the same point, within the
            # consumer's bound 4 (L + 1)(d_max + 1) eps of each entry's conditioning scale (64 here).
            self.assertLess(r["gradient_entry_err_eps"], 64, where)
            self.assertLess(r["hvp_entry_err_eps"], 64, where)


if __name__ == "__main__":
    unittest.main(verbosity=2)
