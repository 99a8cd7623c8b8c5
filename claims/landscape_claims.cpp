#include "claims/landscape_claims.hpp"

#include <optional>
#include "dmf/numerics/tolerance_policy.hpp"

#include "dmf/landscape/multistart.hpp"

#include "dmf/landscape/critical_search.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/line_expansion.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>

namespace dmf {

namespace {

// "y_i > ybar" as printed, decided exactly next to ybar: y = ybar iff f(.; y) has a positive
// double root, y > ybar iff it has a root with f' > 0 (polynomial.hpp, exact over Q).
bool above_ybar(const Real& y, const Real& ybar, const std::vector<int>& slopes, const Precision& p) {
    PrecisionGuard g(p);
    if (abs(y - ybar) > 16 * epsilon(p) * ybar) return y > ybar;
    return std::find(slopes.begin(), slopes.end(), 1) != slopes.end();
}

}  // namespace

std::string predict_t2_2(const Instance& inst, const TargetSvd& svd, const Orbit& o, const Precision& p,
                         T22Variant variant, const std::vector<ThresholdPosition>* positions) {
    const int L = inst.L;
    if (L < 3) return "not_applicable";
    // sign(y_j - threshold) as the landscape decided it (exactly or by an enclosure), if it did.
    const auto decided = [&](int j, const char* threshold) -> std::optional<int> {
        if (!positions) return std::nullopt;
        for (const auto& q : *positions)
            if (q.index == j && q.threshold == threshold && q.relation != 2) return q.relation;
        return std::nullopt;
    };
    const Real lb = lambda_bar(inst, p);
    const Real ybar = *cjw_y_bar(L, lb, p).value;
    std::vector<std::vector<int>> slopes;
    const auto roots = roots_per_index(inst, svd.y, p, &slopes);
    const int r = static_cast<int>(svd.y.size());
    PrecisionGuard g(p);
    bool aligned = true, any_minus = false, all_plus = true, any_double = false;
    int active = 0;
    for (int j = 0; j < r; ++j) {
        if (o.choice[j] == 0) continue;
        ++active;
        int slope = o.root_slope[j];
        if (variant == T22Variant::swapped_roots) slope = -slope;
        any_minus = any_minus || slope < 0;
        any_double = any_double || slope == 0;
        const auto yb = decided(j, "ybar");
        all_plus = all_plus && slope > 0 && (yb ? *yb > 0 : above_ybar(svd.y[j], ybar, slopes[j], p));
        for (int i = 0; i < r; ++i)
            if (o.choice[i] == 0 && svd.y[i] > svd.y[j] && svd.block[i] != svd.block[j]) aligned = false;
    }
    if (any_minus || !aligned) return "strict_saddle";  // (i)
    if (all_plus) {                                      // (ii); (iii) with p* of (10)
        int p_strict = 0, p_weak = 0;
        const int range = std::min(inst.d_min(), r);
        for (int i = 0; i < range; ++i) {
            const auto yb = decided(i, "ybar");
            if (!(yb ? *yb > 0 : above_ybar(svd.y[i], ybar, slopes[i], p))) continue;
            // G(x+) - G(0) decreases in y and vanishes at y* (CJW (10)): its sign is -sign(y - y*).
            if (const auto ys = decided(i, "the tie y*")) {
                if (*ys > 0) ++p_strict;
                if (*ys >= 0) ++p_weak;
                continue;
            }
            Real xplus = 0;
            for (size_t k = 0; k < roots[i].size(); ++k)
                if (slopes[i][k] > 0) xplus = roots[i][k];
            const Real g0 = cjw_G(L, Real(0), svd.y[i], lb, p), gp = cjw_G(L, xplus, svd.y[i], lb, p);
            const Real tie = 64 * L * epsilon(p) * (abs(g0) + abs(gp));
            if (gp - g0 < -tie) ++p_strict;  // G(x+) < G(0), strictly as printed
            if (gp - g0 <= tie) ++p_weak;
        }
        const bool global = variant == T22Variant::corrected ? (p_strict <= active && active <= p_weak)
                                                             : active == p_strict;
        return global ? "global_minimizer" : "spurious_local_minimizer";
    }
    if (any_double) return "non_strict_saddle";  // (iv)
    return "no_prediction";
}

CheckResult check_cjw_t2_2(const Instance& inst, const Landscape& land, const Precision& p, T22Variant variant) {
    if (inst.L < 3) return CheckResult::na("T2.2 is stated for L >= 3");
    CheckResult r;
    r.quantity = "T2.2's type of every critical orbit against the first-principles type";
    int agree = 0;
    bool undecided = false;
    for (const auto& o : land.orbits) {
        const std::string predicted = predict_t2_2(inst, land.svd, o.orbit, p, variant, &land.positions);
        if (o.computed == "undecided") {
            undecided = true;
            r.detail += root_label_string(o.orbit) + " undecided (" + o.classification.evidence + "); ";
            continue;
        }
        if (predicted == o.computed) {
            ++agree;
            continue;
        }
        r.verdict = Verdict::violated;
        r.printed = predicted + " for the orbit x = " + root_label_string(o.orbit);
        r.computed = o.computed + ": " + o.classification.evidence + "; F = " + to_string(o.classification.loss, 30) +
                     ", global value " + to_string(land.global_value, 30);
        r.detail = std::to_string(agree) + " of " + std::to_string(land.orbits.size()) +
                   " orbits agreed before this one; landscape: " + land.summary();
        return r;
    }
    r.verdict = undecided ? Verdict::undecided : Verdict::holds;
    r.detail = std::to_string(agree) + " of " + std::to_string(land.orbits.size()) + " orbits agree. " + r.detail;
    return r;
}

CheckResult check_cjw_c2_3(const Instance& inst, const Landscape& land, const Precision& p, bool corrected) {
    if (inst.L < 3) return CheckResult::na("C2.3 is stated for L >= 3");
    const Real lb = lambda_bar(inst, p);
    const Real ybar = *cjw_y_bar(inst.L, lb, p).value;
    std::vector<std::vector<int>> slopes;
    roots_per_index(inst, land.svd.y, p, &slopes);
    const int r = static_cast<int>(land.svd.y.size());
    const int range = corrected ? std::min(r, inst.d_min()) : r;
    bool on = false;
    PrecisionGuard g(p);
    for (int i = 0; i < range; ++i)
        if (abs(land.svd.y[i] - ybar) <= 16 * epsilon(p) * ybar &&
            std::find(slopes[i].begin(), slopes[i].end(), 0) != slopes[i].end())
            on = true;
    bool found = false;
    for (const auto& o : land.orbits) found = found || o.computed == "non_strict_saddle";
    CheckResult c;
    c.quantity = std::string("a non-strict saddle exists iff some y_i = ybar, i in ") +
                 (corrected ? "[d_min]" : "[min(d_0, d_L)]");
    c.printed = std::string(on ? "some y_i = ybar: a non-strict saddle exists" : "no y_i = ybar: none exists") +
                " (ybar = " + to_string(ybar, 30) + ", d_min = " + std::to_string(inst.d_min()) + ")";
    c.computed = std::string(found ? "a non-strict saddle found" : "no non-strict saddle") + "; landscape: " +
                 land.summary();
    if (on != found && !(land.undecided && !found)) return c.verdict = Verdict::violated, c;
    c.verdict = land.undecided ? Verdict::undecided : Verdict::holds;
    return c;
}

CheckResult check_cjw_a1(const Instance& inst, const Landscape& land, const Precision& p, bool corrected) {
    if (inst.L != 2) return CheckResult::na("A1 is the L = 2 case");
    const Real lb = lambda_bar(inst, p);  // sqrt(lambda_1 lambda_2)
    const int r = static_cast<int>(land.svd.y.size());
    CheckResult c;
    c.quantity = "L = 2: global minimizers have sigma_i(P) = (y_i - sqrt(lambda_1 lambda_2))_+; no other types";
    bool undecided = false;
    int globals = 0;
    PrecisionGuard g(p);
    const Real tol = 4096 * (r + 2) * epsilon(p) * (land.svd.y.empty() ? Real(1) : Real(land.svd.y[0] + lb));
    for (const auto& o : land.orbits) {
        if (o.computed == "undecided") {
            undecided = true;
            c.detail += root_label_string(o.orbit) + " undecided (" + o.classification.evidence + "); ";
            continue;
        }
        if (o.computed != "global_minimizer" && o.computed != "strict_saddle") {
            c.verdict = Verdict::violated;
            c.printed = "global_minimizer or strict_saddle";
            c.computed = o.computed + " at x = " + root_label_string(o.orbit) + ": " + o.classification.evidence;
            return c;
        }
        if (o.computed != "global_minimizer") continue;
        ++globals;
        const auto s = svd(end_to_end(inst, o.point, p), p, false);
        for (int i = 0; i < r; ++i) {
            Real printed = std::max(Real(land.svd.y[i] - lb), Real(0));
            if (corrected && i >= inst.d_min()) printed = 0;
            const Real err = abs(s.sigma(i) - printed);
            c.error_eps = std::max(c.error_eps, static_cast<double>(err / (epsilon(p) * (land.svd.y[0] + lb))));
            if (err > tol) {
                c.verdict = Verdict::violated;
                c.printed = "sigma_" + std::to_string(i + 1) + "(P) = " + to_string(printed, 30);
                c.computed = to_string(s.sigma(i), 30) + " at the global minimizer x = " + root_label_string(o.orbit) +
                             " (d_min = " + std::to_string(inst.d_min()) + ")";
                return c;
            }
        }
    }
    c.detail = std::to_string(globals) + " global orbit(s) of " + std::to_string(land.orbits.size()) + ". " + c.detail;
    c.verdict = undecided ? Verdict::undecided : Verdict::holds;
    return c;
}

CheckResult check_classifier_against_line_signs(const Instance& inst, const ClassifiedOrbit& o, const Precision& p) {
    CheckResult c;
    c.quantity = "sign of F(w + t v) - F(w) along Hessian eigenvectors against the classification";
    const Classification& cl = o.classification;
    if (cl.kind == PointKind::not_critical || cl.kind == PointKind::undecided)
        return CheckResult::na("no classification to cross-check");
    const Matrix H = hessian(inst, o.point, p);
    const auto e = symmetric_eigen(H, p, true);
    if (e.status != Status::ok) return CheckResult::na("eigensolver did not converge");
    const Precision hi = Precision::from_bits(2 * p.bits());
    const Real f0 = loss(inst, o.point, hi);
    const Vector theta = flatten(inst, o.point, hi);
    int checked = 0, descent = 0, skipped_negative = 0;
    PrecisionGuard g(hi);
    for (Eigen::Index i = 0; i < e.values.size(); ++i) {
        const Real mu = e.values(i);
        if (abs(mu) <= cl.zero_threshold) continue;
        const Vector v = rounded(Vector(e.vectors.col(i)), hi);
        // t small enough that the quadratic term dominates every higher one (bounded by the
        // triangle-inequality magnitudes of the exact line polynomial), large enough to clear rounding.
        // Expanded at 2p: the point is critical only to p's rounding, and its linear term (the gradient
        // along v, at rounding level of p) must be known accurately to be dominated below.
        const LineExpansion x = expand_along_line(inst, o.point, unflatten(inst, v, hi), hi);
        Real t = 1;
        for (size_t k = 3; k < x.magnitude.size(); ++k)
            if (x.magnitude[k] > 0)
                t = std::min(t, Real(pow(abs(mu) / (16 * x.magnitude.size() * x.magnitude[k]), Real(1) / (k - 2))));
        const Real quad = mu * t * t / 2;
        // The point is critical only to p's rounding: its linear term |grad F . v| t must be
        // dominated too, and so must the rounding of F at 2p.
        const Real linear = abs(x.coefficient[1]) * t;
        const Real noise = 64 * static_cast<long>(theta.size() + 2) * epsilon(hi) * (dmf::tolerance::guarded_scale(abs(f0) + x.magnitude[0], p));
        if (abs(quad) <= 1024 * noise || abs(quad) <= 8 * linear) {  // the sign is not resolvable here: not checked
            skipped_negative += mu < 0;
            continue;
        }
        const Real fp = loss(inst, unflatten(inst, theta + t * v, hi), hi) - f0;
        const Real fm = loss(inst, unflatten(inst, theta - t * v, hi), hi) - f0;
        ++checked;
        const int s = mu > 0 ? 1 : -1;
        if ((fp > 0 ? 1 : -1) != s || (fm > 0 ? 1 : -1) != s) {
            c.verdict = Verdict::violated;
            c.printed = "Hessian eigenvalue " + to_string(mu, 20) + " (" + to_string(cl.kind) + ")";
            c.computed = "F(w + t v) - F = " + to_string(fp, 20) + ", F(w - t v) - F = " + to_string(fm, 20) +
                         " at t = " + to_string(t, 6);
            return c;
        }
        descent += s < 0;
    }
    // The type itself: a local minimizer has no descent direction among them; a strict saddle has one.
    const bool saddle = cl.kind == PointKind::strict_saddle || cl.kind == PointKind::local_maximizer;
    const bool ok = saddle ? descent > 0 : descent == 0;
    // A type settled by precision escalation may rest on eigenvalues below p's zero threshold.
    const bool escalated = cl.evidence.find("[precision escalation") != std::string::npos;
    c.verdict = ok ? Verdict::holds
                   : (saddle && skipped_negative > 0) || escalated ? Verdict::undecided : Verdict::violated;
    c.printed = to_string(cl.kind);
    c.computed = std::to_string(checked) + " eigen-directions checked, " + std::to_string(descent) + " of descent";
    return c;
}

}  // namespace dmf

