// Properties of the statements added for issue 16 item 5 (docs/statements.md): each draws a case
// and runs the claim table's check of its row (claims/statement_claims.cpp), so the property and
// `dmf-oracle search` test the same thing. Mutants (hidden, label mutants) run the same check with
// one plausible wrong formula planted and must fail.
#include "claims/claim_table.hpp"
#include "claims/scalar_corpus.hpp"
#include "claims/statement_claims.hpp"
#include "generators/instance_gen.hpp"
#include "generators/landscape_gen.hpp"
#include "generators/matrix_gen.hpp"
#include "generators/scalar_gen.hpp"
#include "dmf/problem/instance_json.hpp"
#include "properties/property.hpp"

namespace {

using namespace dmf;

// The verdict as a case mark for the floors (property.hpp): a violation fails; not applicable is
// a trivial case (the hypothesis fails, nothing compared) or, on the claim's exceptional set, an
// exceptional one; undecided counts against the decided floor. Nothing is discarded, so the
// generators below must draw the hypotheses on purpose.
void require_holds(const CheckResult& r, const std::string& context) {
    prop::record_error(Real(r.error_eps), context);
    if (r.verdict == Verdict::violated)
        RC_FAIL(context + "\n  " + r.quantity + "\n  printed:  " + r.printed + "\n  computed: " + r.computed + "\n  " + r.detail);
    if (r.verdict == Verdict::not_applicable && r.exceptional) return prop::mark_exceptional(r.detail);
    if (r.verdict == Verdict::not_applicable) return prop::mark_trivial("hypothesis fails: " + r.detail);
    if (r.verdict == Verdict::undecided) return prop::mark_undecided(r.quantity.substr(0, 60) + ": " + r.detail.substr(0, 60));
}

void run_row(const char* id, const Instance& inst, const Precision& p) {
    require_holds(find_claim_definition(id)->printed(inst, p), std::string(id));
}

Precision draw_precision() { return Precision::from_bits(*rc::gen::element(128u, 192u)); }

// A matrix case whose target is A (the checks draw any further matrix from the case's hash).
Instance matrix_case(int min_dim, int max_dim, const Precision& p) {
    const int m = *rc::gen::inRange(min_dim, max_dim + 1), n = *rc::gen::inRange(min_dim, max_dim + 1);
    Instance inst;
    inst.L = 1;
    inst.convention = Convention::kp;
    inst.dims = {n, m};
    inst.lambda = {make_real(p, 1)};
    inst.target = gen::materialize(*gen::matrix_spec(m, n), p);
    return inst;
}

struct ScalarDraw {
    ScalarProblem pr;
    Precision p;
};
ScalarDraw draw_scalar(int min_depth, int max_depth) {
    gen::ScalarGenOptions o;
    o.min_depth = min_depth;
    o.max_depth = max_depth;
    const auto spec = *gen::scalar_case(o);
    const Precision p = gen::precision_of(spec);
    return {gen::materialize(spec, p), p};
}
// Scalar cases placed around ybar and tau with the given weights (scalar_gen.hpp); each case is
// marked with its strata (where |m| lies against ybar and tau).
ScalarDraw draw_scalar_around(int min_depth, int max_depth, const std::vector<int>& weights, int max_offset_exp2 = 0) {
    gen::ScalarGenOptions o;
    o.max_offset_exp2 = max_offset_exp2;
    o.min_depth = min_depth;
    o.max_depth = max_depth;
    o.around_ybar_weights = weights;
    const auto spec = *gen::scalar_case(o);
    const Precision p = gen::precision_of(spec);
    prop::mark_strata(gen::strata(spec, p));
    return {gen::materialize(spec, p), p};
}
Instance scalar_instance(const ScalarDraw& d) { return scalar_case(d.pr.L, d.pr.lambda, d.pr.m, d.p); }

// Small CJW landscapes (L >= 3) with values on, beside and far from ybar and the tie.
Instance small_landscape(const Precision& p, bool on_exact_ybar = false, bool distinct_with_bottleneck = false) {
    gen::LandscapeGenOptions o;
    o.on_exact_ybar = on_exact_ybar;
    o.distinct_with_bottleneck = distinct_with_bottleneck;
    o.min_depth = 3;
    o.max_depth = 4;
    o.max_width = 2;
    o.max_parameters = 12;
    const auto spec = *gen::landscape_spec(o);
    prop::mark_strata(gen::strata(spec));
    return gen::materialize(spec, p);
}

// Width-2 instances (L = 3) with both singular values far above ybar (lambda_l in [1e-2, 1e-1),
// y in [1, 10)): unaligned orbits (x_2 = x+ active, x_1 = 0) always exist, the hypothesis of P3.15.
// `shrink = false` (the mutant): no shrinking, which would classify a landscape per step.
Instance two_above_ybar(const Precision& p, bool shrink = true) {
    auto draw = [&](const auto& g) { return shrink ? *g : *rc::gen::noShrink(g); };
    gen::InstanceSpec s;
    s.L = 3;  // 12 parameters: a full landscape in about a tenth of a second
    s.dims.assign(s.L + 1, 2);
    s.convention = Convention::cjw;
    for (int l = 0; l < s.L; ++l) s.lambda.push_back(draw(gen::positive_decimal(-2, -2, 3)));
    s.singular_values = {draw(gen::positive_decimal(0, 0, 4)), draw(gen::positive_decimal(0, 0, 4))};
    s.basis_seed = draw(rc::gen::arbitrary<std::uint64_t>());
    return gen::materialize(s, p);
}

// Solver-sized instances in CJW's convention with unequal lambda_l.
Instance tiny_cjw(int min_depth, const Precision& p) {
    gen::InstanceGenOptions o = gen::solver_sized();
    o.min_depth = min_depth;
    o.max_depth = 4;
    o.max_width = 2;
    o.allow_kp = false;
    return gen::materialize(*gen::instance_spec(o), p);
}

}  // namespace

