// What a point is, from first principles (independent of CJW Theorem 2.2):
//   1. ||grad F|| against eps(p) * gradient_scale (finite_difference.hpp): else not_critical.
//   2. Hessian inertia from the dense multiprecision eigensolver; an eigenvalue is zero below
//      tolerance::hessian_zero_threshold (the eigensolver's backward error).
//   3. With no negative eigenvalue, the kernel is compared with the tangent space of the
//      symmetry orbit (symmetry_orbit.hpp). Kernel = orbit tangent: a local minimizer
//      (Morse-Bott: F is constant on the orbit and positive definite across it).
//   4. Kernel directions beyond the orbit are tested at higher order (line_expansion.hpp):
//      a non-zero cubic form on them is a descent direction of odd order (non-strict saddle);
//      else the quartic along the best curve w + t v + t^2 u, u = -(1/2) H^+ D^3F[v, v, .],
//      q(v) = c_4(v) - (1/8) D^3F[v,v,.]^T H^+ D^3F[v,v,.], decides: q < 0 saddle, q > 0 minimizer
//      (one beyond-orbit direction; with several, only a negative q decides).
// Anything the precision cannot separate is `undecided`, with the reason.
// Global versus spurious needs the global value, which this function does not know:
// see label_minimizer.
#pragma once

#include "dmf/problem/objective.hpp"

#include <string>

namespace dmf::inline landscape {

enum class PointKind { not_critical, local_minimizer, strict_saddle, non_strict_saddle, local_maximizer, undecided };
const char* to_string(PointKind k);
// This overload would hide numerics' to_string(Real, digits) inside dmf::landscape.
using numerics::to_string;

struct Inertia {
    int negative = 0, zero = 0, positive = 0;
};

struct Classification {
    PointKind kind = PointKind::undecided;
    Real loss;
    Real gradient_norm;
    Real gradient_tolerance;
    Vector hessian_eigenvalues;  // ascending (empty when not critical)
    Real zero_threshold;
    Inertia inertia;
    int orbit_dimension = -1;    // -1 when not computed
    int beyond_orbit = -1;       // kernel directions not tangent to the orbit
    std::string evidence;
};

// Thresholds: tolerance::gradient_tolerance and tolerance::hessian_zero_threshold (tolerance_policy.hpp).
Classification classify_point(const Instance& inst, const Weights& w, const Precision& p);

// "global_minimizer" when a local minimizer's value f is within `tolerance` of an
// independently found global value (or below it), else "spurious_local_minimizer".
std::string label_minimizer(const Real& f, const Real& global_value, const Real& tolerance, const Precision& p);

}  // namespace dmf::landscape
