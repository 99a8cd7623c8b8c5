// F along a straight line, exactly: t -> F(w + t v) is a polynomial of degree 2L
// (P(t) = prod_l (W_l + t V_l) has degree L), so its Taylor coefficients are
// computed from matrix polynomials, not from finite differences. Used by the
// classifier to test null directions of the Hessian at higher order.
//   c_k = (1/k!) D^k F(w)[v, ..., v];
//   cubic_gradient = D^3 F(w)[v, v, .] = 2 x (t^2-coefficient of grad F(w + t v)), the
//     vector that the second-order curve correction w + t v + t^2 u pairs with.
// `magnitude[k]` bounds |c_k| by the triangle inequality over the same expansion
// (sum of norms of the pieces): the scale rounding errors in c_k are measured against.
#pragma once

#include "dmf/problem/objective.hpp"

#include <vector>

namespace dmf::inline problem {

struct LineExpansion {
    std::vector<Real> coefficient;  // c_0 .. c_{2L} (c_0..c_2 for L = 1 padded to at least 5 entries)
    std::vector<Real> magnitude;    // same length
    Vector cubic_gradient;          // D^3 F(w)[v, v, .] in the flattened order of objective.hpp
};

LineExpansion expand_along_line(const Instance& inst, const Weights& w, const Weights& v, const Precision& p);

}  // namespace dmf::problem
