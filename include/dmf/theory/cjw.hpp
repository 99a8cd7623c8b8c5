// Chen, Jiang, Wang (2025), as reconstructed in docs/claims.md (the extracted text lost its
// formulas): the thresholds xbar (42) and ybar (43), f of (8) and the per-singular-value loss G.
// Hypotheses under test, CJW convention (lambdabar = (prod lambda_l)^{1/L}).
#pragma once

#include "dmf/theory/formula.hpp"

namespace dmf::inline theory {

// (42): xbar = (lambdabar (L - 2) / L)^{1/(2L-2)}.
Formula cjw_x_bar(int L, const Real& lambda_bar, const Precision& p);
// (43): ybar = (2 (L - 1) / L) lambdabar xbar^{2-L}.
Formula cjw_y_bar(int L, const Real& lambda_bar, const Precision& p);
// (8): f(x; y) = x^{2L-1} - y x^{L-1} + lambdabar x (a definition, not a claim).
Real cjw_f(int L, const Real& x, const Real& y, const Real& lambda_bar, const Precision& p);
// The per-singular-value loss of CJW.T2.2(iii): G(x; y) = 1/2 (x^L - y)^2 + (L lambdabar / 2) x^2.
Real cjw_G(int L, const Real& x, const Real& y, const Real& lambda_bar, const Precision& p);

}  // namespace dmf::theory
