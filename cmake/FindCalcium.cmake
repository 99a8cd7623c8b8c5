# FindCalcium: Calcium (exact real and complex numbers: qqbar, ca) with the FLINT and Arb
# libraries it sits on (Debian: libcalcium-dev, libflint-arb-dev, libflint-dev). They ship
# no CMake file; installed next to dmf_oracleConfig.cmake, which uses it.
#
#   Calcium::Calcium    imported target (calcium + flint-arb + flint, headers and libraries)
#   Calcium_FOUND, CALCIUM_INCLUDE_DIR, CALCIUM_LIBRARY, ARB_LIBRARY, FLINT_LIBRARY

find_path(CALCIUM_INCLUDE_DIR calcium/qqbar.h)
find_path(FLINT_INCLUDE_DIR flint/fmpq_mat.h)
find_library(CALCIUM_LIBRARY calcium)
find_library(ARB_LIBRARY NAMES flint-arb arb)
find_library(FLINT_LIBRARY flint)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(Calcium REQUIRED_VARS CALCIUM_LIBRARY ARB_LIBRARY FLINT_LIBRARY
                                  CALCIUM_INCLUDE_DIR FLINT_INCLUDE_DIR)

if(Calcium_FOUND AND NOT TARGET Calcium::Calcium)
  add_library(Calcium::Calcium UNKNOWN IMPORTED)
  # calcium/*.h include <flint/...> and Arb's headers by their bare names (arb.h in the
  # include root on Debian, or under flint/ elsewhere).
  set_target_properties(Calcium::Calcium PROPERTIES
    IMPORTED_LOCATION "${CALCIUM_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${CALCIUM_INCLUDE_DIR};${FLINT_INCLUDE_DIR};${FLINT_INCLUDE_DIR}/flint"
    INTERFACE_LINK_LIBRARIES "${ARB_LIBRARY};${FLINT_LIBRARY}")
endif()
mark_as_advanced(CALCIUM_INCLUDE_DIR FLINT_INCLUDE_DIR CALCIUM_LIBRARY ARB_LIBRARY FLINT_LIBRARY)
