#include "claims/scalar_claims.hpp"

#include "dmf/landscape/critical_polynomial.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/numerics/polynomial.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/numerics/tolerance.hpp"

#include <algorithm>
#include <sstream>

namespace dmf {

namespace {

std::string list(const std::vector<Real>& v, int digits) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + to_string(v[i], digits);
    return s + "]";
}

int digits_of(const Precision& p) { return static_cast<int>(p.bits() * 0.30103) + 2; }

std::vector<Real> to_vector(const Vector& v) {
    std::vector<Real> out;
    for (Eigen::Index i = 0; i < v.size(); ++i) out.push_back(v(i));
    return out;
}

// Compare two spectra (sorted ascending) entry by entry in eps units of `scale`.
CheckResult compare_spectra(std::vector<Real> expected, const std::vector<Real>& computed, const Precision& p,
                            const Real& scale, double bound, const std::string& what) {
    std::sort(expected.begin(), expected.end());
    CheckResult r;
    r.quantity = what;
    r.printed = list(expected, digits_of(p));
    r.computed = list(computed, digits_of(p));
    if (expected.size() != computed.size()) {
        r.verdict = Verdict::violated;
        r.detail = "different numbers of eigenvalues";
        return r;
    }
    double worst = 0;
    for (size_t i = 0; i < expected.size(); ++i)
        worst = std::max(worst, eps_distance(computed[i], expected[i], p, scale).convert_to<double>());
    r.error_eps = worst;
    r.verdict = worst <= bound ? Verdict::holds : Verdict::violated;
    std::ostringstream ss;
    ss << "max eigenvalue distance " << worst << " eps of scale " << to_string(scale, 8) << " (bound " << bound << ")";
    r.detail = ss.str();
    return r;
}

// Hessian-spectrum scale: the largest magnitude among the spectra and lambda.
Real spectrum_scale(const std::vector<Real>& a, const std::vector<Real>& b, const Real& lambda) {
    Real s = abs(lambda);
    for (const auto& v : a) s = std::max(s, Real(abs(v)));
    for (const auto& v : b) s = std::max(s, Real(abs(v)));
    return s;
}

// (29) with the formula as printed unless a test substitutes a mutant.
std::vector<Real> eigen29(const Eigenvalues29& f, int L, const Real& lambda, const Real& w, const Precision& p) {
    return f ? f(L, lambda, w, p) : kp_hessian_eigenvalues_29(L, lambda, w, p);
}

CheckResult hessian_check(const ScalarProblem& pr, const Precision& p, const Eigenvalues29& formula, bool corrected) {
    const Side side = side_of_tau(pr, p);
    if (side == Side::at) return CheckResult::na("|m| = tau at this precision: excluded by the claim");
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    if (M.unique != Decision::yes) {
        CheckResult r;
        r.verdict = Verdict::undecided;
        r.detail = "global minimizer not separated at this precision: " + M.evidence;
        return r;
    }
    const ScalarCandidate& best = M.candidates[M.minimal[0]];
    PrecisionGuard guard(p);
    std::vector<Real> expected;
    if (corrected && best.origin && pr.L == 2) {
        expected = {pr.lambda - 2 * abs(pr.m), pr.lambda + 2 * abs(pr.m)};
    } else if (corrected && best.origin && pr.L >= 3) {
        expected.assign(pr.L, Real(2 * pr.lambda / pr.L));
    } else {
        expected = eigen29(formula, pr.L, pr.lambda, best.s, p);
    }
    // Corrected: lambda_max is the largest eigenvalue of the corrected spectrum at a collapsed minimizer
    // and at L = 1, where (30)'s (2L w^{2L-2} - 2 lambda)_+ + 4 lambda / L gives 4 lambda, not 2 + 2 lambda,
    // once lambda > 1 (found by `search KP.T6`).
    const Real lmax_expected = corrected && ((best.origin && pr.L >= 2) || pr.L == 1)
                                   ? *std::max_element(expected.begin(), expected.end())
                                   : kp_lambda_max_30(pr.L, pr.lambda, best.s, p);
    CheckResult acc;
    const auto points = scalar_minimizer_points(pr, best, p, 64);
    const double bound = 32.0 * pr.L;
    std::vector<Real> first;
    for (const auto& w : points) {
        const std::vector<Real> eig = to_vector(scalar_hessian_eigenvalues(pr, w, p));
        const Real scale = spectrum_scale(expected, eig, pr.lambda);
        CheckResult r = compare_spectra(expected, eig, p, scale, bound,
                                        std::string(corrected ? "corrected spectrum" : "(29)") + " at w* = " +
                                            list(w, 8) + ", m = " + to_string(pr.m, digits_of(p)) +
                                            ", lambda = " + to_string(pr.lambda, digits_of(p)) +
                                            ", L = " + std::to_string(pr.L));
        merge_into(acc, r);
        // (30): lambda_max.
        CheckResult rm;
        rm.quantity = "lambda_max (30)";
        rm.printed = to_string(lmax_expected, digits_of(p));
        rm.computed = to_string(eig.back(), digits_of(p));
        rm.error_eps = eps_distance(eig.back(), lmax_expected, p, scale).convert_to<double>();
        rm.verdict = rm.error_eps <= bound ? Verdict::holds : Verdict::violated;
        merge_into(acc, rm);
        // The spectrum is the same at every point of Omega (needs no formula).
        if (first.empty()) first = eig;
        CheckResult rs = compare_spectra(first, eig, p, scale, bound, "spectrum constant over Omega");
        merge_into(acc, rs);
    }
    return acc;
}

}  // namespace