// ---------------------------------------------------------------- KP

DMF_PROPERTY("KP.L8", "one Sigma per matrix: the SVD's sigma_i^2 are the eigenvalues of A^T A and of A A^T") {
    const Precision p = draw_precision();
    run_row("KP.L8", matrix_case(1, 5, p), p);
}
DMF_HIDDEN_PROPERTY("KP.L8/mutant-sigma", "sigma_i (not sigma_i^2) against the eigenvalues of A^T A: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_l8(matrix_case(1, 5, p), p, StatementMutant::planted), "KP.L8 mutant");
}

DMF_PROPERTY("KP.L17", "Young: ab <= a^p/p + b^q/q, with equality at a^p = b^q") {
    const Precision p = draw_precision();
    run_row("KP.L17", matrix_case(1, 3, p), p);
}
DMF_HIDDEN_PROPERTY("KP.L17/mutant-conjugate", "Young's equality case at b = a^(q-1): must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_l17(matrix_case(1, 3, p), p, StatementMutant::planted), "KP.L17 mutant");
}

DMF_PROPERTY("KP.L18", "Hoelder: sum |x_i y_i|^r <= ||x||_p^r ||y||_q^r for 1/p + 1/q = 1/r, equality at |y|^q ~ |x|^p") {
    const Precision p = draw_precision();
    run_row("KP.L18", matrix_case(1, 6, p), p);
}
DMF_HIDDEN_PROPERTY("KP.L18/mutant-equality", "Hoelder's equality case at |y_i| = |x_i|^(q/p): must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_l18(matrix_case(2, 6, p), p, StatementMutant::planted), "KP.L18 mutant");
}

DMF_PROPERTY("KP.C20", "||AB||_{S^g}^g <= ||A||_{S^p}^g ||B||_{S^q}^g for 1/p + 1/q = 1/g") {
    const Precision p = draw_precision();
    run_row("KP.C20", matrix_case(1, 5, p), p);
}

