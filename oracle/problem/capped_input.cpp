#include "dmf/problem/capped_input.hpp"

#include "dmf/numerics/input_limits.hpp"
#include "dmf/problem/instance.hpp"

#include <filesystem>

namespace dmf::inline problem {

using json = nlohmann::json;

void check_file_size(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > InputLimits::max_file_bytes)
        throw InputError("'" + path + "' has " + std::to_string(size) + " bytes, more than the limit of " +
                         std::to_string(InputLimits::max_file_bytes));
}

json parse_json_capped(const std::string& text) {
    const json::parser_callback_t cap = [](int depth, json::parse_event_t, json&) {
        if (depth > InputLimits::max_json_depth)
            throw InputError("JSON nested deeper than the limit of " + std::to_string(InputLimits::max_json_depth) +
                             " arrays and objects");
        return true;
    };
    try {
        return json::parse(text, cap);
    } catch (const json::exception& e) {
        throw InputError(std::string("malformed JSON: ") + e.what());
    }
}

}  // namespace dmf::problem