Side side_of_tau(const ScalarProblem& pr, const Precision& p) {
    const Formula tau = kp_tau(pr.L, pr.lambda, p);
    if (!tau.value) return Side::undefined;
    PrecisionGuard guard(p);
    const Real am = abs(rounded(pr.m, p));
    const Real margin = 4 * epsilon(p) * *tau.value;
    if (am < *tau.value - margin) return Side::below;
    if (am > *tau.value + margin) return Side::above;
    return Side::at;
}

CheckResult check_kp_t5(const ScalarProblem& pr, const Precision& p) {
    const Side side = side_of_tau(pr, p);
    if (side == Side::undefined) return CheckResult::na("printed tau is undefined at L = 1 (0 * lambda^{1/0})");
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    CheckResult r;
    r.quantity = "end-to-end minimizer (13)";
    const Formula tau = kp_tau(pr.L, pr.lambda, p);
    const int dg = digits_of(p);
    r.detail = "tau = " + to_string(*tau.value, dg) + "; " + M.evidence;
    if (side == Side::at) {
        // (13) at |m| = tau: the minimizer set is {0, rho*}. (26): rho_m = (lambda(1-q))^{1/(2-q)}.
        r.printed = "{0, rho_m}";
        if (pr.L <= 2) {
            r.verdict = Verdict::not_applicable;
            r.detail += "; (26) needs 1 - q != 0";
            return r;
        }
        const Formula rho_m = kp_rho_m(pr.L, pr.lambda, p);
        // The positive local minimizer (slope +1 root) is the rho* of the tie.
        for (const auto& c : M.candidates) {
            if (c.origin || c.root_slope != 1) continue;
            PrecisionGuard guard(p);
            const Real rho = pow(c.s, pr.L);
            r.quantity = "rho_m (26) at |m| = tau";
            r.printed = to_string(*rho_m.value, dg);
            r.computed = to_string(rho, dg);
            // |m| is within 4 eps of tau and d rho/d m = L/(L-1) there: allow 32 eps.
            r.error_eps = eps_distance(rho, *rho_m.value, p).convert_to<double>();
            r.verdict = r.error_eps <= 32 ? Verdict::holds : Verdict::violated;
            return r;
        }
        r.verdict = Verdict::violated;
        r.computed = "no positive local minimizer";
        return r;
    }
    if (M.unique != Decision::yes) {
        r.verdict = Verdict::undecided;
        r.computed = "not separated at this precision";
        return r;
    }
    const bool zero = M.collapsed();
    r.printed = side == Side::below ? "0 (|m| < tau)" : "rho*(m) != 0 (|m| > tau)";
    r.computed = zero ? "0" : to_string(M.rho_star(pr), dg);
    r.verdict = (side == Side::below) == zero ? Verdict::holds : Verdict::violated;
    return r;
}

