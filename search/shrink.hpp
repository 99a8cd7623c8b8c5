// Shrinking a confirmed counterexample toward a case a reader can check by hand: fewer layers,
// narrower widths, simpler numbers (fewer significant digits, zeros, integers), equal lambdas.
// A step is taken only if it is smaller by case_size and still violated at p; the last case of the
// chain is then confirmed at every precision (stepping back along the chain until one is), so the
// saved case is as small as greedy steps get while remaining a real counterexample.
#pragma once

#include "search/confirm.hpp"

#include <functional>
#include <vector>

namespace dmf::search_detail {

// 0, x to 1..4 significant digits and x rounded to an integer, where different from x.
std::vector<Real> simpler_numbers(const Real& x, const Precision& p);

// T without row `row` and column `col` (-1: keep every row, or every column).
Matrix target_minor(const Matrix& T, Eigen::Index row, Eigen::Index col, const Precision& p);

// Every one-step simplification of `in` (not yet checked to be smaller or still violated).
std::vector<Instance> shrink_steps(const SearchTarget& t, const Instance& in, const Precision& p);

// Significant decimal digits x needs (40 at most), 0 for zero: the "simplicity" of a number.
int digits_needed(const Real& x);

// Smaller is simpler: depth first, then parameters, then the digits of every number.
double case_size(const Instance& inst);

struct Shrunk {
    Instance instance;
    Confirmation confirmation;
};

// Greedy shrinking (at most 40 rounds): the first smaller step that stays violated, repeated; it
// stops taking steps once out_of_time() (if given) says so (the search's deadline).
Shrunk shrink_confirmed(const SearchTarget& t, const Instance& found, const Confirmation& c, const Precision& p,
                        ConfirmCache& cache, const std::function<bool()>& out_of_time = {});

}  // namespace dmf::search_detail
