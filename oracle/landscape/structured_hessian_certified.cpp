#include "dmf/landscape/structured_hessian_certified.hpp"

#include <algorithm>
#include <map>
#include <optional>

namespace dmf::inline landscape {

namespace {

using IMat = std::vector<Interval>;  // row-major

Real upper_mag(const Interval& a) {
    Interval t(a);
    mpfi_abs(t.get(), a.get());
    return t.upper();
}

bool exactly_zero(const Interval& a) { return mpfi_is_zero(a.get()) > 0; }

Interval interval_of(const Real& lo, const Real& hi, const Precision& q) {
    Interval r(q);
    mpfi_interv_fr(r.get(), lo.backend().data(), hi.backend().data());
    return r;
}

struct Counts {
    bool ok = false;
    int negative = 0, positive = 0, cluster = 0;
};

// Inertia counts of every symmetric matrix enclosed by A (n x n): the congruence V^T A V with the
// computed eigenvectors V of mid(A) (Sylvester; V nonsingular when ||V^T V - I||_inf < 1), then the
// connected components of the Gershgorin discs, each holding as many eigenvalues as discs.
Counts gershgorin_inertia(const IMat& A, int n, const Precision& q) {
    Counts out;
    if (n == 0) return out.ok = true, out;
    PrecisionGuard g(q);
    Matrix M = zeros(n, n, q);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) M(i, j) = (A[i * n + j].mid() + A[j * n + i].mid()) / 2;
    const SymmetricEigen e = symmetric_eigen(M, q, true);
    if (e.status != Status::ok) return out;
    IMat V, AV(n * n, Interval(q)), B(n * n, Interval(q));
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) V.emplace_back(e.vectors(i, j), q);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            for (int k = 0; k < n; ++k) AV[i * n + j] = AV[i * n + j] + A[i * n + k] * V[k * n + j];
    Real worst = 0;
    for (int i = 0; i < n; ++i) {
        Interval row(q);
        for (int j = 0; j < n; ++j) {
            Interval c(q);
            for (int k = 0; k < n; ++k) {
                B[i * n + j] = B[i * n + j] + V[k * n + i] * AV[k * n + j];
                c = c + V[k * n + i] * V[k * n + j];
            }
            if (i == j) c = c - Interval(Real(1), q);
            row = row + Interval(upper_mag(c), q);
        }
        worst = std::max(worst, row.upper());
    }
    if (!(worst < 1)) return out;  // V not certified nonsingular
    std::vector<std::pair<Real, Real>> discs;
    for (int i = 0; i < n; ++i) {
        Interval r(q);
        for (int j = 0; j < n; ++j)
            if (j != i) r = r + Interval(upper_mag(B[i * n + j]), q);
        discs.push_back({(B[i * n + i] - r).lower(), (B[i * n + i] + r).upper()});
    }
    std::sort(discs.begin(), discs.end());
    for (size_t i = 0; i < discs.size();) {
        Real lo = discs[i].first, hi = discs[i].second;
        int k = 0;
        for (; i < discs.size() && discs[i].first <= hi; ++i, ++k) hi = std::max(hi, discs[i].second);
        if (hi < 0) out.negative += k;
        else if (lo > 0) out.positive += k;
        else out.cluster += k;
    }
    out.ok = true;
    return out;
}

// f(x; y) = x^{2L-1} - y x^{L-1} + lambdabar x on an interval.
Interval f_interval(int L, const Interval& X, const Interval& Y, const Interval& lb) {
    return X.pow(static_cast<unsigned long>(2 * L - 1)) - Y * X.pow(static_cast<unsigned long>(L - 1)) + lb * X;
}