CheckResult check_kp_t5_tie(int L, const Real& lambda, const Precision& p) {
    if (L < 3) return CheckResult::na("L <= 2: no jump at tau");
    CheckResult r;
    r.quantity = "|L(0) - L(w+)| / (eps m^2) at m = fl(tau), for p, 2p, 4p";
    r.printed = "a tie: O(1) at every precision";
    std::string gaps;
    double worst = 0;
    for (unsigned k : {1u, 2u, 4u}) {
        const Precision pk = p.times(k);
        const Formula tau = kp_tau(L, lambda, pk);
        const ScalarProblem pr{L, rounded(lambda, pk), *tau.value};
        const ScalarMinimizers M = scalar_global_minimizers(pr, pk);
        const ScalarCandidate* plus = nullptr;
        for (const auto& c : M.candidates)
            if (!c.origin && c.root_slope == 1) plus = &c;
        if (!plus) return r.verdict = Verdict::violated, r.computed = "no positive local minimizer at " + std::to_string(pk.bits()) + " bits", r;
        PrecisionGuard guard(pk);
        const Real gap = abs(M.candidates[0].value.mid() - plus->value.mid());
        const Real units = gap / (epsilon(pk) * pr.m * pr.m);
        worst = std::max(worst, units.convert_to<double>());
        gaps += std::to_string(pk.bits()) + " bits: gap " + to_string(gap, 6) + " = " + to_string(units, 4) + " eps m^2; ";
    }
    r.computed = gaps;
    r.error_eps = worst;
    // m = fl(tau) is within eps tau of tau and d(gap)/dm = 2 rho_m <= 2 tau: the gap is <= 4 eps m^2 plus rounding.
    r.verdict = worst <= 64.0 * L ? Verdict::holds : Verdict::violated;
    return r;
}

CheckResult check_kp_t6_printed(const ScalarProblem& pr, const Precision& p, const Eigenvalues29& formula) {
    return hessian_check(pr, p, formula, false);
}

CheckResult check_kp_t6_corrected(const ScalarProblem& pr, const Precision& p, const Eigenvalues29& formula) {
    return hessian_check(pr, p, formula, true);
}

CheckResult check_kp_r7(int L, const Real& m, const Precision& p) {
    const Real limit = kp_lambda_max_limit_51(L, m, p);
    // The asymptotic regime is lambda << |m|^{(2L-2)/L} (then lambda_max - limit = O(lambda)),
    // so lambda is scaled to m: lambda_k = |m|^{(2L-2)/L} 2^-e_k (or 2^-e_k when m = 0).
    Real scale;
    {
        PrecisionGuard guard(p);
        scale = m == 0 ? Real(1) : Real(pow(abs(rounded(m, p)), Real(2 * L - 2) / L));
        if (scale == 0) scale = 1;
    }
    double ratio[2];
    Real noise_ratio;
    std::string values;
    const long exps[2] = {static_cast<long>(p.bits() / 4), static_cast<long>(p.bits() / 2)};
    for (int k = 0; k < 2; ++k) {
        PrecisionGuard guard(p);
        const Real lam = scale * make_real(p, 1, -exps[k]);
        const ScalarProblem pr{L, lam, rounded(m, p)};
        const ScalarMinimizers M = scalar_global_minimizers(pr, p);
        if (M.unique != Decision::yes) return CheckResult::na("minimizer not separated at lambda = " + to_string(lam, 10));
        const auto pts = scalar_minimizer_points(pr, M.candidates[M.minimal[0]], p, 1);
        const Vector eig = scalar_hessian_eigenvalues(pr, pts.at(0), p);
        const Real err = abs(eig(eig.size() - 1) - limit);
        ratio[k] = (err / lam).convert_to<double>();
        // Rounding of lambda_max (about L eps of its size) divided by lambda: the floor of the ratio.
        if (k == 1) noise_ratio = 64 * L * epsilon(p) * (limit + scale) / lam;
        values += "lambda=" + to_string(lam, 6) + ": lambda_max=" + to_string(eig(eig.size() - 1), 20) + "; ";
    }
    CheckResult r;
    r.quantity = "|lambda_max - 2L|m|^{2(1-1/L)}| / lambda as lambda -> 0";
    r.printed = to_string(limit, digits_of(p));
    r.computed = values;
    // Convergence at least linear in lambda: the ratio must not grow (a wrong limit makes it grow like 2^{p/4}).
    r.verdict = ratio[1] <= 4 * ratio[0] + 64 * L + noise_ratio.convert_to<double>() ? Verdict::holds : Verdict::violated;
    r.detail = "err/lambda: " + std::to_string(ratio[0]) + " then " + std::to_string(ratio[1]);
    return r;
}

