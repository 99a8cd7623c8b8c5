#include "dmf/problem/objective.hpp"

#include <boost/multiprecision/mpfr.hpp>

namespace dmf::inline problem {

namespace {

Weights rounded_weights(const Instance& inst, const Weights& w, const Precision& p) {
    validate_point(inst, w);
    Weights out;
    out.reserve(w.size());
    for (const auto& m : w) out.push_back(rounded(m, p));
    return out;
}

// The pieces every derivative needs: prefix products B_l = W_{l-1}...W_1
// (d_{l-1} x d_0), suffix products A_l = W_L...W_{l+1} (d_L x d_l), R = P - Y.
struct Chain {
    std::vector<Matrix> A;  // A[l], l = 1..L (index 0 unused)
    std::vector<Matrix> B;  // B[l], l = 1..L
    Matrix P;
    Matrix R;
};

Chain make_chain(const Instance& inst, const Weights& w, const Precision& p) {
    const int L = inst.L;
    Chain c;
    c.A.resize(L + 1);
    c.B.resize(L + 1);
    c.B[1] = identity(inst.dims[0], p);
    for (int l = 2; l <= L; ++l) c.B[l] = matmul(w[l - 2], c.B[l - 1], p);
    c.A[L] = identity(inst.dims[L], p);
    for (int l = L - 1; l >= 1; --l) c.A[l] = matmul(c.A[l + 1], w[l], p);
    c.P = matmul(w[L - 1], c.B[L], p);
    PrecisionGuard guard(p);
    c.R = c.P - rounded(inst.target, p);
    return c;
}

// mid[l][k] = W_{l-1} ... W_{k+1} (d_{l-1} x d_k) for l > k; the identity when l = k + 1.
std::vector<std::vector<Matrix>> middle_products(const Instance& inst, const Weights& w, const Precision& p) {
    const int L = inst.L;
    std::vector<std::vector<Matrix>> mid(L + 1, std::vector<Matrix>(L + 1));
    for (int k = 1; k <= L; ++k) {
        Matrix run = identity(inst.dims[k], p);
        for (int l = k + 1; l <= L; ++l) {
            mid[l][k] = run;
            run = matmul(w[l - 1], run, p);
        }
    }
    return mid;
}

}  // namespace

Matrix end_to_end(const Instance& inst, const Weights& w, const Precision& p) {
    const Weights wr = rounded_weights(inst, w, p);
    Matrix P = wr[0];
    for (int l = 2; l <= inst.L; ++l) P = matmul(wr[l - 1], P, p);
    return P;
}

Real loss(const Instance& inst, const Weights& w, const Precision& p) {
    const Weights wr = rounded_weights(inst, w, p);
    const CjwForm form = cjw_form(inst, p);
    Matrix P = wr[0];
    for (int l = 2; l <= inst.L; ++l) P = matmul(wr[l - 1], P, p);
    PrecisionGuard guard(p);
    const Matrix R = P - rounded(inst.target, p);
    Real f = frobenius_norm_squared(R, p) / 2;
    for (int l = 1; l <= inst.L; ++l) f += form.lambda[l - 1] / 2 * frobenius_norm_squared(wr[l - 1], p);
    return form.loss_factor * f;
}

Weights gradient(const Instance& inst, const Weights& w, const Precision& p) {
    const Weights wr = rounded_weights(inst, w, p);
    const CjwForm form = cjw_form(inst, p);
    const Chain c = make_chain(inst, wr, p);
    PrecisionGuard guard(p);
    Weights g(inst.L);
    for (int l = 1; l <= inst.L; ++l) {
        // dF/dW_l = A_l^T R B_l^T + lambda_l W_l
        const Matrix ar = matmul_transpose_left(c.A[l], c.R, p);
        g[l - 1] = form.loss_factor * (matmul(ar, c.B[l].transpose(), p) + form.lambda[l - 1] * wr[l - 1]);
    }
    return g;
}

Real gradient_norm(const Instance& inst, const Weights& w, const Precision& p) {
    const Weights g = gradient(inst, w, p);
    PrecisionGuard guard(p);
    Real s = 0;
    for (const auto& m : g) s += frobenius_norm_squared(m, p);
    return sqrt(s);
}

long long parameter_offset(const Instance& inst, int layer, int row, int col) {
    long long off = 0;
    for (int k = 1; k < layer; ++k) off += static_cast<long long>(inst.dims[k]) * inst.dims[k - 1];
    return off + row + static_cast<long long>(col) * inst.dims[layer];
}

Vector flatten(const Instance& inst, const Weights& w, const Precision& p) {
    validate_point(inst, w);
    Vector theta = zero_vector(inst.num_parameters(), p);
    PrecisionGuard guard(p);
    for (int l = 1; l <= inst.L; ++l)
        for (int j = 0; j < inst.dims[l - 1]; ++j)
            for (int i = 0; i < inst.dims[l]; ++i) theta(parameter_offset(inst, l, i, j)) = rounded(w[l - 1](i, j), p);
    return theta;
}

Weights unflatten(const Instance& inst, const Vector& theta, const Precision& p) {
    if (theta.size() != inst.num_parameters())
        throw std::invalid_argument("unflatten: vector has " + std::to_string(theta.size()) + " entries, N = " +
                                    std::to_string(inst.num_parameters()));
    Weights w;
    for (int l = 1; l <= inst.L; ++l) {
        Matrix m = zeros(inst.dims[l], inst.dims[l - 1], p);
        for (int j = 0; j < inst.dims[l - 1]; ++j)
            for (int i = 0; i < inst.dims[l]; ++i) m(i, j) = rounded(theta(parameter_offset(inst, l, i, j)), p);
        w.push_back(std::move(m));
    }
    return w;
}

Matrix hessian(const Instance& inst, const Weights& w, const Precision& p) {
    const Weights wr = rounded_weights(inst, w, p);
    const CjwForm form = cjw_form(inst, p);
    const Chain c = make_chain(inst, wr, p);
    const auto mid = middle_products(inst, wr, p);
    const int L = inst.L;
    const auto& d = inst.dims;
    const long long N = inst.num_parameters();
    Matrix H = zeros(N, N, p);
    PrecisionGuard guard(p);
    // Second derivative of 1/2||R||^2 along (dW_l, dW_k):
    //   <A_l dW_l B_l, A_k dW_k B_k>                      (Gauss-Newton part)
    // + <R, A_l dW_l mid(l,k) dW_k B_k>  for l > k         (curvature of the product)
    // With dW_l = E_ij, dW_k = E_pq these are (A_l^T A_k)_ip (B_l B_k^T)_jq and
    // mid(l,k)_jp (A_l^T R B_k^T)_iq.
    for (int l = 1; l <= L; ++l) {
        for (int k = 1; k <= l; ++k) {
            const Matrix AA = matmul_transpose_left(c.A[l], c.A[k], p);   // d_l x d_k
            const Matrix BB = matmul(c.B[l], c.B[k].transpose(), p);      // d_{l-1} x d_{k-1}
            Matrix G;
            if (l > k) G = matmul(matmul_transpose_left(c.A[l], c.R, p), c.B[k].transpose(), p);  // d_l x d_{k-1}
            for (int j = 0; j < d[l - 1]; ++j)
                for (int i = 0; i < d[l]; ++i) {
                    const long long row = parameter_offset(inst, l, i, j);
                    for (int q = 0; q < d[k - 1]; ++q)
                        for (int pp = 0; pp < d[k]; ++pp) {
                            const long long col = parameter_offset(inst, k, pp, q);
                            if (col > row) continue;
                            Real h = AA(i, pp) * BB(j, q);
                            if (l > k) h += mid[l][k](j, pp) * G(i, q);
                            if (row == col) h += form.lambda[l - 1];
                            h *= form.loss_factor;
                            H(row, col) = h;
                            H(col, row) = h;
                        }
                }
        }
    }
    return H;
}

Weights hessian_vector_product(const Instance& inst, const Weights& w, const Weights& v, const Precision& p) {
    const Weights wr = rounded_weights(inst, w, p);
    const Weights vr = rounded_weights(inst, v, p);
    const CjwForm form = cjw_form(inst, p);
    const Chain c = make_chain(inst, wr, p);
    const auto mid = middle_products(inst, wr, p);
    const int L = inst.L;
    PrecisionGuard guard(p);
    // dP = sum_m A_m V_m B_m. Differentiating grad_l = A_l^T R B_l^T + lambda_l W_l along V:
    //   A_l^T dP B_l^T + dA_l^T R B_l^T + A_l^T R dB_l^T + lambda_l V_l, with
    //   dA_l = sum_{m>l} A_m V_m mid(m,l),  dB_l = sum_{m<l} mid(l,m) V_m B_m.
    Matrix dP = zeros(inst.dims[L], inst.dims[0], p);
    for (int m = 1; m <= L; ++m) dP += matmul(matmul(c.A[m], vr[m - 1], p), c.B[m], p);
    Weights out(L);
    for (int l = 1; l <= L; ++l) {
        Matrix dA = zeros(inst.dims[L], inst.dims[l], p);
        for (int m = l + 1; m <= L; ++m) dA += matmul(matmul(c.A[m], vr[m - 1], p), mid[m][l], p);
        Matrix dB = zeros(inst.dims[l - 1], inst.dims[0], p);
        for (int m = 1; m < l; ++m) dB += matmul(matmul(mid[l][m], vr[m - 1], p), c.B[m], p);
        const Matrix Bt = c.B[l].transpose();
        Matrix h = matmul(matmul_transpose_left(c.A[l], dP, p), Bt, p);
        h += matmul(matmul_transpose_left(dA, c.R, p), Bt, p);
        h += matmul(matmul_transpose_left(c.A[l], c.R, p), dB.transpose(), p);
        h += form.lambda[l - 1] * vr[l - 1];
        out[l - 1] = form.loss_factor * h;
    }
    return out;
}

}  // namespace dmf::problem
