// Dense symmetric eigenvalues: the Foundation's Eigen-on-MPFR path at several
// precisions, against Eigen in double on the same matrices in the same run.
// Prints seconds, the ratio to double, and the max eigenvalue difference
// against the highest-precision result.
#include "dmf/numerics/linalg.hpp"
#include "dmf/numerics/random.hpp"

#include <Eigen/Eigenvalues>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace dmf;

namespace {
template <class F>
double seconds(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

int main(int argc, char** argv) {
    // Usage: dmf-bench-dense-eigen [--dump DIR] [sizes...]. With --dump, every matrix, the reference
    // eigenvalues and our timings are written to DIR for bench/peers.py (mpmath, numpy): the peers
    // run on the very same matrices in the same run.
    std::vector<int> sizes = {50, 100, 200, 400};
    std::string dump;
    std::vector<int> given;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--dump" && i + 1 < argc) dump = argv[++i];
        else given.push_back(std::atoi(argv[i]));
    }
    if (!given.empty()) sizes = given;
    const std::vector<unsigned> bits = {128, 256, 1024};
    std::printf("%6s %10s %12s %12s %16s\n", "N", "method", "seconds", "x double", "max |diff| ref");
    for (int n : sizes) {
        const Precision ref_p = Precision::from_bits(2048);
        Rng rng(static_cast<std::uint64_t>(n));
        Matrix G = gaussian_matrix(n, n, rng, ref_p);
        Matrix A;
        {
            PrecisionGuard g(ref_p);
            A = (G + G.transpose()) / 2;
        }
        const Vector ref = symmetric_eigen_library(A, ref_p, false).values;  // independent of the timed path
        std::FILE* out = nullptr;
        if (!dump.empty()) {
            out = std::fopen((dump + "/matrix_" + std::to_string(n) + ".txt").c_str(), "w");
            std::fprintf(out, "%d\n", n);
            for (int i = 0; i < n; ++i)
                for (int j = 0; j < n; ++j) std::fprintf(out, "%s\n", to_exact_string(A(i, j)).c_str());
            for (int i = 0; i < n; ++i) std::fprintf(out, "%s\n", to_string(ref(i), 80).c_str());
        }
        Eigen::MatrixXd Ad(n, n);
        for (int j = 0; j < n; ++j)
            for (int i = 0; i < n; ++i) Ad(i, j) = A(i, j).convert_to<double>();
        Eigen::VectorXd ed;
        const double td = seconds([&] { ed = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(Ad, Eigen::EigenvaluesOnly).eigenvalues(); });
        double dmax = 0;
        for (int i = 0; i < n; ++i) dmax = std::max(dmax, std::abs(ed(i) - ref(i).convert_to<double>()));
        std::printf("%6d %10s %12.4g %12.3g %16.3g\n", n, "double", td, 1.0, dmax);
        for (unsigned b : bits) {
            const Precision p = Precision::from_bits(b);
            const Matrix Ap = rounded(A, p);
            SymmetricEigen e;
            const double t = seconds([&] { e = symmetric_eigen(Ap, p, false); });
            PrecisionGuard g(ref_p);
            Real diff = 0;
            for (int i = 0; i < n; ++i) diff = std::max(diff, Real(abs(e.values(i) - ref(i))));
            char name[32];
            std::snprintf(name, sizeof name, "mpfr%u", p.bits());
            std::printf("%6d %10s %12.4g %12.3g %16.3g\n", n, name, t, t / td, diff.convert_to<double>());
            if (out) std::fprintf(out, "timing %u %.6g\n", p.bits(), t);
        }
        if (out) std::fclose(out);
    }
    return 0;
}