CheckResult check_cjw_l3_10(int L, const Real& y, const Real& lambda_bar, const Precision& p) {
    const Formula xb = cjw_x_bar(L, lambda_bar, p), yb = cjw_y_bar(L, lambda_bar, p);
    if (!xb.value || !yb.value) return CheckResult::na("printed xbar/ybar undefined: " + xb.undefined_reason);
    const int dg = digits_of(p);
    auto roots_at = [&](const Real& yy) {
        const RationalPolynomial fpoly = critical_polynomial(L, to_rational(yy), to_rational(lambda_bar));
        return positive_roots(fpoly, p);
    };
    const auto roots = roots_at(y);
    PrecisionGuard guard(p);
    const Real margin = 4 * epsilon(p) * *yb.value;
    CheckResult r;
    r.detail = "xbar = " + to_string(*xb.value, dg) + ", ybar = " + to_string(*yb.value, dg) + ", roots:";
    for (const auto& x : roots) r.detail += " " + to_string(x.value, dg) + "(f' sign " + std::to_string(x.derivative_sign) + ")";
    r.computed = std::to_string(roots.size()) + " positive roots";
    if (y > *yb.value + margin) {
        r.quantity = "(i),(iii),(v),(ii) for y > ybar";
        r.printed = "2 distinct positive roots x- < xbar < x+, x- a local max and x+ a local min of G";
        if (roots.size() != 2) return r.verdict = Verdict::violated, r;
        // (iii): G' = L f, so a root where f' < 0 is a local max of G and f' > 0 a local min.
        if (roots[0].derivative_sign != -1 || roots[1].derivative_sign != 1) return r.verdict = Verdict::violated, r;
        // (v) with certified enclosures.
        const Interval xbar(*xb.value, p);
        const Decision lo = certainly_less(roots[0].enclosure, xbar), hi = certainly_less(xbar, roots[1].enclosure);
        if (lo == Decision::no || hi == Decision::no) return r.verdict = Verdict::violated, r;
        // (ii): a larger y moves x+ up and x- down.
        const Real y2 = y * (1 + make_real(p, 1, -24));
        const auto r2 = roots_at(y2);
        if (r2.size() != 2) return r.verdict = Verdict::violated, r.detail += "; at y(1+2^-24) not two roots", r;
        const Decision up = certainly_less(roots[1].enclosure, r2[1].enclosure);
        const Decision down = certainly_less(r2[0].enclosure, roots[0].enclosure);
        if (up == Decision::no || down == Decision::no) return r.verdict = Verdict::violated, r.detail += "; not monotone", r;
        r.verdict = (lo == Decision::yes && hi == Decision::yes && up == Decision::yes && down == Decision::yes)
                        ? Verdict::holds
                        : Verdict::undecided;
        return r;
    }
    if (y < *yb.value - margin) {
        r.quantity = "(i) for y < ybar";
        r.printed = "no positive root";
        r.verdict = roots.empty() ? Verdict::holds : Verdict::violated;
        return r;
    }
    // |y - ybar| within 4 eps: (i)/(iv). A double root at xbar splits by at most O(sqrt(eps)).
    r.quantity = "(i),(iv) at y = ybar";
    r.printed = "one positive root, xbar";
    const Real reach = 64 * L * sqrt(epsilon(p)) * *xb.value;
    if (roots.size() > 2) return r.verdict = Verdict::violated, r;
    double worst = 0;
    for (const auto& x : roots) {
        if (abs(x.value - *xb.value) > reach) return r.verdict = Verdict::violated, r;
        worst = std::max(worst, (abs(x.value - *xb.value) / (sqrt(epsilon(p)) * *xb.value)).convert_to<double>());
    }
    r.detail += "; distance to xbar in sqrt(eps) units: " + std::to_string(worst);
    r.verdict = Verdict::holds;
    return r;
}

