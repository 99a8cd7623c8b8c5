// Exact decimal values for RapidCheck. RapidCheck's float generators go
// through double and cover magnitudes poorly, so we generate a decimal
// mantissa and a scaled exponent as text and round it once, at the precision
// of the computation that uses it.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <rapidcheck.h>

#include <ostream>
#include <string>

namespace dmf::gen {

struct Decimal {
    std::string text;  // e.g. "-3.1415e-12"
    Real at(const Precision& p) const { return parse_real(text, p); }
};
void showValue(const Decimal& d, std::ostream& os);

// Positive decimal m * 10^e with a mantissa of 1..max_digits significant digits
// and e chosen so that the value lies in [10^min_exp10, 10^(max_exp10+1)).
// Shrinks toward 1 and short mantissas.
rc::Gen<Decimal> positive_decimal(int min_exp10, int max_exp10, int max_digits = 6);

// Either sign, or zero with some probability.
rc::Gen<Decimal> signed_decimal(int min_exp10, int max_exp10, int max_digits = 6);

}  // namespace dmf::gen
