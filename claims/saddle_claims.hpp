// Non-strict saddles in the scalar case (d_l = 1), classified from first principles:
// every critical point of F (CJW convention, equal lambda_l) is w = 0 or a sign
// pattern of a positive root x of f(.; y) (the scalar solver's derivation); with no
// continuous symmetry in the scalar case, the oracle's one classifier (classify.hpp)
// decides each: Hessian inertia, then cubic and quartic terms along null directions.
#pragma once

#include "claims/claim_check.hpp"

namespace dmf {

struct ScalarLandscape {
    bool has_non_strict_saddle = false;
    bool undecided = false;
    std::string detail;
};
// CJW scalar problem: F = 1/2 (prod w - y)^2 + (lambdabar/2) sum w_i^2 (equal lambda_l = lambdabar).
ScalarLandscape classify_scalar_landscape(int L, const Real& y, const Real& lambda_bar, const Precision& p);

// CJW.C2.3 in the scalar case: y != ybar => no non-strict saddle; y = ybar => one exists.
CheckResult check_cjw_c2_3_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p);
// KP.E79 as printed in the scalar case (KP lambda = L lambdabar, sigma = y): its hypothesis
// lambda^L != sigma K_L, decided with intervals, and its conclusion against the classification.
CheckResult check_kp_e79_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p);

// CJW.T2.2 (i)-(iv) in the scalar case (L >= 3): every critical orbit's printed type
// (from x = 0 / x- / x+ / xbar, and p* of (10)) against the first-principles type
// (Hessian inertia, higher order, and the global value comparison). `swap_roots`
// exchanges x- and x+ in the predictor: the mutation check.
CheckResult check_cjw_t2_2_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p,
                                  bool swap_roots = false);

// KP.E79 corrected: sigma_i^{2(L-1)} in place of sigma_i (then the excluded set is exactly y = ybar).
CheckResult check_kp_e79_corrected_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p);

}  // namespace dmf
