#include "generators/vector_cases.hpp"

#include "generators/structured_cases.hpp"

#include <cfloat>
#include <cmath>
#include <stdexcept>

namespace dmf::gen {

namespace {

// The draws' precision: fixed, so the instances do not depend on the precision asked for.
const Precision& draw_precision() {
    static const Precision p = Precision::from_bits(256);
    return p;
}

bool round_all(Matrix& m, const Precision& p) {
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        for (Eigen::Index j = 0; j < m.cols(); ++j) {
            const auto r = nearest_binary64(m(i, j), p);
            if (!r) return false;
            m(i, j) = *r;
        }
    return true;
}

// lambda and target to binary64; false when something leaves binary64's normal range or a lambda
// rounds to zero.
bool round_instance(Instance& inst, const Precision& p) {
    for (Real& l : inst.lambda) {
        const auto r = nearest_binary64(l, p);
        if (!r || *r <= 0) return false;
        l = *r;
    }
    return round_all(inst.target, p);
}

Instance draw(VectorStratum s, Rng& rng, const Precision& p) {
    switch (s) {
        case VectorStratum::kp_scalar: {
            StructuredCases c(rng, DepthRange{1, 8}, p);
            return c.scalar();
        }
        case VectorStratum::cjw_matrix: {
            StructuredCases c(rng, DepthRange{1, 5}, p);
            return c.matrix();
        }
        case VectorStratum::kp_matrix: {
            StructuredCases c(rng, DepthRange{1, 5}, p);
            Instance inst = c.matrix();
            PrecisionGuard g(p);
            Real log_sum = 0;  // KP's one lambda keeps lambdabar: L (prod lambda_l)^{1/L}
            for (const Real& l : inst.lambda) log_sum += log(l);
            const Real lambda_kp = inst.L * exp(log_sum / inst.L);
            inst.convention = Convention::kp;
            inst.lambda = {lambda_kp};
            const Matrix U = haar_orthogonal(inst.target.rows(), rng, p);
            const Matrix V = haar_orthogonal(inst.target.cols(), rng, p);
            inst.target = matmul(matmul(U, inst.target, p), Matrix(V.transpose()), p);
            return inst;
        }
    }
    throw std::logic_error("vector_cases: unknown stratum");
}

}  // namespace

const std::vector<std::string>& vector_stratum_names() {
    static const std::vector<std::string> names{"kp-scalar", "cjw-matrix", "kp-matrix"};
    return names;
}

const char* to_string(VectorStratum s) { return vector_stratum_names().at(static_cast<size_t>(s)).c_str(); }

std::optional<VectorStratum> parse_vector_stratum(const std::string& name) {
    const auto& n = vector_stratum_names();
    for (size_t i = 0; i < n.size(); ++i)
        if (n[i] == name) return static_cast<VectorStratum>(i);
    return std::nullopt;
}

std::optional<Real> nearest_binary64(const Real& x, const Precision& p) {
    // mpfr_get_d rounds correctly (to nearest, ties to even) at binary64's precision.
    const double d = mpfr_get_d(x.backend().data(), MPFR_RNDN);
    if (!std::isfinite(d) || (d != 0 && std::fabs(d) < DBL_MIN)) return std::nullopt;
    PrecisionGuard g(p);
    return Real(d);
}

std::vector<PointAndDirection> random_points(const Instance& inst, int count, Rng& rng) {
    const Precision& p = draw_precision();
    PrecisionGuard g(p);
    // Entries N(0, c^2) give ||W_L...W_1|| about c^L sqrt(d)^(L-1) per entry of P: match the
    // target's largest entry (or 1/4 for a zero target).
    Real t = 0;
    for (Eigen::Index i = 0; i < inst.target.rows(); ++i)
        for (Eigen::Index j = 0; j < inst.target.cols(); ++j) { const Real a = abs(inst.target(i, j)); if (a > t) t = a; }
    if (t == 0) t = Real(1) / 4;
    Real dmean = 0;
    for (int d : inst.dims) dmean += d;
    dmean /= static_cast<int>(inst.dims.size());
    const Real c = pow(Real(t / pow(sqrt(dmean), inst.L - 1)), Real(1) / inst.L);
    std::vector<PointAndDirection> out;
    while (static_cast<int>(out.size()) < count) {
        PointAndDirection pd;
        bool ok = true;
        for (int l = 0; l < inst.L; ++l) {
            Matrix w = gaussian_matrix(inst.dims[l + 1], inst.dims[l], rng, p);
            for (Eigen::Index i = 0; i < w.size(); ++i) w.data()[i] *= c;
            Matrix v = gaussian_matrix(inst.dims[l + 1], inst.dims[l], rng, p);
            ok = ok && round_all(w, p) && round_all(v, p);
            pd.point.push_back(w);
            pd.direction.push_back(v);
        }
        if (ok) out.push_back(std::move(pd));
    }
    return out;
}

VectorCase vector_case(std::uint64_t seed, long long index, const std::vector<VectorStratum>& strata, int points) {
    if (strata.empty()) throw std::invalid_argument("vector_case: no strata");
    const Precision& p = draw_precision();
    // One stream per line: (seed, index) through splitmix64, so line i is the same in every file
    // with this seed and these strata.
    Rng mix(seed ^ (0x9E3779B97F4A7C15ULL * static_cast<std::uint64_t>(index + 1)));
    Rng rng(mix.next_u64());
    VectorCase vc;
    vc.stratum = strata[static_cast<size_t>(index) % strata.size()];
    for (;;) {
        vc.instance = draw(vc.stratum, rng, p);
        if (round_instance(vc.instance, p)) break;
    }
    validate(vc.instance);
    vc.points = random_points(vc.instance, points, rng);
    return vc;
}

}  // namespace dmf::gen