namespace dmf {

namespace {
constexpr std::uint64_t fixed_seed = 1;
// The last instance's landscape (fixed seed): several claims are checked on the same instance in a row.
const Landscape& cached_landscape(const Instance& inst, const Precision& p) {
    thread_local std::string key;
    thread_local Landscape land;
    std::string k = instance_to_json(inst).dump() + "@" + std::to_string(p.bits());
    if (k != key) {
        land = classify_landscape(inst, p, fixed_seed);
        key = std::move(k);
    } else {
        record_landscape_decisions(land);  // each check on it rests on its certificates (decision_log.hpp)
    }
    return land;
}
}

CheckResult check_cjw_t2_2_printed_on(const Instance& inst, const Precision& p) {
    return check_cjw_t2_2(inst, cached_landscape(inst, p), p, T22Variant::printed);
}
CheckResult check_cjw_t2_2_corrected_on(const Instance& inst, const Precision& p) {
    return check_cjw_t2_2(inst, cached_landscape(inst, p), p, T22Variant::corrected);
}
CheckResult check_cjw_c2_3_printed_on(const Instance& inst, const Precision& p) {
    return check_cjw_c2_3(inst, cached_landscape(inst, p), p, false);
}
CheckResult check_cjw_c2_3_corrected_on(const Instance& inst, const Precision& p) {
    return check_cjw_c2_3(inst, cached_landscape(inst, p), p, true);
}
CheckResult check_cjw_a1_printed_on(const Instance& inst, const Precision& p) {
    return check_cjw_a1(inst, cached_landscape(inst, p), p, false);
}
CheckResult check_cjw_a1_corrected_on(const Instance& inst, const Precision& p) {
    return check_cjw_a1(inst, cached_landscape(inst, p), p, true);
}

}  // namespace dmf

