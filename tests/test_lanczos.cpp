// Lanczos extreme eigenvalues (Hessian-vector products only) against the dense spectrum.
#include "dmf/problem/instance_json.hpp"
#include "dmf/landscape/lanczos.hpp"
#include "dmf/numerics/random.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

using namespace dmf;

TEST_SUITE("unit") {

TEST_CASE("Lanczos extreme eigenvalues agree with the dense spectrum within their residuals") {
    const Precision p = Precision::from_bits(160);
    const Instance inst = instance_from_json(
        parse_json_exact(R"({"L":3,"dims":[4,3,5,4],"lambda":[0.1,0.2,0.3],"convention":"cjw","target":[[1,2,0,0],[0,1,0,3],[2,0,1,0],[0,0,0,1]]})"), p);
    Rng rng(9);
    Weights w;
    for (int l = 1; l <= 3; ++l) w.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
    const auto dense = symmetric_eigen(hessian(inst, w, p), p, false).values;
    const auto r = lanczos_extreme(inst, w, 3, p);
    PrecisionGuard g(p);
    const Eigen::Index n = dense.size();
    for (int j = 0; j < 3; ++j) {
        const Real lo = abs(r.lowest[j].value - dense(j)), hi = abs(r.highest[j].value - dense(n - 1 - j));
        CHECK_MESSAGE(lo <= r.lowest[j].residual + 1e-30, to_string(r.lowest[j].value, 30) << " vs " << to_string(dense(j), 30));
        CHECK_MESSAGE(hi <= r.highest[j].residual + 1e-30, to_string(r.highest[j].value, 30) << " vs " << to_string(dense(n - 1 - j), 30));
        // Converged: the residuals are at rounding level, not just bounds.
        CHECK(r.lowest[j].residual < 1e-30);
        CHECK(r.highest[j].residual < 1e-30);
    }
}

TEST_CASE("HessianVectorProduct (8L products, Arb kernels) agrees with the dense Hessian times v") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = instance_from_json(
        parse_json_exact(R"({"L":4,"dims":[3,4,2,5,3],"lambda":0.1,"convention":"kp","target":[[1,2,0],[0,1,3],[2,0,1]]})"), p);
    Rng rng(3);
    Weights w, v;
    for (int l = 1; l <= inst.L; ++l) w.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
    for (int l = 1; l <= inst.L; ++l) v.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
    const Vector dense = matvec(hessian(inst, w, p), flatten(inst, v, p), p);
    const Vector fast = HessianVectorProduct(inst, w, p).apply(flatten(inst, v, p));
    PrecisionGuard g(p);
    CHECK((dense - fast).cwiseAbs().maxCoeff() <= Real("1e-34") * (1 + dense.cwiseAbs().maxCoeff()));
}

TEST_CASE("HessianVectorProduct at N = 1,200 (two threads, Arb's block products) agrees with central differences of the gradient at 2p") {
    // Widths 20 (n_ d_0 >= 20,000: the threaded path) and 48 (arb_mat_approx_mul's block algorithm);
    // the reference is independent of the HVP code: the gradient (Eigen products) at 256 bits, at
    // w +- h v with h = 2^-70, whose central difference is exact to O(h^2) = 2^-140.
    const Precision p = Precision::from_bits(128), q = p.times(2);
    for (const auto& [L, dims] : std::vector<std::pair<int, std::vector<int>>>{{3, {20, 20, 20, 20}}, {2, {48, 12, 48}}}) {
        std::string json = R"({"L":)" + std::to_string(L) + R"(,"dims":[)";
        for (size_t i = 0; i < dims.size(); ++i) json += (i ? "," : "") + std::to_string(dims[i]);
        json += R"(],"lambda":0.05,"convention":"cjw","target":[)";
        Rng ry(5);
        for (int i = 0; i < dims.back(); ++i) {
            json += i ? ",[" : "[";
            for (int j = 0; j < dims.front(); ++j) json += (j ? "," : "") + std::to_string(ry.gaussian(p).convert_to<double>());
            json += "]";
        }
        json += "]}";
        const Instance inst = instance_from_json(parse_json_exact(json), p);
        const Instance iq = instance_from_json(parse_json_exact(json), q);
        Rng rng(11);
        Weights w, v;
        for (int l = 1; l <= L; ++l) w.push_back(gaussian_matrix(dims[l], dims[l - 1], rng, p));
        for (int l = 1; l <= L; ++l) v.push_back(gaussian_matrix(dims[l], dims[l - 1], rng, p));
        const Vector fast = HessianVectorProduct(inst, w, p).apply(flatten(inst, v, p));
        PrecisionGuard g(q);
        const Real h = make_real(q, 1, -70);
        Weights plus, minus;
        for (int l = 0; l < L; ++l) {
            plus.push_back(Matrix(w[l] + h * v[l]));
            minus.push_back(Matrix(w[l] - h * v[l]));
        }
        const Vector fd = (flatten(iq, gradient(iq, plus, q), q) - flatten(iq, gradient(iq, minus, q), q)) / (2 * h);
        Real err = 0, scale = 0;
        for (Eigen::Index i = 0; i < fd.size(); ++i) {
            err = std::max(err, Real(abs(fd(i) - fast(i))));
            scale = std::max(scale, Real(abs(fd(i))));
        }
        INFO("N = " << inst.num_parameters() << ", max |fd - hvp| = " << to_string(err, 4) << " of " << to_string(scale, 4));
        MESSAGE("N = " << inst.num_parameters() << ": max |fd - hvp| / max |fd| = " << to_string(err / scale, 3));
        CHECK(err <= Real("1e-33") * scale);
        CHECK(err > 0);  // the two computations are different ones
    }
}

TEST_CASE("thick-restart Lanczos: a clustered spectrum, restarted many times, within its certificates") {
    // A diagonal operator (n = 400) with clusters at both ends: 1 +- 1e-8 j at the bottom (a cluster of 6)
    // and 5 - 1e-6 j at the top, the rest spread over [2, 4]. A basis of 30 forces restarts.
    const Precision p = Precision::from_bits(128);
    PrecisionGuard g(p);
    const long long n = 400;
    Vector d = zero_vector(n, p);
    for (long long i = 0; i < n; ++i) d(i) = 2 + Real(2 * i) / n;
    for (int j = 0; j < 6; ++j) d(7 * j + 3) = 1 + Real("1e-8") * j;
    for (int j = 0; j < 6; ++j) d(11 * j + 100) = 5 - Real("1e-6") * j;
    Vector sorted = d;
    std::sort(sorted.data(), sorted.data() + n);
    const SymmetricOperator op = [&](const Vector& x) { return Vector(d.cwiseProduct(x)); };
    LanczosOptions o;
    o.k = 5;
    o.basis = 30;
    o.tol_eps = 1e4;
    const LanczosResult r = lanczos_extreme(op, n, p, o);
    CHECK(r.status == Status::ok);
    CHECK(r.restarts > 0);
    for (int j = 0; j < 5; ++j) {
        INFO("j = " << j << " lowest " << to_string(r.lowest[j].value, 30) << " residual " << to_string(r.lowest[j].residual, 4));
        CHECK(abs(r.lowest[j].value - sorted(j)) <= r.lowest[j].residual + Real("1e-35"));
        CHECK(abs(r.highest[j].value - sorted(n - 1 - j)) <= r.highest[j].residual + Real("1e-35"));
        CHECK(r.lowest[j].residual <= Real("1e-30"));
        CHECK(r.highest[j].residual <= Real("1e-30"));
    }
}

}  // TEST_SUITE