DMF_HIDDEN_PROPERTY("KP.C20/mutant-constant", "the right-hand side off by a relative 2^-20: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_c20(matrix_case(1, 5, p), p, StatementMutant::planted), "KP.C20 mutant");
}

DMF_PROPERTY("KP.R21", "||X_L...X_1||_{S^g}^g <= prod_l ||X_l||_{S^{p_l}}^g for sum 1/p_l = 1/g") {
    const Precision p = draw_precision();
    run_row("KP.R21", matrix_case(1, 4, p), p);
}

DMF_HIDDEN_PROPERTY("KP.R21/mutant-power", "each factor's Schatten term to the power p_l, not gamma: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_r21(matrix_case(1, 4, p), p, StatementMutant::planted), "KP.R21 mutant");
}

DMF_PROPERTY("KP.R24", "Leibniz: det X = sum over permutations of (-1)^{inversions} prod x_{i sigma(i)}") {
    const Precision p = draw_precision();
    run_row("KP.R24", matrix_case(1, 3, p), p);
}
DMF_HIDDEN_PROPERTY("KP.R24/mutant-permanent", "every sign +1 (the permanent): must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_r24(matrix_case(1, 3, p), p, StatementMutant::planted), "KP.R24 mutant");
}

DMF_PROPERTY("KP.R26", "a doubly stochastic matrix with n positive entries is a permutation; otherwise <= n^2 - n - 1 zeros") {
    const Precision p = draw_precision();
    run_row("KP.R26", matrix_case(1, 3, p), p);
}

DMF_HIDDEN_PROPERTY("KP.R26/mutant-2n", "a doubly stochastic non-permutation has at least 2n positive entries: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_r26(matrix_case(1, 3, p), p, StatementMutant::planted), "KP.R26 mutant");
}

DMF_PROPERTY("KP.L28", "a doubly stochastic X != I has a non-identity permutation with positive diagonal product") {
    const Precision p = draw_precision();
    run_row("KP.L28", matrix_case(1, 3, p), p);
}

DMF_HIDDEN_PROPERTY("KP.L28/mutant-derangement", "the positive diagonal of a doubly stochastic X != I on a derangement: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_l28(matrix_case(1, 3, p), p, StatementMutant::planted), "KP.L28 mutant");
}

DMF_PROPERTY("KP.L29", "Birkhoff: the greedy decomposition writes a doubly stochastic X as a convex combination of permutations") {
    const Precision p = draw_precision();
    run_row("KP.L29", matrix_case(1, 3, p), p);
}
DMF_HIDDEN_PROPERTY("KP.L29/mutant-dropped-term", "the decomposition without its last term: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_l29(matrix_case(1, 3, p), p, StatementMutant::planted), "KP.L29 mutant");
}

DMF_PROPERTY("KP.C30", "a convex function on the doubly stochastic matrices is at most its maximum over permutation matrices") {
    const Precision p = draw_precision();
    run_row("KP.C30", matrix_case(1, 3, p), p);
}
DMF_HIDDEN_PROPERTY("KP.C30/mutant-minimum", "the convex function's minimum at a permutation matrix: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_c30(matrix_case(1, 3, p), p, StatementMutant::planted), "KP.C30 mutant");
}

DMF_PROPERTY("KP.L31", "a doubly substochastic X is dominated by a doubly stochastic Y") {
    const Precision p = draw_precision();
    run_row("KP.L31", matrix_case(1, 3, p), p);
}
DMF_HIDDEN_PROPERTY("KP.L31/mutant-no-normalization", "the completion X + r c^T without dividing by the deficit: must fail") {
    const Precision p = draw_precision();
    require_holds(check_kp_l31(matrix_case(1, 3, p), p, StatementMutant::planted), "KP.L31 mutant");
}

