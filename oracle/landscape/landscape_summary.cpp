#include "dmf/landscape/landscape_summary.hpp"

#include "dmf/landscape/point_evaluation.hpp"
#include "dmf/landscape/sharpness.hpp"
#include "dmf/landscape/structured_hessian.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>

namespace dmf::inline landscape {

Formula cjw_tie_y_star(int L, const Real& lambda_bar, const Precision& p) {
    if (L <= 2) return {std::nullopt, "L <= 2 has no tie in CJW (10) (the threshold is continuous)"};
    PrecisionGuard g(p);
    // G(x+; y) = G(0; y) with f(x; y) = 0 gives lambdabar = x^{2L-2}/(L-2):
    // x_t = ((L-2) lambdabar)^{1/(2L-2)}, y* = (L-1)/(L-2) x_t^L.
    const Real lb = lambda_bar;
    const Real xt = pow(Real(lb * (L - 2)), Real(1) / (2 * L - 2));
    return {Real(pow(xt, L) * (L - 1) / (L - 2)), {}};
}

LandscapeThresholds landscape_thresholds(const Instance& inst, const Landscape& land, const Precision& p) {
    const int L = inst.L;
    LandscapeThresholds t;
    t.lambda_bar = lambda_bar(inst, p);
    PrecisionGuard g(p);
    t.x_bar = cjw_x_bar(L, t.lambda_bar, p);
    t.y_bar = cjw_y_bar(L, t.lambda_bar, p);
    t.tau_kp = kp_tau(L, Real(t.lambda_bar * L), p);
    t.y_star = cjw_tie_y_star(L, t.lambda_bar, p);
    t.collapse_lambda = kp_collapse_lambda(L, land.svd.y.empty() ? Real(0) : land.svd.y.front(), p);
    return t;
}

namespace {

// See GlobalMinimumSummary::unique_end_to_end. Equal and zero singular values from the exact layer when
// it ran (landscape.hpp exact_class), else from target_svd's blocks (which the threshold decision has
// checked to be apart by more than their tie tolerance wherever an index can be active).
Decision unique_end_to_end(const Landscape& land, const std::vector<const ClassifiedOrbit*>& globals) {
    bool unique = true;
    const auto& first = globals.front()->orbit;
    const size_t r = first.x.size();
    const bool exact = land.exact_class.size() == r;
    const auto same = [&](size_t j, size_t k) { return exact ? land.exact_class[j] == land.exact_class[k] : land.svd.block[j] == land.svd.block[k]; };
    const auto nonzero = [&](size_t j) { return exact ? !land.exact_zero[j] : land.svd.y[j] > 0; };
    for (const auto* c : globals)
        for (size_t j = 0; j < c->orbit.x.size(); ++j)
            if ((c->orbit.choice[j] != 0) != (first.choice[j] != 0)) unique = false;
    for (size_t j = 0; j < r; ++j)
        for (size_t k = 0; k < r; ++k)
            if (same(j, k) && (first.choice[j] != 0) != (first.choice[k] != 0) && nonzero(j)) unique = false;
    if (land.undecided && unique) return Decision::undecided;
    return unique ? Decision::yes : Decision::no;
}

}  // namespace

LandscapeSummary summarize_landscape(const Instance& inst, const Landscape& land, const Precision& p, long long max_n) {
    LandscapeSummary out;
    out.dense = dense_within(inst, max_n);
    const bool dense = out.dense;
    out.thresholds = landscape_thresholds(inst, land, p);
    const CjwForm form = cjw_form(inst, p);
    PrecisionGuard g(p);

    // ---- critical orbits ----
    // Global orbits: decided global (landscape.cpp decide_global: enclosures of the orbit values, exact
    // ties), above the dense cap too (the types then come from the certified inertia).
    std::vector<const ClassifiedOrbit*> globals;
    for (size_t i = 0; i < land.orbits.size(); ++i) {
        const ClassifiedOrbit& c = land.orbits[i];
        const auto& cl = c.classification;
        OrbitSummary s;
        s.roots = root_labels(c.orbit, inst.L);
        // The certified inertia when it decided every sign; else the dense classifier's (tolerance-based).
        s.hessian_inertia = c.certified_inertia ? c.certified_inertia : dense ? std::optional<Inertia>(cl.inertia) : std::nullopt;
        s.global = c.computed == "global_minimizer";
        if (s.global) {
            if (globals.empty()) out.global.orbit = i;
            globals.push_back(&c);
        }
        out.orbits.push_back(std::move(s));
    }
    if (globals.empty()) return out;

    // ---- the global minimizer (the first global orbit's representative) ----
    GlobalMinimumSummary& gm = out.global;
    const ClassifiedOrbit& best = *globals.front();
    const Weights& w = best.point;
    gm.end_to_end_singular_values = svd(end_to_end(inst, w, p), p, false).sigma;
    gm.layer_fro_norms_sq.emplace();
    for (const auto& m : w) gm.layer_fro_norms_sq->push_back(frobenius_norm_squared(m, p));
    gm.unique_end_to_end = unique_end_to_end(land, globals);

    // Spectra at critical orbits come from the block-structured Hessian (structured_hessian.hpp);
    // the dense Hessian of the definition at the representative is the independent check.
    const auto st = hessian_spectrum_structured(inst, land.svd, best.orbit, p);
    Real tr = 0;
    for (Eigen::Index i = 0; i < st.eigenvalues.size(); ++i) tr += st.eigenvalues(i);
    gm.hessian_spectrum = st.eigenvalues;
    gm.hessian_trace = tr;
    if (!dense) return out;
    {
        const HessianSummary e = dense_hessian_summary(inst, w, p);
        Real worst = 0, norm = 0;
        const Eigen::Index n = std::min(e.spectrum.size(), st.eigenvalues.size());
        for (Eigen::Index i = 0; i < n; ++i) {
            worst = std::max(worst, Real(abs(e.spectrum(i) - st.eigenvalues(i))));
            norm = std::max(norm, Real(abs(e.spectrum(i))));
        }
        gm.dense_agreement_eps = Real(worst / (epsilon(p) * tolerance::guarded_scale(norm, p)));
    }

    // ---- KP (81), for equal lambda_l ----
    bool equal = true;
    for (const auto& l : form.lambda) equal = equal && l == form.lambda[0];
    if (!equal) {
        gm.trace_bound_kp81_note = "KP (81) needs equal lambda_l";
        return out;
    }
    Instance kp = inst;
    kp.convention = Convention::kp;
    kp.lambda = {form.lambda[0] * inst.L};
    const Sharpness sh = sharpness(kp, w, p);
    // KP's loss is 2F: its Hessian and (81) are twice CJW's; report (81) in this instance's convention.
    if (sh.bound_81) gm.trace_bound_kp81 = Real(*sh.bound_81 * form.loss_factor / 2);
    else gm.trace_bound_kp81_note = "0/0 at a collapsed minimizer (KP.T15 caveat)";
    return out;
}

}  // namespace dmf::landscape
