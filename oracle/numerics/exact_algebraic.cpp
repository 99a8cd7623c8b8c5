#include "dmf/numerics/exact_algebraic.hpp"

// Calcium 0.4's headers wrap <gmp.h> in extern "C" and convert void* implicitly: GMP and FLINT
// come first, and this file alone builds with -fpermissive (CMakeLists.txt).
#include <gmp.h>
#include <flint/flint.h>
#include <flint/fmpq.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpq_poly.h>
#include <flint/fmpz_poly.h>
#include <arb.h>
#include <calcium/qqbar.h>

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <string>

namespace dmf::inline numerics {

Rational parse_rational(std::string_view text) {
    const std::string s(text);
    auto bad = [&](const char* why) {
        return std::invalid_argument("not a finite decimal number (" + std::string(why) + "): \"" + s + "\"");
    };
    size_t i = 0;
    bool negative = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
    std::string digits;
    long long exponent = 0;
    bool any = false, point = false;
    for (; i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.'); ++i) {
        if (s[i] == '.') {
            if (point) throw bad("two decimal points");
            point = true;
            continue;
        }
        any = true;
        digits += s[i];
        if (point) --exponent;
    }
    if (!any) throw bad("no digits");
    if (i < s.size()) {
        if (s[i] != 'e' && s[i] != 'E') throw bad("unexpected character");
        ++i;
        size_t j = i;
        if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
        if (j == s.size()) throw bad("empty exponent");
        for (size_t k = j; k < s.size(); ++k)
            if (!std::isdigit(static_cast<unsigned char>(s[k]))) throw bad("malformed exponent");
        if (s.size() - j > 9) throw bad("exponent out of range");
        exponent += std::stoll(s.substr(i));
    }
    if (exponent > 100000 || exponent < -100000) throw bad("exponent out of range");
    using boost::multiprecision::mpz_int;
    // Boost reads a leading 0 as octal: strip leading zeros.
    const size_t nz = digits.find_first_not_of('0');
    digits = nz == std::string::npos ? "0" : digits.substr(nz);
    mpz_int num(digits), ten(10);
    mpz_int scale = boost::multiprecision::pow(ten, static_cast<unsigned>(exponent < 0 ? -exponent : exponent));
    Rational q = exponent >= 0 ? Rational(num * scale) : Rational(num, scale);
    return negative ? Rational(-q) : q;
}

namespace {

struct Qqbar {
    qqbar_t v;
    Qqbar() { qqbar_init(v); }
    Qqbar(const Qqbar& o) {
        qqbar_init(v);
        qqbar_set(v, o.v);
    }
    Qqbar& operator=(const Qqbar& o) {
        qqbar_set(v, o.v);
        return *this;
    }
    ~Qqbar() { qqbar_clear(v); }
};

struct Fmpq {
    fmpq_t v;
    explicit Fmpq(const Rational& q) {
        fmpq_init(v);
        fmpq_set_mpq(v, q.backend().data());
    }
    ~Fmpq() { fmpq_clear(v); }
};

}  // namespace

struct ExactSingularValues::Impl {
    std::vector<Qqbar> s;  // sigma_i^2, descending
};

ExactSingularValues::ExactSingularValues(const RationalMatrix& y) : impl_(std::make_unique<Impl>()) {
    const slong m = static_cast<slong>(y.size());
    const slong n = m ? static_cast<slong>(y[0].size()) : 0;
    const slong r = std::min(m, n);
    if (r == 0) return;
    // The smaller Gram matrix: its eigenvalues are sigma_1^2 >= ... >= sigma_r^2.
    fmpq_mat_t Y, G;
    fmpq_mat_init(Y, m, n);
    for (slong i = 0; i < m; ++i)
        for (slong j = 0; j < n; ++j) fmpq_set_mpq(fmpq_mat_entry(Y, i, j), y[i][j].backend().data());
    fmpq_mat_init(G, r, r);
    fmpq_t t, acc;
    fmpq_init(t);
    fmpq_init(acc);
    for (slong a = 0; a < r; ++a)
        for (slong b = a; b < r; ++b) {
            fmpq_zero(acc);
            const slong len = m <= n ? n : m;
            for (slong k = 0; k < len; ++k) {
                if (m <= n) fmpq_mul(t, fmpq_mat_entry(Y, a, k), fmpq_mat_entry(Y, b, k));
                else fmpq_mul(t, fmpq_mat_entry(Y, k, a), fmpq_mat_entry(Y, k, b));
                fmpq_add(acc, acc, t);
            }
            fmpq_set(fmpq_mat_entry(G, a, b), acc);
            fmpq_set(fmpq_mat_entry(G, b, a), acc);
        }
    fmpq_clear(t);
    fmpq_clear(acc);
    fmpq_poly_t cp;
    fmpq_poly_init(cp);
    fmpq_mat_charpoly(cp, G);
    qqbar_ptr roots = _qqbar_vec_init(r);
    qqbar_roots_fmpq_poly(roots, cp, 0);  // with multiplicity
    impl_->s.resize(r);
    for (slong i = 0; i < r; ++i) {
        // The Gram matrix is symmetric: every root is real; its real part is the root.
        if (!qqbar_is_real(roots + i)) qqbar_re(impl_->s[i].v, roots + i);
        else qqbar_set(impl_->s[i].v, roots + i);
    }
    _qqbar_vec_clear(roots, r);
    fmpq_poly_clear(cp);
    fmpq_mat_clear(G);
    fmpq_mat_clear(Y);
    std::sort(impl_->s.begin(), impl_->s.end(),
              [](const Qqbar& a, const Qqbar& b) { return qqbar_cmp_re(a.v, b.v) > 0; });
}

ExactSingularValues::ExactSingularValues(ExactSingularValues&&) noexcept = default;
ExactSingularValues& ExactSingularValues::operator=(ExactSingularValues&&) noexcept = default;
ExactSingularValues::~ExactSingularValues() = default;

int ExactSingularValues::size() const { return static_cast<int>(impl_->s.size()); }

int ExactSingularValues::compare_with_root(int i, unsigned k, const Rational& R) const {
    if (k == 0 || R <= 0) throw std::invalid_argument("compare_with_root: needs k >= 1 and R > 0");
    // sigma, t >= 0: sign(sigma - t) = sign(sigma^k - R); sigma^k = (sigma^2)^{k/2} for even k.
    Qqbar lhs;
    if (k % 2 == 0) {
        qqbar_pow_ui(lhs.v, impl_->s.at(i).v, k / 2);
    } else {
        Qqbar sigma;
        qqbar_sqrt(sigma.v, impl_->s.at(i).v);
        qqbar_pow_ui(lhs.v, sigma.v, k);
    }
    const Fmpq rq(R);
    Qqbar rhs;
    qqbar_set_fmpq(rhs.v, rq.v);
    const int c = qqbar_cmp_re(lhs.v, rhs.v);
    return c > 0 ? 1 : c < 0 ? -1 : 0;
}

bool ExactSingularValues::equal(int i, int j) const { return qqbar_equal(impl_->s.at(i).v, impl_->s.at(j).v); }

bool ExactSingularValues::is_zero(int i) const { return qqbar_is_zero(impl_->s.at(i).v); }

int ExactSingularValues::degree(int i) const { return static_cast<int>(qqbar_degree(impl_->s.at(i).v)); }

Interval ExactSingularValues::enclosure(int i, const Precision& p) const {
    arb_t b;
    arb_init(b);
    Qqbar sigma;
    qqbar_sqrt(sigma.v, impl_->s.at(i).v);
    qqbar_get_arb(b, sigma.v, static_cast<slong>(p.bits()) + 16);
    mpfr_t lo, hi;
    mpfr_init2(lo, p.bits());
    mpfr_init2(hi, p.bits());
    arb_get_interval_mpfr(lo, hi, b);  // rounded outward
    Interval out(p);
    mpfi_interv_fr(out.get(), lo, hi);
    mpfr_clear(lo);
    mpfr_clear(hi);
    arb_clear(b);
    return out;
}

Interval positive_root_enclosure(unsigned k, const Rational& R, const Precision& p) {
    if (k == 0 || R <= 0) throw std::invalid_argument("positive_root_enclosure: needs k >= 1 and R > 0");
    if (k == 1) return Interval(R, p);
    return Interval(R, p).pow(Rational(1, k));
}

}  // namespace dmf::numerics
