#include "dmf/numerics/interval.hpp"

#include <algorithm>

namespace dmf::inline numerics {

Rational to_rational(const Real& x) {
    if (!mpfr_number_p(x.backend().data())) throw std::invalid_argument("to_rational: not a finite number");
    Rational q;
    mpfr_get_q(q.backend().data(), x.backend().data());
    return q;
}

const char* to_string(Decision d) {
    switch (d) {
        case Decision::yes: return "yes";
        case Decision::no: return "no";
        case Decision::undecided: return "undecided";
    }
    return "?";
}

Interval::Interval(const Precision& p) {
    mpfi_init2(v_, p.bits());
    mpfi_set_ui(v_, 0);
}
Interval::Interval(const Real& x, const Precision& p) {
    mpfi_init2(v_, std::max<mpfr_prec_t>(p.bits(), mpfr_get_prec(x.backend().data())));
    mpfi_set_fr(v_, x.backend().data());
}
Interval::Interval(const Rational& q, const Precision& p) {
    mpfi_init2(v_, p.bits());
    mpfi_set_q(v_, q.backend().data());
}
Interval::Interval(const Rational& lo, const Rational& hi, const Precision& p) {
    mpfi_init2(v_, p.bits());
    mpfi_interv_q(v_, lo.backend().data(), hi.backend().data());
}
Interval::Interval(const Interval& o) {
    mpfi_init2(v_, mpfi_get_prec(o.v_));
    mpfi_set(v_, o.v_);
}
Interval& Interval::operator=(const Interval& o) {
    if (this != &o) {
        mpfi_set_prec(v_, mpfi_get_prec(o.v_));
        mpfi_set(v_, o.v_);
    }
    return *this;
}
Interval::~Interval() { mpfi_clear(v_); }

namespace {
Precision prec_of(const Interval& a, const Interval& b) {
    return Precision::from_bits(static_cast<unsigned>(std::max(a.precision_bits(), b.precision_bits())));
}
}  // namespace

namespace {
// A Real carrying the interval's own precision, filled by an MPFI accessor.
Real endpoint(mpfi_srcptr v, int (*get)(mpfr_ptr, mpfi_srcptr)) {
    PrecisionGuard g(Precision::from_bits(static_cast<unsigned>(mpfi_get_prec(v))));
    Real r;
    mpfr_set_prec(r.backend().data(), mpfi_get_prec(v));
    get(r.backend().data(), v);
    return r;
}
}  // namespace

Real Interval::lower() const { return endpoint(v_, mpfi_get_left); }
Real Interval::upper() const { return endpoint(v_, mpfi_get_right); }
Real Interval::mid() const { return endpoint(v_, mpfi_mid); }
bool Interval::contains_zero() const { return mpfi_has_zero(v_) > 0; }

std::string Interval::str(int digits) const {
    return "[" + to_string(lower(), digits) + ", " + to_string(upper(), digits) + "]";
}

Interval operator+(const Interval& a, const Interval& b) {
    Interval r(prec_of(a, b));
    mpfi_add(r.get(), a.get(), b.get());
    return r;
}
Interval operator-(const Interval& a, const Interval& b) {
    Interval r(prec_of(a, b));
    mpfi_sub(r.get(), a.get(), b.get());
    return r;
}
Interval operator*(const Interval& a, const Interval& b) {
    Interval r(prec_of(a, b));
    mpfi_mul(r.get(), a.get(), b.get());
    return r;
}
Interval operator/(const Interval& a, const Interval& b) {
    Interval r(prec_of(a, b));
    mpfi_div(r.get(), a.get(), b.get());
    return r;
}
Interval operator-(const Interval& a) {
    Interval r(a);
    mpfi_neg(r.get(), a.get());
    return r;
}

Interval Interval::pow(unsigned long n) const {
    // x^n is increasing in x for odd n and in |x| for even n: enclose the image of
    // the end points with outward (directed) rounding.
    const mpfr_prec_t prec = mpfi_get_prec(v_);
    mpfr_t lo, hi, a, b;
    mpfr_inits2(prec, lo, hi, a, b, static_cast<mpfr_ptr>(nullptr));
    mpfi_get_left(lo, v_);
    mpfi_get_right(hi, v_);
    if (n % 2 == 0) {
        const bool straddles = mpfr_sgn(lo) < 0 && mpfr_sgn(hi) > 0;
        mpfr_abs(lo, lo, MPFR_RNDN);  // exact
        mpfr_abs(hi, hi, MPFR_RNDN);
        if (mpfr_cmp(lo, hi) > 0) mpfr_swap(lo, hi);
        if (straddles) mpfr_set_ui(lo, 0, MPFR_RNDN);
    }
    mpfr_pow_ui(a, lo, n, MPFR_RNDD);
    mpfr_pow_ui(b, hi, n, MPFR_RNDU);
    Interval r(Precision::from_bits(static_cast<unsigned>(prec)));
    mpfi_interv_fr(r.get(), a, b);
    mpfr_clears(lo, hi, a, b, static_cast<mpfr_ptr>(nullptr));
    return r;
}

Interval Interval::pow(const Rational& e) const {
    if (!(mpfi_is_strictly_pos(v_) > 0)) throw std::invalid_argument("Interval::pow: base must be > 0");
    const Precision p = Precision::from_bits(static_cast<unsigned>(precision_bits()));
    Interval lg(p);
    mpfi_log(lg.get(), v_);
    Interval r = lg * Interval(e, p);
    Interval out(p);
    mpfi_exp(out.get(), r.get());
    return out;
}

Interval Interval::sqrt() const {
    Interval r(*this);
    mpfi_sqrt(r.get(), v_);
    return r;
}

Decision certainly_less(const Interval& a, const Interval& b) {
    if (a.upper() < b.lower()) return Decision::yes;
    if (a.lower() >= b.upper()) return Decision::no;
    return Decision::undecided;
}

int certain_sign(const Interval& a) {
    if (mpfi_is_strictly_pos(a.get()) > 0) return 1;
    if (mpfi_is_strictly_neg(a.get()) > 0) return -1;
    return 0;
}

}  // namespace dmf::numerics
