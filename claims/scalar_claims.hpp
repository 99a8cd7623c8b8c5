// The scalar claims, each checked as printed against the independent scalar
// numerics (oracle/scalar_problem.hpp, oracle/polynomial.hpp). Used by the
// properties, by replay of stored counterexamples, and by `dmf-oracle scalar`.
#pragma once

#include "dmf/landscape/scalar_problem.hpp"
#include "claims/claim_check.hpp"

#include <functional>
#include <vector>

namespace dmf {

// Where |m| sits relative to the printed tau, with a margin of 4 eps:
// below, above, at (within the margin), or undefined (no printed tau).
enum class Side { below, at, above, undefined };
Side side_of_tau(const ScalarProblem& pr, const Precision& p);

// KP.T5: uniqueness and (13); at |m| = tau also (26)'s rho_m against the computed positive minimizer.
CheckResult check_kp_t5(const ScalarProblem& pr, const Precision& p);

// KP.T5 at |m| = tau: built on the printed tau rounded at p, 2p and 4p, the value gap
// between w = 0 and the positive minimizer must shrink like 2^-bits (a tie), not stay put.
CheckResult check_kp_t5_tie(int L, const Real& lambda, const Precision& p);

// KP.T6 as printed: every w* in Omega has the spectrum (29) and lambda_max (30).
using Eigenvalues29 = std::function<std::vector<Real>(int, const Real&, const Real&, const Precision&)>;
CheckResult check_kp_t6_printed(const ScalarProblem& pr, const Precision& p,
                                const Eigenvalues29& formula = nullptr);
// KP.T6 corrected (see the registry): (29)-(30) where the minimizer is non-zero (and at L = 1);
// at the collapsed minimizer w* = 0: {lambda -+ 2|m|} for L = 2, 2 lambda / L (L times) for L >= 3.
CheckResult check_kp_t6_corrected(const ScalarProblem& pr, const Precision& p,
                                  const Eigenvalues29& formula = nullptr);

// KP.R7: lambda_max -> 2L|m|^{2(1-1/L)} as lambda -> 0, checked on lambda = 2^-(p/4) and 2^-(p/2):
// the error must shrink at least linearly in lambda.
CheckResult check_kp_r7(int L, const Real& m, const Precision& p);

// CJW.L3.10 (i)-(v) for f(.; y) with lambdabar.
CheckResult check_cjw_l3_10(int L, const Real& y, const Real& lambda_bar, const Precision& p);

// CJW.L3.10 corrected (see the registry): as printed for L >= 3; for L = 2 exactly one
// positive root sqrt(y - lambdabar) when y > lambdabar (a local min of G), none otherwise;
// for L = 1 exactly one positive root y / (1 + lambdabar) when y > 0.
CheckResult check_cjw_l3_10_corrected(int L, const Real& y, const Real& lambda_bar, const Precision& p);

// KP.T5 / KP.C14 at L = 1, where the printed tau and lambda_c are undefined: the
// minimizer is m / (1 + lambda), unique for every m, zero only at m = 0.
CheckResult check_kp_depth_one(const ScalarProblem& pr, const Precision& p);

// CJW.L3.10 on the CJW form of a KP scalar problem: y = |m|, lambdabar = lambda / L.
// (Stored scalar counterexamples keep the KP form; this is how they replay.)
CheckResult check_cjw_l3_10_kp_form(const ScalarProblem& pr, const Precision& p);

// KP.C14 in the scalar case: lambda > lambda_c(|m|) implies P* = 0.
CheckResult check_kp_c14_scalar(const ScalarProblem& pr, const Precision& p);

// CJW.A1 in the scalar case: L = 2, lambda_1, lambda_2, target y.
CheckResult check_cjw_a1_scalar(const Real& lambda1, const Real& lambda2, const Real& y, const Precision& p);

}  // namespace dmf
