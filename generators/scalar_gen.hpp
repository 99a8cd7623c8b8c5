// Scalar cases (KP (12)): depth, lambda over 1e-30..1e30, and m placed far from
// the threshold tau, at a relative distance 2^-k from it (either side), exactly
// on it (rounded to the working precision), or at zero; both signs.
// tau is computed from the printed formula only to *place* m; no check uses it as truth.
#pragma once

#include "generators/decimal.hpp"
#include "dmf/landscape/scalar_problem.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace dmf::gen {

// fraction: |m| = u * threshold with u in (0, 1); between: |m| = ybar + u (tau - ybar).
enum class Placement { far, near_threshold, on_threshold, zero, fraction, between };
// The threshold a placement refers to: KP's tau (C14's collapse threshold, CJW's tie y* in KP's
// lambda) or CJW's ybar at lambdabar = lambda / L (where f(.; y) first has a positive root).
enum class ScalarAnchor { tau, ybar };

struct ScalarCaseSpec {
    int L = 1;
    Decimal lambda{"1"};
    Placement placement = Placement::far;
    Decimal far_value{"1"};  // |m| when far
    int k = 1;               // relative offset 2^-k when near
    int side = 1;            // +1 above, -1 below
    bool negative = false;
    unsigned bits = 128;
    ScalarAnchor anchor = ScalarAnchor::tau;
    Decimal fraction{"0.5"};  // u for fraction and between
};
void showValue(const ScalarCaseSpec& s, std::ostream& os);

struct ScalarGenOptions {
    int min_depth = 1, max_depth = 12;
    int lambda_min_exp10 = -30, lambda_max_exp10 = 30;
    std::vector<unsigned> bits = {128, 256};
    // Cases on purpose around ybar and below tau (KP.F3, CJW.S2.2: their hypotheses are |m| < tau
    // and y > ybar), drawn with these weights instead of the default placements relative to tau:
    //   2^-k below tau, fraction of tau, between ybar and tau, fraction of ybar (below it),
    //   2^-k off ybar (both sides), on ybar, far (as the default), zero.
    // Offsets 2^-k stay above rounding (k <= bits/2 - 8). Empty: the default draws.
    //   and (index 8) 2^-k above tau.
    std::vector<int> around_ybar_weights;
    // The largest k of those offsets (0: bits/2 - 8). Gradient descent (KP.F3) needs about 2^{k/2}
    // steps to pass the ghost of the double root just below ybar, and about 2^k at L = 2 below tau
    // (the Hessian at 0 has an eigenvalue of relative size 2^-k), so its draws stop at k = 10.
    int max_offset_exp2 = 0;
};
// The weights for KP.F3 (lambda above C14's threshold: everything below tau, both sides of ybar).
std::vector<int> below_collapse_weights();
// The weights for CJW.S2.2 (y > ybar off the tie, and some cases below ybar and above tau).
std::vector<int> above_ybar_weights();
// Drawn at RapidCheck's full size (independent of the case index): see landscape_gen.cpp.
rc::Gen<ScalarCaseSpec> scalar_case(const ScalarGenOptions& o = {});
// The strata of a case for the floors: "on threshold", "2^-k off threshold", "far", "m=0",
// "L=1", "L>=3", "|lambda|<1e-10", "|lambda|>1e10"; for the around-ybar draws also where |m| lies
// ("|m| < ybar", "ybar < |m| < tau", "|m| > tau", "on ybar"), computed from the printed ybar and tau.
std::vector<std::string> strata(const ScalarCaseSpec& s);
std::vector<std::string> strata(const ScalarCaseSpec& s, const Precision& p);

Precision precision_of(const ScalarCaseSpec& s);
// The threshold the placement refers to (printed tau; 1 where it is undefined).
ScalarProblem materialize(const ScalarCaseSpec& s, const Precision& p);
// Same placement, with y relative to the printed ybar and lambdabar = lambda: for CJW.L3.10.
Real materialize_y(const ScalarCaseSpec& s, const Precision& p);

}  // namespace dmf::gen
