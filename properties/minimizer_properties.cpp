// Claims about global minimizers (KP.T3, KP.T10, KP.C13, X.GLOBAL), compared with
// minimizers found independently: damped Newton on the full factorized loss from
// several random starts, at 128 bits. The printed side is Theorem 10's structure
// M* = U diag(x) V^T with certified scalar minimizers x_i (oracle/prox.hpp).
//
// The best start is the global minimizer only if its value reaches the prox value
// (the balanced factorization (136) of M* attains it when the widths allow). A
// best value *below* the prox value refutes the claims; one above it means the
// starts found only local minima, and the case is skipped, never passed.
#include "generators/instance_gen.hpp"
#include "generators/exact_thresholds.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/landscape/multistart.hpp"
#include "dmf/landscape/prox.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/landscape/sharpness.hpp"
#include "claims/global_claims.hpp"
#include "properties/property.hpp"
#include "properties/critical_bound.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/problem/corpus.hpp"
#include "dmf/problem/instance_json.hpp"
#include "claims/scalar_corpus.hpp"

namespace {

using namespace dmf;

// The oracle's one multistart (multistart.hpp), its seed drawn by RapidCheck so a failure replays.
MultistartResult multistart(const Instance& inst, int starts, const Precision& p) {
    Rng rng(*rc::gen::arbitrary<std::uint64_t>());
    Real y1 = 0;
    {
        PrecisionGuard g(p);
        const auto sv = svd(inst.target, p, false);
        if (sv.sigma.size()) y1 = sv.sigma(0);
    }
    return global_multistart(inst, starts, multistart_scale(inst, y1, p), rng, p);
}

gen::InstanceGenOptions small(bool kp) {
    gen::InstanceGenOptions o = gen::solver_sized();
    o.allow_kp = kp;
    o.allow_cjw = !kp;
    return o;
}

// eps-level error bounds for the minimizers found (properties/critical_bound.hpp).
using MinimizerBound = prop::CriticalPointBound;
MinimizerBound minimizer_bound(const Instance& inst, const CriticalSearchResult& r, const Precision& p) {
    return prop::critical_point_bound(inst, r.w, r.gradient_norm, p);
}

// ||P - M*|| within the bound above, at a minimizer that reached the global value.
void assert_product_is_prox(const Instance& inst, const CriticalSearchResult& r, const Prox& prox, const Precision& p) {
    const MinimizerBound b = minimizer_bound(inst, r, p);
    if (!b.ok) return prop::mark_undecided("Hessian not positive off the orbit");
    PrecisionGuard g(p);
    const Real scale = dmf::tolerance::guarded_scale(sqrt(frobenius_norm_squared(inst.target, p)), p);  // homogeneous in M
    const Real err = sqrt(frobenius_norm_squared(Matrix(end_to_end(inst, r.w, p) - prox.m_star), p));
    prop::record_error(err / (epsilon(p) * scale), "||P - M*||");
    if (err > b.product)
        RC_FAIL("||P - M*|| = " + to_string(err, 20) + " above its error bound " + to_string(b.product, 20));
}

// Rounding of a loss value and of the prox value: both sums of terms of size at most ||Y||^2 + |value|
// at a minimizer (F <= F(0) = ||Y||^2), each with (L + w) eps relative error.
Real value_tolerance(const Instance& inst, const Real& value, const Precision& p) {
    PrecisionGuard g(p);
    int width = 1;
    for (int d : inst.dims) width = std::max(width, d);
    return 64 * epsilon(p) * (inst.L + width) * (abs(value) + frobenius_norm_squared(inst.target, p));
}

bool widths_cover_rank(const Instance& inst) {
    for (int l = 1; l < inst.L; ++l)
        if (inst.dims[l] < inst.rank_bound()) return false;
    return true;
}

// The KP lambda of an instance in either convention: L * lambdabar.
Real kp_lambda(const Instance& inst, const Precision& p) {
    PrecisionGuard g(p);
    return lambda_bar(inst, p) * inst.L;
}

// Value of the instance's own loss at the prox (KP loss = 2F).
Real prox_value(const Instance& inst, const Prox& x) {
    return inst.convention == Convention::kp ? x.schatten_value : Real(x.schatten_value / 2);
}

struct Agreement {
    MultistartResult ms;
    Prox prox;
    Real tol;
    bool global_found = false;
};

// lambda_scale != 1 plants a wrong lambda in the printed side (KP.T3's mutant). On E (a singular
// value on tau) the minimizer is not unique and the comparison is the exceptional set's.
// The lower bound "no start beats the prox value" needs only rounding: F(w) >= min F >= the prox
// value exactly (KP T3 / T22), so a computed F(w) below it by more than value_tolerance refutes.
// A start reached the global value when F(w) <= prox value + rounding + ||g|| dist (the first-order
// excess of a point at distance dist from the minimizer set).
Agreement compare_with_prox(const Instance& inst, const Precision& p, int lambda_num = 1, int lambda_den = 1) {
    Agreement a{multistart(inst, 4, p), kp_prox(inst.target, inst.L, kp_lambda(inst, p) * lambda_num / lambda_den, p), Real(0)};
    const auto reaches = [&](const MultistartResult& ms, const Real& pv, const Real& tol) {
        if (ms.best < 0) return false;
        const MinimizerBound b = minimizer_bound(inst, *ms.best_result(), p);
        return b.ok && ms.best_result()->loss <= pv + tol + ms.best_result()->gradient_norm * b.dist;
    };
    if (!a.prox.ties.empty()) {
        prop::mark_exceptional("a singular value on tau");
        RC_DISCARD("on E");
    }
    if (a.ms.best < 0) a.ms = multistart(inst, 12, p);  // twelve more starts, as below
    if (a.ms.best < 0) {
        prop::mark_undecided("no start converged");
        RC_DISCARD("no start converged");
    }
    PrecisionGuard g(p);
    const Real pv = prox_value(inst, a.prox);
    a.tol = value_tolerance(inst, pv, p);
    // No start may beat the printed minimizer's value.
    if (a.ms.best_result()->loss < pv - a.tol)
        RC_FAIL("a factorization has loss " + to_string(a.ms.best_result()->loss, 40) + " below the prox value " + to_string(pv, 40));
    a.global_found = reaches(a.ms, pv, a.tol);
    // Near tau the spurious minimizer's value is within a hair of the global one and four starts
    // land in its basin in about a fifth of the cases: then twelve more starts (the case is decided
    // by what random starts find, never by a start built from the printed minimizer).
    if (!a.global_found) {
        MultistartResult more = multistart(inst, 12, p);
        for (auto& r : more.runs) a.ms.runs.push_back(std::move(r));
        for (auto& r : more.converged) {
            a.ms.converged.push_back(std::move(r));
            const int i = static_cast<int>(a.ms.converged.size()) - 1;
            if (a.ms.best < 0 || a.ms.converged[i].loss < a.ms.converged[a.ms.best].loss) a.ms.best = i;
        }
        if (a.ms.best_result()->loss < pv - a.tol)
            RC_FAIL("a factorization has loss " + to_string(a.ms.best_result()->loss, 40) + " below the prox value " +
                    to_string(pv, 40));
        a.global_found = reaches(a.ms, pv, a.tol);
    }
    return a;
}

// A KP instance whose widths cover the rank, off E, where some start reached the prox value:
// the setting of KP.T10, KP.C13 and KP.T15's bound. `in_omega` picks those starts.
struct GlobalCase {
    Instance inst;
    Agreement a;
    bool in_omega(const CriticalSearchResult& r, const Precision& p) const {
        const MinimizerBound b = minimizer_bound(inst, r, p);
        return b.ok && r.loss <= prox_value(inst, a.prox) + a.tol + r.gradient_norm * b.dist;
    }
};
// KP instances for the minimizer properties (issue coverage): L = 1..6; square and non-square;
// distinct, repeated and zero singular values placed relative to tau: exactly on it (L in {3, 4, 6},
// t = 2^k, lambda = t^{2L-2} L/(L-2), tau = t^L (L-1)/(L-2)), at tau (1 +- 2^-k), far, or all below
// tau (the collapsed minimizer); then M -> c M, lambda -> c^{2-2/L} lambda with c = 2^{jL} (exact),
// lambda from about 1e-30 to 1e30. Materialized with Haar U, V at p.
// A uniform integer in [lo, hi), independent of RapidCheck's size (inRange scales with the case index).
int full_range(int lo, int hi) { return *rc::gen::resize(100, rc::gen::inRange(lo, hi)); }

Instance threshold_kp_instance(const Precision& p) {
    gen::InstanceSpec s;
    s.L = full_range(1, 7);
    const int max_w = s.L >= 5 ? 2 : 3;
    // Widths within the claims' hypothesis (every hidden width >= min(d_0, d_L)) and N <= 24.
    do {
        s.dims = *rc::gen::container<std::vector<int>>(s.L + 1, rc::gen::resize(100, rc::gen::inRange(1, max_w + 1)));
    } while ([&] {
        long long n = 0;
        for (size_t l = 1; l < s.dims.size(); ++l) n += static_cast<long long>(s.dims[l]) * s.dims[l - 1];
        for (int l = 1; l < s.L; ++l)
            if (s.dims[l] < std::min(s.dims.front(), s.dims.back())) return true;
        return n > 24;
    }());
    s.convention = Convention::kp;
    s.basis_seed = *rc::gen::arbitrary<std::uint64_t>();
    const Precision hp = Precision::from_bits(512);
    PrecisionGuard g(hp);
    const int L = s.L;
    const int k = full_range(-2, 3);
    const Real t = make_real(hp, 1, k);
    Real lambda, tau;
    if (L == 3 || L == 4 || L == 6) {
        const gen::ExactAnchor tie = gen::exact_tie(L, t, hp);  // KP's lambda = L lambdabar; tau = the tie
        lambda = L * tie.lambda_bar;
        tau = tie.y;
    } else {
        lambda = make_real(hp, 1, k);
        tau = kp_tau(L, lambda, hp).value.value_or(Real(1));  // L = 1: no threshold, tau stands for a scale
    }
    const int r = std::min(s.dims.front(), s.dims.back());
    const bool all_below = full_range(0, 5) == 0;
    std::vector<Real> sv;
    for (int i = 0; i < r; ++i) {
        Real v;
        const int place = all_below ? 4 : full_range(0, 6);
        switch (place) {
            case 0: v = tau; break;
            case 1: v = tau * (1 + make_real(hp, 1, -full_range(2, 40))); break;
            case 2: v = tau * (1 - make_real(hp, 1, -full_range(2, 40))); break;
            case 3: v = tau * *rc::gen::element(2, 3, 5); break;
            case 4: v = tau * make_real(hp, 1, -full_range(1, 4)); break;  // below tau
            default: v = i > 0 ? sv.back() : Real(0); break;                      // repeated, or zero
        }
        sv.push_back(v);
    }
    // Exact binary rescaling M -> c M, lambda -> c^{2-2/L} lambda, c = 2^{jL}.
    const int jmax = std::max(1, 95 / std::max(1, 2 * L - 2));
    const int j = full_range(-jmax, jmax + 1);
    const Real c = make_real(hp, 1, static_cast<long>(j) * L);
    lambda *= make_real(hp, 1, static_cast<long>(j) * (2 * L - 2));
    s.lambda = {gen::Decimal{to_exact_string(lambda)}};
    for (const auto& v : sv) s.singular_values.push_back(gen::Decimal{to_exact_string(Real(v * c))});
    RC_TAG(all_below ? "every sigma below tau" : "mixed placements");
    return gen::materialize(s, p);
}

// Cases outside the claims' width hypothesis are decided but trivial (nothing to compare); a case
// whose starts found no global minimizer is undecided (discarded, counted against the floor).
GlobalCase global_kp_case(const Precision& p) {
    const bool threshold = *rc::gen::arbitrary<bool>();
    gen::InstanceGenOptions o = small(true);
    o.bottleneck_percent = 0;  // the claims' width hypothesis; T3 and X.GLOBAL draw the bottlenecks
    Instance inst = threshold ? threshold_kp_instance(p) : gen::materialize(*gen::instance_spec(o), p);
    // The claims' width hypothesis: hidden widths raised to the rank (the target does not change).
    for (int l = 1; l < inst.L; ++l) inst.dims[l] = std::max(inst.dims[l], inst.rank_bound());
    // Still short of 95% (measured 80-87% of 20-25 cases): the oracle's multistart (damped Newton,
    // landscape/multistart.hpp) does not converge from any of 16 starts on targets of norm below
    // about 1e-13 (e.g. sigma = 2.7e-14, lambda = 4e-22 at L = 4): its stopping test is not scale
    // invariant. Twelve more starts fixed the other cause (near tau, the global minimizer missed).
    prop::state_decided_floor(0.8, "the multistart does not converge on targets below about 1e-13 (not scale invariant)");
    prop::mark_stratum(threshold ? "placed on/near tau" : "generic");
    if (inst.rank_bound() >= 2) prop::mark_stratum("r>=2");
    prop::expect_strata({"placed on/near tau", "generic", "r>=2"});
    if (!widths_cover_rank(inst)) {
        prop::mark_trivial("hypothesis fails: a hidden width below the rank");
        RC_SUCCEED("outside the hypothesis");
    }
    Agreement a = compare_with_prox(inst, p);
    if (!a.global_found) {
        prop::mark_undecided("no start reached the prox value");
        RC_DISCARD("no global minimizer found");
    }
    return {std::move(inst), std::move(a)};
}

}  // namespace

