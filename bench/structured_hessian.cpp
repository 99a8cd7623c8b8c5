// The Hessian spectrum at a critical orbit: the block-structured path (structured_hessian.hpp)
// against the dense path (the definition's Hessian + Eigen on MPFR) on the same orbits in the
// same run. Instances: CJW, every width d, lambda_l = 1/10, Y = diag(1 + i/d), the orbit with every
// index at x+ (the global minimizer's orbit). Prints seconds, the ratio dense/structured, the max
// eigenvalue difference, and the largest N each path handled within 10 s.
#include "dmf/landscape/critical_set.hpp"
#include "dmf/landscape/lanczos.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/landscape/structured_hessian.hpp"

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

struct Case {
    Instance inst;
    TargetSvd svd;
    Orbit orbit;
};

Case make_case(int d, int L, const Precision& p) {
    Case c;
    c.inst.L = L;
    c.inst.dims.assign(L + 1, d);
    c.inst.convention = Convention::cjw;
    PrecisionGuard g(p);
    c.inst.lambda.assign(L, Real(1) / 10);
    c.inst.target = zeros(d, d, p);
    for (int i = 0; i < d; ++i) c.inst.target(i, i) = 2 - Real(i) / d;  // descending, distinct
    c.svd.U = identity(d, p);
    c.svd.V = identity(d, p);
    for (int i = 0; i < d; ++i) c.svd.y.push_back(c.inst.target(i, i)), c.svd.block.push_back(i);
    std::vector<std::vector<int>> slopes;
    const auto roots = roots_per_index(c.inst, c.svd.y, p, &slopes);
    for (int i = 0; i < d; ++i) {
        c.orbit.choice.push_back(static_cast<int>(roots[i].size()));
        c.orbit.x.push_back(roots[i].back());
        c.orbit.root_slope.push_back(slopes[i].back());
    }
    return c;
}

Weights diagonal_point(const Case& c, const Precision& p) {
    Weights w;
    const Real lb = lambda_bar(c.inst, p);
    PrecisionGuard g(p);
    for (int l = 1; l <= c.inst.L; ++l) {
        Matrix m = zeros(c.inst.dims[l], c.inst.dims[l - 1], p);
        for (int i = 0; i < c.inst.dims[0]; ++i) m(i, i) = sqrt(lb / c.inst.lambda[l - 1]) * c.orbit.x[i];
        w.push_back(m);
    }
    return w;
}
}  // namespace

int main(int argc, char** argv) {
    const Precision p = Precision::from_bits(argc > 1 ? static_cast<unsigned>(std::atoi(argv[1])) : 256);
    const double dense_limit_n = argc > 2 ? std::atof(argv[2]) : 400;
    struct Size {
        int d, L;
    };
    const std::vector<Size> sizes = {{3, 5}, {5, 4}, {7, 4}, {10, 4}, {16, 8}, {32, 8}, {64, 8}, {128, 8}, {256, 8}};
    std::printf("precision %u bits\n%8s %4s %4s %12s %12s %10s %14s %14s %14s\n", p.bits(), "N", "d", "L",
                "structured s", "dense s", "ratio", "max |diff|/|H|", "lanczos5 s", "lanczos err");
    long long best_structured = 0, best_dense = 0;
    for (const auto& s : sizes) {
        const Case c = make_case(s.d, s.L, p);
        const long long N = c.inst.num_parameters();
        StructuredSpectrum st;
        const double ts = seconds([&] { st = hessian_spectrum_structured(c.inst, c.svd, c.orbit, p); });
        if (ts <= 10) best_structured = std::max(best_structured, N);
        // Lanczos (top and bottom 5 by Hessian-vector products) at the same point, up to N = 8192.
        std::string lz_time = "-", lz_err = "-";
        if (N <= 8192) {
            LanczosResult lz;
            const double tl = seconds([&] { lz = lanczos_extreme(c.inst, diagonal_point(c, p), 5, p); });
            PrecisionGuard g(p);
            const Eigen::Index n = st.eigenvalues.size();
            Real err = 0;
            for (const auto& r : lz.highest) {
                Real best = abs(r.value - st.eigenvalues(n - 1));
                for (Eigen::Index i = 0; i < n; ++i) best = std::min(best, Real(abs(r.value - st.eigenvalues(i))));
                err = std::max(err, best);
            }
            char b1[32], b2[32];
            std::snprintf(b1, sizeof b1, "%.4g", tl);
            std::snprintf(b2, sizeof b2, "%.3g", static_cast<double>(err / abs(st.eigenvalues(n - 1))));
            lz_time = b1, lz_err = b2;
        }
        if (N <= dense_limit_n) {
            SymmetricEigen e;
            const double td = seconds([&] { e = symmetric_eigen(hessian(c.inst, diagonal_point(c, p), p), p, false); });
            if (td <= 10) best_dense = std::max(best_dense, N);
            PrecisionGuard g(p);
            Real diff = 0, norm = 0;
            for (Eigen::Index i = 0; i < e.values.size(); ++i) {
                diff = std::max(diff, Real(abs(e.values(i) - st.eigenvalues(i))));
                norm = std::max(norm, Real(abs(e.values(i))));
            }
            std::printf("%8lld %4d %4d %12.4g %12.4g %10.1f %14.3g %14s %14s\n", N, s.d, s.L, ts, td, td / ts,
                        static_cast<double>(diff / norm), lz_time.c_str(), lz_err.c_str());
        } else {
            std::printf("%8lld %4d %4d %12.4g %12s %10s %14s %14s %14s\n", N, s.d, s.L, ts, "-", "-", "-", lz_time.c_str(),
                        lz_err.c_str());
        }
        std::fflush(stdout);
    }
    std::printf("largest N within 10 s: structured %lld, dense %lld (dense tried up to N = %.0f)\n", best_structured,
                best_dense, dense_limit_n);
    return 0;
}
