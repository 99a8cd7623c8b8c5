#include "dmf/numerics/random.hpp"

#include <boost/multiprecision/mpfr.hpp>

namespace dmf::inline numerics {

std::uint64_t Rng::next_u64() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

Real Rng::uniform(const Precision& p) {
    PrecisionGuard guard(p);
    Real u = 0;
    const unsigned words = p.bits() / 64 + 1;
    for (unsigned k = 1; k <= words; ++k) {
        Real w;
        mpfr_set_uj_2exp(w.backend().data(), next_u64(), -64 * static_cast<long>(k), MPFR_RNDN);
        u += w;
    }
    // Rounding the sum can reach exactly 1; fold it back into [0, 1).
    if (u >= 1) u -= 1;
    return u;
}

Real Rng::gaussian(const Precision& p) {
    PrecisionGuard guard(p);
    Real u1 = uniform(p);
    while (u1 == 0) u1 = uniform(p);
    const Real u2 = uniform(p);
    Real pi;
    mpfr_const_pi(pi.backend().data(), MPFR_RNDN);
    return sqrt(-2 * log(u1)) * cos(2 * pi * u2);
}

Matrix gaussian_matrix(Eigen::Index rows, Eigen::Index cols, Rng& rng, const Precision& p) {
    Matrix g = zeros(rows, cols, p);
    for (Eigen::Index j = 0; j < cols; ++j)
        for (Eigen::Index i = 0; i < rows; ++i) g(i, j) = rng.gaussian(p);
    return g;
}

Matrix haar_orthogonal(Eigen::Index n, Rng& rng, const Precision& p) {
    return qr_q_positive(gaussian_matrix(n, n, rng, p), p);
}

Matrix matrix_with_singular_values(Eigen::Index rows, Eigen::Index cols, const Vector& sigma, Rng& rng,
                                   const Precision& p) {
    const Eigen::Index k = std::min(rows, cols);
    if (sigma.size() != k) throw std::invalid_argument("matrix_with_singular_values: need min(rows, cols) values");
    const Matrix U = haar_orthogonal(rows, rng, p);
    const Matrix V = haar_orthogonal(cols, rng, p);
    Matrix S = zeros(rows, cols, p);
    {
        PrecisionGuard guard(p);
        for (Eigen::Index i = 0; i < k; ++i) S(i, i) = rounded(sigma(i), p);
    }
    return matmul(matmul(U, S, p), V.transpose(), p);
}

}  // namespace dmf::numerics