namespace {
// KP T3: min over factorizations of the loss equals the Schatten problem's minimum when every hidden
// width is at least min(d_0, d_L). Both directions, each against an independent computation:
//   >= : no start of the multistart goes below the prox value (compare_with_prox). This holds for
//        any widths: (1/L) sum ||W_i||^2 >= ||P||_{S^{2/L}}^{2/L} for every factorization (T22).
//   <= : the balanced factorization (136) of the prox M* = U diag(x) V^T -- W_1 = diag(x^{1/L}) V^T,
//        W_i = diag(x^{1/L}), W_L = U diag(x^{1/L}) on the first rank(M*) indices, zero-padded to the
//        widths -- has loss (from the definition, objective.hpp) equal to the prox value, to
//        value_tolerance. Needs the hidden widths to hold rank(M*) (else a trivial case).
// lambda_num / lambda_den scales the printed side's lambda (the mutants): at 2 lambda the prox value
// is too high and a start beats it (>=); at lambda / 2 it is too low and (136) cannot reach it (<=).
void t3_case(int lambda_num, int lambda_den) {
    const Precision p = Precision::from_bits(128);
    const auto spec = *gen::instance_spec(small(true));
    prop::mark_strata(gen::strata(spec));
    prop::expect_strata({"r>=2", "bottleneck"});
    const Instance inst = gen::materialize(spec, p);
    const Agreement a = compare_with_prox(inst, p, lambda_num, lambda_den);  // >=
    PrecisionGuard g(p);
    const Real pv = prox_value(inst, a.prox);
    int rank = 0, hidden = inst.rank_bound();
    for (const auto& x : a.prox.x) rank += x > 0;
    for (int l = 1; l < inst.L; ++l) hidden = std::min(hidden, inst.dims[l]);
    if (rank > hidden) return prop::mark_trivial("hidden widths below rank(M*): (136) does not fit");
    if (rank == 0) prop::mark_trivial("M* = 0");
    const auto d = svd(inst.target, p, true);
    RC_ASSERT(d.status == Status::ok);
    Weights w;
    for (int l = 1; l <= inst.L; ++l) w.push_back(zeros(inst.dims[l], inst.dims[l - 1], p));
    for (int i = 0; i < rank; ++i) {
        const Real root = inst.L == 1 ? a.prox.x[i] : Real(pow(a.prox.x[i], Real(1) / inst.L));
        if (inst.L == 1) {
            w[0] += Matrix(d.u.col(i) * d.v.col(i).transpose() * root);
            continue;
        }
        w[0].row(i) = d.v.col(i).transpose() * root;
        for (int l = 2; l < inst.L; ++l) w[l - 1](i, i) = root;
        w[inst.L - 1].col(i) = d.u.col(i) * root;
    }
    const Real value = loss(inst, w, p), tol = value_tolerance(inst, pv, p);
    prop::record_error(abs(value - pv) / (epsilon(p) * dmf::tolerance::guarded_scale(abs(pv), p)), "loss at (136) vs prox value");
    if (abs(value - pv) > tol)
        RC_FAIL("the factorization (136) of M* has loss " + to_string(value, 40) + ", the prox value is " + to_string(pv, 40));
}

}  // namespace

