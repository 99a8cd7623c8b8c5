// Targets exactly on the papers' thresholds, as binary numbers (so exact at every precision).
// With base t (a power of two) and L - 2 a power of two (L = 3, 4, 6, 10, ...):
//   ybar: lambdabar = t^{2L-2} L/(L-2)  gives  xbar = t  and  ybar = 2(L-1)/(L-2) t^L     (CJW (42)-(43));
//   tie:  lambdabar = t^{2L-2} / (L-2)  gives  x+ = t    and  G(x+) = G(0) at y = (L-1)/(L-2) t^L
//         (CJW (10)); in KP's convention (lambda = L lambdabar) that y is tau (KP (13)) and
//         t^L is rho_m of (26).
// Both follow from f(t; y) = 0 with f'(t) = 0 (ybar) or G(t) = G(0) (tie), solved for
// lambdabar and y with x = t: the constructions are derived, not read off the printed formulas.
#pragma once

#include "dmf/numerics/precision.hpp"

namespace dmf::gen {

// L >= 3 with L - 2 a power of two: the constructions below are exact binary numbers.
bool has_exact_thresholds(int L);

struct ExactAnchor {
    Real lambda_bar;  // CJW's lambdabar (KP's lambda is L times it)
    Real y;           // the threshold value of the target's singular value
    Real root;        // the root at the threshold (xbar, or x+ at the tie)
};
ExactAnchor exact_y_bar(int L, const Real& t, const Precision& p);
ExactAnchor exact_tie(int L, const Real& t, const Precision& p);

// The exceptional set a claim's statement is about, where structured cases put their exact
// anchors (structured_cases.hpp): CJW's ybar ((42)-(43): C2.3's y_i = ybar), the tie of (10)
// (T2.2's types there), or either.
enum class ExceptionalSet { any, y_bar, tie };

}  // namespace dmf::gen
