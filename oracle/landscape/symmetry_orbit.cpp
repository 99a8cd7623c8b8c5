#include "dmf/landscape/symmetry_orbit.hpp"

#include <algorithm>

namespace dmf::inline landscape {

namespace {

Matrix skew_unit(int n, int a, int b, const Precision& p) {
    Matrix E = zeros(n, n, p);
    E(a, b) = 1;
    E(b, a) = -1;
    return E;
}

// Columns spanning {(A, B) skew : A Y = Y B}, as coefficient vectors on the skew units.
Matrix target_fixing_generators(const Matrix& Y, const Precision& p) {
    const int m = static_cast<int>(Y.rows()), n = static_cast<int>(Y.cols());
    const int na = m * (m - 1) / 2, nb = n * (n - 1) / 2;
    if (na + nb == 0) return zeros(0, 0, p);
    Matrix map = zeros(static_cast<Eigen::Index>(m) * n, na + nb, p);
    PrecisionGuard g(p);
    int col = 0;
    for (int a = 0; a < m; ++a)
        for (int b = a + 1; b < m; ++b, ++col) {
            const Matrix AY = matmul(skew_unit(m, a, b, p), Y, p);
            map.col(col) = Eigen::Map<const Vector>(AY.data(), AY.size());
        }
    for (int a = 0; a < n; ++a)
        for (int b = a + 1; b < n; ++b, ++col) {
            const Matrix YB = matmul(Y, skew_unit(n, a, b, p), p);
            map.col(col) = -Eigen::Map<const Vector>(YB.data(), YB.size());
        }
    const auto s = svd(map, p, true);
    // The kernel: right singular vectors with singular value at rounding level of ||Y||.
    Real ynorm = sqrt(frobenius_norm_squared(Y, p));
    const Real tol = 64 * (m + n) * epsilon(p) * ynorm;
    std::vector<Eigen::Index> kernel;
    for (Eigen::Index k = 0; k < na + nb; ++k)
        if (k >= s.sigma.size() || s.sigma(k) <= tol) kernel.push_back(k);
    Matrix out = zeros(na + nb, static_cast<Eigen::Index>(kernel.size()), p);
    for (size_t k = 0; k < kernel.size(); ++k) out.col(static_cast<Eigen::Index>(k)) = s.v.col(kernel[k]);
    return out;
}

}  // namespace

OrbitTangent symmetry_orbit_tangent(const Instance& inst, const Weights& w_in, const Precision& p) {
    validate_point(inst, w_in);
    const int L = inst.L;
    Weights w;
    for (const auto& m : w_in) w.push_back(rounded(m, p));
    auto zero_weights = [&] {
        Weights z;
        for (int l = 1; l <= L; ++l) z.push_back(zeros(inst.dims[l], inst.dims[l - 1], p));
        return z;
    };
    std::vector<Vector> vectors;
    PrecisionGuard g(p);
    auto fro = [&](const Matrix& m) { return sqrt(frobenius_norm_squared(m, p)); };
    const long long Nparams = inst.num_parameters();
    // `scale` bounds the generator's action (unit skew matrices times the layers it moves). A tangent
    // at rounding level of it is zero -- a rotation of Y's null space with W_1 aligned to Y's row
    // space, say -- and must not be normalized into a spurious orbit direction.
    auto push = [&](const Weights& t, const Real& scale) {
        Vector v = flatten(inst, t, p);
        const Real n = v.norm();
        if (n > 64 * (Nparams + 2) * epsilon(p) * scale) vectors.push_back(v / n);  // normalized: the rank test is scale-free
    };
    for (int l = 1; l < L; ++l) {
        const int d = inst.dims[l];
        for (int a = 0; a < d; ++a)
            for (int b = a + 1; b < d; ++b) {
                const Matrix E = skew_unit(d, a, b, p);
                Weights t = zero_weights();
                t[l - 1] = matmul(E, w[l - 1], p);
                t[l] = -matmul(w[l], E, p);
                push(t, fro(w[l - 1]) + fro(w[l]));
            }
    }
    const Matrix Y = rounded(inst.target, p);
    const Matrix gens = target_fixing_generators(Y, p);
    const int m = inst.dims[L], n = inst.dims[0];
    for (Eigen::Index k = 0; k < gens.cols(); ++k) {
        Matrix A = zeros(m, m, p), B = zeros(n, n, p);
        int row = 0;
        for (int a = 0; a < m; ++a)
            for (int b = a + 1; b < m; ++b, ++row) A += gens(row, k) * skew_unit(m, a, b, p);
        for (int a = 0; a < n; ++a)
            for (int b = a + 1; b < n; ++b, ++row) B += gens(row, k) * skew_unit(n, a, b, p);
        Weights t = zero_weights();
        t[L - 1] += matmul(A, w[L - 1], p);
        t[0] -= matmul(w[0], B, p);
        push(t, fro(A) * fro(w[L - 1]) + fro(B) * fro(w[0]));
    }
    OrbitTangent out;
    out.generators = static_cast<int>(vectors.size());
    const Eigen::Index N = static_cast<Eigen::Index>(flatten(inst, w, p).size());
    if (vectors.empty()) {
        out.basis = zeros(N, 0, p);
        return out;
    }
    Matrix T = zeros(N, static_cast<Eigen::Index>(vectors.size()), p);
    for (size_t k = 0; k < vectors.size(); ++k) T.col(static_cast<Eigen::Index>(k)) = vectors[k];
    const auto s = svd(T, p, true);
    const Real tol = 64 * static_cast<int>(N + vectors.size()) * epsilon(p) * std::max(Real(1), s.sigma(0));
    int rank = 0;
    for (Eigen::Index k = 0; k < s.sigma.size(); ++k)
        if (s.sigma(k) > tol) ++rank;
    out.dimension = rank;
    out.basis = s.u.leftCols(rank);
    return out;
}

}  // namespace dmf::landscape
