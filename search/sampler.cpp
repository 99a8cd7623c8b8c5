#include "search/sampler.hpp"

#include "generators/exact_thresholds.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace dmf::search_detail {

int Sampler::uniform(int lo, int hi) {
    return lo + static_cast<int>(rng.next_u64() % static_cast<std::uint64_t>(hi - lo + 1));
}

bool Sampler::coin(int percent) {
    return static_cast<int>(rng.next_u64() % 100) < percent;
}

Real Sampler::pow2(long e) {
    return make_real(p, 1, e);
}

int Sampler::depth() {
    static const int common[] = {1, 2, 3, 3, 4, 4, 5, 6, 8, 10, 12};
    for (;;) {
        const int L = coin(70) ? common[rng.next_u64() % 11] : uniform(1, 12);
        if (L >= t.min_depth && L <= t.max_depth) return L;
    }
}

Real Sampler::simple_number() {
    static const char* simple[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "0.5", "0.25", "0.125", "1.5", "3.001"};
    return parse_real(simple[rng.next_u64() % 15], p);
}

Real Sampler::log_uniform(int lo_exp2, int hi_exp2) {
    PrecisionGuard g(p);
    return pow2(uniform(lo_exp2, hi_exp2)) * (1 + rng.uniform(p));
}

// Thresholds of a scalar problem in KP's m: tau, and CJW's ybar with lambdabar = lambda / L.
std::vector<Real> Sampler::thresholds(int L, const Real& lambda_kp) {
    std::vector<Real> out;
    PrecisionGuard g(p);
    if (auto tau = kp_tau(L, lambda_kp, p).value) out.push_back(*tau);
    if (auto yb = cjw_y_bar(L, Real(lambda_kp / L), p).value) out.push_back(*yb);
    return out;
}

Instance Sampler::sample_scalar_case() {
    const int L = depth();
    PrecisionGuard g(p);
    Real lambda, m;
    const int mode = uniform(0, 9);
    if (mode <= 2 && (L == 3 || L == 4 || L == 6)) {
        // Exact constructions: xbar = 2^k gives an exact ybar; x = 2^k an exact tie (tau).
        const long k = uniform(-6, 6);
        const gen::ExactAnchor a = coin(50) ? gen::exact_y_bar(L, pow2(k), p) : gen::exact_tie(L, pow2(k), p);
        lambda = L * a.lambda_bar, m = a.y;
    } else {
        lambda = coin(40) ? simple_number() : coin(50) ? log_uniform(-100, 100) : log_uniform(-10, 10);
        const auto th = thresholds(L, lambda);
        const int place = uniform(0, 9);
        if (!th.empty() && place <= 3) {
            const Real& T = th[rng.next_u64() % th.size()];
            m = place == 0 ? T : T * (1 + (coin(50) ? 1 : -1) * pow2(-uniform(1, 120)));
        } else if (place <= 5) {
            m = simple_number();
        } else if (place == 6) {
            m = 0;
        } else {
            m = (th.empty() ? Real(1) : th[0]) * pow2(uniform(-8, 8)) * (1 + rng.uniform(p));
        }
    }
    if (coin(20)) m = -m;
    return scalar_case(L, lambda, m, p);
}

