// The remaining statements of both papers (issue 16 item 5; docs/statements.md lists them all):
// the appendix lemmas of KP (Young, Hoelder, the Schatten-Hoelder corollary and its L-factor
// remark, the doubly stochastic facts behind its proof of von Neumann's inequality), KP Lemma 8
// and (66), the sentences of KP Section 3.3 and Fig. 3, and CJW's auxiliary lemmas, the
// propositions that make up Theorem 2.2, Remark 3.28, Mirsky's inequality (Lemma C.1) and the
// sentences about spurious minima and gradient descent. Each is checked on one case against an
// independent computation (SVD, eigensolver, brute force over permutations, certified scalar
// minimizers, classified landscapes, gradient descent from the definition of the loss).
#pragma once

#include "claims/claim_check.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/problem/instance.hpp"

namespace dmf {

// Where a check may plant a plausible wrong formula (the mutants of properties/statement_properties.cpp).
enum class StatementMutant { none, planted };

// ---- KP, on a matrix case (the target is A; further matrices come from the case's hash)
CheckResult check_kp_l8(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_kp_l17(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_kp_l18(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_kp_c20(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// The mutant: each factor's Schatten term to the power p_l instead of gamma (not homogeneous).
CheckResult check_kp_r21(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// Remark 24: det X = sum_sigma sgn(sigma) prod x_{i sigma(i)}, sgn = (-1)^{inversions}, against LU.
CheckResult check_kp_r24(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// The mutant: "otherwise at least 2n positive entries" (false from n = 3: two permutations that
// share n - 2 positions mix to n + 2 positive entries).
CheckResult check_kp_r26(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// The mutant: the permutation with a positive diagonal product is a derangement (no fixed point).
CheckResult check_kp_l28(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_kp_l29(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_kp_c30(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_kp_l31(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// Definition 16 as printed compares only the full sums and products; the step of T19's proof that
// takes weak log-majorization to weak majorization (Marshall et al. 5.A.2.b) on the case's rows
// x = |row 0|, y = |row 1|: printed (whole vectors only) and corrected (every prefix k).
CheckResult check_kp_d16_printed(const Instance& inst, const Precision& p);
// The mutant of the corrected step: its converse (weak majorization => weak log-majorization).
CheckResult check_kp_d16_corrected(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// ---- KP, on a scalar problem (KP convention)
// (66): a >= b >= 0 gives argmin (a - x)^2 + lambda x^q >= argmin (b - x)^2 + lambda x^q; b from the case's hash.
CheckResult check_kp_e66(const ScalarProblem& pr, const Precision& p, StatementMutant m = StatementMutant::none);
// Section 3.3 after (79), as the paper means it (L >= 3): (79) does not make the landscape benign.
// Existential: for the case's L and lambda, the target m' = (ybar + tau)/2 satisfies (79) and its
// landscape (every critical orbit classified from first principles, the global value from an
// independent multistart) has a spurious local minimizer. The case's m is not used.
CheckResult check_kp_s3_3_printed(const ScalarProblem& pr, const Precision& p);
// The universal reading (stronger than the paper's; refuted, the stored case illustrates the
// caveat): under (79) the landscape of this very target is not benign.
CheckResult check_kp_s3_3_universal(const ScalarProblem& pr, const Precision& p);
// The caveat: for L >= 3 and y off ybar, benign exactly when |m| < ybar or |m| is CJW (10)'s tie y*.
CheckResult check_kp_s3_3_corrected(const ScalarProblem& pr, const Precision& p, StatementMutant m = StatementMutant::none);
// Fig. 3 with the paper's qualification (the best point of a hyperparameter search): with lambda
// above C14's threshold, the lowest-loss converged run among the starts of the gradient-descent
// runs (Gaussian starts and a start beside x+) ends at P = 0.
CheckResult check_kp_f3_printed(const ScalarProblem& pr, const Precision& p);
// A single run (stronger than the paper's reading; refuted): every converged run ends at P = 0.
CheckResult check_kp_f3_single_run(const ScalarProblem& pr, const Precision& p);
// The caveat: every run ends at 0 when |m| < ybar; when ybar < |m| < tau a start beside x+ ends at
// the spurious minimizer, P = sign(m) x+^L.
// The mutant puts the switch at tau (the tie) instead of ybar: every run ends at 0 below tau.
CheckResult check_kp_f3_corrected(const ScalarProblem& pr, const Precision& p, StatementMutant m = StatementMutant::none);

// ---- CJW
CheckResult check_cjw_l3_1(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_cjw_l3_8(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// (11) / Lemma 3.19 in CJW's scalar form (y unused): the y of (11) is where f(.; y) first has a positive root.
CheckResult check_cjw_l3_19(int L, const Real& y, const Real& lambda_bar, const Precision& p,
                            StatementMutant m = StatementMutant::none);
enum class OrbitStatement { p3_13, p3_15, p3_17, p3_21, c3_23 };
// The propositions behind T2.2 and Corollary 3.23, each orbit of T2.1 classified from first principles.
// The mutant plants, per statement: P3.13, P3.17, C3.23 x- and x+ swapped; P3.15 the alignment
// inequality reversed; P3.21 "an xbar point is a local minimizer".
CheckResult check_cjw_orbit_statement(const Instance& inst, const Precision& p, OrbitStatement which,
                                      StatementMutant m = StatementMutant::none);
// Proposition 3.24 (reconstructed from T2.2 (iii)): among the local minimizers of (ii), global iff
// p = p* of (10) (printed) or p* <= p <= p*_<= (corrected: at CJW (10)'s exact tie both count).
CheckResult check_cjw_p3_24(const Instance& inst, const Precision& p, bool corrected);
CheckResult check_cjw_r3_28(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
CheckResult check_cjw_lc_1(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);
// Section 2.2's discussion (and KP Section 3.3): spurious local minimizers exist at L >= 3, none at L = 2.
// The mutant asserts spurious minimizers at L = 2 as well.
CheckResult check_cjw_s2_2(int L, const Real& y, const Real& lambda_bar, const Precision& p,
                           StatementMutant m = StatementMutant::none);
// Corollary 2.3's discussion: under (12), gradient descent from random starts reaches a local minimizer.
// The mutant is of the independent side: no descent steps (Newton from the raw start).
CheckResult check_cjw_s2_3(const Instance& inst, const Precision& p, StatementMutant m = StatementMutant::none);

}  // namespace dmf