// KP.D16's pair (x, y) as an L = 1 instance; the hypothesis on purpose: y weakly log-majorizes x in
// most cases (matrix_gen.hpp).
static Instance majorization_instance(const Precision& p) {
    const auto spec = *gen::majorization_spec(2, 6);
    Instance inst;
    inst.L = 1;
    inst.convention = Convention::kp;
    inst.dims = {static_cast<int>(spec.x.size()), 2};
    inst.lambda = {make_real(p, 1)};
    inst.target = gen::materialize(spec, p);
    return inst;
}

DMF_HIDDEN_PROPERTY("KP.D16/printed", "Definition 16 as printed: prod x <= prod y => sum x <= sum y (refuted: see the registry)") {
    const Precision p = draw_precision();
    run_row("KP.D16", matrix_case(2, 4, p), p);
}
DMF_PROPERTY("KP.D16/corrected", "every prefix: prod_{i<=k} x_i <= prod_{i<=k} y_i for all k => the same for the sums") {
    const Precision p = draw_precision();
    const Instance inst = majorization_instance(p);
    require_holds(find_claim_definition("KP.D16")->corrected(inst, p), "KP.D16 corrected");
}
DMF_HIDDEN_PROPERTY("KP.D16/mutant-converse", "the converse of the corrected step (majorization => log-majorization): must fail") {
    const Precision p = draw_precision();
    const Instance inst = majorization_instance(p);
    require_holds(check_kp_d16_corrected(inst, p, StatementMutant::planted), "KP.D16 corrected, mutant");
}
DMF_REPLAY_PROPERTY("KP.D16/replay", "every stored KP.D16 counterexample still refutes the printed step; the corrected one holds") {
    const auto cases = corpus_cases("KP.D16");
    RC_ASSERT(!cases.empty());
    for (const auto& [path, c] : cases) {
        const Precision p = Precision::from_bits(c.precision_bits);
        const Instance inst = instance_from_json(parse_json_exact(c.instance.dump()), p);
        if (check_kp_d16_printed(inst, p).verdict != Verdict::violated) RC_FAIL(path + ": no longer refutes KP.D16");
        if (check_kp_d16_corrected(inst, p).verdict == Verdict::violated) RC_FAIL(path + ": the corrected step fails");
    }
}

DMF_PROPERTY("KP.E66", "(66): the scalar minimizer's magnitude is non-decreasing in |m|") {
    const auto d = draw_scalar(1, 8);
    run_row("KP.E66", scalar_instance(d), d.p);
}
DMF_HIDDEN_PROPERTY("KP.E66/mutant-reversed", "(66) with the inequality reversed: must fail") {
    const auto d = draw_scalar(1, 8);
    require_holds(check_kp_e66(d.pr, d.p, StatementMutant::planted), "KP.E66 mutant");
}

DMF_PROPERTY_CASES("KP.S3.3", "L >= 3: the target (ybar + tau)/2 satisfies (79) and has a spurious local minimizer (not benign)", 25) {
    const auto d = draw_scalar(3, 6);
    run_row("KP.S3.3", scalar_instance(d), d.p);
}
DMF_HIDDEN_PROPERTY("KP.S3.3/universal", "under (79) every target's landscape is not benign: a reading stronger than the paper's (fails)") {
    const auto d = draw_scalar(3, 6);
    require_holds(check_kp_s3_3_universal(d.pr, d.p), "KP.S3.3 universal reading");
}
DMF_PROPERTY_CASES("KP.S3.3/corrected", "the caveat: under (79), L >= 3, benign exactly when |m| < ybar (off the tie)", 25) {
    // Both sides of the switch on purpose: below ybar (benign), between ybar and tau, above tau.
    prop::expect_strata({"|m| < ybar", "ybar < |m| < tau", "|m| > tau"});
    const auto d = draw_scalar_around(3, 6, {2, 2, 4, 3, 3, 1, 1, 0, 2});
    require_holds(find_claim_definition("KP.S3.3")->corrected(scalar_instance(d), d.p), "KP.S3.3 corrected");
}
DMF_HIDDEN_PROPERTY("KP.S3.3/mutant-tie", "the corrected statement with the switch at the tie y* instead of ybar: must fail") {
    const auto d = draw_scalar(3, 6);
    require_holds(check_kp_s3_3_corrected(d.pr, d.p, StatementMutant::planted), "KP.S3.3 mutant");
}
DMF_REPLAY_PROPERTY("KP.S3.3/replay", "every stored KP.S3.3 case still refutes the universal reading; the caveat holds on it") {
    replay_stored_scalar_cases(
        "KP.S3.3", check_kp_s3_3_universal, [](const ScalarProblem& q, const Precision& p) { return check_kp_s3_3_corrected(q, p); },
        true);
}

