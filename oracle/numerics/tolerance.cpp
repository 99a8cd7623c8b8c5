#include "dmf/numerics/tolerance.hpp"

#include <sstream>

namespace dmf::inline numerics {

Real eps_distance(const Real& a, const Real& b, const Precision& p) {
    PrecisionGuard guard(p);
    Real scale = abs(rounded(a, p));
    const Real bb = abs(rounded(b, p));
    if (bb > scale) scale = bb;
    return eps_distance(a, b, p, scale);
}

Real eps_distance(const Real& a, const Real& b, const Precision& p, const Real& scale) {
    PrecisionGuard guard(p);
    const Real diff = abs(rounded(a, p) - rounded(b, p));
    if (diff == 0) return Real(0);
    const Real unit = epsilon(p) * rounded(scale, p);
    if (unit == 0) {
        Real inf;
        mpfr_set_inf(inf.backend().data(), 1);
        return inf;
    }
    return diff / unit;
}

namespace {
EpsComparison finish(const Real& computed, const Real& expected, double max_eps, const Precision& p, Real dist) {
    EpsComparison c;
    c.distance = dist;
    c.ok = dist <= max_eps;
    const int digits = static_cast<int>(p.bits() * 0.30103) + 2;
    std::ostringstream ss;
    ss << "computed " << to_string(computed, digits) << "\n  expected " << to_string(expected, digits)
       << "\n  distance " << to_string(dist, 6) << " eps (allowed " << max_eps << " eps at " << p.bits()
       << " bits)";
    c.message = ss.str();
    return c;
}
}  // namespace

EpsComparison compare_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p) {
    return finish(computed, expected, max_eps, p, eps_distance(computed, expected, p));
}

EpsComparison compare_eps(const Real& computed, const Real& expected, double max_eps, const Precision& p,
                          const Real& scale) {
    return finish(computed, expected, max_eps, p, eps_distance(computed, expected, p, scale));
}

void ErrorReport::add(const Real& error_eps, const std::string& input) {
    ++count_;
    const double e = error_eps.convert_to<double>();
    if (count_ == 1 || e > max_eps_) {
        max_eps_ = e;
        worst_input_ = input;
    }
}

void ErrorReport::merge(const ErrorReport& other) {
    if (other.count_ == 0) return;
    if (count_ == 0 || other.max_eps_ > max_eps_) {
        max_eps_ = other.max_eps_;
        worst_input_ = other.worst_input_;
    }
    count_ += other.count_;
}

std::string ErrorReport::summary() const {
    std::ostringstream ss;
    ss << "max error " << max_eps_ << " eps over " << count_ << " values";
    if (!worst_input_.empty()) ss << "; worst at: " << worst_input_;
    return ss.str();
}

}  // namespace dmf::numerics
