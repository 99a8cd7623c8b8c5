#include "dmf/landscape/gradient_descent.hpp"

#include "dmf/problem/objective.hpp"

namespace dmf::inline landscape {

GradientDescentResult gradient_descent(const Instance& inst, const Weights& start, const Precision& p,
                                       int max_iterations, const Real& tolerance) {
    PrecisionGuard g(p);
    GradientDescentResult r;
    r.w = start;
    r.loss = loss(inst, r.w, p);
    Real eta = make_real(p, 1, -4);
    for (r.iterations = 0; r.iterations < max_iterations; ++r.iterations) {
        const Weights grad = gradient(inst, r.w, p);
        Real g2 = 0;
        for (const auto& m : grad) g2 += frobenius_norm_squared(m, p);
        r.gradient_norm = sqrt(g2);
        if (r.gradient_norm <= tolerance) {
            r.converged = true;
            return r;
        }
        eta *= 2;
        for (int halvings = 0; halvings < 200; ++halvings, eta /= 2) {
            Weights next = r.w;
            for (std::size_t l = 0; l < next.size(); ++l) next[l] -= eta * grad[l];
            const Real f = loss(inst, next, p);
            if (f <= r.loss - eta * g2 / 2) {
                r.w = std::move(next);
                r.loss = f;
                break;
            }
        }
    }
    const Weights grad = gradient(inst, r.w, p);
    Real g2 = 0;
    for (const auto& m : grad) g2 += frobenius_norm_squared(m, p);
    r.gradient_norm = sqrt(g2);
    r.converged = r.gradient_norm <= tolerance;
    return r;
}

}  // namespace dmf::landscape
