#include "generators/matrix_gen.hpp"

#include "dmf/numerics/random.hpp"

#include <algorithm>

namespace dmf::gen {

void showValue(const MatrixSpec& s, std::ostream& os) {
    os << "{" << s.rows << "x" << s.cols << " sigma=[";
    for (size_t i = 0; i < s.singular_values.size(); ++i) os << (i ? "," : "") << s.singular_values[i].text;
    os << "] seed=" << s.seed << "}";
}

rc::Gen<MatrixSpec> matrix_spec(int rows, int cols, int min_exp10, int max_exp10) {
    return rc::gen::exec([=] {
        MatrixSpec s;
        s.rows = rows;
        s.cols = cols;
        const int k = std::min(rows, cols);
        const auto sv = positive_decimal(min_exp10, max_exp10, 4);
        for (int i = 0; i < k; ++i) {
            const int kind = *rc::gen::weightedElement<int>({{5, 0}, {2, 1}, {2, 2}});
            if (kind == 1 && i > 0) s.singular_values.push_back(s.singular_values.back());
            else if (kind == 2) s.singular_values.push_back(Decimal{"0"});
            else s.singular_values.push_back(*sv);
        }
        s.seed = *rc::gen::arbitrary<std::uint64_t>();
        return s;
    });
}

Matrix materialize(const MatrixSpec& s, const Precision& p) {
    Vector sigma = zero_vector(std::min(s.rows, s.cols), p);
    for (Eigen::Index i = 0; i < sigma.size(); ++i) sigma(i) = s.singular_values[i].at(p);
    Rng rng(s.seed);
    return matrix_with_singular_values(s.rows, s.cols, sigma, rng, p);
}

void showValue(const MajorizationSpec& s, std::ostream& os) {
    os << "{x=[";
    for (size_t i = 0; i < s.x.size(); ++i) os << (i ? "," : "") << s.x[i].text;
    os << "] shifts=[";
    for (size_t i = 0; i < s.shift.size(); ++i) os << (i ? "," : "") << s.shift[i];
    os << "] " << (s.log_majorized ? "log-majorized" : "unconstrained") << " seed=" << s.seed << "}";
}

rc::Gen<MajorizationSpec> majorization_spec(int min_n, int max_n, int log_majorized_percent) {
    return rc::gen::resize(100, rc::gen::exec([=] {
        MajorizationSpec s;
        const int n = *rc::gen::inRange(min_n, max_n + 1);
        const auto v = positive_decimal(-3, 3, 4);
        for (int i = 0; i < n; ++i) s.x.push_back(*v);
        s.log_majorized = *rc::gen::inRange(0, 100) < log_majorized_percent;
        int prefix = 0;
        for (int i = 0; i < n; ++i) {
            // log_majorized: the lower end keeps the prefix sum >= 0.
            const int d = *rc::gen::inRange(s.log_majorized ? -prefix : -3, 4);
            s.shift.push_back(d);
            prefix += d;
        }
        s.seed = *rc::gen::arbitrary<std::uint64_t>();
        return s;
    }));
}

Matrix materialize(const MajorizationSpec& s, const Precision& p) {
    const int n = static_cast<int>(s.x.size());
    Matrix out = zeros(2, n, p);
    PrecisionGuard g(p);
    std::vector<Real> x;
    for (const auto& d : s.x) x.push_back(d.at(p));
    // The shifts apply in x's descending order.
    std::vector<int> order(static_cast<size_t>(n));
    for (int i = 0; i < n; ++i) order[static_cast<size_t>(i)] = i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return x[static_cast<size_t>(a)] > x[static_cast<size_t>(b)]; });
    Rng rng(s.seed);
    for (int k = 0; k < n; ++k) {
        const int i = order[static_cast<size_t>(k)];
        const Real y = x[static_cast<size_t>(i)] * make_real(p, 1, s.shift[static_cast<size_t>(k)]);
        // Columns in a random order with random signs: the check takes |entries|, sorted.
        out(0, i) = (rng.next_u64() & 1 ? -1 : 1) * x[static_cast<size_t>(i)];
        out(1, (i + static_cast<int>(s.seed % static_cast<std::uint64_t>(n))) % n) = (rng.next_u64() & 1 ? -1 : 1) * y;
    }
    return out;
}

}  // namespace dmf::gen
