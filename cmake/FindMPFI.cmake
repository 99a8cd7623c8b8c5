# FindMPFI: the MPFI interval library (mpfi.h, libmpfi), which ships no CMake
# or pkg-config file. Installed next to dmf_oracleConfig.cmake, which uses it.
#
#   MPFI::MPFI          imported target (headers and library)
#   MPFI_FOUND, MPFI_INCLUDE_DIR, MPFI_LIBRARY
#
# MPFI sits on MPFR and GMP; link those too (dmf::oracle does).

find_path(MPFI_INCLUDE_DIR mpfi.h)
find_library(MPFI_LIBRARY mpfi)

include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(MPFI REQUIRED_VARS MPFI_LIBRARY MPFI_INCLUDE_DIR)

if(MPFI_FOUND AND NOT TARGET MPFI::MPFI)
  add_library(MPFI::MPFI UNKNOWN IMPORTED)
  set_target_properties(MPFI::MPFI PROPERTIES
    IMPORTED_LOCATION "${MPFI_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${MPFI_INCLUDE_DIR}")
endif()
mark_as_advanced(MPFI_INCLUDE_DIR MPFI_LIBRARY)
