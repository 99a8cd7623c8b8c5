// CJW's matrix landscape (T2.2, C2.3, A1) on generated instances, every critical orbit of
// T2.1 classified from first principles (properties/landscape_claims.hpp), and the
// classifier itself cross-checked against the sign of F along Hessian eigenvectors.
// Instances come from generators/landscape_gen.hpp: ybar and CJW (10)'s tie hit exactly.
#include "generators/landscape_gen.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/landscape/structured_hessian.hpp"
#include "claims/landscape_claims.hpp"
#include "properties/property.hpp"
#include "properties/verdict_marks.hpp"
#include "claims/replay.hpp"
#include "claims/scalar_corpus.hpp"
#include "dmf/theory/cjw.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>

namespace {

using namespace dmf;

const Precision& bits128() {
    static const Precision p = Precision::from_bits(128);
    return p;
}

struct LandscapeCase {
    Instance inst;
    Landscape land;
    bool on_anchor = false;  // some singular value placed on the anchor (the exceptional set)
};

// The strata a landscape property must reach (generators/landscape_gen.hpp strata()); L = 2 has no
// exact ybar or tie anchor and no separate depth.
std::vector<std::string> expected_landscape_strata(bool depth_two) {
    std::vector<std::string> s{"r>=2", "bottleneck", "repeated y", "zero y", "on anchor", "2^-k off anchor",
                               "unequal lambda", "non-diagonal", "|lambda| beyond 1e+-10"};
    if (!depth_two) s.insert(s.end(), {"anchor ybar", "anchor tie"});
    return s;
}

// An undecided verdict is allowed on the exceptional set (a value exactly on the anchor, or a
// rounded one beside it); a landscape with the orbit W = 0 alone says nothing about the types.
void require(const CheckResult& r, const LandscapeCase* c = nullptr) {
    prop::note_verdict(r, c && c->on_anchor);
    if (c && c->land.orbits.size() <= 1) prop::mark_trivial("only the orbit W = 0");
    if (r.verdict == Verdict::violated)
        RC_FAIL(r.quantity + "\n  printed:  " + r.printed + "\n  computed: " + r.computed + "\n  " + r.detail);
}


// At L = 2 (CJW.A1) the interesting stratum is a bottleneck d_1 < r with two values above the
// threshold: drawn more often there.
// `multistart_starts`: the independent global value's random starts (classify_landscape). The
// claims about types only (C2.3 and E79: is some orbit a non-strict saddle; the classifier's line
// signs) never read the global value, so they pass 0 and skip the multistart, most of a
// landscape's cost; global versus spurious (T2.2, A1) keeps it.
LandscapeCase draw(int min_depth, int max_depth, bool tie_heavy = false, int exact_depth_percent = 0,
                   int multistart_starts = 3, int beyond_bottleneck_percent = 0) {
    gen::LandscapeGenOptions o;
    o.beyond_bottleneck_percent = beyond_bottleneck_percent;
    o.tie_heavy = tie_heavy;
    o.exact_depth_percent = exact_depth_percent;
    o.min_depth = min_depth;
    o.max_depth = max_depth;
    if (max_depth <= 2) o.bottleneck_percent = o.rank_percent = 60;
    const auto spec = *gen::landscape_spec(o);
    const auto strata = gen::strata(spec);
    prop::mark_strata(strata);
    prop::expect_strata(expected_landscape_strata(max_depth <= 2));
    const Precision& p = bits128();
    LandscapeCase c{gen::materialize(spec, p), {}, std::find(strata.begin(), strata.end(), "on anchor") != strata.end()};
    c.land = classify_landscape(c.inst, p, spec.seed ^ 0x9e3779b97f4a7c15ULL, multistart_starts);
    RC_TAG(c.land.undecided ? "some orbit undecided" : "all orbits decided");
    return c;
}

// DMF_LANDSCAPE_STATS=1 prints one line per checked instance to stderr (for the notes'
// per-claim counts: instances, orbits classified, agreements).
void stats(const char* claim, const Landscape& land, const CheckResult& r) {
    static const bool on = std::getenv("DMF_LANDSCAPE_STATS") != nullptr;
    if (on) std::cerr << "landscape-stats " << claim << " orbits=" << land.orbits.size() << " verdict=" << to_string(r.verdict)
                      << " detail=" << r.detail.substr(0, 400) << "\n";
}

void t2_2(T22Variant v) {
    const auto c = draw(3, 6, true);
    const auto r = check_cjw_t2_2(c.inst, c.land, bits128(), v);
    stats(v == T22Variant::corrected ? "CJW.T2.2/corrected" : "CJW.T2.2/other", c.land, r);
    prop::record_error(0, r.detail.substr(0, 60));
    require(r, &c);
}

}  // namespace

