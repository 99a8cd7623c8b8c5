"""dmf_oracle: the arbitrary-precision test oracle for regularized deep matrix factorization.

The same oracle as the `dmf-oracle` command (it runs this build's executable): every function
returns the dict that
`dmf-oracle <command> --json` prints (docs/schemas/), with every number a decimal string, so
nothing is rounded on the way. `floats(report)` gives a float view of any report.

Instances are dicts in the instance format of docs/cli.md (or a path to such a JSON file).
Numbers may be decimal strings (read exactly, as written), ints, Python or numpy floats and
numpy arrays: a float is converted to the decimal it is exactly (float32 and float64 values are
binary rationals), never rounded.

    >>> import numpy as np, dmf_oracle
    >>> inst = {"L": 2, "dims": [2, 1, 2], "convention": "cjw",
    ...         "lambda": ["1", "1"], "target": [["3", "0"], ["0", "2"]]}
    >>> report = dmf_oracle.solve(inst, digits=30)
    >>> [c["computed_type"] for c in report["critical_points"]]                      # doctest: +SKIP
    >>> W = [np.array([[1.0, 0.0]]), np.array([[1.0], [0.0]])]
    >>> dmf_oracle.evaluate(inst, W)["loss"]                       # doctest: +SKIP

`vectors(count, seed=...)` returns test vectors for other implementations (one dict per instance:
critical orbits, global minimum, and loss, gradient and Hessian-vector products at points).

Errors: bad input raises InputError (a ValueError) with the command line's message; a defect
of the oracle raises InternalError (a RuntimeError).
"""
from __future__ import annotations

import decimal
import json
import os
import subprocess
import tempfile
from typing import Any, Iterable, Optional, Sequence

from . import _paths

__all__ = ["solve", "classify", "evaluate", "claims", "check", "vectors", "floats", "run", "executable",
           "InputError", "InternalError"]


class InputError(ValueError):
    """The input was rejected (the command line's exit code 2): the message says why."""


class InternalError(RuntimeError):
    """The oracle failed (the command line's exit code 3): a defect to report."""


def executable() -> str:
    """The dmf-oracle executable this package runs: $DMF_ORACLE_EXE, else the one it was built with."""
    return os.environ.get("DMF_ORACLE_EXE") or _paths.EXECUTABLE


def run(args: Sequence[str]) -> tuple[int, str, str]:
    """Run `dmf-oracle ARGS...`: (exit code, stdout, stderr), nothing raised."""
    exe = executable()
    if not os.access(exe, os.X_OK):
        raise InternalError(f"dmf_oracle: the executable {exe} is missing (build the project, or set DMF_ORACLE_EXE)")
    p = subprocess.run([exe] + [str(a) for a in args], capture_output=True)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def _exact_decimal(x: Any) -> Any:
    """A number as the decimal string it is exactly; lists and arrays element by element."""
    try:
        import numpy as np
    except ImportError:  # numpy is optional for callers passing strings and lists
        np = None
    if isinstance(x, str):
        return x
    if isinstance(x, bool):
        raise TypeError("dmf_oracle: a boolean is not a number")
    if isinstance(x, int):
        return str(x)
    if isinstance(x, decimal.Decimal):
        if not x.is_finite():
            raise InputError(f"dmf_oracle: not a finite number: {x}")
        return format(x, "f") if abs(x.as_tuple().exponent) < 400 else str(x)
    if np is not None and isinstance(x, np.ndarray):
        return [_exact_decimal(v) for v in x.tolist()] if x.ndim else _exact_decimal(x.item())
    if np is not None and isinstance(x, np.generic):
        return _exact_decimal(x.item())
    if isinstance(x, float):
        # Decimal(float) is exact: every finite binary64 value is a finite decimal.
        d = decimal.Decimal(x)
        if not d.is_finite():
            raise InputError(f"dmf_oracle: not a finite number: {x}")
        return str(d)
    if isinstance(x, (list, tuple)):
        return [_exact_decimal(v) for v in x]
    raise TypeError(f"dmf_oracle: cannot read {type(x).__name__} as a number")


