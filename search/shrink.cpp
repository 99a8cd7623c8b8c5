#include "search/shrink.hpp"

#include "search/case_text.hpp"

#include "generators/structured_cases.hpp"
#include "dmf/problem/instance_json.hpp"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <unordered_map>

namespace dmf::search_detail {

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
        if (in.L > t.min_depth) out.push_back(gen::scalar_instance(in.L - 1, in.lambda[0], in.target(0, 0), p));
        for (const auto& l : simpler_numbers(in.lambda[0], p))
            if (l > 0) out.push_back(gen::scalar_instance(in.L, l, in.target(0, 0), p));
        for (const auto& m : simpler_numbers(in.target(0, 0), p)) out.push_back(gen::scalar_instance(in.L, in.lambda[0], m, p));
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

Shrunk shrink_confirmed(const SearchTarget& t, const Instance& found, const Confirmation& c, const Precision& p,
                        ConfirmCache& cache, const std::function<bool()>& out_of_time) {
    // Each step needs only to stay violated at p by the target's screen (its check where it has none);
    // the full check and the ladder at 2p and 4p run once, on the end of the chain, walking back the
    // chain until a case confirms: the returned case is always confirmed at every precision, as
    // `found` is.
    std::unordered_map<std::uint64_t, bool> at_p;
    auto violated_at_p = [&](const Instance& s) {
        const std::uint64_t h = fnv1a(instance_to_json(s).dump());
        if (const auto it = at_p.find(h); it != at_p.end()) return it->second;
        const bool v = (t.screen ? t.screen(s, p) : t.check(s, p)).verdict == Verdict::violated;
        return at_p[h] = v;
    };
    std::vector<Instance> chain{found};
    for (int round = 0; round < 40; ++round) {
        bool improved = false;
        for (const auto& s : shrink_steps(t, chain.back(), p)) {
            if (out_of_time && out_of_time()) break;
            if (case_size(s) >= case_size(chain.back())) continue;
            try {
                validate(s);
                const bool v = violated_at_p(s);
                if (std::getenv("DMF_SEARCH_DEBUG"))
                    std::cerr << "shrink " << describe(s) << " size " << case_size(s) << " -> "
                              << (v ? "violated" : "not violated") << " at " << p.bits() << " bits\n";
                if (!v) continue;
                chain.push_back(s), improved = true;
                break;
            } catch (const std::exception&) {
            }
        }
        if (!improved) break;
    }
    for (; chain.size() > 1; chain.pop_back()) {
        try {
            const Confirmation cs = cache(chain.back(), p);
            if (cs.verdict == Verdict::violated) return {chain.back(), cs};
        } catch (const std::exception&) {
        }
        if (std::getenv("DMF_SEARCH_DEBUG")) std::cerr << "shrink: " << describe(chain.back()) << " not confirmed, one step back\n";
    }
    return {found, c};
}

}  // namespace dmf::search_detail
