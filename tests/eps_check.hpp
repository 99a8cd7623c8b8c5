// doctest::Approx is double-only. DMF_CHECK_EPS compares two Reals in units of
// epsilon at a stated precision and prints both with all their digits.
#pragma once

#include "dmf/numerics/tolerance.hpp"

#include <doctest/doctest.h>

#define DMF_CHECK_EPS(computed, expected, max_eps, prec)                                      \
    do {                                                                                      \
        const auto dmf_cmp_ = ::dmf::compare_eps((computed), (expected), (max_eps), (prec));  \
        CHECK_MESSAGE(dmf_cmp_.ok, #computed " vs " #expected ":\n  " << dmf_cmp_.message);   \
    } while (0)

#define DMF_CHECK_EPS_SCALED(computed, expected, max_eps, prec, scale)                                 \
    do {                                                                                               \
        const auto dmf_cmp_ = ::dmf::compare_eps((computed), (expected), (max_eps), (prec), (scale));  \
        CHECK_MESSAGE(dmf_cmp_.ok, #computed " vs " #expected ":\n  " << dmf_cmp_.message);            \
    } while (0)
