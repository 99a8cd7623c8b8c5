#include "claims/saddle_claims.hpp"

#include "dmf/landscape/critical_polynomial.hpp"
#include "dmf/landscape/classify.hpp"
#include "dmf/numerics/interval.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/numerics/polynomial.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

namespace dmf {

namespace {

Instance cjw_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p) {
    Instance inst;
    inst.L = L;
    inst.dims.assign(L + 1, 1);
    inst.convention = Convention::cjw;
    inst.lambda.assign(L, rounded(lambda_bar, p));
    inst.target = zeros(1, 1, p);
    inst.target(0, 0) = rounded(y, p);
    return inst;
}

// The oracle's one classifier (classify.hpp): with no continuous symmetry in the scalar case,
// every Hessian null direction is beyond the orbit and decided by the cubic and quartic terms.
PointKind classify_scalar_point(const Instance& inst, const Weights& w, const Precision& p, std::string& why) {
    const Classification c = classify_point(inst, w, p);
    why = c.evidence;
    return c.kind;
}

}  // namespace

ScalarLandscape classify_scalar_landscape(int L, const Real& y, const Real& lambda_bar, const Precision& p) {
    ScalarLandscape out;
    const Instance inst = cjw_scalar(L, y, lambda_bar, p);
    std::vector<Real> radii{Real(0)};
    const RationalPolynomial fpoly = critical_polynomial(L, to_rational(rounded(y, p)), to_rational(rounded(lambda_bar, p)));
    for (const auto& r : positive_roots(fpoly, p)) radii.push_back(r.value);
    for (const auto& s : radii) {
        // One sign pattern per radius suffices: sign flips of pairs are symmetries of F.
        Weights w;
        for (int l = 0; l < L; ++l) {
            Matrix m = zeros(1, 1, p);
            m(0, 0) = s;
            w.push_back(m);
        }
        if (s == 0 && L == 1 && y != 0) continue;  // w = 0 is critical only for L >= 2 or y = 0
        std::string why;
        const PointKind t = classify_scalar_point(inst, w, p, why);
        out.detail += "x=" + to_string(s, 12) + ": " + to_string(t) + (why.empty() ? "" : " (" + why + ")") + "; ";
        if (t == PointKind::non_strict_saddle) out.has_non_strict_saddle = true;
        if (t == PointKind::undecided) out.undecided = true;
    }
    return out;
}

CheckResult check_cjw_c2_3_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p) {
    if (L < 3) return CheckResult::na("the corollary is stated for L >= 3");
    const Formula yb = cjw_y_bar(L, lambda_bar, p);
    // y = ybar exactly iff f(.; y) has a positive double root: decided over Q (gcd(f, f')).
    const RationalPolynomial fpoly = critical_polynomial(L, to_rational(rounded(y, p)), to_rational(rounded(lambda_bar, p)));
    bool double_root = false;
    for (const auto& r : positive_roots(fpoly, p)) double_root = double_root || r.multiplicity > 1;
    const ScalarLandscape s = classify_scalar_landscape(L, y, lambda_bar, p);
    CheckResult r;
    r.quantity = "a non-strict saddle exists iff y = ybar";
    r.detail = s.detail;
    if (s.undecided) return r.verdict = Verdict::undecided, r;
    PrecisionGuard g(p);
    const bool printed_on = abs(rounded(y, p) - *yb.value) <= 4 * epsilon(p) * *yb.value;
    r.printed = std::string("ybar = ") + to_string(*yb.value, 30) + (printed_on ? " (y on it)" : " (y off it)");
    r.computed = std::string(double_root ? "y = ybar exactly (double root); " : "y != ybar (no double root); ") +
                 (s.has_non_strict_saddle ? "non-strict saddle found" : "no non-strict saddle");
    const bool ok = double_root == s.has_non_strict_saddle && (!double_root || printed_on);
    r.verdict = ok ? Verdict::holds : Verdict::violated;
    return r;
}

