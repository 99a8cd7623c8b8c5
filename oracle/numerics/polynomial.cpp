#include "dmf/numerics/polynomial.hpp"

#include <algorithm>
#include <optional>
#include <stdexcept>

namespace dmf::inline numerics {

RationalPolynomial::RationalPolynomial(std::vector<Rational> coefficients) : c_(std::move(coefficients)) { trim(); }

void RationalPolynomial::trim() {
    while (!c_.empty() && c_.back() == 0) c_.pop_back();
}

int RationalPolynomial::degree() const { return static_cast<int>(c_.size()) - 1; }

Rational RationalPolynomial::operator()(const Rational& x) const {
    Rational acc = 0;
    for (auto it = c_.rbegin(); it != c_.rend(); ++it) acc = acc * x + *it;
    return acc;
}

int RationalPolynomial::sign_at(const Rational& x) const {
    const Rational v = (*this)(x);
    return v > 0 ? 1 : (v < 0 ? -1 : 0);
}

RationalPolynomial RationalPolynomial::derivative() const {
    std::vector<Rational> d;
    for (size_t i = 1; i < c_.size(); ++i) d.push_back(c_[i] * static_cast<long>(i));
    return RationalPolynomial(d);
}

int RationalPolynomial::strip_zero_roots() {
    int k = 0;
    while (!c_.empty() && c_.front() == 0) {
        c_.erase(c_.begin());
        ++k;
    }
    return k;
}

namespace {
void divide(const RationalPolynomial& a, const RationalPolynomial& b, std::vector<Rational>& q,
            std::vector<Rational>& r) {
    if (b.degree() < 0) throw std::invalid_argument("polynomial division by zero");
    r = a.coefficients();
    const int db = b.degree();
    const auto& bc = b.coefficients();
    q.assign(std::max(0, a.degree() - db + 1), Rational(0));
    for (int k = a.degree(); k >= db; --k) {
        if (r[k] == 0) continue;
        const Rational f = r[k] / bc[db];
        q[k - db] = f;
        for (int j = 0; j <= db; ++j) r[k - db + j] -= f * bc[j];
    }
    r.resize(std::max(0, db));
}
}  // namespace

RationalPolynomial remainder(const RationalPolynomial& a, const RationalPolynomial& b) {
    std::vector<Rational> q, r;
    divide(a, b, q, r);
    return RationalPolynomial(r);
}

RationalPolynomial quotient(const RationalPolynomial& a, const RationalPolynomial& b) {
    std::vector<Rational> q, r;
    divide(a, b, q, r);
    return RationalPolynomial(q);
}

RationalPolynomial gcd(const RationalPolynomial& a, const RationalPolynomial& b) {
    RationalPolynomial x = a, y = b;
    while (y.degree() >= 0) {
        RationalPolynomial r = remainder(x, y);
        x = y;
        y = r;
    }
    if (x.degree() < 0) return x;
    std::vector<Rational> c = x.coefficients();
    const Rational lead = c.back();
    for (auto& v : c) v /= lead;
    return RationalPolynomial(c);
}

SturmSequence::SturmSequence(const RationalPolynomial& p) {
    if (p.degree() < 0) throw std::invalid_argument("Sturm sequence of the zero polynomial");
    chain_.push_back(p);
    if (p.degree() == 0) return;
    chain_.push_back(p.derivative());
    while (chain_.back().degree() > 0) {
        RationalPolynomial r = remainder(chain_[chain_.size() - 2], chain_.back());
        if (r.degree() < 0) break;
        std::vector<Rational> neg = r.coefficients();
        // Scale each member to keep the numbers small; a positive factor keeps the signs.
        Rational m = 0;
        for (const auto& v : neg) m = std::max(m, Rational(abs(v)));
        for (auto& v : neg) v = -v / m;
        chain_.push_back(RationalPolynomial(neg));
    }
}

namespace {
int count_variations(const std::vector<int>& signs) {
    int v = 0, last = 0;
    for (int s : signs) {
        if (s == 0) continue;
        if (last != 0 && s != last) ++v;
        last = s;
    }
    return v;
}
}  // namespace

int SturmSequence::variations_at(const Rational& x) const {
    std::vector<int> s;
    for (const auto& p : chain_) s.push_back(p.sign_at(x));
    return count_variations(s);
}

int SturmSequence::variations_at_plus_infinity() const {
    std::vector<int> s;
    for (const auto& p : chain_) s.push_back(p.coefficients().back() > 0 ? 1 : -1);
    return count_variations(s);
}

int SturmSequence::count_in(const Rational& a, const Rational& b) const { return variations_at(a) - variations_at(b); }

int SturmSequence::count_positive() const { return variations_at(Rational(0)) - variations_at_plus_infinity(); }

namespace {
Rational pow2(long e) {
    Rational r = 1;
    if (e >= 0) mpq_mul_2exp(r.backend().data(), r.backend().data(), static_cast<mp_bitcnt_t>(e));
    else mpq_div_2exp(r.backend().data(), r.backend().data(), static_cast<mp_bitcnt_t>(-e));
    return r;
}

// Newton's method in MPFR from inside (a, b], then a certificate: exact signs of p
// at x(1 -+ 2^-(bits+8)) that differ. On success (a, b] shrinks to that certified
// enclosure (or to the exact root). Returns false when Newton wanders or the
// certificate fails, and the caller falls back to bisection.
bool newton_certified(const RationalPolynomial& p, Rational& a, Rational& b, int sign_a, const Precision& prec) {
    const Precision np = Precision::from_bits(prec.bits() + 32);
    PrecisionGuard guard(np);
    std::vector<Real> c, d;
    for (const auto& q : p.coefficients()) {
        Real v;
        mpfr_set_q(v.backend().data(), q.backend().data(), MPFR_RNDN);
        c.push_back(v);
    }
    for (size_t i = 1; i < c.size(); ++i) d.push_back(c[i] * static_cast<long>(i));
    auto horner = [](const std::vector<Real>& k, const Real& x) {
        Real acc = 0;
        for (auto it = k.rbegin(); it != k.rend(); ++it) acc = acc * x + *it;
        return acc;
    };
    Real lo, hi;
    mpfr_set_q(lo.backend().data(), a.backend().data(), MPFR_RNDN);
    mpfr_set_q(hi.backend().data(), b.backend().data(), MPFR_RNDN);
    Real x = (lo + hi) / 2;
    const Real tol = ldexp(Real(1), -static_cast<int>(prec.bits()) - 12);
    bool converged = false;
    for (int it = 0; it < 200 && !converged; ++it) {
        const Real fx = horner(c, x), dx = horner(d, x);
        if (dx == 0) return false;
        const Real step = fx / dx;
        x -= step;
        if (!(x > lo && x < hi)) return false;
        converged = abs(step) <= tol * abs(x);
    }
    if (!converged) return false;
    const Rational xq = to_rational(x);
    const int sx = p.sign_at(xq);
    if (sx == 0) {
        a = b = xq;
        return true;
    }
    const Rational delta = xq * pow2(-static_cast<long>(prec.bits()) - 8);
    const Rational l = xq - delta, h = xq + delta;
    if (l <= a || h > b) return false;
    if (p.sign_at(l) != sign_a || p.sign_at(h) != -sign_a) return false;
    a = l;
    b = h;
    return true;
}

// A split point inside (a, b) that is not a root of p (there are finitely many).
Rational split_point(const RationalPolynomial& p, const Rational& a, const Rational& b) {
    Rational mid = (a + b) / 2;
    for (long k = 3; p.sign_at(mid) == 0; ++k) mid = (a + b) / 2 + (b - a) * pow2(-k);
    return mid;
}
}  // namespace

std::vector<IsolatedRoot> positive_roots(const RationalPolynomial& poly, const Precision& prec) {
    RationalPolynomial p = poly;
    p.strip_zero_roots();
    std::vector<IsolatedRoot> out;
    if (p.degree() <= 0) return out;
    // Square-free part: simple roots only; multiple roots of p are the roots of g = gcd(p, p').
    const RationalPolynomial g = gcd(p, p.derivative());
    const RationalPolynomial sf = g.degree() > 0 ? quotient(p, g) : p;
    const SturmSequence sturm(sf);
    if (sturm.count_positive() == 0) return out;
    // Cauchy bound: every root has |x| < 1 + max |c_i / c_n|.
    const auto& c = sf.coefficients();
    Rational bound = 0;
    for (size_t i = 0; i + 1 < c.size(); ++i) bound = std::max(bound, Rational(abs(c[i] / c.back())));
    bound += 1;
    // Bisect (0, bound] into intervals holding one root each. End points are never roots:
    // 0 was stripped, the bound is strict, and split points avoid roots.
    std::vector<std::pair<Rational, Rational>> work{{Rational(0), bound}}, isolated;
    while (!work.empty()) {
        auto [a, b] = work.back();
        work.pop_back();
        const int k = sturm.count_in(a, b);
        if (k == 0) continue;
        if (k == 1) {
            isolated.push_back({a, b});
            continue;
        }
        const Rational mid = split_point(sf, a, b);
        work.push_back({mid, b});
        work.push_back({a, mid});
    }
    std::sort(isolated.begin(), isolated.end(), [](const auto& x, const auto& y) { return x.first < y.first; });
    const std::optional<SturmSequence> g_sturm = g.degree() > 0 ? std::optional<SturmSequence>(g) : std::nullopt;
    const Precision work_prec = Precision::from_bits(prec.bits() + 16);
    const Rational rel_tol = pow2(-static_cast<long>(prec.bits()) - 8);
    for (auto [a, b] : isolated) {
        IsolatedRoot r(work_prec);
        const int sa = sf.sign_at(a);
        // A few cheap bisection steps (short dyadics) so Newton starts where it converges.
        const Rational coarse = pow2(-20);
        while (b - a > coarse * b) {
            const Rational mid = (a + b) / 2;
            const int sm = sf.sign_at(mid);
            if (sm == 0) {
                a = b = mid;
                break;
            }
            (sm == sa ? a : b) = mid;
        }
        if (a != b && !newton_certified(sf, a, b, sa, prec)) {
            // Fallback: bisection with exact signs (slow but certain).
            while (b - a > rel_tol * a) {
                const Rational mid = (a + b) / 2;
                const int sm = sf.sign_at(mid);
                if (sm == 0) {
                    a = b = mid;  // an exact dyadic root
                    break;
                }
                if (sm == sa) a = mid;
                else b = mid;
            }
        }
        r.lo = a;
        r.hi = b;
        r.enclosure = Interval(a, b, work_prec);
        const bool multiple = g_sturm && (a == b ? g.sign_at(a) == 0 : g_sturm->count_in(a, b) > 0);
        r.multiplicity = multiple ? 2 : 1;
        if (multiple) {
            r.derivative_sign = 0;
        } else {
            // p = sf * g with g != 0 here: sign p' = sign sf' * sign g at the root.
            const int sf_slope = a == b ? sf.derivative().sign_at(a) : (sa < 0 ? 1 : -1);
            const int g_sign = g.degree() > 0 ? g.sign_at(b) : 1;
            r.derivative_sign = sf_slope * g_sign;
        }
        r.value = rounded(r.enclosure.mid(), prec);
        out.push_back(r);
    }
    return out;
}

}  // namespace dmf::numerics
