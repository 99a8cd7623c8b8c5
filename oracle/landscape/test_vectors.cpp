#include "dmf/landscape/test_vectors.hpp"

#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/objective.hpp"

#include <gmp.h>

#include <stdexcept>

namespace dmf::inline landscape {

std::string exact_decimal(const Real& x) {
    if (!isfinite(x)) throw std::invalid_argument("exact_decimal: not a finite number");
    if (x == 0) return "0";
    // x = m 2^e with m an integer: m 2^e for e >= 0, else m 5^-e / 10^-e.
    mpz_t m, f;
    mpz_init(m);
    mpz_init(f);
    long e = mpfr_get_z_2exp(m, x.backend().data());
    const bool negative = mpz_sgn(m) < 0;
    mpz_abs(m, m);
    while (e < 0 && mpz_even_p(m)) mpz_fdiv_q_2exp(m, m, 1), ++e;  // shortest: m odd when e < 0
    long point = 0;                                                 // digits after the decimal point
    if (e >= 0) {
        mpz_mul_2exp(m, m, static_cast<mp_bitcnt_t>(e));
    } else {
        mpz_ui_pow_ui(f, 5, static_cast<unsigned long>(-e));
        mpz_mul(m, m, f);
        point = -e;
    }
    std::string digits(mpz_sizeinbase(m, 10) + 2, '\0');
    mpz_get_str(digits.data(), 10, m);
    digits.resize(std::char_traits<char>::length(digits.c_str()));
    mpz_clear(m);
    mpz_clear(f);
    if (point > 0) {
        if (static_cast<long>(digits.size()) <= point) digits.insert(0, static_cast<size_t>(point) - digits.size() + 1, '0');
        digits.insert(digits.size() - static_cast<size_t>(point), ".");
    }
    return negative ? "-" + digits : digits;
}

VectorPoint evaluate_vector_point(const Instance& inst, const Weights& w, const Weights& v, const Precision& p,
                                  long long dense_max_n) {
    validate_point(inst, w);
    validate_point(inst, v);
    const Precision q = p.times(2);
    const Instance iq = at_precision(inst, q);
    VectorPoint out{w, v, loss(iq, w, q), gradient(iq, w, q), hessian_vector_product(iq, w, v, q)};
    const long long n = inst.num_parameters();
    if (n <= dense_max_n) {
        // The same product from the dense Hessian of the definition (a separate assembly).
        PrecisionGuard g(q);
        const Matrix H = hessian(iq, w, q);
        const Vector fv = flatten(iq, v, q);
        const Vector dense = matvec(H, fv, q);
        const Vector ours = flatten(iq, out.hessian_vector_product, q);
        Real diff = 0;
        for (Eigen::Index i = 0; i < dense.size(); ++i) { const Real a = abs(dense(i) - ours(i)); if (a > diff) diff = a; }
        const Real bound = 64 * Real(n + 2) * epsilon(q) * sqrt(frobenius_norm_squared(H, q)) *
                           sqrt(frobenius_norm_squared(Matrix(fv), q));
        if (diff > bound)
            throw std::logic_error("vectors: the Hessian-vector product and the dense Hessian disagree by " +
                                   to_string(diff, 6) + " (bound " + to_string(bound, 6) + ")");
    }
    return out;
}

TestVector make_test_vector(const Instance& inst, const std::vector<std::pair<Weights, Weights>>& points,
                            const Precision& p, long long max_n) {
    const bool dense = dense_within(inst, max_n);
    TestVector tv{classify_landscape(inst, p, 1, 3, dense), {}, {}};
    tv.summary = summarize_landscape(inst, tv.landscape, p, max_n);
    for (const auto& [w, v] : points) tv.points.push_back(evaluate_vector_point(inst, w, v, p));
    return tv;
}

}  // namespace dmf::landscape
