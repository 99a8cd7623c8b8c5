// Reading and writing instances and points as JSON.
//   instance: {"L": int, "dims": [d0..dL], "lambda": number | [l_1..l_L],
//              "convention": "cjw" | "kp", "target": [[...], ...]}
//   point:    {"weights": [W_1, ..., W_L]}, each a list of rows.
// Numbers may be JSON numbers or decimal strings. Both are read from their
// decimal text, correctly rounded at the working precision, never via double.
#pragma once

#include "dmf/problem/instance.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace dmf::inline problem {

// Parses JSON text keeping every number's decimal lexeme (floats become strings).
// Throws InputError with the parser's position on malformed JSON.
nlohmann::json parse_json_exact(const std::string& text);

// Throws InputError naming the field for every defect (see validate()).
Instance instance_from_json(const nlohmann::json& j, const Precision& p);
Weights point_from_json(const nlohmann::json& j, const Instance& inst, const Precision& p);

// The same instance with its numbers at precision q, from the input as written when the instance
// still holds exactly the values read (its exact_source rounded at its own precision), else by
// rounding its current values (generated instances are binary numbers: exact at more bits).
Instance at_precision(const Instance& inst, const Precision& q);

// Exact decimal strings: reading them back at the same precision is lossless.
nlohmann::json instance_to_json(const Instance& inst);
nlohmann::json point_to_json(const Weights& w);
nlohmann::json matrix_to_json(const Matrix& m);

// Reads a file; InputError names the path when it cannot be read.
std::string read_text_file(const std::string& path);
Instance load_instance(const std::string& path, const Precision& p);
Weights load_point(const std::string& path, const Instance& inst, const Precision& p);

}  // namespace dmf::problem