def _instance_json(instance: Any) -> dict:
    if isinstance(instance, dict):
        out = {}
        for k, v in instance.items():
            out[k] = _exact_decimal(v) if k in ("lambda", "target") else v
        return out
    raise TypeError("dmf_oracle: an instance is a dict (or a path to an instance JSON file)")


def _write_json(directory: str, name: str, obj: Any) -> str:
    path = os.path.join(directory, name)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f)
    return path


def _instance_path(instance: Any, directory: str) -> str:
    if isinstance(instance, (str, os.PathLike)):
        return os.fspath(instance)
    return _write_json(directory, "instance.json", _instance_json(instance))


def _weights_path(weights: Any, directory: str) -> str:
    if isinstance(weights, (str, os.PathLike)):
        return os.fspath(weights)
    if isinstance(weights, dict) and "weights" in weights:
        weights = weights["weights"]
    if not isinstance(weights, (list, tuple)):
        raise TypeError("dmf_oracle: weights are a list [W_1, ..., W_L] of matrices (numpy arrays "
                        "or lists of rows), or a path (point JSON, .npz, .safetensors, .npy directory)")
    return _write_json(directory, "point.json", {"weights": [_exact_decimal(w) for w in weights]})


def _precision_args(digits: Optional[int], bits: Optional[int]) -> list[str]:
    args = []
    if digits is not None:
        args += ["--digits", str(int(digits))]
    if bits is not None:
        args += ["--bits", str(int(bits))]
    return args


def _json_command(args: list[str], allow_disagreement: bool = False) -> Any:
    code, out, err = run(args + ["--json"])
    if code == 2:
        raise InputError(err.strip().removeprefix("dmf-oracle: error: "))
    if code == 3 or (code == 1 and not allow_disagreement) or code not in (0, 1):
        raise InternalError(err.strip().removeprefix("dmf-oracle: internal error: ")
                            or f"dmf-oracle exited with code {code}")
    try:
        return json.loads(out)
    except json.JSONDecodeError as e:  # pragma: no cover - a defect, not an input problem
        raise InternalError(f"dmf_oracle: the command printed no JSON ({e}): {out[:200]!r}") from e


def solve(instance: Any, *, digits: Optional[int] = None, bits: Optional[int] = None,
          max_n: Optional[int] = None) -> dict:
    """The whole landscape of an instance: thresholds, global minimum, every critical orbit of
    CJW Theorem 2.1 with its type, and the claims that apply (`dmf-oracle solve --json`)."""
    with tempfile.TemporaryDirectory(prefix="dmf_oracle_") as d:
        args = ["solve", _instance_path(instance, d)] + _precision_args(digits, bits)
        if max_n is not None:
            args += ["--max-n", str(int(max_n))]
        return _json_command(args)


def classify(instance: Any, weights: Any, *, digits: Optional[int] = None, bits: Optional[int] = None,
             max_n: Optional[int] = None) -> dict:
    """What a point is: loss, gradient norm, its nearest critical orbit and type (global or
    spurious local minimizer, strict or non-strict saddle), its distance to that orbit, and the
    Hessian spectrum against the prediction (`dmf-oracle classify --json`).

    weights: [W_1, ..., W_L] as numpy arrays (float32/float64, converted exactly) or lists of
    decimal strings, or a path to a point JSON, .npz, .safetensors or a directory of W*.npy."""
    with tempfile.TemporaryDirectory(prefix="dmf_oracle_") as d:
        args = ["classify", _instance_path(instance, d), "--weights", _weights_path(weights, d)]
        args += _precision_args(digits, bits)
        if max_n is not None:
            args += ["--max-n", str(int(max_n))]
        return _json_command(args)


def evaluate(instance: Any, weights: Any = None, *, hessian: bool = False, digits: Optional[int] = None,
             bits: Optional[int] = None, max_n: Optional[int] = None) -> dict:
    """Loss and gradient at a point, from the definition of F (and with hessian=True the full
    Hessian spectrum); without weights, the instance's own facts (`dmf-oracle evaluate --json`)."""
    with tempfile.TemporaryDirectory(prefix="dmf_oracle_") as d:
        args = ["evaluate", _instance_path(instance, d)]
        if weights is not None:
            args += ["--weights", _weights_path(weights, d)]
        if hessian:
            args.append("--hessian")
        if max_n is not None:
            args += ["--max-n", str(int(max_n))]
        return _json_command(args + _precision_args(digits, bits))