DMF_PROPERTY_CASES("KP.T3", "min L = min of the Schatten problem when min d_i >= min(d_0, d_L): no start below the prox value, and (136) of M* attains it", 20) {
    t3_case(1, 1);
}

// KP's loss is 2F: a prox taken at 2 lambda (the factor 2 of the convention applied twice).
DMF_HIDDEN_PROPERTY("KP.T3/mutant-lambda", "the Schatten problem at 2 lambda: a start must beat its value") { t3_case(2, 1); }

// The other direction: the prox at lambda / 2 (a CJW lambdabar read as KP's lambda at L = 2) is too low.
DMF_HIDDEN_PROPERTY("KP.T3/mutant-half-lambda", "the Schatten problem at lambda / 2: (136) must miss its value") { t3_case(1, 2); }

// lambda_scale != 1 compares with the prox at a wrong lambda (KP.T10's mutant); the search for
// global minimizers (global_kp_case) keeps the right one.
namespace {
void t10_case(int lambda_num, int lambda_den) {
    const Precision p = Precision::from_bits(128);
    const GlobalCase c = global_kp_case(p);
    std::optional<Prox> wrong;
    if (lambda_num != lambda_den) {
        PrecisionGuard g(p);
        wrong = kp_prox(c.inst.target, c.inst.L, kp_lambda(c.inst, p) * lambda_num / lambda_den, p);
    }
    for (const auto& r : c.a.ms.converged)
        if (c.in_omega(r, p)) assert_product_is_prox(c.inst, r, wrong ? *wrong : c.a.prox, p);
}

// common_norm: also assert the common value is ||P||_F^{1/L} (a wrong closed form: it holds at
// rank one only; the right one is (sum x_j^{2/L})^{1/2}). KP.C13's mutant.
void c13_case(bool common_norm) {
    const Precision p = Precision::from_bits(128);
    const GlobalCase c = global_kp_case(p);
    // Each layer norm is within MinimizerBound::layer of its value at the nearest global minimizer:
    // two layers (of one minimizer or two) may differ by the sum of their points' bounds.
    std::optional<Real> first;
    Real first_tol = 0;
    for (const auto& r : c.a.ms.converged) {
        if (!c.in_omega(r, p)) continue;
        const MinimizerBound b = minimizer_bound(c.inst, r, p);
        PrecisionGuard g(p);
        if (common_norm && !first) {
            first = pow(sqrt(frobenius_norm_squared(end_to_end(c.inst, r.w, p), p)), Real(1) / c.inst.L);
            first_tol = b.layer;
        }
        for (const auto& w : r.w) {
            const Real n = sqrt(frobenius_norm_squared(w, p));
            if (!first) first = n, first_tol = b.layer;
            prop::record_error(abs(n - *first) / (epsilon(p) * (dmf::tolerance::guarded_scale(*first, p))), "||W_i||_F spread");
            if (abs(n - *first) > first_tol + b.layer)
                RC_FAIL("layer norms " + to_string(n, 30) + " and " + to_string(*first, 30) + " differ by more than " +
                        to_string(Real(first_tol + b.layer), 10));
        }
    }
    if (first && *first == 0) prop::mark_trivial("P* = 0");
}
}  // namespace

