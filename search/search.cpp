#include "search/search.hpp"
#include "generators/exact_thresholds.hpp"
#include "dmf/numerics/tolerance_policy.hpp"

#include "dmf/problem/corpus.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"
#include "claims/global_claims.hpp"
#include "claims/landscape_claims.hpp"
#include "claims/replay.hpp"
#include "claims/saddle_claims.hpp"
#include "claims/scalar_claims.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace dmf {

namespace {

namespace fs = std::filesystem;

// ---------------------------------------------------------------- cases
std::uint64_t fnv1a(const std::string& s, std::uint64_t h = 1469598103934665603ULL) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
    return h;
}

std::string describe(const Instance& inst) {
    std::string s = "L=" + std::to_string(inst.L) + " dims=[";
    for (size_t i = 0; i < inst.dims.size(); ++i) s += (i ? "," : "") + std::to_string(inst.dims[i]);
    s += "] lambda=[";
    for (size_t i = 0; i < inst.lambda.size(); ++i) s += (i ? "," : "") + to_string(inst.lambda[i], 12);
    s += "] y=[";
    const int r = static_cast<int>(std::min(inst.target.rows(), inst.target.cols()));
    for (int i = 0; i < r; ++i) s += (i ? "," : "") + to_string(inst.target(i, i), 12);
    return s + "]";
}

// ---------------------------------------------------------------- the planted and control claims
// TEST.planted: KP's tau with a relative error of 2^-60 on the thin region lambda in [3, 3 + 2^-10),
// L >= 3; TEST.true: the same check without it. Independent side: at m = printed tau the two
// candidate minimizers of the scalar problem must tie (certified values, scalar_problem.hpp).
CheckResult check_tau_tie(const Instance& inst, const Precision& p, bool planted) {
    const int L = inst.L;
    if (L < 3) return CheckResult::na("a tie at tau needs L >= 3 (L = 2 is a soft threshold, L = 1 has none)");
    const Real lambda = inst.lambda[0];
    const Formula t = kp_tau(L, lambda, p);
    if (!t.value) return CheckResult::na(t.undefined_reason);
    PrecisionGuard g(p);
    Real tau = *t.value;
    if (planted && L >= 3 && lambda >= 3 && lambda < 3 + make_real(p, 1, -10)) tau *= 1 + make_real(p, 1, -60);
    const ScalarProblem pr{L, lambda, tau};
    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    const ScalarCandidate* origin = nullptr;
    const ScalarCandidate* best = nullptr;
    for (const auto& c : M.candidates) {
        if (c.origin) origin = &c;
        else if (c.root_slope > 0 && (!best || c.value.mid() < best->value.mid())) best = &c;
    }
    CheckResult r;
    r.quantity = "at m = printed tau, min over s > 0 of the loss equals the loss at 0";
    if (!origin || !best) return r.verdict = Verdict::violated, r.detail = "no positive local minimizer at m = tau", r;
    const Real gap = best->value.mid() - origin->value.mid();
    const Real scale = tau * tau;
    r.error_eps = static_cast<double>(abs(gap) / (epsilon(p) * scale));
    r.printed = "tau = " + to_string(tau, 40);
    r.computed = "loss gap " + to_string(gap, 20);
    r.verdict = r.error_eps > 64.0 * L ? Verdict::violated : Verdict::holds;
    return r;
}

}  // namespace

const std::vector<SearchTarget>& search_targets() {
    static const std::vector<SearchTarget> targets = [] {
        std::vector<SearchTarget> t;
        // Every claim of the table, with its printed check and depth range.
        for (const auto& d : claim_table()) t.push_back({d.id, d.kind, false, d.min_depth, d.max_depth, d.printed});
        t.push_back({"TEST.planted", CaseKind::scalar, true, 1, 12,
                     [](const Instance& i, const Precision& p) { return check_tau_tie(i, p, true); }});
        t.push_back({"TEST.true", CaseKind::scalar, true, 1, 12,
                     [](const Instance& i, const Precision& p) { return check_tau_tie(i, p, false); }});
        return t;
    }();
    return targets;
}

