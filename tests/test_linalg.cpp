#include "eps_check.hpp"
#include "dmf/numerics/linalg.hpp"
#include "dmf/numerics/random.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace dmf;

namespace {

Real max_abs(const Matrix& m) {
    Real r = 0;
    for (Eigen::Index j = 0; j < m.cols(); ++j)
        for (Eigen::Index i = 0; i < m.rows(); ++i) r = std::max(r, Real(abs(m(i, j))));
    return r;
}

// Known spectra with repeated and zero values.
std::vector<std::vector<const char*>> spectra() {
    return {{"3", "1", "-2.5", "0.125"},
            {"2", "2", "2", "-1", "0", "0"},
            {"0", "0", "0"},
            {"1e-20", "1", "1e20", "-7", "1", "0", "3.25"}};
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("symmetric eigensolver recovers Q diag(lambda) Q^T at 256 and 1024 bits") {
    for (unsigned bits : {256u, 1024u}) {
        const Precision p = Precision::from_bits(bits);
        PrecisionGuard g(p);
        Rng rng(bits);
        for (const auto& spec : spectra()) {
            const Eigen::Index n = static_cast<Eigen::Index>(spec.size());
            std::vector<Real> lam;
            for (auto s : spec) lam.push_back(parse_real(s, p));
            Matrix D = zeros(n, n, p);
            for (Eigen::Index i = 0; i < n; ++i) D(i, i) = lam[i];
            const Matrix Q = haar_orthogonal(n, rng, p);
            const Matrix A = matmul(matmul(Q, D, p), Q.transpose(), p);
            const auto eig = symmetric_eigen(A, p);
            REQUIRE(eig.status == Status::ok);
            std::sort(lam.begin(), lam.end());
            Real scale = 0;
            for (auto& v : lam) scale = std::max(scale, Real(abs(v)));
            if (scale == 0) scale = 1;
            // Backward-stable eigensolver: |error| <= C n eps ||A||.
            const double bound = 16.0 * n;
            for (Eigen::Index i = 0; i < n; ++i)
                DMF_CHECK_EPS_SCALED(eig.values(i), lam[i], bound, p, scale);
            // Residual ||A V - V Lambda|| and orthogonality ||V^T V - I||.
            Matrix R = matmul(A, eig.vectors, p) - eig.vectors * eig.values.asDiagonal();
            CHECK(max_abs(R) <= bound * epsilon(p) * scale);
            Matrix O = matmul_transpose_left(eig.vectors, eig.vectors, p) - identity(n, p);
            CHECK(max_abs(O) <= bound * epsilon(p));
        }
    }
}

TEST_CASE("SVD recovers U diag(sigma) V^T, square and rectangular, at 256 and 1024 bits") {
    for (unsigned bits : {256u, 1024u}) {
        const Precision p = Precision::from_bits(bits);
        PrecisionGuard g(p);
        Rng rng(7 + bits);
        const std::vector<std::pair<int, int>> shapes = {{4, 4}, {3, 5}, {6, 2}, {5, 5}};
        const std::vector<std::vector<const char*>> sigmas = {
            {"5", "2", "2", "0"}, {"1", "1", "1"}, {"3", "0"}, {"1e15", "1", "1e-15", "0", "0"}};
        for (size_t c = 0; c < shapes.size(); ++c) {
            const auto [m, n] = shapes[c];
            Vector s = zero_vector(std::min(m, n), p);
            for (int i = 0; i < s.size(); ++i) s(i) = parse_real(sigmas[c][i], p);
            const Matrix A = matrix_with_singular_values(m, n, s, rng, p);
            const auto d = svd(A, p);
            REQUIRE(d.status == Status::ok);
            const Real scale = std::max(Real(1), Real(s.maxCoeff()));
            const double bound = 16.0 * (m + n);
            for (Eigen::Index i = 0; i < s.size(); ++i) DMF_CHECK_EPS_SCALED(d.sigma(i), s(i), bound, p, scale);
            Matrix S = zeros(m, n, p);
            for (Eigen::Index i = 0; i < s.size(); ++i) S(i, i) = d.sigma(i);
            const Matrix R = matmul(matmul(d.u, S, p), d.v.transpose(), p) - A;
            CHECK(max_abs(R) <= bound * epsilon(p) * scale);
            CHECK(max_abs(matmul_transpose_left(d.u, d.u, p) - identity(m, p)) <= bound * epsilon(p));
            CHECK(max_abs(matmul_transpose_left(d.v, d.v, p) - identity(n, p)) <= bound * epsilon(p));
        }
    }
}

TEST_CASE("Haar orthogonal matrices are orthogonal to working precision and reproducible") {
    const Precision p = Precision::from_bits(256);
    Rng a(42), b(42);
    const Matrix Q1 = haar_orthogonal(5, a, p);
    const Matrix Q2 = haar_orthogonal(5, b, p);
    CHECK(max_abs(Q1 - Q2) == 0);
    CHECK(max_abs(matmul_transpose_left(Q1, Q1, p) - identity(5, p)) <= 40 * epsilon(p));
}

TEST_CASE("contract violations throw") {
    const Precision p = Precision::from_bits(64);
    CHECK_THROWS_AS(matmul(zeros(2, 3, p), zeros(2, 3, p), p), std::invalid_argument);
    CHECK_THROWS_AS(symmetric_eigen(zeros(2, 3, p), p), std::invalid_argument);
}

}  // TEST_SUITE
