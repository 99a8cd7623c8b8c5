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

enum class Placement { far, near_threshold, on_threshold, zero };

struct ScalarCaseSpec {
    int L = 1;
    Decimal lambda{"1"};
    Placement placement = Placement::far;
    Decimal far_value{"1"};  // |m| when far
    int k = 1;               // relative offset 2^-k when near
    int side = 1;            // +1 above, -1 below
    bool negative = false;
    unsigned bits = 128;
};
void showValue(const ScalarCaseSpec& s, std::ostream& os);

struct ScalarGenOptions {
    int min_depth = 1, max_depth = 12;
    int lambda_min_exp10 = -30, lambda_max_exp10 = 30;
    std::vector<unsigned> bits = {128, 256};
};
// Drawn at RapidCheck's full size (independent of the case index): see landscape_gen.cpp.
rc::Gen<ScalarCaseSpec> scalar_case(const ScalarGenOptions& o = {});
// The strata of a case for the floors: "on threshold", "2^-k off threshold", "far", "m=0",
// "L=1", "L>=3", "|lambda|<1e-10", "|lambda|>1e10".
std::vector<std::string> strata(const ScalarCaseSpec& s);

Precision precision_of(const ScalarCaseSpec& s);
// The threshold the placement refers to (printed tau; 1 where it is undefined).
ScalarProblem materialize(const ScalarCaseSpec& s, const Precision& p);
// Same placement, with y relative to the printed ybar and lambdabar = lambda: for CJW.L3.10.
Real materialize_y(const ScalarCaseSpec& s, const Precision& p);

}  // namespace dmf::gen
