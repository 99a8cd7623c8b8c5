// Random matrices with chosen singular values (distinct, repeated, zero), for
// the matrix-inequality claims. Exact decimal singular values and a basis seed.
#pragma once

#include "generators/decimal.hpp"
#include "dmf/numerics/linalg.hpp"

#include <cstdint>
#include <ostream>
#include <vector>

namespace dmf::gen {

struct MatrixSpec {
    int rows = 1, cols = 1;
    std::vector<Decimal> singular_values;  // min(rows, cols) values
    std::uint64_t seed = 0;
};
void showValue(const MatrixSpec& s, std::ostream& os);
rc::Gen<MatrixSpec> matrix_spec(int rows, int cols, int min_exp10 = -3, int max_exp10 = 3);
Matrix materialize(const MatrixSpec& s, const Precision& p);

// Two rows x (row 0) and y (row 1) of n entries for weak (log-)majorization (KP Definition 16).
// In most cases (`log_majorized`) y weakly log-majorizes x, exactly in binary arithmetic: in x's
// descending order y_i = x_i 2^{d_i} with every prefix sum of the integer shifts d_i >= 0, so each
// prefix product of y sorted descending is at least x's (the top-k product of y is at least the
// product of any k of its entries). Some d_i are negative: y need not dominate x entrywise. The
// other cases draw the shifts in [-3, 3] without that constraint (the hypothesis then often
// fails; where the sums still dominate and the products do not, the converse fails).
struct MajorizationSpec {
    std::vector<Decimal> x;
    std::vector<int> shift;    // d_i, with nonnegative prefix sums when log_majorized
    bool log_majorized = true;
    std::uint64_t seed = 0;    // signs and column order
};
void showValue(const MajorizationSpec& s, std::ostream& os);
rc::Gen<MajorizationSpec> majorization_spec(int min_n, int max_n, int log_majorized_percent = 75);
Matrix materialize(const MajorizationSpec& s, const Precision& p);

}  // namespace dmf::gen
