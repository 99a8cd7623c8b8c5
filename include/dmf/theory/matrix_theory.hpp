// Printed matrix formulas of KP used by the standalone matrix claims:
// the balanced factorization (136) and the Hessian-trace identity (91)-(92).
// Hypotheses under test; the independent side is the SVD and the dense Hessian.
#pragma once

#include "dmf/problem/instance.hpp"

namespace dmf {

// ||X||_{S^{2/L}}^{2/L} = sum_i sigma_i(X)^{2/L}: the definition, from the SVD.
Real schatten_2_over_L(const Matrix& x, int L, const Precision& p);

// (136): W_L = U Sigma^{1/L}, W_i = Sigma^{1/L} (1 < i < L), W_1 = Sigma^{1/L} V^T,
// with the thin SVD X = U Sigma V^T (hidden widths k = min(rows, cols)).
Weights balanced_factorization_136(const Matrix& x, int L, const Precision& p);

// (91)-(92): tr Hess L(w) = (2 lambda / L) N + 2 sum_k ||A_k||_F^2 ||B_k||_F^2, with
// A_k = W_L...W_{k+1}, B_k = W_{k-1}...W_1 (empty products are identities), in the
// KP convention. `factor` is the printed 2 (a mutation test passes 1).
Real kp_trace_identity_92(const Instance& kp, const Weights& w, const Precision& p, int factor = 2);

}  // namespace dmf
