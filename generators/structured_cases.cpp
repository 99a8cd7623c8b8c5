#include "generators/structured_cases.hpp"

#include "generators/exact_thresholds.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>

namespace dmf::gen {

Instance scalar_instance(int L, const Real& lambda_kp, const Real& m, const Precision& p) {
    Instance inst;
    inst.L = L;
    inst.dims.assign(L + 1, 1);
    inst.convention = Convention::kp;
    inst.lambda = {rounded(lambda_kp, p)};
    inst.target = zeros(1, 1, p);
    inst.target(0, 0) = rounded(m, p);
    return inst;
}

int StructuredCases::uniform(int lo, int hi) {
    return lo + static_cast<int>(rng_.next_u64() % static_cast<std::uint64_t>(hi - lo + 1));
}

bool StructuredCases::coin(int percent) { return static_cast<int>(rng_.next_u64() % 100) < percent; }

Real StructuredCases::pow2(long e) const { return make_real(p_, 1, e); }

int StructuredCases::depth() {
    static const int common[] = {1, 2, 3, 3, 4, 4, 5, 6, 8, 10, 12};
    for (;;) {
        const int L = coin(70) ? common[rng_.next_u64() % 11] : uniform(1, 12);
        if (L >= d_.min_depth && L <= d_.max_depth) return L;
    }
}

Real StructuredCases::simple_number() {
    static const char* simple[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "0.5", "0.25", "0.125", "1.5", "3.001"};
    return parse_real(simple[rng_.next_u64() % 15], p_);
}

Real StructuredCases::log_uniform(int lo_exp2, int hi_exp2) {
    PrecisionGuard g(p_);
    return pow2(uniform(lo_exp2, hi_exp2)) * (1 + rng_.uniform(p_));
}

std::vector<Real> StructuredCases::scalar_thresholds(int L, const Real& lambda_kp) const {
    std::vector<Real> out;
    PrecisionGuard g(p_);
    if (auto tau = kp_tau(L, lambda_kp, p_).value) out.push_back(*tau);
    if (auto yb = cjw_y_bar(L, Real(lambda_kp / L), p_).value) out.push_back(*yb);
    return out;
}

Instance StructuredCases::scalar() {
    const int L = depth();
    PrecisionGuard g(p_);
    Real lambda, m;
    const int mode = uniform(0, 9);
    if (mode <= 2 && has_exact_thresholds(L)) {
        // Exact constructions: xbar = 2^k gives an exact ybar; x = 2^k an exact tie (tau).
        const long k = uniform(-6, 6);
        const ExactAnchor a = coin(50) ? exact_y_bar(L, pow2(k), p_) : exact_tie(L, pow2(k), p_);
        lambda = L * a.lambda_bar, m = a.y;
    } else {
        lambda = coin(40) ? simple_number() : coin(50) ? log_uniform(-100, 100) : log_uniform(-10, 10);
        const auto th = scalar_thresholds(L, lambda);
        const int place = uniform(0, 9);
        if (!th.empty() && place <= 3) {
            const Real& T = th[rng_.next_u64() % th.size()];
            m = place == 0 ? T : T * (1 + (coin(50) ? 1 : -1) * pow2(-uniform(1, 120)));
        } else if (place <= 5) {
            m = simple_number();
        } else if (place == 6) {
            m = 0;
        } else {
            m = (th.empty() ? Real(1) : th[0]) * pow2(uniform(-8, 8)) * (1 + rng_.uniform(p_));
        }
    }
    if (coin(20)) m = -m;
    return scalar_instance(L, lambda, m, p_);
}

Instance StructuredCases::matrix() {
    Instance inst;
    // Small depths first (cheaper, and where a shrunk case ends anyway), every depth sometimes.
    inst.L = coin(60) ? std::min(d_.max_depth, d_.min_depth + uniform(0, 1)) : uniform(d_.min_depth, d_.max_depth);
    inst.convention = Convention::cjw;
    // Small widths first too: the classification's cost grows with the parameter count (a dense
    // Hessian per multistart step), and the counterexamples found so far all have widths <= 2.
    const int max_width = coin(70) ? 2 : 3;
    const long long max_parameters = coin(80) ? 16 : 30;
    for (;;) {
        inst.dims.assign(inst.L + 1, 1);
        for (auto& d : inst.dims) d = uniform(1, max_width);
        if (inst.L > 1 && coin(50)) {
            // The width boundary (KP.T3's condition, CJW's d_min): the outer widths hold r >= 2
            // singular values and one hidden layer has d_min = r - 1.
            const int r = uniform(2, max_width);
            inst.dims.front() = std::max(inst.dims.front(), r);
            inst.dims.back() = std::max(inst.dims.back(), r);
            inst.dims[uniform(1, inst.L - 1)] = r - 1;
        } else if (inst.L > 1 && coin(20)) {
            inst.dims[uniform(1, inst.L - 1)] = 1;  // a bottleneck anywhere
        }
        if (inst.num_parameters() <= max_parameters) break;
    }
    const int L = inst.L;
    PrecisionGuard g(p_);
    const long k = uniform(-4, 4);
    const Real base = pow2(k);
    Real lb, anchor;
    const int a = uniform(0, 4);  // the exact anchors (the exceptional sets themselves) 4 times in 5
    if (L <= 2) lb = L == 2 ? Real(base * base) : base, anchor = lb;  // L = 2: y = sqrt(lambda_1 lambda_2)
    else if (has_exact_thresholds(L) && a <= 3) {
        const bool y_bar = focus_ == ExceptionalSet::any ? a <= 1 : focus_ == ExceptionalSet::y_bar;
        const ExactAnchor e = y_bar ? exact_y_bar(L, base, p_) : exact_tie(L, base, p_);
        lb = e.lambda_bar, anchor = e.y;
    } else {
        lb = coin(50) ? simple_number() : log_uniform(-6, 6);
        anchor = cjw_y_bar(L, lb, p_).value.value_or(lb);
    }
    std::vector<long> shift(L, 0);
    if (coin(30))
        for (int l = 0; l + 1 < L; ++l) {
            const long s = uniform(-3, 3);
            shift[l] += s, shift[L - 1] -= s;
        }
    for (int l = 0; l < L; ++l) inst.lambda.push_back(lb * pow2(shift[l]));
    const int r = std::min(inst.dims.front(), inst.dims.back());
    inst.target = zeros(inst.dims.back(), inst.dims.front(), p_);
    Real prev = anchor;
    if (r >= 2 && coin(50)) {
        // The threshold's rank among the singular values: k values strictly above the anchor, then
        // the anchor itself (so it sits at index k + 1, on either side of d_min), then anything below;
        // k = r puts every value above it (more values past the threshold than d_min can hold).
        const int k = uniform(0, r);
        static const char* above[] = {"2", "1.5", "3", "4"};
        for (int i = 0; i < r; ++i) {
            Real y = i < k ? Real(anchor * parse_real(above[rng_.next_u64() % 4], p_))
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
            default: y = anchor * pow2(uniform(-3, 3)) * (1 + rng_.uniform(p_)); break;
        }
        inst.target(i, i) = coin(20) ? Real(-y) : y;
        prev = y;
    }
    return inst;
}

void showValue(const StructuredCaseSpec& s, std::ostream& os) {
    os << "{" << (s.matrix ? "matrix" : "scalar") << " L in [" << s.depths.min_depth << ", " << s.depths.max_depth
       << "] seed=" << s.seed << "}";
}

rc::Gen<StructuredCaseSpec> structured_case(bool matrix, DepthRange depths) {
    return rc::gen::map(rc::gen::arbitrary<std::uint64_t>(), [matrix, depths](std::uint64_t seed) {
        return StructuredCaseSpec{matrix, depths, seed};
    });
}

Instance materialize(const StructuredCaseSpec& s, const Precision& p) {
    Rng rng(s.seed);
    StructuredCases c(rng, s.depths, p);
    return s.matrix ? c.matrix() : c.scalar();
}

LandscapeSpec sample_landscape_spec(std::uint64_t seed, const LandscapeGenOptions& o, int size) {
    return landscape_spec(o)(rc::Random(seed), size).value();
}

ScalarCaseSpec sample_scalar_case(std::uint64_t seed, const ScalarGenOptions& o, int size) {
    return scalar_case(o)(rc::Random(seed), size).value();
}

}  // namespace dmf::gen
