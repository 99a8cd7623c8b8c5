// A printed formula's value, or the reason it is undefined (e.g. 0 * lambda^(1/0) at L = 1).
// The papers' formulas (kp.hpp, cjw.hpp) are the hypotheses under test: each is evaluated as
// printed, with 32 guard bits and exact rational exponents, then rounded to p (about one ulp of
// its own error). Nothing in the independent numerics calls them.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <optional>
#include <string>

namespace dmf::inline theory {

struct Formula {
    std::optional<Real> value;
    std::string undefined_reason;  // set when !value
};

}  // namespace dmf::theory
