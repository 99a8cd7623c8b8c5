// Certified inertia of the Hessian at a critical orbit, block by block (issue 15 items 2 and 4).
//
// The blocks of structured_hessian.hpp are rebuilt in interval arithmetic (MPFI) from enclosures of
// the exact data: lambda_l and the loss factor as rationals, lambdabar = Lambda^(1/L), y_j from the
// exact layer (or the SVD residual), and x_j as a sign change of f(x; y_j) = x^{2L-1} - y_j x^{L-1}
// + lambdabar x around the computed root (xbar from its closed form when y_j is exactly on ybar).
// Each block H then encloses the exact block. Its inertia is decided without trusting an eigensolver:
//  - Sylvester's law of inertia: for any nonsingular V, V^T H V has the inertia of H. V is the computed
//    eigenvector matrix of mid(H); it is nonsingular when ||V^T V - I||_inf < 1 (in intervals).
//  - Gershgorin on A = V^T H V (in intervals): a connected component of the union of k discs holds
//    exactly k eigenvalues. Components left of 0 count negative eigenvalues, right of 0 positive ones;
//    the component containing 0 (the cluster) holds eigenvalues of unknown sign.
//  - The orbit tangent: hidden rotations (W_{l+1} -> W_{l+1}(I + eK), W_l -> (I - eK) W_l) and the
//    rotations fixing the target (exactly equal or zero y, from the exact layer) map critical points
//    to critical points, so every tangent vector t has H t = 0 at the exact critical point. Their span
//    has dimension at least the number of certified positive eigenvalues of their Gram matrix (same
//    test). If that lower bound equals the cluster's count, the cluster is exactly the orbit's zeros:
//    the kernel is the tangent and the inertia is decided. A bound above the count is a contradiction
//    (the block cannot be the Hessian of F at a critical point): status `inconsistent`.
// One zero beyond the orbit is exact: where y_j is exactly on ybar (decided exactly) the diagonal block
// {j, j} is diag(2 lambda_l) + c u u^T with u_l^2 = lambda_l / lambdabar and c = x^{2L-2} - lambdabar
// (structured_hessian.hpp; prod s_k^2 = 1), singular iff 1 + c sum u_l^2 / (2 lambda_l) = 1 + c L / (2
// lambdabar) = 0, i.e. x^{2L-2} = (L-2) lambdabar / L: exactly xbar. A rank-one change of a positive
// diagonal moves one eigenvalue, so that block has exactly one zero, counted with the tangent's. The
// inertia is then decided, and the type (no negative eigenvalue) follows from an exact cubic term
// (certified_kind: a non-strict saddle). A second exact zero: L = 2 and an inactive index exactly on
// lambdabar: one singular 2 x 2 pair W_2[o][h], W_1[h][o] per inactive hidden label h (see the .cpp); with
// no negative eigenvalue the point is then a local minimizer (no cubic term on these pairs, a positive
// quartic; certified_kind).
// Undecided (a cluster larger than the tangent: an eigenvalue within the enclosure of 0 beyond the
// orbit) is retried at 2p and 4p (capped by max_bits); an exact zero there (the double root xbar) stays
// undecided and is left to the higher-order terms of classify.hpp.
#pragma once

#include "dmf/landscape/landscape.hpp"
#include "dmf/landscape/structured_hessian.hpp"

#include <optional>
#include <string>
#include <vector>

namespace dmf::inline landscape {

struct CertifiedInertia {
    enum class State { decided, undecided, inconsistent } state = State::undecided;
    int negative = 0, zero = 0, positive = 0;  // zero: the orbit tangent's exact zeros (when decided)
    int cluster = 0;                           // eigenvalues in the components about 0 (all blocks)
    int tangent_rank = 0;                      // certified lower bound on the tangent dimension (all blocks)
    int beyond_exact = 0;                      // exact zeros beyond the orbit (below), in `zero`
    int beyond_xbar = 0;                       // of which at the double root xbar
    int beyond_lambdabar = 0;                  // of which L = 2 pairs on lambdabar
    unsigned bits = 0;                         // the precision of the last attempt
    std::string certificate;                   // "enclosure at B bits" or "undecided: <reason>"
    std::string detail;
};

// The enclosures come from td (threshold_decision_precision on the same instance); orbit.x are the
// computed roots at p. `planted_sign_error` flips the sign of the <P - Y, D^2 P> coupling: the mutation
// the consistency test must catch (its tangent vectors are then no longer in the kernel).
CertifiedInertia certified_inertia(const Instance& inst, const TargetSvd& svd, const Orbit& orbit,
                                   const ThresholdDecision& td, const Precision& p, unsigned max_bits = kDefaultMaxBits,
                                   bool planted_sign_error = false);

// Certified enclosures of the orbit's x_j at q from the enclosures ys of y_j and lb of lambdabar: 0 where
// x_j = 0, the closed form of xbar where y_j is exactly on ybar, else a certified sign change of f(.; y_j)
// about the computed root orbit.x[j]. nullopt (and the reason in *why) when a sign change is not certified.
std::optional<std::vector<Interval>> orbit_root_enclosures(const Instance& inst, const Orbit& orbit,
                                                           const ThresholdDecision& td, const std::vector<Interval>& ys,
                                                           const Interval& lb, const Precision& q, std::string* why = nullptr);

// The type that a decided certified inertia implies (local_minimizer, strict_saddle, local_maximizer),
// non_strict_saddle when the only zeros beyond the orbit are at the double root xbar and none is negative
// (an exact non-zero cubic along the balanced line, see the .cpp), local_minimizer when they are the L = 2
// pairs on lambdabar and none is negative (no cubic, a positive quartic), or undecided.
PointKind certified_kind(const CertifiedInertia& c);

}  // namespace dmf::landscape
