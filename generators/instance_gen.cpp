#include "generators/instance_gen.hpp"

#include "dmf/numerics/random.hpp"

#include <algorithm>

namespace dmf::gen {

void showValue(const InstanceSpec& s, std::ostream& os) {
    os << "{L=" << s.L << " dims=[";
    for (size_t i = 0; i < s.dims.size(); ++i) os << (i ? "," : "") << s.dims[i];
    os << "] convention=" << to_string(s.convention) << " lambda=[";
    for (size_t i = 0; i < s.lambda.size(); ++i) os << (i ? "," : "") << s.lambda[i].text;
    os << "] singular_values=[";
    for (size_t i = 0; i < s.singular_values.size(); ++i) os << (i ? "," : "") << s.singular_values[i].text;
    os << "] basis_seed=" << s.basis_seed << "}";
}

void showValue(const PointSpec& s, std::ostream& os) {
    os << "{seed=" << s.seed << " scale=" << s.scale.text << "}";
}

Instance materialize(const InstanceSpec& s, const Precision& p) {
    Instance inst;
    inst.L = s.L;
    inst.dims = s.dims;
    inst.convention = s.convention;
    for (const auto& d : s.lambda) inst.lambda.push_back(d.at(p));
    const int r = std::min(s.dims.front(), s.dims.back());
    Vector sigma = zero_vector(r, p);
    for (int i = 0; i < r && i < static_cast<int>(s.singular_values.size()); ++i) sigma(i) = s.singular_values[i].at(p);
    Rng rng(s.basis_seed);
    inst.target = matrix_with_singular_values(s.dims.back(), s.dims.front(), sigma, rng, p);
    validate(inst);
    return inst;
}

namespace {
long long parameters(const std::vector<int>& dims) {
    long long n = 0;
    for (size_t l = 1; l < dims.size(); ++l) n += static_cast<long long>(dims[l]) * dims[l - 1];
    return n;
}
}  // namespace

InstanceGenOptions solver_sized() {
    InstanceGenOptions o;
    o.min_depth = 1;
    o.max_depth = 4;
    o.max_width = 3;
    o.max_parameters = 24;
    o.lambda_min_exp10 = -2;
    o.lambda_max_exp10 = 0;
    o.sigma_min_exp10 = -1;
    o.sigma_max_exp10 = 0;
    return o;
}

// Drawn at RapidCheck's full size (inRange scales its range with the case index otherwise: at 25
// cases 88% of instances had r = 1), with the strata drawn on purpose: outer widths >= 2 (r >= 2)
// in 60% of cases, and given r >= 2 a hidden width below r (a bottleneck) in 40%.
rc::Gen<InstanceSpec> instance_spec(const InstanceGenOptions& o) {
    return rc::gen::resize(100, rc::gen::exec([o] {
        InstanceSpec s;
        s.L = *rc::gen::inRange(o.min_depth, o.max_depth + 1);
        // Widths shrink toward small. Over the parameter budget, narrow the widest hidden layer
        // (then any) until within it: deterministic, so shrinking and replay stay exact.
        s.dims = *rc::gen::container<std::vector<int>>(s.L + 1, rc::gen::inRange(o.min_width, o.max_width + 1));
        if (o.max_width >= 2 && *rc::gen::inRange(0, 100) < 60) {
            s.dims.front() = std::max(s.dims.front(), 2);
            s.dims.back() = std::max(s.dims.back(), 2);
            if (s.L >= 2 && *rc::gen::inRange(0, 100) < o.bottleneck_percent)
                s.dims[*rc::gen::inRange(1, s.L)] = std::max(o.min_width, std::min(s.dims.front(), s.dims.back()) - 1);
        }
        while (parameters(s.dims) > o.max_parameters) {
            auto widest = s.L >= 2 ? std::max_element(s.dims.begin() + 1, s.dims.end() - 1) : s.dims.end();
            if (widest == s.dims.end() || *widest <= o.min_width) widest = std::max_element(s.dims.begin(), s.dims.end());
            if (*widest <= o.min_width) break;
            --*widest;
        }
        if (o.allow_kp && o.allow_cjw)
            s.convention = *rc::gen::element(Convention::cjw, Convention::kp);
        else
            s.convention = o.allow_kp ? Convention::kp : Convention::cjw;
        const auto lam = positive_decimal(o.lambda_min_exp10, o.lambda_max_exp10, 4);
        if (s.convention == Convention::kp) {
            s.lambda = {*lam};
        } else if (*rc::gen::arbitrary<bool>()) {
            s.lambda.assign(s.L, *lam);  // the scalar-lambda case
        } else {
            s.lambda = *rc::gen::container<std::vector<Decimal>>(s.L, lam);
        }
        const int r = std::min(s.dims.front(), s.dims.back());
        const auto sv = positive_decimal(o.sigma_min_exp10, o.sigma_max_exp10, 5);
        for (int i = 0; i < r; ++i) {
            // 0: fresh value, 1: repeat the previous one, 2: zero.
            const int kind = *rc::gen::weightedElement<int>({{6, 0}, {2, 1}, {1, 2}});
            if (kind == 1 && i > 0)
                s.singular_values.push_back(s.singular_values.back());
            else if (kind == 2)
                s.singular_values.push_back(Decimal{"0"});
            else
                s.singular_values.push_back(*sv);
        }
        if (r >= 2 && *rc::gen::inRange(0, 100) < o.repeat_percent) {
            const int i = *rc::gen::inRange(1, r);
            s.singular_values[i] = s.singular_values[i - 1];
        }
        s.basis_seed = *rc::gen::arbitrary<std::uint64_t>();
        return s;
    }));
}

std::vector<std::string> strata(const InstanceSpec& s) {
    std::vector<std::string> out{"L=" + std::to_string(s.L)};
    const int r = std::min(s.dims.front(), s.dims.back());
    int d_min = r;
    for (int l = 1; l < s.L; ++l) d_min = std::min(d_min, s.dims[l]);
    if (r >= 2) out.push_back("r>=2");
    if (d_min < r) out.push_back("bottleneck");
    bool zero = false, repeat = false, distinct = r >= 2;
    for (size_t i = 0; i < s.singular_values.size(); ++i) {
        zero = zero || s.singular_values[i].text == "0";
        for (size_t j = 0; j < i; ++j)
            if (s.singular_values[i].text == s.singular_values[j].text) {
                distinct = false;
                repeat = repeat || s.singular_values[i].text != "0";
            }
    }
    if (zero) out.push_back("zero y");
    if (repeat) out.push_back("repeated y");
    if (distinct) out.push_back("r>=2 distinct");
    for (const auto& l : s.lambda)
        if (l.text != s.lambda.front().text) {
            out.push_back("unequal lambda");
            break;
        }
    out.push_back(to_string(s.convention));
    return out;
}



rc::Gen<PointSpec> point_spec(int min_exp10, int max_exp10) {
    return rc::gen::apply([](std::uint64_t seed, Decimal scale) { return PointSpec{seed, scale}; },
                          rc::gen::arbitrary<std::uint64_t>(), positive_decimal(min_exp10, max_exp10, 3));
}

Weights materialize_point(const Instance& inst, const PointSpec& s, const Precision& p) {
    Rng rng(s.seed);
    const Real scale = s.scale.at(p);
    Weights w;
    for (int l = 1; l <= inst.L; ++l) {
        Matrix m = gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p);
        PrecisionGuard guard(p);
        w.push_back(m * scale);
    }
    return w;
}

}  // namespace dmf::gen