DMF_PROPERTY_CASES("KP.T10", "off E, every global minimizer found has end-to-end product U diag(x) V^T", 20) { t10_case(1, 1); }

// The prox at lambda/2: KP's loss is 2F, and a CJW-convention lambda passed to KP's prox.
DMF_HIDDEN_PROPERTY("KP.T10/mutant-lambda", "the products compared with the prox at lambda/2: must fail") { t10_case(1, 2); }

DMF_PROPERTY_CASES("KP.C13", "off E, ||W_i||_F is the same for every layer and every global minimizer found", 20) {
    c13_case(false);
}

DMF_HIDDEN_PROPERTY("KP.C13/mutant-norm", "the common layer norm taken as ||P*||_F^{1/L} (true at rank one only): must fail") {
    c13_case(true);
}

DMF_HIDDEN_PROPERTY("X.GLOBAL/printed", "X.GLOBAL as stated, any widths: the prox must be reachable (fails with bottlenecks)") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = gen::materialize(*gen::instance_spec(small(false)), p);
    const CheckResult r = check_x_global_rank(inst, p);
    if (r.verdict == Verdict::violated) RC_FAIL(r.quantity + ": " + r.printed + ", " + r.computed);
}

DMF_REPLAY_PROPERTY("X.GLOBAL/replay", "every stored X.GLOBAL counterexample still refutes the statement without a width hypothesis") {
    const auto cases = corpus_cases("X.GLOBAL");
    RC_ASSERT(!cases.empty());
    for (const auto& [path, c] : cases) {
        const Precision p = Precision::from_bits(c.precision_bits);
        const Instance inst = instance_from_json(parse_json_exact(c.instance.dump()), p);
        if (check_x_global_rank(inst, p).verdict != Verdict::violated) RC_FAIL(path + ": no longer refutes X.GLOBAL");
    }
}