const SearchTarget* find_search_target(const std::string& claim) {
    for (const auto& t : search_targets())
        if (t.claim == claim) return &t;
    return nullptr;
}

namespace {

// ---------------------------------------------------------------- sampling
struct Sampler {
    const SearchTarget& t;
    Rng& rng;
    const Precision& p;

    int uniform(int lo, int hi) { return lo + static_cast<int>(rng.next_u64() % static_cast<std::uint64_t>(hi - lo + 1)); }
    bool coin(int percent) { return static_cast<int>(rng.next_u64() % 100) < percent; }
    Real pow2(long e) { return make_real(p, 1, e); }
    int depth() {
        static const int common[] = {1, 2, 3, 3, 4, 4, 5, 6, 8, 10, 12};
        for (;;) {
            const int L = coin(70) ? common[rng.next_u64() % 11] : uniform(1, 12);
            if (L >= t.min_depth && L <= t.max_depth) return L;
        }
    }
    Real simple_number() {
        static const char* simple[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "0.5", "0.25", "0.125", "1.5", "3.001"};
        return parse_real(simple[rng.next_u64() % 15], p);
    }
    Real log_uniform(int lo_exp2, int hi_exp2) {
        PrecisionGuard g(p);
        return pow2(uniform(lo_exp2, hi_exp2)) * (1 + rng.uniform(p));
    }
    // Thresholds of a scalar problem in KP's m: tau, and CJW's ybar with lambdabar = lambda / L.
    std::vector<Real> thresholds(int L, const Real& lambda_kp) {
        std::vector<Real> out;
        PrecisionGuard g(p);
        if (auto tau = kp_tau(L, lambda_kp, p).value) out.push_back(*tau);
        if (auto yb = cjw_y_bar(L, Real(lambda_kp / L), p).value) out.push_back(*yb);
        return out;
    }
    Instance sample_scalar_case() {
        const int L = depth();
        PrecisionGuard g(p);
        Real lambda, m;
        const int mode = uniform(0, 9);
        if (mode <= 2 && (L == 3 || L == 4 || L == 6)) {
            // Exact constructions: xbar = 2^k gives an exact ybar; x = 2^k an exact tie (tau).
            const long k = uniform(-6, 6);
            const gen::ExactAnchor a = coin(50) ? gen::exact_y_bar(L, pow2(k), p) : gen::exact_tie(L, pow2(k), p);
            lambda = L * a.lambda_bar, m = a.y;
        } else {
            lambda = coin(40) ? simple_number() : coin(50) ? log_uniform(-100, 100) : log_uniform(-10, 10);
            const auto th = thresholds(L, lambda);
            const int place = uniform(0, 9);
            if (!th.empty() && place <= 3) {
                const Real& T = th[rng.next_u64() % th.size()];
                m = place == 0 ? T : T * (1 + (coin(50) ? 1 : -1) * pow2(-uniform(1, 120)));
            } else if (place <= 5) {
                m = simple_number();
            } else if (place == 6) {
                m = 0;
            } else {
                m = (th.empty() ? Real(1) : th[0]) * pow2(uniform(-8, 8)) * (1 + rng.uniform(p));
            }
        }
        if (coin(20)) m = -m;
        return scalar_case(L, lambda, m, p);
    }
    Instance matrix_case() {
        Instance inst;
        // Small depths first (cheaper, and where a shrunk case ends anyway), every depth sometimes.
        inst.L = coin(60) ? std::min(t.max_depth, t.min_depth + uniform(0, 1)) : uniform(t.min_depth, t.max_depth);
        inst.convention = Convention::cjw;
        for (;;) {
            inst.dims.assign(inst.L + 1, 1);
            for (auto& d : inst.dims) d = uniform(1, 3);
            if (inst.L > 1 && coin(35)) {
                // The width boundary (KP.T3's condition, CJW's d_min): the outer widths hold r >= 2
                // singular values and one hidden layer has d_min = r - 1.
                const int r = uniform(2, 3);
                inst.dims.front() = std::max(inst.dims.front(), r);
                inst.dims.back() = std::max(inst.dims.back(), r);
                inst.dims[uniform(1, inst.L - 1)] = r - 1;
            } else if (inst.L > 1 && coin(20)) {
                inst.dims[uniform(1, inst.L - 1)] = 1;  // a bottleneck anywhere
            }
            if (inst.num_parameters() <= 30) break;
        }
        const int L = inst.L;
        PrecisionGuard g(p);
        const long k = uniform(-4, 4);
        const Real base = pow2(k);
        Real lb, anchor;
        const bool exact = L == 3 || L == 4 || L == 6;
        const int a = uniform(0, 2);
        if (L <= 2) lb = L == 2 ? Real(base * base) : base, anchor = lb;
        else if (exact && a <= 1) {
            const gen::ExactAnchor e = a == 0 ? gen::exact_y_bar(L, base, p) : gen::exact_tie(L, base, p);
            lb = e.lambda_bar, anchor = e.y;
        }
        else lb = coin(50) ? simple_number() : log_uniform(-6, 6), anchor = cjw_y_bar(L, lb, p).value.value_or(lb);
        std::vector<long> shift(L, 0);
        if (coin(50))
            for (int l = 0; l + 1 < L; ++l) {
                const long s = uniform(-3, 3);
                shift[l] += s, shift[L - 1] -= s;
            }
        for (int l = 0; l < L; ++l) inst.lambda.push_back(lb * pow2(shift[l]));
        const int r = std::min(inst.dims.front(), inst.dims.back());
        inst.target = zeros(inst.dims.back(), inst.dims.front(), p);
        Real prev = anchor;
        if (r >= 2 && coin(30)) {
            // The threshold's rank among the singular values: k values strictly above the anchor, then
            // the anchor itself (so it sits at index k + 1, on either side of d_min), then anything below.
            const int k = uniform(0, r - 1);
            static const char* above[] = {"2", "1.5", "3", "4"};
            for (int i = 0; i < r; ++i) {
                Real y = i < k ? Real(anchor * parse_real(above[rng.next_u64() % 4], p))
                               : i == k ? anchor
                                        : coin(50) ? Real(0) : Real(anchor * pow2(-uniform(1, 3)));
                inst.target(i, i) = coin(20) ? Real(-y) : y;
            }
            return inst;
        }
        for (int i = 0; i < r; ++i) {
            Real y;
            switch (uniform(0, 6)) {
                case 0: case 1: y = anchor; break;
                case 2: y = anchor * (1 + (coin(50) ? 1 : -1) * pow2(-uniform(1, 60))); break;
                case 3: y = anchor * simple_number(); break;
                case 4: y = 0; break;
                case 5: y = prev; break;
                default: y = anchor * pow2(uniform(-3, 3)) * (1 + rng.uniform(p)); break;
            }
            inst.target(i, i) = coin(20) ? Real(-y) : y;
            prev = y;
        }
        return inst;
    }
    Instance sample() { return t.kind == CaseKind::scalar ? sample_scalar_case() : matrix_case(); }