DMF_HIDDEN_PROPERTY("CJW.T2.2/printed-matrix", "T2.2 as printed, p* of (10) with strict G(x+) < G(0) (refuted at CJW (10)'s exact tie)") {
    t2_2(T22Variant::printed);
}

DMF_PROPERTY_CASES("CJW.T2.2/corrected", "every orbit's type (i)-(iv), with (iii) global iff p* <= p <= p*_<= (ties count both ways), equals its first-principles type; L 3..6, bottlenecks, exact ybar and ties", 25) {
    t2_2(T22Variant::corrected);
}

DMF_HIDDEN_PROPERTY("CJW.T2.2/mutant-swapped-roots-matrix", "the matrix T2.2 predictor with x- and x+ swapped: must fail") {
    t2_2(T22Variant::swapped_roots);
}

DMF_HIDDEN_PROPERTY("CJW.C2.3/printed-matrix", "C2.3 as printed, i in [min(d_0, d_L)] (refuted with bottlenecks)") {
    const auto c = draw(3, 6, false, 0, 0, 30);
    require(check_cjw_c2_3(c.inst, c.land, bits128(), false));
}

DMF_PROPERTY_CASES("CJW.C2.3/corrected", "a non-strict saddle exists among the classified orbits iff some y_i = ybar with i in [d_min]", 25) {
    // A third of the cases in the stratum where the index range matters (a value on ybar only
    // beyond a bottleneck d_min: landscape_gen.hpp).
    prop::expect_strata({"on anchor beyond d_min"});
    const auto c = draw(3, 6, false, 0, 0, 30);
    const auto r = check_cjw_c2_3(c.inst, c.land, bits128(), true);
    stats("CJW.C2.3/corrected", c.land, r);
    require(r, &c);
}

DMF_HIDDEN_PROPERTY("CJW.A1/printed-matrix", "A1 as printed, every i (refuted with bottlenecks)") {
    const auto c = draw(2, 2);
    require(check_cjw_a1(c.inst, c.land, bits128(), false));
}

DMF_PROPERTY_CASES("CJW.A1/corrected", "L = 2: every orbit is a global minimizer or a strict saddle, and sigma_i(P*) = (y_i - sqrt(lambda_1 lambda_2))_+ for i <= d_1, 0 beyond", 25) {
    const auto c = draw(2, 2);
    const auto r = check_cjw_a1(c.inst, c.land, bits128(), true);
    stats("CJW.A1/corrected", c.land, r);
    require(r, &c);
}

// A1/corrected with sqrt(lambda_1 lambda_2) replaced by the arithmetic mean (lambda_1 + lambda_2)/2
// (check_cjw_a1's comparison, same landscape): equal only when lambda_1 = lambda_2.
DMF_HIDDEN_PROPERTY("CJW.A1/mutant-mean", "A1 corrected with (lambda_1 + lambda_2)/2 for sqrt(lambda_1 lambda_2): must fail") {
    const auto c = draw(2, 2);
    const Precision& p = bits128();
    const CjwForm form = cjw_form(c.inst, p);
    PrecisionGuard g(p);
    const Real mean = (form.lambda[0] + form.lambda[1]) / 2, lb = lambda_bar(c.inst, p);
    const int r = static_cast<int>(c.land.svd.y.size());
    const Real tol = 4096 * (r + 2) * epsilon(p) * (c.land.svd.y.empty() ? Real(1) : Real(c.land.svd.y[0] + lb));
    for (const auto& o : c.land.orbits) {
        if (o.computed != "global_minimizer") continue;
        const auto s = svd(end_to_end(c.inst, o.point, p), p, false);
        for (int i = 0; i < r; ++i) {
            const Real printed = i < c.inst.d_min() ? std::max(Real(c.land.svd.y[i] - mean), Real(0)) : Real(0);
            RC_ASSERT(abs(s.sigma(i) - printed) <= tol);
        }
    }
}

// Independent side, the classifier: A1/corrected's own check on the landscape with every strict
// saddle reported as non-strict (a zero threshold too wide to see the negative eigenvalue).
DMF_HIDDEN_PROPERTY("CJW.A1/mutant-classifier", "independent side: strict saddles classified non-strict: must fail") {
    auto c = draw(2, 2);
    for (auto& o : c.land.orbits)
        if (o.computed == "strict_saddle") o.computed = "non_strict_saddle";
    require(check_cjw_a1(c.inst, c.land, bits128(), true));
}

// Refuted claims keep CI green honestly: the stored cases must still refute the printed statement.
namespace {
void replay_all(const char* claim) {
    const auto cases = corpus_cases(claim);
    RC_ASSERT(!cases.empty());
    for (const auto& [path, cx] : cases) {
        const auto r = replay_counterexample(cx);
        if (r.printed.verdict != Verdict::violated) RC_FAIL(path + ": no longer refutes " + claim + " as printed");
        if (r.corrected && r.corrected->verdict == Verdict::violated)
            RC_FAIL(path + ": the corrected statement fails here too: " + r.corrected->printed + " / " + r.corrected->computed);
    }
}
}  // namespace