DMF_PROPERTY_CASES("KP.F3", "lambda above C14's threshold: the lowest-loss converged gradient-descent run ends at P = 0", 25) {
    // The hypothesis |m| < tau on purpose (the default draws met it in one case of five).
    prop::expect_strata({"|m| < ybar", "ybar < |m| < tau"});
    const auto d = draw_scalar_around(2, 5, gen::below_collapse_weights(), 10);
    run_row("KP.F3", scalar_instance(d), d.p);
}
DMF_HIDDEN_PROPERTY("KP.F3/single-run", "lambda above C14's threshold: every single gradient-descent run ends at P = 0 (fails)") {
    const auto d = draw_scalar(2, 5);
    require_holds(check_kp_f3_single_run(d.pr, d.p), "KP.F3 single run");
}
DMF_PROPERTY_CASES("KP.F3/corrected", "the caveat: above C14's threshold GD ends at 0 from every start iff |m| < ybar; else x+ attracts", 25) {
    prop::expect_strata({"|m| < ybar", "ybar < |m| < tau"});
    const auto d = draw_scalar_around(2, 5, gen::below_collapse_weights(), 10);
    require_holds(find_claim_definition("KP.F3")->corrected(scalar_instance(d), d.p), "KP.F3 corrected");
}
DMF_HIDDEN_PROPERTY("KP.F3/mutant-switch-at-tau", "the caveat with the switch at tau: every run below tau ends at 0: must fail") {
    const auto d = draw_scalar_around(2, 5, gen::below_collapse_weights(), 10);
    require_holds(check_kp_f3_corrected(d.pr, d.p, StatementMutant::planted), "KP.F3 corrected, mutant");
}
DMF_REPLAY_PROPERTY("KP.F3/replay", "every stored KP.F3 case still refutes the single-run reading; the caveat holds on it") {
    replay_stored_scalar_cases(
        "KP.F3", check_kp_f3_single_run, [](const ScalarProblem& q, const Precision& p) { return check_kp_f3_corrected(q, p); },
        true);
}

// ---------------------------------------------------------------- CJW

DMF_PROPERTY_CASES("CJW.L3.1", "Problem (1) and the balanced Problem (13), and Y against its diagonal S: same loss, same types", 25) {
    const Precision p = Precision::from_bits(128);
    run_row("CJW.L3.1", tiny_cjw(1, p), p);
}
DMF_HIDDEN_PROPERTY("CJW.L3.1/mutant-inverted", "the map to (13) with sqrt(lambdabar / lambda_l): must fail") {
    const Precision p = Precision::from_bits(128);
    require_holds(check_cjw_l3_1(tiny_cjw(2, p), p, StatementMutant::planted), "CJW.L3.1 mutant");
}

DMF_PROPERTY_CASES("CJW.L3.8", "two points of one critical orbit have the same Hessian spectrum and type", 25) {
    const Precision p = Precision::from_bits(128);
    run_row("CJW.L3.8", tiny_cjw(1, p), p);
}
DMF_HIDDEN_PROPERTY("CJW.L3.8/mutant-inverted-scaling", "the second point built with sqrt(lambda_l / lambdabar): must fail") {
    const Precision p = Precision::from_bits(128);
    require_holds(check_cjw_l3_8(tiny_cjw(2, p), p, StatementMutant::planted), "CJW.L3.8 mutant");
}

