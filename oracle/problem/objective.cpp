#include "dmf/problem/objective.hpp"

#include "dmf/numerics/parallel.hpp"

#include "dmf/numerics/arb_kernels.hpp"

#include <boost/multiprecision/mpfr.hpp>

#include <algorithm>
#include <memory>
#include <stdexcept>

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
    return HessianVectorProduct(inst, w, p)(v);
}

}  // namespace dmf::problem

namespace dmf::inline problem {

Matrix fast_matmul(const Matrix& a_in, bool transpose_a, const Matrix& b_in, bool transpose_b, const Precision& p,
                   unsigned threads) {
    PrecisionGuard guard(p);
    // C(i, j) = sum_k At(k, i) B(k, j): both operands column-major with k contiguous.
    const Matrix At = transpose_a ? rounded(a_in, p) : Matrix(rounded(a_in, p).transpose());
    const Matrix B = transpose_b ? Matrix(rounded(b_in, p).transpose()) : rounded(b_in, p);
    if (At.rows() != B.rows())
        throw std::invalid_argument("fast_matmul: shapes do not chain");
    const Eigen::Index m = At.cols(), n = B.cols(), K = B.rows();
    Matrix C = zeros(m, n, p);
    if (m == 0 || n == 0 || K == 0) return C;
    const mpfr_prec_t prec = static_cast<mpfr_prec_t>(p.bits());
    auto work = [&](Eigen::Index j0, Eigen::Index j1) {
        mpfr_t acc;
        mpfr_init2(acc, prec);
        for (Eigen::Index j = j0; j < j1; ++j)
            for (Eigen::Index i = 0; i < m; ++i) {
                mpfr_set_zero(acc, 1);
                for (Eigen::Index k = 0; k < K; ++k)
                    mpfr_fma(acc, At(k, i).backend().data(), B(k, j).backend().data(), acc, MPFR_RNDN);
                mpfr_set(C(i, j).backend().data(), acc, MPFR_RNDN);
            }
        mpfr_clear(acc);
    };
    unsigned t = threads ? threads : hardware_threads();
    // Threads only where the work pays for them (about 0.1 ms of products each).
    if (static_cast<double>(m) * n * K < 20000) t = 1;
    parallel_ranges(n, t, work);
    return C;
}

// The direction-independent pieces, as midpoint-only Arb matrices (arb_kernels.hpp).
struct HessianVectorProduct::Pieces {
    std::vector<arbk::Mat> W, Wt, F, Ft, A, RBt, AtR;  // index l as in the comments below
};

HessianVectorProduct::HessianVectorProduct(const Instance& inst, const Weights& w, const Precision& p)
    : inst_(inst), p_(p), n_(inst.num_parameters()), w_(rounded_weights(inst, w, p)) {
    const int L = inst.L;
    const CjwForm form = cjw_form(inst, p);
    PrecisionGuard guard(p);
    loss_factor_ = form.loss_factor;
    lambda_ = form.lambda;
    const slong prec = static_cast<slong>(p.bits());
    auto pc = std::make_shared<Pieces>();
    // F_l = W_l ... W_1 (F_0 = I), A_l = W_L ... W_{l+1} (A_L = I), R = P - Y, R F_{l-1}^T, A_l^T R.
    pc->W.resize(L + 1);
    pc->Wt.resize(L + 1);
    pc->F.resize(L + 1);
    pc->Ft.resize(L + 1);
    pc->A.resize(L + 1);
    pc->RBt.resize(L + 1);
    pc->AtR.resize(L + 1);
    for (int l = 1; l <= L; ++l) {
        pc->W[l] = arbk::Mat(w_[l - 1]);
        pc->Wt[l] = pc->W[l].transposed();
    }
    pc->F[0] = arbk::Mat(identity(inst.dims[0], p));
    for (int l = 1; l <= L; ++l) pc->F[l] = arbk::mul(pc->W[l], pc->F[l - 1], prec);
    for (int l = 0; l <= L; ++l) pc->Ft[l] = pc->F[l].transposed();
    pc->A[L] = arbk::Mat(identity(inst.dims[L], p));
    for (int l = L - 1; l >= 1; --l) pc->A[l] = arbk::mul(pc->A[l + 1], pc->W[l + 1], prec);
    arbk::Mat R(pc->F[L]);
    {
        const Matrix y = rounded(inst.target, p);
        for (slong i = 0; i < R.rows(); ++i)
            for (slong j = 0; j < R.cols(); ++j) {
                arb_t t;
                arb_init(t);
                arbk::set(t, y(i, j));
                arf_sub(arb_midref(R.at(i, j)), arb_midref(R.at(i, j)), arb_midref(t), prec, ARF_RND_NEAR);
                mag_zero(arb_radref(R.at(i, j)));
                arb_clear(t);
            }
    }
    for (int l = 1; l <= L; ++l) {
        pc->RBt[l] = arbk::mul(R, pc->Ft[l - 1], prec);
        pc->AtR[l] = arbk::mul(pc->A[l].transposed(), R, prec);
    }
    pieces_ = std::move(pc);
}

Weights HessianVectorProduct::operator()(const Weights& v_in) const {
    return unflatten(inst_, apply(flatten(inst_, v_in, p_)), p_);
}

Vector HessianVectorProduct::apply(const Vector& v_flat) const {
    if (v_flat.size() != n_)
        throw std::invalid_argument("HessianVectorProduct: vector has " + std::to_string(v_flat.size()) + " entries, N = " +
                                    std::to_string(n_));
    const int L = inst_.L;
    const auto& d = inst_.dims;
    const Pieces& pc = *pieces_;
    const slong prec = static_cast<slong>(p_.bits());
    using arbk::Piece;
    // The direction, layer by layer (flattened column-major, objective.hpp's order).
    std::vector<arbk::Mat> V(L + 1);
    {
        long long off = 0;
        for (int l = 1; l <= L; ++l) {
            V[l] = arbk::Mat(d[l], d[l - 1]);
            for (int j = 0; j < d[l - 1]; ++j)
                for (int i = 0; i < d[l]; ++i) arbk::set(V[l].at(i, j), v_flat(off + i + static_cast<long long>(j) * d[l]));
            off += static_cast<long long>(d[l]) * d[l - 1];
        }
    }
    // dF_l = V_l F_{l-1} + W_l dF_{l-1} (dF_0 = 0, dP = dF_L = sum_m A_m V_m B_m);
    // dA_l = dA_{l+1} W_{l+1} + A_{l+1} V_{l+1} (dA_L = 0); T_l = A_l^T dP = W_{l+1}^T T_{l+1}.
    // The derivative of grad_l = A_l^T R B_l^T + lambda_l W_l along V (B_l = F_{l-1}):
    //   T_l F_{l-1}^T + dA_l^T (R F_{l-1}^T) + (A_l^T R) dF_{l-1}^T + lambda_l V_l.
    // Each sum of products is one product of concatenated blocks ([V_l W_l][F_{l-1}; dF_{l-1}]),
    // so every entry is a single dot product rounded once to p.
    std::vector<arbk::Mat> dF(L + 1), dA(L + 1), T(L + 1);
    const auto forward = [&] {
        dF[1] = V[1];
        for (int l = 2; l <= L; ++l)
            dF[l] = arbk::mul(arbk::hcat({Piece{&V[l]}, Piece{&pc.W[l]}}), arbk::vcat({Piece{&pc.F[l - 1]}, Piece{&dF[l - 1]}}),
                              prec);
        T[L] = dF[L];
        for (int l = L - 1; l >= 1; --l) T[l] = arbk::mul(pc.Wt[l + 1], T[l + 1], prec);
    };
    const auto backward = [&] {
        if (L >= 2) dA[L - 1] = V[L];
        for (int l = L - 2; l >= 1; --l)
            dA[l] = arbk::mul(arbk::hcat({Piece{&dA[l + 1]}, Piece{&pc.A[l + 1]}}),
                              arbk::vcat({Piece{&pc.W[l + 1]}, Piece{&V[l + 1]}}), prec);
    };
    // Two independent recursions: one per core when the products are large enough to pay for a
    // thread (about 20,000 multiply-adds each, as fast_matmul).
    const bool threaded = hardware_threads() > 1 && static_cast<double>(n_) * d[0] >= 20000;
    if (threaded) {
        std::thread t = arbk::spawn(backward);
        forward();
        t.join();
    } else {
        forward();
        backward();
    }
    std::vector<arbk::Mat> out(L + 1);
    const auto layer = [&](int l) {
        if (L == 1) {
            out[l] = arbk::mul(T[l], pc.Ft[l - 1], prec);
            return;
        }
        if (l == L)
            out[l] = arbk::mul(arbk::hcat({Piece{&T[l]}, Piece{&pc.AtR[l]}}),
                               arbk::vcat({Piece{&pc.Ft[l - 1]}, Piece{&dF[l - 1], true}}), prec);
        else if (l == 1)
            out[l] = arbk::mul(arbk::hcat({Piece{&T[l]}, Piece{&dA[l], true}}),
                               arbk::vcat({Piece{&pc.Ft[l - 1]}, Piece{&pc.RBt[l]}}), prec);
        else
            out[l] = arbk::mul(arbk::hcat({Piece{&T[l]}, Piece{&dA[l], true}, Piece{&pc.AtR[l]}}),
                               arbk::vcat({Piece{&pc.Ft[l - 1]}, Piece{&pc.RBt[l]}, Piece{&dF[l - 1], true}}), prec);
    };
    if (threaded && L > 1) {
        // Layers 1..L split in two halves of about equal work.
        const int half = (L + 1) / 2;
        std::thread t = arbk::spawn([&] {
            for (int l = half + 1; l <= L; ++l) layer(l);
        });
        for (int l = 1; l <= half; ++l) layer(l);
        t.join();
    } else {
        for (int l = 1; l <= L; ++l) layer(l);
    }
    // loss_factor (h + lambda_l V_l), entry by entry in MPFR at p (as before: two roundings).
    PrecisionGuard guard(p_);
    Vector result = zero_vector(n_, p_);
    Real h, lv;
    long long off = 0;
    for (int l = 1; l <= L; ++l) {
        for (int j = 0; j < d[l - 1]; ++j)
            for (int i = 0; i < d[l]; ++i) {
                const long long k = off + i + static_cast<long long>(j) * d[l];
                arbk::get(h, out[l].at(i, j));
                lv = lambda_[l - 1] * v_flat(k);
                h += lv;
                result(k) = loss_factor_ * h;
            }
        off += static_cast<long long>(d[l]) * d[l - 1];
    }
    return result;
}

}  // namespace dmf::problem