namespace {
// arithmetic_mean: the prox at L times the arithmetic mean of the lambda_l in place of their
// geometric mean lambdabar (X.GLOBAL/corrected's mutant; the two differ when the lambda_l do).
void x_global_corrected_case(bool arithmetic_mean) {
    const Precision p = Precision::from_bits(128);
    const auto spec = *gen::instance_spec(small(false));
    prop::mark_strata(gen::strata(spec));
    prop::expect_strata({"r>=2", "unequal lambda"});
    const Instance inst = gen::materialize(spec, p);
    if (check_x_global_rank(inst, p).verdict != Verdict::holds) {
        prop::mark_trivial("hypothesis fails: d_min below the prox's rank");
        RC_SUCCEED("outside the hypothesis");
    }
    const Agreement a = compare_with_prox(inst, p);
    if (!a.global_found) {
        prop::mark_undecided("no start reached the prox value");
        RC_DISCARD("no global minimizer found");
    }
    if (!arithmetic_mean) return assert_product_is_prox(inst, *a.ms.best_result(), a.prox, p);
    const CjwForm form = cjw_form(inst, p);
    PrecisionGuard g(p);
    Real sum = 0;
    for (const auto& l : form.lambda) sum += l;
    assert_product_is_prox(inst, *a.ms.best_result(), kp_prox(inst.target, inst.L, sum, p), p);
}

// drop_1_over_L: (81) with (2 lambda/L) N read as 2 lambda N (KP.T15/bound's mutant; equal at L = 1).
void t15_bound_case(bool drop_1_over_L) {
    const Precision p = Precision::from_bits(128);
    const GlobalCase c = global_kp_case(p);
    const Instance& inst = c.inst;
    for (const auto& r : c.a.ms.converged) {
        if (!c.in_omega(r, p)) continue;
        const Sharpness s = sharpness(inst, r.w, p);
        const MinimizerBound b = minimizer_bound(inst, r, p);
        PrecisionGuard g(p);
        const Real lambda_term = 2 * rounded(inst.lambda[0], p) / inst.L * static_cast<long>(inst.num_parameters());
        // At a collapsed minimizer (P* = 0, g* = 0) the printed ratio is 0/0 (the registry's caveat).
        Real bound = s.bound_81 ? *s.bound_81 : lambda_term;
        if (drop_1_over_L) bound += lambda_term * (inst.L - 1);
        const Real scale = dmf::tolerance::guarded_scale(abs(s.trace), p);
        prop::record_error((bound - s.trace) / (epsilon(p) * scale), "bound - trace");
        // MinimizerBound: the data parts of the trace and of (81) move by 4 (L - 1) b.relative of
        // their size between this point and the minimizer; rounding 64 (N + L) eps of the trace.
        const Real data = abs(s.trace - lambda_term) + abs(bound - lambda_term);
        const Real tol = 4 * (inst.L - 1) * b.relative * data + 64 * epsilon(p) * (inst.num_parameters() + inst.L) * scale;
        if (s.trace < bound - tol)
            RC_FAIL("tr Hess = " + to_string(s.trace, 30) + " below (81)'s bound " + to_string(bound, 30) + " by more than " +
                    to_string(tol, 10));
    }
}
}  // namespace

