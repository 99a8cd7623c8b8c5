#include "dmf/landscape/landscape.hpp"

#include "dmf/landscape/multistart.hpp"
#include "dmf/landscape/structured_hessian_certified.hpp"
#include "dmf/numerics/decision_log.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/numerics/random.hpp"

#include <algorithm>
#include <limits>
#include <optional>

namespace dmf::inline landscape {

std::vector<std::string> root_labels(const Orbit& o, int L) {
    std::vector<std::string> out;
    for (size_t j = 0; j < o.x.size(); ++j)
        out.push_back(o.choice[j] == 0 ? "0" : L <= 2 ? "x" : o.root_slope[j] > 0 ? "x+" : o.root_slope[j] < 0 ? "x-" : "xbar");
    return out;
}

std::string root_label_string(const Orbit& o) {
    std::string s = "[";
    for (size_t j = 0; j < o.x.size(); ++j) {
        if (j) s += ", ";
        s += o.choice[j] == 0 ? "0" : o.root_slope[j] > 0 ? "x+" : o.root_slope[j] < 0 ? "x-" : "xbar";
    }
    return s + "]";
}

namespace {

long long parameter_count(const Instance& inst) {
    long long n = 0;
    for (int l = 1; l <= inst.L; ++l) n += static_cast<long long>(inst.dims[l]) * inst.dims[l - 1];
    return n;
}

// The same orbit (the same root index and the same root type -- x-, x+ or the double root xbar -- at
// every singular index), rebuilt and classified at precision q. The choice vector alone is not enough:
// when y sits within p's rounding of ybar (a Haar-rotated target stored at p, say), the double root at p
// splits into x- < x+ at 2p, and root index 1 becomes x-, a different orbit.
std::optional<Classification> classify_orbit_at(const Instance& inst, std::uint64_t seed, const Orbit& orbit,
                                                const Precision& q, const ThresholdDecision* td) {
    const Instance up = at_precision(inst, q);
    Rng rng(seed);
    const TargetSvd t = td ? certified_target_svd(up, rng, q, *td) : target_svd(up, rng, q);
    for (const auto& o : enumerate_orbits(up, t, q, 512))
        if (o.choice == orbit.choice && o.root_slope == orbit.root_slope)
            return classify_point(up, orbit_point(up, t, o, rng, q), q);
    return std::nullopt;  // the root structure moved with the precision (y within rounding of a threshold)
}

// Higher-order decisions and undecided cases are repeated at 2p and, if the two differ, 4p:
// a near-zero eigenvalue below p's threshold (e.g. y within rounding of a threshold) would
// otherwise pass for an exact zero. Two consecutive agreeing precisions decide.
void escalate(const Instance& inst, std::uint64_t seed, ClassifiedOrbit& o, const Precision& p,
              const ThresholdDecision* td = nullptr) {
    const Classification& c = o.classification;
    if (c.beyond_orbit <= 0 && c.kind != PointKind::undecided) return;
    PointKind previous = c.kind;
    std::string trail = std::to_string(p.bits()) + " bits: " + to_string(c.kind);
    for (unsigned factor : {2u, 4u}) {
        const auto q = p.times(factor);
        const auto cq = classify_orbit_at(inst, seed, o.orbit, q, td);
        if (!cq) {
            trail += "; " + std::to_string(q.bits()) + " bits: the orbit does not exist";
            break;
        }
        trail += "; " + std::to_string(q.bits()) + " bits: " + to_string(cq->kind);
        if (cq->kind == previous && cq->kind != PointKind::undecided) {
            o.classification.kind = cq->kind;
            o.classification.evidence += " [precision escalation: " + trail + "]";
            return;
        }
        previous = cq->kind;
    }
    o.classification.kind = PointKind::undecided;
    o.classification.evidence += " [precision escalation did not settle: " + trail + "]";
}

}  // namespace

ClassifiedOrbit classify_orbit(const Instance& inst, const TargetSvd& svd, const Orbit& o, std::uint64_t seed,
                               const Precision& p) {
    Rng rng(seed);
    target_svd(inst, rng, p);  // the same draws as the caller's svd, so the rotations that follow match escalation's
    ClassifiedOrbit c;
    c.orbit = o;
    c.point = orbit_point(inst, svd, o, rng, p);
    c.classification = classify_point(inst, c.point, p);
    escalate(inst, seed, c, p);
    return c;
}

std::string Landscape::summary() const {
    std::string s;
    for (const auto& o : orbits) s += root_label_string(o.orbit) + " " + o.computed + "; ";
    return s;
}

namespace {

// The input as written, exactly: decimals and integers of exact_source (while the instance still holds
// what was read from it), otherwise the binary values themselves.
struct ExactInput {
    RationalMatrix target;
    Rational lambda_product;  // prod_l lambda_l in the CJW form (kp: (lambda / L)^L)
    std::vector<Rational> lambda_cjw;  // lambda_1..lambda_L in the CJW form
};

Rational json_rational(const nlohmann::json& v) {
    return v.is_string() ? parse_rational(v.get<std::string>()) : parse_rational(v.dump());
}

ExactInput exact_input(const Instance& inst) {
    ExactInput e;
    std::vector<Rational> lambda;
    bool from_source = false;
    if (inst.exact_source && !inst.lambda.empty()) {
        const Instance as_read = instance_from_json(*inst.exact_source, Precision::from_bits(bits_of(inst.lambda[0])));
        if (as_read.lambda == inst.lambda && as_read.target == inst.target && as_read.dims == inst.dims) {
            const auto& j = *inst.exact_source;
            for (const auto& row : j["target"]) {
                e.target.emplace_back();
                for (const auto& x : row) e.target.back().push_back(json_rational(x));
            }
            if (j["lambda"].is_array())
                for (const auto& x : j["lambda"]) lambda.push_back(json_rational(x));
            else
                lambda.push_back(json_rational(j["lambda"]));
            from_source = true;
        }
    }
    if (!from_source) {
        for (Eigen::Index i = 0; i < inst.target.rows(); ++i) {
            e.target.emplace_back();
            for (Eigen::Index k = 0; k < inst.target.cols(); ++k) e.target.back().push_back(to_rational(inst.target(i, k)));
        }
        for (const auto& l : inst.lambda) lambda.push_back(to_rational(l));
    }
    const int L = inst.L;
    e.lambda_product = 1;
    if (inst.convention == Convention::kp) {
        for (int l = 0; l < L; ++l) e.lambda_cjw.push_back(Rational(lambda.at(0) / L));
    } else if (lambda.size() == 1) {
        for (int l = 0; l < L; ++l) e.lambda_cjw.push_back(lambda[0]);
    } else {
        e.lambda_cjw = lambda;
    }
    for (const auto& l : e.lambda_cjw) e.lambda_product *= l;
    return e;
}

Rational rational_power(const Rational& x, int n) {
    Rational r = 1;
    for (int i = 0; i < (n < 0 ? -n : n); ++i) r *= x;
    return n < 0 ? Rational(1 / r) : r;
}

// A threshold t > 0 given by t^k = R. Derived from the definitions, with Lambda = prod lambda_l =
// lambdabar^L (CJW (8)): the positive roots of f(x; y) = x^{2L-1} - y x^{L-1} + lambdabar x solve
// y = h(x) = x^L + lambdabar x^{2-L}, which for L >= 3 has one minimum, at x^{2L-2} = (L-2) lambdabar / L
// (h' = 0): ybar = h(xbar) = (2(L-1)/L) lambdabar xbar^{2-L} (CJW (42)-(43)), so
//   ybar^{2L-2} = (2(L-1)/L)^{2L-2} (L/(L-2))^{L-2} Lambda.
// The tie y*: G(x; y) - G(0; y) = x^2/2 (x^{2L-2} - 2y x^{L-2} + L lambdabar) (G of CJW T2.2(iii)) and
// f(x)/x = x^{2L-2} - y x^{L-2} + lambdabar vanish together iff y x^{L-2} = (L-1) lambdabar and
// x^{2L-2} = (L-2) lambdabar, so
//   y*^{2L-2} = (L-1)^{2L-2} / (L-2)^{L-2} Lambda   (= KP's tau^{2L-2}, (13), with lambda = L lambdabar).
// L = 2: lambdabar^2 = Lambda.
struct ThresholdSpec {
    std::string name;
    unsigned k;
    Rational R;
};
std::vector<ThresholdSpec> threshold_specs(int L, const Rational& Lambda) {
    if (L >= 3) {
        return {{"ybar", static_cast<unsigned>(2 * L - 2),
                 Rational(rational_power(Rational(2 * (L - 1), L), 2 * L - 2) * rational_power(Rational(L, L - 2), L - 2) *
                          Lambda)},
                {"the tie y*", static_cast<unsigned>(2 * L - 2),
                 Rational(rational_power(Rational(L - 1), 2 * L - 2) / rational_power(Rational(L - 2), L - 2) * Lambda)}};
    }
    if (L == 2) return {{"lambdabar", 2u, Lambda}};
    return {};
}

// Certified enclosures of the singular values from the computed SVD of the exact matrix at q, by
// Weyl's inequality: |sigma_i(Y) - sigma_i(U S V^T)| <= ||Y - U S V^T||_2, and the singular values of
// U S V^T are within (1 + dU)(1 + dV) of S for ||U^T U - I||_2 <= dU (likewise V). The residuals are
// evaluated at 2q; a slack of 8 (m + n)^2 eps(q) ||Y||_F covers their own rounding.
std::vector<Interval> residual_enclosures(const Instance& iq, const Precision& q, bool& ok) {
    const Precision q2 = q.times(2);
    const Matrix Y = iq.target;
    const auto d = svd(Y, q, false);
    ok = d.status == Status::ok;
    std::vector<Interval> out;
    if (!ok) return out;
    const Eigen::Index r = d.sigma.size(), m = Y.rows(), n = Y.cols();
    PrecisionGuard g(q2);
    const Matrix U = rounded(Matrix(d.u.leftCols(r)), q2), V = rounded(Matrix(d.v.leftCols(r)), q2);
    Matrix S = zeros(r, r, q2);
    for (Eigen::Index i = 0; i < r; ++i) S(i, i) = d.sigma(i);
    const Matrix E = rounded(Y, q2) - matmul(matmul(U, S, q2), V.transpose(), q2);
    const Matrix Iu = matmul(U.transpose(), U, q2) - Matrix::Identity(r, r), Iv = matmul(V.transpose(), V, q2) - Matrix::Identity(r, r);
    const Real fro = sqrt(frobenius_norm_squared(Y, q2));
    const Real dU = sqrt(frobenius_norm_squared(Iu, q2)), dV = sqrt(frobenius_norm_squared(Iv, q2));
    const Real slack = 8 * Real((m + n) * (m + n)) * epsilon(q) * fro;
    const Real e = sqrt(frobenius_norm_squared(E, q2)) + slack;
    for (Eigen::Index i = 0; i < r; ++i) {
        const Real s = d.sigma(i);
        const Real rad = e + abs(s) * (dU + dV + dU * dV) + 2 * epsilon(q) * abs(s);
        Interval iv(q);
        mpfi_interv_fr(iv.get(), Real(s - rad).backend().data(), Real(s + rad).backend().data());
        out.push_back(iv);
    }
    return out;
}

}  // namespace

ThresholdDecision threshold_decision_precision(const Instance& inst, const Precision& p, unsigned max_bits) {
    ThresholdDecision d{p, {}, true};
    const int L = inst.L;
    const ExactInput ex = exact_input(inst);
    d.lambda_product = ex.lambda_product;
    d.lambda_cjw = ex.lambda_cjw;
    d.loss_factor = inst.convention == Convention::kp ? 2 : 1;
    const auto specs = threshold_specs(L, ex.lambda_product);
    const int r = inst.rank_bound();
    // Exact positions (Calcium) up to kExactMaxRank: the characteristic polynomial and its roots.
    std::vector<std::vector<int>> exact_rel(r, std::vector<int>(specs.size(), 2));
    if (r <= kExactMaxRank && !specs.empty()) {
        auto e = std::make_shared<const ExactSingularValues>(ex.target);
        for (int i = 0; i < r; ++i)
            for (size_t t = 0; t < specs.size(); ++t) exact_rel[i][t] = e->compare_with_root(i, specs[t].k, specs[t].R);
        d.exact = std::move(e);
    } else if (r <= kExactMaxRank) {
        d.exact = std::make_shared<const ExactSingularValues>(ex.target);  // ties and zeros (L = 1)
    }
    for (int i = 0; i < r; ++i)
        for (size_t t = 0; t < specs.size(); ++t)
            if (exact_rel[i][t] == 0 && specs[t].name == "ybar") d.on_ybar.push_back(i);
    const long long N = inst.num_parameters();
    for (Precision q = p;; q = q.times(2)) {
        const Instance iq = at_precision(inst, q);
        std::vector<Interval> ys;
        if (d.exact) {
            for (int i = 0; i < r; ++i) ys.push_back(d.exact->enclosure(i, q));
        } else {
            bool ok = false;
            ys = residual_enclosures(iq, q, ok);
            if (!ok) {
                d.decided = false;
                d.note = "the SVD did not converge at " + std::to_string(q.bits()) + " bits";
                d.certificate = "undecided: " + d.note;
                return d;
            }
        }
        PrecisionGuard g(q);
        const Real fro2 = frobenius_norm_squared(iq.target, q);
        std::vector<ThresholdPosition> pos;
        std::string ambiguous;
        for (size_t t = 0; t < specs.size(); ++t) {
            const Interval T = positive_root_enclosure(specs[t].k, specs[t].R, q);
            const Real tv = T.mid();
            // Room for what the landscape computes from rounded data: lambdabar rounded at q moves the
            // thresholds by ~L eps t; at the tie, global versus spurious compares values to a tolerance of
            // ~1024 (L + N) eps (|F| + ||Y||^2) while they differ by ~ t |y - y*| (landscape.cpp, classify).
            Real room = 16 * L * epsilon(q) * tv;
            if (specs[t].name == "the tie y*") room += 4096 * (L + N) * epsilon(q) * (1 + fro2) / tv;
            for (int i = 0; i < r; ++i) {
                ThresholdPosition tp{i, specs[t].name, 2, ""};
                const int exact = exact_rel[i][t];
                if (exact == 0) {
                    tp.relation = 0, tp.decided_by = "exact";
                    pos.push_back(tp);
                    continue;
                }
                int rel = 2;
                if (ys[i].lower() > T.upper() + room) rel = 1;
                else if (ys[i].upper() < T.lower() - room) rel = -1;
                if (rel == 2 || (exact != 2 && rel != exact)) {
                    ambiguous += "y_" + std::to_string(i + 1) + " within " +
                                 to_string(Real(ys[i].upper() - ys[i].lower() + T.upper() - T.lower() + room), 3) +
                                 " of " + specs[t].name + " at " + std::to_string(q.bits()) + " bits; ";
                    tp.decided_by = "undecided: within the enclosures at " + std::to_string(q.bits()) + " bits";
                } else {
                    tp.relation = rel;
                    tp.decided_by = exact != 2 ? "exact" : "enclosure at " + std::to_string(q.bits()) + " bits";
                }
                pos.push_back(tp);
            }
        }
        // Distinct singular values (and, at L = 1, non-zero ones from 0) must also be apart at q by more than what the
        // landscape treats as a tie: target_svd's block tolerance, and global versus spurious (an orbit
        // with x+ on y_{i+1} instead of y_i costs ~ y |y_i - y_{i+1}|). Exactly equal ones are snapped equal.
        const Real block_room = 2 * tolerance::singular_value_tie(inst.dims.back(), inst.dims.front(),
                                                                  r ? Real(ys[0].upper()) : Real(0), q);
        // Only where it changes the landscape: for L >= 2, 0 is a root of f whatever y, and a y_i strictly
        // below the first threshold (ybar, lambdabar) has no other root, so its ties do not matter.
        for (int i = 0; i < r; ++i) {
            const bool last = i + 1 == r;
            if (L >= 2 && (last || exact_rel[i][0] == -1)) continue;
            if (d.exact && (last ? d.exact->is_zero(i) : d.exact->equal(i, i + 1))) continue;
            if (!d.exact && !last) continue;  // without exact ties, only the gap to zero is checked
            const Real lo = ys[i].lower(), hi = last ? Real(0) : ys[i + 1].upper();
            const Real room = block_room + 4096 * (L + N) * epsilon(q) * (1 + fro2) / (lo > 0 ? lo : Real(1));
            if (!(lo - hi > room)) {
                if (!d.exact && last) continue;  // may be an exact zero: not decided here
                ambiguous += "y_" + std::to_string(i + 1) + " within " + to_string(room, 3) + " of " +
                             (last ? std::string("0") : "y_" + std::to_string(i + 2)) + " at " + std::to_string(q.bits()) +
                             " bits; ";
            }
        }
        d.positions = pos;
        if (ambiguous.empty()) {
            d.precision = q;
            if (!(q == p)) d.note = "the target's position against the thresholds needed " + std::to_string(q.bits()) + " bits";
            if (!d.on_ybar.empty()) {
                std::string idx;
                for (int i : d.on_ybar) idx += (idx.empty() ? "y_" : ", y_") + std::to_string(i + 1);
                d.note += std::string(d.note.empty() ? "" : "; ") + idx + " exactly on ybar (decided exactly): the double root xbar";
            }
            d.certificate = d.exact ? "exact" : "enclosure at " + std::to_string(q.bits()) + " bits";
            return d;
        }
        if (q.bits() * 2 > max_bits) {
            d.decided = false;
            d.note = "not decided up to " + std::to_string(q.bits()) + " bits (--max-bits " + std::to_string(max_bits) +
                     "): " + ambiguous;
            d.certificate = "undecided: " + d.note;
            return d;
        }
    }
}

TargetSvd certified_target_svd(const Instance& inst, Rng& rng, const Precision& q, const ThresholdDecision& td) {
    TargetSvd t = target_svd(inst, rng, q);
    if (!td.exact) return t;
    const int r = static_cast<int>(t.y.size());
    for (int i = 0; i < r && i < td.exact->size(); ++i) t.y[i] = td.exact->enclosure(i, q).mid();
    if (!td.on_ybar.empty()) {
        // xbar^{2L-2} = (L-2) lambdabar / L (f = f' = 0, see threshold_specs): xbar^{L(2L-2)} = ((L-2)/L)^L Lambda.
        const int L = inst.L;
        const Real xbar = positive_root_enclosure(static_cast<unsigned>(L * (2 * L - 2)),
                                                  Rational(rational_power(Rational(L - 2, L), L) * td.lambda_product), q)
                              .mid();
        t.double_root.assign(r, std::nullopt);
        for (int i : td.on_ybar) t.double_root[i] = xbar;
    }
    return t;
}

namespace {
using IntervalMatrix = std::vector<std::vector<Interval>>;
IntervalMatrix imul(const IntervalMatrix& a, const IntervalMatrix& b, const Precision& q) {
    const size_t n = a.size(), k = b.size(), m = b.empty() ? 0 : b[0].size();
    IntervalMatrix c(n, std::vector<Interval>(m, Interval(q)));
    for (size_t i = 0; i < n; ++i)
        for (size_t t = 0; t < k; ++t)
            for (size_t j = 0; j < m; ++j) c[i][j] = c[i][j] + a[i][t] * b[t][j];
    return c;
}
IntervalMatrix itranspose(const IntervalMatrix& a, const Precision& q) {
    IntervalMatrix t(a.empty() ? 0 : a[0].size(), std::vector<Interval>(a.size(), Interval(q)));
    for (size_t i = 0; i < a.size(); ++i)
        for (size_t j = 0; j < a[i].size(); ++j) t[j][i] = a[i][j];
    return t;
}
IntervalMatrix identity_interval(int n, const Precision& q) {
    IntervalMatrix c(n, std::vector<Interval>(n, Interval(q)));
    for (int i = 0; i < n; ++i) c[i][i] = Interval(Real(1), q);
    return c;
}
}  // namespace

Interval gradient_norm_enclosure(const Instance& inst, const Weights& w, const Precision& q) {
    const ExactInput ex = exact_input(inst);
    const int L = inst.L;
    std::vector<IntervalMatrix> W(L);
    for (int l = 0; l < L; ++l) {
        W[l].assign(w[l].rows(), std::vector<Interval>(w[l].cols(), Interval(q)));
        for (Eigen::Index i = 0; i < w[l].rows(); ++i)
            for (Eigen::Index j = 0; j < w[l].cols(); ++j) W[l][i][j] = Interval(w[l](i, j), q);
    }
    // B[l] = W_{l-1} ... W_1 (B[1] = I), A[l] = W_L ... W_{l+1} (A[L] = I), R = P - Y.
    std::vector<IntervalMatrix> A(L + 1), B(L + 1);
    B[1] = identity_interval(inst.dims[0], q);
    for (int l = 2; l <= L; ++l) B[l] = imul(W[l - 2], B[l - 1], q);
    A[L] = identity_interval(inst.dims[L], q);
    for (int l = L - 1; l >= 1; --l) A[l] = imul(A[l + 1], W[l], q);
    IntervalMatrix R = imul(W[L - 1], B[L], q);
    for (size_t i = 0; i < R.size(); ++i)
        for (size_t j = 0; j < R[i].size(); ++j) R[i][j] = R[i][j] - Interval(ex.target.at(i).at(j), q);
    const Interval lf(Rational(inst.convention == Convention::kp ? 2 : 1), q);
    Interval sum(q);
    for (int l = 1; l <= L; ++l) {
        const IntervalMatrix g = imul(imul(itranspose(A[l], q), R, q), itranspose(B[l], q), q);
        const Interval lam(ex.lambda_cjw.at(l - 1), q);
        for (size_t i = 0; i < g.size(); ++i)
            for (size_t j = 0; j < g[i].size(); ++j) {
                const Interval e = lf * (g[i][j] + lam * W[l - 1][i][j]);
                sum = sum + e.pow(2ul);
            }
    }
    return sum.sqrt();
}

std::vector<Interval> target_enclosures(const Instance& inst, const ThresholdDecision& td, const Precision& q, bool& ok) {
    ok = true;
    if (!td.exact) return residual_enclosures(at_precision(inst, q), q, ok);
    std::vector<Interval> ys;
    for (int i = 0; i < td.exact->size(); ++i) ys.push_back(td.exact->enclosure(i, q));
    return ys;
}

void certify_orbit(const Instance& inst, const TargetSvd& svd, const ThresholdDecision& td, ClassifiedOrbit& c,
                   const Precision& p, unsigned max_bits) {
    Classification& cl = c.classification;
    if (!td.decided) {
        c.certificate = td.certificate;  // the orbit list itself rests on undecided threshold positions
        return;
    }
    const CertifiedInertia ci = certified_inertia(inst, svd, c.orbit, td, p, max_bits);
    const PointKind k = certified_kind(ci);
    if (ci.state == CertifiedInertia::State::decided && ci.cluster == ci.zero)
        c.certified_inertia = Inertia{ci.negative, ci.zero, ci.positive};
    if (ci.state == CertifiedInertia::State::inconsistent) {
        cl.evidence += " [certified inertia: " + ci.detail + "]";
        cl.kind = PointKind::undecided;
        c.certificate = ci.certificate;
        return;
    }
    if (k != PointKind::undecided) {
        if (cl.kind == PointKind::undecided) {  // the dense classification's tolerances could not decide; the enclosures did
            cl.evidence += std::string(" [the certified inertia decides ") + to_string(k) + " (" + ci.detail + " at " +
                           std::to_string(ci.bits) + " bits)]";
            cl.kind = k;
            c.certificate = ci.certificate;
        } else if (k == cl.kind) {
            cl.evidence += " [" + ci.detail + " at " + std::to_string(ci.bits) + " bits]";
            c.certificate = ci.certificate;
        } else {
            cl.evidence += std::string(" [the certified inertia says ") + to_string(k) + " (" + ci.detail + " at " +
                           std::to_string(ci.bits) + " bits), the dense classification " + to_string(cl.kind) + "]";
            cl.kind = PointKind::undecided;
            c.certificate = "undecided: the certified inertia and the dense classification disagree";
        }
        return;
    }
    cl.evidence += " [" + ci.detail + "]";
    c.certificate = ci.state == CertifiedInertia::State::decided
                        ? "undecided: the inertia is certified at " + std::to_string(ci.bits) + " bits (" + ci.detail +
                              "), a zero beyond the orbit leaves the type to the higher-order terms"
                        : ci.certificate;
    if (cl.kind != PointKind::undecided)
        c.certificate += "; the type " + std::string(to_string(cl.kind)) +
                         " rests on the dense classification's tolerances and higher-order terms";
}

std::optional<Interval> orbit_value_enclosure(const Instance& inst, const ThresholdDecision& td, const Orbit& orbit,
                                              const Precision& q, std::string* why) {
    const int L = inst.L;
    if (static_cast<int>(td.lambda_cjw.size()) != L) {
        if (why) *why = "no exact lambda";
        return std::nullopt;
    }
    bool ok = false;
    const std::vector<Interval> ys = target_enclosures(inst, td, q, ok);
    if (!ok || ys.size() < orbit.choice.size()) {
        if (why) *why = "no enclosure of the target's singular values at " + std::to_string(q.bits()) + " bits";
        return std::nullopt;
    }
    const Interval lb = positive_root_enclosure(static_cast<unsigned>(L), td.lambda_product, q);
    const auto xs = orbit_root_enclosures(inst, orbit, td, ys, lb, q, why);
    if (!xs) return std::nullopt;
    const Interval half(Rational(1, 2), q), Llb = Interval(Rational(L), q) * lb;
    Interval sum(q);
    for (size_t j = 0; j < orbit.choice.size(); ++j) {
        const Interval& x = (*xs)[j];
        const Interval d = x.pow(static_cast<unsigned long>(L)) - ys[j];
        sum = sum + half * (d * d + Llb * x * x);
    }
    return Interval(td.loss_factor, q) * sum;
}

namespace {

// The exact value classes of y_j (the first index with an exactly equal singular value; itself without the
// exact layer, where no two indices are known equal) and which y_j lie exactly on the tie y*.
struct ExactClasses {
    std::vector<int> value_class;
    std::vector<bool> on_tie;
};
ExactClasses exact_classes(const ThresholdDecision& td, int r) {
    ExactClasses c{std::vector<int>(r), std::vector<bool>(r, false)};
    for (const auto& t : td.positions)
        if (t.threshold == "the tie y*" && t.relation == 0 && t.decided_by == "exact" && t.index < r) c.on_tie[t.index] = true;
    for (int j = 0; j < r; ++j) {
        c.value_class[j] = j;
        if (td.exact && j < td.exact->size())
            for (int k = 0; k < j; ++k)
                if (td.exact->equal(k, j)) {
                    c.value_class[j] = c.value_class[k];
                    break;
                }
    }
    return c;
}

// The orbit's value key: the sorted (value class, root) pairs, x+ on y* counted as 0 (G(x+; y*) = G(0; y*), CJW (10)).
std::vector<std::pair<int, int>> value_key(const ExactClasses& c, const Orbit& o) {
    std::vector<std::pair<int, int>> k;
    for (size_t j = 0; j < o.choice.size() && j < c.value_class.size(); ++j) {
        const int root = o.choice[j] != 0 && c.on_tie[j] && o.root_slope[j] > 0 ? 0 : o.choice[j];
        k.push_back({c.value_class[j], root});
    }
    std::sort(k.begin(), k.end());
    return k;
}

}  // namespace

bool orbit_values_exactly_equal(const ThresholdDecision& td, const Orbit& a, const Orbit& b) {
    if (a.choice.size() != b.choice.size()) return false;
    const ExactClasses c = exact_classes(td, static_cast<int>(a.choice.size()));
    return value_key(c, a) == value_key(c, b);
}

namespace {

// Global versus spurious among the local minimizers, and whether an undecided orbit may lie below them,
// from enclosures of the orbit values (orbit_value_enclosure) escalated p, 2p, 4p, ... up to max_bits,
// with exact ties from the exact layer (orbit_values_exactly_equal). `global[i]`: 1 global, 0 spurious,
// -1 undecided (for minimizers; others untouched). Returns the certificate.
std::string decide_global(const Instance& inst, const ThresholdDecision& td, Landscape& land, const Precision& p,
                          unsigned max_bits, std::vector<int>& global) {
    const size_t n = land.orbits.size();
    global.assign(n, -1);
    std::vector<size_t> mins, unds;
    for (size_t i = 0; i < n; ++i) {
        const PointKind k = land.orbits[i].classification.kind;
        if (k == PointKind::local_minimizer) mins.push_back(i);
        else if (k == PointKind::undecided) unds.push_back(i);
    }
    if (mins.empty()) return "";
    if (!td.decided) return "undecided: " + td.note;
    // A capped orbit list may miss the global minimizer (the enumeration lists x = 0 first).
    if (!land.complete)
        return "undecided: the orbit list hit its cap of " + std::to_string(n) + " orbits; an orbit not listed may be lower";
    // Exact ties, decided once (orbit_values_exactly_equal, with the classes computed once).
    const ExactClasses classes = exact_classes(td, static_cast<int>(land.svd.y.size()));
    std::vector<std::vector<std::pair<int, int>>> keys(n);
    for (size_t i : mins) keys[i] = value_key(classes, land.orbits[i].orbit);
    for (size_t i : unds) keys[i] = value_key(classes, land.orbits[i].orbit);
    std::vector<std::vector<char>> tie(n, std::vector<char>(n, 0));
    for (size_t a : mins) {
        for (size_t b : mins)
            if (a != b && keys[a] == keys[b]) tie[a][b] = 1;
        for (size_t b : unds)
            if (keys[a] == keys[b]) tie[a][b] = tie[b][a] = 1;
    }
    if (mins.size() == 1 && unds.empty()) {
        global[mins[0]] = 1;
        return "exact";  // the only local minimizer is global (F is coercive and T2.1 lists every critical point)
    }
    bool used_enclosure = false;
    for (Precision q = p;; q = q.times(2)) {
        std::vector<std::optional<Interval>> V(n);
        std::string why;
        for (size_t i : mins) V[i] = orbit_value_enclosure(inst, td, land.orbits[i].orbit, q, &why);
        for (size_t i : unds) V[i] = orbit_value_enclosure(inst, td, land.orbits[i].orbit, q, &why);
        // sign(F_a - F_b): 0 exact tie, -1 / +1 apart, 2 not separated at q.
        const auto rel = [&](size_t a, size_t b) {
            if (tie[a][b]) return 0;
            if (!V[a] || !V[b]) return 2;
            if (V[a]->upper() < V[b]->lower()) return -1;
            if (V[a]->lower() > V[b]->upper()) return 1;
            return 2;
        };
        bool settled = true;
        std::string open;
        for (size_t a : mins) {
            bool above = false, unknown = false;
            for (size_t b : mins) {
                if (a == b) continue;
                const int r = rel(a, b);
                above = above || r == 1;
                unknown = unknown || r == 2;
            }
            global[a] = above ? 0 : unknown ? -1 : 1;
            if (global[a] < 0) {
                settled = false;
                open = root_label_string(land.orbits[a].orbit) + "'s value is not apart from another minimizer's";
            }
        }
        // An undecided orbit below a global minimizer could be the global minimizer (or a lower critical value).
        for (size_t u : unds)
            for (size_t a : mins)
                if (global[a] == 1) {
                    const int r = rel(u, a);
                    if (r == -1) {
                        global[a] = -1;
                        land.orbits[a].classification.evidence += " [global or spurious undecided: the undecided orbit " +
                                                                  root_label_string(land.orbits[u].orbit) + " has a lower value]";
                        open = "an undecided orbit has a lower value";
                    } else if (r == 2) {
                        settled = false;
                        open = "an undecided orbit's value is not apart from " + root_label_string(land.orbits[a].orbit) + "'s";
                    }
                }
        for (size_t a : mins)
            for (size_t b : mins)
                if (a != b && !tie[a][b]) used_enclosure = true;
        if (settled) {
            for (size_t a : mins)
                if (global[a] < 0) return "undecided: " + open;
            for (size_t a : mins)
                if (global[a] == 1)
                    land.orbits[a].value = V[a];
            // Only exact ties between the minimizers: exact; otherwise some comparison was an enclosure's.
            return used_enclosure ? "enclosure at " + std::to_string(q.bits()) + " bits" : "exact";
        }
        if (q.bits() * 2 > max_bits) {
            // Not settled: a minimizer not yet above another may still have an undecided orbit or an open
            // comparison below it, so none is labelled global (spurious ones are certain: they lie above one).
            for (size_t a : mins)
                if (global[a] == 1) global[a] = -1;
            return "undecided: " + open + " up to " + std::to_string(q.bits()) + " bits (--max-bits " + std::to_string(max_bits) +
                   ")" + (why.empty() ? std::string() : "; " + why);
        }
    }
}

}  // namespace

namespace {
// certify_orbit's not-dense counterpart: the type is the certified inertia's (no dense classification
// to agree with); a zero beyond the orbit leaves it undecided (the higher-order terms are dense).
void certify_orbit_without_dense(const Instance& inst, const TargetSvd& svd, const ThresholdDecision& td, ClassifiedOrbit& c,
                                 const Precision& p, unsigned max_bits) {
    Classification& cl = c.classification;
    cl.kind = PointKind::undecided;
    if (!td.decided) {
        cl.evidence = "N above the dense-Hessian cap; the threshold positions are undecided";
        c.certificate = td.certificate;
        return;
    }
    const CertifiedInertia ci = certified_inertia(inst, svd, c.orbit, td, p, max_bits);
    const PointKind k = certified_kind(ci);
    if (ci.state == CertifiedInertia::State::decided && ci.cluster == ci.zero) {
        c.certified_inertia = Inertia{ci.negative, ci.zero, ci.positive};
        cl.inertia = *c.certified_inertia;
    }
    cl.evidence = "N above the dense-Hessian cap: the type from the certified inertia of the structured blocks (" +
                  (ci.detail.empty() ? ci.certificate : ci.detail) + " at " + std::to_string(ci.bits) + " bits; no dense cross-check)";
    if (k != PointKind::undecided) {
        cl.kind = k;
        c.certificate = ci.certificate;
    } else if (ci.state == CertifiedInertia::State::decided) {
        c.certificate = "undecided: the inertia is certified at " + std::to_string(ci.bits) + " bits (" + ci.detail +
                        "), a zero beyond the orbit leaves the type to the higher-order terms (dense: N above --max-n)";
    } else {
        c.certificate = ci.certificate;
    }
}
}  // namespace

Landscape classify_landscape(const Instance& inst_in, const Precision& p_in, std::uint64_t seed, int starts, bool dense,
                             unsigned max_bits) {
    // Work where the target's position against every threshold is decided (from the exact input).
    const ThresholdDecision td = threshold_decision_precision(inst_in, p_in, max_bits);
    const Precision p = td.decided ? td.precision : p_in;
    const Instance inst = p == p_in ? inst_in : at_precision(inst_in, p);
    Landscape land;
    land.decided_bits = p.bits();
    land.decision_note = td.note;
    land.positions = td.positions;
    land.certificate = td.certificate;
    Rng rng(seed);
    land.svd = certified_target_svd(inst, rng, p, td);
    constexpr int kMaxOrbits = 512;
    const auto orbits = enumerate_orbits(inst, land.svd, p, kMaxOrbits);
    land.complete = static_cast<int>(orbits.size()) < kMaxOrbits;
    for (const auto& o : orbits) {
        ClassifiedOrbit c;
        c.orbit = o;
        c.point = orbit_point(inst, land.svd, o, rng, p);
        if (dense) {
            c.classification = classify_point(inst, c.point, p);
            escalate(inst, seed, c, p, &td);
            certify_orbit(inst, land.svd, td, c, p, max_bits);
        } else {
            // Above the dense cap the type is the certified inertia's alone (it is per orbit and cheap):
            // only the dense cross-check and the dense higher-order terms are skipped.
            c.classification.loss = loss(inst, c.point, p);
            c.classification.gradient_norm = gradient_norm(inst, c.point, p);
            certify_orbit_without_dense(inst, land.svd, td, c, p, max_bits);
        }
        land.orbits.push_back(std::move(c));
    }
    PrecisionGuard g(p);
    // Independent global value: damped Newton from random starts at the problem's scale.
    land.multistart_value = std::numeric_limits<double>::max();
    if (dense) {
        const auto ms = global_multistart(inst, starts, multistart_scale(inst, land.svd.y.empty() ? Real(0) : land.svd.y.front(), p), rng, p);
        land.multistart_converged = static_cast<int>(ms.converged.size());
        if (const auto* best = ms.best_result()) land.multistart_value = best->loss;
    }
    // Global versus spurious from enclosures of the orbit values (decide_global), not a tolerance.
    std::vector<int> global;
    land.global_certificate = decide_global(inst, td, land, p, max_bits, global);
    land.global_value = land.multistart_value;
    for (const auto& o : land.orbits)
        if (o.classification.kind == PointKind::local_minimizer || (!dense && o.classification.kind == PointKind::undecided))
            land.global_value = std::min(land.global_value, o.classification.loss);
    // The multistart is the independent check of T2.1's orbit list: a value below every orbit's (beyond the
    // rounding of its own Newton steps) means a critical value the list misses; no minimizer is then global.
    const CjwForm form = cjw_form(inst, p);
    const Real tol = 1024 * (inst.L + parameter_count(inst)) * epsilon(p) *
                     (abs(land.global_value) + form.loss_factor * frobenius_norm_squared(inst.target, p) / 2);
    Real lowest_orbit = std::numeric_limits<double>::max();
    for (const auto& o : land.orbits)
        if (o.classification.kind == PointKind::local_minimizer) lowest_orbit = std::min(lowest_orbit, Real(o.classification.loss));
    if (dense && land.multistart_value < lowest_orbit - tol) {
        for (auto& g : global) g = g >= 0 ? 0 : g;
        land.global_certificate = "undecided: the multistart found a value below every local minimizer's (" +
                                  to_string(land.multistart_value, 20) + " < " + to_string(lowest_orbit, 20) + ")";
    }
    for (size_t i = 0; i < land.orbits.size(); ++i) {
        auto& o = land.orbits[i];
        const PointKind k = o.classification.kind;
        o.computed = k != PointKind::local_minimizer ? to_string(k)
                     : global[i] == 1              ? "global_minimizer"
                     : global[i] == 0              ? "spurious_local_minimizer"
                                                   : "undecided";
        if (k == PointKind::local_minimizer && global[i] < 0)
            o.classification.evidence += " [global or spurious undecided: " + land.global_certificate + "]";
        if (o.computed == "undecided") land.undecided = true;
    }
    if (td.exact)
        for (int j = 0; j < static_cast<int>(land.svd.y.size()) && j < td.exact->size(); ++j) {
            int k = 0;
            while (k < j && !td.exact->equal(k, j)) ++k;
            land.exact_class.push_back(k);
            land.exact_zero.push_back(td.exact->is_zero(j));
        }
    record_landscape_decisions(land);
    return land;
}

void record_landscape_decisions(const Landscape& land) {
    if (!land.certificate.empty() && land.certificate.rfind("no threshold", 0) != 0) record_decision(land.certificate);
    for (const auto& o : land.orbits)
        if (!o.certificate.empty()) record_decision(o.certificate);
    if (!land.global_certificate.empty()) record_decision(land.global_certificate);
}

std::string landscape_types_certificate(const Landscape& land) {
    DecisionTally t;
    std::string first;
    for (const auto& o : land.orbits) {
        const std::string& c = o.certificate;
        if (c == "exact") ++t.exact;
        else if (c.rfind("enclosure at ", 0) == 0) {
            ++t.enclosure;
            t.max_bits = std::max(t.max_bits, static_cast<unsigned>(std::stoul(c.substr(13))));
        } else {
            ++t.undecided;
            if (t.first_undecided.empty())
                t.first_undecided = root_label_string(o.orbit) + ": " + (c.empty() ? "not certified" : c.rfind("undecided: ", 0) == 0 ? c.substr(11) : c);
        }
    }
    return fold_certificate(t);
}

}  // namespace dmf::landscape
