// Uses the installed dmf::oracle: reads a depth-2 scalar instance from JSON,
// evaluates the CJW loss and the gradient norm at a point at 128 bits, and
// checks them against their exact values.
//
//   F(W) = 1/2 (w2 w1 - 2)^2 + (1/4) w1^2 + (1/4) w2^2 at w1 = w2 = 1:
//   F = 1/2 + 1/4 + 1/4 = 1, dF/dw1 = dF/dw2 = (1 - 2) * 1 + 1/2 = -1/2,
//   so ||grad F|| = sqrt(1/2), which MPFI encloses.
#include <dmf/numerics/interval.hpp>
#include <dmf/numerics/precision.hpp>
#include <dmf/problem/instance_json.hpp>
#include <dmf/problem/objective.hpp>

#include <boost/multiprecision/mpfr.hpp>

#include <iostream>

int main() {
    const dmf::Precision p = dmf::Precision::from_bits(128);
    const dmf::Instance inst = dmf::instance_from_json(
        dmf::parse_json_exact(R"({"L": 2, "dims": [1, 1, 1], "lambda": ["0.5", "0.5"],
                                  "convention": "cjw", "target": [["2"]]})"),
        p);
    const dmf::Weights w = dmf::point_from_json(dmf::parse_json_exact(R"({"weights": [[["1"]], [["1"]]]})"), inst, p);

    const dmf::Real f = dmf::loss(inst, w, p);
    const dmf::Real g = dmf::gradient_norm(inst, w, p);
    const dmf::Interval exact = dmf::Interval(dmf::Rational(1, 2), p).sqrt();

    std::cout << "bits " << p.bits() << "\n"
              << "loss " << dmf::to_string(f, 40) << "\n"
              << "gradient_norm " << dmf::to_string(g, 40) << "\n"
              << "sqrt(1/2) in " << exact.str(40) << "\n";

    const dmf::Real tol = 4 * dmf::epsilon(p);
    const bool ok = f == 1 && boost::multiprecision::abs(g - exact.mid()) <= tol;
    std::cout << (ok ? "consumer: ok" : "consumer: WRONG") << "\n";
    return ok ? 0 : 1;
}