Instance Sampler::matrix_case() {
    Instance inst;
    // Small depths first (cheaper, and where a shrunk case ends anyway), every depth sometimes.
    inst.L = coin(60) ? std::min(t.max_depth, t.min_depth + uniform(0, 1)) : uniform(t.min_depth, t.max_depth);
    inst.convention = Convention::cjw;
    for (;;) {
        inst.dims.assign(inst.L + 1, 1);
        for (auto& d : inst.dims) d = uniform(1, 3);
        if (inst.L > 1 && coin(35)) {
            // The width boundary (KP.T3's condition, CJW's d_min): the outer widths hold r >= 2
            // singular values and one hidden layer has d_min = r - 1.
            const int r = uniform(2, 3);
            inst.dims.front() = std::max(inst.dims.front(), r);
            inst.dims.back() = std::max(inst.dims.back(), r);
            inst.dims[uniform(1, inst.L - 1)] = r - 1;
        } else if (inst.L > 1 && coin(20)) {
            inst.dims[uniform(1, inst.L - 1)] = 1;  // a bottleneck anywhere
        }
        if (inst.num_parameters() <= 30) break;
    }
    const int L = inst.L;
    PrecisionGuard g(p);
    const long k = uniform(-4, 4);
    const Real base = pow2(k);
    Real lb, anchor;
    const bool exact = L == 3 || L == 4 || L == 6;
    const int a = uniform(0, 2);
    if (L <= 2) lb = L == 2 ? Real(base * base) : base, anchor = lb;
    else if (exact && a <= 1) {
        const gen::ExactAnchor e = a == 0 ? gen::exact_y_bar(L, base, p) : gen::exact_tie(L, base, p);
        lb = e.lambda_bar, anchor = e.y;
    }
    else lb = coin(50) ? simple_number() : log_uniform(-6, 6), anchor = cjw_y_bar(L, lb, p).value.value_or(lb);
    std::vector<long> shift(L, 0);
    if (coin(50))
        for (int l = 0; l + 1 < L; ++l) {
            const long s = uniform(-3, 3);
            shift[l] += s, shift[L - 1] -= s;
        }
    for (int l = 0; l < L; ++l) inst.lambda.push_back(lb * pow2(shift[l]));
    const int r = std::min(inst.dims.front(), inst.dims.back());
    inst.target = zeros(inst.dims.back(), inst.dims.front(), p);
    Real prev = anchor;
    if (r >= 2 && coin(30)) {
        // The threshold's rank among the singular values: k values strictly above the anchor, then
        // the anchor itself (so it sits at index k + 1, on either side of d_min), then anything below.
        const int k = uniform(0, r - 1);
        static const char* above[] = {"2", "1.5", "3", "4"};
        for (int i = 0; i < r; ++i) {
            Real y = i < k ? Real(anchor * parse_real(above[rng.next_u64() % 4], p))
                           : i == k ? anchor
                                    : coin(50) ? Real(0) : Real(anchor * pow2(-uniform(1, 3)));
            inst.target(i, i) = coin(20) ? Real(-y) : y;
        }
        return inst;
    }
    for (int i = 0; i < r; ++i) {
        Real y;
        switch (uniform(0, 6)) {
            case 0: case 1: y = anchor; break;
            case 2: y = anchor * (1 + (coin(50) ? 1 : -1) * pow2(-uniform(1, 60))); break;
            case 3: y = anchor * simple_number(); break;
            case 4: y = 0; break;
            case 5: y = prev; break;
            default: y = anchor * pow2(uniform(-3, 3)) * (1 + rng.uniform(p)); break;
        }
        inst.target(i, i) = coin(20) ? Real(-y) : y;
        prev = y;
    }
    return inst;
}

Instance Sampler::sample() {
    return t.kind == CaseKind::scalar ? sample_scalar_case() : matrix_case();
}

Instance Sampler::mutate(const Instance& in) {
    Instance out = in;
    PrecisionGuard g(p);
    const Real step = 1 + (coin(50) ? 1 : -1) * pow2(-uniform(1, 100));
    if (t.kind == CaseKind::scalar) {
        switch (uniform(0, 4)) {
            case 0: out.lambda[0] *= step; break;
            case 1: out.target(0, 0) *= step; break;
            case 2: {
                const auto th = thresholds(out.L, out.lambda[0]);
                if (!th.empty()) out.target(0, 0) = th[rng.next_u64() % th.size()];
                break;
            }
            case 3: {
                const int L = std::clamp(out.L + (coin(50) ? 1 : -1), t.min_depth, t.max_depth);
                out = scalar_case(L, out.lambda[0], out.target(0, 0), p);
                break;
            }
            default: out.target(0, 0) = -out.target(0, 0); break;
        }
        return out;
    }
    const int r = static_cast<int>(std::min(out.target.rows(), out.target.cols()));
    const int i = uniform(0, std::max(0, r - 1));
    switch (uniform(0, 3)) {
        case 0: if (r) out.target(i, i) *= step; break;
        case 1: if (r > 1) out.target(i, i) = out.target((i + 1) % r, (i + 1) % r); break;
        case 2: out.lambda[uniform(0, out.L - 1)] *= pow2(coin(50) ? 1 : -1); break;
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