DMF_PROPERTY_CASES("X.GLOBAL/corrected", "when d_min >= rank of the prox, CJW's global minimizers (unequal lambda_l) have the prox's end-to-end product (lambda = L lambdabar)", 20) {
    x_global_corrected_case(false);
}

DMF_HIDDEN_PROPERTY("X.GLOBAL/mutant-mean", "the prox at sum lambda_l (arithmetic mean) in place of L lambdabar: must fail") {
    x_global_corrected_case(true);
}

DMF_PROPERTY_CASES("KP.T15/bound", "(81) at global minimizers found from random starts: tr Hess >= 2L ||P*||^2 / g*^2 + (2 lambda/L) N", 20) {
    t15_bound_case(false);
}

DMF_HIDDEN_PROPERTY("KP.T15/mutant-bound", "(81) with (2 lambda/L) N read as 2 lambda N: must fail") {
    t15_bound_case(true);
}

DMF_PROPERTY_CASES("KP.C14", "lambda above lambda_c(sigma_max) collapses every global minimizer to P = 0; just below it does not", 20) {
    const Precision p = Precision::from_bits(128);
    gen::InstanceGenOptions o = small(true);
    o.min_depth = 2;  // the printed threshold is undefined at L = 1 (see the registry)
    const auto spec = *gen::instance_spec(o);
    const Instance base = gen::materialize(spec, p);
    const int k = *rc::gen::inRange(2, 12);
    const bool above = *rc::gen::arbitrary<bool>();
    PrecisionGuard g(p);
    const auto sv = svd(base.target, p, false);
    if (sv.sigma.size() == 0 || sv.sigma(0) == 0) return prop::mark_trivial("Y = 0");
    const Formula lc = kp_collapse_lambda(base.L, sv.sigma(0), p);
    Instance inst = base;
    inst.lambda = {*lc.value * (above ? 1 + make_real(p, 1, -k) : 1 - make_real(p, 1, -k))};
    const Real at_zero = frobenius_norm_squared(inst.target, p);  // the loss at w = 0
    prop::mark_stratum(above ? "2^-k above lambda_c" : "2^-k below lambda_c");
    prop::expect_strata({"2^-k above lambda_c", "2^-k below lambda_c"});
    const MultistartResult ms = multistart(inst, 4, p);
    // A computed loss is the loss of its point up to rounding (value_tolerance), and no point
    // goes below the minimum: the lower bound needs no allowance for convergence, so every start's
    // last point counts, converged or not (near lambda_c the minimizer is degenerate and slow).
    const Real tol = value_tolerance(inst, at_zero, p);
    if (above) {
        // Nothing beats w = 0, and the prox (certified scalar minimizers) is 0.
        for (const auto& run : ms.runs)
            if (!run.w.empty()) RC_ASSERT(run.loss >= at_zero - tol);
        const Prox x = kp_prox(inst.target, inst.L, inst.lambda[0], p);
        for (const auto& v : x.x) RC_ASSERT(v == 0);
    } else if (!widths_cover_rank(inst)) {
        prop::mark_trivial("below lambda_c with a bottleneck: nothing asserted");
    } else {
        // Sharpness: just below lambda_c the top singular value survives: the prox beats w = 0.
        const Prox x = kp_prox(inst.target, inst.L, inst.lambda[0], p);
        RC_ASSERT(x.x[0] > 0);
        RC_ASSERT(x.schatten_value < at_zero);
    }
}