DMF_REPLAY_PROPERTY("CJW.T2.2/replay", "every stored CJW.T2.2 counterexample still refutes T2.2 (iii) as printed; the corrected statement holds on it") {
    replay_all("CJW.T2.2");
}
DMF_REPLAY_PROPERTY("CJW.C2.3/replay", "every stored CJW.C2.3 counterexample still refutes C2.3 as printed; the corrected statement holds on it") {
    replay_all("CJW.C2.3");
}
DMF_REPLAY_PROPERTY("CJW.A1/replay", "every stored CJW.A1 counterexample still refutes A1 as printed; the corrected statement holds on it") {
    replay_all("CJW.A1");
}

DMF_PROPERTY_CASES("CORE.classifier-line-signs", "the classifier agrees with the sign of F(w + t v) - F(w) along every non-null Hessian eigenvector, at 2p", 20) {
    // Half the depths among 3, 4, 6 (exact anchors): the 'anchor ybar' and 'anchor tie' strata.
    const auto c = draw(1, 6, false, 50, 0);
    int checked = 0;
    for (const auto& o : c.land.orbits) {
        const auto r = check_classifier_against_line_signs(c.inst, o, bits128());
        checked += r.verdict == Verdict::holds;
        require(r);
    }
    RC_TAG(checked > 0 ? "checked" : "nothing to check");
    if (std::getenv("DMF_LANDSCAPE_STATS"))
        std::cerr << "landscape-stats CORE.classifier-line-signs orbits=" << c.land.orbits.size() << " checked=" << checked
                  << "\n";
}

DMF_PROPERTY_CASES("KP.E79/corrected-matrix", "matrix instances: when no sigma_i = ybar (E79 with sigma_i^{2(L-1)}, every i), no classified orbit is a non-strict saddle", 20) {
    const auto c = draw(3, 6, false, 0, 0);
    // The corrected hypothesis fails exactly when some y_i = ybar, i in [min(d_0, d_L)]: then there is nothing to check.
    const auto r = check_cjw_c2_3(c.inst, c.land, bits128(), false);
    if (r.printed.rfind("some y_i = ybar", 0) == 0) return prop::mark_trivial("hypothesis fails: some y_i = ybar");
    require(r, &c);
}

