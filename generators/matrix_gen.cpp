#include "generators/matrix_gen.hpp"

#include "dmf/numerics/random.hpp"

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

}  // namespace dmf::gen
