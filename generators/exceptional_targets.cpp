#include "generators/exceptional_targets.hpp"

#include "dmf/landscape/landscape_summary.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"

#include <boost/multiprecision/gmp.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace dmf::gen {

namespace {

using Q = boost::multiprecision::mpq_rational;
using Z = boost::multiprecision::mpz_int;
using QMatrix = std::vector<std::vector<Q>>;

// ---- exact decimals ----

Q parse_decimal(const std::string& s) {
    size_t e = s.find_first_of("eE");
    const std::string mant = s.substr(0, e);
    long exp10 = e == std::string::npos ? 0 : std::stol(s.substr(e + 1));
    std::string digits;
    bool neg = false;
    for (char c : mant) {
        if (c == '-') neg = true;
        else if (c != '.' && c != '+') digits += c;
    }
    const size_t dot = mant.find('.');
    if (dot != std::string::npos) exp10 -= static_cast<long>(mant.size() - dot - 1);
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));  // "08" would read as octal
    Q v{Z(digits.c_str())};
    const Z ten = boost::multiprecision::pow(Z(10), static_cast<unsigned>(std::labs(exp10)));
    v = exp10 >= 0 ? Q(v * Q(ten)) : Q(v / Q(ten));
    return neg ? Q(-v) : v;
}

bool finite_decimal(const Q& q) {
    Z d = denominator(q);
    while (d % 2 == 0) d /= 2;
    while (d % 5 == 0) d /= 5;
    return d == 1;
}

std::string to_decimal(const Q& q) {
    Z den = denominator(q);
    int a = 0, b = 0;
    while (den % 2 == 0) den /= 2, ++a;
    while (den % 5 == 0) den /= 5, ++b;
    if (den != 1) throw std::logic_error("exceptional_targets: not a finite decimal");
    const unsigned k = static_cast<unsigned>(std::max(a, b));
    Z scaled = numerator(q) * boost::multiprecision::pow(Z(10), k) / denominator(q);
    const bool neg = scaled < 0;
    if (neg) scaled = -scaled;
    std::string s = scaled.str();
    if (k > 0) {
        if (s.size() <= k) s = std::string(k - s.size() + 1, '0') + s;
        s.insert(s.size() - k, ".");
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return (neg ? "-" : "") + s;
}

QMatrix to_q(const DecimalMatrix& m) {
    QMatrix out(m.size());
    for (size_t i = 0; i < m.size(); ++i)
        for (const auto& s : m[i]) out[i].push_back(parse_decimal(s));
    return out;
}

DecimalMatrix to_dec(const QMatrix& m) {
    DecimalMatrix out(m.size());
    for (size_t i = 0; i < m.size(); ++i)
        for (const auto& x : m[i]) out[i].push_back(to_decimal(x));
    return out;
}

QMatrix mul(const QMatrix& a, const QMatrix& b, bool transpose_b = false) {
    const size_t n = a.size(), k = b.size(), m = transpose_b ? b.size() : b[0].size();
    const size_t inner = transpose_b ? b[0].size() : k;
    QMatrix c(n, std::vector<Q>(m, Q(0)));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < m; ++j)
            for (size_t l = 0; l < inner; ++l) c[i][j] += a[i][l] * (transpose_b ? b[j][l] : b[l][j]);
    return c;
}

// (I + S)^{-1} (I - S) by Gauss-Jordan over Q (I + S is invertible for skew S).
QMatrix cayley(const QMatrix& s) {
    const size_t n = s.size();
    QMatrix a(n, std::vector<Q>(2 * n, Q(0)));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) {
            a[i][j] = (i == j ? Q(1) : Q(0)) + s[i][j];
            a[i][n + j] = (i == j ? Q(1) : Q(0)) - s[i][j];
        }
    for (size_t c = 0; c < n; ++c) {
        size_t piv = c;
        while (a[piv][c] == 0) ++piv;
        std::swap(a[piv], a[c]);
        const Q inv = Q(1) / a[c][c];
        for (auto& x : a[c]) x *= inv;
        for (size_t r = 0; r < n; ++r)
            if (r != c && a[r][c] != 0) {
                const Q f = a[r][c];
                for (size_t j = 0; j < 2 * n; ++j) a[r][j] -= f * a[c][j];
            }
    }
    QMatrix q(n, std::vector<Q>(n));
    for (size_t i = 0; i < n; ++i)
        for (size_t j = 0; j < n; ++j) q[i][j] = a[i][n + j];
    return q;
}

