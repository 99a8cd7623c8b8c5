#include "generators/orbit_gen.hpp"

#include "dmf/numerics/random.hpp"

#include <algorithm>

namespace dmf::gen {

const char* to_string(OrbitPerturbation k) {
    switch (k) {
        case OrbitPerturbation::none: return "none";
        case OrbitPerturbation::relative_1e10: return "relative 1e-10";
        case OrbitPerturbation::float32: return "float32 rounding";
        case OrbitPerturbation::float64: return "float64 rounding";
    }
    return "?";
}

void showValue(const OrbitPointSpec& s, std::ostream& os) {
    os << "{L=" << s.L << " dims=[";
    for (size_t i = 0; i < s.dims.size(); ++i) os << (i ? "," : "") << s.dims[i];
    os << "] lambda=[";
    for (size_t i = 0; i < s.lambda.size(); ++i) os << (i ? "," : "") << s.lambda[i].text;
    os << "] y=[";
    for (size_t i = 0; i < s.singular_values.size(); ++i) os << (i ? "," : "") << s.singular_values[i].text;
    os << "] pick=[";
    for (size_t i = 0; i < s.root_pick.size(); ++i) os << (i ? "," : "") << s.root_pick[i];
    os << "] seed=" << s.seed << " perturbation=" << to_string(s.perturbation) << "}";
}

rc::Gen<OrbitPointSpec> orbit_point_spec(const OrbitGenOptions& o) {
    return rc::gen::exec([=] {
        OrbitPointSpec s;
        s.L = *rc::gen::weightedElement<int>({{1, 1}, {3, 2}, {6, 3}, {3, 4}, {2, 5}, {2, 6}});
        s.L = std::min(s.L, o.max_depth);
        // Widths: mostly small, sometimes up to max_width.
        const int cap = *rc::gen::weightedElement<int>({{5, 6}, {3, 16}, {2, 32}});
        const int top = std::max(1, std::min(cap, o.max_width));
        const int d = *rc::gen::inRange(1, top + 1);
        const int d0 = std::max(1, d - *rc::gen::weightedElement<int>({{4, 0}, {1, 1}, {1, 2}}));
        s.dims.assign(s.L + 1, d);
        s.dims.front() = d0;
        const int r = std::min(d0, d);
        for (int l = 1; l < s.L; ++l) {
            const int kind = *rc::gen::weightedElement<int>({{4, 0}, {2, 1}, {1, 2}});
            if (kind == 1 && r > 1) s.dims[l] = *rc::gen::inRange(1, r);                          // bottleneck
            if (kind == 2) s.dims[l] = std::min(o.max_width, d + *rc::gen::inRange(1, 5));       // wider than r
        }
        const auto lam = positive_decimal(-3, -2, 3);
        for (int l = 0; l < s.L; ++l) s.lambda.push_back(*lam);
        const auto sv = positive_decimal(-1, 0, 4);
        for (int i = 0; i < r; ++i) {
            const int kind = *rc::gen::weightedElement<int>({{6, 0}, {2, 1}, {1, 2}});
            if (kind == 1 && i > 0) s.singular_values.push_back(s.singular_values.back());
            else if (kind == 2) s.singular_values.push_back(Decimal{"0"});
            else s.singular_values.push_back(*sv);
        }
        for (int i = 0; i < r; ++i) s.root_pick.push_back(*rc::gen::weightedElement<int>({{1, 0}, {2, 1}, {3, 2}}));
        s.seed = *rc::gen::arbitrary<std::uint64_t>();
        s.perturbation = *rc::gen::element(OrbitPerturbation::none, OrbitPerturbation::relative_1e10,
                                           OrbitPerturbation::float32, OrbitPerturbation::float64);
        return s;
    });
}

OrbitPointCase materialize(const OrbitPointSpec& s, const Precision& p) {
    OrbitPointCase c;
    Instance& inst = c.inst;
    inst.L = s.L;
    inst.dims = s.dims;
    inst.convention = Convention::cjw;
    for (const auto& l : s.lambda) inst.lambda.push_back(l.at(p));
    Rng rng(s.seed);
    const Eigen::Index r = static_cast<Eigen::Index>(s.singular_values.size());
    Vector sigma = zero_vector(r, p);
    for (Eigen::Index i = 0; i < r; ++i) sigma(i) = s.singular_values[static_cast<size_t>(i)].at(p);
    inst.target = matrix_with_singular_values(s.dims.back(), s.dims.front(), sigma, rng, p);
    validate(inst);
    c.svd = target_svd(inst, rng, p);
    std::vector<std::vector<int>> slopes;
    const auto roots = roots_per_index(inst, c.svd.y, p, &slopes);
    const int d_min = *std::min_element(inst.dims.begin(), inst.dims.end());
    Orbit& o = c.orbit;
    o.choice.assign(c.svd.y.size(), 0);
    o.x.assign(c.svd.y.size(), Real(0));
    o.root_slope.assign(c.svd.y.size(), 0);
    int active = 0;
    for (size_t j = 0; j < c.svd.y.size(); ++j) {
        const int pick = j < s.root_pick.size() ? s.root_pick[j] : 0;
        if (pick == 0 || roots[j].empty() || active >= d_min) continue;
        const int k = (pick - 1) % static_cast<int>(roots[j].size());
        o.choice[j] = k + 1;
        o.x[j] = roots[j][static_cast<size_t>(k)];
        o.root_slope[j] = slopes[j][static_cast<size_t>(k)];
        ++active;
    }
    c.exact = orbit_point(inst, c.svd, o, rng, p);
    c.point = c.exact;
    PrecisionGuard g(p);
    // Relative size of the change to one entry: 1e-10, or float32 / float64 rounding (through double:
    // 2^-24 + 2^-53 and 2^-53).
    const Real rel = s.perturbation == OrbitPerturbation::relative_1e10 ? Real("1e-10")
                     : s.perturbation == OrbitPerturbation::float32     ? Real(make_real(p, 1, -23))
                     : s.perturbation == OrbitPerturbation::float64     ? Real(make_real(p, 1, -53))
                                                                        : Real(0);
    c.perturbation = 0;
    for (auto& m : c.point) {
        const Real norm = sqrt(frobenius_norm_squared(m, p));
        for (Eigen::Index i = 0; i < m.size(); ++i) {
            Real& x = m.data()[i];
            if (s.perturbation == OrbitPerturbation::relative_1e10) x *= 1 + rel * (2 * rng.uniform(p) - 1);
            if (s.perturbation == OrbitPerturbation::float32) x = Real(static_cast<float>(static_cast<double>(x)));
            if (s.perturbation == OrbitPerturbation::float64) x = Real(static_cast<double>(x));
        }
        c.perturbation = std::max(c.perturbation, Real(rel * norm));
    }
    return c;
}

}  // namespace dmf::gen
