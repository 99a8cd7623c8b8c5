// The block-structured Hessian spectrum at critical orbits against the dense Hessian of the
// definition at the orbit's (randomly rotated) representative.
#include "dmf/landscape/critical_set.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/landscape/structured_hessian.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>

using namespace dmf;

namespace {

// max |structured - dense| over all eigenvalues, in units of eps * ||H||.
double worst_units(const Instance& inst, std::uint64_t seed, const Precision& p, bool drop, int& orbits) {
    Rng rng(seed);
    const TargetSvd t = target_svd(inst, rng, p);
    double worst = 0;
    orbits = 0;
    for (const auto& o : enumerate_orbits(inst, t, p, 64)) {
        const Weights w = orbit_point(inst, t, o, rng, p);
        const auto dense = symmetric_eigen(hessian(inst, w, p), p, false);
        const auto s = hessian_spectrum_structured(inst, t, o, p, drop);
        REQUIRE(s.eigenvalues.size() == dense.values.size());
        PrecisionGuard g(p);
        const Real norm = dmf::tolerance::guarded_scale(std::max(abs(dense.values(0)), abs(dense.values(dense.values.size() - 1))), p);
        for (Eigen::Index i = 0; i < s.eigenvalues.size(); ++i)
            worst = std::max(worst, static_cast<double>(abs(s.eigenvalues(i) - dense.values(i)) / (epsilon(p) * norm)));
        ++orbits;
    }
    return worst;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("structured Hessian spectrum equals the dense one on every orbit") {
    const Precision p = Precision::from_bits(128);
    const char* cases[] = {
        // bottleneck, unequal lambda, distinct y
        R"({"L":3,"dims":[3,2,1,3],"lambda":[0.5,1,2],"convention":"cjw","target":[[4,0,0],[0,2,0],[0,0,1]]})",
        // wide hidden layers, repeated and zero singular values, rectangular target
        R"({"L":3,"dims":[3,4,3,2],"lambda":[0.25,0.25,0.25],"convention":"cjw","target":[[3,0,0],[0,3,0]]})",
        R"({"L":2,"dims":[2,3,3],"lambda":[0.5,2],"convention":"cjw","target":[[2,0],[0,0],[0,1]]})",
        // KP convention, deeper
        R"({"L":4,"dims":[2,2,3,2,2],"lambda":0.2,"convention":"kp","target":[[3,1],[0,2]]})",
        R"({"L":1,"dims":[2,3],"lambda":[0.3],"convention":"cjw","target":[[1,0],[0,2],[1,1]]})"};
    int total = 0;
    for (const char* text : cases) {
        const Instance inst = instance_from_json(parse_json_exact(text), p);
        int orbits = 0;
        const double w = worst_units(inst, 5, p, false, orbits);
        CAPTURE(text);
        CHECK_MESSAGE(w <= 64.0 * inst.num_parameters(), "worst " << w << " eps over " << orbits << " orbits");
        MESSAGE("N = " << inst.num_parameters() << ": " << orbits << " orbits, worst " << w << " eps of the spectral norm");
        total += orbits;
    }
    CHECK(total >= 20);
}

TEST_CASE("structured Hessian: dropping the cross terms is caught") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = instance_from_json(
        parse_json_exact(R"({"L":3,"dims":[2,2,2,2],"lambda":[0.5,1,2],"convention":"cjw","target":[[4,0],[0,2]]})"), p);
    int orbits = 0;
    CHECK(worst_units(inst, 5, p, true, orbits) > 1e6);
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("structured Hessian eigenvectors mapped back are eigenvectors of the dense Hessian") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = instance_from_json(
        parse_json_exact(R"({"L":3,"dims":[3,2,3,2],"lambda":[0.5,1,2],"convention":"cjw","target":[[4,0,0],[0,2,0]]})"), p);
    Rng rng(21);
    const TargetSvd t = target_svd(inst, rng, p);
    int checked = 0;
    for (const auto& o : enumerate_orbits(inst, t, p, 16)) {
        Rng copy = rng;  // orbit_point draws Q_1..Q_{L-1} first: draw the same ones here
        std::vector<Matrix> hidden;
        for (int l = 1; l < inst.L; ++l) hidden.push_back(haar_orthogonal(inst.dims[l], copy, p));
        const Weights w = orbit_point(inst, t, o, rng, p);
        const Matrix H = hessian(inst, w, p);
        const auto s = hessian_spectrum_structured_with_vectors(inst, t, o, hidden, p);
        PrecisionGuard g(p);
        const Real norm = H.norm();
        for (const auto& b : s.blocks)
            for (Eigen::Index k = 0; k < b.eigenvalues.size(); ++k) {
                const Vector v = b.vectors.col(k);
                const Real res = (matvec(H, v, p) - b.eigenvalues(k) * v).norm();
                CHECK(abs(v.norm() - 1) < 1e-30);
                CHECK_MESSAGE(res <= 1e4 * epsilon(p) * norm, "block {" << b.a << "," << b.b << "} residual " << to_string(res, 6));
                ++checked;
            }
    }
    CHECK(checked >= 50);
}

}  // TEST_SUITE

