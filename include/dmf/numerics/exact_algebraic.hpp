// Exact real algebraic arithmetic for the decisions no precision can make (issue 15 item 4):
// whether a singular value of a rational matrix equals a threshold t with t^k = R rational,
// whether two singular values are equal, whether one is zero. sigma_i^2 are the roots of the
// rational characteristic polynomial of the smaller Gram matrix (Y Y^T or Y^T Y); they are
// represented exactly (Calcium's qqbar: minimal polynomial and an isolating ball), so equality
// and order are decidable. Calcium stays inside oracle/numerics/exact_algebraic.cpp.
#pragma once

#include "dmf/numerics/interval.hpp"

#include <memory>
#include <string_view>
#include <vector>

namespace dmf::inline numerics {

// The exact value of a decimal ("-12", "0.5", "2.7e-70", "1E+3"); throws std::invalid_argument.
Rational parse_rational(std::string_view decimal);

using RationalMatrix = std::vector<std::vector<Rational>>;  // rows

class ExactSingularValues {
public:
    // The min(rows, cols) singular values of y, descending, with multiplicity.
    explicit ExactSingularValues(const RationalMatrix& y);
    ExactSingularValues(ExactSingularValues&&) noexcept;
    ExactSingularValues& operator=(ExactSingularValues&&) noexcept;
    ~ExactSingularValues();

    int size() const;
    // sign(sigma_i - t) for the positive real t with t^k = R (k >= 1, R > 0), decided exactly.
    int compare_with_root(int i, unsigned k, const Rational& R) const;
    bool equal(int i, int j) const;  // sigma_i = sigma_j exactly
    bool is_zero(int i) const;
    // A certified enclosure of sigma_i, about p bits wide relative.
    Interval enclosure(int i, const Precision& p) const;
    // Degree of the minimal polynomial of sigma_i^2 (1: rational).
    int degree(int i) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// A certified enclosure of the positive t with t^k = R (R > 0).
Interval positive_root_enclosure(unsigned k, const Rational& R, const Precision& p);

}  // namespace dmf::numerics
