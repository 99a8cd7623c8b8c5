#include "dmf/landscape/point_analysis.hpp"

#include "dmf/landscape/critical_search.hpp"
#include "dmf/landscape/multistart.hpp"
#include "dmf/landscape/structured_hessian.hpp"
#include "dmf/numerics/decision_log.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/problem/finite_difference.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace dmf::inline landscape {

namespace {

int max_width(const Instance& inst) { return *std::max_element(inst.dims.begin(), inst.dims.end()); }

Real end_to_end_distance(const Instance& inst, const Weights& a, const Weights& b, const Precision& p) {
    PrecisionGuard g(p);
    return sqrt(frobenius_norm_squared(Matrix(end_to_end(inst, a, p) - end_to_end(inst, b, p)), p));
}

// "Matches no orbit" -- a candidate counterexample to T2.1 -- rests on two certified facts: the
// point is critical (||grad F|| below its tolerance) and it is far from every orbit, by a lower
// bound on the distance to all of them (nearest_orbit.hpp: distance_lower_bound), not by its
// distance to the one orbit matched. An orbit point reached by Levenberg-Marquardt is known to about
// sqrt(eps) near a double root and to eps elsewhere: 2^-(p/4) of the scale separates "on the
// orbit" from "off it". Returns whether the point is critical.
bool decide_match(PointAnalysis& a, const Precision& p, const std::string& what) {
    PrecisionGuard g(p);
    Real scale = 0;
    for (const auto& x : a.match.orbit.x) scale = std::max(scale, x);
    a.match_tolerance = make_real(p, 1, -static_cast<long>(p.bits() / 4)) * tolerance::guarded_scale(scale, p);
    const bool critical = a.reached_gradient_norm <= a.reached_gradient_tolerance;
    a.matches_no_orbit = critical && a.match.distance_lower_bound > a.match_tolerance;
    if (a.matches_no_orbit)
        a.notes.push_back(what + " is certified critical (||grad F|| " + to_string(a.reached_gradient_norm, 6) +
                          " below its tolerance " + to_string(a.reached_gradient_tolerance, 6) +
                          ") and certified far from every orbit of T2.1 (distance at least " +
                          to_string(a.match.distance_lower_bound, 6) + ", tolerance " + to_string(a.match_tolerance, 6) +
                          "): a candidate counterexample to CJW.T2.1 (save the weights)");
    else if (critical && a.match.mismatch > a.match_tolerance)
        a.notes.push_back(what + " is critical and its layer singular values lie " + to_string(a.match.mismatch, 6) +
                          " from the matched orbit's, but its distance to the orbits is not certified above the "
                          "tolerance (lower bound " + to_string(a.match.distance_lower_bound, 6) +
                          "): no counterexample is claimed");
    return critical;
}

// Above --max-n nothing dense and nothing that lists orbits: the orbit is read off the point itself
// (nearest_orbit.hpp, O(L d^3)), the spectrum at that orbit comes from the block-structured
// Hessian, and the point's own extremes from Lanczos. No Levenberg-Marquardt (its step solves an
// N x N system): the point is certified critical or not by its own gradient.
PointAnalysis analyze_large(const Instance& inst, const Weights& w, const Precision& p, PointAnalysis a, std::uint64_t seed,
                            const std::function<void(const std::string&)>& step) {
    step("the orbit read off the point (end layers against the target's singular vectors, U^T P V)");
    a.match = orbit_of_point(inst, a.svd, w, p);
    a.reached = true;
    a.reached_point = w;
    a.reached_value = a.loss;
    a.reached_gradient_norm = a.gradient_norm;
    a.reached_gradient_tolerance = tolerance::gradient_tolerance(inst.L, max_width(inst), gradient_scale(inst, w, p), p);
    a.distance_to_reached = 0;
    const bool critical = decide_match(a, p, "the point");
    a.notes.push_back(std::string("N above --max-n: no Levenberg-Marquardt (dense N x N steps); the orbit is read off "
                                  "the point itself, which is ") +
                      (critical ? "critical to the gradient tolerance" : "not critical to the gradient tolerance at "
                                                                         "this precision (a trained point)") +
                      "; distance_to_orbit_aligned is not computed (layer_singular_value_mismatch and "
                      "end_to_end_mismatch measure the distance)");
    step("the matched orbit: structured Hessian spectrum");
    const auto st = hessian_spectrum_structured(inst, a.svd, a.match.orbit, p);
    if (st.status == Status::ok) a.orbit_spectrum_structured = st.eigenvalues;
    a.notes.push_back("N above --max-n: the orbit's type is not computed (classify_orbit is dense); "
                      "nearest_critical_orbit.hessian_spectrum_structured is its spectrum");
    // Last, being the longest: the point's own extremes (the orbit's answer is already there).
    step("the point's extreme eigenvalues: Lanczos");
    // A budget of products: near a critical point the bottom of the spectrum is a cluster split only
    // by ||grad F||, which no Krylov space of modest size resolves; the residuals then say so. With
    // the Arb kernels a product at N = 32,768 (d = 64, L = 8) costs ~0.3 s CPU, and 300 of them
    // bring the top 5 to ~1e-35 of ||H|| there (bench/results.md), within the 120 s target.
    const int kLanczosProducts = inst.num_parameters() <= 4096 ? 400 : 300;
    a.lanczos = lanczos_extreme(inst, w, 5, p, seed, kLanczosProducts, 1e6, step);
    a.notes.push_back("N above --max-n: no dense Hessian at the point; hessian_extremes_lanczos instead (thick-restart "
                      "Lanczos with full reorthogonalization on the Hessian-vector product; some eigenvalue lies "
                      "within each residual; multiplicities are not resolved)");
    a.global_value = Real(std::numeric_limits<double>::max());
    return a;
}

// The point's own verdict against the gradient tolerance, from a certified enclosure of ||grad F||.
void certify_point_verdict(const Instance& inst, const Weights& w, const Precision& p, PointAnalysis& a) {
    const Classification& c = a.classification;
    a.gradient_enclosure = gradient_norm_enclosure(inst, w, p);
    const Interval& g = *a.gradient_enclosure;
    const std::string at = " at " + std::to_string(p.bits()) + " bits";
    if (g.upper() == 0) a.critical_certificate = "exact";
    else if (g.lower() > c.gradient_tolerance) a.critical_certificate = "enclosure" + at;  // certainly above it
    else if (g.upper() <= c.gradient_tolerance)
        a.critical_certificate = "undecided: ||grad F|| in " + g.str(6) + ", within the gradient tolerance " +
                                 to_string(c.gradient_tolerance, 6) + at + " (critical to the tolerance; not exactly zero)";
    else
        a.critical_certificate = "undecided: the enclosure " + g.str(6) + " straddles the gradient tolerance" + at;
}

// The matched orbit's type with solve's decisions: the threshold positions from the input as written,
// then the certified inertia of its structured blocks (landscape.hpp certify_orbit).
void certify_matched_orbit(const Instance& inst, const TargetSvd& svd, const Precision& p, PointAnalysis& a,
                           ClassifiedOrbit& c) {
    const ThresholdDecision td = threshold_decision_precision(inst, p);
    a.landscape_certificate = td.certificate;
    if (td.decided && !(td.precision == p)) {
        c.certificate = "undecided: the target's position against the thresholds needs " +
                        std::to_string(td.precision.bits()) + " bits (the orbit's root labels were read at " +
                        std::to_string(p.bits()) + "; rerun with more --digits)";
        return;
    }
    certify_orbit(inst, svd, td, c, p);
}

// The landscape of the instance as written, as `solve` computes it (classify_landscape: same seed, starts
// and density), with its decision-log records dropped: they are every orbit's, not classify's verdicts.
Landscape solve_landscape(const Instance& inst, const Precision& p, std::uint64_t seed) {
    const DecisionTally outer = take_thread_decisions();
    Landscape land = classify_landscape(inst, p, seed, 3, true);
    take_thread_decisions();
    restore_thread_decisions(outer, DecisionTally{});
    return land;
}

// Global versus spurious for the matched orbit c (a local minimizer), decided as `solve` decides it: by
// the landscape's decide_global, which compares certified enclosures of the orbit values (escalated up
// to kDefaultMaxBits) with exact ties from the exact layer. The label is the landscape's for the orbit
// with the same root choice; an undecided landscape certificate, a different type there, or a
// disagreement with the tolerance comparison `by_tolerance` makes it undecided (with the reason).
// Records a.global_certificate in the decision log.
void decide_matched_global(const Landscape& land, PointAnalysis& a, ClassifiedOrbit& c, const std::string& by_tolerance) {
    const auto undecided = [&](const std::string& why) {
        c.computed = "undecided";
        a.global_certificate = "undecided: " + why;
        c.classification.evidence += " [a local minimizer; global or spurious undecided: " + why + "]";
    };
    const ClassifiedOrbit* m = nullptr;
    for (const auto& o : land.orbits)
        if (o.orbit.choice == c.orbit.choice) m = &o;
    const std::string& lc = land.global_certificate;
    if (!m) undecided("the matched orbit is not in the landscape's list" + std::string(land.complete ? "" : " (capped)"));
    else if (m->classification.kind != PointKind::local_minimizer)
        undecided(std::string("the landscape classifies the matched orbit ") + to_string(m->classification.kind));
    else if (lc.empty() || lc.rfind("undecided", 0) == 0)
        undecided("the landscape's decision is " + (lc.empty() ? std::string("missing") : lc.substr(11)));
    else if (m->computed != "global_minimizer" && m->computed != "spurious_local_minimizer")
        undecided("the landscape left the matched orbit " + m->computed);
    else if (by_tolerance != "undecided" && by_tolerance != m->computed)
        undecided("the certified decision (" + m->computed + ", " + lc + ") and the tolerance comparison (" + by_tolerance +
                  ") disagree");
    else {
        c.computed = m->computed;
        c.value = m->value;
        a.global_certificate = lc;
        c.classification.evidence += " [" + m->computed + " by the landscape's orbit values: " + lc + "]";
    }
    record_decision(a.global_certificate);
}

}  // namespace

