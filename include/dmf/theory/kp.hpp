// Kamber, Parhi (2026), as printed: the scalar thresholds and Hessian formulas (KP convention,
// q = 2/L), the balanced factorization (136) and the Hessian-trace identity (91)-(92).
// Hypotheses under test; the independent side is the SVD, the dense Hessian and the scalar solver.
#pragma once

#include "dmf/problem/instance.hpp"
#include "dmf/theory/formula.hpp"

#include <vector>

namespace dmf::inline theory {

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

// ||X||_{S^{2/L}}^{2/L} = sum_i sigma_i(X)^{2/L}: the definition, from the SVD.
Real schatten_2_over_L(const Matrix& x, int L, const Precision& p);

// (136): W_L = U Sigma^{1/L}, W_i = Sigma^{1/L} (1 < i < L), W_1 = Sigma^{1/L} V^T,
// with the thin SVD X = U Sigma V^T (hidden widths k = min(rows, cols)).
Weights balanced_factorization_136(const Matrix& x, int L, const Precision& p);

// (91)-(92): tr Hess L(w) = (2 lambda / L) N + 2 sum_k ||A_k||_F^2 ||B_k||_F^2, with
// A_k = W_L...W_{k+1}, B_k = W_{k-1}...W_1 (empty products are identities), in the
// KP convention. `factor` is the printed 2 (a mutation test passes 1).
Real kp_trace_identity_92(const Instance& kp, const Weights& w, const Precision& p, int factor = 2);

}  // namespace dmf::theory
