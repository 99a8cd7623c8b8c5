// Deterministic randomness at working precision: uniform and Gaussian reals
// built from 64-bit words (never through double), and Haar-distributed
// orthogonal matrices. The same seed gives the same numbers at a given precision.
#pragma once

#include "dmf/numerics/linalg.hpp"

#include <cstdint>

namespace dmf::inline numerics {

class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next_u64();  // splitmix64
    // Uniform in [0, 1) with every one of p's bits random.
    Real uniform(const Precision& p);
    // Standard normal (Box-Muller at precision p).
    Real gaussian(const Precision& p);

private:
    std::uint64_t state_;
};

Matrix gaussian_matrix(Eigen::Index rows, Eigen::Index cols, Rng& rng, const Precision& p);

// Haar-distributed Q in O(n): QR of a Gaussian matrix with diag(R) > 0
// (Mezzadri, "How to generate random matrices from the classical compact groups").
Matrix haar_orthogonal(Eigen::Index n, Rng& rng, const Precision& p);

// U diag(sigma) V^T with U (rows x rows), V (cols x cols) Haar; sigma has
// min(rows, cols) entries. The target whose singular values we choose.
Matrix matrix_with_singular_values(Eigen::Index rows, Eigen::Index cols, const Vector& sigma, Rng& rng,
                                   const Precision& p);

}  // namespace dmf::numerics
