#include "generators/landscape_gen.hpp"
#include "generators/exact_thresholds.hpp"

#include "dmf/numerics/random.hpp"
#include "dmf/theory/cjw.hpp"

#include <algorithm>
#include <cstdlib>

namespace dmf::gen {

namespace {
const char* far_factors[] = {"0.25", "0.5", "1.5", "2", "3", "5"};
const char* name(LandscapeAnchor a) {
    switch (a) {
        case LandscapeAnchor::ybar: return "ybar";
        case LandscapeAnchor::tie: return "tie";
        case LandscapeAnchor::printed: return "printed";
    }
    return "?";
}
const char* name(ValuePlacement v) {
    switch (v) {
        case ValuePlacement::on: return "on";
        case ValuePlacement::above: return "above";
        case ValuePlacement::below: return "below";
        case ValuePlacement::far: return "far";
        case ValuePlacement::zero: return "zero";
        case ValuePlacement::repeat: return "repeat";
    }
    return "?";
}
long long parameters(const std::vector<int>& dims) {
    long long n = 0;
    for (size_t l = 1; l < dims.size(); ++l) n += static_cast<long long>(dims[l]) * dims[l - 1];
    return n;
}
}  // namespace

void showValue(const LandscapeSpec& s, std::ostream& os) {
    os << "L=" << s.L << " dims=[";
    for (size_t i = 0; i < s.dims.size(); ++i) os << (i ? "," : "") << s.dims[i];
    os << "] anchor=" << name(s.anchor) << " k=" << s.k << " lambda_shift=[";
    for (size_t i = 0; i < s.lambda_shift.size(); ++i) os << (i ? "," : "") << s.lambda_shift[i];
    os << "] y=[";
    for (size_t i = 0; i < s.place.size(); ++i) os << (i ? "," : "") << name(s.place[i]) << ":" << s.offset[i];
    os << "] basis=" << (s.haar_basis ? "haar" : "diagonal") << " seed=" << s.seed;
}

// RapidCheck's inRange scales its range with the size (0 at the first cases, 100 at the last), so
// that unresized a run of 25 cases sees mostly the smallest depths, widths and exponents. The spec is
// drawn at the full size: every stratum from the first case on; shrinking still goes toward the
// small values.
rc::Gen<LandscapeSpec> landscape_spec(const LandscapeGenOptions& o) {
    return rc::gen::resize(100, rc::gen::exec([o] {
        LandscapeSpec s;
        auto percent = [](int pc) { return *rc::gen::inRange(0, 100) < pc; };
        s.L = *rc::gen::inRange(o.min_depth, o.max_depth + 1);
        if (o.exact_depth_percent > 0 && percent(o.exact_depth_percent)) {
            std::vector<int> exact;
            for (int L : {3, 4, 6})
                if (L >= o.min_depth && L <= o.max_depth) exact.push_back(L);
            if (!exact.empty()) s.L = *rc::gen::elementOf(exact);
        }
        s.dims = *rc::gen::container<std::vector<int>>(s.L + 1, rc::gen::inRange(1, o.max_width + 1));
        if (o.max_width >= 2 && percent(o.wide_ends_percent)) {
            s.dims.front() = std::max(s.dims.front(), 2);
            s.dims.back() = std::max(s.dims.back(), 2);
        }
        const int r = std::min(s.dims.front(), s.dims.back());
        if (r >= 2 && s.L >= 2 && percent(o.bottleneck_percent))
            s.dims[*rc::gen::inRange(1, s.L)] = *rc::gen::inRange(1, r);  // d_min in [1, r - 1]
        // Over the parameter budget: narrow the widest hidden layer (the outer widths hold r), then
        // the outer ones. Deterministic, so shrinking and replay stay exact.
        while (parameters(s.dims) > o.max_parameters) {
            auto widest = s.L >= 2 ? std::max_element(s.dims.begin() + 1, s.dims.end() - 1) : s.dims.end();
            if (widest == s.dims.end() || *widest <= 1) widest = std::max_element(s.dims.begin(), s.dims.end());
            if (*widest <= 1) break;
            --*widest;
        }
        s.anchor = !has_exact_thresholds(s.L) ? LandscapeAnchor::printed
                   : o.tie_heavy ? *rc::gen::element(LandscapeAnchor::ybar, LandscapeAnchor::tie, LandscapeAnchor::tie,
                                                     LandscapeAnchor::printed)
                                 : *rc::gen::element(LandscapeAnchor::ybar, LandscapeAnchor::tie, LandscapeAnchor::printed);
        const int kmax = std::max(1, o.max_magnitude_exp2 / std::max(1, 2 * s.L - 2));
        s.k = *rc::gen::inRange(0, kmax + 1) * (*rc::gen::arbitrary<bool>() ? -1 : 1);  // shrinks toward 0
        s.lambda_shift.assign(s.L, 0);
        if (*rc::gen::arbitrary<bool>())
            for (int l = 0; l + 1 < s.L; ++l) {
                const int a = *rc::gen::inRange(-3, 4);
                s.lambda_shift[l] += a;
                s.lambda_shift[s.L - 1] -= a;
            }
        const int rr = std::min(s.dims.front(), s.dims.back());
        // The threshold's rank: j values far above the anchor, then any placement.
        const int above = rr >= 2 && percent(o.rank_percent) ? *rc::gen::inRange(1, rr + 1) : 0;
        for (int i = 0; i < rr; ++i) {
            auto pl = i < above ? ValuePlacement::far
                                : *rc::gen::element(ValuePlacement::on, ValuePlacement::on, ValuePlacement::above,
                                                    ValuePlacement::below, ValuePlacement::far, ValuePlacement::far,
                                                    ValuePlacement::zero, ValuePlacement::repeat);
            if (i == 0 && pl == ValuePlacement::repeat) pl = ValuePlacement::on;
            s.place.push_back(pl);
            // far factors 2, 3, 5 (indices 3..5) lie above the anchor.
            s.offset.push_back(pl == ValuePlacement::far ? (i < above ? *rc::gen::inRange(3, 6) : *rc::gen::inRange(0, 6))
                                                         : *rc::gen::inRange(1, 41));
        }
        // A repeat and a zero, on different indices (at r = 2 the repeat wins).
        int repeated = -1;
        if (rr >= 2 && percent(o.repeat_percent)) {
            repeated = *rc::gen::inRange(1, rr);
            s.place[repeated] = ValuePlacement::repeat;
        }
        if (rr >= 2 && percent(o.zero_percent) && repeated != rr - 1) s.place[rr - 1] = ValuePlacement::zero;
        s.haar_basis = s.anchor == LandscapeAnchor::printed && *rc::gen::arbitrary<bool>();
        s.seed = *rc::gen::arbitrary<std::uint64_t>();
        const int r_now = std::min(s.dims.front(), s.dims.back());
        if (o.beyond_bottleneck_percent > 0 && r_now >= 2 && s.L >= 2 && has_exact_thresholds(s.L) &&
            percent(o.beyond_bottleneck_percent)) {
            const int d_min = *rc::gen::inRange(1, r_now);  // in [1, r - 1]
            s.dims[*rc::gen::inRange(1, s.L)] = d_min;
            s.anchor = LandscapeAnchor::ybar;
            s.haar_basis = false;
            for (int i = 0; i < r_now; ++i) {
                if (i < d_min) s.place[i] = ValuePlacement::far, s.offset[i] = *rc::gen::inRange(3, 6);  // 2, 3, 5 x ybar
                else if (i == d_min) s.place[i] = ValuePlacement::on;
                else if (s.place[i] == ValuePlacement::far || s.place[i] == ValuePlacement::above)
                    s.place[i] = ValuePlacement::below;  // stays below the value on ybar
            }
        }
        if (o.distinct_with_bottleneck) {
            const int r_end = std::min(s.dims.front(), s.dims.back());
            int d_min = r_end;
            for (int l = 1; l < s.L; ++l) d_min = std::min(d_min, s.dims[l]);
            if (d_min < r_end)
                for (size_t i = 1; i < s.place.size(); ++i)
                    if (s.place[i] == ValuePlacement::repeat) s.place[i] = ValuePlacement::below;
        }
        if (o.on_exact_ybar && has_exact_thresholds(s.L)) {
            s.anchor = LandscapeAnchor::ybar;
            s.haar_basis = false;
            if (std::none_of(s.place.begin(), s.place.end(), [](ValuePlacement v) { return v == ValuePlacement::on; }))
                s.place[0] = ValuePlacement::on;
        }
        return s;
    }));
}

std::vector<std::string> strata(const LandscapeSpec& s) {
    std::vector<std::string> out{"L=" + std::to_string(s.L), std::string("anchor ") + name(s.anchor)};
    const int r = std::min(s.dims.front(), s.dims.back());
    int d_min = r;
    bool hidden_above_r = false;
    for (int l = 1; l < s.L; ++l) d_min = std::min(d_min, s.dims[l]), hidden_above_r = hidden_above_r || s.dims[l] > r;
    if (r >= 2) out.push_back("r>=2");
    if (d_min < r) out.push_back("bottleneck");
    if (hidden_above_r) out.push_back("hidden>r");
    bool on = false, off = false, zero = false, repeat = false;
    std::vector<ValuePlacement> eff;  // a repeat takes the placement it repeats
    for (size_t i = 0; i < s.place.size(); ++i) {
        const bool rep = i > 0 && s.place[i] == ValuePlacement::repeat;
        eff.push_back(rep ? eff.back() : s.place[i]);
        on = on || eff[i] == ValuePlacement::on;
        off = off || eff[i] == ValuePlacement::above || eff[i] == ValuePlacement::below;
        zero = zero || eff[i] == ValuePlacement::zero;
        repeat = repeat || (rep && eff[i] != ValuePlacement::zero);
    }
    if (on) out.push_back("on anchor");
    // The values in descending order: the d_min largest all off the anchor, one of the rest on it.
    {
        bool on_top = false, on_beyond = false;
        std::vector<std::pair<int, int>> order;  // (rank of the magnitude, on?) : far above > on/above > below > zero
        for (size_t i = 0; i < eff.size(); ++i) {
            const int rank = eff[i] == ValuePlacement::far ? (s.offset[i] % 6 >= 2 ? 3 : 0)
                             : eff[i] == ValuePlacement::on || eff[i] == ValuePlacement::above ? 2
                             : eff[i] == ValuePlacement::below ? 1 : 0;
            order.push_back({rank, eff[i] == ValuePlacement::on});
        }
        std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
        for (size_t i = 0; i < order.size(); ++i)
            (static_cast<int>(i) < d_min ? on_top : on_beyond) |= order[i].second;
        if (d_min < r && on_beyond && !on_top) out.push_back("on anchor beyond d_min");
    }
    if (off) out.push_back("2^-k off anchor");
    if (zero) out.push_back("zero y");
    if (repeat) out.push_back("repeated y");
    if (std::any_of(s.lambda_shift.begin(), s.lambda_shift.end(), [](int a) { return a != 0; })) out.push_back("unequal lambda");
    if (s.haar_basis) out.push_back("non-diagonal");
    // lambdabar = 2^{k(2L-2)} (times a constant): beyond 1e+-10 when |k| (2L - 2) > 33.
    if (std::abs(s.k) * (2 * s.L - 2) > 33) out.push_back("|lambda| beyond 1e+-10");
    return out;
}

LandscapeAnchorValues anchor_values(const LandscapeSpec& s, const Precision& p) {
    PrecisionGuard g(p);
    const int L = s.L;
    const Real base = make_real(p, 1, s.k);
    LandscapeAnchorValues v;
    if (L <= 2) {
        v.lambda_bar = L == 2 ? Real(base * base) : base;
        v.anchor = v.lambda_bar;  // L = 2: y = sqrt(lambda_1 lambda_2); L = 1 has no threshold
        v.exact = true;
        return v;
    }
    switch (s.anchor) {
        case LandscapeAnchor::ybar:
        case LandscapeAnchor::tie: {
            const ExactAnchor a = s.anchor == LandscapeAnchor::ybar ? exact_y_bar(L, base, p) : exact_tie(L, base, p);
            v.lambda_bar = a.lambda_bar;
            v.anchor = a.y;
            v.exact = true;
            return v;
        }
        case LandscapeAnchor::printed:
            v.lambda_bar = pow(base, 2 * L - 2) * L / (L - 2);
            v.anchor = *cjw_y_bar(L, v.lambda_bar, p).value;
            v.exact = false;
            return v;
    }
    return v;
}

Instance materialize(const LandscapeSpec& s, const Precision& p) {
    const LandscapeAnchorValues a = anchor_values(s, p);
    Instance inst;
    inst.L = s.L;
    inst.dims = s.dims;
    inst.convention = Convention::cjw;
    PrecisionGuard g(p);
    for (int l = 0; l < s.L; ++l) inst.lambda.push_back(a.lambda_bar * make_real(p, 1, s.lambda_shift[l]));
    const int r = std::min(s.dims.front(), s.dims.back());
    Vector y = zero_vector(r, p);
    for (int i = 0; i < r; ++i) {
        const Real step = make_real(p, 1, -s.offset[i]);
        switch (s.place[i]) {
            case ValuePlacement::on: y(i) = a.anchor; break;
            case ValuePlacement::above: y(i) = a.anchor * (1 + step); break;
            case ValuePlacement::below: y(i) = a.anchor * (1 - step); break;
            case ValuePlacement::far: y(i) = a.anchor * parse_real(far_factors[s.offset[i] % 6], p); break;
            case ValuePlacement::zero: y(i) = 0; break;
            case ValuePlacement::repeat: y(i) = i > 0 ? Real(y(i - 1)) : a.anchor; break;
        }
    }
    Rng rng(s.seed);
    if (s.haar_basis) {
        inst.target = matrix_with_singular_values(s.dims.back(), s.dims.front(), y, rng, p);
    } else {
        // Diagonal with random signs and a random order: the SVD is exact.
        inst.target = zeros(s.dims.back(), s.dims.front(), p);
        std::vector<int> order(r);
        for (int i = 0; i < r; ++i) order[i] = i;
        for (int i = r - 1; i > 0; --i) std::swap(order[i], order[rng.next_u64() % static_cast<std::uint64_t>(i + 1)]);
        for (int i = 0; i < r; ++i) inst.target(i, i) = (rng.next_u64() & 1 ? -1 : 1) * y(order[i]);
    }
    validate(inst);
    return inst;
}

}  // namespace dmf::gen
