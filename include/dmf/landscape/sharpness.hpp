// Sharpness at a point of a KP instance, from the definition: the dense Hessian's
// spectrum, trace and lambda_max, beside KP's printed identity (91)-(92) and the
// trace bound (81), 2L ||P||^2 / g^2 + (2 lambda / L) N with g = ||W_i||_F.
#pragma once

#include "dmf/problem/instance.hpp"

#include <optional>
#include <vector>

namespace dmf::inline landscape {

struct Sharpness {
    Vector spectrum;                 // ascending, from the multiprecision eigensolver
    Real trace;                      // sum of the diagonal of the dense Hessian
    Real lambda_max;
    Real trace_identity_92;          // printed (91)-(92)
    std::optional<Real> bound_81;    // printed (81); none when g = 0 (0/0 at a collapsed minimizer)
    std::vector<Real> layer_norms;   // ||W_i||_F, i = 1..L
};

// `inst` must use the kp convention; throws on a non-converging eigensolver.
Sharpness sharpness(const Instance& inst, const Weights& w, const Precision& p);

}  // namespace dmf::landscape
