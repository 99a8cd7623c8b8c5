#include "search/sampler.hpp"

#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace dmf::search_detail {

// One fresh case in six comes from the properties' own generator, the rest from the structured
// sampler (which concentrates on the exceptional sets and on small cases: a landscape case costs
// about a second per 10 parameters at 128 bits, nearly all of it classify_landscape's multistart).
Instance Sampler::sample() {
    if (draw.coin(16)) return property_generator_case();
    return t.kind == CaseKind::scalar ? draw.scalar() : draw.matrix();
}

Instance Sampler::property_generator_case() {
    const std::uint64_t seed = rng.next_u64();
    if (t.kind == CaseKind::matrix) {
        gen::LandscapeGenOptions o;
        o.min_depth = t.min_depth, o.max_depth = t.max_depth;
        // The properties' distribution at the search's sizes: widths <= 2 and 16 parameters keep
        // a classification near a second (width 3, 30 parameters cost up to 10 s at 128 bits).
        o.max_width = 2, o.max_parameters = 16;
        return gen::materialize(gen::sample_landscape_spec(seed, o), p);
    }
    gen::ScalarGenOptions o;
    o.min_depth = t.min_depth, o.max_depth = t.max_depth;
    o.bits = {p.bits()};
    const gen::ScalarCaseSpec s = gen::sample_scalar_case(seed, o);
    if (draw.coin(50)) {  // m placed against KP's tau
        const ScalarProblem pr = gen::materialize(s, p);
        return gen::scalar_instance(pr.L, pr.lambda, pr.m, p);
    }
    // m placed against CJW's ybar with lambdabar = the spec's lambda (KP's lambda = L lambdabar).
    PrecisionGuard g(p);
    const Real y = gen::materialize_y(s, p);
    return gen::scalar_instance(s.L, Real(s.L * s.lambda.at(p)), s.negative ? Real(-y) : y, p);
}

Instance Sampler::mutate(const Instance& in) {
    Instance out = in;
    PrecisionGuard g(p);
    const Real step = 1 + (draw.coin(50) ? 1 : -1) * draw.pow2(-draw.uniform(1, 100));
    if (t.kind == CaseKind::scalar) {
        switch (draw.uniform(0, 4)) {
            case 0: out.lambda[0] *= step; break;
            case 1: out.target(0, 0) *= step; break;
            case 2: {
                const auto th = draw.scalar_thresholds(out.L, out.lambda[0]);
                if (!th.empty()) out.target(0, 0) = th[rng.next_u64() % th.size()];
                break;
            }
            case 3: {
                const int L = std::clamp(out.L + (draw.coin(50) ? 1 : -1), t.min_depth, t.max_depth);
                out = gen::scalar_instance(L, out.lambda[0], out.target(0, 0), p);
                break;
            }
            default: out.target(0, 0) = -out.target(0, 0); break;
        }
        return out;
    }
    const int r = static_cast<int>(std::min(out.target.rows(), out.target.cols()));
    const int i = draw.uniform(0, std::max(0, r - 1));
    switch (draw.uniform(0, 3)) {
        case 0: if (r) out.target(i, i) *= step; break;
        case 1: if (r > 1) out.target(i, i) = out.target((i + 1) % r, (i + 1) % r); break;
        case 2: out.lambda[draw.uniform(0, out.L - 1)] *= draw.pow2(draw.coin(50) ? 1 : -1); break;
        default: if (r) out.target(i, i) = 0; break;
    }
    return out;
}

// Closeness to a threshold, in [0, 1]: 1 on it, 0 a factor of 2 or more away.
double proximity(const SearchTarget& t, const Instance& inst, const Precision& p) {
    PrecisionGuard g(p);
    std::vector<Real> th, ys;
    if (t.kind == CaseKind::scalar) {
        if (auto tau = kp_tau(inst.L, inst.lambda[0], p).value) th.push_back(*tau);
        if (auto yb = cjw_y_bar(inst.L, Real(inst.lambda[0] / inst.L), p).value) th.push_back(*yb);
        ys.push_back(abs(inst.target(0, 0)));
    } else {
        const Real lb = lambda_bar(inst, p);
        if (auto yb = cjw_y_bar(inst.L, lb, p).value) th.push_back(*yb);
        const int r = static_cast<int>(std::min(inst.target.rows(), inst.target.cols()));
        for (int i = 0; i < r; ++i) ys.push_back(abs(inst.target(i, i)));
    }
    double best = 0;
    for (const auto& T : th)
        for (const auto& y : ys)
            if (T > 0 && y > 0) best = std::max(best, 1 - std::min(1.0, std::fabs(static_cast<double>(log2(y / T)))));
    return best;
}

}  // namespace dmf::search_detail
