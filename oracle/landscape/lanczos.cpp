#include "dmf/landscape/lanczos.hpp"

#include "dmf/numerics/parallel.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/numerics/tolerance_policy.hpp"

#include "dmf/numerics/arb_kernels.hpp"

#include <boost/multiprecision/mpfr.hpp>

#include <algorithm>
#include <stdexcept>

namespace dmf::inline landscape {

namespace {

// The Krylov basis and every operation on it (orthogonalization, restarts) on midpoint-only Arb
// vectors with Arb's approximate dot product (arb_kernels.hpp: one fixed-point accumulation and a
// single rounding to p per dot product, ~9 ns a term at 128 bits against ~85 ns for an mpfr_fma
// chain), split over the hardware threads from N = 1,024. The operator itself stays an Eigen/MPFR
// function (one conversion each way per product, O(N)).
unsigned threads_for(slong n) { return n < 1024 ? 1u : hardware_threads(); }

class Basis {
public:
    Basis(slong n, slong capacity) : n_(n), cap_(capacity), buf_(_arb_vec_init(n * capacity)) {}
    Basis(const Basis&) = delete;
    Basis& operator=(const Basis&) = delete;
    ~Basis() { _arb_vec_clear(buf_, n_ * cap_); }
    arb_ptr row(slong k) { return buf_ + k * n_; }
    arb_srcptr row(slong k) const { return buf_ + k * n_; }
    void swap(Basis& o) noexcept {
        std::swap(n_, o.n_);
        std::swap(cap_, o.cap_);
        std::swap(buf_, o.buf_);
    }

private:
    slong n_, cap_;
    arb_ptr buf_;
};

Real dot(arb_srcptr x, arb_srcptr y, slong n, slong prec) {
    arb_t s;
    arb_init(s);
    arb_approx_dot(s, nullptr, 0, x, 1, y, 1, n, prec);
    Real out = 0;
    arbk::get(out, s);
    arb_clear(s);
    return out;
}

Real norm(arb_srcptr x, slong n, slong prec) { return sqrt(dot(x, x, n, prec)); }

void scale_down(arb_ptr x, slong n, const Real& by, slong prec) {
    arf_t b;
    arf_init(b);
    arf_set_mpfr(b, by.backend().data());
    for (slong i = 0; i < n; ++i) arf_div(arb_midref(x + i), arb_midref(x + i), b, prec, ARF_RND_NEAR);
    arf_clear(b);
}

// c_k = <V_k, z> for k < m, then z -= sum_k c_k V_k; returns c.
std::vector<Real> project_out(const Basis& V, slong m, arb_ptr z, slong n, slong prec) {
    arb_ptr c = _arb_vec_init(m);
    const unsigned t = threads_for(n);
    arbk::parallel(m, t, [&](slong k0, slong k1) {
        for (slong k = k0; k < k1; ++k) arb_approx_dot(c + k, nullptr, 0, V.row(k), 1, z, 1, n, prec);
    });
    arbk::parallel(n, t, [&](slong i0, slong i1) {
        arb_t r;
        arb_init(r);
        for (slong i = i0; i < i1; ++i) {
            arb_approx_dot(r, z + i, 1, c, 1, V.row(0) + i, n, m, prec);
            arb_swap(z + i, r);
        }
        arb_clear(r);
    });
    std::vector<Real> out(static_cast<size_t>(m));
    for (slong k = 0; k < m; ++k) arbk::get(out[static_cast<size_t>(k)], c + k);
    _arb_vec_clear(c, m);
    return out;
}

// Row j of X = sum_r V_r S(r, cols[j]) for r < size.
void combine(const Basis& V, slong size, const Matrix& S, const std::vector<Eigen::Index>& cols, Basis& X, slong n,
             slong prec) {
    const slong nc = static_cast<slong>(cols.size());
    arb_ptr s = _arb_vec_init(size * nc);
    for (slong j = 0; j < nc; ++j)
        for (slong r = 0; r < size; ++r) arbk::set(s + j * size + r, S(r, cols[static_cast<size_t>(j)]));
    arbk::parallel(n, threads_for(n), [&](slong i0, slong i1) {
        for (slong j = 0; j < nc; ++j)
            for (slong i = i0; i < i1; ++i) arb_approx_dot(X.row(j) + i, nullptr, 0, V.row(0) + i, n, s + j * size, 1, size, prec);
    });
    _arb_vec_clear(s, size * nc);
}

Vector to_vector(arb_srcptr x, slong n, const Precision& p) {
    Vector v = zero_vector(n, p);
    for (slong i = 0; i < n; ++i) arbk::get(v(i), x + i);
    return v;
}

void from_vector(arb_ptr x, const Vector& v) {
    for (Eigen::Index i = 0; i < v.size(); ++i) arbk::set(x + i, v(i));
}

Real norm(const Vector& v) {
    Real s = 0;
    for (Eigen::Index i = 0; i < v.size(); ++i) s += v(i) * v(i);
    return sqrt(s);
}

}  // namespace

LanczosResult lanczos_extreme(const SymmetricOperator& H, long long n, const Precision& p, const LanczosOptions& o) {
    if (o.k < 1) throw std::invalid_argument("lanczos_extreme: k must be >= 1");
    if (n < 1) throw std::invalid_argument("lanczos_extreme: empty operator");
    PrecisionGuard g(p);
    const int k = static_cast<int>(std::min<long long>(o.k, n));
    const int m = static_cast<int>(std::min<long long>(n, o.basis > 0 ? o.basis : std::max(6 * k + 20, 40)));
    // Kept at a restart: the k wanted plus as many again at each end (thick restart).
    const int keep_end = std::min(2 * k, std::max(1, (m - 2) / 2 - 1));
    LanczosResult out;
    const slong prec = static_cast<slong>(p.bits());
    const slong N = static_cast<slong>(n);
    Rng rng(o.seed);
    // V: rows 0..count-1 the orthonormal basis (at most m + 1: the m of T and the residual direction).
    Basis V(N, m + 1), spare(N, m + 1);
    slong count = 1;
    {
        Vector q = zero_vector(n, p);
        for (long long i = 0; i < n; ++i) q(i) = rng.gaussian(p);
        from_vector(V.row(0), q);
        scale_down(V.row(0), N, norm(V.row(0), N, prec), prec);
    }
    Matrix T = zeros(m, m, p);  // V^T H V, upper triangle from Gram-Schmidt
    Real beta = 0;
    const Real eps = epsilon(p);
    Matrix S;
    Vector theta;
    arb_ptr z = _arb_vec_init(N);
    struct Free {
        arb_ptr z;
        slong n;
        ~Free() { _arb_vec_clear(z, n); }
    } free_z{z, N};
    while (true) {
        // Expand the basis from s + 1 vectors to m (V has s + 1 vectors: the kept ones and the residual direction).
        int j = static_cast<int>(count) - 1;
        bool invariant = false;
        for (; j < m; ++j) {
            from_vector(z, H(to_vector(V.row(j), N, p)));
            ++out.iterations;
            const Real before = norm(z, N, prec);
            std::vector<Real> c = project_out(V, count, z, N, prec);
            beta = norm(z, N, prec);
            // A second pass only when the first cancelled much (DGKS, eta = 1/sqrt(2)): "twice is
            // enough", and once is enough when ||z|| kept more than 1/sqrt(2) of itself.
            if (2 * beta * beta < before * before) {
                const std::vector<Real> c2 = project_out(V, count, z, N, prec);
                for (size_t i = 0; i < c.size(); ++i) c[i] += c2[i];
                beta = norm(z, N, prec);
            }
            for (int i = 0; i <= j; ++i) T(i, j) = c[static_cast<size_t>(i)];
            const bool last = j + 1 == m;
            if (!last && beta <= eps * eps * (1 + abs(T(j, j)))) {  // an invariant subspace: the Ritz values are eigenvalues
                invariant = true;
                ++j;
                break;
            }
            _arb_vec_set(V.row(count), z, N);
            if (beta > 0) scale_down(V.row(count), N, beta, prec);
            ++count;
            if (last) break;
        }
        const int size = invariant ? j : m;
        Matrix Ts = zeros(size, size, p);
        for (int c = 0; c < size; ++c)
            for (int r = 0; r <= c; ++r) Ts(r, c) = Ts(c, r) = T(r, c);
        const SymmetricEigen e = symmetric_eigen(Ts, p, true);
        if (e.status != Status::ok) {
            out.status = Status::no_convergence;
            return out;
        }
        theta = e.values;
        S = e.vectors;
        out.norm_estimate = std::max(abs(theta(0)), abs(theta(size - 1)));
        out.tolerance = o.tol_eps * eps * tolerance::guarded_scale(out.norm_estimate, p);
        // Residual estimates beta |S(last, i)| of the wanted pairs.
        const int kk = std::min(k, size);
        bool converged = true;
        Real worst = 0;
        for (int i = 0; i < kk; ++i)
            for (const int idx : {i, size - 1 - i}) {
                const Real est = invariant ? Real(0) : Real(abs(beta * S(size - 1, idx)));
                worst = std::max(worst, est);
                converged = converged && est <= out.tolerance;
            }
        if (o.progress)
            o.progress("Lanczos: " + std::to_string(out.iterations) + " products, restart " +
                       std::to_string(out.restarts) + ", largest wanted residual estimate " + to_string(worst, 3) +
                       " (asked " + to_string(out.tolerance, 3) + ")");
        const bool budget = out.iterations + (m - 2 * keep_end) > o.max_products;
        if (converged || invariant || budget || size == n) {
            // Certificates: explicit residuals of the wanted Ritz vectors.
            std::vector<Eigen::Index> cols;
            for (int i = 0; i < kk; ++i) cols.push_back(i);
            for (int i = 0; i < kk; ++i) cols.push_back(size - 1 - i);
            combine(V, size, S, cols, spare, N, prec);
            out.lowest.clear();
            out.highest.clear();
            bool certified = true;
            for (size_t c = 0; c < cols.size(); ++c) {
                Vector x = to_vector(spare.row(static_cast<slong>(c)), N, p);
                x /= norm(x);
                const Real th = theta(cols[c]);
                const Real r = norm(Vector(H(x) - th * x));
                ++out.iterations;
                certified = certified && r <= 2 * out.tolerance;
                (c < static_cast<size_t>(kk) ? out.lowest : out.highest).push_back({th, r});
            }
            out.status = certified ? Status::ok : Status::no_convergence;
            return out;
        }
        // Thick restart: keep keep_end Ritz vectors at each end; the residual direction V[m] follows.
        std::vector<Eigen::Index> cols;
        for (int i = 0; i < keep_end; ++i) cols.push_back(i);
        for (int i = 0; i < keep_end; ++i) cols.push_back(size - keep_end + i);
        combine(V, size, S, cols, spare, N, prec);
        const int s = static_cast<int>(cols.size());
        _arb_vec_set(spare.row(s), V.row(size), N);
        V.swap(spare);
        count = s + 1;
        T = zeros(m, m, p);
        for (int i = 0; i < s; ++i) {
            T(i, i) = theta(cols[static_cast<size_t>(i)]);
            T(i, s) = beta * S(size - 1, cols[static_cast<size_t>(i)]);  // overwritten by Gram-Schmidt at step s
        }
        ++out.restarts;
    }
}

LanczosResult lanczos_extreme(const Instance& inst, const Weights& w, int k, const Precision& p, std::uint64_t seed,
                              int max_iterations, double tol_eps, const std::function<void(const std::string&)>& progress) {
    const HessianVectorProduct hvp(inst, w, p);
    LanczosOptions o;
    o.k = k;
    o.seed = seed;
    o.tol_eps = tol_eps;
    o.progress = progress;
    if (max_iterations > 0) o.max_products = max_iterations;
    return lanczos_extreme([&](const Vector& v) { return hvp.apply(v); }, hvp.size(), p, o);
}

}  // namespace dmf::landscape