CheckResult check_cjw_l3_10_corrected(int L, const Real& y, const Real& lambda_bar, const Precision& p) {
    if (L >= 3) return check_cjw_l3_10(L, y, lambda_bar, p);
    const RationalPolynomial fpoly = critical_polynomial(L, to_rational(y), to_rational(lambda_bar));
    const auto roots = positive_roots(fpoly, p);
    PrecisionGuard guard(p);
    // The threshold: lambdabar at L = 2 (x^2 = y - lambdabar), 0 at L = 1.
    const Real threshold = L == 2 ? rounded(lambda_bar, p) : Real(0);
    const Real margin = 4 * epsilon(p) * threshold;
    CheckResult r;
    r.quantity = "corrected (i) at L = " + std::to_string(L);
    r.computed = std::to_string(roots.size()) + " positive roots";
    if (abs(y - threshold) <= margin) return CheckResult::na("y at the threshold to this precision");
    if (y < threshold) {
        r.printed = "no positive root";
        r.verdict = roots.empty() ? Verdict::holds : Verdict::violated;
        return r;
    }
    const Real expected = L == 2 ? Real(sqrt(y - rounded(lambda_bar, p))) : Real(y / (1 + rounded(lambda_bar, p)));
    r.printed = "one positive root " + to_string(expected, digits_of(p)) + ", f' > 0 there";
    if (roots.size() != 1 || roots[0].derivative_sign != 1) return r.verdict = Verdict::violated, r;
    r.computed = to_string(roots[0].value, digits_of(p));
    // sqrt(y - lambdabar) loses accuracy to cancellation when y is near lambdabar: scale by y / (y - lambdabar).
    const Real cond = L == 2 ? Real(y / (y - rounded(lambda_bar, p))) : Real(1);
    r.error_eps = eps_distance(roots[0].value, expected, p, expected * cond).convert_to<double>();
    r.verdict = r.error_eps <= 8 ? Verdict::holds : Verdict::violated;
    return r;
}

CheckResult check_kp_depth_one(const ScalarProblem& pr, const Precision& p) {
    if (pr.L != 1) return CheckResult::na("L != 1");
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    CheckResult r;
    r.quantity = "L = 1: the unique minimizer m / (1 + lambda)";
    if (M.unique != Decision::yes) return r.verdict = Verdict::violated, r.detail = M.evidence, r;
    PrecisionGuard guard(p);
    const Real expected = rounded(pr.m, p) / (1 + rounded(pr.lambda, p));
    const Real got = M.rho_star(pr);
    r.printed = to_string(expected, digits_of(p));
    r.computed = to_string(got, digits_of(p));
    r.error_eps = eps_distance(got, expected, p).convert_to<double>();
    r.verdict = r.error_eps <= 8 && (pr.m == 0) == M.collapsed() ? Verdict::holds : Verdict::violated;
    return r;
}

CheckResult check_cjw_l3_10_kp_form(const ScalarProblem& pr, const Precision& p) {
    PrecisionGuard guard(p);
    return check_cjw_l3_10(pr.L, abs(rounded(pr.m, p)), rounded(pr.lambda, p) / pr.L, p);
}

CheckResult check_kp_c14_scalar(const ScalarProblem& pr, const Precision& p) {
    PrecisionGuard guard(p);
    const Formula lc = kp_collapse_lambda(pr.L, abs(pr.m), p);
    if (!lc.value) return CheckResult::na("printed collapse lambda undefined: " + lc.undefined_reason);
    CheckResult r;
    r.quantity = "P* = 0 when lambda > lambda_c";
    r.printed = "lambda_c = " + to_string(*lc.value, digits_of(p));
    if (!(pr.lambda > *lc.value * (1 + 4 * epsilon(p)))) return CheckResult::na("lambda <= lambda_c: the claim says nothing");
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    if (M.unique != Decision::yes) {
        r.verdict = Verdict::undecided;
        return r;
    }
    r.computed = M.collapsed() ? "P* = 0" : "P* = " + to_string(M.rho_star(pr), digits_of(p));
    r.verdict = M.collapsed() ? Verdict::holds : Verdict::violated;
    return r;
}