CheckResult check_cjw_t2_2_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p, bool swap_roots) {
    if (L < 3) return CheckResult::na("T2.2 is stated for L >= 3");
    const Instance inst = cjw_scalar(L, y, lambda_bar, p);
    const RationalPolynomial fpoly = critical_polynomial(L, to_rational(rounded(y, p)), to_rational(rounded(lambda_bar, p)));
    struct Orbit1 {
        Real x;
        int slope;  // 0 at the origin or a double root
        bool origin;
    };
    std::vector<Orbit1> orbits{{Real(0), 0, true}};
    for (const auto& r : positive_roots(fpoly, p)) orbits.push_back({r.value, r.derivative_sign, false});
    // p* of (10): 1 when y > ybar and G(x+) < G(0), from the printed G and the printed ybar.
    const Formula yb = cjw_y_bar(L, lambda_bar, p);
    int p_star = 0;
    for (const auto& o : orbits)
        if (!o.origin && o.slope == 1 && y > *yb.value &&
            cjw_G(L, o.x, y, lambda_bar, p) < cjw_G(L, Real(0), y, lambda_bar, p))
            p_star = 1;
    // The global value, from the definition over all critical points (F is coercive).
    auto point = [&](const Real& x) {
        Weights w;
        for (int l = 0; l < L; ++l) {
            Matrix m = zeros(1, 1, p);
            m(0, 0) = x;
            w.push_back(m);
        }
        return w;
    };
    Real best = loss(inst, point(Real(0)), p);
    for (const auto& o : orbits) best = std::min(best, loss(inst, point(o.x), p));
    CheckResult r;
    r.quantity = "T2.2 type of every critical orbit";
    PrecisionGuard g(p);
    for (const auto& o : orbits) {
        int slope = o.slope;
        if (swap_roots) slope = -slope;
        std::string predicted;
        if (o.origin) predicted = p_star == 0 ? "global_minimizer" : "spurious_local_minimizer";  // (ii)-(iii), S empty
        else if (slope == -1) predicted = "strict_saddle";                                          // (i)
        else if (slope == 1) predicted = p_star == 1 ? "global_minimizer" : "spurious_local_minimizer";  // (ii)-(iii)
        else predicted = "non_strict_saddle";                                                       // (iv)
        std::string why;
        const PointKind t = classify_scalar_point(inst, point(o.x), p, why);
        if (t == PointKind::undecided) return r.verdict = Verdict::undecided, r.detail = why, r;
        std::string computed = to_string(t);
        if (t == PointKind::local_minimizer) {
            const Real v = loss(inst, point(o.x), p);
            const Real tol = 64 * L * epsilon(p) * abs(best);
            computed = v <= best + tol ? "global_minimizer" : "spurious_local_minimizer";
        }
        r.detail += "x=" + to_string(o.x, 12) + ": printed " + predicted + ", computed " + computed + "; ";
        if (predicted != computed) {
            r.verdict = Verdict::violated;
            r.printed = predicted;
            r.computed = computed + " at x = " + to_string(o.x, 30);
            return r;
        }
    }
    r.verdict = Verdict::holds;
    return r;
}

namespace {
CheckResult e79(int L, const Real& y, const Real& lambda_bar, const Precision& p, bool corrected) {
    if (L < 3) return CheckResult::na("E79 is stated for L >= 3");
    const Precision work = Precision::from_bits(p.bits() + 32);
    // lambda^L != sigma * L^L ( ((L-2)/L)^{L/(2(L-1))} + (L/(L-2))^{(L-2)/(2(L-1))} )^{-2(L-1)}, KP lambda = L lambdabar.
    const Interval lam = Interval(rounded(lambda_bar, work), work) * Interval(Rational(L), work);
    const Interval a = Interval(Rational(L - 2) / L, work).pow(Rational(L) / (2 * (L - 1)));
    const Interval b = Interval(Rational(L) / (L - 2), work).pow(Rational(L - 2) / (2 * (L - 1)));
    const Interval bracket = Interval(Rational(L), work).pow(static_cast<unsigned long>(L)) /
                             (a + b).pow(static_cast<unsigned long>(2 * (L - 1)));
    const Interval lhs = lam.pow(static_cast<unsigned long>(L));
    Interval sigma(rounded(y, work), work);
    if (corrected) sigma = sigma.pow(static_cast<unsigned long>(2 * (L - 1)));
    const Interval rhs = sigma * bracket;
    const int sign = certain_sign(lhs - rhs);
    CheckResult r;
    r.quantity = "E79: lambda^L != sigma K_L implies no non-strict saddle";
    r.printed = "lambda^L = " + lhs.str(20) + ", sigma K_L = " + rhs.str(20);
    if (sign == 0) return r.verdict = Verdict::undecided, r.detail = "hypothesis undecided at this precision", r;
    // The hypothesis holds: the conclusion must too.
    const ScalarLandscape s = classify_scalar_landscape(L, y, lambda_bar, p);
    r.detail = s.detail;
    r.computed = s.has_non_strict_saddle ? "a non-strict saddle exists" : "no non-strict saddle";
    if (s.undecided) return r.verdict = Verdict::undecided, r;
    r.verdict = s.has_non_strict_saddle ? Verdict::violated : Verdict::holds;
    return r;
}
}  // namespace

CheckResult check_kp_e79_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p) {
    return e79(L, y, lambda_bar, p, false);
}

CheckResult check_kp_e79_corrected_scalar(int L, const Real& y, const Real& lambda_bar, const Precision& p) {
    return e79(L, y, lambda_bar, p, true);
}

}  // namespace dmf
