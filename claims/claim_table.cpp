// The claim table: every claim, defined once (claim_table.hpp says what reads it). A row holds
// the prose of docs/claims.md's entry and of `dmf-oracle claims`, and the checks; rows are in
// docs/claims.md's order, which `claims` and `check` list. The checks themselves live in
// scalar_claims, saddle_claims, landscape_claims, matrix_claims and global_claims.
#include "claims/claim_table.hpp"

#include "claims/global_claims.hpp"
#include "claims/landscape_claims.hpp"
#include "claims/matrix_claims.hpp"
#include "claims/saddle_claims.hpp"
#include "claims/scalar_claims.hpp"
#include "claims/statement_claims.hpp"
#include "generators/structured_cases.hpp"

namespace dmf {

Instance scalar_case(int L, const Real& lambda_kp, const Real& m, const Precision& p) {
    return gen::scalar_instance(L, lambda_kp, m, p);
}

namespace {

ScalarProblem problem_of(const Instance& inst) { return {inst.L, inst.lambda[0], inst.target(0, 0)}; }

// A check on the scalar problem, as an instance check.
InstanceCheck on_problem(std::function<CheckResult(const ScalarProblem&, const Precision&)> f) {
    return [f](const Instance& i, const Precision& p) { return f(problem_of(i), p); };
}
// A check in CJW's scalar form: y = |m|, lambdabar = lambda / L.
InstanceCheck on_cjw_scalar(CheckResult (*f)(int, const Real&, const Real&, const Precision&)) {
    return [f](const Instance& i, const Precision& p) {
        PrecisionGuard g(p);
        return f(i.L, Real(abs(i.target(0, 0))), Real(i.lambda[0] / i.L), p);
    };
}

// X.GLOBAL's corrected statement adds T3's width condition (d_min >= rank of the prox). A case
// where the printed rank argument fails is outside it; inside it, P = prox is KP.T10 on the
// global orbits (checked by the X.GLOBAL/corrected property).
CheckResult x_global_corrected(const Instance& inst, const Precision& p) {
    if (check_x_global_rank(inst, p).verdict == Verdict::violated)
        return CheckResult{Verdict::holds, "outside the corrected scope", "", "", 0,
                           "d_min < rank of the prox: the corrected statement excludes it"};
    return check_kp_t10_on(inst, p);
}

// solve reports the printed statements on its landscape.
CheckResult t2_2_printed(const Instance& i, const Landscape& land, const Precision& p) { return check_cjw_t2_2(i, land, p); }
CheckResult c2_3_printed(const Instance& i, const Landscape& land, const Precision& p) { return check_cjw_c2_3(i, land, p); }
CheckResult a1_printed(const Instance& i, const Landscape& land, const Precision& p) { return check_cjw_a1(i, land, p); }
// X.GLOBAL's printed form needs no landscape: the rank of the prox against d_min decides it.
CheckResult x_global_on_landscape(const Instance& i, const Landscape&, const Precision& p) { return check_x_global_rank(i, p); }

// A row names only the members it sets; the others keep their defaults (no corrected statement,
// no mutants, no solve check, ...). GCC's -Wextra would list each omission.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
std::vector<ClaimDefinition> build_table() {
    using K = CaseKind;
    std::vector<ClaimDefinition> t = {
        // ---- KP (as printed)
        {.id = "KP.T2",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 2 (from CJW Lemma 3.2)",
         .title = "balancedness",
         .statement = "(balancedness, from CJW Lemma 3.2). For every w* ∈ Ω and every i < L: W_i W_iᵀ = W_{i+1}ᵀ"
                      " W_{i+1}. Hence all layers have the same singular values.",
         .preconditions = {"KP convention", "w* a global minimizer of L(W)"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.T2: the best of three damped-Newton minimizations from random starts (KP convention, L"
                  " = 2..4) is balanced, W_i W_i^T = W_{i+1}^T W_{i+1} within the residual-gradient allowance. Global"
                  " optimality of the best start is not certified here; the minimizer issue adds certified global"
                  " minimizers.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 2, .max_depth = 6,
         .printed = check_kp_t2_on,
         .mutants = {"KP.T2/mutant-transposed"},
         .on_landscape = {.check = check_kp_t2}},
        {.id = "KP.T3",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 3",
         .title = "Schatten reformulation",
         .statement = "(Schatten reformulation). If min_i d_i ≥ min(d_0, d_L), then: - min ℒ = min over M of ||M♮ −"
                      " M||_F^2 + λ ||M||_{S^{2/L}}^{2/L}; - the end-to-end products of Ω are exactly the minimizers"
                      " of that problem.",
         .preconditions = {"min_i d_i >= min(d_0, d_L)"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.T3 (KP convention, L = 1..4, widths 1..3, 128 bits), both directions: no"
                  " factorization found by damped Newton + LM polish from 4 random starts has a loss below the"
                  " Schatten minimum (the prox value) beyond rounding, and the balanced factorization (136) of the"
                  " prox M*, zero-padded to the widths, has loss equal to it within 64 (L + w) eps (||Y||^2 + value)"
                  " whenever the hidden widths hold rank(M*) (else a trivial case). Mutants: the prox at 2 lambda"
                  " and at lambda/2. Since the landscape session, the solver-based"
                  " KP properties (KP.T3, KP.T10, KP.C13, KP.T15/bound) draw half their instances from a"
                  " threshold-placed generator: L = 1..6, singular values exactly on tau (L in {3,4,6}), at tau(1 +-"
                  " 2^-k), far, repeated, zero, or all below tau (collapsed), rescaled exactly to lambda ~"
                  " 1e-30..1e30, with homogeneous tolerances and starts at the problem's scale.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_t3_on,
         .mutants = {"KP.T3/mutant-lambda", "KP.T3/mutant-half-lambda"},
         .on_landscape = {.check = check_kp_t3}},
        {.id = "KP.T5",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 5, (13), (26)",
         .title = "scalar uniqueness",
         .statement = "(scalar uniqueness, L ≥ 1). - For every m ∉ {±τ}, the end-to-end minimizer is unique. - Its"
                      " value (13) is: 0 when |m| < τ; ρ*(m) ≠ 0 when |m| > τ; and {0, ρ*(m)} when |m| = τ. - At |m|"
                      " = τ, (26) gives ρ_m = (λ(1 − q))^{1/(2−q)} and m = (2−q)/(2(1−q)) ρ_m.",
         .preconditions = {"scalar case d_0 = ... = d_L = 1",
                           "L >= 1",
                           "q = 2/L",
                           "tau(lambda, L) = (1 - q/2) lambda^{1/(2-q)} (1 - q)^{(q-1)/(2-q)}"},
         .status = ClaimStatus::holds_with_caveat,
         .corrected_statement = "As printed for every L >= 2 (at L = 2, tau = lambda/2 with 0^0 = 1, and at |m| = tau"
                                " the minimizer set {0, rho*(m)} is {0}). At L = 1 the printed tau is undefined (q ="
                                " 2 makes (1 - q/2) lambda^{1/(2-q)} = 0 * lambda^{1/0}); there the end-to-end"
                                " minimizer m/(1 + lambda) is unique for every m and is zero only at m = 0.",
         .notes = "Properties KP.T5 (L = 1..12, lambda 1e-30..1e30, m far from, 2^-k from, and exactly on tau"
                  " rounded, both signs, zero), KP.T5/metamorphic (sign symmetry, scaling covariance of rho* and of"
                  " the printed tau), KP.T5/depth-one (the L = 1 caveat). Printed tau agrees with its bisection twin"
                  " (first |m| with a non-zero certified minimizer) to <= 0.87 eps at 257 and 1025 bits for L in"
                  " {2,3,4,7,12}, lambda in {1e-20, 0.37, 1, 1e20} (tests/test_thresholds.cpp). (26)'s rho_m agrees"
                  " with the certified positive minimizer at |m| = fl(tau). On E, constructed exactly (t = 2^k, L in"
                  " {3,4,6,10}, lambda = t^{2L-2} L/(L-2), so tau = t^L (L-1)/(L-2) and rho_m = t^L are exact):"
                  " property KP.T5/exact-tie finds the minimizer set {0, rho_m}, a tie that stays undecided at p, 2p"
                  " and 4p.",
         .issue = 4,
         .kind = K::scalar, .min_depth = 1, .max_depth = 12,
         .printed = on_problem(check_kp_t5),
         .mutants = {"KP.T5/mutant-tau-depth"}},
        {.id = "KP.T6",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 6, (29), (30)",
         .title = "scalar Hessian spectrum",
         .statement = "(scalar Hessian spectrum). Take m ∉ {±τ}, any w* ∈ Ω, and w := |w*_i|. Then: - the spectrum of"
                      " ∇²ℒ(w*) is the same for every w* ∈ Ω; - by (29), λ_1 = … = λ_{L−1} = 4λ/L and λ_L = 2L"
                      " w^{2L−2} + 4λ/L − 2λ; - by (30), λ_max = max{2L w^{2L−2} − 2λ, 0} + 4λ/L.",
         .preconditions = {"scalar case", "m not in {+-tau}"},
         .status = ClaimStatus::refuted,
         .corrected_statement = "(29)-(30) hold at every w* in Omega when |m| > tau (then w = |w*_i| > 0) and L >= 2."
                                " At L = 1, (29) holds for every m (the single eigenvalue 2 + 2 lambda) but (30)"
                                " gives (2 - 2 lambda)_+ + 4 lambda, which is 4 lambda, not 2 + 2 lambda, when lambda"
                                " > 1: there lambda_max = 2 + 2 lambda. When |m| < tau and L >= 2, Omega = {0} and"
                                " the Hessian there is [[lambda, -2m], [-2m, lambda]] for L = 2 (eigenvalues lambda"
                                " -+ 2|m|) and (2 lambda / L) I for L >= 3, so lambda_max = lambda + 2|m| (L = 2) or"
                                " 2 lambda / L (L >= 3), not (30). (The proof divides by w = |w*_i| in (36)-(44); w ="
                                " 0 at the collapsed minimizer.) The spectrum is constant over Omega in every case.",
         .counterexamples = {"corpus/KP.T6-L3-lambda1-m0.5-257bits.json",
                             "corpus/KP.T6-L2-lambda1-m0.25-257bits.json",
                             "corpus/KP.T6-L1-lambda2-m1-264bits.json"},
         .notes = "At L = 3, lambda = 1, m = 1/2 (|m| < tau = 0.877...) the unique global minimizer is w* = 0 and the"
                  " Hessian from the definition is (2/3) I; (29) predicts {4/3, 4/3, -2/3}, a negative eigenvalue at"
                  " a global minimizer. Random generation finds it alone (hidden property KP.T6/printed shrinks to L"
                  " = 2, lambda = 1e-30, m = 0). Properties: KP.T6/corrected, KP.T6/replay; mutation check"
                  " KP.T6/mutant-29 ((29) off by 2^-40 is caught). Second failure, found by `dmf-oracle search KP.T6`"
                  " (it shrinks to L = 1, lambda = 2, m = 0; stored as m = 1, a non-collapsed minimizer w* = 1/3): at"
                  " L = 1, (30) gives 8 where the Hessian from the definition is 6 = 2 + 2 lambda; the ( )_+ clipping"
                  " in (30) is wrong at L = 1 when lambda > 1. The corrected statement in force until then (which"
                  " claimed (30) at L = 1 for every m) was amended and its property (KP.T6/corrected) now runs the"
                  " amended form.",
         .issue = 4,
         .kind = K::scalar, .min_depth = 1, .max_depth = 8,
         .printed = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_t6_printed(q, p); }),
         .corrected = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_t6_corrected(q, p); }),
         .mutants = {"KP.T6/mutant-29"}},
        {.id = "KP.R7",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Remark 7",
         .title = "small-lambda sharpness limit",
         .statement = "(Remark 7). As λ → 0, λ_max → 2L |m|^{2(1 − 1/L)}.",
         .preconditions = {"scalar case", "m != 0"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.R7: for L = 1..12 and m over 1e-30..1e30 (and 0), lambda_max at a certified global"
                  " minimizer, with lambda = |m|^{(2L-2)/L} 2^-(p/4) and 2^-(p/2), approaches 2L|m|^{2(1-1/L)} at"
                  " least linearly in lambda (a wrong limit makes the ratio grow like 2^{p/4}).",
         .issue = 4,
         .kind = K::scalar, .min_depth = 1, .max_depth = 12,
         .printed = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_r7(q.L, q.m, p); }),
         .mutants = {"KP.R7/mutant-factor"}},
        {.id = "KP.T10",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 10, (63)-(68)",
         .title = "matrix uniqueness",
         .statement = "(matrix uniqueness). If M♮ ∉ E, the Schatten problem (55) has exactly one minimizer M*. - M* ="
                      " U diag(x) Vᵀ, where x_i is the scalar minimizer for σ_i(M♮). - M* shares the singular vectors"
                      " of M♮, via (63)–(68).",
         .preconditions = {"M_nat not in E = {M : some sigma_i(M) = tau}"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.T10: off E, every start that reaches the global value has end-to-end product U diag(x)"
                  " V^T within 2^-(p/2), with x_i the certified scalar minimizers (not a formula). The four starts"
                  " agree with each other through that. Property KP.T10/metamorphic: prox(Q1 M Q2^T) = Q1 prox(M)"
                  " Q2^T for Haar Q1, Q2, and x_i(c sigma, c^{2-q} lambda) = c x_i(sigma, lambda). On E: property"
                  " KP.T10/exceptional builds targets with singular values exactly on tau (and 4 tau, tau/4): the"
                  " prox reports exactly the tying indices (each sigma_i is taken with its SVD error bound, and a"
                  " decision that differs across it is a tie), and a continuum of minimizers when a repeated value"
                  " sits on tau. Since the landscape session, the solver-based KP properties (KP.T3, KP.T10, KP.C13,"
                  " KP.T15/bound) draw half their instances from a threshold-placed generator: L = 1..6, singular"
                  " values exactly on tau (L in {3,4,6}), at tau(1 +- 2^-k), far, repeated, zero, or all below tau"
                  " (collapsed), rescaled exactly to lambda ~ 1e-30..1e30, with homogeneous tolerances and starts at"
                  " the problem's scale.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_t10_on,
         .mutants = {"KP.T10/mutant-lambda"},
         .on_landscape = {.check = check_kp_t10}},
        {.id = "KP.L11",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Lemma 11",
         .title = "exceptional set has measure zero",
         .statement = "Every set {A : σ_i(A) = C} with C > 0 has Lebesgue measure zero.",
         .preconditions = {"C > 0"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.L11: a planted simple sigma_i = C has gradient u_i v_i^T of norm 1 (and directional"
                  " derivative 1 by finite differences at twice the precision), so the set is locally a smooth"
                  " hypersurface; random Gaussian matrices never land on it.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_l11_on,
         .mutants = {"KP.L11/mutant-gradient"}},
        {.id = "KP.C13",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Corollary 13",
         .title = "constant layer norms",
         .statement = "If M♮ ∉ E, then ||W_i||_F is the same for every w ∈ Ω and every i ∈ [L].",
         .preconditions = {"M_nat not in E"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.C13: off E and with widths >= rank, ||W_i||_F is the same for every layer and every"
                  " start that reaches the global value (within 2^-(p/2)). Bottleneck instances are not covered: no"
                  " independent certificate of the global minimum there yet. Since the landscape session, the"
                  " solver-based KP properties (KP.T3, KP.T10, KP.C13, KP.T15/bound) draw half their instances from a"
                  " threshold-placed generator: L = 1..6, singular values exactly on tau (L in {3,4,6}), at tau(1 +-"
                  " 2^-k), far, repeated, zero, or all below tau (collapsed), rescaled exactly to lambda ~"
                  " 1e-30..1e30, with homogeneous tolerances and starts at the problem's scale.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_c13_on,
         .mutants = {"KP.C13/mutant-norm"},
         .on_landscape = {.check = check_kp_c13}},
        {.id = "KP.C14",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Corollary 14",
         .title = "collapse threshold",
         .statement = "(collapse). If λ > (||σ(M♮)||_∞ / ((1 − q/2)(1 − q)^{(q−1)/(2−q)}))^{2−q}, then P = 0 for"
                      " every w ∈ Ω.",
         .preconditions = {"q = 2/L"},
         .status = ClaimStatus::holds_with_caveat,
         .corrected_statement = "For L >= 2 as printed. At L = 1 the printed threshold is undefined ((1 - q/2) = 0 in"
                                " the denominator, exponent 2 - q = 0): there P = m/(1 + lambda) never collapses for"
                                " m != 0.",
         .notes = "Scalar case: property KP.C14/scalar (with sharpness at lambda_c (1 -+ 2^-k)) and the bisection"
                  " twin (first lambda with a collapsed certified minimizer) agreeing with the printed lambda_c to <="
                  " 0.87 eps at 257 and 1025 bits. Matrix case: property KP.C14 (L = 2..4, widths 1..3): at lambda_c"
                  " (1 + 2^-k) no start beats w = 0 and the prox (certified scalar minimizers) is 0; at lambda_c (1 -"
                  " 2^-k) the top singular value survives and the prox beats w = 0.",
         .issue = 6,
         .kind = K::scalar, .min_depth = 1, .max_depth = 12,
         .printed = on_problem(check_kp_c14_scalar),
         .mutants = {"KP.C14/mutant-half"}},
        {.id = "KP.T15",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 15, (81), (91)-(92)",
         .title = "Hessian-trace lower bound and trace identity",
         .statement = "(trace bound). If M♮ ∉ E, then for every w* ∈ Ω: - tr ∇²ℒ(w*) ≥ 2L ||P*||_F^2 / g*^2 + (2λ/L)"
                      " N, with g* := ||W_i*||_F; - and, by (91)–(92), tr ∇²ℒ(w) = (2λ/L) N + 2 Σ_k ||A_k||_F^2"
                      " ||B_k||_F^2 at every w, where A_k = W_L⋯W_{k+1} and B_k = W_{k−1}⋯W_1. An empty product is"
                      " the identity.",
         .preconditions = {"bound: M_nat not in E and w* in Omega", "identity (91)-(92): every w"},
         .status = ClaimStatus::holds_with_caveat,
         .corrected_statement = "(91)-(92) as printed at every w. The bound (81) as printed at minimizers with P* !="
                                " 0. At a collapsed minimizer (every sigma_i(M) < tau) P* = 0 and g* = ||W_i*||_F ="
                                " 0, so 2L ||P*||^2 / g*^2 is 0/0; read as 0, the bound is (2 lambda / L) N and holds"
                                " with equality there.",
         .notes = "Properties KP.T15/identity (random KP instances and points, L = 1..6: the dense Hessian's trace"
                  " equals (91)-(92) to <= 16 (L+4) eps), the mutation check KP.T15/mutant-identity (the factor 2"
                  " dropped is caught), and KP.T15/bound-scalar (certified scalar minimizers, L = 1..8: the bound"
                  " holds, with equality in the scalar case: tr = 2 lambda + 2L w^{2L-2}). The bound at matrix"
                  " minimizers awaits the independent multistart minimizer. Matrix case: property KP.T15/bound at"
                  " every start that reaches the prox value (KP instances, widths >= rank). The bound is attained in"
                  " the scalar case (gap 3e-37 at L = 3) and loose on matrix targets (gap 6 to 31 on the instances of"
                  " the closing note). `dmf-oracle sharpness` reports trace, (91)-(92), (81) and the gap per"
                  " minimizer, and answers KP's open question per instance: on every instance tried, the trace was"
                  " the same at every global minimizer found.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_t15_on,
         .mutants = {"KP.T15/mutant-identity", "KP.T15/mutant-bound", "KP.T15/mutant-hessian-no-reg"},
         .on_landscape = {.check = check_kp_t15}},
        {.id = "KP.E79",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, (79), restating CJW Corollary 2.3",
         .title = "no non-strict saddles off a threshold",
         .statement = "(KP's restatement of CJW Cor 2.3). Let L ≥ 3. Suppose, for every i ∈ [min(m, n)], λ^L ≠"
                      " σ_i(M♮) · [ L^L ( ((L−2)/L)^{L/(2(L−1))} + (L/(L−2))^{(L−2)/(2(L−1))} )^{−2(L−1)} ]. Then"
                      " every critical point of ℒ is a local minimizer or a strict saddle.",
         .preconditions = {"L >= 3", "KP convention"},
         .status = ClaimStatus::refuted,
         .corrected_statement = "Let L >= 3. If, for every i, lambda^L != sigma_i(M)^{2(L-1)} L^L ("
                                " ((L-2)/L)^{L/(2(L-1))} + (L/(L-2))^{(L-2)/(2(L-1))} )^{-2(L-1)}, then every"
                                " critical point is a local minimizer or a strict saddle. (The printed sigma_i lacks"
                                " the power 2(L-1); with it the excluded set is exactly sigma_i = ybar with lambdabar"
                                " = lambda/L, as in CJW.C2.3, and both sides scale alike under m -> c m, lambda ->"
                                " c^{2-q} lambda.)",
         .counterexamples = {"corpus/KP.E79-L3-lambda9-sigma4-257bits.json"},
         .notes = "Counterexample (exact, scalar): L = 3, KP lambda = 9, sigma = 4. w = (1, 1, 1) is an exact"
                  " critical point, the Hessian 6I - 2J is PSD with null vector (1, 1, 1), and F is cubic along it: a"
                  " non-strict saddle. E79's printed hypothesis (729 != 4 * 729/256) holds. The same at L = 4, 6, 10"
                  " on exact binary ybar. Random generation finds it (hidden KP.E79/printed). Properties:"
                  " KP.E79/corrected (scalar case, constructed exactly on ybar and generated around it),"
                  " KP.E79/replay. KP.E79/corrected-matrix: on matrix instances (every orbit classified) the"
                  " corrected hypothesis implies no non-strict saddle.",
         .issue = 6,
         .kind = K::scalar, .min_depth = 3, .max_depth = 10,
         .printed = on_cjw_scalar(check_kp_e79_scalar),
         .corrected = on_cjw_scalar(check_kp_e79_corrected_scalar)},
        {.id = "KP.T9",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 9",
         .title = "von Neumann trace inequality",
         .statement = "(von Neumann). tr(A Bᵀ) ≤ Σ σ_i(A) σ_i(B), with equality iff A and B share singular vectors.",
         .preconditions = {"A, B of the same shape"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.T9: random A, B (1..5 x 1..5, singular values distinct, repeated and zero) at 128/256"
                  " bits: tr(A B^T) <= sum sigma_i(A) sigma_i(B) within 32 (m+n) eps; the equality case with B = U_A"
                  " diag(tau) V_A^T holds to <= 64 (m+n) eps.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_t9_on,
         .mutants = {"KP.T9/mutant-pairing", "KP.T9/mutant-svd-sign"}},
        {.id = "KP.T19",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 19 / Remark 21",
         .title = "Schatten product inequality",
         .statement = "(Remark 21). Σ_i σ_i(AB)^p ≤ Σ_i σ_i(A)^p σ_i(B)^p for every p > 0, with the sum running to"
                      " min(rank A, rank B).",
         .preconditions = {"p > 0", "A, B chain"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.T19: random A (m x k), B (k x n) with zero and repeated singular values, p over (0,"
                  " 3]: the inequality holds with the sums to the numerical ranks (16 (m+n) eps sigma_max cut-off),"
                  " and rank(AB) <= min(rank A, rank B).",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_t19_on,
         .mutants = {"KP.T19/mutant-last-term"}},
        {.id = "KP.T22",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Theorem 22, (136)",
         .title = "variational form of the Schatten quasi-norm",
         .statement = "(variational form). ||X||_{S^{2/L}}^{2/L} = min over W_L⋯W_1 = X of (1/L) Σ ||W_i||_F^2."
                      " Equality holds at the balanced factorization (136).",
         .preconditions = {"widths admit a factorization of X"},
         .status = ClaimStatus::holds,
         .notes = "Property KP.T22: L = 1..6, X with zero and repeated singular values: (136) multiplies to X and"
                  " (1/L) sum ||W_i||^2 equals sum sigma^{2/L} to <= 32 L (m+n) eps; random reparametrizations W_i ->"
                  " G_i W_i G_{i-1}^{-1} never cost less.",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_kp_t22_on,
         .mutants = {"KP.T22/mutant-exponent"}},
        // ---- CJW (reconstructed in docs/claims.md)
        {.id = "CJW.L3.3",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed in shared/spec/claims.md), Lemma 3.3",
         .title = "balancedness at critical points",
         .statement = "(balancedness). At every critical point of F, and every l < L: λ_l W_l W_lᵀ = λ_{l+1} W_{l+1}ᵀ"
                      " W_{l+1}.",
         .preconditions = {"CJW convention", "every lambda_l > 0"},
         .status = ClaimStatus::holds,
         .notes = "Property CJW.L3.3: critical points found by Levenberg-Marquardt on grad F = 0 from random starts"
                  " (L = 2..4, widths <= 3, unequal lambda_l, both conventions, 128 bits) are lambda-balanced within"
                  " the allowance ||grad|| (||W_l|| + ||W_{l+1}||) that the definition gives for a residual gradient."
                  " The points come from the solver, never from a theorem.",
         .issue = 5,
         .kind = K::matrix, .min_depth = 2, .max_depth = 6,
         .printed = check_cjw_l3_3_on,
         .mutants = {"CJW.L3.3/mutant-swapped"},
         .on_landscape = {.check = check_cjw_l3_3}},
        {.id = "CJW.L3.11",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed in shared/spec/claims.md), Lemma 3.11",
         .title = "no local maximizers",
         .statement = "No critical point of F is a local maximizer.",
         .preconditions = {"CJW convention"},
         .status = ClaimStatus::holds,
         .notes = "Property CJW.L3.11: at every critical point found by Levenberg-Marquardt from random starts,"
                  " F curves upward along the dense Hessian's top eigenvector: the second difference of F from its"
                  " definition at twice the precision equals lambda_max to eps level and is positive, so none is a"
                  " local maximizer. (lambda_max > 0 alone cannot fail: the trace is >= the regularizer's > 0.)",
         .issue = 5,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_cjw_l3_11_on,
         .mutants = {"CJW.L3.11/mutant-hessian-no-reg"},
         .on_landscape = {.check = check_cjw_l3_11}},
        {.id = "CJW.T2.1",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed in shared/spec/claims.md), Theorem 2.1,"
                   " (6)-(7)",
         .title = "critical set in closed form (if and only if)",
         .statement = "(critical set; if and only if; no condition on Y or on the widths). W is critical if and only"
                      " if all of the following hold: - there is an SVD Y = U diag(y) Vᵀ (free within each block of"
                      " equal singular values, the zero block included); - there are orthogonal Q_l ∈ O(d_l) for l ="
                      " 1..L−1; - there are roots x_j ≥ 0 of f(·; y_j), at most d_min of them nonzero. The nonzero"
                      " ones sit on distinct hidden coordinates; this assignment is CJW's permutation π; - the layers"
                      " are W_1 = Q_1 Σ_1 Vᵀ, W_l = Q_l Σ_l Q_{l−1}ᵀ and W_L = U Σ_L Q_{L−1}ᵀ, with Σ_l ="
                      " sqrt(λ̄/λ_l) · diag(x), zero-padded. This is (6)–(7). In particular, P = Σ_j x_j^L u_j v_jᵀ.",
         .preconditions = {"CJW convention",
                           "no condition on Y or on the widths",
                           "f(x; y) = x^{2L-1} - y x^{L-1} + lambdabar x (8)",
                           "lambdabar = (prod_l lambda_l)^{1/L}"},
         .status = ClaimStatus::holds,
         .notes = "Properties CJW.T2.1/if and CJW.T2.1/only-if on matrix instances (L = 1..5, widths 1..3 with"
                  " bottlenecks, unequal lambda_l, distinct, repeated and zero singular values, 128/256 bits). If:"
                  " every orbit the theorem lists (0 or a certified root of f per index, at most d_min non-zero),"
                  " built by (6)-(7) with Haar Q_l and a random SVD inside equal-value blocks, has ||grad F|| <= 1.4"
                  " eps of scale. Only if: every critical point found by Levenberg-Marquardt from random starts has"
                  " U^T P V block-diagonal with singular values x^L (x a root of f), at most d_min non-zero, and"
                  " layer singular values sqrt(lambdabar/lambda_l) x_j. Note: x_j = 0 is a root of f only for L >= 2"
                  " or y_j = 0; at L = 1 the theorem's 'roots x_j >= 0' correctly excludes it. Mutation check:"
                  " (6)-(7) with sqrt(lambda_l/lambdabar) is caught.",
         .issue = 5,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_cjw_t2_1_if_on,
         .mutants = {"CJW.T2.1/mutant-scaling", "CJW.T2.1/mutant-only-if-scaling", "CJW.T2.1/mutant-root"},
         .on_landscape = {.check = check_cjw_t2_1_if}},
        {.id = "CJW.L3.10",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed in shared/spec/claims.md), Lemma 3.10,"
                   " (42), (43)",
         .title = "root structure of f",
         .statement = "(root structure of f for a given y ≥ 0). Define x̄ := (λ̄ (L−2)/L)^{1/(2L−2)} in (42) and ȳ :="
                      " (2(L−1)/L) λ̄ x̄^{2−L} in (43). - (i) f has two distinct positive roots if y > ȳ, exactly one"
                      " if y = ȳ, and none otherwise. - (ii) For y > ȳ, the larger root x₊(y) strictly increases in"
                      " y, and the smaller root x₋(y) strictly decreases. - (iii) For y > ȳ, x₋ is a local maximizer"
                      " and x₊ a local minimizer of the per-value loss. - (iv) At y = ȳ the positive root is x̄. -"
                      " (v) For y > ȳ, x₋ < x̄ < x₊.",
         .preconditions = {"y >= 0", "L >= 3 (xbar = 0 at L = 2)"},
         .status = ClaimStatus::refuted,
         .corrected_statement = "For L >= 3 as printed (i)-(v). For L = 2, xbar = 0 and ybar = lambdabar: f has"
                                " exactly one positive root x = sqrt(y - lambdabar) when y > lambdabar (a local"
                                " minimizer of G) and none otherwise, so (i) 'two distinct positive roots' and (v)"
                                " fail. For L = 1 xbar and ybar are undefined; f has the single positive root y / (1"
                                " + lambdabar) for every y > 0.",
         .counterexamples = {"corpus/CJW.L3.10-L2-lambda1-m2-257bits.json"},
         .notes = "The spec's reconstruction states the lemma without a depth hypothesis; CJW's own Lemma 3.10 most"
                  " likely assumes L >= 3 (their Theorem 2.2 does), so the correction is a scope restriction."
                  " Evidence: L = 2, lambdabar = 1/2, y = 2 has the single root sqrt(3/2). Properties:"
                  " CJW.L3.10/corrected (certified Sturm root counts, labels by the sign of f', enclosures against"
                  " xbar, monotonicity at y(1 + 2^-24), at-threshold roots within O(sqrt eps) of xbar),"
                  " CJW.L3.10/replay. Printed ybar agrees with its bisection twin (first y with a positive root) to"
                  " <= 0.87 eps at 257 and 1025 bits.",
         .issue = 4,
         .kind = K::scalar, .min_depth = 1, .max_depth = 12,
         .printed = on_problem(check_cjw_l3_10_kp_form),
         .corrected = on_cjw_scalar(check_cjw_l3_10_corrected),
         .mutants = {"CJW.L3.10/printed"}},
        {.id = "CJW.T2.2",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed in shared/spec/claims.md), Theorem 2.2,"
                   " (10)",
         .title = "classification of critical points",
         .statement = "(classification, L ≥ 3). Take a critical point as in T2.1. Let S := { j : x_j > 0 } and p :="
                      " |S|. - (i) It is a strict saddle if some x_j = x₋(y_j), or if it is not aligned. Aligned"
                      " means: no inactive index i ∉ S has y_i > y_j for an active j ∈ S. - (ii) It is a local"
                      " minimizer if it is aligned and x_j = x₊(y_j) with y_j > ȳ for every j ∈ S. - (iii) Suppose"
                      " (ii) holds. Let G(x; y) := 1/2 (x^L − y)^2 + (Lλ̄/2) x^2 be the per-singular-value loss."
                      " Define, as in (10), p* := |{ i ∈ [d_min] : y_i > ȳ and G(x₊(y_i); y_i) < G(0; y_i) }|. The"
                      " point is a global minimizer if p = p*; otherwise it is a spurious local minimizer. - (iv) It"
                      " is a non-strict saddle if it is aligned, has no x₋, and has some x_j = x̄ (y_j = ȳ).",
         .preconditions = {"L >= 3", "CJW convention"},
         .status = ClaimStatus::refuted,
         .corrected_statement = "(i), (ii) and (iv) as printed. (iii) corrected: with p*_<= := |{ i in [d_min] : y_i"
                                " > ybar and G(x+(y_i); y_i) <= G(0; y_i) }|, a local minimizer of (ii) is global iff"
                                " p* <= p <= p*_<=. At CJW (10)'s tie G(x+(y_i); y_i) = G(0; y_i) the index i may be"
                                " active or not: both orbits have the global value. Off the tie set p*_<= = p* and"
                                " the printed statement holds.",
         .counterexamples = {"corpus/CJW.T2.2-L3-tie-lambda1-y2-257bits.json"},
         .notes = "Counterexample (exact): L = 3, lambda_l = 1, Y = [[2]]. f(x; 2) = x(x^4 - 2x + 1) has x+ = 1"
                  " exactly, and G(1; 2) = 2 = G(0; 2): the tie of CJW (10), built exactly (x = 2^k, lambdabar ="
                  " x^{2L-2}/(L-2), y = (L-1)/(L-2) x^L for L in {3, 4, 6}). p* = 0 (strict <), so (iii) calls the x+"
                  " orbit spurious, yet its Hessian is positive definite and F = 2 equals the global value"
                  " (independent multistart). Found by random generation (hidden CJW.T2.2/printed-matrix, shrinks to"
                  " dims [1,1,1,1]). Properties: CJW.T2.2/corrected (matrix instances, L 3..6, bottlenecks, unequal"
                  " lambda_l, repeated/zero y, y exactly on ybar and on the tie, magnitudes to 1e+-30; every orbit of"
                  " T2.1 classified from first principles), CJW.T2.2/replay. Mutation check: x- and x+ swapped in the"
                  " predictor is caught (CJW.T2.2/mutant-swapped-roots-matrix and the scalar one). The printed scalar"
                  " check runs hidden (CJW.T2.2/printed-scalar).",
         .issue = 5,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = check_cjw_t2_2_printed_on,
         .corrected = check_cjw_t2_2_corrected_on,
         .mutants = {"CJW.T2.2/mutant-swapped-roots-matrix", "CJW.T2.2/mutant-swapped-roots"},
         .on_landscape = {.check = t2_2_printed, .min_depth = 3, .report_not_applicable = true}},
        {.id = "CJW.C2.3",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed in shared/spec/claims.md), Corollary"
                   " 2.3 (index range as restated in KP (79))",
         .title = "when non-strict saddles exist",
         .statement = "(L ≥ 3; index range as restated in KP (79), since CJW's own range was lost in extraction). If"
                      " y_i ≠ ȳ for every i ∈ [min(d_0, d_L)], every critical point is a local minimizer or a strict"
                      " saddle. Otherwise a non-strict saddle exists. - This is equivalent to Π_l λ_l ≠ y_i^{2(L−1)}"
                      " (L/(2(L−1)))^{2(L−1)} ((L−2)/L)^{L−2}.",
         .preconditions = {"L >= 3", "CJW convention"},
         .status = ClaimStatus::refuted,
         .corrected_statement = "Let L >= 3. A non-strict saddle exists iff y_i = ybar for some i in [d_min] (d_min ="
                                " min_l d_l). The first half as printed (no y_i = ybar for i in [min(d_0, d_L)]"
                                " implies only local minimizers and strict saddles) holds; the converse needs i <="
                                " d_min: for i > d_min, every orbit using x-bar at i leaves a larger y inactive (not"
                                " aligned: a strict saddle).",
         .counterexamples = {"corpus/CJW.C2.3-L3-bottleneck-y8-ybar4-257bits.json"},
         .notes = "Counterexample (exact): L = 3, widths [2, 1, 1, 2], lambda_l = 3 (ybar = 4, xbar = 1), Y = diag(8,"
                  " 4). y_2 = ybar, but the only orbit with xbar at index 2 leaves y_1 = 8 inactive: not aligned, a"
                  " strict saddle (Hessian inertia (1, 1, 3)). The four orbits are classified from the Hessian, the"
                  " orbit tangent and higher-order terms; none is a non-strict saddle. Found by random generation"
                  " (hidden CJW.C2.3/printed-matrix). Properties: CJW.C2.3/corrected (matrix), CJW.C2.3/scalar (one"
                  " index, where printed = corrected), CJW.C2.3/replay; KP.E79/corrected-matrix checks the 'if' half"
                  " on matrix instances.",
         .issue = 5,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = check_cjw_c2_3_printed_on,
         .corrected = check_cjw_c2_3_corrected_on,
         .mutants = {"CJW.C2.3/printed-matrix"},
         .on_landscape = {.check = c2_3_printed, .min_depth = 3, .report_not_applicable = true}},
        {.id = "CJW.A1",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed in shared/spec/claims.md), Appendix A",
         .title = "the L = 2 landscape",
         .statement = "(L = 2, from their Appendix A). The global minimizers have σ_i(W_2 W_1) = (y_i − sqrt(λ_1"
                      " λ_2))_+. Every critical point is a global minimizer or a strict saddle.",
         .preconditions = {"L = 2", "CJW convention"},
         .status = ClaimStatus::refuted,
         .corrected_statement = "L = 2. The global minimizers have sigma_i(W_2 W_1) = (y_i - sqrt(lambda_1"
                                " lambda_2))_+ for i <= d_1 and 0 for i > d_1 (rank P <= d_1). Every critical point"
                                " is a global minimizer or a strict saddle.",
         .counterexamples = {"corpus/CJW.A1-L2-bottleneck-y3-y2-257bits.json"},
         .notes = "Counterexample (exact): L = 2, widths [2, 1, 2], lambda = (1, 1), Y = diag(3, 2): the printed"
                  " sigma_2(P*) = 1, but every factorization through width 1 has rank 1; the global minimizer"
                  " (positive definite Hessian across its orbit, value 4.5 equal to the multistart's) has sigma = (2,"
                  " 0). The type statement holds on every instance classified, including y exactly on sqrt(lambda_1"
                  " lambda_2) (singular Hessian, quartic test). Found by random generation (hidden"
                  " CJW.A1/printed-matrix). Properties: CJW.A1/corrected (matrix), CJW.A1/scalar, CJW.A1/metamorphic,"
                  " CJW.A1/replay. Same width gap as X.GLOBAL.",
         .issue = 5,
         .kind = K::matrix, .min_depth = 2, .max_depth = 2,
         .printed = check_cjw_a1_printed_on,
         .corrected = check_cjw_a1_corrected_on,
         .mutants = {"CJW.A1/mutant-mean", "CJW.A1/printed-matrix", "CJW.A1/mutant-classifier"},
         .on_landscape = {.check = a1_printed, .min_depth = 2, .max_depth = 2, .report_not_applicable = true}},
        // ---- ours
        {.id = "X.GLOBAL",
         .source = "dmf-oracle (cross-paper consistency; not printed in either paper)",
         .title = "CJW and KP agree on the global end-to-end product",
         .statement = "(cross-paper consistency). CJW's global minimizers, in CJW's convention with given λ_l, have"
                      " the same end-to-end product as KP's minimizer (T10 prox) with λ = L λ̄. This one is ours, not"
                      " printed, and is tested like the rest.",
         .preconditions = {"targets off E"},
         .status = ClaimStatus::refuted,
         .corrected_statement = "When d_min >= the number of non-zero prox values (in particular under KP.T3's width"
                                " condition min_i d_i >= min(d_0, d_L)), CJW's global minimizers with per-layer"
                                " lambda_l have the end-to-end product of KP's prox with lambda = L lambdabar."
                                " Otherwise no factorization reaches the prox: rank P <= d_min, and the global"
                                " minimizer keeps at most d_min singular values (CJW (10) counts p* over [d_min]).",
         .counterexamples = {"corpus/X.GLOBAL-L2-bottleneck-257bits.json"},
         .notes = "Our own cross-paper statement lacked a width hypothesis. Counterexample: L = 2, widths [2, 1, 2],"
                  " lambda = (0.01, 0.04), Y = diag(1, 1/2): the prox has rank 2 > d_min = 1. Random generation finds"
                  " it (hidden X.GLOBAL/printed shrinks to widths [2, 1, 2]). Property X.GLOBAL/corrected: CJW"
                  " instances with unequal lambda_l, multistart minimizers reaching the prox value have P = prox"
                  " within 2^-(p/2).",
         .issue = 6,
         .kind = K::matrix, .min_depth = 1, .max_depth = 6,
         .printed = check_x_global_rank,
         .corrected = x_global_corrected,
         .mutants = {"X.GLOBAL/mutant-mean"},
         .on_landscape = {.check = x_global_on_landscape, .needs_dense_hessian = false, .report_not_applicable = true}},
        // ---- issue 16 item 5: the remaining statements of both papers (docs/statements.md)
        {.id = "KP.L8",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Lemma 8",
         .title = "one set of singular values per matrix",
         .statement = "If Σ_A ≠ Σ_B then A ≠ B: a matrix determines its singular values (the sets C^x of (57) are"
                      " disjoint).",
         .status = ClaimStatus::holds,
         .notes = "Property KP.L8: the proof's route, A = B => A^T A = B^T B, checked on random A (1..5 x 1..5, 128"
                  " and 192 bits): the SVD's sigma_i^2 equal the eigenvalues of A^T A and of A A^T (two eigensolver"
                  " runs on two different matrices) within 64 (m + n) eps sigma_1^2. Mutant KP.L8/mutant-sigma.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_l8(i, p); },
         .mutants = {"KP.L8/mutant-sigma"}},
        {.id = "KP.E66",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, (66) in the proof of Theorem 10 (from Lu et al. 2015)",
         .title = "monotone scalar prox",
         .statement = "a ≥ b ≥ 0 implies argmin_{x ≥ 0} (a − x)^2 + λ x^q ≥ argmin_{x ≥ 0} (b − x)^2 + λ x^q, q = 2/L.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.E66: a = |m| from the scalar generator (L = 1..8, lambda 1e-30..1e30, m on, beside"
                  " and far from tau), b = a u with u uniform from the case; both minimizers certified"
                  " (scalar_global_minimizers); ties on tau are discarded. (66) is set-valued at |a| = tau (both 0 and"
                  " rho* minimize), and the property discards that tie. Mutant KP.E66/mutant-reversed.",
         .issue = 16,
         .kind = K::scalar, .min_depth = 1, .max_depth = 12,
         .printed = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_e66(q, p); }),
         .mutants = {"KP.E66/mutant-reversed"}},
        {.id = "KP.D16",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Definition 16 and its use in the proof of Theorem 19",
         .title = "weak majorization as defined",
         .statement = "With Definition 16 (x weakly majorized by y when Σ_i x_i↓ ≤ Σ_i y_i↓; weakly log-majorized when"
                      " Π_i x_i↓ ≤ Π_i y_i↓, sums and products over all n entries), weak log-majorization implies weak"
                      " majorization for positive vectors (the step of T19's proof citing Marshall et al. 5.A.2.b).",
         .status = ClaimStatus::refuted,
         .corrected_statement = "For x, y with nonnegative entries, the implication holds with the standard"
                                " definitions, which compare every prefix: if Π_{i≤k} x_i↓ ≤ Π_{i≤k} y_i↓ for every k,"
                                " then Σ_{i≤k} x_i↓ ≤ Σ_{i≤k} y_i↓ for every k. Theorem 19 holds (KP.T19): Marshall"
                                " 9.H.1 (Horn) gives every prefix, not only the full product (116) the proof states.",
         .counterexamples = {"corpus/KP.D16-x3-0.1-y1-1.json"},
         .notes = "Counterexample: x = (3, 0.1), y = (1, 1): Π x = 0.3 <= 1 = Π y, but Σ x = 3.1 > 2 = Σ y. Found by"
                  " random generation (hidden KP.D16/printed). A defect in a definition and a proof step, not in a"
                  " theorem. KP's ≻_w is Marshall's ≺_w (the symbol is reversed). The checks take x = |row 0|"
                  " and y = |last row| of the case, so both are nonnegative. Properties: KP.D16/corrected,"
                  " KP.D16/replay.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = check_kp_d16_printed,
         .corrected = [](const Instance& i, const Precision& p) { return check_kp_d16_corrected(i, p); },
         .mutants = {"KP.D16/mutant-converse"}},
        {.id = "KP.L17",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Lemma 17 (Young)",
         .title = "Young's inequality",
         .statement = "For a, b ≥ 0 and p, q ≥ 1 with 1/p + 1/q = 1: ab ≤ a^p/p + b^q/q.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.L17: a, b from the case's entries (magnitudes 1e-3..1e3), p in {1.25, 1.5, 2, 3, 7};"
                  " also the equality case a^p = b^q (b = a^{p-1}) to 64 eps. p = 1 (q = infinity) is not drawn."
                  " Mutant KP.L17/mutant-conjugate.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_l17(i, p); },
         .mutants = {"KP.L17/mutant-conjugate"}},
        {.id = "KP.L18",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Lemma 18 (Hoelder)",
         .title = "generalized Hoelder inequality",
         .statement = "For p, q > 0 with 1/p + 1/q = 1/r and x, y ∈ R^n: Σ_i |x_i y_i|^r ≤ ||x||_p^r ||y||_q^r.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.L18: x a row of the case's matrix, y Gaussian from the case's hash, p != q from {0.3,"
                  " 0.5, 2/3, 1, 1.5, 2, 3} (quasi-norms included, as printed); also the equality case |y_i|^q ~"
                  " |x_i|^p. Mutant KP.L18/mutant-equality.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_l18(i, p); },
         .mutants = {"KP.L18/mutant-equality"}},
        {.id = "KP.C20",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Corollary 20",
         .title = "Schatten-Hoelder for a product",
         .statement = "For A ∈ R^{m×k}, B ∈ R^{k×n} and p, q > 0 with 1/p + 1/q = 1/γ: ||AB||_{S^γ}^γ ≤"
                      " ||A||_{S^p}^γ ||B||_{S^q}^γ.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.C20: A from the generator, B Gaussian or A^T (an equality case for p = q) from the"
                  " case's hash, p, q from {0.3, 0.5, 2/3, 1, 1.5, 2, 3}; singular values below the numerical-rank"
                  " cut are dropped. Mutant KP.C20/mutant-constant (caught at the equality case B = A^T, p = q).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_c20(i, p); },
         .mutants = {"KP.C20/mutant-constant"}},
        {.id = "KP.R21",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Remark 21 (the L-factor form of Corollary 20)",
         .title = "Schatten-Hoelder for L factors",
         .statement = "For p_1, …, p_L > 0 with Σ 1/p_i = 1/γ: ||X_L ⋯ X_1||_{S^γ}^γ ≤ Π_i ||X_i||_{S^{p_i}}^γ.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.R21: L = 2..4, X_1 the case's matrix, the others Gaussian with widths 1..4 (bottlenecks"
                  " included), p_l from {0.3, ..., 3}. (Our KP.T19 bullet names Remark 21 for Theorem 19's sum"
                  " inequality; this row is the remark itself.) Mutant KP.R21/mutant-power (each factor's term to"
                  " its own p_l, not gamma).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_r21(i, p); },
         .mutants = {"KP.R21/mutant-power"}},
        {.id = "KP.R24",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Remark 24",
         .title = "the Leibniz formula",
         .statement = "det X = Σ_{σ ∈ S_n} sgn(σ) Π_i x_{iσ(i)}, with sgn(σ) = (−1)^{N(σ)} and N(σ) the number of"
                      " inversions of σ.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.R24: Gaussian X (n = 1..5), the Leibniz sum over all n! permutations against Eigen's"
                  " LU determinant, to 64 n^2 eps times the sum of |terms|. Mutant KP.R24/mutant-permanent.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_r24(i, p); },
         .mutants = {"KP.R24/mutant-permanent"}},
        {.id = "KP.R26",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Remark 26",
         .title = "zeros of a doubly stochastic matrix",
         .statement = "A doubly stochastic n×n matrix with only n positive entries is a permutation matrix; otherwise it"
                      " has at most n² − n − 1 zero entries.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.R26: convex combinations of 1..4 random permutation matrices, n = 2..5; entries are"
                  " exact sums of positive weights, so zero and positive are decided exactly. Mutant"
                  " KP.R26/mutant-2n (at least 2n positive entries off the permutations).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_r26(i, p); },
         .mutants = {"KP.R26/mutant-2n"}},
        {.id = "KP.L28",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Lemma 28 (Horn, Johnson 8.7.1)",
         .title = "a positive non-identity diagonal",
         .statement = "A doubly stochastic X ≠ I has a permutation σ ≠ id with x_{1σ(1)} ⋯ x_{nσ(n)} > 0.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.L28: random doubly stochastic X (n = 2..5), brute force over all n! permutations."
                  " Mutant KP.L28/mutant-derangement (the permutation has no fixed point).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_l28(i, p); },
         .mutants = {"KP.L28/mutant-derangement"}},
        {.id = "KP.L29",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Lemma 29 (Birkhoff; Horn, Johnson 8.7.2)",
         .title = "Birkhoff decomposition",
         .statement = "X is doubly stochastic iff X = Σ_i c_i P_i for permutation matrices P_i and c_i > 0 with Σ c_i = 1.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.L29: the greedy algorithm of the proof (numerics/doubly_stochastic.hpp: a permutation on"
                  " the positive support, subtract its smallest entry) decomposes random doubly stochastic X (n ="
                  " 2..5): positive weights summing to 1, rebuilding X to 64 n^2 eps. Mutant"
                  " KP.L29/mutant-dropped-term.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_l29(i, p); },
         .mutants = {"KP.L29/mutant-dropped-term"}},
        {.id = "KP.C30",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Corollary 30",
         .title = "convex functions peak at permutations",
         .statement = "A convex (concave) real function on the doubly stochastic n×n matrices attains its maximum"
                      " (minimum) at a permutation matrix.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.C30: g(X) = ||X - C||_F^2 with C Gaussian; six random doubly stochastic X never exceed"
                  " the maximum of g over all n! permutation matrices (brute force). The concave half is the same"
                  " statement for -g. Mutant KP.C30/mutant-minimum (the minimum at a permutation).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_c30(i, p); },
         .mutants = {"KP.C30/mutant-minimum"}},
        {.id = "KP.L31",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Lemma 31 (Horn, Johnson 8.7.5)",
         .title = "substochastic below stochastic",
         .statement = "A doubly substochastic X is entrywise ≤ some doubly stochastic Y.",
         .status = ClaimStatus::holds,
         .notes = "Property KP.L31: X from a random doubly stochastic matrix with rows scaled by uniform factors and"
                  " entries zeroed at random; Y = X + r c^T / s (r, c the row and column deficits, s their total) is"
                  " checked doubly stochastic and >= X. Mutant KP.L31/mutant-no-normalization.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_kp_l31(i, p); },
         .mutants = {"KP.L31/mutant-no-normalization"}},
        {.id = "KP.S3.3",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Section 3.3, the sentence after (79)",
         .title = "not benign under (79)",
         .statement = "For L ≥ 3, (79) does not make the landscape benign: it excludes non-strict saddles (CJW C2.3) but"
                      " not spurious local minimizers, and targets satisfying (79) with spurious local minimizers exist"
                      " (CJW T2.2, CJW.S2.2).",
         .preconditions = {"L >= 3", "(79): no singular value of the target on ybar"},
         .status = ClaimStatus::holds_with_caveat,
         .corrected_statement = "Not for every target. Under (79) (as corrected in KP.E79) and L ≥ 3, the landscape is"
                                " benign exactly when every y_i, i ≤ min(d_min, r), lies in [0, ȳ) or on the tie y*"
                                " (= τ in KP's λ). For a scalar m that means |m| < ȳ (only w = 0 is critical) or |m| ="
                                " y*. Since ȳ < τ, this includes part of Fig. 3's collapse regime (e.g. L=3, λ=10,"
                                " m=1).",
         .counterexamples = {"corpus/KP.S3.3-L3-lambda10-m1-128bits.json"},
         .notes = "The paper summarizes CJW: (79) removes non-strict saddles but not spurious minima, so the problem"
                  " class is not benign in general; the printed check reads it existentially (as CJW.S2.2 does): for"
                  " the case's L and lambda the target m' = (ybar + tau)/2 satisfies (79), and its landscape, every"
                  " critical orbit classified from first principles (Hessian positive definite beyond the orbit,"
                  " value above the global value of an independent multistart), has a spurious local minimizer"
                  " (property KP.S3.3). The caveat is property KP.S3.3/corrected. The universal reading (every target"
                  " under (79) has a landscape that is not benign) is stronger than the paper's and fails: stored"
                  " case corpus/KP.S3.3-L3-lambda10-m1-128bits.json (L = 3, lambda = 10, m = 1: ybar = 4.33..., so"
                  " f(.; 1) has no positive root; the only critical point is w = 0, a global minimizer with positive"
                  " definite Hessian), replayed against that reading by KP.S3.3/replay; hidden KP.S3.3/universal"
                  " finds it by random generation.",
         .issue = 16,
         .kind = K::scalar, .min_depth = 3, .max_depth = 8,
         .printed = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_s3_3_printed(q, p); }),
         .corrected = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_s3_3_corrected(q, p); }),
         .stronger_reading = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_s3_3_universal(q, p); }),
         .mutants = {"KP.S3.3/mutant-tie"}},
        {.id = "KP.F3",
         .source = "Kamber, Parhi (2026), arXiv 2603.27072, Fig. 3 and the sentence after Corollary 14",
         .title = "gradient descent collapses above the threshold",
         .statement = "(Fig. 3 with the paper's qualification, 'the result of an exhaustive hyperparameter search')"
                      " Above Corollary 14's threshold, the best point gradient descent finds has P = 0.",
         .preconditions = {"lambda > lambda_c(||sigma(M)||_inf), i.e. every sigma_i(M) < tau"},
         .status = ClaimStatus::holds_with_caveat,
         .corrected_statement = "A single run need not collapse: above the threshold P = 0 at every global minimizer"
                                " (KP.C14), but gradient descent reaches it from every start only when every sigma_i <"
                                " ybar (then 0 is the only critical point). For L >= 3 and ybar < sigma_1 < tau, the"
                                " spurious local minimizer at x+ attracts an open set of starts, and gradient descent"
                                " started beside it ends at P = sign(m) x+^L != 0. Gaussian starts also reach the x₊"
                                " basin (hidden KP.F3/single-run).",
         .counterexamples = {"corpus/KP.F3-L3-lambda1-m0.8-128bits.json"},
         .notes = "The paper qualifies the sentence: 'the converged points shown in Fig. 3 are the result of an"
                  " exhaustive hyperparameter search performed at each regularization level'. Property KP.F3: the"
                  " lowest-loss converged run among the starts (three Gaussian, one Gaussian at 2^-6 of their"
                  " scale, since the initialization scale is a hyperparameter of the search, and one beside x+;"
                  " Armijo steps, numerics from the loss's definition; end points polished by Newton where it"
                  " converges) ends at P = 0. Without the small start it fails at tiny lambda near tau (L = 3,"
                  " lambda = 1e-30, m = tau (1 - 2^-16): every start of scale 2 |m|^{1/L} reaches x+). The caveat is property KP.F3/corrected. A"
                  " single run is a stronger reading than the paper's and fails: stored case"
                  " corpus/KP.F3-L3-lambda1-m0.8-128bits.json (L = 3, lambda = 1, m = 0.8: tau = 0.877 > 0.8 but"
                  " ybar = 0.770 < 0.8; the run started at x+(1 + 1/8) on every layer converges to the spurious"
                  " minimizer with P = x+^3 != 0), replayed against that reading by KP.F3/replay; hidden"
                  " KP.F3/single-run finds it by random generation.",
         .issue = 16,
         .kind = K::scalar, .min_depth = 2, .max_depth = 6,
         .printed = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_f3_printed(q, p); }),
         .corrected = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_f3_corrected(q, p); }),
         .stronger_reading = on_problem([](const ScalarProblem& q, const Precision& p) { return check_kp_f3_single_run(q, p); }),
         .mutants = {"KP.F3/mutant-switch-at-tau"}},
        // CJW
        {.id = "CJW.L3.1",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Lemma 3.1",
         .title = "the balanced auxiliary problem",
         .statement = "(reconstructed). With φ(W)_l = sqrt(λ_l/λ̄) W_l, (13) is F with every λ_l = λ̄: (i) W is critical"
                      " for (1) iff φ(W) is for (13); (ii) both have the same type; (iii) with Y = U S Vᵀ, W is"
                      " critical iff (Uᵀ W_L, W_{L−1}, …, W_1 V) is critical for the target S.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.L3.1: on solver-sized CJW instances with unequal lambda_l, F(W) = F13(phi(W)) and"
                  " F(W; Y) = F(U^T W_L, ..., W_1 V; S) at random W (every loss from the definition), and critical"
                  " orbit points have the same classified type in (1) and (13). Mutant CJW.L3.1/mutant-inverted.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 4,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_l3_1(i, p); },
         .mutants = {"CJW.L3.1/mutant-inverted"}},
        {.id = "CJW.L3.8",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Lemma 3.8",
         .title = "one type per orbit",
         .statement = "(reconstructed). All critical points with the same roots x (any SVD of Y within its blocks, any"
                      " Q_l, any π) are of the same type.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.L3.8: two points of one T2.1 orbit, built from two random SVDs of Y and two Haar draws"
                  " of the Q_l, have equal Hessian spectra (dense, from the definition) and the same classified"
                  " type. Mutant CJW.L3.8/mutant-inverted-scaling.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 4,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_l3_8(i, p); },
         .mutants = {"CJW.L3.8/mutant-inverted-scaling"}},
        {.id = "CJW.L3.19",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Lemma 3.19 and (11)",
         .title = "when a critical point has x = xbar",
         .statement = "(reconstructed, L ≥ 3). Some critical point has x_i = x̄ iff y_i = ȳ, iff Π_l λ_l = y_i^{2(L−1)}"
                      " (L/(2(L−1)))^{2(L−1)} ((L−2)/L)^{L−2} (11).",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.L3.19: the y solving (11) lies in the bracket of the bisection twin (first y at which"
                  " the certified root count of f(.; y) becomes positive, scalar_thresholds.hpp) for L = 3..12,"
                  " lambdabar 1e-30..1e30. Mutant CJW.L3.19/mutant-exponent.",
         .issue = 16,
         .kind = K::scalar, .min_depth = 3, .max_depth = 12,
         .printed = [](const Instance& i, const Precision& p) {
             PrecisionGuard g(p);
             return check_cjw_l3_19(i.L, Real(abs(i.target(0, 0))), Real(i.lambda[0] / i.L), p);
         },
         .mutants = {"CJW.L3.19/mutant-exponent"}},
        {.id = "CJW.P3.13",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Proposition 3.13",
         .title = "x- gives a strict saddle",
         .statement = "(reconstructed, L ≥ 3). A critical point with some x_j = x₋(y_j) is a strict saddle.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.P3.13: every orbit of small landscapes (L = 3..4, widths <= 2, values on, beside and"
                  " far from ybar and the tie) with an x- is classified from first principles. Part of T2.2 (i).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_orbit_statement(i, p, OrbitStatement::p3_13); },
         .mutants = {"CJW.P3.13/mutant-swapped-roots"}},
        {.id = "CJW.P3.15",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Proposition 3.15",
         .title = "misalignment gives a strict saddle",
         .statement = "(reconstructed, L ≥ 3). A critical point that is not aligned (an inactive index i with y_i > y_j"
                      " for an active j) is a strict saddle.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.P3.15, as CJW.P3.13. Part of T2.2 (i).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_orbit_statement(i, p, OrbitStatement::p3_15); },
         .mutants = {"CJW.P3.15/mutant-reversed-alignment"}},
        {.id = "CJW.P3.17",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Proposition 3.17",
         .title = "aligned x+ points are local minimizers",
         .statement = "(reconstructed, L ≥ 3). An aligned critical point with x_j = x₊(y_j), y_j > ȳ, for every active j"
                      " is a local minimizer.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.P3.17, as CJW.P3.13 (the origin, with no active index, is included). T2.2 (ii).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_orbit_statement(i, p, OrbitStatement::p3_17); },
         .mutants = {"CJW.P3.17/mutant-swapped-roots"}},
        {.id = "CJW.P3.21",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Proposition 3.21",
         .title = "xbar gives a non-strict saddle",
         .statement = "(reconstructed, L ≥ 3). An aligned critical point with no x₋ and some x_j = x̄ (y_j = ȳ) is a"
                      " non-strict saddle.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.P3.21, as CJW.P3.13; values exactly on ybar come from the exact anchors of the"
                  " landscape generator. T2.2 (iv).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_orbit_statement(i, p, OrbitStatement::p3_21); },
         .mutants = {"CJW.P3.21/mutant-xbar-minimizer"}},
        {.id = "CJW.C3.23",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Corollary 3.23",
         .title = "local minimizers characterized",
         .statement = "(reconstructed, L ≥ 3). A critical point is a local minimizer iff it is aligned and x_j = x₊(y_j)"
                      " with y_j > ȳ for every active j.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.C3.23: both directions on every orbit of small landscapes, types from first principles.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_orbit_statement(i, p, OrbitStatement::c3_23); },
         .mutants = {"CJW.C3.23/mutant-swapped-roots"}},
        {.id = "CJW.P3.24",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344 (reconstructed), Proposition 3.24",
         .title = "global minimizers among the local ones",
         .statement = "(reconstructed from T2.2 (iii), whose proof takes (iii) from this proposition; stated for"
                      " problem (13), which equals (1) when every λ_l = λ̄; L ≥ 3). A local minimizer as in"
                      " Proposition 3.17 is global iff p = p*, p* the count (10) of i ∈ [d_min] with y_i > ȳ and"
                      " G(x₊(y_i); y_i) < G(0; y_i); otherwise it is spurious.",
         .status = ClaimStatus::refuted,
         .corrected_statement = "Global iff p* <= p <= p*_<=, where p*_<= counts G(x+) <= G(0): at CJW (10)'s exact"
                                " tie G(x+) = G(0) both choices are global (the correction of CJW.T2.2 (iii)).",
         .counterexamples = {"corpus/CJW.P3.24-L3-tie-lambda1-y2-257bits.json"},
         .notes = "The counterexample of CJW.T2.2 (iii): L = 3, lambda_l = 1, Y = [[2]] is exactly on the tie; the"
                  " x+ orbit (p = 1 != p* = 0) is a global minimizer, as is the origin. Properties:"
                  " CJW.P3.24/corrected (small landscapes with exact ties from the generator), CJW.P3.24/replay;"
                  " hidden CJW.P3.24/printed. Duplicates CJW.T2.2 (iii); exact tie only (a measure-zero set of"
                  " targets).",
         .issue = 16,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_p3_24(i, p, false); },
         .corrected = [](const Instance& i, const Precision& p) { return check_cjw_p3_24(i, p, true); }},
        {.id = "CJW.R3.28",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, Remark 3.28",
         .title = "regularization keeps only orthogonal invariance",
         .statement = "With regularization, only the orthogonal invariance W_l → Q W_l, W_{l+1} → W_{l+1} Qᵀ remains; the"
                      " invariance under general invertible transformations of the unregularized problem is lost"
                      " (and balancedness is enforced, CJW.L3.3).",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.R3.28: at random W, F is unchanged by an orthogonal Q at a hidden layer; under G = Q"
                  " diag(2, 1/2, ...) the product P is unchanged but F changes. Mutant CJW.R3.28/mutant-gl.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 2, .max_depth = 4,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_r3_28(i, p); },
         .mutants = {"CJW.R3.28/mutant-gl"}},
        {.id = "CJW.LC.1",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, Lemma C.1 (Mirsky)",
         .title = "Mirsky's inequality",
         .statement = "For A, B of one size and every unitarily invariant norm: ||diag(σ(A)) − diag(σ(B))|| ≤ ||A − B||.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.LC.1: Frobenius, spectral and nuclear norms, B = A + t E with t = 2^-10 sigma_1 and t ="
                  " sigma_1 + 1. Mutant CJW.LC.1/mutant-pairing.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 1, .max_depth = 1,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_lc_1(i, p); },
         .mutants = {"CJW.LC.1/mutant-pairing"}},
        {.id = "CJW.S2.2",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, discussion of Theorem 2.2 (also KP Section 3.3)",
         .title = "spurious minima at depth three and more",
         .statement = "Problem (1) has spurious local minimizers when L ≥ 3 (not all local minimizers are global), and"
                      " none when L = 2.",
         .status = ClaimStatus::holds,
         .notes = "Property CJW.S2.2 (scalar landscapes, classified from first principles, global value from an"
                  " independent multistart): at L >= 3 every target with ybar < y != y* has a spurious local"
                  " minimizer (x+ below the tie, 0 above it); at L = 2 none. Targets below ybar are outside the"
                  " sentence (there the landscape is benign, KP.S3.3).",
         .issue = 16,
         .kind = K::scalar, .min_depth = 2, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) {
             PrecisionGuard g(p);
             return check_cjw_s2_2(i.L, Real(abs(i.target(0, 0))), Real(i.lambda[0] / i.L), p);
         },
         .mutants = {"CJW.S2.2/mutant-depth-two"}},
        {.id = "CJW.S2.3",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, discussion of Corollary 2.3",
         .title = "gradient descent reaches a local minimizer under (12)",
         .statement = "Under (12), gradient descent with random initialization almost always converges to a local"
                      " minimizer.",
         .preconditions = {"L >= 3", "(12): no y_i on ybar"},
         .status = ClaimStatus::holds,
         .notes = "Property CJW.S2.3: on small landscapes (L = 3..4) with (12) decided, gradient descent (Armijo steps,"
                  " gradient from the definition) from two Gaussian starts; its end point, polished by Newton, is"
                  " classified from first principles and must be a local minimizer.",
         .issue = 16,
         .kind = K::matrix, .min_depth = 3, .max_depth = 6,
         .printed = [](const Instance& i, const Precision& p) { return check_cjw_s2_3(i, p); },
         .mutants = {"CJW.S2.3/mutant-no-descent"}},
        {.id = "CJW.LC.2",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, Lemma C.2 (from Xu et al. 2017, Corollary 1)",
         .title = "a Schatten bound on products (formula lost)",
         .statement = "A bound on the Schatten quasi-norm of a product by the Schatten norms of its factors; the"
                      " exponents and constants were lost in extraction.",
         .status = ClaimStatus::untestable,
         .notes = "Every formula of the lemma was lost in extraction and the surviving words do not determine which"
                  " exponents it relates; KP.C20 and KP.R21 test the same family of inequalities as KP prints them.",
         .issue = 16},
        {.id = "CJW.LC.3",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, Lemma C.3 (Boumal 2023, Proposition 9.6)",
         .title = "lifting optimization problems through a map",
         .statement = "For f = g ∘ φ: φ surjective preserves global minimizers, continuous and open preserves local"
                      " minimizers, a submersion preserves first- and second-order critical points.",
         .status = ClaimStatus::untestable,
         .notes = "A statement about arbitrary manifolds and maps; its one use here (phi of Lemma 3.1) is tested as"
                  " CJW.L3.1.",
         .issue = 16},
        {.id = "CJW.LC.4",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, Lemma C.4",
         .title = "a Taylor remainder bound (formula lost)",
         .statement = "An inequality from Taylor's expansion with integral remainder; its formula was lost in extraction.",
         .status = ClaimStatus::untestable,
         .notes = "The inequality itself did not survive extraction (only 'for any ... it holds that'); no"
                  " reconstruction is determined by the proof's words.",
         .issue = 16},
        {.id = "CJW.LC.6",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, Lemma C.6",
         .title = "a two-equation system (formula lost)",
         .statement = "The solution of the system f(x; y) = 0, f'(x; y) = 0 used in Lemma 3.19; its formulas were lost.",
         .status = ClaimStatus::untestable,
         .notes = "The system and its solution were lost in extraction; its consequence, (11), is tested as CJW.L3.19"
                  " and the double root xbar as CJW.L3.10 (iv).",
         .issue = 16},
        {.id = "CJW.S2.3R",
         .source = "Chen, Jiang, Wang (2025), arXiv 2506.20344, discussion of Corollary 2.3 (citing Chen et al. 2025b)",
         .title = "linear convergence under (12)",
         .statement = "Under (12) and a mild condition on the widths, the error bound condition holds, so gradient"
                      " descent with random initialization almost always converges to a local minimizer at a linear"
                      " rate.",
         .status = ClaimStatus::untestable,
         .notes = "The width condition is not stated in the text (it is in the cited paper), and a linear rate is an"
                  " asymptotic statement about iterates that finitely many steps cannot certify; the convergence"
                  " itself is CJW.S2.3.",
         .issue = 16},
    };
    validate_claim_table(t);
    return t;
}
#pragma GCC diagnostic pop

}  // namespace

const std::vector<ClaimDefinition>& claim_table() {
    static const std::vector<ClaimDefinition> table = build_table();
    return table;
}

const ClaimDefinition* find_claim_definition(const std::string& id) {
    for (const auto& d : claim_table())
        if (d.id == id) return &d;
    return nullptr;
}

}  // namespace dmf
