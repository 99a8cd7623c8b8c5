// Small helpers every part of the search shares: the FNV-1a hash that names and digests cases
// (by their exact JSON, so the digest and file names depend only on the numbers) and the one-line
// description of a case printed in reports and debug output.
#pragma once

#include "dmf/problem/instance.hpp"

#include <cstdint>
#include <string>

namespace dmf::search_detail {

inline constexpr std::uint64_t fnv1a_basis = 1469598103934665603ULL;

std::uint64_t fnv1a(const std::string& s, std::uint64_t h = fnv1a_basis);

// "L=.. dims=[..] lambda=[..] y=[..]" with 12 significant digits (the target's diagonal only).
std::string describe(const Instance& inst);

}  // namespace dmf::search_detail