// ---- instances ----

const Precision& hp() {
    static const Precision p = Precision::from_bits(2048);
    return p;
}

Real real_of(const std::string& s) { return parse_real(s, hp()); }
Real sqrt_of(const std::string& s) {
    PrecisionGuard g(hp());
    return sqrt(real_of(s));
}

struct SingularValue {
    Real value;        // at 2048 bits
    std::string text;  // exact description
};

struct Builder {
    std::string name, family, note;
    int L = 3;
    std::vector<int> dims;
    bool kp = false;
    std::vector<std::string> lambda;  // cjw: lambda_1..lambda_L; kp: the single lambda
    DecimalMatrix target;             // d_L x d_0
    std::vector<SingularValue> sv;    // descending, min(d_0, d_L) of them
    std::string offset_threshold;
    int offset_index = -1, offset_sign = 0;
};

Real lambda_bar_hp(const Builder& b) {
    PrecisionGuard g(hp());
    if (b.kp) return Real(real_of(b.lambda[0]) / b.L);
    Real prod = 1;
    for (const auto& l : b.lambda) prod *= real_of(l);
    return pow(prod, Real(1) / b.L);
}

std::string side(const Real& y, const Real& t) {
    PrecisionGuard g(hp());
    // Exact constructions land within a few ulps at 2048 bits; everything else is >= 1e-71 away.
    if (abs(y - t) <= ldexp(abs(t) + 1, -1900)) return "on";
    return y > t ? "above" : "below";
}

ExceptionalInstance finish(const Builder& b) {
    ExceptionalInstance e;
    e.name = b.name;
    e.family = b.family;
    e.note = b.note;
    e.offset_threshold = b.offset_threshold;
    e.offset_index = b.offset_index;
    e.offset_sign = b.offset_sign;
    nlohmann::json lam = b.kp ? nlohmann::json(b.lambda[0]) : nlohmann::json(b.lambda);
    e.instance = {{"L", b.L}, {"dims", b.dims}, {"convention", b.kp ? "kp" : "cjw"}, {"lambda", lam}, {"target", b.target}};
    const Real lb = lambda_bar_hp(b);
    const Real ybar = *cjw_y_bar(b.L, lb, hp()).value;
    const Real ystar = *cjw_tie_y_star(b.L, lb, hp()).value;
    for (const auto& s : b.sv) {
        e.singular_values.push_back(s.text);
        e.side_ybar.push_back(side(s.value, ybar));
        e.side_ystar.push_back(side(s.value, ystar));
    }
    // T2.2 (corrected): the global orbits take x+ exactly where y > y* (both where y = y*), at most
    // d_min of them, the largest first. Unique iff no tie enters and no block of equal y is split.
    const int k = *std::min_element(b.dims.begin(), b.dims.end());
    int above = 0, on = 0;
    for (const auto& s : e.side_ystar) above += s == "above", on += s == "on";
    if (above >= k) {
        PrecisionGuard g(hp());
        e.unique_end_to_end = above == k || k == 0 || b.sv[k - 1].value != b.sv[k].value;
    } else {
        e.unique_end_to_end = on == 0;
    }
    return e;
}

DecimalMatrix diag(int rows, int cols, const std::vector<std::string>& d) {
    DecimalMatrix m(rows, std::vector<std::string>(cols, "0"));
    for (size_t i = 0; i < d.size(); ++i) m[i][i] = d[i];
    return m;
}

// A threshold at 512 bits rounded to 72 significant digits, plus sign * 1e-70, exactly.
std::string near(const Real& threshold, int sign) {
    const Precision p = Precision::from_bits(512);
    const Q t = parse_decimal(to_string(rounded(threshold, p), 72));
    const Q off = Q(1) / Q(boost::multiprecision::pow(Z(10), 70u));
    return to_decimal(sign > 0 ? Q(t + off) : Q(t - off));
}

