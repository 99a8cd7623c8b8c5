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

}  // namespace dmf::gen
