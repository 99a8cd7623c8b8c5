#include "dmf/landscape/classify.hpp"

#include "dmf/numerics/tolerance_policy.hpp"

#include "dmf/problem/finite_difference.hpp"
#include "dmf/problem/line_expansion.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/landscape/symmetry_orbit.hpp"

#include <algorithm>
#include <limits>

namespace dmf::inline landscape {

const char* to_string(PointKind k) {
    switch (k) {
        case PointKind::not_critical: return "not_critical";
        case PointKind::local_minimizer: return "local_minimizer";
        case PointKind::strict_saddle: return "strict_saddle";
        case PointKind::non_strict_saddle: return "non_strict_saddle";
        case PointKind::local_maximizer: return "local_maximizer";
        case PointKind::undecided: return "undecided";
    }
    return "?";
}

std::string label_minimizer(const Real& f, const Real& global_value, const Real& tolerance, const Precision& p) {
    PrecisionGuard g(p);
    return f <= global_value + tolerance ? "global_minimizer" : "spurious_local_minimizer";
}

namespace {

struct HigherOrder {
    PointKind kind = PointKind::undecided;
    std::string evidence;
};

// Steps 4 of the header, on the orthonormal beyond-orbit directions `dirs` (columns).
HigherOrder higher_order_test(const Instance& inst, const Weights& w, const Matrix& dirs, const SymmetricEigen& e,
                              const Real& zero, const Precision& p) {
    HigherOrder out;
    const Eigen::Index N = e.values.size(), k = dirs.cols();
    const long noise_units = 256L * (inst.L + 2) * (N + 2);
    PrecisionGuard g(p);
    auto direction = [&](const Vector& v) { return unflatten(inst, v, p); };
    // Candidate directions: the basis, and normalized sums and differences of pairs (these
    // expose mixed cubic terms T(n_i, n_i, n_j) and T(n_i, n_j, n_k) through polarization).
    std::vector<Vector> candidates;
    for (Eigen::Index i = 0; i < k; ++i) candidates.push_back(dirs.col(i));
    for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = i + 1; j < k; ++j) {
            candidates.push_back((dirs.col(i) + dirs.col(j)) / sqrt(Real(2)));
            candidates.push_back((dirs.col(i) - dirs.col(j)) / sqrt(Real(2)));
        }
    bool all_quartic_positive = true;
    std::string quartics;
    for (const auto& v : candidates) {
        const LineExpansion x = expand_along_line(inst, w, direction(v), p);
        const Real noise3 = noise_units * epsilon(p) * x.magnitude[3];
        if (abs(x.coefficient[3]) > noise3) {
            out.kind = PointKind::non_strict_saddle;
            out.evidence = "cubic term of F along a kernel direction beyond the orbit: c3 = " +
                           to_string(x.coefficient[3], 20) + " (noise " + to_string(noise3, 3) + ")";
            return out;
        }
        // Mixed cubic terms with the other kernel directions: T(v, v, n) = cubic_gradient . n.
        for (Eigen::Index i = 0; i < k; ++i) {
            const Real mixed = x.cubic_gradient.dot(dirs.col(i));
            if (abs(mixed) > 6 * noise3 + noise_units * epsilon(p) * x.cubic_gradient.norm()) {
                out.kind = PointKind::non_strict_saddle;
                out.evidence = "mixed cubic term D3F[v,v,n] = " + to_string(mixed, 20) + " on the kernel beyond the orbit";
                return out;
            }
        }
        // Quartic along the corrected curve: c4 - (1/8) b^T H^+ b over the non-zero spectrum.
        Real correction = 0;
        for (Eigen::Index j = 0; j < N; ++j) {
            if (abs(e.values(j)) <= zero) continue;
            const Real bj = x.cubic_gradient.dot(e.vectors.col(j));
            correction += bj * bj / e.values(j);
        }
        const Real q = x.coefficient[4] - correction / 8;
        const Real noise4 = noise_units * epsilon(p) * (x.magnitude[4] + abs(correction) / 8);
        quartics += to_string(q, 12) + " ";
        if (q < -noise4) {
            out.kind = PointKind::non_strict_saddle;
            out.evidence = "no cubic term; the quartic along the curve w + t v + t^2 u is negative: q = " +
                           to_string(q, 20) + " (noise " + to_string(noise4, 3) + ")";
            return out;
        }
        if (q <= noise4) all_quartic_positive = false;
    }
    if (all_quartic_positive && k == 1) {
        out.kind = PointKind::local_minimizer;
        out.evidence = "one kernel direction beyond the orbit; no cubic term; curve-corrected quartic q = " + quartics;
        return out;
    }
    if (all_quartic_positive && k <= 3) {
        // q(a) = q(sum a_i n_i) is a quartic form in a: fit its coefficients, then certify its sign on
        // the unit sphere with a grid. Along any great circle q is a trigonometric polynomial of
        // degree 4, so |dq/dt| <= 4 max|q| (Bernstein): min q >= grid min - 4 delta max|q| for a grid
        // of covering radius delta.
        auto q_of = [&](const Vector& a) {
            const Vector v = dirs * a;
            const LineExpansion x = expand_along_line(inst, w, direction(v), p);
            Real correction = 0;
            for (Eigen::Index j = 0; j < N; ++j) {
                if (abs(e.values(j)) <= zero) continue;
                const Real bj = x.cubic_gradient.dot(e.vectors.col(j));
                correction += bj * bj / e.values(j);
            }
            return Real(x.coefficient[4] - correction / 8);
        };
        std::vector<std::vector<int>> mono;
        for (int i0 = 0; i0 <= 4; ++i0)
            for (int i1 = 0; i1 <= 4 - i0; ++i1)
                for (int i2 = 0; i2 <= 4 - i0 - i1; ++i2) {
                    const int i3 = 4 - i0 - i1 - i2;
                    std::vector<int> ex{i0, i1, i2, i3};
                    bool ok = true;
                    for (int t = static_cast<int>(k); t < 4; ++t) ok = ok && ex[t] == 0;
                    if (ok) mono.push_back(ex);
                }
        auto monomial = [&](const Vector& a, const std::vector<int>& ex) {
            Real m = 1;
            for (Eigen::Index t = 0; t < k; ++t) m *= pow(a(t), ex[t]);
            return m;
        };
        const Eigen::Index M = static_cast<Eigen::Index>(mono.size());
        Rng rng(12345);
        Matrix A = zeros(M, M, p);
        Vector rhs = zero_vector(M, p);
        for (Eigen::Index r = 0; r < M; ++r) {
            Vector a = zero_vector(k, p);
            for (Eigen::Index t = 0; t < k; ++t) a(t) = rng.gaussian(p);
            for (Eigen::Index c = 0; c < M; ++c) A(r, c) = monomial(a, mono[c]);
            rhs(r) = q_of(a);
        }
        const Vector coef = matvec(inverse(A, p), rhs, p);
        auto q_fit = [&](const Vector& a) {
            Real s = 0;
            for (Eigen::Index c = 0; c < M; ++c) s += coef(c) * monomial(a, mono[c]);
            return s;
        };
        const Real pi = acos(Real(-1));
        Real qmin = std::numeric_limits<double>::max(), qmax = 0, delta;
        Vector a = zero_vector(k, p);
        if (k == 2) {
            const int m = 720;
            delta = pi / (2 * m);
            for (int i = 0; i < m; ++i) {
                const Real th = pi * i / m;
                a(0) = cos(th), a(1) = sin(th);
                const Real q = q_fit(a);
                qmin = std::min(qmin, q), qmax = std::max(qmax, Real(abs(q)));
            }
        } else {
            const int m = 120;
            delta = pi / m;
            for (int i = 0; i <= m; ++i)
                for (int j = 0; j < 2 * m; ++j) {
                    const Real th = pi * i / m, ph = pi * j / m;
                    a(0) = sin(th) * cos(ph), a(1) = sin(th) * sin(ph), a(2) = cos(th);
                    const Real q = q_fit(a);
                    qmin = std::min(qmin, q), qmax = std::max(qmax, Real(abs(q)));
                }
        }
        const Real bound = 4 * delta * qmax / (1 - 4 * delta);
        if (qmin - bound > 0) {
            out.kind = PointKind::local_minimizer;
            out.evidence = "no cubic term on the " + std::to_string(k) +
                           "-dimensional kernel beyond the orbit; the curve-corrected quartic form is positive "
                           "definite on it: min over the sphere >= " + to_string(Real(qmin - bound), 8) +
                           " (grid minimum " + to_string(qmin, 8) + ", Bernstein bound " + to_string(bound, 3) + ")";
            return out;
        }
        if (qmin < -bound) {
            out.kind = PointKind::non_strict_saddle;
            out.evidence = "no cubic term; the curve-corrected quartic form is negative somewhere on the kernel beyond "
                           "the orbit (grid minimum " + to_string(qmin, 8) + ")";
            return out;
        }
    }
    out.kind = PointKind::undecided;
    out.evidence = all_quartic_positive
                       ? "no cubic term; curve-corrected quartic positive on " + std::to_string(candidates.size()) +
                             " sampled directions of a " + std::to_string(k) +
                             "-dimensional kernel beyond the orbit (not a certificate)"
                       : "cubic and curve-corrected quartic terms vanish at this precision: q = " + quartics;
    return out;
}

}  // namespace

