#include "generators/scalar_gen.hpp"

#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

namespace dmf::gen {

void showValue(const ScalarCaseSpec& s, std::ostream& os) {
    static const char* names[] = {"far", "near_threshold", "on_threshold", "zero"};
    os << "{L=" << s.L << " lambda=" << s.lambda.text << " placement=" << names[static_cast<int>(s.placement)];
    if (s.placement == Placement::far) os << " |m|=" << s.far_value.text;
    if (s.placement == Placement::near_threshold) os << " offset=" << (s.side > 0 ? "+" : "-") << "2^-" << s.k;
    os << " sign=" << (s.negative ? "-" : "+") << " bits=" << s.bits << "}";
}

rc::Gen<ScalarCaseSpec> scalar_case(const ScalarGenOptions& o) {
    return rc::gen::resize(100, rc::gen::exec([o] {
        ScalarCaseSpec s;
        s.L = *rc::gen::inRange(o.min_depth, o.max_depth + 1);
        s.lambda = *positive_decimal(o.lambda_min_exp10, o.lambda_max_exp10, 4);
        s.bits = *rc::gen::elementOf(o.bits);
        s.placement = *rc::gen::weightedElement<Placement>(
            {{4, Placement::far}, {4, Placement::near_threshold}, {2, Placement::on_threshold}, {1, Placement::zero}});
        s.far_value = *positive_decimal(o.lambda_min_exp10, o.lambda_max_exp10, 5);
        s.k = *rc::gen::inRange(1, static_cast<int>(s.bits) - 10 + 1);
        s.side = *rc::gen::element(1, -1);
        s.negative = *rc::gen::arbitrary<bool>();
        return s;
    }));
}

std::vector<std::string> strata(const ScalarCaseSpec& s) {
    static const char* names[] = {"far", "2^-k off threshold", "on threshold", "m=0"};
    std::vector<std::string> out{names[static_cast<int>(s.placement)]};
    if (s.L == 1) out.push_back("L=1");
    if (s.L >= 3) out.push_back("L>=3");
    // The decimal's exponent: "d.ddde<x>".
    const auto e = s.lambda.text.find('e');
    const int x = e == std::string::npos ? 0 : std::stoi(s.lambda.text.substr(e + 1));
    if (x < -10) out.push_back("|lambda|<1e-10");
    if (x >= 10) out.push_back("|lambda|>1e10");
    return out;
}

Precision precision_of(const ScalarCaseSpec& s) { return Precision::from_bits(s.bits); }

namespace {
Real placed(const ScalarCaseSpec& s, const Formula& threshold, const Precision& p) {
    PrecisionGuard guard(p);
    const Real t = threshold.value ? *threshold.value : Real(1);
    Real v;
    switch (s.placement) {
        case Placement::far: v = s.far_value.at(p); break;
        case Placement::near_threshold: v = t * (1 + s.side * make_real(p, 1, -s.k)); break;
        case Placement::on_threshold: v = t; break;
        case Placement::zero: v = 0; break;
    }
    return s.negative ? Real(-v) : v;
}
}  // namespace

ScalarProblem materialize(const ScalarCaseSpec& s, const Precision& p) {
    const Real lambda = s.lambda.at(p);
    return ScalarProblem{s.L, lambda, placed(s, kp_tau(s.L, lambda, p), p)};
}

Real materialize_y(const ScalarCaseSpec& s, const Precision& p) {
    PrecisionGuard guard(p);
    return abs(placed(s, cjw_y_bar(s.L, s.lambda.at(p), p), p));
}

}  // namespace dmf::gen
