// Plain gradient descent on the DMF objective (problem/objective.hpp's loss and gradient), for the
// papers' sentences about what gradient descent converges to (KP Section 3.3 and Fig. 3, CJW's
// discussion of Corollary 2.3). Each step is w <- w - eta grad F(w) with eta found by Armijo
// backtracking (halve until F decreases by eta ||grad||^2 / 2; the next step starts from 2 eta), so
// the iteration is monotone and needs no Lipschitz constant. Nothing here uses a theorem.
#pragma once

#include "dmf/problem/instance.hpp"

namespace dmf::inline landscape {

struct GradientDescentResult {
    Weights w;
    int iterations = 0;
    Real gradient_norm;
    Real loss;
    bool converged = false;  // ||grad|| <= tolerance within max_iterations
};

GradientDescentResult gradient_descent(const Instance& inst, const Weights& start, const Precision& p,
                                       int max_iterations, const Real& tolerance);

}  // namespace dmf::landscape
