// The claim registry is the claim table (claims/claim_table.hpp): these are its older names,
// kept for callers that list claims (cli/search_command.cpp). New code uses claim_table().
#pragma once

#include "claims/claim_table.hpp"

namespace dmf {

inline const std::vector<ClaimDefinition>& claim_registry() { return claim_table(); }
inline const ClaimDefinition* find_claim(const std::string& id) { return find_claim_definition(id); }

}  // namespace dmf
