#include "dmf/numerics/doubly_stochastic.hpp"

#include <algorithm>
#include <numeric>

namespace dmf::inline numerics {

namespace {
// Real has no max/min of its own (et_off numbers): the larger and smaller of two.
inline Real max(const Real& a, const Real& b) { return a < b ? b : a; }
inline Real min(const Real& a, const Real& b) { return b < a ? b : a; }
}  // namespace

Matrix permutation_matrix(const Permutation& perm, const Precision& p) {
    const auto n = static_cast<Eigen::Index>(perm.size());
    Matrix m = zeros(n, n, p);
    PrecisionGuard g(p);
    for (Eigen::Index i = 0; i < n; ++i) m(i, perm[i]) = 1;
    return m;
}

std::vector<Permutation> all_permutations(int n) {
    std::vector<Permutation> out;
    Permutation perm(n);
    std::iota(perm.begin(), perm.end(), 0);
    do out.push_back(perm);
    while (std::next_permutation(perm.begin(), perm.end()));
    return out;
}

Matrix random_doubly_stochastic(int n, int terms, Rng& rng, const Precision& p) {
    PrecisionGuard g(p);
    std::vector<Real> c;
    Real total = 0;
    for (int k = 0; k < terms; ++k) {
        c.push_back(abs(rng.gaussian(p)) + make_real(p, 1, -8));
        total += c.back();
    }
    Matrix x = zeros(n, n, p);
    for (int k = 0; k < terms; ++k) {
        Permutation perm(n);
        std::iota(perm.begin(), perm.end(), 0);
        for (int i = n - 1; i > 0; --i) std::swap(perm[i], perm[rng.next_u64() % (i + 1)]);
        for (int i = 0; i < n; ++i) x(i, perm[i]) += c[k] / total;
    }
    return x;
}

StochasticDefect stochastic_defect(const Matrix& x, const Precision& p) {
    PrecisionGuard g(p);
    StochasticDefect d;
    for (Eigen::Index i = 0; i < x.rows(); ++i) {
        Real r = 0, c = 0;
        for (Eigen::Index j = 0; j < x.cols(); ++j) {
            r += x(i, j);
            c += x(j, i);
            if (-x(i, j) > d.negative) d.negative = -x(i, j);
        }
        d.row_col = max(d.row_col, max(Real(abs(r - 1)), Real(abs(c - 1))));
    }
    return d;
}

Permutation positive_diagonal(const Matrix& x, const Real& tol, bool avoid_identity) {
    const int n = static_cast<int>(x.rows());
    // Comparisons only: no arithmetic, so no working precision is needed.
    for (const auto& perm : all_permutations(n)) {
        bool identity = true, positive = true;
        for (int i = 0; i < n && positive; ++i) {
            identity = identity && perm[i] == i;
            positive = x(i, perm[i]) > tol;
        }
        if (positive && !(avoid_identity && identity)) return perm;
    }
    return {};
}

std::vector<BirkhoffTerm> birkhoff_decomposition(const Matrix& x, const Real& tol, int max_terms, const Precision& p) {
    PrecisionGuard g(p);
    Matrix rest = x;
    std::vector<BirkhoffTerm> out;
    while (static_cast<int>(out.size()) < max_terms) {
        Real mass = 0;
        for (Eigen::Index i = 0; i < rest.rows(); ++i)
            for (Eigen::Index j = 0; j < rest.cols(); ++j) mass += max(Real(rest(i, j)), Real(0));
        if (mass <= tol) break;
        const Permutation perm = positive_diagonal(rest, tol, false);
        if (perm.empty()) break;
        Real beta = rest(0, perm[0]);
        for (std::size_t i = 1; i < perm.size(); ++i) beta = min(beta, Real(rest(i, perm[i])));
        for (std::size_t i = 0; i < perm.size(); ++i) rest(i, perm[i]) -= beta;
        out.push_back({beta, perm});
    }
    return out;
}

Matrix complete_substochastic(const Matrix& x, const Precision& p) {
    PrecisionGuard g(p);
    const Eigen::Index n = x.rows();
    Vector r = zero_vector(n, p), c = zero_vector(n, p);
    Real s = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        r(i) = 1;
        c(i) = 1;
        for (Eigen::Index j = 0; j < n; ++j) {
            r(i) -= x(i, j);
            c(i) -= x(j, i);
        }
        s += r(i);
    }
    Matrix y = x;
    if (s <= 0) return y;
    for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index j = 0; j < n; ++j) y(i, j) += r(i) * c(j) / s;
    return y;
}

}  // namespace dmf::numerics
