#include "dmf/landscape/landscape.hpp"

#include "dmf/landscape/multistart.hpp"
#include "dmf/numerics/random.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace dmf {

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

Instance at_precision(const Instance& inst, const Precision& p) {
    Instance up = inst;  // the same exact values (binary numbers round exactly to more bits)
    for (auto& l : up.lambda) l = rounded(l, p);
    up.target = rounded(inst.target, p);
    return up;
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

std::string Landscape::summary() const {
    std::string s;
    for (const auto& o : orbits) s += root_label_string(o.orbit) + " " + o.computed + "; ";
    return s;
}

Landscape classify_landscape(const Instance& inst, const Precision& p, std::uint64_t seed, int starts, bool dense) {
    Landscape land;
    Rng rng(seed);
    land.svd = target_svd(inst, rng, p);
    const auto orbits = enumerate_orbits(inst, land.svd, p, 512);
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

}  // namespace dmf