// Metamorphic: the landscape (every orbit's first-principles type and value) and T2.2's printed
// prediction transform as the symmetries of F say, under one of
//   Y -> S Y T with exact signed permutations S, T (orthogonal invariance, exact at p);
//   Y -> c Y, lambda_l -> c^{2-2/L} lambda_l with c = 2^{jL}: F -> c^2 F, ybar -> c ybar;
//   a permutation of the lambda_l (lambdabar and the end-to-end picture unchanged);
//   the KP convention with lambda = L lambda_l (equal lambda_l): the loss is 2F.
DMF_PROPERTY_CASES("CJW.T2.2/metamorphic", "orbit types, values and T2.2's prediction are invariant under signed permutations of Y, lambda permutations and KP's convention, and covariant under scaling", 12) {
    gen::LandscapeGenOptions o;
    o.max_parameters = 18;
    const auto spec = *gen::landscape_spec(o);
    const Precision& p = bits128();
    const Instance a = gen::materialize(spec, p);
    const int kind = *rc::gen::inRange(0, 5);
    Instance b = a;
    Real value_factor = 1, y_factor = 1;
    Rng rng(spec.seed + 17);
    PrecisionGuard g(p);
    auto signed_permutation = [&](int n) {
        Matrix m = zeros(n, n, p);
        std::vector<int> order(n);
        for (int i = 0; i < n; ++i) order[i] = i;
        for (int i = n - 1; i > 0; --i) std::swap(order[i], order[rng.next_u64() % static_cast<std::uint64_t>(i + 1)]);
        for (int i = 0; i < n; ++i) m(i, order[i]) = rng.next_u64() & 1 ? -1 : 1;
        return m;
    };
    std::string what;
    if (kind == 0) {
        b.target = matmul(matmul(signed_permutation(a.dims.back()), a.target, p), signed_permutation(a.dims.front()), p);
        what = "Y -> S Y T";
    } else if (kind == 1) {
        const int j = *rc::gen::inRange(-3, 4);
        const Real c = make_real(p, 1, j * a.L);
        for (auto& l : b.lambda) l *= make_real(p, 1, j * (2 * a.L - 2));
        b.target = a.target * c;
        value_factor = c * c;
        y_factor = c;
        what = "scaling by c = 2^" + std::to_string(j * a.L);
    } else if (kind == 2) {
        std::reverse(b.lambda.begin(), b.lambda.end());
        what = "lambda reversed";
    } else if (kind == 4) {
        // A Haar rotation Y -> U Y V^T: exact ties on thresholds become ties to rounding, so orbits on a
        // threshold may turn undecided (allowed below), never into another decided type.
        b.target = matmul(matmul(haar_orthogonal(a.dims.back(), rng, p), a.target, p),
                          haar_orthogonal(a.dims.front(), rng, p).transpose(), p);
        what = "Y -> U Y V^T (Haar)";
    } else {
        RC_PRE(std::all_of(a.lambda.begin(), a.lambda.end(), [&](const Real& l) { return l == a.lambda[0]; }));
        b.convention = Convention::kp;
        b.lambda = {a.lambda[0] * a.L};
        value_factor = 2;
        what = "KP convention";
    }
    RC_TAG(what.substr(0, 8));
    const Landscape la = classify_landscape(a, p, 5), lb = classify_landscape(b, p, 5);
    if (kind == 4 && la.orbits.size() != lb.orbits.size()) {
        RC_TAG("Haar rotation moved a singular value off an exact threshold (orbit count changed)");
        return;  // rounding of U Y V^T, not a symmetry failure: the exact transforms above test that
    }
    RC_ASSERT(la.orbits.size() == lb.orbits.size());
    const Real ybar_a = *cjw_y_bar(a.L, lambda_bar(a, p), p).value, ybar_b = *cjw_y_bar(b.L, lambda_bar(b, p), p).value;
    const double ybar_units = static_cast<double>(abs(ybar_b - y_factor * ybar_a) / (epsilon(p) * ybar_b));
    prop::record_error(ybar_units, "ybar under " + what);
    if (ybar_units > 16) RC_FAIL("printed ybar does not transform: " + to_string(ybar_a, 30) + " -> " + to_string(ybar_b, 30));
    for (const auto& oa : la.orbits) {
        const auto it = std::find_if(lb.orbits.begin(), lb.orbits.end(),
                                     [&](const ClassifiedOrbit& x) { return x.orbit.choice == oa.orbit.choice; });
        if (kind == 4 && it == lb.orbits.end()) return;
        RC_ASSERT(it != lb.orbits.end());
        if (oa.computed != it->computed && oa.computed != "undecided" && it->computed != "undecided")
            RC_FAIL(what + ": type " + oa.computed + " became " + it->computed);
        const Real expected = value_factor * oa.classification.loss;
        const double units = static_cast<double>(abs(it->classification.loss - expected) /
                                                 (epsilon(p) * (dmf::tolerance::guarded_scale(abs(expected) + value_factor * la.global_value, p))));
        prop::record_error(units, what);
        if (units > 1e4) RC_FAIL(what + ": value " + to_string(oa.classification.loss, 30) + " became " +
                                 to_string(it->classification.loss, 30));
        if (predict_t2_2(a, la.svd, oa.orbit, p) != predict_t2_2(b, lb.svd, it->orbit, p))
            RC_FAIL(what + ": T2.2's printed prediction changed");
    }
}

// The block-structured Hessian (oracle/structured_hessian.hpp) against the dense Hessian of the
// definition at every orbit of generated instances (bottlenecks, permutations, repeated and zero y,
// unequal lambda_l, exact thresholds).
DMF_PROPERTY_CASES("CORE.structured-hessian", "per-label-pair Hessian blocks reproduce the dense spectrum at every critical orbit", 25) {
    gen::LandscapeGenOptions o;
    o.min_depth = 1;
    const auto spec = *gen::landscape_spec(o);
    const Precision& p = bits128();
    const Instance inst = gen::materialize(spec, p);
    Rng rng(spec.seed + 3);
    const TargetSvd t = target_svd(inst, rng, p);
    for (const auto& orb : enumerate_orbits(inst, t, p, 64)) {
        const auto dense = symmetric_eigen(hessian(inst, orbit_point(inst, t, orb, rng, p), p), p, false);
        const auto s = hessian_spectrum_structured(inst, t, orb, p);
        RC_ASSERT(s.eigenvalues.size() == dense.values.size());
        PrecisionGuard g(p);
        const Real norm = dmf::tolerance::guarded_scale(std::max(abs(dense.values(0)), abs(dense.values(dense.values.size() - 1))), p);
        for (Eigen::Index i = 0; i < s.eigenvalues.size(); ++i) {
            const double units = static_cast<double>(abs(s.eigenvalues(i) - dense.values(i)) / (epsilon(p) * norm));
            prop::record_error(units, "eigenvalue " + std::to_string(i));
            if (units > 64.0 * inst.num_parameters())
                RC_FAIL("eigenvalue " + std::to_string(i) + ": structured " + to_string(s.eigenvalues(i), 30) +
                        ", dense " + to_string(dense.values(i), 30));
        }
    }
}