SingularValue exact_sv(const std::string& s) { return {real_of(s), s}; }
SingularValue sqrt_sv(const std::string& square, const std::string& text) { return {sqrt_of(square), text}; }

}  // namespace

DecimalMatrix cayley_orthogonal(int n, std::uint64_t seed) {
    if (n < 1) throw std::invalid_argument("cayley_orthogonal: n >= 1");
    if (n == 1) return {{"1"}};
    Rng rng(seed);
    // Small entries, so that det(I + S) often has only the prime factors 2 and 5.
    static const Q choices[] = {Q(1), Q(2), Q(3), Q(1, 2), Q(1, 3), Q(3, 4), Q(0)};
    for (int attempt = 0; attempt < 100000; ++attempt) {
        QMatrix s(n, std::vector<Q>(n, Q(0)));
        bool nonzero = false;
        for (int i = 0; i < n; ++i)
            for (int j = i + 1; j < n; ++j) {
                Q v = choices[rng.next_u64() % 7];
                if (rng.next_u64() & 1) v = -v;
                s[i][j] = v;
                s[j][i] = -v;
                nonzero = nonzero || v != 0;
            }
        if (!nonzero) continue;
        const QMatrix q = cayley(s);
        bool ok = true;
        for (const auto& row : q)
            for (const auto& x : row) ok = ok && finite_decimal(x);
        if (!ok) continue;
        // Q^T Q = I exactly (a check on the construction).
        const QMatrix qtq = mul(q, q, true);
        for (int i = 0; i < n; ++i)
            for (int j = 0; j < n; ++j)
                if (qtq[i][j] != (i == j ? Q(1) : Q(0))) throw std::logic_error("cayley_orthogonal: not orthogonal");
        return to_dec(q);
    }
    throw std::logic_error("cayley_orthogonal: no finite-decimal rotation found");
}

DecimalMatrix rotate_exact(const DecimalMatrix& q, const DecimalMatrix& y, const DecimalMatrix& r) {
    return to_dec(mul(mul(to_q(q), to_q(y)), to_q(r), true));
}

