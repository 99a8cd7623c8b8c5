#include "properties/critical_bound.hpp"

#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/problem/objective.hpp"

#include <algorithm>

namespace dmf::prop {

CriticalPointBound critical_point_bound(const Instance& inst, const Weights& w, const Real& gradient_norm,
                                        const Precision& p) {
    CriticalPointBound b;
    const auto eig = symmetric_eigen(hessian(inst, w, p), p, false);
    if (eig.status != Status::ok) return b;
    const Real zero = tolerance::hessian_zero_threshold(eig.values, p);
    PrecisionGuard g(p);
    Real mu = 0;
    for (Eigen::Index i = 0; i < eig.values.size(); ++i)
        if (abs(eig.values(i)) > zero && (mu == 0 || abs(eig.values(i)) < mu)) mu = abs(eig.values(i));
    if (mu == 0) return b;
    std::vector<Real> n;
    Real underflow = 0;
    int width = 1;
    for (const auto& x : w) {
        // ||W||_F, or its largest entry when the square underflows (LM may stop at entries ~1e-2.5e8).
        Real big = 0;
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            for (Eigen::Index i = 0; i < x.rows(); ++i) big = std::max(big, Real(abs(x(i, j))));
        const Real frob = sqrt(frobenius_norm_squared(x, p));
        // Squares below MPFR's exponent range: the gradient norm underflows too, so such a layer's
        // entries (size * big at most) are its own allowance.
        if (frob == 0 && big > 0) underflow = std::max(underflow, Real(big * static_cast<long>(x.rows() + x.cols())));
        n.push_back(std::max(frob, big));
        width = std::max(width, static_cast<int>(std::max(x.rows(), x.cols())));
    }
    Real all = 1, others_sum = 0, n_min = n.front(), n_max = n.front();
    for (size_t l = 0; l < n.size(); ++l) {
        Real others = 1;
        for (size_t i = 0; i < n.size(); ++i)
            if (i != l) others *= n[i];
        others_sum += others;
        all *= n[l];
        n_min = std::min(n_min, n[l]), n_max = std::max(n_max, n[l]);
    }
    const Real e = epsilon(p) * (inst.L + width);
    b.dist = 2 * gradient_norm / mu + underflow;
    b.product = others_sum * b.dist + 16 * e * all +
                16 * epsilon(p) * (inst.dims.front() + inst.dims.back()) * sqrt(frobenius_norm_squared(inst.target, p));
    b.layer = b.dist + 16 * e * n_max;
    b.relative = n_min > 0 ? Real(b.dist / n_min) : Real(0);
    b.ok = true;
    return b;
}

}  // namespace dmf::prop
