// A DMF instance: depth, widths, regularization, target, and which paper's
// convention the loss is written in.
//   cjw: F(W) = 1/2 ||P - Y||_F^2 + sum_l (lambda_l/2) ||W_l||_F^2   (CJW (1))
//   kp : L(W) = ||M - P||_F^2 + (lambda/L) sum_l ||W_l||_F^2          (KP (1))
// with P = W_L ... W_1. The two agree through L = 2F with lambda_l = lambda/L.
#pragma once

#include <nlohmann/json_fwd.hpp>

#include <memory>

#include "dmf/numerics/linalg.hpp"

#include <stdexcept>
#include <string>
#include <vector>

namespace dmf::inline problem {

enum class Convention { cjw, kp };
const char* to_string(Convention c);
// This overload would hide numerics' to_string(Real, digits) inside dmf::problem.
using numerics::to_string;

// Documented size limits (README "Limits"): beyond them input is rejected.
struct InstanceLimits {
    static constexpr int max_depth = 64;
    static constexpr int max_width = 4096;
    static constexpr long long max_parameters = 4'194'304;
};

struct Instance {
    int L = 1;
    std::vector<int> dims;       // d_0, ..., d_L; W_l is d_l x d_{l-1}
    Convention convention = Convention::cjw;
    std::vector<Real> lambda;    // cjw: lambda_1..lambda_L;  kp: the single lambda
    Matrix target;               // d_L x d_0 (Y for cjw, M for kp)
    // The input as written (instances read from JSON: every number's decimal text), so that a
    // computation at a higher precision starts from the exact data, not from this rounding of it.
    std::shared_ptr<const nlohmann::json> exact_source;

    long long num_parameters() const;  // N = sum_l d_l d_{l-1}
    int d_min() const;                 // min over l = 0..L of d_l
    int rank_bound() const;            // r = min(d_0, d_L)
};

// Thrown for any defect of user input; the message names the field.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Checks every structural rule (the same list as the JSON reader) and throws
// InputError naming the field. Instances built in code go through this too.
void validate(const Instance& inst);

// The CJW form of any instance: per-layer lambda_l and the factor c with
// loss_in_own_convention = c * F_cjw. For kp: lambda_l = lambda/L, c = 2.
struct CjwForm {
    std::vector<Real> lambda;  // lambda_1..lambda_L
    Real loss_factor;          // 1 (cjw) or 2 (kp)
};
CjwForm cjw_form(const Instance& inst, const Precision& p);

// lambdabar = (prod_l lambda_l)^{1/L} in the CJW form (CJW (8)).
Real lambda_bar(const Instance& inst, const Precision& p);

// A point: the weights W_1, ..., W_L.
using Weights = std::vector<Matrix>;
void validate_point(const Instance& inst, const Weights& w);

}  // namespace dmf::problem