DMF_PROPERTY_CASES("CJW.L3.19", "(11): prod lambda_l = y^{2(L-1)} c_L exactly where f(.; y) first has a positive root", 40) {
    const auto d = draw_scalar(3, 12);
    run_row("CJW.L3.19", scalar_instance(d), d.p);
}
DMF_HIDDEN_PROPERTY("CJW.L3.19/mutant-exponent", "(11) with ((L-2)/L)^{L-1}: must fail") {
    const auto d = draw_scalar(3, 12);
    PrecisionGuard g(d.p);
    require_holds(check_cjw_l3_19(d.pr.L, d.pr.m, d.pr.lambda / d.pr.L, d.p, StatementMutant::planted), "CJW.L3.19 mutant");
}

DMF_PROPERTY_CASES("CJW.P3.13", "a critical point with some x_j = x- is a strict saddle", 12) {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    run_row("CJW.P3.13", inst, p);
}
DMF_HIDDEN_PROPERTY("CJW.P3.13/mutant-swapped-roots", "x- and x+ swapped: must fail") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    require_holds(check_cjw_orbit_statement(inst, p, OrbitStatement::p3_13, StatementMutant::planted), "CJW.P3.13 mutant");
}
DMF_PROPERTY_CASES("CJW.P3.15", "a critical point that is not aligned is a strict saddle", 8) {
    const Precision p = Precision::from_bits(128);
    const Instance inst = two_above_ybar(p);
    run_row("CJW.P3.15", inst, p);
}
DMF_HIDDEN_PROPERTY("CJW.P3.15/mutant-reversed-alignment", "the alignment inequality reversed: must fail") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = two_above_ybar(p, false);
    require_holds(check_cjw_orbit_statement(inst, p, OrbitStatement::p3_15, StatementMutant::planted), "CJW.P3.15 mutant");
}
DMF_PROPERTY_CASES("CJW.P3.17", "aligned with every active x_j = x+: a local minimizer", 12) {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    run_row("CJW.P3.17", inst, p);
}
DMF_HIDDEN_PROPERTY("CJW.P3.17/mutant-swapped-roots", "x- and x+ swapped: must fail") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    require_holds(check_cjw_orbit_statement(inst, p, OrbitStatement::p3_17, StatementMutant::planted), "CJW.P3.17 mutant");
}
DMF_PROPERTY_CASES("CJW.P3.21", "aligned, no x-, some x_j = xbar: a non-strict saddle", 12) {
    // Its hypothesis (a root xbar) needs a singular value exactly on ybar: drawn on purpose.
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p, true);
    run_row("CJW.P3.21", inst, p);
}
DMF_HIDDEN_PROPERTY("CJW.P3.21/mutant-xbar-minimizer", "an xbar point called a local minimizer: must fail") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p, true);
    require_holds(check_cjw_orbit_statement(inst, p, OrbitStatement::p3_21, StatementMutant::planted), "CJW.P3.21 mutant");
}
DMF_PROPERTY_CASES("CJW.C3.23", "local minimizer <=> aligned with every active x_j = x+", 12) {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    run_row("CJW.C3.23", inst, p);
}
DMF_HIDDEN_PROPERTY("CJW.C3.23/mutant-swapped-roots", "x- and x+ swapped: must fail") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    require_holds(check_cjw_orbit_statement(inst, p, OrbitStatement::c3_23, StatementMutant::planted), "CJW.C3.23 mutant");
}

