#include "dmf/landscape/lanczos.hpp"

#include "dmf/numerics/parallel.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/numerics/tolerance_policy.hpp"

#include <boost/multiprecision/mpfr.hpp>

#include <algorithm>
#include <stdexcept>

namespace dmf::inline landscape {

namespace {

// Raw-MPFR kernels (no temporaries), split over the hardware threads: the orthogonalization and
// restarts cost about as much as the products (perf at N = 1,024: project_out 36 %, the products
// 19 %), and from N = 1,024 a range (hundreds of entries times tens of vectors) pays for a thread.
template <class F>
void parallel_for(Eigen::Index n, const F& f) {
    parallel_ranges(n, n < 1024 ? 1u : hardware_threads(), f);
}

mpfr_ptr raw(Real& x) { return x.backend().data(); }
mpfr_srcptr raw(const Real& x) { return x.backend().data(); }

// c_i = <V_i, z> for i < m, then z -= sum_i c_i V_i; returns c.
std::vector<Real> project_out(const std::vector<Vector>& V, size_t m, Vector& z, const Precision& p) {
    const Eigen::Index N = z.size();
    const mpfr_prec_t prec = static_cast<mpfr_prec_t>(p.bits());
    std::vector<Real> c(m, Real(0));
    const unsigned t = hardware_threads();
    // Partial dot products per thread over entry ranges, summed after.
    std::vector<std::vector<Real>> part(t, std::vector<Real>(m, Real(0)));
    parallel_for(N, [&](Eigen::Index i0, Eigen::Index i1) {
        const unsigned slot = static_cast<unsigned>(i0 * t / N);
        mpfr_t acc;
        mpfr_init2(acc, prec);
        for (size_t k = 0; k < m; ++k) {
            mpfr_set_zero(acc, 1);
            for (Eigen::Index i = i0; i < i1; ++i) mpfr_fma(acc, raw(V[k](i)), raw(z(i)), acc, MPFR_RNDN);
            mpfr_set(raw(part[slot][k]), acc, MPFR_RNDN);
        }
        mpfr_clear(acc);
    });
    for (size_t k = 0; k < m; ++k)
        for (unsigned s = 0; s < t; ++s) c[k] += part[s][k];
    std::vector<Real> neg(m);
    for (size_t k = 0; k < m; ++k) neg[k] = -c[k];
    parallel_for(N, [&](Eigen::Index i0, Eigen::Index i1) {
        for (Eigen::Index i = i0; i < i1; ++i)
            for (size_t k = 0; k < m; ++k) mpfr_fma(raw(z(i)), raw(neg[k]), raw(V[k](i)), raw(z(i)), MPFR_RNDN);
    });
    return c;
}

// X_j = sum_i V_i S(i, cols[j]).
std::vector<Vector> combine(const std::vector<Vector>& V, const Matrix& S, const std::vector<Eigen::Index>& cols,
                            const Precision& p) {
    const Eigen::Index N = V.front().size();
    const mpfr_prec_t prec = static_cast<mpfr_prec_t>(p.bits());
    std::vector<Vector> X(cols.size(), zero_vector(N, p));
    parallel_for(N, [&](Eigen::Index i0, Eigen::Index i1) {
        mpfr_t acc;
        mpfr_init2(acc, prec);
        for (size_t j = 0; j < cols.size(); ++j)
            for (Eigen::Index i = i0; i < i1; ++i) {
                mpfr_set_zero(acc, 1);
                for (Eigen::Index r = 0; r < S.rows(); ++r) mpfr_fma(acc, raw(V[r](i)), raw(S(r, cols[j])), acc, MPFR_RNDN);
                mpfr_set(raw(X[j](i)), acc, MPFR_RNDN);
            }
        mpfr_clear(acc);
    });
    return X;
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
    Rng rng(o.seed);
    Vector q = zero_vector(n, p);
    for (long long i = 0; i < n; ++i) q(i) = rng.gaussian(p);
    q /= norm(q);
    std::vector<Vector> V{q};
    Matrix T = zeros(m, m, p);  // V^T H V, upper triangle from Gram-Schmidt
    int s = 0;                  // vectors kept from the last restart (T diagonal there, row s the coupling)
    Real beta = 0;
    Vector coupling;            // after a restart: T(i, s) = coupling(i), i < s
    const Real eps = epsilon(p);
    std::vector<Real> lo_theta, hi_theta;
    Matrix S;
    Vector theta;
    while (true) {
        // Expand the basis from s + 1 vectors to m (V has s + 1 vectors: the kept ones and the residual direction).
        int j = static_cast<int>(V.size()) - 1;
        bool invariant = false;
        for (; j < m; ++j) {
            Vector z = H(V[j]);
            ++out.iterations;
            const Real before = norm(z);
            std::vector<Real> c = project_out(V, V.size(), z, p);
            beta = norm(z);
            // A second pass only when the first cancelled much (DGKS, eta = 1/sqrt(2)): "twice is
            // enough", and once is enough when ||z|| kept more than 1/sqrt(2) of itself.
            if (2 * beta * beta < before * before) {
                const std::vector<Real> c2 = project_out(V, V.size(), z, p);
                for (size_t i = 0; i < c.size(); ++i) c[i] += c2[i];
                beta = norm(z);
            }
            for (int i = 0; i <= j; ++i) T(i, j) = c[static_cast<size_t>(i)];
            if (j + 1 == m) {
                V.push_back(beta > 0 ? Vector(z / beta) : z);
                break;
            }
            if (beta <= eps * eps * (1 + abs(T(j, j)))) {  // an invariant subspace: the Ritz values are eigenvalues
                invariant = true;
                ++j;
                break;
            }
            V.push_back(z / beta);
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
            const std::vector<Vector> X = combine(std::vector<Vector>(V.begin(), V.begin() + size), S, cols, p);
            out.lowest.clear();
            out.highest.clear();
            bool certified = true;
            for (size_t c = 0; c < cols.size(); ++c) {
                const Vector x = X[c] / norm(X[c]);
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
        std::vector<Vector> kept = combine(std::vector<Vector>(V.begin(), V.begin() + size), S, cols, p);
        const Vector residual_dir = V[static_cast<size_t>(size)];
        s = static_cast<int>(cols.size());
        T = zeros(m, m, p);
        for (int i = 0; i < s; ++i) {
            T(i, i) = theta(cols[static_cast<size_t>(i)]);
            T(i, s) = beta * S(size - 1, cols[static_cast<size_t>(i)]);  // overwritten by Gram-Schmidt at step s
        }
        kept.push_back(residual_dir);
        V = std::move(kept);
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