    Instance mutate(const Instance& in) {
        Instance out = in;
        PrecisionGuard g(p);
        const Real step = 1 + (coin(50) ? 1 : -1) * pow2(-uniform(1, 100));
        if (t.kind == CaseKind::scalar) {
            switch (uniform(0, 4)) {
                case 0: out.lambda[0] *= step; break;
                case 1: out.target(0, 0) *= step; break;
                case 2: {
                    const auto th = thresholds(out.L, out.lambda[0]);
                    if (!th.empty()) out.target(0, 0) = th[rng.next_u64() % th.size()];
                    break;
                }
                case 3: {
                    const int L = std::clamp(out.L + (coin(50) ? 1 : -1), t.min_depth, t.max_depth);
                    out = scalar_case(L, out.lambda[0], out.target(0, 0), p);
                    break;
                }
                default: out.target(0, 0) = -out.target(0, 0); break;
            }
            return out;
        }
        const int r = static_cast<int>(std::min(out.target.rows(), out.target.cols()));
        const int i = uniform(0, std::max(0, r - 1));
        switch (uniform(0, 3)) {
            case 0: if (r) out.target(i, i) *= step; break;
            case 1: if (r > 1) out.target(i, i) = out.target((i + 1) % r, (i + 1) % r); break;
            case 2: out.lambda[uniform(0, out.L - 1)] *= pow2(coin(50) ? 1 : -1); break;
            default: if (r) out.target(i, i) = 0; break;
        }
        return out;
    }
};

// Closeness to a threshold, in [0, 1]: 1 on it, 0 a factor of 2 or more away.
double proximity(const SearchTarget& t, const Instance& inst, const Precision& p) {
    PrecisionGuard g(p);
    std::vector<Real> th, ys;
    if (t.kind == CaseKind::scalar) {
        if (auto tau = kp_tau(inst.L, inst.lambda[0], p).value) th.push_back(*tau);
        if (auto yb = cjw_y_bar(inst.L, Real(inst.lambda[0] / inst.L), p).value) th.push_back(*yb);
        ys.push_back(abs(inst.target(0, 0)));
    } else {
        const Real lb = lambda_bar(inst, p);
        if (auto yb = cjw_y_bar(inst.L, lb, p).value) th.push_back(*yb);
        const int r = static_cast<int>(std::min(inst.target.rows(), inst.target.cols()));
        for (int i = 0; i < r; ++i) ys.push_back(abs(inst.target(i, i)));
    }
    double best = 0;
    for (const auto& T : th)
        for (const auto& y : ys)
            if (T > 0 && y > 0) best = std::max(best, 1 - std::min(1.0, std::fabs(static_cast<double>(log2(y / T)))));
    return best;
}

struct Confirmation {
    Verdict verdict = Verdict::holds;  // violated = confirmed at every precision tried
    std::vector<unsigned> bits;
    CheckResult first;
};

Confirmation confirm(const SearchTarget& t, const Instance& inst, const Precision& p) {
    Confirmation c;
    c.first = t.check(inst, p);
    c.bits.push_back(p.bits());
    if (c.first.verdict != Verdict::violated) return c.verdict = c.first.verdict, c;
    const Precision p2 = p.times(2);
    const CheckResult r2 = t.check(at_precision(inst, p2), p2);
    c.bits.push_back(p2.bits());
    if (r2.verdict != Verdict::violated) return c.verdict = Verdict::undecided, c;
    if (r2.error_eps < 1e3) {  // still close (or a verdict without a size): once more at 4p
        const Precision p4 = p.times(4);
        const CheckResult r4 = t.check(at_precision(inst, p4), p4);
        c.bits.push_back(p4.bits());
        if (r4.verdict != Verdict::violated) return c.verdict = Verdict::undecided, c;
    }
    c.verdict = Verdict::violated;
    return c;
}

// ---------------------------------------------------------------- shrinking
std::vector<Real> simpler_numbers(const Real& x, const Precision& p) {
    std::vector<Real> out;
    if (x == 0) return out;
    PrecisionGuard g(p);
    out.push_back(Real(0));
    for (int digits = 1; digits <= 4; ++digits) {
        Real v = parse_real(to_string(x, digits), p);
        if (v != x) out.push_back(v);
    }
    Real r = round(x);
    if (r != x && r != 0) out.push_back(r);
    return out;
}

// T without row `row` and column `col` (-1: keep every row, or every column).
Matrix target_minor(const Matrix& T, Eigen::Index row, Eigen::Index col, const Precision& p) {
    Matrix M = zeros(T.rows() - (row >= 0), T.cols() - (col >= 0), p);
    for (Eigen::Index i = 0, mi = 0; i < T.rows(); ++i) {
        if (i == row) continue;
        for (Eigen::Index j = 0, mj = 0; j < T.cols(); ++j)
            if (j != col) M(mi, mj++) = T(i, j);
        ++mi;
    }
    return M;
}

std::vector<Instance> shrink_steps(const SearchTarget& t, const Instance& in, const Precision& p) {
    std::vector<Instance> out;
    PrecisionGuard g(p);
    if (t.kind == CaseKind::scalar) {
        if (in.L > t.min_depth) out.push_back(scalar_case(in.L - 1, in.lambda[0], in.target(0, 0), p));
        for (const auto& l : simpler_numbers(in.lambda[0], p))
            if (l > 0) out.push_back(scalar_case(in.L, l, in.target(0, 0), p));
        for (const auto& m : simpler_numbers(in.target(0, 0), p)) out.push_back(scalar_case(in.L, in.lambda[0], m, p));
        return out;
    }
    // Fewer layers (drop the last lambda), narrower widths, simpler values, equal lambdas.
    if (in.L > t.min_depth) {
        Instance s = in;
        s.L -= 1;
        s.dims.erase(s.dims.end() - 2);
        s.lambda.pop_back();
        out.push_back(s);
    }
    for (int l = 0; l <= in.L; ++l) {
        if (in.dims[l] <= 1) continue;
        Instance s = in;
        s.dims[l] -= 1;
        if (l == 0) s.target = target_minor(in.target, -1, in.target.cols() - 1, p);  // the last input coordinate
        if (l == in.L) s.target = target_minor(in.target, in.target.rows() - 1, -1, p);  // the last output one
        out.push_back(s);
    }
    const int r = static_cast<int>(std::min(in.target.rows(), in.target.cols()));
    // Drop a zero singular value of the (diagonal) target with its row and column: narrowing alone
    // drops the last one, which may be the value on the threshold.
    for (int i = 0; i < r; ++i) {
        if (in.target(i, i) != 0 || in.dims[0] <= 1 || in.dims[in.L] <= 1) continue;
        Instance s = in;
        s.dims[0] -= 1, s.dims[in.L] -= 1;
        s.target = target_minor(in.target, i, i, p);
        out.push_back(s);
    }
    for (int i = 0; i < r; ++i)
        for (const auto& v : simpler_numbers(in.target(i, i), p)) {
            Instance s = in;
            s.target(i, i) = v;
            out.push_back(s);
        }
    const Real lb = lambda_bar(in, p);
    if (std::any_of(in.lambda.begin(), in.lambda.end(), [&](const Real& l) { return l != lb; })) {
        Instance s = in;
        for (auto& l : s.lambda) l = lb;
        out.push_back(s);
    }
    for (const auto& v : simpler_numbers(lb, p)) {
        if (v <= 0) continue;
        Instance s = in;
        for (auto& l : s.lambda) l = l / lb * v;
        out.push_back(s);
    }
    return out;
}

// Significant decimal digits x needs (40 at most), 0 for zero: the "simplicity" of a number.
int digits_needed(const Real& x) {
    if (x == 0) return 0;
    const Precision p = Precision::from_bits(static_cast<unsigned>(mpfr_get_prec(x.backend().data())));
    for (int d = 1; d < 40; ++d)
        if (parse_real(to_string(x, d), p) == rounded(x, p)) return d;
    return 40;
}

// Smaller is simpler: depth first, then parameters, then the digits of every number.
double case_size(const Instance& inst) {
    double s = inst.L * 1e6 + static_cast<double>(inst.num_parameters()) * 1e4;
    for (const auto& l : inst.lambda) s += digits_needed(l) * 10;
    for (Eigen::Index i = 0; i < inst.target.rows(); ++i)
        for (Eigen::Index j = 0; j < inst.target.cols(); ++j) s += digits_needed(inst.target(i, j)) * 10 + (inst.target(i, j) < 0);
    return s;
}

Counterexample make_record(const SearchTarget& t, const Instance& inst, const Confirmation& c, const Precision& p) {
    Counterexample x;
    x.claim = t.claim;
    x.precision_bits = p.bits();
    x.confirmed_at_bits = c.bits;
    x.instance = instance_to_json(inst);
    x.point = nullptr;
    if (t.kind == CaseKind::scalar)
        x.parameters = {{"L", inst.L}, {"lambda", to_exact_string(inst.lambda[0])}, {"m", to_exact_string(inst.target(0, 0))}};
    else
        x.parameters = nullptr;
    x.quantity = c.first.quantity;
    x.printed = c.first.printed;
    x.computed = c.first.computed;
    {
        std::ostringstream s;
        s << c.first.error_eps;
        x.violation_eps = c.first.error_eps > 0 ? s.str() : "n/a (a verdict, not a distance)";
    }
    x.notes = "found by dmf-oracle search, confirmed at " + std::to_string(c.bits.size()) + " precisions and shrunk; " +
              c.first.detail.substr(0, 300);
    return x;
}

}  // namespace

