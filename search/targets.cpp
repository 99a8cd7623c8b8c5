// The claims the search can target: every row of the claim table (its printed check and depth
// range), plus two test-only claims for the search's own tests (not in --all).
#include "search/search.hpp"

#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/theory/kp.hpp"

namespace dmf {

namespace {

// ---------------------------------------------------------------- the planted and control claims
// TEST.planted: KP's tau with a relative error of 2^-60 on the thin region lambda in [3, 3 + 2^-10),
// L >= 3; TEST.true: the same check without it. Independent side: at m = printed tau the two
// candidate minimizers of the scalar problem must tie (certified values, scalar_problem.hpp).
CheckResult check_tau_tie(const Instance& inst, const Precision& p, bool planted) {
    const int L = inst.L;
    if (L < 3) return CheckResult::na("a tie at tau needs L >= 3 (L = 2 is a soft threshold, L = 1 has none)");
    const Real lambda = inst.lambda[0];
    const Formula t = kp_tau(L, lambda, p);
    if (!t.value) return CheckResult::na(t.undefined_reason);
    PrecisionGuard g(p);
    Real tau = *t.value;
    if (planted && L >= 3 && lambda >= 3 && lambda < 3 + make_real(p, 1, -10)) tau *= 1 + make_real(p, 1, -60);
    const ScalarProblem pr{L, lambda, tau};
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    const ScalarCandidate* origin = nullptr;
    const ScalarCandidate* best = nullptr;
    for (const auto& c : M.candidates) {
        if (c.origin) origin = &c;
        else if (c.root_slope > 0 && (!best || c.value.mid() < best->value.mid())) best = &c;
    }
    CheckResult r;
    r.quantity = "at m = printed tau, min over s > 0 of the loss equals the loss at 0";
    if (!origin || !best) return r.verdict = Verdict::violated, r.detail = "no positive local minimizer at m = tau", r;
    const Real gap = best->value.mid() - origin->value.mid();
    const Real scale = tau * tau;
    r.error_eps = static_cast<double>(abs(gap) / (epsilon(p) * scale));
    r.printed = "tau = " + to_string(tau, 40);
    r.computed = "loss gap " + to_string(gap, 20);
    r.verdict = r.error_eps > 64.0 * L ? Verdict::violated : Verdict::holds;
    return r;
}

}  // namespace

const std::vector<SearchTarget>& search_targets() {
    static const std::vector<SearchTarget> targets = [] {
        std::vector<SearchTarget> t;
        // Every claim of the table, with its printed check and depth range.
        // (Untestable rows have no check and are not searched.)
        for (const auto& d : claim_table())
            if (d.printed) t.push_back({d.id, d.kind, false, d.min_depth, d.max_depth, d.printed});
        // The exceptional set each landscape statement is about: C2.3 speaks of y_i = ybar, T2.2 of
        // the types on the tie (CJW (10)); the others of both.
        for (auto& x : t) {
            if (x.claim == "CJW.C2.3") x.focus = gen::ExceptionalSet::y_bar;
            if (x.claim == "CJW.T2.2") x.focus = gen::ExceptionalSet::tie;
        }
        t.push_back({"TEST.planted", CaseKind::scalar, true, 1, 12,
                     [](const Instance& i, const Precision& p) { return check_tau_tie(i, p, true); }});
        t.push_back({"TEST.true", CaseKind::scalar, true, 1, 12,
                     [](const Instance& i, const Precision& p) { return check_tau_tie(i, p, false); }});
        return t;
    }();
    return targets;
}

const SearchTarget* find_search_target(const std::string& claim) {
    for (const auto& t : search_targets())
        if (t.claim == claim) return &t;
    return nullptr;
}

}  // namespace dmf