// The root of f(.; y) near x0 (computed at a lower precision): Newton at q on the midpoints, then a
// certified sign change of f over the enclosures at x (1 -+ 2^-e).
std::optional<Interval> enclose_root(int L, const Interval& Y, const Interval& lb, const Real& x0, const Precision& q) {
    PrecisionGuard g(q);
    Real x = rounded(x0, q);
    const Real y = Y.mid(), l = lb.mid();
    for (int it = 0; it < 200; ++it) {
        const Real fx = pow(x, 2 * L - 1) - y * pow(x, L - 1) + l * x;
        Real dfx = (2 * L - 1) * pow(x, 2 * L - 2) + l;
        if (L >= 2) dfx -= (L - 1) * y * pow(x, L - 2);
        if (dfx == 0) break;
        const Real dx = fx / dfx;
        x -= dx;
        if (abs(dx) <= abs(x) * make_real(q, 1, -static_cast<long>(q.bits()) + 4)) break;
    }
    for (long e : {static_cast<long>(q.bits()) - 12, static_cast<long>(q.bits() / 2), static_cast<long>(q.bits() / 4)}) {
        const Real d = x * make_real(q, 1, -e);
        const Real lo = x - d, hi = x + d;
        const int slo = certain_sign(f_interval(L, Interval(lo, q), Y, lb));
        const int shi = certain_sign(f_interval(L, Interval(hi, q), Y, lb));
        if (slo != 0 && shi != 0 && slo != shi) return interval_of(lo, hi, q);
    }
    return std::nullopt;
}

Rational rational_power(const Rational& x, int n) {
    Rational r = 1;
    for (int i = 0; i < n; ++i) r *= x;
    return r;
}

struct BlockVerdict {
    CertifiedInertia::State state = CertifiedInertia::State::undecided;
    int negative = 0, positive = 0, cluster = 0, tangent = 0;
};

