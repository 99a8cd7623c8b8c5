// Thick-restart Lanczos (the point's 5 extreme eigenvalues at each end, as `classify` runs it above
// --max-n) against the dense spectrum of the same Hessian, at a given point (issue 19 item 3).
//   dmf-bench-classify-krylov INSTANCE.json WEIGHTS [BITS=128] [PRODUCTS=400]
// Prints N, the Lanczos time (wall and process CPU), products and status, the dense time, and per end
// the largest |theta - nearest dense eigenvalue| / ||H|| and the largest certified residual / ||H||.
// Above N = 2,000 no dense spectrum: the residuals / the Ritz norm estimate only.
#include "dmf/landscape/lanczos.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/weights_io.hpp"

#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>

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
    if (argc < 3) {
        std::fprintf(stderr, "usage: %s INSTANCE.json WEIGHTS [BITS] [PRODUCTS]\n", argv[0]);
        return 2;
    }
    const Precision p = Precision::from_bits(argc > 3 ? static_cast<unsigned>(std::atoi(argv[3])) : 128);
    const int products = argc > 4 ? std::atoi(argv[4]) : 400;
    const Instance inst = load_instance(argv[1], p);
    const Weights w = load_weights(argv[2], inst, p);
    LanczosResult lz;
    const std::clock_t c0 = std::clock();
    const double tl = seconds([&] {
        lz = lanczos_extreme(inst, w, 5, p, 1, products, 1e6,
                             [](const std::string& s) { std::fprintf(stderr, "%s\n", s.c_str()); });
    });
    const double cl = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
    if (inst.num_parameters() > 2000) {
        PrecisionGuard g(p);
        Real lo = 0, hi = 0;
        for (const auto& r : lz.lowest) lo = std::max(lo, r.residual);
        for (const auto& r : lz.highest) hi = std::max(hi, r.residual);
        std::printf("N %lld bits %u lanczos %.3f s wall %.3f s CPU (%d products, %d restarts, %s)  low: res %.2e  high: res %.2e "
                    "(relative to ||H||_est %.6e)  lambda_min %.6e\n",
                    static_cast<long long>(inst.num_parameters()), p.bits(), tl, cl, lz.iterations, lz.restarts,
                    to_string(lz.status), static_cast<double>(lo / lz.norm_estimate),
                    static_cast<double>(hi / lz.norm_estimate), static_cast<double>(lz.norm_estimate),
                    static_cast<double>(lz.lowest.front().value));
        return 0;
    }
    SymmetricEigen e;
    const double td = seconds([&] { e = symmetric_eigen(hessian(inst, w, p), p, false); });
    PrecisionGuard g(p);
    const Eigen::Index n = e.values.size();
    const Real norm = std::max(abs(e.values(0)), abs(e.values(n - 1)));
    const auto worst = [&](const std::vector<RitzPair>& end, bool low) {
        Real err = 0, res = 0;
        for (size_t i = 0; i < end.size(); ++i) {
            // The i-th Ritz value of an end against the i-th dense eigenvalue of that end (multiplicities
            // count: Lanczos does not resolve them, so the nearest dense eigenvalue is given too).
            const Real exact = low ? e.values(static_cast<Eigen::Index>(i)) : e.values(n - 1 - static_cast<Eigen::Index>(i));
            Real nearest = abs(end[i].value - e.values(0));
            for (Eigen::Index k = 0; k < n; ++k) nearest = std::min(nearest, Real(abs(end[i].value - e.values(k))));
            err = std::max(err, std::min(Real(abs(end[i].value - exact)), nearest));
            res = std::max(res, end[i].residual);
        }
        return std::pair{static_cast<double>(err / norm), static_cast<double>(res / norm)};
    };
    const auto [lo_err, lo_res] = worst(lz.lowest, true);
    const auto [hi_err, hi_res] = worst(lz.highest, false);
    std::printf("N %lld bits %u lanczos %.3f s wall %.3f s CPU (%d products, %s) dense %.3f s  low: err %.2e res %.2e  high: err %.2e res %.2e  "
                "lambda_min %.6e\n",
                static_cast<long long>(n), p.bits(), tl, cl, lz.iterations, to_string(lz.status), td, lo_err, lo_res, hi_err,
                hi_res, static_cast<double>(e.values(0)));
    return 0;
}
