// Eigen on dmf::Real. We do not include boost/multiprecision/eigen.hpp: in
// Boost 1.74 its NumTraits has no infinity()/quiet_NaN() (Eigen 3.4's
// SelfAdjointEigenSolver needs them) and its lowest() returns the smallest
// positive number. Every member here reads the *current* default precision, so
// call Eigen only under a PrecisionGuard.
#pragma once

#include "dmf/numerics/precision.hpp"

#include <Eigen/Core>

#include <limits>

namespace Eigen {

template <>
struct NumTraits<dmf::Real> : GenericNumTraits<dmf::Real> {
    using Real = dmf::Real;
    using NonInteger = dmf::Real;
    using Nested = dmf::Real;
    using Literal = double;  // Eigen's own literals (0.5, 2, ...) are exact in double.

    enum {
        IsComplex = 0,
        IsInteger = 0,
        IsSigned = 1,
        RequireInitialization = 1,
        ReadCost = 1,
        AddCost = 4,
        MulCost = 8,
    };

    static unsigned current_bits() {
        return dmf::Precision::from_digits10(dmf::Real::default_precision()).bits();
    }
    static Real epsilon() {
        Real e;
        mpfr_set_si_2exp(e.backend().data(), 1, 1 - static_cast<long>(current_bits()), MPFR_RNDN);
        return e;
    }
    static Real dummy_precision() { return epsilon() * 1024; }
    static Real highest() {
        Real x;
        mpfr_set_inf(x.backend().data(), 1);
        mpfr_nextbelow(x.backend().data());
        return x;
    }
    static Real lowest() { return -highest(); }
    static Real infinity() {
        Real x;
        mpfr_set_inf(x.backend().data(), 1);
        return x;
    }
    static Real quiet_NaN() {
        Real x;
        mpfr_set_nan(x.backend().data());
        return x;
    }
    static int digits10() { return static_cast<int>(dmf::Real::default_precision()); }
    static int digits() { return static_cast<int>(current_bits()); }
    static int min_exponent() { return static_cast<int>(mpfr_get_emin()); }
    static int max_exponent() { return static_cast<int>(mpfr_get_emax()); }
};

#define DMF_EIGEN_MIXED_SCALAR(A)                                   \
    template <typename BinaryOp>                                   \
    struct ScalarBinaryOpTraits<dmf::Real, A, BinaryOp> {          \
        using ReturnType = dmf::Real;                              \
    };                                                             \
    template <typename BinaryOp>                                   \
    struct ScalarBinaryOpTraits<A, dmf::Real, BinaryOp> {          \
        using ReturnType = dmf::Real;                              \
    };
DMF_EIGEN_MIXED_SCALAR(int)
DMF_EIGEN_MIXED_SCALAR(long)
DMF_EIGEN_MIXED_SCALAR(double)
#undef DMF_EIGEN_MIXED_SCALAR

}  // namespace Eigen
