// The printed scalar formulas of both papers, as printed, at any precision.
// Each is evaluated with 32 guard bits and exact rational exponents (q = 2/L
// makes every exponent a rational in L) and then rounded to p, so its own
// evaluation error is about one ulp. A formula that is undefined for some L
// (e.g. 0 * lambda^(1/0) at L = 1) returns std::nullopt with the reason.
//
// These are the hypotheses under test. Nothing in the independent numerics
// (scalar_problem.hpp, polynomial.hpp) calls them.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dmf {

struct Formula {
    std::optional<Real> value;
    std::string undefined_reason;  // set when !value
};

// ---- KP (Kamber, Parhi 2026), KP convention, q = 2/L ----
// tau(lambda, L) = (1 - q/2) lambda^{1/(2-q)} (1 - q)^{(q-1)/(2-q)}: the exceptional |m| of Theorem 5, (13)/(56).
Formula kp_tau(int L, const Real& lambda, const Precision& p);
// (26): rho_m = (lambda (1 - q))^{1/(2-q)}, the non-zero minimizer at |m| = tau.
Formula kp_rho_m(int L, const Real& lambda, const Precision& p);
// (26): m = (2 - q) / (2 (1 - q)) rho_m.
Formula kp_m_from_rho_m(int L, const Real& rho_m, const Precision& p);
// Corollary 14: lambda_c = (sigma_max / ((1 - q/2)(1 - q)^{(q-1)/(2-q)}))^{2-q}; lambda > lambda_c gives P = 0.
Formula kp_collapse_lambda(int L, const Real& sigma_max, const Precision& p);
// (29): L - 1 eigenvalues 4 lambda / L and one 2 L w^{2L-2} + 4 lambda / L - 2 lambda (ascending order not implied).
std::vector<Real> kp_hessian_eigenvalues_29(int L, const Real& lambda, const Real& w, const Precision& p);
// (30): lambda_max = max{2 L w^{2L-2} - 2 lambda, 0} + 4 lambda / L.
Real kp_lambda_max_30(int L, const Real& lambda, const Real& w, const Precision& p);
// Remark 7, (51): lim_{lambda -> 0} lambda_max = 2 L |m|^{2 (1 - 1/L)}.
Real kp_lambda_max_limit_51(int L, const Real& m, const Precision& p);

// ---- CJW (Chen, Jiang, Wang 2025), CJW convention ----
// (42): xbar = (lambdabar (L - 2) / L)^{1/(2L-2)}.
Formula cjw_x_bar(int L, const Real& lambda_bar, const Precision& p);
// (43): ybar = (2 (L - 1) / L) lambdabar xbar^{2-L}.
Formula cjw_y_bar(int L, const Real& lambda_bar, const Precision& p);
// (8): f(x; y) = x^{2L-1} - y x^{L-1} + lambdabar x (a definition, not a claim).
Real cjw_f(int L, const Real& x, const Real& y, const Real& lambda_bar, const Precision& p);
// The per-singular-value loss of CJW.T2.2(iii): G(x; y) = 1/2 (x^L - y)^2 + (L lambdabar / 2) x^2.
Real cjw_G(int L, const Real& x, const Real& y, const Real& lambda_bar, const Precision& p);

}  // namespace dmf