CheckResult recheck_stored(const SearchTarget& t, const nlohmann::json& instance, unsigned bits) {
    const Precision p = Precision::from_bits(bits);
    return t.check(instance_from_json(parse_json_exact(instance.dump()), p), p);
}

SearchReport search_claim(const SearchTarget& t, const SearchOptions& o) {
    SearchReport rep;
    rep.claim = t.claim;
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    const Precision& p = o.precision;
    Rng rng(o.seed ^ fnv1a(t.claim));
    Sampler sampler{t, rng, p};
    std::optional<Instance> best;
    double best_score = -1;

    // 1. The corpus first: replay, and seed the hill-climb with the stored cases.
    if (o.use_corpus && !o.corpus_dir.empty() && fs::exists(o.corpus_dir)) {
        std::vector<fs::path> files;
        for (const auto& e : fs::directory_iterator(o.corpus_dir))
            if (e.path().extension() == ".json") files.push_back(e.path());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) {
            Counterexample c;
            try {
                c = load_counterexample(f.string());
            } catch (const std::exception&) {
                continue;  // another tool's file
            }
            if (c.claim != t.claim) continue;
            ++rep.replayed;
            CheckResult r = t.test_only ? recheck_stored(t, c.instance, c.precision_bits) : replay_counterexample(c).printed;
            if (r.verdict == Verdict::violated) ++rep.replay_still_refuted;
            const Precision cp = Precision::from_bits(c.precision_bits);
            if (!best) best = at_precision(instance_from_json(parse_json_exact(c.instance.dump()), cp), p), best_score = 0;
        }
    }

    std::vector<std::uint64_t> seen_confirmed, seen_shrunk;
    double last_progress = 0;
    while (true) {
        if (o.max_candidates ? rep.candidates >= *o.max_candidates : elapsed() >= o.time_budget_s) break;
        if (static_cast<int>(rep.confirmed_cases.size()) >= o.max_confirmed) {
            rep.note = "stopped after " + std::to_string(o.max_confirmed) + " distinct confirmed counterexamples";
            break;
        }
        // 2. Draw: structured/random samples, or a hill-climbing step from the best case.
        const int mode = static_cast<int>(rng.next_u64() % 10);
        Instance cand = (best && mode >= 6) ? sampler.mutate(*best) : sampler.sample();
        try {
            validate(cand);
        } catch (const std::exception&) {
            continue;
        }
        const std::string text = instance_to_json(cand).dump();
        rep.candidate_digest = fnv1a(text, rep.candidate_digest ? rep.candidate_digest : 1469598103934665603ULL);
        ++rep.candidates;
        Confirmation c;
        const double t0 = elapsed();
        try {
            c = confirm(t, cand, p);
        } catch (const InputError&) {
            continue;  // e.g. a sample outside the claim's domain
        }
        if (std::getenv("DMF_SEARCH_DEBUG"))
            std::cerr << "candidate " << describe(cand) << ": " << to_string(c.verdict) << " in " << elapsed() - t0 << " s\n";
        const double score = std::log2(1 + std::min(c.first.error_eps, 1e12)) + proximity(t, cand, p);
        // Ties move the climb (plateau moves): a claim checked by a verdict, not a distance, scores only
        // its proximity to a threshold, and a climb stuck on the first case on a threshold stops exploring.
        if (score >= best_score) best_score = score, best = cand, rep.best_case = describe(cand);
        if (c.verdict == Verdict::undecided && c.first.verdict == Verdict::violated)
            rep.undecided_cases.push_back(describe(cand) + " (violated at " + std::to_string(p.bits()) +
                                          " bits, not confirmed at higher precision)");
        if (c.verdict == Verdict::violated) {
            const std::uint64_t h = fnv1a(text);
            if (std::find(seen_confirmed.begin(), seen_confirmed.end(), h) == seen_confirmed.end()) {
                seen_confirmed.push_back(h);
                // Save at once (atomically), then shrink and replace the file with the smaller case.
                std::string path;
                auto file_for = [&](const Instance& x) {
                    std::ostringstream name;
                    name << t.claim << "-search-" << std::hex << std::setw(16) << std::setfill('0')
                         << fnv1a(instance_to_json(x).dump()) << std::dec << "-" << p.bits() << "bits.json";
                    return (fs::path(o.corpus_dir) / name.str()).string();
                };
                if (o.save && !o.corpus_dir.empty()) {
                    fs::create_directories(o.corpus_dir);
                    path = file_for(cand);
                    save_counterexample(path, make_record(t, cand, c, p));
                }
                Instance small = cand;
                Confirmation sc = c;
                for (int round = 0; round < 40; ++round) {
                    bool improved = false;
                    for (const auto& s : shrink_steps(t, small, p)) {
                        if (case_size(s) >= case_size(small)) continue;
                        try {
                            validate(s);
                            const Confirmation cs = confirm(t, s, p);
                            if (std::getenv("DMF_SEARCH_DEBUG"))
                                std::cerr << "shrink " << describe(s) << " size " << case_size(s) << " -> "
                                          << to_string(cs.verdict) << "\n";
                            if (cs.verdict != Verdict::violated) continue;
                            small = s, sc = cs, improved = true;
                            break;
                        } catch (const std::exception&) {
                        }
                    }
                    if (!improved) break;
                }
                // Distinct finds that shrink to the same case are one counterexample.
                const std::uint64_t hs = fnv1a(instance_to_json(small).dump());
                const bool duplicate = std::find(seen_shrunk.begin(), seen_shrunk.end(), hs) != seen_shrunk.end();
                seen_shrunk.push_back(hs);
                if (o.save && !o.corpus_dir.empty()) {
                    const std::string shrunk = file_for(small);
                    if (shrunk != path) {
                        if (!duplicate) save_counterexample(shrunk, make_record(t, small, sc, p));
                        fs::remove(path);
                        path = shrunk;
                    }
                    if (!duplicate) rep.confirmed_files.push_back(path);
                }
                if (duplicate) {
                    ++rep.duplicates;
                    continue;
                }
                rep.confirmed_cases.push_back(describe(small) + ": printed " + sc.first.printed.substr(0, 120) +
                                              "; computed " + sc.first.computed.substr(0, 120));
            }
        }
        if (o.progress && elapsed() - last_progress >= 2) {
            last_progress = elapsed();
            std::cerr << "[search " << t.claim << "] " << std::fixed << std::setprecision(1) << elapsed() << " s, "
                      << rep.candidates << " candidates, " << rep.confirmed_cases.size() << " confirmed, "
                      << rep.undecided_cases.size() << " undecided, best score " << std::setprecision(3) << best_score
                      << "\n";
        }
    }
    rep.best_score = best_score;
    rep.seconds = elapsed();
    return rep;
}

}  // namespace dmf
