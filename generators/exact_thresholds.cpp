#include "generators/exact_thresholds.hpp"

#include <stdexcept>

namespace dmf::gen {

bool has_exact_thresholds(int L) { return L >= 3 && ((L - 2) & (L - 3)) == 0; }

namespace {
void require_exact(int L) {
    if (!has_exact_thresholds(L))
        throw std::invalid_argument("exact thresholds need L >= 3 with L - 2 a power of two, got L = " + std::to_string(L));
}
}  // namespace

ExactAnchor exact_y_bar(int L, const Real& t, const Precision& p) {
    require_exact(L);
    PrecisionGuard g(p);
    return {Real(pow(t, 2 * L - 2) * L / (L - 2)), Real(pow(t, L) * (2 * (L - 1)) / (L - 2)), t};
}

ExactAnchor exact_tie(int L, const Real& t, const Precision& p) {
    require_exact(L);
    PrecisionGuard g(p);
    return {Real(pow(t, 2 * L - 2) / (L - 2)), Real(pow(t, L) * (L - 1) / (L - 2)), t};
}

}  // namespace dmf::gen
