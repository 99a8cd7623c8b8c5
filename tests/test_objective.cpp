#include "eps_check.hpp"
#include "generators/instance_gen.hpp"
#include "dmf/problem/finite_difference.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/numerics/random.hpp"

#include <doctest/doctest.h>

using namespace dmf;

namespace {

Instance scalar_instance(const Precision& p) {
    // L = 2, all widths 1, Y = 5, lambda = (1, 1): F = 1/2 (w2 w1 - 5)^2 + (w1^2 + w2^2)/2.
    return instance_from_json(
        parse_json_exact(R"({"L":2,"dims":[1,1,1],"lambda":[1,1],"convention":"cjw","target":[[5]]})"), p);
}

Weights scalar_point(const Precision& p) {
    Matrix a = zeros(1, 1, p), b = zeros(1, 1, p);
    PrecisionGuard g(p);
    a(0, 0) = 2;
    b(0, 0) = 3;
    return {a, b};
}

Instance random_instance(Convention c, std::uint64_t seed, const Precision& p) {
    gen::InstanceSpec s;
    s.L = 3;
    s.dims = {3, 2, 4, 2};
    s.convention = c;
    s.lambda = c == Convention::kp ? std::vector<gen::Decimal>{{"0.37"}}
                                   : std::vector<gen::Decimal>{{"0.1"}, {"0.37"}, {"2"}};
    s.singular_values = {{"3"}, {"0.5"}};
    s.basis_seed = seed;
    return gen::materialize(s, p);
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("loss, gradient and Hessian of a hand-computed scalar case") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = scalar_instance(p);
    const Weights w = scalar_point(p);
    // P = 6: F = 1/2 + 2 + 9/2 = 7; dF/dw1 = w2 (P - Y) + w1 = 5; dF/dw2 = w1 (P - Y) + w2 = 5;
    // d2F/dw1^2 = w2^2 + 1 = 10, d2F/dw2^2 = w1^2 + 1 = 5, d2F/dw1dw2 = w1 w2 + (P - Y) = 7.
    CHECK(loss(inst, w, p) == 7);
    const Weights g = gradient(inst, w, p);
    CHECK(g[0](0, 0) == 5);
    CHECK(g[1](0, 0) == 5);
    const Matrix H = hessian(inst, w, p);
    CHECK(H(0, 0) == 10);
    CHECK(H(1, 1) == 5);
    CHECK(H(0, 1) == 7);
    CHECK(H(1, 0) == 7);
}

TEST_CASE("parameter order is (vec W_1, ..., vec W_L), column-major") {
    const Precision p = Precision::from_bits(64);
    Instance inst = random_instance(Convention::cjw, 1, p);
    CHECK(parameter_offset(inst, 1, 0, 0) == 0);
    CHECK(parameter_offset(inst, 1, 1, 0) == 1);   // next row of W_1 (d_1 = 2)
    CHECK(parameter_offset(inst, 1, 0, 1) == 2);   // next column of W_1
    CHECK(parameter_offset(inst, 2, 0, 0) == 6);   // W_2 starts after d_1 d_0 = 6
    CHECK(parameter_offset(inst, 3, 1, 3) == 6 + 8 + 1 + 3 * 2);
    Rng rng(3);
    Weights w;
    for (int l = 1; l <= inst.L; ++l) w.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
    const Weights back = unflatten(inst, flatten(inst, w, p), p);
    for (int l = 0; l < inst.L; ++l) CHECK(back[l] == w[l]);
}

TEST_CASE("the kp convention is KP (1) itself, and equals 2F with lambda_l = lambda/L") {
    const Precision p = Precision::from_bits(256);
    const Instance kp = random_instance(Convention::kp, 11, p);
    Rng rng(5);
    Weights w;
    for (int l = 1; l <= kp.L; ++l) w.push_back(gaussian_matrix(kp.dims[l], kp.dims[l - 1], rng, p));
    // KP (1) written out: ||M - W_L...W_1||^2 + (lambda/L) sum ||W_l||^2.
    PrecisionGuard g(p);
    Matrix P = w[0];
    for (int l = 1; l < kp.L; ++l) P = matmul(w[l], P, p);
    Real direct = frobenius_norm_squared(Matrix(kp.target - P), p);
    for (const auto& m : w) direct += kp.lambda[0] / kp.L * frobenius_norm_squared(m, p);
    DMF_CHECK_EPS(loss(kp, w, p), direct, 32, p);
    // The conversion: same target, lambda_l = lambda/L, loss factor 2.
    const CjwForm form = cjw_form(kp, p);
    CHECK(form.loss_factor == 2);
    REQUIRE(form.lambda.size() == 3u);
    for (const auto& l : form.lambda) CHECK(l == kp.lambda[0] / 3);
    Instance cjw = kp;
    cjw.convention = Convention::cjw;
    cjw.lambda = form.lambda;
    DMF_CHECK_EPS(loss(kp, w, p), 2 * loss(cjw, w, p), 8, p);
}

TEST_CASE("a deliberately wrong Hessian entry is caught by the finite-difference check") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = random_instance(Convention::cjw, 21, p);
    Rng rng(9);
    Weights w;
    for (int l = 1; l <= inst.L; ++l) w.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
    Matrix H = hessian(inst, w, p);
    const auto good = check_hessian(inst, w, H, p);
    CHECK_MESSAGE(good.ok, good.message);
    // Perturb the largest off-diagonal entry by a relative 2^-40, far above rounding at 128 bits.
    Eigen::Index bi = 1, bj = 0;
    for (Eigen::Index j = 0; j < H.cols(); ++j)
        for (Eigen::Index i = j + 1; i < H.rows(); ++i)
            if (abs(H(i, j)) > abs(H(bi, bj))) bi = i, bj = j;
    PrecisionGuard g(p);
    H(bi, bj) *= 1 + epsilon(Precision::from_bits(41));
    const auto bad = check_hessian(inst, w, H, p);
    CHECK_FALSE(bad.ok);
    CHECK(bad.worst_row == bi);
    CHECK(bad.worst_col == bj);
}

