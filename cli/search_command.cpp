#include "cli/search_command.hpp"

#include "claims/registry.hpp"
#include "dmf/problem/corpus.hpp"
#include "search/mpi_search.hpp"
#include "search/search.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <iostream>

namespace dmf::cli {

using json = nlohmann::json;

void add_search_command(CLI::App& app, SearchCommandOptions& o, CLI::App*& cmd) {
    cmd = app.add_subcommand("search", "targeted counterexample search for one claim (or --all), confirmed at 2x/4x precision, shrunk, saved");
    cmd->add_option("claim", o.claim, "claim ID (see dmf-oracle claims); TEST.planted and TEST.true are the search's own test claims");
    cmd->add_flag("--all", o.all, "every registry claim, sharing the time budget");
    cmd->add_option("--time-budget-s", o.time_budget_s, "seconds (default 30)")->check(CLI::Range(0.0, 1e7));
    cmd->add_option("--seed", o.seed, "seed of the candidate sequence (default 1)");
    cmd->add_option("--corpus", o.corpus, "corpus directory (default: $DMF_CORPUS, else ./corpus)");
    cmd->add_flag("--no-corpus", o.no_corpus, "do not replay the corpus first; write only to an explicit --corpus");
    cmd->add_option("--max-candidates", o.max_candidates, "stop after this many candidates (deterministic runs)")
        ->check(CLI::Range(1L, 1L << 40));
    cmd->add_option("--max-confirmed", o.max_confirmed, "stop a claim after this many distinct confirmed counterexamples (default 3)")
        ->check(CLI::Range(1, 1 << 20));
    cmd->add_option("--workers", o.workers, "worker processes on disjoint deterministic streams (default 1; one per core)")
        ->check(CLI::Range(1, 256));
    cmd->add_flag("--timings", o.timings,
                  "add the wall-clock fields (seconds, first_found_s, first_confirmed_s) to --json; without them two runs "
                  "with the same seed, --max-candidates and workers (or mpirun ranks) print byte-identical JSON");
    cmd->add_flag("--quiet", o.quiet, "no progress lines on stderr");
    add_output_options(cmd, o.out);
    // The search works at 128 bits unless told otherwise (confirmations go to 2x and 4x).
}

namespace {

void render_search_text(const json& out) {
    std::cout << "search at " << out["precision_bits"] << " bits, seed " << out["seed"] << ", "
              << (out["corpus_replayed_first"].get<bool>() ? "corpus replayed first" : "from scratch (--no-corpus)") << "\n";
    for (const auto& r : out["claims"]) {
        const std::string note = r["note"];
        std::cout << r["claim"].get<std::string>() << ": " << r["candidates"] << " candidates"
                  << (r.contains("seconds") ? " in " + std::to_string(static_cast<int>(r["seconds"].get<double>() + 0.5)) + " s" : "")
                  << "; " << r["confirmed"].size() << " confirmed, "
                  << r["undecided"].size() << " undecided, " << r["duplicates"] << " duplicate finds; corpus: "
                  << r["replayed"] << " replayed, " << r["replay_still_refuted"] << " still refute"
                  << (note.empty() ? "" : "; " + note) << "\n";
        const json& files = r["confirmed_files"];
        const json& certs = r["confirmed_certificates"];
        for (size_t i = 0; i < r["confirmed"].size(); ++i)
            std::cout << "  confirmed: " << r["confirmed"][i].get<std::string>()
                      << (i < files.size() ? "\n    saved " + files[i].get<std::string>() : std::string())
                      << (i < certs.size() && certs[i].is_string() ? "\n    decided by: " + certs[i].get<std::string>()
                                                                    : std::string())
                      << "\n";
        for (size_t i = 0; i < r["undecided"].size() && i < 5; ++i)
            std::cout << "  undecided: " << r["undecided"][i].get<std::string>() << "\n";
    }
    if (!out["no_search_target"].empty()) {
        std::cout << "no search target yet (checked by their properties under `check`):";
        for (const auto& u : out["no_search_target"]) std::cout << " " << u.get<std::string>();
        std::cout << "\n";
    }
}

}  // namespace

int run_search(const SearchCommandOptions& o) {
    if (o.all == !o.claim.empty()) throw InputError("search: give one CLAIM_ID or --all");
    std::vector<const SearchTarget*> targets;
    std::vector<std::string> untargeted;
    if (o.all) {
        for (const auto& c : claim_registry()) {
            if (const auto* t = find_search_target(c.id)) targets.push_back(t);
            else untargeted.push_back(c.id);
        }
    } else {
        const auto* t = find_search_target(o.claim);
        if (!t) {
            if (find_claim(o.claim))
                throw InputError("search: claim '" + o.claim + "' has no search target yet (its properties run under `check`)");
            throw InputError("search: unknown claim ID '" + o.claim + "' (see dmf-oracle claims)");
        }
        targets.push_back(t);
    }
    SearchOptions so;
    so.seed = o.seed;
    so.precision = o.out.digits || o.out.bits ? numerics(o.out).precision : Precision::from_bits(128);
    so.corpus_dir = o.corpus.empty() ? (o.no_corpus ? std::string() : default_corpus_dir()) : o.corpus;
    so.use_corpus = !o.no_corpus;
    so.save = !so.corpus_dir.empty();
    so.max_candidates = o.max_candidates;
    so.progress = !o.quiet;
    so.max_confirmed = o.max_confirmed;
    so.workers = o.workers;
    // Under mpirun (and only there) the search spreads over the ranks; rank 0 prints the one report.
    const MpiWorld& mpi = mpi_world();
    const auto start = std::chrono::steady_clock::now();

    json rows = json::array();
    for (size_t k = 0; k < targets.size(); ++k) {
        const auto* t = targets[k];
        // Share what is left of the budget: a claim that stops early gives its time to the rest.
        const double used = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        so.time_budget_s = mpi_broadcast(std::max(0.0, o.time_budget_s - used) / static_cast<double>(targets.size() - k));
        const SearchReport r = search_claim_mpi(*t, so);
        // How each confirmed counterexample's verdict was decided, saved or not (--no-corpus): the
        // confirmation's own certificate, beside confirmed (a saved record carries the same one).
        json certificates = json::array();
        for (const auto& c : r.confirmed_certificates) certificates.push_back(c.empty() ? json(nullptr) : json(c));
        rows.push_back({{"claim", r.claim},
                        {"candidates", r.candidates},
                        {"replayed", r.replayed},
                        {"replay_still_refuted", r.replay_still_refuted},
                        {"confirmed", r.confirmed_cases},
                        {"confirmed_files", r.confirmed_files},
                        {"confirmed_certificates", certificates},
                        {"undecided", r.undecided_cases},
                        {"duplicates", r.duplicates},
                        {"best_score", r.best_score},
                        {"best_case", r.best_case},
                        {"candidate_digest", std::to_string(r.candidate_digest)},
                        {"cache_hits", r.cache_hits},
                        {"workers", r.workers},
                        {"ranks", r.ranks},
                        {"note", r.note}});
        if (o.timings || !o.out.json) {  // the text report prints the seconds
            auto opt = [](double s) { return s >= 0 ? json(s) : json(nullptr); };
            rows.back()["seconds"] = r.seconds;
            rows.back()["first_found_s"] = opt(r.first_found_s);
            rows.back()["first_confirmed_s"] = opt(r.first_confirmed_s);
        }
    }
    if (mpi.rank != 0) return 0;
    const json report{{"precision_bits", so.precision.bits()}, {"seed", o.seed}, {"corpus_replayed_first", so.use_corpus},
                      {"claims", rows}, {"no_search_target", untargeted}};
    print_report(report, o.out.json, render_search_text);
    return 0;
}

}  // namespace dmf::cli
