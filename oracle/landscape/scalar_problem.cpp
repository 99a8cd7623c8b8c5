#include "dmf/landscape/scalar_problem.hpp"

#include "dmf/numerics/decision_log.hpp"

#include "dmf/landscape/critical_polynomial.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/numerics/polynomial.hpp"

#include <sstream>

namespace dmf::inline landscape {

namespace {

Instance scalar_instance(const ScalarProblem& pr, const Precision& p) {
    Instance inst;
    inst.L = pr.L;
    inst.dims.assign(pr.L + 1, 1);
    inst.convention = Convention::kp;
    inst.lambda = {rounded(pr.lambda, p)};
    inst.target = zeros(1, 1, p);
    inst.target(0, 0) = rounded(pr.m, p);
    validate(inst);
    return inst;
}

// L at |w_j| = s (s an enclosure), product sign = sign(m): (|m| - s^L)^2 + lambda s^2.
Interval value_at(const ScalarProblem& pr, const Interval& s, const Precision& p) {
    const Interval am(Real(abs(pr.m)), p);
    const Interval lam(pr.lambda, p);
    const Interval d = am - s.pow(static_cast<unsigned long>(pr.L));
    return d * d + lam * s.pow(2ul);
}

}  // namespace

Interval end_to_end_objective(const ScalarProblem& pr, const Interval& rho_abs, const Precision& p) {
    const Interval am(Real(abs(pr.m)), p);
    const Interval d = am - rho_abs;
    Interval reg(p);
    if (!rho_abs.contains_zero() || rho_abs.lower() > 0) reg = Interval(pr.lambda, p) * rho_abs.pow(Rational(2) / pr.L);
    else if (rho_abs.upper() > 0) throw std::logic_error("end_to_end_objective: rho enclosure straddles 0");
    return d * d + reg;
}

bool ScalarMinimizers::collapsed() const {
    return unique == Decision::yes && minimal.size() == 1 && candidates[minimal[0]].origin;
}

Real ScalarMinimizers::rho_star(const ScalarProblem& pr) const {
    if (unique != Decision::yes) throw std::logic_error("rho_star: the minimizer is not decided unique");
    const ScalarCandidate& c = candidates[minimal.at(0)];
    if (c.origin) return Real(0) * c.s;
    const Real r = pow(c.s, pr.L);
    return pr.m < 0 ? Real(-r) : r;
}

ScalarMinimizers scalar_global_minimizers(const ScalarProblem& pr, const Precision& p) {
    if (pr.L < 1) throw std::invalid_argument("scalar problem: L must be >= 1");
    if (!(pr.lambda > 0)) throw std::invalid_argument("scalar problem: lambda must be > 0");
    const Precision work = Precision::from_bits(p.bits() + 32);
    ScalarMinimizers out;
    if (pr.L >= 2 || pr.m == 0) {
        ScalarCandidate origin(work);
        origin.s = Real(0) * rounded(pr.m, work);
        origin.origin = true;
        origin.value = value_at(pr, origin.s_enclosure, work);
        out.candidates.push_back(origin);
    }
    // f(s) = s^{2L-1} - |m| s^{L-1} + (lambda/L) s, exact rational coefficients.
    const RationalPolynomial fpoly = critical_polynomial(pr.L, to_rational(Real(abs(pr.m))), to_rational(pr.lambda) / pr.L);
    for (const auto& r : positive_roots(fpoly, work)) {
        ScalarCandidate cand(work);
        cand.s = r.value;
        cand.s_enclosure = r.enclosure;
        cand.root_slope = r.derivative_sign;
        cand.value = value_at(pr, r.enclosure, work);
        out.candidates.push_back(cand);
    }
    // The least upper bound decides who may be minimal.
    size_t best = 0;
    for (size_t i = 1; i < out.candidates.size(); ++i)
        if (out.candidates[i].value.upper() < out.candidates[best].value.upper()) best = i;
    out.unique = Decision::yes;
    std::ostringstream ev;
    for (size_t i = 0; i < out.candidates.size(); ++i) {
        const auto& ci = out.candidates[i];
        ev << (ci.origin ? "w=0" : "s=" + to_string(ci.s, 12)) << ": L in " << ci.value.str(12) << "; ";
        if (i == best) continue;
        const Decision below = certainly_less(out.candidates[best].value, ci.value);
        if (below != Decision::yes) {
            out.unique = Decision::undecided;
            out.minimal.push_back(static_cast<int>(i));
        }
    }
    out.minimal.insert(out.minimal.begin(), static_cast<int>(best));
    out.evidence = ev.str();
    // Issue 15 item 5: the roots are isolated exactly (Sturm) and the values compared as enclosures.
    record_decision(out.unique == Decision::yes
                        ? "enclosure at " + std::to_string(work.bits()) + " bits"
                        : "undecided: the candidates' values overlap at " + std::to_string(work.bits()) + " bits");
    // The end-to-end form: phi at rho = s^L (|rho| suffices since sign(rho) = sign(m) is optimal).
    std::vector<Interval> phi;
    for (const auto& cd : out.candidates)
        phi.push_back(cd.origin ? end_to_end_objective(pr, Interval(work), work)
                                : end_to_end_objective(pr, cd.s_enclosure.pow(static_cast<unsigned long>(pr.L)), work));
    size_t pbest = 0;
    for (size_t i = 1; i < phi.size(); ++i)
        if (phi[i].upper() < phi[pbest].upper()) pbest = i;
    out.end_to_end_best = static_cast<int>(pbest);
    out.end_to_end_unique = Decision::yes;
    for (size_t i = 0; i < phi.size(); ++i)
        if (i != pbest && certainly_less(phi[pbest], phi[i]) != Decision::yes) out.end_to_end_unique = Decision::undecided;
    return out;
}

std::vector<std::vector<Real>> scalar_minimizer_points(const ScalarProblem& pr, const ScalarCandidate& c,
                                                      const Precision& p, int max_points) {
    std::vector<std::vector<Real>> pts;
    PrecisionGuard guard(p);
    if (c.origin) {
        pts.push_back(std::vector<Real>(pr.L, Real(0)));
        return pts;
    }
    const Real s = rounded(c.s, p);
    // Sign patterns with an even number of minus signs (m > 0) or odd (m < 0).
    const int want_odd = pr.m < 0 ? 1 : 0;
    const unsigned long total = 1ul << pr.L;
    for (unsigned long mask = 0; mask < total && static_cast<int>(pts.size()) < max_points; ++mask) {
        if (__builtin_popcountl(mask) % 2 != want_odd) continue;
        std::vector<Real> w(pr.L, s);
        for (int j = 0; j < pr.L; ++j)
            if (mask & (1ul << j)) w[j] = -s;
        pts.push_back(w);
    }
    return pts;
}

Vector scalar_hessian_eigenvalues(const ScalarProblem& pr, const std::vector<Real>& w, const Precision& p) {
    const Instance inst = scalar_instance(pr, p);
    Weights ws;
    for (const auto& v : w) {
        Matrix m = zeros(1, 1, p);
        m(0, 0) = rounded(v, p);
        ws.push_back(m);
    }
    const auto eig = symmetric_eigen(hessian(inst, ws, p), p, false);
    if (eig.status != Status::ok) throw std::runtime_error("scalar Hessian: eigensolver did not converge");
    return eig.values;
}

}  // namespace dmf::landscape