TEST_CASE("a gradient missing its regularization term is caught") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = random_instance(Convention::kp, 4, p);
    Rng rng(13);
    Weights w;
    for (int l = 1; l <= inst.L; ++l) w.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
    Weights g = gradient(inst, w, p);
    CHECK(check_gradient(inst, w, flatten(inst, g, p), p).ok);
    PrecisionGuard guard(p);
    g[1] -= 2 * inst.lambda[0] / inst.L * w[1];  // drop lambda_l W_l from layer 2
    CHECK_FALSE(check_gradient(inst, w, flatten(inst, g, p), p).ok);
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("tolerances are homogeneous: at a 2^-200 scale a missing gradient term is still caught") {
    const Precision p = Precision::from_bits(128);
    Instance inst = random_instance(Convention::cjw, 31, p);
    Rng rng(17);
    Weights w;
    PrecisionGuard g(p);
    // Scale everything down exactly: W by 2^-200, Y by 2^-600 (L = 3), lambda by 2^-800.
    for (int l = 1; l <= inst.L; ++l) w.push_back(Matrix(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p) * make_real(p, 1, -200)));
    inst.target = inst.target * make_real(p, 1, -600);
    for (auto& l : inst.lambda) l *= make_real(p, 1, -800);
    Weights grad = gradient(inst, w, p);
    CHECK(check_gradient(inst, w, flatten(inst, grad, p), p).ok);
    CHECK(check_hessian(inst, w, hessian(inst, w, p), p).ok);
    grad[1] -= inst.lambda[1] * w[1];  // drop lambda_2 W_2: tiny in absolute terms, large in relative ones
    CHECK_FALSE(check_gradient(inst, w, flatten(inst, grad, p), p).ok);
}

}  // TEST_SUITE