std::vector<ExceptionalInstance> exceptional_set(std::uint64_t seed) {
    std::vector<Builder> bs;
    std::uint64_t rot = seed * 1000;
    auto rotate = [&](int rows, int cols, const DecimalMatrix& b) {
        rot += 2;
        return rotate_exact(cayley_orthogonal(rows, rot), b, cayley_orthogonal(cols, rot + 1));
    };
    const Precision p512 = Precision::from_bits(512);
    const auto th = [&](const std::vector<std::string>& lambda, int L, bool kp, const char* which) {
        Builder t;
        t.L = L;
        t.kp = kp;
        t.lambda = lambda;
        const Real lb = rounded(lambda_bar_hp(t), p512);
        if (std::string(which) == "ybar") return *cjw_y_bar(L, lb, p512).value;
        if (std::string(which) == "tau") {
            PrecisionGuard g(p512);
            return *kp_tau(L, Real(lb * L), p512).value;
        }
        return *cjw_tie_y_star(L, lb, p512).value;
    };

    // ---- near: 1e-70 beside an irrational threshold, 72 significant digits ----
    struct Near {
        const char* name;
        int L;
        std::vector<int> dims;
        bool kp;
        std::vector<std::string> lambda;
        const char* which;
        std::string other;  // the other (larger) singular value, or "" for a scalar target
        const char* note;
    };
    const std::vector<Near> nears = {
        {"ybar_L3", 3, {2, 2, 2, 2}, false, {"0.5", "1", "2"}, "ybar", "3",
         "the issue's first example: ybar = (4/3) 3^{1/4}, y* = 2; --digits 50 lost 6 of the 9 orbits"},
        {"ystar_L3", 3, {2, 2, 2, 2}, false, {"1", "2", "3"}, "y_star", "5",
         "lambdabar = 6^{1/3}, y* = 2 6^{1/4}: the global minimizer of index 2 is x+ above, 0 below"},
        {"tau_L3_kp", 3, {1, 1, 1, 1}, true, {"1"}, "tau", "",
         "the issue's second example: KP scalar, tau = (2/3) 3^{1/4}; --digits 50 reported a tie"},
        {"tau_L4_kp", 4, {1, 1, 1, 1, 1}, true, {"1"}, "tau", "", "KP scalar L = 4, tau = (3/4) 2^{1/3}"},
        {"ybar_L4", 4, {1, 1, 1, 1, 1}, false, {"1", "1", "1", "3"}, "ybar", "",
         "lambdabar = 3^{1/4}: ybar = 3^{7/6} 2^{-2/3}"},
    };
    for (const auto& n : nears)
        for (int sign : {+1, -1}) {
            Builder b;
            b.name = std::string("near_") + n.name + (sign > 0 ? "_above" : "_below");
            b.family = "near";
            b.note = n.note;
            b.L = n.L;
            b.dims = n.dims;
            b.kp = n.kp;
            b.lambda = n.lambda;
            const std::string v = near(th(n.lambda, n.L, n.kp, n.which), sign);
            const int rows = n.dims.back(), cols = n.dims.front();
            if (n.other.empty()) {
                b.target = diag(rows, cols, {v});
                b.sv = {exact_sv(v)};
                b.offset_index = 0;
            } else {
                b.target = diag(rows, cols, {n.other, v});
                b.sv = {exact_sv(n.other), exact_sv(v)};
                b.offset_index = 1;
            }
            b.sv[b.offset_index].text = std::string(n.which) + (sign > 0 ? " + " : " - ") + "1e-70 (72 digits)";
            b.offset_threshold = n.which;
            b.offset_sign = sign;
            bs.push_back(b);
        }

    // The same 1e-70 offsets inside a rotated target: Q diag(3, ybar +- 1e-70) R^T is exact too.
    for (int i : {0, 1}) {
        Builder b = bs[i];
        b.name = std::string("near_ybar_L3_rotated") + (i == 0 ? "_above" : "_below");
        b.target = rotate(2, 2, b.target);
        b.note = "Q diag(3, ybar +- 1e-70) R^T, exact: the offset survives the rotation only if the input is read exactly";
        bs.push_back(b);
    }

    auto add = [&](std::string name, std::string family, int L, std::vector<int> dims, bool kp,
                   std::vector<std::string> lambda, DecimalMatrix target, std::vector<SingularValue> sv,
                   std::string note) {
        Builder b;
        b.name = std::move(name);
        b.family = std::move(family);
        b.L = L;
        b.dims = std::move(dims);
        b.kp = kp;
        b.lambda = std::move(lambda);
        b.target = std::move(target);
        b.sv = std::move(sv);
        b.note = std::move(note);
        bs.push_back(std::move(b));
    };

    // ---- dyadic: exact binary thresholds (t = 2^k, L - 2 in {1, 2, 4}) ----
    add("dyadic_ybar_L3", "dyadic", 3, {2, 2, 2, 2}, false, {"1.5", "3", "6"}, diag(2, 2, {"8", "4"}),
        {exact_sv("8"), exact_sv("4")}, "t = 1: lambdabar = 3, xbar = 1, ybar = 4 (y* = 2 3^{3/4})");
    add("dyadic_ybar_L3_t2", "dyadic", 3, {1, 1, 1, 1}, false, {"48", "48", "48"}, diag(1, 1, {"32"}),
        {exact_sv("32")}, "t = 2: lambdabar = 48, xbar = 2, ybar = 32");
    add("dyadic_ybar_L4", "dyadic", 4, {2, 2, 2, 2, 2}, false, {"1", "2", "2", "4"}, diag(2, 2, {"5", "3"}),
        {exact_sv("5"), exact_sv("3")}, "t = 1: lambdabar = 2, ybar = 3 (y* = (3/2) 4^{2/3})");
    add("dyadic_ybar_L6", "dyadic", 6, {1, 1, 1, 1, 1, 1, 1}, false, {"1.5", "1.5", "1.5", "1.5", "1.5", "1.5"},
        diag(1, 1, {"2.5"}), {exact_sv("2.5")}, "t = 1: lambdabar = 3/2, ybar = 5/2");
    add("dyadic_ystar_L3", "dyadic", 3, {2, 2, 2, 2}, false, {"0.5", "1", "2"}, diag(2, 2, {"2", "1"}),
        {exact_sv("2"), exact_sv("1")}, "t = 1: lambdabar = 1, x+ = 1, y* = 2 (ybar = (4/3) 3^{1/4})");
    add("dyadic_ystar_L4", "dyadic", 4, {1, 1, 1, 1, 1}, false, {"0.5", "0.5", "0.5", "0.5"}, diag(1, 1, {"1.5"}),
        {exact_sv("1.5")}, "t = 1: lambdabar = 1/2, y* = 3/2");
    add("dyadic_ystar_L6", "dyadic", 6, {1, 1, 1, 1, 1, 1, 1}, false,
        std::vector<std::string>(6, "0.000244140625"), diag(1, 1, {"0.01953125"}), {exact_sv("0.01953125")},
        "t = 1/2: lambdabar = 2^-12, y* = (5/4) 2^-6");
    add("dyadic_tau_L3_kp", "dyadic", 3, {1, 1, 1, 1}, true, {"3"}, diag(1, 1, {"2"}), {exact_sv("2")},
        "KP lambda = 3 (lambdabar = 1): tau = 2, rho_m = 1");

    // ---- rotated: rational non-diagonal targets exactly on a threshold ----
    add("rotated_ybar_issue", "rotated", 3, {2, 2, 2, 2}, false, {"3", "3", "3"}, {{"6", "2"}, {"2", "6"}},
        {exact_sv("8"), exact_sv("4")}, "the issue's third example: singular values 8 and 4 = ybar; undecided at every precision");
    add("rotated_ybar_cayley", "rotated", 3, {2, 2, 2, 2}, false, {"3", "3", "3"}, rotate(2, 2, diag(2, 2, {"8", "4"})),
        {exact_sv("8"), exact_sv("4")}, "Q diag(8, 4) R^T, Cayley Q, R: 4 = ybar");
    add("rotated_ybar_cayley_3x2", "rotated", 3, {2, 2, 2, 3}, false, {"1.5", "3", "6"},
        rotate(3, 2, diag(3, 2, {"8", "4"})), {exact_sv("8"), exact_sv("4")}, "3 x 2 target, Q diag(8, 4) R^T: 4 = ybar");
    add("rotated_ystar_cayley", "rotated", 3, {2, 2, 2, 2}, false, {"0.5", "1", "2"}, rotate(2, 2, diag(2, 2, {"2", "1"})),
        {exact_sv("2"), exact_sv("1")}, "Q diag(2, 1) R^T: 2 = y* (an exact tie G(x+) = G(0))");
    add("rotated_ybar_L4", "rotated", 4, {2, 2, 2, 2, 2}, false, {"1", "2", "2", "4"}, rotate(2, 2, diag(2, 2, {"5", "3"})),
        {exact_sv("5"), exact_sv("3")}, "L = 4, Q diag(5, 3) R^T: 3 = ybar");
    add("rotated_ystar_L4", "rotated", 4, {2, 2, 2, 2, 2}, false, {"0.5", "0.5", "0.5", "0.5"},
        rotate(2, 2, diag(2, 2, {"3", "1.5"})), {exact_sv("3"), exact_sv("1.5")}, "L = 4, Q diag(3, 3/2) R^T: 3/2 = y*");
    add("rotated_tau_kp", "rotated", 3, {2, 2, 2, 2}, true, {"3"}, rotate(2, 2, diag(2, 2, {"2", "1"})),
        {exact_sv("2"), exact_sv("1")}, "KP convention, lambda = 3: Q diag(2, 1) R^T with 2 = tau");
    add("rotated_ybar_irrational", "rotated", 3, {2, 2, 2, 2}, false, {"12", "12", "12"},
        rotate(2, 2, {{"8", "8"}, {"0", "0"}}), {sqrt_sv("128", "8 sqrt(2)"), exact_sv("0")},
        "lambdabar = 12: xbar = sqrt 2, ybar = 8 sqrt 2, the singular value of rank-one Q [[8, 8], [0, 0]] R^T");
    add("rotated_ystar_irrational", "rotated", 3, {2, 2, 2, 2}, false, {"2", "4", "8"},
        rotate(2, 2, {{"4", "4"}, {"0", "0"}}), {sqrt_sv("32", "4 sqrt(2)"), exact_sv("0")},
        "lambdabar = 4: y* = 2 lambdabar^{3/4} = 4 sqrt 2 (ybar = 4 (4/3)^{3/4})");

    // ---- tie: repeated singular values ----
    add("tie_ybar_double", "tie", 3, {2, 2, 2, 2}, false, {"3", "3", "3"}, rotate(2, 2, diag(2, 2, {"4", "4"})),
        {exact_sv("4"), exact_sv("4")}, "4 Q R^T: ybar twice");
    add("tie_ystar_double", "tie", 3, {2, 2, 2, 2}, false, {"0.5", "1", "2"}, diag(2, 2, {"2", "2"}),
        {exact_sv("2"), exact_sv("2")}, "y* twice (diagonal, binary exact): a continuum of global minimizers");
    add("tie_ybar_irrational_double", "tie", 3, {2, 2, 2, 2}, false, {"12", "12", "12"}, {{"8", "-8"}, {"8", "8"}},
        {sqrt_sv("128", "8 sqrt(2)"), sqrt_sv("128", "8 sqrt(2)")}, "[[8, -8], [8, 8]]: ybar = 8 sqrt 2 twice");
    add("tie_off_threshold", "tie", 3, {2, 2, 2, 2}, false, {"3", "3", "3"}, rotate(2, 2, diag(2, 2, {"5", "5"})),
        {exact_sv("5"), exact_sv("5")}, "5 Q R^T: a repeated value above y* = 2 3^{3/4} and ybar = 4");

    // ---- bottleneck: hidden width below the rank ----
    add("bottleneck_ybar", "bottleneck", 3, {2, 1, 1, 2}, false, {"3", "3", "3"}, diag(2, 2, {"8", "4"}),
        {exact_sv("8"), exact_sv("4")}, "width 1 < rank 2, 4 = ybar");
    add("bottleneck_ystar_double", "bottleneck", 3, {2, 1, 1, 2}, false, {"0.5", "1", "2"},
        rotate(2, 2, diag(2, 2, {"2", "2"})), {exact_sv("2"), exact_sv("2")}, "y* twice through width 1");
    add("bottleneck_3x3", "bottleneck", 3, {3, 2, 1, 3}, false, {"3", "3", "3"}, rotate(3, 3, diag(3, 3, {"5", "4", "1"})),
        {exact_sv("5"), exact_sv("4"), exact_sv("1")}, "width 1 < rank 3: 5 > y*, 4 = ybar, 1 < ybar");
    add("bottleneck_split", "bottleneck", 3, {2, 1, 1, 2}, false, {"3", "3", "3"}, diag(2, 2, {"6", "6"}),
        {exact_sv("6"), exact_sv("6")}, "6 twice above y* through width 1: the block is split (no unique P)");

    std::vector<ExceptionalInstance> out;
    for (const auto& b : bs) out.push_back(finish(b));
    return out;
}