#include "dmf/landscape/prox.hpp"
#include "dmf/landscape/sharpness.hpp"

namespace dmf {

namespace {

bool equal_lambdas(const Instance& inst, const Precision& p) {
    const CjwForm f = cjw_form(inst, p);
    return std::all_of(f.lambda.begin(), f.lambda.end(), [&](const Real& l) { return l == f.lambda[0]; });
}

Instance as_kp(const Instance& inst, const Precision& p) {
    Instance kp = inst;
    if (inst.convention == Convention::kp) return kp;
    PrecisionGuard g(p);
    kp.convention = Convention::kp;
    kp.lambda = {cjw_form(inst, p).lambda[0] * inst.L};
    return kp;
}

Real half_tol(const Precision& p, const Real& scale) {
    PrecisionGuard g(p);
    return make_real(p, 1, -static_cast<long>(p.bits() / 2)) * (dmf::tolerance::guarded_scale(scale, p));
}

// The landscape a check runs on, computed only once the check is past its preconditions:
// solve passes the one it has classified, the search and replay the cached one (fixed seed).
using LandscapeSource = std::function<const Landscape&()>;

// Runs `per_point` on every orbit (all = true) or every global orbit; the worst result wins.
template <class F>
CheckResult over_orbits(const LandscapeSource& landscape, bool all, const char* quantity, F&& per_point) {
    const Landscape& land = landscape();
    CheckResult acc;
    acc.quantity = quantity;
    acc.verdict = Verdict::holds;
    int n = 0;
    for (const auto& o : land.orbits) {
        if (!all && o.computed != "global_minimizer") continue;
        ++n;
        CheckResult r = per_point(o, land);
        r.quantity = quantity;
        if (r.verdict == Verdict::violated) {
            r.detail = "orbit " + root_label_string(o.orbit) + ": " + r.detail;
            return r;
        }
        if (r.verdict == Verdict::undecided) acc.verdict = Verdict::undecided;
    }
    if (n == 0) return CheckResult::na(all ? "no orbit" : "no orbit decided global");
    return acc;
}

}  // namespace

static CheckResult cjw_t2_1_if(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    return over_orbits(land, true, "every orbit (6)-(7) is critical", [&](const ClassifiedOrbit& o, const Landscape&) {
        CheckResult r;
        r.verdict = o.classification.kind == PointKind::not_critical ? Verdict::violated : Verdict::holds;
        r.printed = "critical";
        r.computed = o.classification.evidence;
        return r;
    });
}

static CheckResult cjw_l3_11(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    return over_orbits(land, true, "no critical point is a local maximizer", [&](const ClassifiedOrbit& o, const Landscape&) {
        CheckResult r;
        r.verdict = o.computed == "local_maximizer" ? Verdict::violated : Verdict::holds;
        r.printed = "not a local maximizer";
        r.computed = o.computed;
        return r;
    });
}

namespace {
// max_l || c_l W_l W_l^T - c_{l+1} W_{l+1}^T W_{l+1} || with c = lambda (CJW) or 1 (KP, equal lambda).
CheckResult balanced(const Instance& inst, const Weights& w, const Precision& p, bool weighted) {
    const CjwForm f = cjw_form(inst, p);
    PrecisionGuard g(p);
    Real worst = 0, scale = 0;
    for (int l = 1; l < inst.L; ++l) {
        const Real a = weighted ? f.lambda[l - 1] : Real(1), b = weighted ? f.lambda[l] : Real(1);
        const Matrix lhs = a * matmul(w[l - 1], w[l - 1].transpose(), p);
        const Matrix rhs = b * matmul_transpose_left(w[l], w[l], p);
        worst = std::max(worst, Real(sqrt(frobenius_norm_squared(Matrix(lhs - rhs), p))));
        scale = std::max(scale, Real(sqrt(frobenius_norm_squared(lhs, p)) + sqrt(frobenius_norm_squared(rhs, p))));
    }
    CheckResult r;
    r.error_eps = static_cast<double>(worst / (epsilon(p) * (dmf::tolerance::guarded_scale(scale, p))));
    r.printed = "0";
    r.computed = to_string(worst, 20);
    r.verdict = r.error_eps > 1e4 * (inst.L + 4) ? Verdict::violated : Verdict::holds;
    return r;
}
}  // namespace

static CheckResult cjw_l3_3(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    if (inst.L < 2) return CheckResult::na("balancedness needs two layers");
    return over_orbits(land, true, "lambda_l W_l W_l^T = lambda_{l+1} W_{l+1}^T W_{l+1} at every orbit",
                       [&](const ClassifiedOrbit& o, const Landscape&) { return balanced(inst, o.point, p, true); });
}

static CheckResult kp_t2(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    if (inst.L < 2 || !equal_lambdas(inst, p)) return CheckResult::na("KP's claims need equal lambda_l and L >= 2");
    return over_orbits(land, false, "W_i W_i^T = W_{i+1}^T W_{i+1} at global minimizers",
                       [&](const ClassifiedOrbit& o, const Landscape&) { return balanced(inst, o.point, p, false); });
}

static CheckResult kp_t3(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    if (!equal_lambdas(inst, p)) return CheckResult::na("KP's claims need equal lambda_l");
    for (int l = 1; l < inst.L; ++l)
        if (inst.dims[l] < inst.rank_bound()) return CheckResult::na("T3's width precondition fails");
    const Instance kp = as_kp(inst, p);
    const Prox x = kp_prox(kp.target, kp.L, kp.lambda[0], p);
    return over_orbits(land, false, "min L = the Schatten minimum (prox value)", [&](const ClassifiedOrbit& o, const Landscape&) {
        CheckResult r;
        const Real v = loss(kp, o.point, p);
        PrecisionGuard g(p);
        const Real tol = half_tol(p, Real(abs(x.schatten_value) + frobenius_norm_squared(kp.target, p)));
        r.printed = to_string(x.schatten_value, 30);
        r.computed = to_string(v, 30);
        r.verdict = abs(v - x.schatten_value) > tol ? Verdict::violated : Verdict::holds;
        return r;
    });
}

static CheckResult kp_t10(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    const Real lam = lambda_bar(inst, p) * inst.L;
    const Prox x = kp_prox(rounded(inst.target, p), inst.L, lam, p);
    if (!x.ties.empty() || x.continuum) return CheckResult::na("on E (a tie at tau)");
    int rank = 0;
    for (const auto& v : x.x) rank += v > 0;
    if (rank > inst.d_min()) return CheckResult::na("the prox's rank exceeds d_min (X.GLOBAL's width gap)");
    return over_orbits(land, false, "global minimizers have P = U diag(prox) V^T", [&](const ClassifiedOrbit& o, const Landscape&) {
        CheckResult r;
        PrecisionGuard g(p);
        const Real err = sqrt(frobenius_norm_squared(Matrix(end_to_end(inst, o.point, p) - x.m_star), p));
        const Real scale = sqrt(frobenius_norm_squared(inst.target, p));
        r.error_eps = static_cast<double>(err / (epsilon(p) * (dmf::tolerance::guarded_scale(scale, p))));
        r.printed = "||P - M*|| = 0";
        r.computed = to_string(err, 20);
        r.verdict = err > half_tol(p, scale) ? Verdict::violated : Verdict::holds;
        return r;
    });
}

static CheckResult kp_c13(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    if (!equal_lambdas(inst, p)) return CheckResult::na("KP's claims need equal lambda_l");
    return over_orbits(land, false, "||W_i||_F constant over layers at global minimizers", [&](const ClassifiedOrbit& o, const Landscape&) {
        CheckResult r;
        PrecisionGuard g(p);
        Real lo = -1, hi = 0;
        for (const auto& w : o.point) {
            const Real n = sqrt(frobenius_norm_squared(w, p));
            lo = lo < 0 ? n : std::min(lo, n);
            hi = std::max(hi, n);
        }
        r.error_eps = static_cast<double>((hi - lo) / (epsilon(p) * (dmf::tolerance::guarded_scale(hi, p))));
        r.printed = "equal norms";
        r.computed = "spread " + to_string(Real(hi - lo), 10);
        r.verdict = hi - lo > half_tol(p, hi) ? Verdict::violated : Verdict::holds;
        return r;
    });
}

static CheckResult kp_t15(const Instance& inst, const LandscapeSource& land, const Precision& p) {
    if (!equal_lambdas(inst, p)) return CheckResult::na("KP's claims need equal lambda_l");
    const Instance kp = as_kp(inst, p);
    return over_orbits(land, false, "tr Hess >= (81) at global minimizers", [&](const ClassifiedOrbit& o, const Landscape&) {
        const Sharpness s = sharpness(kp, o.point, p);
        CheckResult r;
        if (!s.bound_81) return CheckResult::na("0/0 at a collapsed minimizer (the registry's caveat)");
        PrecisionGuard g(p);
        r.printed = "bound " + to_string(*s.bound_81, 30);
        r.computed = "trace " + to_string(s.trace, 30);
        r.verdict = s.trace < *s.bound_81 - half_tol(p, Real(abs(s.trace))) ? Verdict::violated : Verdict::holds;
        return r;
    });
}

// The claims on a given landscape (solve) and on the cached one (search, replay, properties).
CheckResult check_cjw_t2_1_if(const Instance& inst, const Landscape& land, const Precision& p) {
    return cjw_t2_1_if(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_cjw_t2_1_if_on(const Instance& inst, const Precision& p) {
    return cjw_t2_1_if(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}
CheckResult check_cjw_l3_11(const Instance& inst, const Landscape& land, const Precision& p) {
    return cjw_l3_11(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_cjw_l3_11_on(const Instance& inst, const Precision& p) {
    return cjw_l3_11(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}
CheckResult check_cjw_l3_3(const Instance& inst, const Landscape& land, const Precision& p) {
    return cjw_l3_3(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_cjw_l3_3_on(const Instance& inst, const Precision& p) {
    return cjw_l3_3(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}
CheckResult check_kp_t2(const Instance& inst, const Landscape& land, const Precision& p) {
    return kp_t2(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_kp_t2_on(const Instance& inst, const Precision& p) {
    return kp_t2(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}
CheckResult check_kp_t3(const Instance& inst, const Landscape& land, const Precision& p) {
    return kp_t3(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_kp_t3_on(const Instance& inst, const Precision& p) {
    return kp_t3(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}
CheckResult check_kp_t10(const Instance& inst, const Landscape& land, const Precision& p) {
    return kp_t10(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_kp_t10_on(const Instance& inst, const Precision& p) {
    return kp_t10(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}
CheckResult check_kp_c13(const Instance& inst, const Landscape& land, const Precision& p) {
    return kp_c13(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_kp_c13_on(const Instance& inst, const Precision& p) {
    return kp_c13(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}
CheckResult check_kp_t15(const Instance& inst, const Landscape& land, const Precision& p) {
    return kp_t15(inst, [&]() -> const Landscape& { return land; }, p);
}
CheckResult check_kp_t15_on(const Instance& inst, const Precision& p) {
    return kp_t15(inst, [&]() -> const Landscape& { return cached_landscape(inst, p); }, p);
}

}  // namespace dmf
