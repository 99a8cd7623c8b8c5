#include "dmf/landscape/landscape.hpp"

#include "dmf/landscape/multistart.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/numerics/random.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace dmf::inline landscape {

std::vector<std::string> root_labels(const Orbit& o, int L) {
    std::vector<std::string> out;
    for (size_t j = 0; j < o.x.size(); ++j)
        out.push_back(o.choice[j] == 0 ? "0" : L <= 2 ? "x" : o.root_slope[j] > 0 ? "x+" : o.root_slope[j] < 0 ? "x-" : "xbar");
    return out;
}

std::string root_label_string(const Orbit& o) {
    std::string s = "[";
    for (size_t j = 0; j < o.x.size(); ++j) {
        if (j) s += ", ";
        s += o.choice[j] == 0 ? "0" : o.root_slope[j] > 0 ? "x+" : o.root_slope[j] < 0 ? "x-" : "xbar";
    }
    return s + "]";
}

namespace {

long long parameter_count(const Instance& inst) {
    long long n = 0;
    for (int l = 1; l <= inst.L; ++l) n += static_cast<long long>(inst.dims[l]) * inst.dims[l - 1];
    return n;
}

// The same orbit (the same root index and the same root type -- x-, x+ or the double root xbar -- at
// every singular index), rebuilt and classified at precision q. The choice vector alone is not enough:
// when y sits within p's rounding of ybar (a Haar-rotated target stored at p, say), the double root at p
// splits into x- < x+ at 2p, and root index 1 becomes x-, a different orbit.
std::optional<Classification> classify_orbit_at(const Instance& inst, std::uint64_t seed, const Orbit& orbit,
                                                const Precision& q) {
    const Instance up = at_precision(inst, q);
    Rng rng(seed);
    const TargetSvd t = target_svd(up, rng, q);
    for (const auto& o : enumerate_orbits(up, t, q, 512))
        if (o.choice == orbit.choice && o.root_slope == orbit.root_slope)
            return classify_point(up, orbit_point(up, t, o, rng, q), q);
    return std::nullopt;  // the root structure moved with the precision (y within rounding of a threshold)
}

// Higher-order decisions and undecided cases are repeated at 2p and, if the two differ, 4p:
// a near-zero eigenvalue below p's threshold (e.g. y within rounding of a threshold) would
// otherwise pass for an exact zero. Two consecutive agreeing precisions decide.
void escalate(const Instance& inst, std::uint64_t seed, ClassifiedOrbit& o, const Precision& p) {
    const Classification& c = o.classification;
    if (c.beyond_orbit <= 0 && c.kind != PointKind::undecided) return;
    PointKind previous = c.kind;
    std::string trail = std::to_string(p.bits()) + " bits: " + to_string(c.kind);
    for (unsigned factor : {2u, 4u}) {
        const auto q = p.times(factor);
        const auto cq = classify_orbit_at(inst, seed, o.orbit, q);
        if (!cq) {
            trail += "; " + std::to_string(q.bits()) + " bits: the orbit does not exist";
            break;
        }
        trail += "; " + std::to_string(q.bits()) + " bits: " + to_string(cq->kind);
        if (cq->kind == previous && cq->kind != PointKind::undecided) {
            o.classification.kind = cq->kind;
            o.classification.evidence += " [precision escalation: " + trail + "]";
            return;
        }
        previous = cq->kind;
    }
    o.classification.kind = PointKind::undecided;
    o.classification.evidence += " [precision escalation did not settle: " + trail + "]";
}

}  // namespace

ClassifiedOrbit classify_orbit(const Instance& inst, const TargetSvd& svd, const Orbit& o, std::uint64_t seed,
                               const Precision& p) {
    Rng rng(seed);
    target_svd(inst, rng, p);  // the same draws as the caller's svd, so the rotations that follow match escalation's
    ClassifiedOrbit c;
    c.orbit = o;
    c.point = orbit_point(inst, svd, o, rng, p);
    c.classification = classify_point(inst, c.point, p);
    escalate(inst, seed, c, p);
    return c;
}

std::string Landscape::summary() const {
    std::string s;
    for (const auto& o : orbits) s += root_label_string(o.orbit) + " " + o.computed + "; ";
    return s;
}

