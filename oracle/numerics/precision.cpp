#include "dmf/numerics/precision.hpp"

#include "dmf/numerics/input_limits.hpp"

#include <boost/multiprecision/detail/digits.hpp>

#include <cmath>
#include <stdexcept>

namespace dmf::inline numerics {

namespace {
unsigned bits_for_digits10(unsigned d10) {
    return static_cast<unsigned>(boost::multiprecision::detail::digits10_2_2(d10));
}
constexpr unsigned kMinBits = 16;
constexpr unsigned kMaxBits = 1u << 20;  // one million bits: far beyond any use here
}  // namespace

Precision Precision::from_bits(unsigned bits) {
    if (bits < kMinBits || bits > kMaxBits) {
        throw std::invalid_argument("precision: bits must be in [" + std::to_string(kMinBits) + ", " +
                                    std::to_string(kMaxBits) + "], got " + std::to_string(bits));
    }
    // digits10_2_2 is increasing, so the first d10 that reaches `bits` is the smallest.
    unsigned d10 = std::max(1u, static_cast<unsigned>(std::floor(bits * 0.30103)) - 1);
    while (bits_for_digits10(d10) < bits) ++d10;
    return Precision(d10, bits_for_digits10(d10));
}

Precision Precision::from_digits10(unsigned digits10) {
    if (digits10 < 5 || bits_for_digits10(digits10) > kMaxBits) {
        throw std::invalid_argument("precision: digits must be in [5, " +
                                    std::to_string(static_cast<unsigned>(kMaxBits * 0.301)) + "], got " +
                                    std::to_string(digits10));
    }
    return Precision(digits10, bits_for_digits10(digits10));
}

PrecisionGuard::PrecisionGuard(const Precision& p) : saved_digits10_(Real::default_precision()) {
    Real::default_precision(p.digits10());
}

PrecisionGuard::~PrecisionGuard() { Real::default_precision(saved_digits10_); }

unsigned bits_of(const Real& x) { return static_cast<unsigned>(mpfr_get_prec(x.backend().data())); }

Real epsilon(const Precision& p) { return make_real(p, 1, 1 - static_cast<long>(p.bits())); }

Real make_real(const Precision& p, long k, long binary_exponent) {
    PrecisionGuard guard(p);
    Real x;
    mpfr_set_si_2exp(x.backend().data(), k, binary_exponent, MPFR_RNDN);
    return x;
}

Real parse_real(std::string_view text, const Precision& p) {
    std::string s(text);
    auto bad = [&](const char* why) {
        // Quote at most 60 characters: the message is one line on a terminal.
        const std::string shown = s.size() > 60 ? s.substr(0, 60) + "..." : s;
        return std::invalid_argument("not a finite decimal number (" + std::string(why) + "): \"" + shown + "\"");
    };
    if (s.empty()) throw bad("empty");
    if (s.size() > InputLimits::max_decimal_chars)
        throw std::invalid_argument("a decimal number of " + std::to_string(s.size()) + " characters exceeds the limit of " +
                                    std::to_string(InputLimits::max_decimal_chars));
    // mpfr_strtofr also accepts "inf", "nan", hex and leading blanks; we accept only decimals.
    for (char c : s) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.' || c == 'e' ||
              c == 'E')) {
            throw bad("unexpected character");
        }
    }
    PrecisionGuard guard(p);
    Real x;
    char* end = nullptr;
    mpfr_strtofr(x.backend().data(), s.c_str(), &end, 10, MPFR_RNDN);
    if (end == s.c_str() || *end != '\0') throw bad("malformed");
    if (!mpfr_number_p(x.backend().data())) throw bad("overflow");
    // The magnitude cap (input_limits.hpp): 2^1329 > 1e400 and 2^-1329 < 1e-400, so every number
    // in [1e-400, 1e400] passes and nothing beyond about 1.2e400 (or below 0.85e-400) does.
    static_assert(InputLimits::max_decimal_exponent == 400, "update the binary exponents below");
    if (!mpfr_zero_p(x.backend().data())) {
        const long e = mpfr_get_exp(x.backend().data());  // |x| in [2^(e-1), 2^e)
        if (e > 1329 || e < -1328)
            throw std::invalid_argument("magnitude of \"" + (s.size() > 60 ? s.substr(0, 60) + "..." : s) +
                                        "\" is outside the limits [1e-" + std::to_string(InputLimits::max_decimal_exponent) +
                                        ", 1e" + std::to_string(InputLimits::max_decimal_exponent) + "]");
    }
    return x;
}

std::string to_string(const Real& x, int digits) {
    if (digits < 1) digits = 1;
    if (digits == 1) {
        // Boost reads a stream precision of 0 as "every digit": ask MPFR for one significant digit.
        char* buf = nullptr;
        mpfr_asprintf(&buf, "%.0Re", x.backend().data());
        std::string s(buf);
        mpfr_free_str(buf);
        return s;
    }
    // In scientific mode the stream precision counts digits after the point.
    return x.str(digits - 1, std::ios_base::scientific);
}

std::string to_exact_string(const Real& x) {
    // ceil(p log10 2) + 1 significant digits round-trip a p-bit binary number.
    const int digits = static_cast<int>(std::ceil(bits_of(x) * 0.30102999566398120)) + 1;
    return to_string(x, digits);
}

Real rounded(const Real& x, const Precision& p) {
    PrecisionGuard guard(p);
    Real y;
    mpfr_set(y.backend().data(), x.backend().data(), MPFR_RNDN);
    return y;
}

}  // namespace dmf::numerics
