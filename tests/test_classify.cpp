// The first-principles classifier on points whose type is known by hand.
#include "dmf/landscape/classify.hpp"
#include "dmf/landscape/critical_set.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/line_expansion.hpp"
#include "dmf/landscape/symmetry_orbit.hpp"

#include <doctest/doctest.h>

using namespace dmf;

namespace {

Instance from_json(const std::string& text, const Precision& p) { return instance_from_json(parse_json_exact(text), p); }

Weights scalar_point(const std::vector<const char*>& values, const Precision& p) {
    Weights w;
    for (const char* v : values) {
        Matrix m = zeros(1, 1, p);
        m(0, 0) = parse_real(v, p);
        w.push_back(m);
    }
    return w;
}

}  // namespace

TEST_SUITE("unit") {

TEST_CASE("line expansion: coefficients of F(w + t v) match the loss at exact rational t") {
    const Precision p = Precision::from_bits(160);
    const Instance inst = from_json(
        R"({"L":3,"dims":[2,3,2,2],"lambda":[0.5,1,2],"convention":"cjw","target":[[1,2],[3,-1]]})", p);
    Rng rng(7);
    Weights w, v;
    for (int l = 1; l <= 3; ++l) {
        w.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
        v.push_back(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p));
    }
    const LineExpansion e = expand_along_line(inst, w, v, p);
    PrecisionGuard g(p);
    for (const char* ts : {"0.5", "-1.25", "2"}) {
        const Real t = parse_real(ts, p);
        Weights wt = w;
        for (int l = 0; l < 3; ++l) wt[l] = w[l] + t * v[l];
        Real poly = 0, tk = 1;
        for (const auto& c : e.coefficient) poly += c * tk, tk *= t;
        const Real direct = loss(inst, wt, p);
        CHECK_MESSAGE(abs(poly - direct) <= 1e4 * epsilon(p) * (abs(direct) + 1), to_string(poly - direct, 6));
    }
    // D^3F[v, v, v] = 6 c_3 from the gradient's t^2 coefficient.
    const Vector vflat = flatten(inst, v, p);
    const Real c3 = e.cubic_gradient.dot(vflat) / 6;
    CHECK(abs(c3 - e.coefficient[3]) <= 1e4 * epsilon(p) * e.magnitude[3]);
}

TEST_CASE("classify: exact scalar points of known type") {
    const Precision p = Precision::from_bits(128);
    // L = 3, lambda = 3: ybar = 4 and xbar = 1 exactly; w = (1, 1, 1) is the double root,
    // a non-strict saddle (F is cubic along (1, 1, 1)); w = 0 is a local minimizer.
    const Instance on_ybar = from_json(R"({"L":3,"dims":[1,1,1,1],"lambda":[3,3,3],"convention":"cjw","target":[[4]]})", p);
    auto c = classify_point(on_ybar, scalar_point({"1", "1", "1"}, p), p);
    CHECK_MESSAGE(c.kind == PointKind::non_strict_saddle, c.evidence);
    c = classify_point(on_ybar, scalar_point({"0", "0", "0"}, p), p);
    CHECK_MESSAGE(c.kind == PointKind::local_minimizer, c.evidence);
    c = classify_point(on_ybar, scalar_point({"1", "1", "0.5"}, p), p);
    CHECK(c.kind == PointKind::not_critical);
    // L = 2, lambda = 1, y = 1: w = 0 has a singular PSD Hessian and F = 1/2 + t^4/8 along (1, 1):
    // the quartic decides a local minimizer.
    const Instance l2 = from_json(R"({"L":2,"dims":[1,1,1],"lambda":[1,1],"convention":"cjw","target":[[1]]})", p);
    c = classify_point(l2, scalar_point({"0", "0"}, p), p);
    CHECK_MESSAGE(c.kind == PointKind::local_minimizer, c.evidence);
    CHECK(c.beyond_orbit == 1);
    // Hidden width 2 at the same threshold: a two-dimensional kernel (w_1 = e_k, w_2 = e_k^T), no orbit
    // through w = 0, and the quartic form |a|^4 / 8 certified positive on the whole circle.
    const Instance wide = from_json(R"({"L":2,"dims":[1,2,1],"lambda":[1,1],"convention":"cjw","target":[[1]]})", p);
    Weights zero{zeros(2, 1, p), zeros(1, 2, p)};
    c = classify_point(wide, zero, p);
    CHECK_MESSAGE(c.kind == PointKind::local_minimizer, c.evidence);
    CHECK(c.beyond_orbit == 2);
    // Same instance, y = 2: w = 0 is a strict saddle.
    const Instance l2b = from_json(R"({"L":2,"dims":[1,1,1],"lambda":[1,1],"convention":"cjw","target":[[2]]})", p);
    c = classify_point(l2b, scalar_point({"0", "0"}, p), p);
    CHECK_MESSAGE(c.kind == PointKind::strict_saddle, c.evidence);
    c = classify_point(l2b, scalar_point({"1", "1"}, p), p);  // x^2 = y - lambda = 1
    CHECK_MESSAGE(c.kind == PointKind::local_minimizer, c.evidence);
}

TEST_CASE("classify: the orbit tangent absorbs hidden and target-fixing rotations") {
    const Precision p = Precision::from_bits(128);
    // Y = 2 I (repeated singular values), L = 2, widths 2: the minimizer W_2 W_1 = I has the
    // hidden O(2) and the target-fixing rotations (R, R) in its orbit.
    const Instance inst =
        from_json(R"({"L":2,"dims":[2,2,2],"lambda":[1,1],"convention":"cjw","target":[[2,0],[0,2]]})", p);
    Rng rng(3);
    const TargetSvd t = target_svd(inst, rng, p);
    for (const auto& o : enumerate_orbits(inst, t, p)) {
        const Weights w = orbit_point(inst, t, o, rng, p);
        const auto c = classify_point(inst, w, p);
        const PointKind expected = o.active() == 2 ? PointKind::local_minimizer : PointKind::strict_saddle;
        CHECK_MESSAGE(c.kind == expected, "active " << o.active() << ": " << c.evidence);
        if (o.active() == 2) {
            // The hidden rotation and the target-fixing one move W along the same curve
            // (2 x 2 skew matrices commute with rotations): a one-dimensional orbit.
            CHECK(c.orbit_dimension == 1);
            CHECK(c.inertia.zero == 1);
        }
    }
}

TEST_CASE("classify: a rotated saddle of a distinct-singular-value target") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = from_json(
        R"({"L":3,"dims":[2,3,3,2],"lambda":[0.25,0.5,1],"convention":"cjw","target":[[3,1],[0,2]]})", p);
    Rng rng(11);
    const TargetSvd t = target_svd(inst, rng, p);
    int minima = 0, saddles = 0;
    for (const auto& o : enumerate_orbits(inst, t, p)) {
        const auto c = classify_point(inst, orbit_point(inst, t, o, rng, p), p);
        CHECK_MESSAGE(c.kind != PointKind::undecided, c.evidence);
        CHECK_MESSAGE(c.kind != PointKind::not_critical, c.evidence);
        minima += c.kind == PointKind::local_minimizer;
        saddles += c.kind == PointKind::strict_saddle;
    }
    CHECK(minima >= 1);
    CHECK(saddles >= 1);
}

}  // TEST_SUITE
