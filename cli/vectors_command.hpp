// `dmf-oracle vectors`: test vectors for other implementations, one JSON line per instance
// (docs/schemas/vectors.schema.json). Instances and points are drawn by generators/vector_cases.hpp
// (or read with --instance / --at); the numbers come from dmf/landscape/test_vectors.hpp; this file
// only parses options, renders each record and writes the file (lines flushed to FILE.partial,
// renamed to FILE when complete, so a killed run leaves FILE as it was and keeps the finished lines).
// Its options live in vectors_command.cpp, so that registering it is one line in commands.cpp.
#pragma once

#include <CLI/CLI.hpp>

namespace dmf::cli {

void add_vectors_command(CLI::App& app);
bool vectors_parsed();
int run_vectors();

}  // namespace dmf::cli