nlohmann::json manifest_entry(const ExceptionalInstance& e) {
    nlohmann::json j{{"name", e.name},           {"family", e.family},     {"singular_values", e.singular_values},
                     {"side_ybar", e.side_ybar}, {"side_ystar", e.side_ystar}, {"unique_end_to_end", e.unique_end_to_end},
                     {"note", e.note}};
    if (!e.offset_threshold.empty())
        j["offset"] = {{"threshold", e.offset_threshold}, {"index", e.offset_index}, {"sign", e.offset_sign}};
    return j;
}

void write_exceptional_set(const std::vector<ExceptionalInstance>& set, const std::string& dir) {
    std::filesystem::create_directories(dir);
    nlohmann::json manifest = nlohmann::json::array();
    for (const auto& e : set) {
        std::ofstream f(std::filesystem::path(dir) / (e.name + ".json"));
        f << e.instance.dump() << "\n";
        if (!f) throw std::runtime_error("cannot write " + dir + "/" + e.name + ".json");
        manifest.push_back(manifest_entry(e));
    }
    std::ofstream f(std::filesystem::path(dir) / "manifest.json");
    f << manifest.dump(1) << "\n";
    if (!f) throw std::runtime_error("cannot write " + dir + "/manifest.json");
}

}  // namespace dmf::gen
