// The MPFR-direct symmetric eigenvalue path against Eigen on Boost's mpfr numbers.
#include "dmf/numerics/mpfr_eigenvalues.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/numerics/random.hpp"

#include <doctest/doctest.h>

using namespace dmf;

TEST_SUITE("unit") {

TEST_CASE("MPFR-direct eigenvalues agree with Eigen's to a few eps") {
    for (unsigned bits : {128u, 257u}) {
        const Precision p = Precision::from_bits(bits);
        for (int n : {1, 2, 3, 7, 30, 61}) {
            Rng rng(static_cast<std::uint64_t>(n) * 7 + bits);
            Matrix G = gaussian_matrix(n, n, rng, p);
            Matrix A;
            {
                PrecisionGuard g(p);
                A = (G + G.transpose()) / 2;
                if (n == 30) A.col(3).setZero(), A.row(3).setZero();  // a zero eigenvalue and a reducible matrix
            }
            const auto ref = symmetric_eigen_library(A, p, false);
            const auto fast = symmetric_eigenvalues_mpfr(A, p);
            REQUIRE(fast.status == Status::ok);
            PrecisionGuard g(p);
            const Real norm = dmf::tolerance::guarded_scale(std::max(abs(ref.values(0)), abs(ref.values(n - 1))), p);
            Real worst = 0;
            for (int i = 0; i < n; ++i) worst = std::max(worst, Real(abs(fast.values(i) - ref.values(i)) / (epsilon(p) * norm)));
            CHECK_MESSAGE(worst <= 16 * n, "n = " << n << ", " << bits << " bits: " << to_string(worst, 6) << " eps");
        }
    }
}

TEST_CASE("MPFR-direct eigenvalues of a diagonal and of a repeated spectrum") {
    const Precision p = Precision::from_bits(128);
    Matrix D = zeros(5, 5, p);
    for (int i = 0; i < 5; ++i) D(i, i) = 2 - (i % 2);
    const auto e = symmetric_eigenvalues_mpfr(D, p);
    CHECK(e.values(0) == 1);
    CHECK(e.values(1) == 1);
    CHECK(e.values(4) == 2);
}

}  // TEST_SUITE
