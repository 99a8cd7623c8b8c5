// Evaluation helpers shared by the printed formulas of both papers (kp.cpp, cjw.cpp).
#pragma once

#include "dmf/theory/formula.hpp"

#include <boost/multiprecision/mpfr.hpp>

#include <stdexcept>

namespace dmf::inline theory::formula_support {

inline Precision guarded(const Precision& p) { return Precision::from_bits(p.bits() + 32); }

inline void require_depth(int L) {
    if (L < 1) throw std::invalid_argument("depth L must be >= 1, got " + std::to_string(L));
}

// x^(num/den) for x >= 0 and integers num, den > 0, or num <= 0 (then 1/x^(|num|/den)),
// correctly rounded steps: pow_ui then rootn_ui. 0^0 = 1 as in MPFR's pow.
inline Real rational_power(const Real& x, long num, long den) {
    if (den <= 0) throw std::logic_error("rational_power: denominator must be positive");
    if (num == 0) return Real(1);
    Real a = x, r;
    mpfr_pow_ui(a.backend().data(), x.backend().data(), static_cast<unsigned long>(num < 0 ? -num : num), MPFR_RNDN);
    mpfr_rootn_ui(r.backend().data(), a.backend().data(), static_cast<unsigned long>(den), MPFR_RNDN);
    if (num < 0) r = 1 / r;
    return r;
}

inline Formula undefined(const std::string& why) { return Formula{std::nullopt, why}; }

inline Formula defined(const Real& v, const Precision& p) {
    if (!mpfr_number_p(v.backend().data())) return undefined("the printed expression evaluates to a non-finite number");
    return Formula{rounded(v, p), ""};
}

}  // namespace dmf::theory::formula_support