CertifiedInertia attempt(const Instance& inst, const TargetSvd& svd, const Orbit& orbit, const ThresholdDecision& td,
                         const Precision& q, bool planted) {
    CertifiedInertia out;
    out.bits = q.bits();
    const int L = inst.L;
    const int r = static_cast<int>(svd.y.size());
    const auto undecided = [&](const std::string& why) {
        out.state = CertifiedInertia::State::undecided;
        out.certificate = "undecided: " + why + " at " + std::to_string(q.bits()) + " bits";
        return out;
    };
    if (static_cast<int>(td.lambda_cjw.size()) != L) return undecided("no exact lambda");
    // Enclosures of the exact data.
    std::vector<Interval> lam;
    for (const auto& l : td.lambda_cjw) lam.emplace_back(l, q);
    const Interval lb = positive_root_enclosure(static_cast<unsigned>(L), td.lambda_product, q);
    const Interval lf(td.loss_factor, q);
    bool ok = false;
    const std::vector<Interval> ys = target_enclosures(inst, td, q, ok);
    if (!ok || static_cast<int>(ys.size()) < r) return undecided("no enclosure of the target's singular values");
    std::string why;
    const auto xs = orbit_root_enclosures(inst, orbit, td, ys, lb, q, &why);
    if (!xs) return undecided(why);
    const std::vector<Interval>& x = *xs;
    const auto on_lambdabar = [&](int j) {
        for (const auto& t : td.positions)
            if (t.index == j && t.threshold == "lambdabar" && t.relation == 0 && t.decided_by == "exact") return true;
        return false;
    };
    // Which y are exactly zero or exactly equal (the exact layer), for the rotations that fix the target.
    const auto zero_label = [&](int c) { return c >= r || (td.exact && c < td.exact->size() && td.exact->is_zero(c)); };
    const auto equal_labels = [&](int a, int b) {
        if (zero_label(a) && zero_label(b)) return true;
        return a < r && b < r && td.exact && td.exact->equal(a, b);
    };
    // Labels as in structured_hessian.cpp.
    const LayerLabels ll = layer_labels(inst, orbit, r);
    const std::vector<int>& active = ll.active;
    const std::vector<std::vector<int>>& S = ll.S;
    const int K = ll.labels;
    const auto in = [&](int l, int a) { return std::find(S[l].begin(), S[l].end(), a) != S[l].end(); };
    std::vector<std::vector<Interval>> D(L + 1, std::vector<Interval>(K, Interval(q)));
    for (int l = 1; l <= L; ++l) {
        const Interval s = (lb / lam[l - 1]).sqrt();
        for (int j : active)
            if (in(l, j) && in(l - 1, j)) D[l][j] = s * x[j];
    }
    const auto prod = [&](int from, int to, int a) {
        Interval s(Real(1), q);
        for (int k = from; k <= to; ++k) s = s * D[k][a];
        return s;
    };
    std::vector<Interval> R;
    for (int a = 0; a < K; ++a) R.push_back(a < r ? prod(1, L, a) - ys[a] : prod(1, L, a));
    struct Var {
        int l, a, b;
    };
    std::map<std::pair<int, int>, std::vector<Var>> groups;
    for (int l = 1; l <= L; ++l)
        for (int a : S[l])
            for (int b : S[l - 1]) groups[{std::min(a, b), std::max(a, b)}].push_back({l, a, b});
    bool all_decided = true;
    std::string open;
    for (const auto& [key, vars] : groups) {
        const int n = static_cast<int>(vars.size());
        IMat H(n * n, Interval(q));
        for (int i = 0; i < n; ++i)
            for (int k = 0; k < n; ++k) {
                const Var& u = vars[i];
                const Var& v = vars[k];
                Interval h(q);
                if (u.a == v.a && u.b == v.b)
                    h = h + prod(u.l + 1, L, u.a) * prod(1, u.l - 1, u.b) * prod(v.l + 1, L, v.a) * prod(1, v.l - 1, v.b);
                if (u.l != v.l && u.a == v.b && u.b == v.a) {
                    const Var& lo = u.l < v.l ? u : v;
                    const Var& hi = u.l < v.l ? v : u;
                    const Interval c = R[lo.b] * prod(hi.l + 1, L, lo.b) * prod(lo.l + 1, hi.l - 1, lo.a) * prod(1, lo.l - 1, lo.b);
                    h = planted ? h - c : h + c;
                }
                if (i == k) h = h + lam[u.l - 1];
                H[i * n + k] = lf * h;
            }
        const Counts c = gershgorin_inertia(H, n, q);
        if (!c.ok) return undecided("the congruence of block {" + std::to_string(key.first) + ", " +
                                    std::to_string(key.second) + "} was not certified");
        // The orbit tangent inside this block (label pair a < b; none on the diagonal a = b).
        std::vector<std::vector<Interval>> T;
        const int a = key.first, b = key.second;
        const auto find = [&](int l, int row, int col) {
            for (int i = 0; i < n; ++i)
                if (vars[i].l == l && vars[i].a == row && vars[i].b == col) return i;
            return -1;
        };
        const auto put = [&](std::vector<Interval>& t, int l, int row, int col, const Interval& v) {
            const int i = find(l, row, col);
            if (i >= 0) t[i] = t[i] + v;
        };
        const auto keep = [&](std::vector<Interval>& t) {
            for (const auto& v : t)
                if (!exactly_zero(v)) return T.push_back(t);
        };
        if (a != b) {
            for (int l = 1; l < L; ++l) {  // hidden rotation in layer l
                if (!in(l, a) || !in(l, b)) continue;
                std::vector<Interval> t(n, Interval(q));
                put(t, l + 1, a, b, D[l + 1][a]);
                put(t, l + 1, b, a, -D[l + 1][b]);
                put(t, l, a, b, -D[l][b]);
                put(t, l, b, a, D[l][a]);
                keep(t);
            }
            const bool out_side = in(L, a) && in(L, b), in_side = in(0, a) && in(0, b);
            std::vector<Interval> to(n, Interval(q)), ti(n, Interval(q));
            if (out_side) put(to, L, a, b, D[L][b]), put(to, L, b, a, -D[L][a]);
            if (in_side) put(ti, 1, a, b, -D[1][a]), put(ti, 1, b, a, D[1][b]);
            if (out_side && zero_label(a) && zero_label(b)) keep(to);
            if (in_side && zero_label(a) && zero_label(b)) keep(ti);
            if (out_side && in_side && equal_labels(a, b)) {
                for (int i = 0; i < n; ++i) to[i] = to[i] + ti[i];
                keep(to);
            }
        }
        const int t = static_cast<int>(T.size());
        int rank = 0;
        if (t > 0) {
            IMat G(t * t, Interval(q));
            for (int i = 0; i < t; ++i)
                for (int k = 0; k < t; ++k)
                    for (int m = 0; m < n; ++m) G[i * t + k] = G[i * t + k] + (i == k ? T[i][m].pow(2ul) : T[i][m] * T[k][m]);
            const Counts gc = gershgorin_inertia(G, t, q);
            rank = gc.ok ? gc.positive : 0;
        }
        // The exact zero of the diagonal block of an index exactly on ybar (see the header).
        const bool exact_zero = a == b && L >= 3 && a < r && orbit.choice[a] != 0 &&
                                std::find(td.on_ybar.begin(), td.on_ybar.end(), a) != td.on_ybar.end();
        if (exact_zero) ++rank, ++out.beyond_exact, ++out.beyond_xbar;
        // Two active indices both exactly on ybar (so y_a = y_b), both at xbar: rotating the pair's
        // coordinates by 45 degrees (U, V and every hidden layer together) is an exact symmetry of F and of
        // the point, and maps the traceless diagonal combination of the two diagonal blocks' xbar zeros to
        // the symmetric off-diagonal one, c_l (e_a e_b^T + e_b e_a^T) in every layer, which lies in block
        // {a, b} and is no rotation (not in the tangent): one more exact zero, at the double root.
        const auto at_xbar = [&](int j) {
            return j < r && orbit.choice[j] != 0 && std::find(td.on_ybar.begin(), td.on_ybar.end(), j) != td.on_ybar.end();
        };
        const bool pair_zero = a != b && L >= 3 && at_xbar(a) && at_xbar(b) && n == 2 * L;
        if (pair_zero) ++rank, ++out.beyond_exact, ++out.beyond_xbar;
        // L = 2, an inactive index o exactly on lambdabar (decided exactly), through an inactive hidden label h:
        // the variables W_2[o][h], W_1[h][o] couple only with each other (the products of D through h and o
        // vanish, x = 0), as lf [[lambda_2, -y_o], [-y_o, lambda_1]] (R_o = -y_o), singular iff y_o^2 =
        // lambda_1 lambda_2 = lambdabar^2 with a positive trace: exactly one zero per such pair (o, h), in
        // block {min(o, h), max(o, h)}.
        if (L == 2) {
            const auto inactive_hidden = [&](int h) {
                return in(1, h) && std::find(active.begin(), active.end(), h) == active.end();
            };
            const auto pair = [&](int o, int h) { return o < r && orbit.choice[o] == 0 && on_lambdabar(o) && inactive_hidden(h); };
            const int z = pair(a, b) + (a != b && pair(b, a));
            rank += z, out.beyond_exact += z, out.beyond_lambdabar += z;
        }
        out.negative += c.negative;
        out.positive += c.positive;
        out.cluster += c.cluster;
        out.tangent_rank += rank;
        if (rank > c.cluster) {
            out.state = CertifiedInertia::State::inconsistent;
            out.certificate = "undecided: inconsistent block {" + std::to_string(a) + ", " + std::to_string(b) + "}: " +
                              std::to_string(rank) + " independent orbit-tangent directions but " +
                              std::to_string(c.cluster) + " eigenvalue(s) about 0 at " + std::to_string(q.bits()) + " bits";
            out.detail = out.certificate.substr(11);
            return out;
        }
        if (rank < c.cluster) {
            all_decided = false;
            open += "{" + std::to_string(a) + ", " + std::to_string(b) + "}: " + std::to_string(c.cluster - rank) + "; ";
        }
    }
    out.zero = out.tangent_rank;
    out.tangent_rank -= out.beyond_exact;
    const bool saddle = out.negative > 0 && out.positive > 0;  // decided whatever the clusters hold
    if (all_decided || saddle) {
        out.state = CertifiedInertia::State::decided;
        out.certificate = "enclosure at " + std::to_string(q.bits()) + " bits";
        out.detail = "certified inertia (" + std::to_string(out.negative) + ", " + std::to_string(out.zero) + ", " +
                     std::to_string(out.positive) + ")" +
                     (!all_decided         ? ", some eigenvalues about 0 beyond the orbit tangent"
                      : out.beyond_exact > 0 ? ", kernel = orbit tangent + " + std::to_string(out.beyond_exact) +
                                                   (out.beyond_xbar == out.beyond_exact ? " exact zero(s) at the double root xbar"
                                                                                        : " exact zero(s) (the double root xbar, or y exactly on lambdabar at L = 2)")
                                             : ", kernel = orbit tangent");
        return out;
    }
    out.detail = "eigenvalue(s) within the enclosure of 0 beyond the orbit tangent, by block " + open;
    return undecided("eigenvalue(s) within the enclosure of 0 beyond the orbit tangent");
}

}  // namespace

