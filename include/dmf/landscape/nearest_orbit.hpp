// Which critical orbit of T2.1 a point belongs to, and how far it is from it.
// Matching is by the layer singular values: at an orbit point W_l has singular values
// sqrt(lambdabar / lambda_l) x_j (CJW (6)-(7)), the non-zero x_j in any order, so the orbit
// whose sorted scaled roots are closest (max norm) to each layer's singular values is the
// nearest one. The hidden rotations are then aligned by alternating Procrustes.
#pragma once

#include "dmf/landscape/landscape.hpp"

namespace dmf {

struct OrbitMatch {
    const ClassifiedOrbit* orbit = nullptr;  // into the landscape; null when it has no orbit
    Real mismatch;                           // max |sigma_k(W_l) - expected| over layers and k
};

// The orbit of `land` nearest to the critical point `w` by layer singular values.
OrbitMatch nearest_orbit(const Instance& inst, const Landscape& land, const Weights& w, const Precision& p);

// min over hidden rotations Q_1..Q_{L-1} of sum ||W_l - Q_l C_l Q_{l-1}^T||^2 (Q_0, Q_L = I): the
// representative c rotated toward w (alternating Procrustes, 40 sweeps). Rotations that fix the
// target are not aligned, so the distance to the result is an upper bound on the orbit distance.
Weights align_hidden_rotations(const Instance& inst, const Weights& w, const Weights& c, const Precision& p);

// sqrt(sum_l ||a_l - b_l||_F^2).
Real weights_distance(const Weights& a, const Weights& b, const Precision& p);

}  // namespace dmf