DMF_PROPERTY("KP.T10/metamorphic", "the prox is orthogonally equivariant and scales by c under M -> c M, lambda -> c^{2-q} lambda") {
    const Precision p = Precision::from_bits(128);
    const Instance inst = gen::materialize(*gen::instance_spec(small(true)), p);
    const Real lam = inst.lambda[0];
    const Prox x = kp_prox(inst.target, inst.L, lam, p);
    RC_PRE(x.ties.empty());
    Rng rng(*rc::gen::arbitrary<std::uint64_t>());
    const Matrix Q1 = haar_orthogonal(inst.target.rows(), rng, p), Q2 = haar_orthogonal(inst.target.cols(), rng, p);
    const Prox y = kp_prox(matmul(matmul(Q1, inst.target, p), Q2.transpose(), p), inst.L, lam, p);
    RC_PRE(y.ties.empty());
    const Matrix rotated = matmul(matmul(Q1, x.m_star, p), Q2.transpose(), p);
    // c^{2-q} = 2^{j(2L-2)} reaches about 1e-30 .. 1e30 for lambda: the prox at extreme magnitudes.
    const int jmax = inst.L >= 2 ? 100 / (2 * inst.L - 2) : 100;
    const int j = *rc::gen::inRange(-jmax, jmax + 1);
    PrecisionGuard g(p);
    const Real scale = dmf::tolerance::guarded_scale(sqrt(frobenius_norm_squared(inst.target, p)), p);
    for (Eigen::Index b = 0; b < rotated.cols(); ++b)
        for (Eigen::Index a = 0; a < rotated.rows(); ++a)
            prop::assert_eps(y.m_star(a, b), rotated(a, b), 64.0 * (rotated.rows() + rotated.cols()), p, scale,
                             "prox(Q1 M Q2^T) = Q1 prox(M) Q2^T");
    const Prox z = kp_prox(Matrix(inst.target * make_real(p, 1, j * inst.L)), inst.L,
                           lam * make_real(p, 1, j * (2 * inst.L - 2)), p);
    for (size_t i = 0; i < x.x.size(); ++i)
        prop::assert_eps(z.x[i], x.x[i] * make_real(p, 1, j * inst.L), 16, p, scale * make_real(p, 1, j * inst.L),
                         "x_i(c sigma, c^{2-q} lambda) = c x_i(sigma, lambda)");
}