std::optional<std::vector<Interval>> orbit_root_enclosures(const Instance& inst, const Orbit& orbit,
                                                           const ThresholdDecision& td, const std::vector<Interval>& ys,
                                                           const Interval& lb, const Precision& q, std::string* why) {
    const int L = inst.L;
    std::vector<Interval> x;
    for (size_t j = 0; j < orbit.choice.size(); ++j) {
        if (orbit.choice[j] == 0) {
            x.emplace_back(q);
            continue;
        }
        const bool on_ybar = std::find(td.on_ybar.begin(), td.on_ybar.end(), static_cast<int>(j)) != td.on_ybar.end();
        if (on_ybar && L >= 3) {  // the double root: xbar^{L(2L-2)} = ((L-2)/L)^L Lambda (landscape.cpp)
            x.push_back(positive_root_enclosure(static_cast<unsigned>(L * (2 * L - 2)),
                                                Rational(rational_power(Rational(L - 2, L), L) * td.lambda_product), q));
            continue;
        }
        const auto e = j < ys.size() ? enclose_root(L, ys[j], lb, orbit.x[j], q) : std::nullopt;
        if (!e) {
            if (why) *why = "no certified sign change of f around x_" + std::to_string(j + 1);
            return std::nullopt;
        }
        x.push_back(*e);
    }
    return x;
}

