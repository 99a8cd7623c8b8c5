// Orthogonal invariance of the whole landscape, with exact rational rotations (issue 15):
// F(W_1, ..., W_L; Y) and F(R W_1, ..., Q W_L; Q Y R^T) are equal for orthogonal Q, R, so the
// critical orbits of Y and of Q Y R^T correspond one to one with the same root labels, type and
// value. Q and R are Cayley transforms (I - S)(I + S)^{-1} of small rational skew S with
// finite-decimal entries (generators/exceptional_targets.hpp), and Q Y R^T is formed exactly,
// so both inputs are exact decimals with the same singular values: an exact coincidence of Y
// (a value on ybar or y*, a repeated value) is one of Q Y R^T as well.
//   CORE.ortho-invariance:             random rational targets off the thresholds (by 1e-6);
//   CORE.ortho-invariance/exceptional: the instances of tests/exceptional/ (exactly on ybar, y*,
//                                      repeated, 1e-70 beside). Hidden until the certified
//                                      decision layer of issue 15 lands: today the input is
//                                      rounded before deciding, so Q Y R^T's values leave the
//                                      threshold and the orbit count or a type changes.
// Landscapes are compared as multisets of (root labels, type, value to 2^-(bits-40) relative).
#include "generators/exceptional_targets.hpp"
#include "dmf/landscape/landscape.hpp"
#include "dmf/landscape/landscape_summary.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/theory/cjw.hpp"
#include "properties/property.hpp"

#include <algorithm>

namespace {

using namespace dmf;

struct Entry {
    std::string key;  // "[roots] type"
    Real value;
};

std::vector<Entry> entries(const Landscape& land) {
    std::vector<Entry> out;
    for (const auto& c : land.orbits) out.push_back({root_label_string(c.orbit) + " " + c.computed, c.classification.loss});
    std::sort(out.begin(), out.end(), [](const Entry& a, const Entry& b) {
        return a.key != b.key ? a.key < b.key : a.value < b.value;
    });
    return out;
}

std::string listing(const std::vector<Entry>& e) {
    std::string s;
    for (const auto& x : e) s += "\n    " + x.key + "  F = " + to_string(x.value, 20);
    return s;
}

void check_invariance(const nlohmann::json& a_json, const Precision& p, std::uint64_t seed) {
    const int rows = static_cast<int>(a_json["target"].size()), cols = static_cast<int>(a_json["target"][0].size());
    const auto q = gen::cayley_orthogonal(rows, seed), r = gen::cayley_orthogonal(cols, seed + 1);
    nlohmann::json b_json = a_json;
    b_json["target"] = gen::rotate_exact(q, a_json["target"].get<gen::DecimalMatrix>(), r);
    RC_LOG() << "Y = " << a_json["target"].dump() << "\nQ Y R^T = " << b_json["target"].dump() << "\n";
    const Instance a = instance_from_json(a_json, p), b = instance_from_json(b_json, p);
    const Landscape la = classify_landscape(a, p, 7), lb = classify_landscape(b, p, 7);
    const auto ea = entries(la), eb = entries(lb);
    std::vector<std::string> ka, kb;
    for (const auto& x : ea) ka.push_back(x.key);
    for (const auto& x : eb) kb.push_back(x.key);
    if (ka != kb) RC_FAIL("landscape of Y:" + listing(ea) + "\n  landscape of Q Y R^T:" + listing(eb));
    PrecisionGuard g(p);
    const Real scale = abs(la.global_value) + 1;
    for (size_t i = 0; i < ea.size(); ++i) {
        const Real d = abs(ea[i].value - eb[i].value) / (epsilon(p) * (abs(ea[i].value) + scale));
        prop::record_error(d, ea[i].key);
        if (d > Real(1) * (1LL << 40))
            RC_FAIL(ea[i].key + ": F = " + to_string(ea[i].value, 40) + " became " + to_string(eb[i].value, 40));
    }
    RC_TAG(la.orbits.size() > 4 ? "more than 4 orbits" : "at most 4 orbits");
}

// A small decimal "a.b" (0.1 .. 9.9) or an integer.
std::string small_decimal() {
    const int v = *rc::gen::inRange(1, 100);
    return std::to_string(v / 10) + (v % 10 ? "." + std::to_string(v % 10) : "");
}

}  // namespace

DMF_PROPERTY_CASES("CORE.ortho-invariance", "solve(Y) = solve(Q Y R^T) for rational orthogonal Q, R (Cayley transforms): orbits, types and values, on rational targets off the thresholds", 10) {
    const Precision p = Precision::from_bits(128);
    const int L = *rc::gen::inRange(3, 5);
    // d_0 in 1..3, d_L in 2..3 (a rotation on at least one side), hidden widths 1..2 (bottlenecks): N <= 20.
    std::vector<int> dims(L + 1);
    for (auto& d : dims) d = *rc::gen::inRange(1, 3);
    dims.front() = *rc::gen::inRange(1, 4);
    dims.back() = *rc::gen::inRange(2, 4);
    std::vector<std::string> lambda;
    for (int l = 0; l < L; ++l) lambda.push_back(*rc::gen::element<std::string>("0.5", "1", "1.5", "2", "3"));
    const int r = std::min(dims.front(), dims.back());
    std::vector<std::string> y;
    for (int i = 0; i < r; ++i) y.push_back(small_decimal());
    std::sort(y.begin(), y.end(), [](const std::string& u, const std::string& v) { return std::stod(u) > std::stod(v); });
    gen::DecimalMatrix target(dims.back(), std::vector<std::string>(dims.front(), "0"));
    for (int i = 0; i < r; ++i) target[i][i] = y[i];
    const nlohmann::json inst{{"L", L}, {"dims", dims}, {"convention", "cjw"}, {"lambda", lambda}, {"target", target}};
    {
        // Off the thresholds by a relative 1e-6, so that rounding at p cannot move a value across.
        const Instance a = instance_from_json(inst, p);
        const Real lb = lambda_bar(a, p);
        const Real ybar = *cjw_y_bar(L, lb, p).value, ystar = *cjw_tie_y_star(L, lb, p).value;
        PrecisionGuard g(p);
        for (const auto& s : y) {
            const Real v = parse_real(s, p);
            RC_PRE(abs(v - ybar) > ybar / 1000000 && abs(v - ystar) > ystar / 1000000);
        }
    }
    check_invariance(inst, p, *rc::gen::arbitrary<std::uint64_t>());
}

DMF_PROPERTY_CASES("CORE.ortho-invariance/exceptional", "solve(Y) = solve(Q Y R^T) on tests/exceptional/'s set (exactly on ybar, y*, repeated, 1e-70 beside), decided by the certified threshold positions", 25) {
    static const auto set = gen::exceptional_set();
    const auto& e = set[*rc::gen::inRange<size_t>(0, set.size())];
    RC_TAG(e.family);
    RC_LOG() << e.name << "\n";
    check_invariance(e.instance, Precision::from_bits(128), *rc::gen::arbitrary<std::uint64_t>());
}
