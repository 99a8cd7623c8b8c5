#include "dmf/landscape/scalar_report.hpp"

#include "dmf/landscape/critical_polynomial.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>

namespace dmf::inline landscape {

ScalarProblem scalar_problem_kp(int L, const Real& lambda, const Real& m, Convention c, const Precision& p) {
    PrecisionGuard g(p);
    Real lambda_kp = rounded(lambda, p);
    if (c == Convention::cjw) lambda_kp *= L;
    return ScalarProblem{L, lambda_kp, rounded(m, p)};
}

ScalarReport scalar_report(const ScalarProblem& pr, const Precision& p) {
    PrecisionGuard guard(p);
    const int L = pr.L;
    ScalarReport rep;
    rep.problem = pr;
    rep.lambda_bar = pr.lambda / L;
    rep.m_abs = abs(pr.m);

    ScalarThresholdValues& th = rep.thresholds;
    th.tau_kp = kp_tau(L, pr.lambda, p);
    th.rho_m_kp26 = kp_rho_m(L, pr.lambda, p);
    th.collapse_lambda_kp_c14 = kp_collapse_lambda(L, rep.m_abs, p);
    th.x_bar_cjw42 = cjw_x_bar(L, rep.lambda_bar, p);
    th.y_bar_cjw43 = cjw_y_bar(L, rep.lambda_bar, p);
    th.y_star_bracket = tau_twin(L, pr.lambda, p);
    if (th.y_star_bracket.exists) th.y_star = th.y_star_bracket.mid();

    for (auto& r : positive_roots(critical_polynomial(L, rep.m_abs, rep.lambda_bar), p)) {
        std::string label = r.derivative_sign > 0 ? "x+" : (r.derivative_sign < 0 ? "x-" : "double");
        if (L <= 2 && r.derivative_sign != 0) label = "x";
        rep.roots_of_f.push_back({std::move(r), label});
    }

    rep.minimizers = scalar_global_minimizers(pr, p);
    const ScalarMinimizers& M = rep.minimizers;
    for (size_t i = 0; i < M.candidates.size(); ++i) {
        const auto& cd = M.candidates[i];
        ScalarCandidateReport c;
        c.index = static_cast<int>(i);
        c.possibly_minimal = std::find(M.minimal.begin(), M.minimal.end(), static_cast<int>(i)) != M.minimal.end();
        if (c.possibly_minimal) {
            const auto pts = scalar_minimizer_points(pr, cd, p, 1 << 12);
            c.omega_points = pts.size();
            c.hessian_spectrum_computed = scalar_hessian_eigenvalues(pr, pts.at(0), p);
            c.hessian_spectrum_kp29 = kp_hessian_eigenvalues_29(L, pr.lambda, cd.s, p);
            c.lambda_max_kp30 = kp_lambda_max_30(L, pr.lambda, cd.s, p);
            c.end_to_end = cd.origin ? Real(0) : (pr.m < 0 ? Real(-pow(cd.s, L)) : Real(pow(cd.s, L)));
        }
        rep.candidates.push_back(std::move(c));
    }
    // Tie evidence: when undecided, the same comparison at 1x, 2x and 4x the precision.
    if (M.unique != Decision::yes)
        for (unsigned k : {1u, 2u, 4u}) {
            const ScalarMinimizers Mk = scalar_global_minimizers(pr, p.times(k));
            rep.escalation.push_back({p.times(k).bits(), Mk.unique, Mk.evidence});
        }
    return rep;
}

}  // namespace dmf::landscape