CertifiedInertia certified_inertia(const Instance& inst, const TargetSvd& svd, const Orbit& orbit,
                                   const ThresholdDecision& td, const Precision& p, unsigned max_bits,
                                   bool planted_sign_error) {
    CertifiedInertia c;
    for (unsigned factor : {1u, 2u, 4u}) {
        const Precision q = p.times(factor);
        if (factor > 1 && q.bits() > max_bits) break;
        c = attempt(inst, svd, orbit, td, q, planted_sign_error);
        if (c.state != CertifiedInertia::State::undecided) return c;
    }
    return c;
}

PointKind certified_kind(const CertifiedInertia& c) {
    if (c.state != CertifiedInertia::State::decided) return PointKind::undecided;
    if (c.negative > 0 && c.positive > 0) return PointKind::strict_saddle;
    // Every zero beyond the orbit at the double root xbar, none unexplained, no negative eigenvalue: the
    // balanced line x_j -> xbar + t (W_l's j-th component scaled by sqrt(lambdabar / lambda_l), (6)-(7))
    // keeps the point in the family where F = lf sum_k g(x_k; y_k), g(x; y) = (x^L - y)^2 / 2 + L lambdabar
    // x^2 / 2 (landscape.hpp orbit_value_enclosure). g' = L f, so along it F - F(w) = lf L (f'(xbar) t^2 / 2
    // + f''(xbar) t^3 / 6 + O(t^4)) with f'(xbar) = 0 and f''(xbar) = xbar^{L-1} h''(xbar) > 0 (f =
    // x^{L-1} (h - y), h(x) = x^L + lambdabar x^{2-L}, h'' = L(L-1) x^{L-2} + (L-1)(L-2) lambdabar x^{-L}):
    // an exact non-zero cubic along a direction where the quadratic vanishes, so F decreases for t < 0
    // and the point is not a local minimizer: a non-strict saddle (no negative eigenvalue).
    if (c.negative == 0 && c.beyond_xbar > 0 && c.cluster == c.zero) return PointKind::non_strict_saddle;
    // L = 2, every zero beyond the orbit one of the pairs z = (W_2[o][h], W_1[h][o]) = (kappa a, a), kappa =
    // y_o / lambda_2 > 0 (o inactive exactly on lambdabar, h a free hidden label), none negative. In the
    // structured coordinates row o of W_2 and column o of W_1 vanish, and so do column h of W_2 and row h
    // of W_1; so dP(z) = dW_2 W_1 + W_2 dW_1 = 0 and (dP(u))_{oo'} = 0 for every u and o, o' on lambdabar.
    // F's only cubic term at L = 2 is <dP(u), dW_2(v) dW_1(w)> (symmetrised; the regularizer is
    // quadratic), so D^3F[z, z, .] = 0, and F(w + t z) = F(w) + lf t^4 ||M||^2 / 2 with M_oo = kappa
    // sum_h a_{o,h}^2 > 0. These blocks hold no tangent vector (every D there is 0), so Z is the kernel's
    // part orthogonal to the orbit; on a slice across the orbit, H > 0 off Z, a vanishing cubic on Z and
    // a positive quartic on Z make w a strict local minimizer there: a local minimizer.
    if (c.negative == 0 && c.beyond_exact > 0 && c.beyond_lambdabar == c.beyond_exact && c.cluster == c.zero)
        return PointKind::local_minimizer;
    if (c.cluster != c.tangent_rank) return PointKind::undecided;  // a zero beyond the orbit: higher order decides
    if (c.negative > 0) return PointKind::local_maximizer;
    return PointKind::local_minimizer;
}

}  // namespace dmf::landscape
