// Instances for the CJW landscape claims, built so that the exceptional sets are hit
// exactly at the working precision, not approximately:
//   anchor ybar: xbar = 2^k and lambdabar = xbar^{2L-2} L/(L-2), so ybar = 2(L-1)/(L-2) xbar^L
//                is a binary number for L in {3, 4, 6} (CJW (42)-(43));
//   anchor tie:  x = 2^k, lambdabar = x^{2L-2}/(L-2), y* = (L-1)/(L-2) x^L: then x is the
//                larger root of f(.; y*) and G(x; y*) = G(0; y*), CJW (10)'s tie, exact for
//                L in {3, 4, 6};
//   L = 2:       lambdabar = 2^{2k}, the threshold y = sqrt(lambda_1 lambda_2) = lambdabar;
//   otherwise the anchor is the printed ybar rounded (near, not on).
// Per layer lambda_l = lambdabar 2^{a_l} with sum a_l = 0, so prod lambda_l = lambdabar^L exactly.
// Each singular value sits on the anchor, at anchor (1 +- 2^-m), at a far multiple, at zero, or
// repeats the previous one. Exact instances use a diagonal target with random signs and order
// (an exact SVD); the others a Haar U diag(y) V^T. Magnitudes reach 1e-30..1e30 through k.
#pragma once

#include "dmf/problem/instance.hpp"

#include <rapidcheck.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace dmf::gen {

enum class LandscapeAnchor { ybar, tie, printed };
enum class ValuePlacement { on, above, below, far, zero, repeat };

struct LandscapeSpec {
    int L = 3;
    std::vector<int> dims;
    LandscapeAnchor anchor = LandscapeAnchor::ybar;
    int k = 0;                          // the anchor's base 2^k
    std::vector<int> lambda_shift;      // a_l, summing to 0
    std::vector<ValuePlacement> place;  // per singular index
    std::vector<int> offset;            // m for above/below; index into the far factors for far
    bool haar_basis = false;
    std::uint64_t seed = 0;
};
void showValue(const LandscapeSpec& s, std::ostream& os);

struct LandscapeGenOptions {
    int min_depth = 3, max_depth = 6;
    int max_width = 3;
    long long max_parameters = 30;  // a full classification of every orbit in about a second at 128 bits
    int max_magnitude_exp2 = 100;   // |k L| <= this: y from about 1e-30 to 1e30
    // Strata drawn on purpose (percent of cases), independent of RapidCheck's size: outer widths
    // >= 2 (r >= 2); given r >= 2, a hidden width below r (a bottleneck, d_min < r); the
    // threshold's rank (the first j values far above the anchor, the rest on, below or zero);
    // a repeated and a zero singular value.
    int wide_ends_percent = 60, bottleneck_percent = 35, rank_percent = 40;
    int repeat_percent = 30, zero_percent = 25;
    bool tie_heavy = false;  // anchors ybar : tie : printed = 1 : 2 : 1 (CJW.T2.2, whose exceptional set is the tie)
    // Applied after the draws (so the other options' cases are unchanged): the exact ybar anchor
    // where the depth has one (L in {3, 4, 6}) and at least the first singular value on it, so that
    // the orbits with a root xbar exist (CJW.P3.21's hypothesis).
    bool on_exact_ybar = false;
    // Percent of cases whose depth is redrawn among those with exact anchors (3, 4, 6, within
    // [min_depth, max_depth]), so that the anchors ybar and tie are reached when the depth range
    // is wide (CORE.classifier-line-signs draws L = 1..6). 0: no redraw (the draws are unchanged).
    int exact_depth_percent = 0;
    // Percent of cases (where r >= 2 and the depth has exact anchors) redrawn, after the other
    // draws, into the stratum where CJW.C2.3's index range matters: the exact ybar anchor, a
    // bottleneck d_min < r, the d_min largest singular values far above ybar and the next one on
    // it (so y_i = ybar only for some i in (d_min, r]). Strata "on anchor beyond d_min".
    int beyond_bottleneck_percent = 0;
    // After the draws: with a bottleneck (d_min < r), repeated values become distinct (placed below
    // the anchor). A repeated value across a bottleneck makes the critical set a continuum beyond the
    // orbit's symmetry, where gradient descent and the Levenberg-Marquardt polish do not converge in
    // their budgets (CJW.S2.3's runs: undecided in such cases, not wrong).
    bool distinct_with_bottleneck = false;
};
rc::Gen<LandscapeSpec> landscape_spec(const LandscapeGenOptions& o = {});

// The strata a spec lies in, for the floors (properties/property.hpp): "r>=2", "bottleneck",
// "hidden>r", "repeated y", "zero y", "on anchor", "2^-k off anchor", "unequal lambda",
// "non-diagonal", "|lambda| beyond 1e+-10", "anchor ybar" / "anchor tie" / "anchor printed", "L=<n>",
// "on anchor beyond d_min" (a value on the anchor only at indices above d_min).
std::vector<std::string> strata(const LandscapeSpec& s);

// lambdabar and the anchor value at precision p (exact where the header says so).
struct LandscapeAnchorValues {
    Real lambda_bar, anchor;
    bool exact = false;
};
LandscapeAnchorValues anchor_values(const LandscapeSpec& s, const Precision& p);
Instance materialize(const LandscapeSpec& s, const Precision& p);

}  // namespace dmf::gen
