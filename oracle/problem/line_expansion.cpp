#include "dmf/problem/line_expansion.hpp"

#include <algorithm>

namespace dmf::inline problem {

namespace {

using MatrixPolynomial = std::vector<Matrix>;  // coefficient k multiplies t^k

MatrixPolynomial multiply(const MatrixPolynomial& a, const MatrixPolynomial& b, int max_degree, const Precision& p) {
    const int degree = std::min<int>(max_degree, static_cast<int>(a.size() + b.size()) - 2);
    MatrixPolynomial c(degree + 1, zeros(a[0].rows(), b[0].cols(), p));
    PrecisionGuard g(p);
    for (size_t i = 0; i < a.size(); ++i)
        for (size_t j = 0; j < b.size() && static_cast<int>(i + j) <= degree; ++j) c[i + j] += matmul(a[i], b[j], p);
    return c;
}

MatrixPolynomial identity_polynomial(int n, const Precision& p) { return {identity(n, p)}; }

}  // namespace

LineExpansion expand_along_line(const Instance& inst, const Weights& w_in, const Weights& v_in, const Precision& p) {
    validate_point(inst, w_in);
    validate_point(inst, v_in);
    const int L = inst.L;
    const CjwForm form = cjw_form(inst, p);
    std::vector<MatrixPolynomial> A(L + 1);
    for (int l = 1; l <= L; ++l) A[l] = {rounded(w_in[l - 1], p), rounded(v_in[l - 1], p)};
    // Prefix B_l = A_{l-1}..A_1 and suffix S_l = A_L..A_{l+1}, full degree for P, truncated
    // at degree 2 for the gradient's t^2 coefficient.
    std::vector<MatrixPolynomial> B(L + 1), S(L + 2);
    B[1] = identity_polynomial(inst.dims[0], p);
    for (int l = 2; l <= L; ++l) B[l] = multiply(A[l - 1], B[l - 1], L, p);
    S[L] = identity_polynomial(inst.dims[L], p);
    for (int l = L - 1; l >= 1; --l) S[l] = multiply(S[l + 1], A[l + 1], L, p);
    const MatrixPolynomial P = multiply(A[L], B[L], L, p);
    MatrixPolynomial R = P;
    PrecisionGuard g(p);
    R[0] -= rounded(inst.target, p);

    const int degree = std::max(2 * L, 4);
    LineExpansion e;
    e.coefficient.assign(degree + 1, Real(0));
    e.magnitude.assign(degree + 1, Real(0));
    std::vector<Real> norm(R.size());
    for (size_t i = 0; i < R.size(); ++i) norm[i] = sqrt(frobenius_norm_squared(R[i], p));
    for (size_t i = 0; i < R.size(); ++i)
        for (size_t j = 0; j < R.size(); ++j) {
            e.coefficient[i + j] += dot(R[i], R[j], p) / 2;
            e.magnitude[i + j] += norm[i] * norm[j] / 2;
        }
    for (int l = 1; l <= L; ++l) {
        const Real& lam = form.lambda[l - 1];
        const Real ww = frobenius_norm_squared(A[l][0], p), wv = dot(A[l][0], A[l][1], p),
                   vv = frobenius_norm_squared(A[l][1], p);
        e.coefficient[0] += lam * ww / 2;
        e.coefficient[1] += lam * wv;
        e.coefficient[2] += lam * vv / 2;
        e.magnitude[0] += lam * ww / 2;
        e.magnitude[1] += lam * abs(wv);
        e.magnitude[2] += lam * vv / 2;
    }
    for (int k = 0; k <= degree; ++k) {
        e.coefficient[k] *= form.loss_factor;
        e.magnitude[k] *= form.loss_factor;
    }
    // grad_l F(t) = S_l(t)^T R(t) B_l(t)^T + lambda_l A_l(t): its t^2 coefficient, times 2.
    Weights third(L);
    for (int l = 1; l <= L; ++l) {
        MatrixPolynomial St(S[l].size()), Bt(B[l].size());
        for (size_t k = 0; k < S[l].size(); ++k) St[k] = S[l][k].transpose();
        for (size_t k = 0; k < B[l].size(); ++k) Bt[k] = B[l][k].transpose();
        const MatrixPolynomial G = multiply(multiply(St, R, 2, p), Bt, 2, p);
        Matrix c2 = G.size() > 2 ? G[2] : zeros(inst.dims[l], inst.dims[l - 1], p);
        third[l - 1] = 2 * form.loss_factor * c2;  // the lambda term is linear in t: no t^2 part
    }
    e.cubic_gradient = flatten(inst, third, p);
    return e;
}

}  // namespace dmf::problem