CheckResult check_cjw_a1_scalar(const Real& lambda1, const Real& lambda2, const Real& y, const Precision& p) {
    const Precision work = Precision::from_bits(p.bits() + 32);
    PrecisionGuard guard(work);
    const Real l1 = rounded(lambda1, work), l2 = rounded(lambda2, work), yy = rounded(y, work);
    const Real lbar = sqrt(l1 * l2);
    // w1 = a u1, w2 = u2 / a with a^4 = lambda2/lambda1 turns F into
    // 1/2 (u1 u2 - y)^2 + (lbar/2)(u1^2 + u2^2) = (1/2) KP-loss(u; lambda = 2 lbar, m = y).
    const Real a = sqrt(sqrt(l2 / l1));
    const ScalarProblem kp{2, 2 * lbar, yy};
    const ScalarMinimizers M = scalar_global_minimizers(kp, work);
    CheckResult r;
    r.quantity = "sigma(W2 W1) = (y - sqrt(lambda1 lambda2))_+";
    if (M.unique != Decision::yes) return r.verdict = Verdict::undecided, r;
    const Real printed = std::max(Real(0), Real(yy - lbar));
    const Real computed = abs(M.rho_star(kp));
    r.printed = to_string(printed, digits_of(p));
    r.computed = to_string(computed, digits_of(p));
    r.error_eps = eps_distance(computed, printed, p, Real(abs(yy) + lbar)).convert_to<double>();  // homogeneous
    if (r.error_eps > 16) return r.verdict = Verdict::violated, r;
    // Every critical point: a global minimizer or a strict saddle (Hessian from the definition).
    Instance inst;
    inst.L = 2;
    inst.dims = {1, 1, 1};
    inst.convention = Convention::cjw;
    inst.lambda = {l1, l2};
    inst.target = zeros(1, 1, work);
    inst.target(0, 0) = yy;
    const Interval fmin = M.candidates[M.minimal[0]].value;
    for (const auto& c : M.candidates) {
        for (const auto& u : scalar_minimizer_points(kp, c, work)) {
            Matrix w1 = zeros(1, 1, work), w2 = zeros(1, 1, work);
            w1(0, 0) = a * u[0];
            w2(0, 0) = u[1] / a;
            const Weights w{w1, w2};
            const Real scale = 1 + yy * yy + l1 + l2 + w1(0, 0) * w1(0, 0) + w2(0, 0) * w2(0, 0);
            if (gradient_norm(inst, w, work) > 1024 * epsilon(p) * scale) {
                r.verdict = Verdict::undecided;
                r.detail = "reparametrized point is not critical to working precision";
                return r;
            }
            const auto eig = symmetric_eigen(hessian(inst, w, work), work, false);
            const bool global = certainly_less(fmin, c.value) != Decision::yes;
            if (global) continue;
            // The smallest eigenvalue is known to a few eps of the working precision times ||H||
            // (here up to 1e20 times the smallest entry: lambda_1, lambda_2 span 40 decades).
            const Real hnorm = std::max(abs(eig.values(0)), abs(eig.values(eig.values.size() - 1)));
            const Real tol = 64 * epsilon(work) * hnorm;
            if (eig.values(0) < -tol) continue;  // a strict saddle
            if (eig.values(0) <= tol) {
                // Zero to working precision: no decision here (the flat direction would need higher order).
                r.verdict = Verdict::undecided;
                r.detail = "critical point s = " + to_string(c.s, 20) + ": smallest Hessian eigenvalue " +
                           to_string(eig.values(0), 20) + " is zero to working precision";
                return r;
            }
            // Positive definite and not global: a spurious local minimizer.
            r.verdict = Verdict::violated;
            r.quantity = "every critical point is a global minimizer or a strict saddle";
            r.computed = "critical point s = " + to_string(c.s, 20) + " with Hessian min eigenvalue " +
                         to_string(eig.values(0), 20);
            return r;
        }
    }
    r.verdict = Verdict::holds;
    return r;
}

}  // namespace dmf
