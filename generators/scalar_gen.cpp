#include "generators/scalar_gen.hpp"

#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <algorithm>

namespace dmf::gen {

void showValue(const ScalarCaseSpec& s, std::ostream& os) {
    static const char* names[] = {"far", "near_threshold", "on_threshold", "zero", "fraction", "between"};
    os << "{L=" << s.L << " lambda=" << s.lambda.text << " placement=" << names[static_cast<int>(s.placement)]
       << " anchor=" << (s.anchor == ScalarAnchor::tau ? "tau" : "ybar");
    if (s.placement == Placement::far) os << " |m|=" << s.far_value.text;
    if (s.placement == Placement::fraction || s.placement == Placement::between) os << " u=" << s.fraction.text;
    if (s.placement == Placement::near_threshold) os << " offset=" << (s.side > 0 ? "+" : "-") << "2^-" << s.k;
    os << " sign=" << (s.negative ? "-" : "+") << " bits=" << s.bits << "}";
}

std::vector<int> below_collapse_weights() { return {3, 3, 4, 3, 3, 1, 0, 0}; }
std::vector<int> above_ybar_weights() { return {2, 0, 6, 1, 3, 1, 2, 0}; }

rc::Gen<ScalarCaseSpec> scalar_case(const ScalarGenOptions& o) {
    return rc::gen::resize(100, rc::gen::exec([o] {
        ScalarCaseSpec s;
        s.L = *rc::gen::inRange(o.min_depth, o.max_depth + 1);
        s.lambda = *positive_decimal(o.lambda_min_exp10, o.lambda_max_exp10, 4);
        s.bits = *rc::gen::elementOf(o.bits);
        if (!o.around_ybar_weights.empty()) {
            // A fraction u in (0, 1) with 1 to 4 digits, neither end (shrinks toward 0.5).
            const auto u = [] {
                const int digits = *rc::gen::inRange(1, 5);
                int scale = 1;
                for (int d = 0; d < digits; ++d) scale *= 10;
                const int n = *rc::gen::inRange(1, scale);
                std::string t = std::to_string(n);
                t = std::string(static_cast<size_t>(digits) - t.size(), '0') + t;
                return Decimal{"0." + t};
            };
            const int k_max = o.max_offset_exp2 > 0 ? std::min(o.max_offset_exp2, static_cast<int>(s.bits) / 2 - 8)
                                                    : static_cast<int>(s.bits) / 2 - 8;
            int total = 0, choice = 0;
            for (int w : o.around_ybar_weights) total += w;
            for (int x = *rc::gen::inRange(0, total); x >= o.around_ybar_weights[static_cast<size_t>(choice)]; ++choice)
                x -= o.around_ybar_weights[static_cast<size_t>(choice)];
            switch (choice) {
                case 0: s.placement = Placement::near_threshold, s.side = -1, s.k = *rc::gen::inRange(1, k_max + 1); break;
                case 1: s.placement = Placement::fraction, s.fraction = u(); break;
                case 2: s.placement = Placement::between, s.fraction = u(); break;
                case 3: s.placement = Placement::fraction, s.anchor = ScalarAnchor::ybar, s.fraction = u(); break;
                case 4:
                    s.placement = Placement::near_threshold, s.anchor = ScalarAnchor::ybar;
                    s.side = *rc::gen::element(1, -1), s.k = *rc::gen::inRange(1, k_max + 1);
                    break;
                case 5: s.placement = Placement::on_threshold, s.anchor = ScalarAnchor::ybar; break;
                case 6: s.placement = Placement::far, s.far_value = *positive_decimal(o.lambda_min_exp10, o.lambda_max_exp10, 5); break;
                case 8: s.placement = Placement::near_threshold, s.side = 1, s.k = *rc::gen::inRange(1, k_max + 1); break;
                case 7: s.placement = Placement::zero; break;
                default: break;
            }
            s.negative = *rc::gen::arbitrary<bool>();
            return s;
        }
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
    static const char* names[] = {"far", "2^-k off threshold", "on threshold", "m=0", "fraction of threshold",
                                  "between ybar and tau"};
    std::vector<std::string> out{names[static_cast<int>(s.placement)]};
    if (s.anchor == ScalarAnchor::ybar) out.back() += " (ybar)";
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
Real placed(const ScalarCaseSpec& s, const Formula& threshold, const Precision& p, const Formula* ybar = nullptr) {
    PrecisionGuard guard(p);
    const Real t = threshold.value ? *threshold.value : Real(1);
    Real v;
    switch (s.placement) {
        case Placement::far: v = s.far_value.at(p); break;
        case Placement::near_threshold: v = t * (1 + s.side * make_real(p, 1, -s.k)); break;
        case Placement::on_threshold: v = t; break;
        case Placement::zero: v = 0; break;
        case Placement::fraction: v = t * s.fraction.at(p); break;
        case Placement::between: {
            const Real yb = ybar && ybar->value ? *ybar->value : Real(0);
            v = yb + s.fraction.at(p) * (t - yb);
            break;
        }
    }
    return s.negative ? Real(-v) : v;
}
}  // namespace

ScalarProblem materialize(const ScalarCaseSpec& s, const Precision& p) {
    const Real lambda = s.lambda.at(p);
    const Formula tau = kp_tau(s.L, lambda, p);
    Formula yb;
    {
        PrecisionGuard g(p);
        yb = cjw_y_bar(s.L, Real(lambda / s.L), p);
    }
    // The anchor ybar where it is defined (L >= 2), else tau.
    const bool on_ybar = s.anchor == ScalarAnchor::ybar && yb.value;
    return ScalarProblem{s.L, lambda, placed(s, on_ybar ? yb : tau, p, &yb)};
}

std::vector<std::string> strata(const ScalarCaseSpec& s, const Precision& p) {
    std::vector<std::string> out = strata(s);
    const ScalarProblem pr = materialize(s, p);
    const Formula tau = kp_tau(s.L, pr.lambda, p);
    PrecisionGuard g(p);
    const Formula yb = cjw_y_bar(s.L, Real(pr.lambda / s.L), p);
    const Real y = abs(pr.m);
    if (s.placement == Placement::on_threshold && s.anchor == ScalarAnchor::ybar) out.push_back("on ybar");
    else if (yb.value && y < *yb.value) out.push_back("|m| < ybar");
    else if (tau.value && y < *tau.value) out.push_back("ybar < |m| < tau");
    else if (tau.value) out.push_back("|m| > tau");
    return out;
}

Real materialize_y(const ScalarCaseSpec& s, const Precision& p) {
    PrecisionGuard guard(p);
    return abs(placed(s, cjw_y_bar(s.L, s.lambda.at(p), p), p));
}

}  // namespace dmf::gen
