// Tolerances in units of epsilon, and a max-error / worst-input report in the
// manner of Boost.Math's handle_test_result.hpp.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <string>

namespace dmf::inline numerics {

// |a - b| / (eps(p) * scale). `scale` is the magnitude the error is relative to:
// max(|a|, |b|) by default; pass the conditioning scale (e.g. the size of the
// terms that cancelled) where a relative error would be meaningless.
Real eps_distance(const Real& a, const Real& b, const Precision& p);
Real eps_distance(const Real& a, const Real& b, const Precision& p, const Real& scale);

struct EpsComparison {
    bool ok = false;
    Real distance;       // in eps units
    std::string message; // both values with all their digits and the distance
};

EpsComparison compare_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p);
EpsComparison compare_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p,
                          const Real& scale);

// Accumulates errors (in eps units) and remembers the worst input.
class ErrorReport {
public:
    void add(const Real& error_eps, const std::string& input);
    void merge(const ErrorReport& other);
    long long count() const { return count_; }
    double max_error_eps() const { return max_eps_; }
    const std::string& worst_input() const { return worst_input_; }
    std::string summary() const;  // "max error 3.2 eps over 40 values; worst at: ..."

private:
    long long count_ = 0;
    double max_eps_ = 0;
    std::string worst_input_;
};

}  // namespace dmf::numerics
