// Stored counterexamples (corpus/): one JSON file per case, exact decimal
// strings, enough to replay. Files are written atomically (temporary file in
// the same directory, fsync, rename), so a run killed at any moment leaves
// every saved file whole.
#pragma once

#include "dmf/problem/instance.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dmf::inline problem {

struct Counterexample {
    std::string claim;              // e.g. "KP.T6"
    unsigned precision_bits = 0;    // where the violation was confirmed
    std::vector<unsigned> confirmed_at_bits;
    nlohmann::json instance;        // instance JSON (exact strings)
    nlohmann::json point;           // point JSON or null
    nlohmann::json parameters;      // claim-specific inputs (e.g. {"m": "..."}), or null
    std::string quantity;           // what was compared
    std::string printed;            // the printed formula's value, all digits
    std::string computed;           // the independent value, all digits
    std::string violation_eps;      // |printed - computed| in eps units at precision_bits
    std::string notes;
    // How the confirmed verdict was decided ("exact", "enclosure at B bits", "undecided: <reason>");
    // optional in the file (written when set; older records have none).
    std::string certificate;
};

nlohmann::json to_json(const Counterexample& c);
Counterexample counterexample_from_json(const nlohmann::json& j);  // throws InputError naming the field

// Atomic: never leaves a partial file at `path`.
void write_file_atomically(const std::string& path, const std::string& contents);
void save_counterexample(const std::string& path, const Counterexample& c);
Counterexample load_counterexample(const std::string& path);

// The corpus directory when no --corpus is given: $DMF_CORPUS if set, else ./corpus
// (relative to the working directory; ./dmf sets DMF_CORPUS to the checkout's corpus/).
std::string default_corpus_dir();

}  // namespace dmf::problem
