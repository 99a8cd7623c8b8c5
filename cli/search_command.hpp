// `dmf-oracle search CLAIM_ID | --all`: the targeted counterexample search (search/search.hpp).
#pragma once

#include "cli/output_options.hpp"

#include <optional>
#include <string>

namespace dmf::cli {

struct SearchCommandOptions {
    std::string claim;
    bool all = false;
    double time_budget_s = 30;
    std::uint64_t seed = 1;
    std::string corpus;  // default: $DMF_CORPUS, else ./corpus
    bool no_corpus = false;
    std::optional<long> max_candidates;
    bool quiet = false;
    int max_confirmed = 3;
    int workers = 1;
    bool timings = false;  // wall-clock fields in --json (off: equal runs give byte-identical JSON)
    OutputOptions out;
};

void add_search_command(CLI::App& app, SearchCommandOptions& o, CLI::App*& cmd);
int run_search(const SearchCommandOptions& o);

}  // namespace dmf::cli