Classification classify_point(const Instance& inst, const Weights& w_in, const Precision& p) {
    validate_point(inst, w_in);
    Weights w;
    for (const auto& m : w_in) w.push_back(rounded(m, p));
    Classification c;
    c.loss = loss(inst, w, p);
    c.gradient_norm = gradient_norm(inst, w, p);
    const int max_width = *std::max_element(inst.dims.begin(), inst.dims.end());
    {
        PrecisionGuard g(p);
        c.gradient_tolerance = tolerance::gradient_tolerance(inst.L, max_width, gradient_scale(inst, w, p), p);
    }
    if (c.gradient_norm > c.gradient_tolerance) {
        c.kind = PointKind::not_critical;
        c.evidence = "||grad F|| = " + to_string(c.gradient_norm, 20) + " > tolerance " + to_string(c.gradient_tolerance, 6);
        return c;
    }
    const Matrix H = hessian(inst, w, p);
    const SymmetricEigen e = symmetric_eigen(H, p, true);
    if (e.status != Status::ok) {
        c.evidence = "the Hessian eigensolver did not converge";
        return c;
    }
    const Eigen::Index N = e.values.size();
    c.hessian_eigenvalues = e.values;
    PrecisionGuard g(p);
    c.zero_threshold = tolerance::hessian_zero_threshold(e.values, p);
    std::vector<Eigen::Index> kernel;
    for (Eigen::Index i = 0; i < N; ++i) {
        if (e.values(i) < -c.zero_threshold) ++c.inertia.negative;
        else if (e.values(i) > c.zero_threshold) ++c.inertia.positive;
        else {
            ++c.inertia.zero;
            kernel.push_back(i);
        }
    }
    const std::string inertia = "inertia (" + std::to_string(c.inertia.negative) + ", " + std::to_string(c.inertia.zero) +
                                ", " + std::to_string(c.inertia.positive) + ")";
    const OrbitTangent t = symmetry_orbit_tangent(inst, w, p);
    c.orbit_dimension = t.dimension;
    if (c.inertia.negative > 0) {
        if (c.inertia.negative == N) c.kind = PointKind::local_maximizer;
        else if (c.inertia.positive > 0) c.kind = PointKind::strict_saddle;
        else c.kind = PointKind::undecided;  // negative semidefinite and singular: not needed by the claims
        c.evidence = inertia + ", smallest eigenvalue " + to_string(e.values(0), 20);
        return c;
    }
    if (kernel.empty()) {
        c.beyond_orbit = 0;
        c.kind = t.dimension == 0 ? PointKind::local_minimizer : PointKind::undecided;
        c.evidence = inertia + (t.dimension == 0 ? ": positive definite"
                                                  : ": positive definite yet the orbit has dimension " +
                                                        std::to_string(t.dimension) + " (inconsistent)");
        return c;
    }
    // Kernel directions with the orbit tangent projected out; their singular values are ~1
    // beyond the orbit and ~0 inside it. Between the two, precision cannot separate them.
    Matrix K = zeros(N, static_cast<Eigen::Index>(kernel.size()), p);
    for (size_t i = 0; i < kernel.size(); ++i) K.col(static_cast<Eigen::Index>(i)) = e.vectors.col(kernel[i]);
    if (t.dimension > 0) K -= t.basis * (t.basis.transpose() * K);
    const auto s = svd(K, p, true);
    const Real clear = make_real(p, 1, -static_cast<long>(p.bits() / 4));
    int beyond = 0, murky = 0;
    for (Eigen::Index i = 0; i < s.sigma.size(); ++i) {
        if (s.sigma(i) > Real("0.5")) ++beyond;
        else if (s.sigma(i) > clear) ++murky;
    }
    c.beyond_orbit = beyond;
    const std::string orbit = ", orbit dimension " + std::to_string(t.dimension);
    if (murky > 0 || c.inertia.zero - beyond != t.dimension) {
        c.kind = PointKind::undecided;
        c.evidence = inertia + orbit + ": the kernel and the orbit tangent do not separate at this precision (" +
                     std::to_string(beyond) + " clear, " + std::to_string(murky) + " unclear directions)";
        return c;
    }
    if (beyond == 0) {
        c.kind = PointKind::local_minimizer;
        c.evidence = inertia + orbit + ": the kernel is the orbit tangent (Morse-Bott minimum)";
        return c;
    }
    const HigherOrder h = higher_order_test(inst, w, s.u.leftCols(beyond), e, c.zero_threshold, p);
    c.kind = h.kind;
    c.evidence = inertia + orbit + ", " + std::to_string(beyond) + " kernel direction(s) beyond it: " + h.evidence;
    return c;
}

}  // namespace dmf::landscape