PointAnalysis analyze_point(const Instance& inst, const Weights& w, const Precision& p, long long max_n, std::uint64_t seed,
                            const std::function<void(const std::string&)>& progress) {
    const auto step = [&](const std::string& what) {
        if (progress) progress(what);
    };
    PointAnalysis a;
    a.dense = inst.num_parameters() <= max_n;
    step("the point: loss, gradient" + std::string(a.dense ? ", dense Hessian" : ""));
    a.loss = loss(inst, w, p);
    if (a.dense) {
        a.classification = classify_point(inst, w, p);
        a.gradient_norm = a.classification.gradient_norm;
        a.hessian_spectrum = a.classification.hessian_eigenvalues.size()
                                 ? a.classification.hessian_eigenvalues
                                 : symmetric_eigen(hessian(inst, w, p), p, false).values;
    } else {
        a.gradient_norm = gradient_norm(inst, w, p);
    }
    step("the target's SVD");
    {
        Rng rng(seed);
        a.svd = target_svd(inst, rng, p);
    }
    if (!a.dense) {
        a.critical_certificate = "undecided: N above --max-n, no enclosure of the gradient (tolerance comparison at " +
                                 std::to_string(p.bits()) + " bits)";
        return analyze_large(inst, w, p, std::move(a), seed, step);
    }
    certify_point_verdict(inst, w, p, a);

    // The independent global value: a multistart, and the value of every orbit of T2.1 while they
    // can be listed (the values need no Hessian).
    step("the global value: multistart and the listed orbits' values");
    Rng starts(seed + 1);
    MultistartResult ms;
    // Damped Newton forms the N x N Hessian every step: affordable to N = 64 (about a second a start).
    constexpr long long kMultistartMaxN = 64;
    if (a.dense && inst.num_parameters() > kMultistartMaxN)
        a.notes.push_back("no multistart above N = " + std::to_string(kMultistartMaxN) +
                          ": the global value comes from the listed orbits' values alone");
    if (a.dense && inst.num_parameters() <= kMultistartMaxN) {
        ms = global_multistart(inst, 3, multistart_scale(inst, a.svd.y.empty() ? Real(0) : a.svd.y.front(), p), starts, p);
        a.multistart_converged = static_cast<int>(ms.converged.size());
    }
    a.global_value = ms.best_result() ? ms.best_result()->loss : Real(std::numeric_limits<double>::max());
    constexpr int kMaxListed = 512;
    const auto all = enumerate_orbits(inst, a.svd, p, kMaxListed);
    {
        Rng rng(seed + 2);
        for (const auto& o : all) a.global_value = std::min(a.global_value, loss(inst, orbit_point(inst, a.svd, o, rng, p), p));
    }
    if (static_cast<int>(all.size()) >= kMaxListed)
        a.notes.push_back("more than " + std::to_string(kMaxListed) + " orbits: the global value is the least of the "
                          "multistart and the first " + std::to_string(kMaxListed) + " orbits' values");

    step("the critical point reached from the point (Levenberg-Marquardt)");
    const auto reached = find_critical_point(inst, w, p);
    if (reached.status != Status::ok) {
        a.notes.push_back("Levenberg-Marquardt on grad F = 0 did not converge from this point: no nearest orbit");
        return a;
    }
    std::optional<Landscape> land;
    a.reached = true;
    a.reached_point = reached.w;
    a.reached_value = reached.loss;
    a.reached_gradient_norm = reached.gradient_norm;
    a.reached_gradient_tolerance = tolerance::gradient_tolerance(inst.L, max_width(inst), gradient_scale(inst, reached.w, p), p);
    a.match = orbit_of_point(inst, a.svd, reached.w, p);
    a.distance_to_reached = weights_distance(w, reached.w, p);
    a.distance_to_orbit_aligned = weights_distance(w, align_hidden_rotations(inst, w, reached.w, p), p);
    a.notes.push_back("distance_to_orbit_aligned aligns the hidden rotations only (alternating Procrustes); "
                      "rotations fixing the target are not aligned, so it is an upper bound");
    decide_match(a, p, "the critical point reached");
    step("the matched orbit: structured spectrum and classification");
    const auto st = hessian_spectrum_structured(inst, a.svd, a.match.orbit, p);
    if (st.status == Status::ok) a.orbit_spectrum_structured = st.eigenvalues;
    if (a.dense) {
        ClassifiedOrbit c = classify_orbit(inst, a.svd, a.match.orbit, seed, p);
        certify_matched_orbit(inst, a.svd, p, a, c);
        const CjwForm form = cjw_form(inst, p);
        PrecisionGuard g(p);
        if (c.classification.kind == PointKind::local_minimizer)
            a.global_value = std::min(a.global_value, c.classification.loss);
        // The old tolerance comparison: a cross-check of the certified decision, never the verdict.
        const Real tol = 1024 * (inst.L + inst.num_parameters()) * epsilon(p) *
                         (abs(a.global_value) + form.loss_factor * frobenius_norm_squared(inst.target, p) / 2);
        std::string by_tolerance = c.classification.kind == PointKind::local_minimizer
                                       ? label_minimizer(c.classification.loss, a.global_value, tol, p)
                                       : to_string(c.classification.kind);
        // "Global" by a tolerance says only that the gap is below it (a 1e-70 gap is invisible at 128
        // bits): no evidence. Only "spurious", a gap above the tolerance, can contradict the certificate.
        if (by_tolerance == "global_minimizer") by_tolerance = "undecided";
        c.computed = to_string(c.classification.kind);
        step("the landscape as solve decides it (global or spurious, the global minimizers)");
        land = solve_landscape(inst, p, seed);
        if (c.classification.kind == PointKind::local_minimizer) decide_matched_global(*land, a, c, by_tolerance);
        a.orbit = std::move(c);
    }
    // The distance to the global end-to-end minimizer: to the matched orbit when it is certified global,
    // else to the nearest representative of an orbit the landscape certified global (no tolerance).
    if (a.orbit && a.orbit->computed == "global_minimizer") {
        a.distance_to_global_end_to_end = end_to_end_distance(inst, w, a.orbit->point, p);
    } else if (land && land->global_certificate.rfind("undecided", 0) != 0) {
        for (const auto& o : land->orbits) {
            if (o.computed != "global_minimizer") continue;
            Weights q;
            for (const auto& m : o.point) q.push_back(rounded(m, p));
            const Real d = end_to_end_distance(inst, w, q, p);
            if (!a.distance_to_global_end_to_end || d < *a.distance_to_global_end_to_end) a.distance_to_global_end_to_end = d;
        }
    }
    return a;
}

}  // namespace dmf::landscape