def claims() -> dict:
    """The claim registry: every claim's ID, statement as printed, status and corrected form."""
    return _json_command(["claims"])


def check(claim_ids: Optional[Iterable[str]] = None, cases: Optional[int] = None,
          seed: Optional[int] = None, time_budget_s: Optional[float] = None) -> dict:
    """Run claims' properties (default: every claim) and return the claim table. A claim that
    disagrees is reported in the table (its verdict), not raised."""
    args = ["check"]
    if claim_ids is not None:
        ids = [claim_ids] if isinstance(claim_ids, str) else list(claim_ids)
        args += ["--claims"] + ids
    if cases is not None:
        args += ["--cases", str(int(cases))]
    if seed is not None:
        args += ["--seed", str(int(seed))]
    if time_budget_s is not None:
        args += ["--time-budget-s", repr(float(time_budget_s))]
    return _json_command(args, allow_disagreement=True)


def vectors(count: Optional[int] = None, *, seed: Optional[int] = None, strata: Optional[Iterable[str]] = None,
            points: Optional[int] = None, instance: Any = None, at: Optional[Sequence[Any]] = None,
            digits: Optional[int] = None, bits: Optional[int] = None, max_n: Optional[int] = None,
            out: Optional[str] = None) -> list:
    """Test vectors (`dmf-oracle vectors`): a list of dicts, one per instance, each a line of the
    JSON Lines file (docs/schemas/vectors.schema.json): the instance, its thresholds, every critical
    orbit with type and value, the global minimum and its uniqueness, the Hessian spectrum there,
    and points with loss, gradient and Hessian-vector product, every number a decimal string.

    Either `count` instances drawn from `seed` (strata: "kp-scalar", "cjw-matrix", "kp-matrix";
    `points` random points each), or one `instance` (dict or path) with `at`: a list of
    (weights, direction) pairs, each [W_1, ..., W_L] of numpy arrays (converted exactly) or lists of
    decimal strings. `out` also keeps the file (written as the command writes it)."""
    with tempfile.TemporaryDirectory(prefix="dmf_oracle_") as d:
        path = os.fspath(out) if out is not None else os.path.join(d, "vectors.jsonl")
        args = ["vectors", "--out", path]
        if instance is not None:
            args += ["--instance", _instance_path(instance, d)]
        if count is not None:
            args += ["--count", str(int(count))]
        if seed is not None:
            args += ["--seed", str(int(seed))]
        if strata is not None:
            args += ["--strata", ",".join([strata] if isinstance(strata, str) else list(strata))]
        if points is not None:
            args += ["--points", str(int(points))]
        if at is not None:
            pairs = [{"weights": _exact_decimal(list(w)), "direction": _exact_decimal(list(v))} for w, v in at]
            args += ["--at", _write_json(d, "at.json", {"points": pairs})]
        if max_n is not None:
            args += ["--max-n", str(int(max_n))]
        code, _, err = run(args + _precision_args(digits, bits))
        if code == 2:
            raise InputError(err.strip().removeprefix("dmf-oracle: error: "))
        if code != 0:
            raise InternalError(err.strip().removeprefix("dmf-oracle: internal error: ")
                                or f"dmf-oracle exited with code {code}")
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]


def floats(report: Any) -> Any:
    """A float view of a report: every decimal string that is a number becomes a float (other
    strings, such as types and verdicts, stay). For plotting; compare with the strings."""
    if isinstance(report, dict):
        return {k: floats(v) for k, v in report.items()}
    if isinstance(report, list):
        return [floats(v) for v in report]
    if isinstance(report, str):
        try:
            decimal.Decimal(report)
        except decimal.InvalidOperation:
            return report
        if report.strip().lower() in ("nan", "inf", "infinity", "-inf", "-infinity", "+inf"):
            return report
        return float(report)
    return report
