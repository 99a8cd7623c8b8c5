// Splitting [0, n) over threads for the raw-MPFR kernels (the Hessian-vector product's matrix
// products, Lanczos's orthogonalization). Each thread frees MPFR's thread-local constant cache on
// exit, since its pool thread is not reused.
#pragma once

#include <Eigen/Core>
#include <mpfr.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace dmf::inline numerics {

// f(begin, end) on min(threads, n) contiguous ranges covering [0, n); inline when that is one.
template <class F>
void parallel_ranges(Eigen::Index n, unsigned threads, const F& f) {
    const auto t = static_cast<unsigned>(std::min<Eigen::Index>(std::max(1u, threads), n));
    if (t <= 1) {
        f(Eigen::Index{0}, n);
        return;
    }
    std::vector<std::thread> pool;
    for (unsigned k = 0; k < t; ++k)
        pool.emplace_back([&, k] {
            f(n * k / t, n * (k + 1) / t);
            mpfr_free_cache2(MPFR_FREE_LOCAL_CACHE);
        });
    for (auto& th : pool) th.join();
}

inline unsigned hardware_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

}  // namespace dmf::numerics