DMF_HIDDEN_PROPERTY("CJW.P3.24/printed", "(ii)'s local minimizers are global iff p = p*, as printed (refuted at the exact tie)") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    run_row("CJW.P3.24", inst, p);
}
DMF_PROPERTY_CASES("CJW.P3.24/corrected", "(ii)'s local minimizers are global iff p* <= p <= p*_<= (exact ties included)", 12) {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p);
    require_holds(find_claim_definition("CJW.P3.24")->corrected(inst, p), "CJW.P3.24 corrected");
}
DMF_REPLAY_PROPERTY("CJW.P3.24/replay", "every stored CJW.P3.24 counterexample still refutes the printed proposition; the corrected one holds") {
    const auto cases = corpus_cases("CJW.P3.24");
    RC_ASSERT(!cases.empty());
    for (const auto& [path, c] : cases) {
        const Precision p = Precision::from_bits(c.precision_bits);
        const Instance inst = instance_from_json(parse_json_exact(c.instance.dump()), p);
        if (check_cjw_p3_24(inst, p, false).verdict != Verdict::violated) RC_FAIL(path + ": no longer refutes CJW.P3.24");
        if (check_cjw_p3_24(inst, p, true).verdict != Verdict::holds) RC_FAIL(path + ": the corrected statement does not hold");
    }
}

DMF_PROPERTY("CJW.R3.28", "F keeps the orthogonal invariance of the hidden layers and loses the general linear one") {
    const Precision p = Precision::from_bits(128);
    run_row("CJW.R3.28", tiny_cjw(2, p), p);
}
DMF_HIDDEN_PROPERTY("CJW.R3.28/mutant-gl", "F invariant under W_l -> G W_l, W_{l+1} -> W_{l+1} G^{-1}: must fail") {
    const Precision p = Precision::from_bits(128);
    require_holds(check_cjw_r3_28(tiny_cjw(2, p), p, StatementMutant::planted), "CJW.R3.28 mutant");
}

DMF_PROPERTY("CJW.LC.1", "Mirsky: ||sigma(A) - sigma(B)|| <= ||A - B|| in the Frobenius, spectral and nuclear norms") {
    const Precision p = draw_precision();
    run_row("CJW.LC.1", matrix_case(1, 5, p), p);
}
DMF_HIDDEN_PROPERTY("CJW.LC.1/mutant-pairing", "Mirsky with sigma(B) in ascending order: must fail") {
    const Precision p = draw_precision();
    require_holds(check_cjw_lc_1(matrix_case(2, 5, p), p, StatementMutant::planted), "CJW.LC.1 mutant");
}

DMF_PROPERTY_CASES("CJW.S2.2", "spurious local minimizers exist at L >= 3 (y > ybar off the tie), none at L = 2", 25) {
    // y > ybar on purpose: between ybar and the tie, and above it.
    prop::expect_strata({"ybar < |m| < tau", "|m| > tau"});
    const auto d = draw_scalar_around(2, 5, gen::above_ybar_weights());
    run_row("CJW.S2.2", scalar_instance(d), d.p);
}

DMF_HIDDEN_PROPERTY("CJW.S2.2/mutant-depth-two", "spurious local minimizers at L = 2 as well: must fail") {
    const auto d = draw_scalar(2, 2);
    PrecisionGuard g(d.p);
    require_holds(check_cjw_s2_2(d.pr.L, abs(d.pr.m), d.pr.lambda / d.pr.L, d.p, StatementMutant::planted), "CJW.S2.2 mutant");
}

DMF_PROPERTY_CASES("CJW.S2.3", "under (12), gradient descent from random starts ends at a local minimizer", 20) {
    // No repeated value across a bottleneck (landscape_gen.hpp distinct_with_bottleneck): there the
    // critical set is a continuum and the runs do not converge in their budgets (undecided).
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p, false, true);
    run_row("CJW.S2.3", inst, p);
}
DMF_HIDDEN_PROPERTY("CJW.S2.3/mutant-no-descent", "independent side: Newton from the raw start, no gradient-descent steps: must fail") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = small_landscape(p, false, true);
    require_holds(check_cjw_s2_3(inst, p, StatementMutant::planted), "CJW.S2.3 mutant");
}
