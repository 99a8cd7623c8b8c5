// Lanczos extreme eigenvalues (Hessian-vector products only) against the dense spectrum.
#include "dmf/problem/instance_json.hpp"
#include "dmf/landscape/lanczos.hpp"
#include "dmf/numerics/random.hpp"

#include <doctest/doctest.h>

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
    const auto r = lanczos_extreme(inst, w, 3, p, 1, static_cast<int>(dense.size()));
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

}  // TEST_SUITE
