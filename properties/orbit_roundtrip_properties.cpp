// CORE.orbit-roundtrip: nearest-orbit matching (the orbit `classify` reads off a point, any size)
// gives back the orbit a point was built on (issue 19 item 1). A point of a random orbit of CJW
// T2.1 (generators/orbit_gen.hpp: random roots per singular value, Haar hidden rotations, repeated
// and zero singular values, bottlenecks and wide hidden layers, d <= 32, L <= 6), perturbed by
// 1e-10 or rounded to float32 / float64, is read back with a target SVD drawn independently of
// the one it was built with. Asserted, each from facts that do not use the matching:
//   - soundness of the certified distance: distance_lower_bound <= ||point - representative||
//     (the representative lies on the orbit);
//   - the same orbit (the same multiset of roots in every block of equal y) whenever the matching
//     margin exceeds the measured change of the end layers in units of x, max(||dW_1||_F / s_1,
//     ||dW_L||_F / s_L) (Weyl: no measured x moved more, so no other candidate can be nearer);
//     otherwise the case is ambiguous at this perturbation and only the distances are asserted;
//   - the same type: T2.2's prediction (L >= 3) and the inertia of the structured Hessian at the
//     orbit read off (how many eigenvalues below -threshold), against the orbit built;
//   - no false alarm: a point certified critical is never certified far from every orbit.
// DMF_ORBIT_ROUNDTRIP_LOG=1 prints one line per case (sizes, perturbation, resolved or ambiguous).
#include "claims/landscape_claims.hpp"
#include "dmf/landscape/nearest_orbit.hpp"
#include "dmf/landscape/structured_hessian.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/problem/finite_difference.hpp"
#include "generators/orbit_gen.hpp"
#include "properties/property.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace {

using namespace dmf;

// The same multiset of (root, slope) inside every block of equal singular values (the order
// inside a block is immaterial: the SVD is free there).
bool same_orbit(const TargetSvd& t, const Orbit& a, const Orbit& b) {
    for (size_t j0 = 0; j0 < t.y.size();) {
        size_t j1 = j0;
        std::vector<std::pair<int, int>> ra, rb;
        for (; j1 < t.y.size() && t.block[j1] == t.block[j0]; ++j1) {
            ra.push_back({a.choice[j1], a.root_slope[j1]});
            rb.push_back({b.choice[j1], b.root_slope[j1]});
        }
        std::sort(ra.begin(), ra.end());
        std::sort(rb.begin(), rb.end());
        if (ra != rb) return false;
        j0 = j1;
    }
    return true;
}

int negative_count(const Instance& inst, const TargetSvd& t, const Orbit& o, const Precision& p) {
    const auto st = hessian_spectrum_structured(inst, t, o, p);
    RC_ASSERT(st.status == Status::ok);
    const Real thr = tolerance::hessian_zero_threshold(st.eigenvalues, p);
    int n = 0;
    for (Eigen::Index i = 0; i < st.eigenvalues.size(); ++i) n += st.eigenvalues(i) < -thr;
    return n;
}

}  // namespace

