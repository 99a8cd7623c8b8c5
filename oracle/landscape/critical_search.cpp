#include "dmf/landscape/critical_search.hpp"

#include "dmf/problem/finite_difference.hpp"

namespace dmf::inline landscape {

namespace {

Real norm2(const Vector& v, const Precision& p) {
    PrecisionGuard g(p);
    Real s = 0;
    for (Eigen::Index i = 0; i < v.size(); ++i) s += v(i) * v(i);
    return sqrt(s);
}

Matrix shifted(const Matrix& a, const Real& mu, const Precision& p) {
    Matrix s = a;
    PrecisionGuard g(p);
    for (Eigen::Index i = 0; i < s.rows(); ++i) s(i, i) += mu;
    return s;
}

CriticalSearchResult run(const Instance& inst, const Weights& start, const Precision& p,
                         const CriticalSearchOptions& o, bool minimize) {
    CriticalSearchResult r;
    PrecisionGuard guard(p);
    Vector theta = flatten(inst, start, p);
    Real mu = 1;
    auto merit = [&](const Vector& t) {
        const Weights w = unflatten(inst, t, p);
        return minimize ? loss(inst, w, p) : Real(norm2(flatten(inst, gradient(inst, w, p), p), p));
    };
    Real current = merit(theta);
    for (r.iterations = 0; r.iterations < o.max_iterations; ++r.iterations) {
        const Weights w = unflatten(inst, theta, p);
        const Vector g = flatten(inst, gradient(inst, w, p), p);
        const Real gn = norm2(g, p);
        if (gn <= o.tolerance_eps * epsilon(p) * gradient_scale(inst, w, p)) {
            r.status = Status::ok;
            break;
        }
        const Matrix H = hessian(inst, w, p);
        bool accepted = false;
        for (int tries = 0; tries < 60 && !accepted; ++tries) {
            Vector step;
            try {
                if (minimize) {
                    step = -matvec(inverse(shifted(H, mu, p), p), g, p);
                } else {
                    const Matrix H2 = matmul(H, H, p);
                    step = -matvec(inverse(shifted(H2, mu * mu, p), p), matvec(H, g, p), p);
                }
            } catch (const std::invalid_argument&) {
                mu *= 4;
                continue;
            }
            const Vector trial = theta + step;
            const Real m = merit(trial);
            if (m < current) {
                theta = trial;
                current = m;
                mu = std::max(Real(mu / 3), Real(epsilon(p)));
                accepted = true;
            } else {
                mu *= 4;
            }
        }
        if (!accepted) break;  // no decrease at any damping: stalled at this precision
    }
    r.w = unflatten(inst, theta, p);
    r.gradient_norm = norm2(flatten(inst, gradient(inst, r.w, p), p), p);
    r.loss = loss(inst, r.w, p);
    if (r.gradient_norm <= o.tolerance_eps * epsilon(p) * gradient_scale(inst, r.w, p)) r.status = Status::ok;
    return r;
}

}  // namespace

CriticalSearchResult find_critical_point(const Instance& inst, const Weights& start, const Precision& p,
                                         const CriticalSearchOptions& o) {
    return run(inst, start, p, o, false);
}

CriticalSearchResult find_local_minimizer(const Instance& inst, const Weights& start, const Precision& p,
                                          const CriticalSearchOptions& o) {
    CriticalSearchResult descent = run(inst, start, p, o, true);
    if (descent.status == Status::ok) return descent;
    // Descent on F stalls near ||grad|| ~ sqrt(eps) (the decrease ~ ||grad||^2 drops below
    // F's rounding); polish with Levenberg-Marquardt on grad F = 0, which converges
    // quadratically to the minimizer nearby. It must not climb: keep the polish only
    // if the loss did not rise beyond rounding.
    CriticalSearchResult polished = run(inst, descent.w, p, o, false);
    polished.iterations += descent.iterations;
    PrecisionGuard g(p);
    if (polished.loss > descent.loss * (1 + 64 * epsilon(p)) + 64 * epsilon(p)) return descent;
    return polished;
}

}  // namespace dmf::landscape