TEST_SUITE("unit") {

TEST_CASE("closed-form block eigenvalues equal the block eigensolver's, in every case the algebra covers") {
    const Precision p = Precision::from_bits(128);
    std::map<std::string, int> compared;
    Real worst_eps = 0;
    std::string worst;
    for (const char* text : {R"({"L":2,"dims":[3,3,3],"lambda":[0.5,2],"convention":"cjw","target":[[3,0,0],[0,2,0],[0,0,1]]})",
                             R"({"L":3,"dims":[3,2,2,3],"lambda":[0.25,0.5,1],"convention":"cjw","target":[[3,0,0],[0,2,0],[0,0,0.5]]})",
                             R"({"L":2,"dims":[2,1,3],"lambda":0.3,"convention":"kp","target":[[2,0],[0,1],[0,0]]})",
                             R"({"L":1,"dims":[2,2],"lambda":[0.7],"convention":"cjw","target":[[1,0],[0,2]]})",
                             R"({"L":3,"dims":[2,4,3,3],"lambda":0.2,"convention":"cjw","target":[[5,0],[0,4],[0,0]]})",
                             R"({"L":4,"dims":[3,3,2,3,2],"lambda":[0.1,0.3,0.2,0.05],"convention":"cjw","target":[[4,0,0],[0,3,0]]})",
                             R"({"L":4,"dims":[2,3,3,3,2],"lambda":0.5,"convention":"kp","target":[[6,0],[0,6]]})"}) {
        const Instance inst = instance_from_json(parse_json_exact(text), p);
        Rng rng(4);
        const TargetSvd t = target_svd(inst, rng, p);
        for (const auto& o : enumerate_orbits(inst, t, p, 32)) {
            const auto s = hessian_spectrum_structured(inst, t, o, p);
            for (const auto& b : s.blocks) {
                if (b.closed_form.size() == 0) continue;
                REQUIRE(b.closed_form.size() == b.eigenvalues.size());
                PrecisionGuard g(p);
                Real scale = 0;  // the block's spectral norm: a zero eigenvalue is known to eps of it
                for (Eigen::Index i = 0; i < b.eigenvalues.size(); ++i)
                    if (abs(b.eigenvalues(i)) > scale) scale = abs(b.eigenvalues(i));
                // The closed forms use the critical condition exactly; the block uses the computed root x_j,
                // whose residual R_j = x_j^L - y_j carries the condition number L x_j^L / |R_j| (prod s_k = 1).
                Real kappa = 0;
                for (int j : {b.a, b.b})
                    if (j < static_cast<int>(o.choice.size()) && o.choice[j] != 0) {
                        Real xl = 1;
                        for (int k = 0; k < inst.L; ++k) xl *= o.x[j];
                        const Real kj = inst.L * xl / abs(xl - t.y[j]);
                        if (kj > kappa) kappa = kj;
                    }
                for (Eigen::Index i = 0; i < b.eigenvalues.size(); ++i) {
                    const Real err = abs(b.closed_form(i) - b.eigenvalues(i)) / (epsilon(p) * scale * (1 + kappa));
                    if (err > worst_eps) {
                        worst_eps = err;
                        worst = std::string(text) + " block {" + std::to_string(b.a) + "," + std::to_string(b.b) + "}";
                    }
                    CHECK_MESSAGE(err <= 64, b.closed_form_case << " block {" << b.a << "," << b.b << "}: "
                                                               << to_string(b.closed_form(i), 40) << " vs "
                                                               << to_string(b.eigenvalues(i), 40));
                }
                ++compared[b.closed_form_case];
            }
        }
    }
    MESSAGE("closed forms: worst " << to_string(worst_eps, 3) << " eps of the block norm x (1 + kappa) at " << worst);
    for (const auto& [which, n] : compared) MESSAGE(which << ": " << n << " blocks");
    CHECK(compared["L = 1"] >= 3);
    CHECK(compared["inactive pair"] >= 20);
    CHECK(compared["one active label"] >= 20);
    CHECK(compared["active diagonal"] >= 10);
}

}  // TEST_SUITE
