#include "dmf/numerics/mpfr_eigenvalues.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace dmf::inline numerics {

namespace {

// An n x n (or n) array of mpfr_t at one precision, freed on scope exit.
struct MpfrArray {
    std::vector<mpfr_t> v;
    MpfrArray(std::size_t n, mpfr_prec_t prec) : v(n) {
        for (auto& x : v) mpfr_init2(x, prec), mpfr_set_zero(x, 1);
    }
    ~MpfrArray() {
        for (auto& x : v) mpfr_clear(x);
    }
    MpfrArray(const MpfrArray&) = delete;
    MpfrArray& operator=(const MpfrArray&) = delete;
    mpfr_ptr operator[](std::size_t i) { return v[i]; }
};

}  // namespace

Eigenvalues symmetric_eigenvalues_mpfr(const Matrix& a_in, const Precision& p) {
    if (a_in.rows() != a_in.cols()) throw std::invalid_argument("symmetric_eigenvalues_mpfr: matrix must be square");
    const std::size_t n = static_cast<std::size_t>(a_in.rows());
    const mpfr_prec_t prec = static_cast<mpfr_prec_t>(p.bits());
    Eigenvalues out;
    if (n == 0) {
        out.values = zero_vector(0, p);
        return out;
    }
    MpfrArray A(n * n, prec), v(n, prec), w(n, prec), d(n, prec), e(n, prec);
    MpfrArray t(4, prec);  // scalars: t[0..3]
    auto at = [&](std::size_t i, std::size_t j) { return A[i + j * n]; };
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t i = j; i < n; ++i) mpfr_set(at(i, j), a_in(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)).backend().data(), MPFR_RNDN);
    // Householder: only the lower triangle is read and updated.
    for (std::size_t k = 0; k + 2 < n; ++k) {
        const std::size_t m = n - k - 1;  // length of x = A[k+1:n, k]
        mpfr_ptr norm = t[0];
        mpfr_set_zero(norm, 1);
        for (std::size_t i = 0; i < m; ++i) mpfr_fma(norm, at(k + 1 + i, k), at(k + 1 + i, k), norm, MPFR_RNDN);
        mpfr_sqrt(norm, norm, MPFR_RNDN);
        if (mpfr_zero_p(norm)) {
            mpfr_set_zero(e[k], 1);
            continue;
        }
        // alpha = -sign(x0) ||x||; v = x - alpha e1; beta = 2 / (v^T v).
        mpfr_ptr alpha = t[1];
        mpfr_set(alpha, norm, MPFR_RNDN);
        if (mpfr_sgn(at(k + 1, k)) > 0) mpfr_neg(alpha, alpha, MPFR_RNDN);
        for (std::size_t i = 0; i < m; ++i) mpfr_set(v[i], at(k + 1 + i, k), MPFR_RNDN);
        mpfr_sub(v[0], v[0], alpha, MPFR_RNDN);
        mpfr_ptr vv = t[2];
        mpfr_set_zero(vv, 1);
        for (std::size_t i = 0; i < m; ++i) mpfr_fma(vv, v[i], v[i], vv, MPFR_RNDN);
        mpfr_ptr beta = t[3];
        mpfr_ui_div(beta, 2, vv, MPFR_RNDN);
        mpfr_set(e[k], alpha, MPFR_RNDN);  // the subdiagonal entry after the reflection
        // p = beta * A22 v (A22 symmetric, lower triangle stored).
        for (std::size_t i = 0; i < m; ++i) mpfr_set_zero(w[i], 1);
        for (std::size_t j = 0; j < m; ++j) {
            mpfr_fma(w[j], at(k + 1 + j, k + 1 + j), v[j], w[j], MPFR_RNDN);
            for (std::size_t i = j + 1; i < m; ++i) {
                mpfr_fma(w[i], at(k + 1 + i, k + 1 + j), v[j], w[i], MPFR_RNDN);
                mpfr_fma(w[j], at(k + 1 + i, k + 1 + j), v[i], w[j], MPFR_RNDN);
            }
        }
        for (std::size_t i = 0; i < m; ++i) mpfr_mul(w[i], w[i], beta, MPFR_RNDN);
        // w = p - (beta/2)(v^T p) v; then A22 -= v w^T + w v^T.
        mpfr_ptr K = t[0];
        mpfr_set_zero(K, 1);
        for (std::size_t i = 0; i < m; ++i) mpfr_fma(K, v[i], w[i], K, MPFR_RNDN);
        mpfr_mul(K, K, beta, MPFR_RNDN);
        mpfr_div_ui(K, K, 2, MPFR_RNDN);
        for (std::size_t i = 0; i < m; ++i) {
            mpfr_mul(t[2], K, v[i], MPFR_RNDN);
            mpfr_sub(w[i], w[i], t[2], MPFR_RNDN);
        }
        for (std::size_t j = 0; j < m; ++j)
            for (std::size_t i = j; i < m; ++i) {
                mpfr_ptr x = at(k + 1 + i, k + 1 + j);
                mpfr_mul(t[2], v[i], w[j], MPFR_RNDN);
                mpfr_fma(t[2], w[i], v[j], t[2], MPFR_RNDN);
                mpfr_sub(x, x, t[2], MPFR_RNDN);
            }
    }
    for (std::size_t i = 0; i < n; ++i) mpfr_set(d[i], at(i, i), MPFR_RNDN);
    if (n >= 2) mpfr_set(e[n - 2], at(n - 1, n - 2), MPFR_RNDN);
    // Implicit QL with Wilkinson shifts (tql1 / Numerical Recipes' tqli without vectors).
    // e[i] couples d[i] and d[i+1]; e[n-1] = 0.
    mpfr_set_zero(e[n - 1], 1);
    MpfrArray s(8, prec);
    mpfr_ptr g = s[0], r = s[1], sn = s[2], c = s[3], f = s[4], b = s[5], pp = s[6], dd = s[7];
    const long max_iterations = 60 * static_cast<long>(n) + static_cast<long>(prec);
    long iterations = 0;
    for (std::size_t l = 0; l < n; ++l) {
        for (;;) {
            std::size_t m = l;
            for (; m + 1 < n; ++m) {
                // |e[m]| <= eps (|d[m]| + |d[m+1]|): negligible.
                mpfr_abs(dd, d[m], MPFR_RNDN);
                mpfr_abs(pp, d[m + 1], MPFR_RNDN);
                mpfr_add(dd, dd, pp, MPFR_RNDN);
                mpfr_abs(pp, e[m], MPFR_RNDN);
                mpfr_mul_2si(dd, dd, 1 - static_cast<long>(prec), MPFR_RNDN);
                if (mpfr_lessequal_p(pp, dd)) break;
            }
            if (m == l) break;
            if (++iterations > max_iterations) {
                out.status = Status::no_convergence;
                break;
            }
            // Shift: g = (d[l+1] - d[l]) / (2 e[l]); r = hypot(g, 1); g = d[m] - d[l] + e[l] / (g + sign(g) r).
            mpfr_sub(g, d[l + 1], d[l], MPFR_RNDN);
            mpfr_mul_2ui(pp, e[l], 1, MPFR_RNDN);
            mpfr_div(g, g, pp, MPFR_RNDN);
            mpfr_set_ui(pp, 1, MPFR_RNDN);
            mpfr_hypot(r, g, pp, MPFR_RNDN);
            if (mpfr_sgn(g) >= 0) mpfr_add(pp, g, r, MPFR_RNDN);
            else mpfr_sub(pp, g, r, MPFR_RNDN);
            mpfr_div(pp, e[l], pp, MPFR_RNDN);
            mpfr_sub(g, d[m], d[l], MPFR_RNDN);
            mpfr_add(g, g, pp, MPFR_RNDN);
            mpfr_set_ui(sn, 1, MPFR_RNDN);
            mpfr_set_ui(c, 1, MPFR_RNDN);
            mpfr_set_zero(pp, 1);
            bool underflow = false;
            for (std::size_t ii = m; ii-- > l;) {
                mpfr_mul(f, sn, e[ii], MPFR_RNDN);
                mpfr_mul(b, c, e[ii], MPFR_RNDN);
                mpfr_hypot(r, f, g, MPFR_RNDN);
                mpfr_set(e[ii + 1], r, MPFR_RNDN);
                if (mpfr_zero_p(r)) {
                    mpfr_sub(d[ii + 1], d[ii + 1], pp, MPFR_RNDN);
                    mpfr_set_zero(e[m], 1);
                    underflow = true;
                    break;
                }
                mpfr_div(sn, f, r, MPFR_RNDN);
                mpfr_div(c, g, r, MPFR_RNDN);
                mpfr_sub(g, d[ii + 1], pp, MPFR_RNDN);
                // r = (d[ii] - g) s + 2 c b
                mpfr_sub(r, d[ii], g, MPFR_RNDN);
                mpfr_mul(r, r, sn, MPFR_RNDN);
                mpfr_mul(dd, c, b, MPFR_RNDN);
                mpfr_mul_2ui(dd, dd, 1, MPFR_RNDN);
                mpfr_add(r, r, dd, MPFR_RNDN);
                mpfr_mul(pp, sn, r, MPFR_RNDN);
                mpfr_add(d[ii + 1], g, pp, MPFR_RNDN);
                mpfr_mul(g, c, r, MPFR_RNDN);
                mpfr_sub(g, g, b, MPFR_RNDN);
            }
            if (underflow) continue;
            mpfr_sub(d[l], d[l], pp, MPFR_RNDN);
            mpfr_set(e[l], g, MPFR_RNDN);
            mpfr_set_zero(e[m], 1);
        }
        if (out.status != Status::ok) break;
    }
    out.values = zero_vector(static_cast<Eigen::Index>(n), p);
    for (std::size_t i = 0; i < n; ++i) mpfr_set(out.values(static_cast<Eigen::Index>(i)).backend().data(), d[i], MPFR_RNDN);
    std::sort(out.values.data(), out.values.data() + n);
    return out;
}

}  // namespace dmf::numerics
