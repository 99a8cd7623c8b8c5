#!/usr/bin/python3
"""Time against N for every method of one `bench/run` output, as a PNG drawn by gnuplot.

Usage: bench/plot.py BENCH_OUTPUT OUT.png
Reads the tables bench/run prints (same run, same matrices) and writes one log-log plot.
"""
import os
import shutil
import subprocess
import sys
import tempfile


def parse(lines):
    series = {}
    section = None

    def add(name, n, t):
        series.setdefault(name, []).append((int(n), float(t)))

    for line in lines:
        if line.startswith("=="):
            section = line
            continue
        f = line.split()
        if not f or not f[0].isdigit():
            continue
        if "Eigen on MPFR vs Eigen on double" in (section or ""):
            name = {"double": "Eigen double", "mpfr257": "ours dense 257 (MPFR-direct)"}.get(f[1])
            if name:
                add(name, f[0], f[2])
        elif "mpmath" in (section or "") and "numpy" in (section or ""):
            name = {"numpy-double": "numpy/LAPACK eigvalsh double", "mpmath-256": "mpmath eigsy 256"}.get(f[1])
            if name:
                add(name, f[0], f[2])
        elif "block-structured" in (section or ""):
            add("ours structured 257", f[0], f[3])
            if f[4] != "-":
                add("dense Hessian + eigenvalues 257", f[0], f[4])
            if f[7] != "-":
                add("Lanczos top/bottom 5, 257", f[0], f[7])
        elif "stack-allocated" in (section or ""):
            add("Eigen on Boost mpfr 257 (Foundation path)", f[0], f[1])
            add("Eigen on mpfr_float_backend<77>", f[0], f[2])
    return series


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: bench/plot.py BENCH_OUTPUT OUT.png")
    if not shutil.which("gnuplot"):
        sys.exit("bench/plot.py: gnuplot not found (Debian package gnuplot-nox); no plot written")
    with open(sys.argv[1]) as fh:
        series = parse(fh.readlines())
    if not series:
        sys.exit("bench/plot.py: no benchmark tables in " + sys.argv[1])
    tmp = tempfile.mkdtemp()
    plots = []
    for i, (name, pts) in enumerate(sorted(series.items())):
        path = os.path.join(tmp, "s%d.dat" % i)
        with open(path, "w") as out:
            for n, t in sorted(pts):
                out.write("%d %.6g\n" % (n, t))
        plots.append("'%s' using 1:2 with linespoints title '%s'" % (path, name))
    terminals = subprocess.run(["gnuplot", "-e", "set terminal"], capture_output=True, text=True)
    cairo = "pngcairo" in terminals.stdout + terminals.stderr
    script = "\n".join([
        ("set terminal pngcairo" if cairo else "set terminal png") + " size 1200,700 noenhanced",
        "set output '%s'" % sys.argv[2],
        "set logscale xy",
        "set format x '%g'",
        "set format y '%g'",
        "set xlabel 'N (matrix size = number of parameters)'",
        "set ylabel 'seconds'",
        "set title 'Symmetric eigenvalues: time against N (one run of bench/run, same matrices)'",
        "set key outside right top",
        "set grid",
        "plot " + ", \\\n  ".join(plots),
    ])
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    shutil.rmtree(tmp)
    print("wrote " + sys.argv[2])


if __name__ == "__main__":
    main()
