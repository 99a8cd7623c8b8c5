// The exceptional set E, constructed exactly rather than filtered. With t = 2^k and
// L in {3, 4, 6, 10}, KP's lambda = t^{2L-2} L/(L-2) makes tau = t^L (L-1)/(L-2) and
// rho_m = t^L exact binary numbers (from (26): rho_m^{2-q} = lambda (1-q)), so |m| = tau
// exactly: the two candidate minimizers tie exactly, L(0) = L(rho_m).
//   KP.T5/exact-tie:   the certified comparison stays undecided at p, 2p and 4p, both
//                      candidates are minimal, and the positive one is rho_m = t^L exactly.
//   KP.T10/exceptional: a target with singular values exactly on tau is reported on E,
//                      with the tying indices, and a continuum when a repeated value sits on tau.
#include "generators/matrix_gen.hpp"
#include "generators/exact_thresholds.hpp"
#include "dmf/landscape/prox.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/theory/kp.hpp"
#include "properties/property.hpp"

namespace {

using namespace dmf;

struct ExactTau {
    int L;
    Real lambda, tau, rho_m;
};
ExactTau exact_tau(const Precision& p) {
    const int L = *rc::gen::element(3, 4, 6, 10);
    // lambda = t^{2L-2} L/(L-2) with t = 2^k spans about 1e-30 .. 1e30.
    const int kmax = 100 / (2 * L - 2);
    const int k = *rc::gen::inRange(-kmax, kmax + 1);
    PrecisionGuard g(p);
    const Real t = make_real(p, 1, k);
    const gen::ExactAnchor tie = gen::exact_tie(L, t, p);  // KP: lambda = L lambdabar, tau = y, rho_m = t^L
    return {L, Real(L * tie.lambda_bar), tie.y, Real(pow(t, L))};
}

}  // namespace

DMF_PROPERTY_CASES("KP.T5/exact-tie", "at |m| = tau exactly the minimizer set is {0, rho_m}: a tie that stays undecided as precision grows", 40) {
    const Precision p = Precision::from_bits(*rc::gen::element(128u, 256u));
    const ExactTau e = exact_tau(p);
    // The construction agrees with the printed tau (a check on the construction, not on the claim).
    const Formula tau = kp_tau(e.L, e.lambda, p);
    prop::assert_eps(*tau.value, e.tau, 4, p, "constructed tau = printed tau");
    const bool negative = *rc::gen::arbitrary<bool>();
    for (unsigned k : {1u, 2u, 4u}) {
        const Precision pk = p.times(k);
        const ScalarProblem pr{e.L, rounded(e.lambda, pk), rounded(negative ? Real(-e.tau) : e.tau, pk)};
        const ScalarMinimizers M = scalar_global_minimizers(pr, pk);
        RC_ASSERT(M.unique == Decision::undecided);
        RC_ASSERT(M.minimal.size() == 2u);
        bool origin = false, rho = false;
        for (int i : M.minimal) {
            const auto& c = M.candidates[i];
            origin = origin || c.origin;
            if (!c.origin) {
                PrecisionGuard g(pk);
                prop::assert_eps(Real(pow(c.s, e.L)), e.rho_m, 4, pk, "the positive minimizer is rho_m = t^L");
                rho = true;
            }
        }
        RC_ASSERT(origin && rho);
    }
}

DMF_PROPERTY_CASES("KP.T10/exceptional", "targets with singular values exactly on tau are on E: the tying indices, and a continuum for a repeated one", 40) {
    const Precision p = Precision::from_bits(128);
    const ExactTau e = exact_tau(p);
    const int m = *rc::gen::inRange(2, 5), n = *rc::gen::inRange(2, 5);
    const int r = std::min(m, n);
    // Each singular value: on tau, 4 tau (kept), or tau / 4 (collapsed); descending order.
    std::vector<int> kind = *rc::gen::container<std::vector<int>>(r, rc::gen::inRange(0, 3));
    std::sort(kind.begin(), kind.end());  // 0: 4 tau, 1: tau, 2: tau/4
    Vector sigma = zero_vector(r, p);
    {
        PrecisionGuard g(p);
        for (int i = 0; i < r; ++i) sigma(i) = kind[i] == 0 ? Real(4 * e.tau) : kind[i] == 1 ? e.tau : Real(e.tau / 4);
    }
    Rng rng(*rc::gen::arbitrary<std::uint64_t>());
    const Matrix M = matrix_with_singular_values(m, n, sigma, rng, p);
    // The target is exact only up to rounding of U diag(sigma) V^T: use the SVD's own values, which
    // sit within a few eps of tau, and decide at the precision of that rounding.
    const Prox x = kp_prox(M, e.L, e.lambda, p);
    int on_tau = 0;
    for (int v : kind) on_tau += v == 1;
    RC_ASSERT(static_cast<int>(x.ties.size()) == on_tau);
    for (int i : x.ties) RC_ASSERT(kind[i] == 1);
    RC_ASSERT(x.continuum == (on_tau >= 2));
    for (int i = 0; i < r; ++i) {
        if (kind[i] == 2) RC_ASSERT(x.x[i] == 0);  // below tau: collapsed
        if (kind[i] == 0) RC_ASSERT(x.x[i] > 0);   // above tau: kept
    }
}
