// Reading other people's files within the caps of dmf/numerics/input_limits.hpp: the size of a
// file is checked before it is read, and JSON nesting while it is parsed.
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace dmf::inline problem {

// InputError when the file is larger than InputLimits::max_file_bytes.
void check_file_size(const std::string& path);

// Plain JSON (numbers as nlohmann reads them) within the nesting cap; InputError on malformed or
// too deeply nested text. For the files that are not instances or points (corpus files, the
// .safetensors header); instances and points use parse_json_exact, which has the same cap.
nlohmann::json parse_json_capped(const std::string& text);

}  // namespace dmf::problem