DMF_PROPERTY_CASES("CORE.orbit-roundtrip",
                   "a perturbed or rounded point of any orbit of T2.1 reads back as that orbit, with its type", 60) {
    const auto spec = *gen::orbit_point_spec();
    const Precision p = Precision::from_bits(128);
    const gen::OrbitPointCase c = gen::materialize(spec, p);
    const Instance& inst = c.inst;
    Rng rng(spec.seed ^ 0x9e3779b97f4a7c15ULL);
    const TargetSvd t = target_svd(inst, rng, p);  // classify's own SVD, not the one the point was built with
    const PointOrbit got = orbit_of_point(inst, t, c.point, p);
    RC_ASSERT(got.orbit.choice.size() == c.orbit.choice.size());

    PrecisionGuard g(p);
    Real scale = 1;
    for (const auto& m : c.exact) scale = std::max(scale, Real(sqrt(frobenius_norm_squared(m, p))));
    const Real rounding = make_real(p, 1, -static_cast<long>(p.bits()) + 24) * scale;
    const CjwForm form = cjw_form(inst, p);
    const Real lb = lambda_bar(inst, p);
    const Real dx = std::max(sqrt(frobenius_norm_squared(Matrix(c.point.front() - c.exact.front()), p) * form.lambda.front() / lb),
                             sqrt(frobenius_norm_squared(Matrix(c.point.back() - c.exact.back()), p) * form.lambda.back() / lb)) +
                    rounding;
    const Real distance = weights_distance(c.point, c.exact, p);

    std::string detail = " d=[";
    for (size_t i = 0; i < inst.dims.size(); ++i) detail += (i ? "," : "") + std::to_string(inst.dims[i]);
    detail += "] N=" + std::to_string(inst.num_parameters()) + " " + gen::to_string(spec.perturbation) +
              " margin " + to_string(got.margin, 4) + " dx " + to_string(dx, 4) + " lower bound " +
              to_string(got.distance_lower_bound, 4) + " distance " + to_string(distance, 4);

    // The lower bound holds for every orbit, so for the one the point was built on.
    if (got.distance_lower_bound > distance + rounding)
        RC_FAIL("distance_lower_bound above the distance to the representative:" + detail);

    const bool resolved = got.margin > dx;
    if (resolved && !same_orbit(t, got.orbit, c.orbit))
        RC_FAIL("a different orbit read back: built " + root_label_string(c.orbit) + ", read " +
                root_label_string(got.orbit) + detail);
    if (resolved) {
        if (inst.L >= 3) RC_ASSERT(predict_t2_2(inst, t, got.orbit, p) == predict_t2_2(inst, c.svd, c.orbit, p));
        RC_ASSERT(negative_count(inst, t, got.orbit, p) == negative_count(inst, c.svd, c.orbit, p));
    }
    // No false alarm: at 2^-(p/4) of the scale (classify's match tolerance) a certified critical point
    // is never certified far from every orbit.
    const Real gn = gradient_norm(inst, c.point, p);
    int max_width = *std::max_element(inst.dims.begin(), inst.dims.end());
    const bool critical = gn <= tolerance::gradient_tolerance(inst.L, max_width, gradient_scale(inst, c.point, p), p);
    Real xmax = 0;
    for (const auto& x : got.orbit.x) xmax = std::max(xmax, x);
    const Real match_tolerance = make_real(p, 1, -static_cast<long>(p.bits() / 4)) * tolerance::guarded_scale(xmax, p);
    if (critical && got.distance_lower_bound > match_tolerance) RC_FAIL("a false alarm: critical and certified far" + detail);
    if (std::getenv("DMF_ORBIT_ROUNDTRIP_LOG"))
        std::cerr << "orbit-roundtrip L=" << inst.L << detail << (resolved ? " resolved" : " ambiguous")
                  << (critical ? " critical" : "") << "\n";
    RC_TAG(resolved ? "resolved" : "ambiguous");
}

// A mutant of the certificate: the lower bound without the telescoping factor (the end-to-end
// mismatch taken as a distance of the weights). Must fail on points whose layers are far from unit scale.
DMF_HIDDEN_PROPERTY("CORE.orbit-roundtrip/mutant-no-lipschitz", "the distance lower bound without its Lipschitz factor: must fail") {
    const auto spec = *gen::orbit_point_spec();
    const Precision p = Precision::from_bits(128);
    const gen::OrbitPointCase c = gen::materialize(spec, p);
    Rng rng(spec.seed ^ 0x9e3779b97f4a7c15ULL);
    const TargetSvd t = target_svd(c.inst, rng, p);
    const PointOrbit got = orbit_of_point(c.inst, t, c.point, p);
    PrecisionGuard g(p);
    const Real distance = weights_distance(c.point, c.exact, p);
    RC_ASSERT(got.end_to_end_mismatch <= distance + make_real(p, 1, -100));
}