ThresholdDecision threshold_decision_precision(const Instance& inst, const Precision& p, unsigned max_bits) {
    ThresholdDecision d{p, {}, true};
    const int L = inst.L;
    Instance iq = at_precision(inst, p);
    for (Precision q = p;; q = q.times(2)) {
        const auto sv = svd(iq.target, q, false);
        // The input is exactly representable at q (binary data, as the generators make) when it
        // reads the same at 2q; the instance at 2q is the next round's.
        const Precision q2 = q.times(2);
        Instance iq2 = at_precision(inst, q2);
        const bool exact_here =
            iq2.target == rounded(iq.target, q2) &&
            std::equal(iq.lambda.begin(), iq.lambda.end(), iq2.lambda.begin(), iq2.lambda.end(),
                       [&](const Real& a, const Real& b) { return rounded(a, q2) == b; });
        if (sv.status != Status::ok) return d;
        PrecisionGuard g(q);
        const Real lb = lambda_bar(iq, q);
        // Where the structure changes: L >= 3: ybar (roots appear) and the tie of CJW (10) (x+
        // becomes global; KP's tau with lambda = L lambdabar, KP.T5); L = 2: lambdabar; L = 1: 0.
        std::vector<std::pair<std::string, Real>> thresholds;
        if (L >= 3) {
            if (auto yb = cjw_y_bar(L, lb, q).value) thresholds.push_back({"ybar", *yb});
            if (auto t = kp_tau(L, Real(L * lb), q).value) thresholds.push_back({"the tie y*", *t});
        } else if (L == 2) {
            thresholds.push_back({"lambdabar", lb});
        }
        // sigma_i is known to the SVD's backward error plus the input's rounding at q; each printed
        // threshold to a few ulps (32 guard bits, then one rounding) times its conditioning in lambdabar.
        const Real sigma_err = tolerance::singular_value_tie(iq.target.rows(), iq.target.cols(),
                                                             sv.sigma.size() ? Real(sv.sigma(0)) : Real(0), q) +
                               epsilon(q) * sqrt(frobenius_norm_squared(iq.target, q));
        std::string ambiguous;
        for (Eigen::Index i = 0; i < sv.sigma.size(); ++i)
            for (const auto& [name, t] : thresholds) {
                const Real gap = abs(sv.sigma(i) - t);
                // An exact zero gap on exactly representable data is decided exactly downstream
                // (the double root of f over Q); anything else within the errors is not decided here.
                if (gap == 0 && exact_here) continue;
                if (gap <= sigma_err + 16 * L * epsilon(q) * t)
                    ambiguous += "y_" + std::to_string(i + 1) + " within " + to_string(Real(sigma_err + 16 * L * epsilon(q) * t), 3) +
                                 " of " + name + " at " + std::to_string(q.bits()) + " bits; ";
            }
        if (ambiguous.empty()) {
            d.precision = q;
            if (!(q == p)) d.note = "the target's position against the thresholds needed " + std::to_string(q.bits()) + " bits";
            return d;
        }
        if (q.bits() * 2 > max_bits) {
            d.decided = false;
            d.note = "not decided up to " + std::to_string(q.bits()) + " bits: " + ambiguous;
            return d;
        }
        iq = std::move(iq2);
    }
}

Landscape classify_landscape(const Instance& inst_in, const Precision& p_in, std::uint64_t seed, int starts, bool dense) {
    // Work where the target's position against every threshold is decided (from the exact input).
    const ThresholdDecision td = threshold_decision_precision(inst_in, p_in);
    const Precision p = td.decided ? td.precision : p_in;
    const Instance inst = p == p_in ? inst_in : at_precision(inst_in, p);
    Landscape land;
    land.decided_bits = p.bits();
    land.decision_note = td.note;
    Rng rng(seed);
    land.svd = target_svd(inst, rng, p);
    constexpr int kMaxOrbits = 512;
    const auto orbits = enumerate_orbits(inst, land.svd, p, kMaxOrbits);
    land.complete = static_cast<int>(orbits.size()) < kMaxOrbits;
    for (const auto& o : orbits) {
        ClassifiedOrbit c;
        c.orbit = o;
        c.point = orbit_point(inst, land.svd, o, rng, p);
        if (dense) {
            c.classification = classify_point(inst, c.point, p);
            escalate(inst, seed, c, p);
        } else {
            c.classification.kind = PointKind::undecided;
            c.classification.loss = loss(inst, c.point, p);
            c.classification.gradient_norm = gradient_norm(inst, c.point, p);
            c.classification.evidence = "not classified: N above the dense-Hessian cap";
        }
        land.orbits.push_back(std::move(c));
    }
    PrecisionGuard g(p);
    // Independent global value: damped Newton from random starts at the problem's scale.
    land.multistart_value = std::numeric_limits<double>::max();
    if (dense) {
        const auto ms = global_multistart(inst, starts, multistart_scale(inst, land.svd.y.empty() ? Real(0) : land.svd.y.front(), p), rng, p);
        land.multistart_converged = static_cast<int>(ms.converged.size());
        if (const auto* best = ms.best_result()) land.multistart_value = best->loss;
    }
    land.global_value = land.multistart_value;
    for (const auto& o : land.orbits)
        if (o.classification.kind == PointKind::local_minimizer || !dense)
            land.global_value = std::min(land.global_value, o.classification.loss);
    const CjwForm form = cjw_form(inst, p);
    const Real tol = 1024 * (inst.L + parameter_count(inst)) * epsilon(p) *
                     (abs(land.global_value) + form.loss_factor * frobenius_norm_squared(inst.target, p) / 2);
    // An undecided orbit below a local minimizer's value may be the global minimizer the multistart
    // missed: the minimizer is then not known to be global (nor spurious).
    Real lowest_undecided = land.global_value;
    for (const auto& o : land.orbits)
        if (o.classification.kind == PointKind::undecided && o.classification.loss < lowest_undecided)
            lowest_undecided = o.classification.loss;
    for (auto& o : land.orbits) {
        const PointKind k = o.classification.kind;
        o.computed = k == PointKind::local_minimizer ? label_minimizer(o.classification.loss, land.global_value, tol, p)
                                                     : to_string(k);
        if (o.computed == "global_minimizer" && lowest_undecided < land.global_value - tol) {
            o.computed = "undecided";
            o.classification.evidence += " [global or spurious undecided: an undecided orbit has a lower value]";
        }
        if (o.computed == "undecided") land.undecided = true;
    }
    return land;
}

}  // namespace dmf::landscape
