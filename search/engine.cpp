// The search loop for one claim (search.hpp's steps 1-4): replay the corpus, then draw candidates
// (samples or hill-climbing steps), confirm each violation, shrink it and save it atomically.
#include "search/search.hpp"

#include "search/case_text.hpp"
#include "search/confirm.hpp"
#include "search/sampler.hpp"
#include "search/shrink.hpp"

#include "claims/replay.hpp"
#include "dmf/landscape/landscape.hpp"
#include "dmf/problem/corpus.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/numerics/random.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace dmf {

namespace {

namespace fs = std::filesystem;
using namespace search_detail;

// 1. The corpus first: replay t's stored cases (counted in rep) and return the first one, at p, as
// the hill-climb's starting point.
std::optional<Instance> replay_corpus(const SearchTarget& t, const SearchOptions& o, SearchReport& rep) {
    std::optional<Instance> first;
    if (!o.use_corpus || o.corpus_dir.empty() || !fs::exists(o.corpus_dir)) return first;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(o.corpus_dir))
        if (e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        Counterexample c;
        try {
            c = load_counterexample(f.string());
        } catch (const std::exception&) {
            continue;  // another tool's file
        }
        if (c.claim != t.claim) continue;
        ++rep.replayed;
        CheckResult r = t.test_only ? recheck_stored(t, c.instance, c.precision_bits) : replay_counterexample(c).printed;
        if (r.verdict == Verdict::violated) ++rep.replay_still_refuted;
        const Precision cp = Precision::from_bits(c.precision_bits);
        if (!first) first = at_precision(instance_from_json(parse_json_exact(c.instance.dump()), cp), o.precision);
    }
    return first;
}

}  // namespace

SearchReport search_claim(const SearchTarget& t, const SearchOptions& o) {
    SearchReport rep;
    rep.claim = t.claim;
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    const Precision& p = o.precision;
    Rng rng(o.seed ^ fnv1a(t.claim));
    Sampler sampler{t, rng, p};
    std::optional<Instance> best = replay_corpus(t, o, rep);
    double best_score = best ? 0 : -1;

    std::vector<std::uint64_t> seen_confirmed, seen_shrunk;
    double last_progress = 0;
    while (true) {
        if (o.max_candidates ? rep.candidates >= *o.max_candidates : elapsed() >= o.time_budget_s) break;
        if (static_cast<int>(rep.confirmed_cases.size()) >= o.max_confirmed) {
            rep.note = "stopped after " + std::to_string(o.max_confirmed) + " distinct confirmed counterexamples";
            break;
        }
        // 2. Draw: structured/random samples, or a hill-climbing step from the best case.
        const int mode = static_cast<int>(rng.next_u64() % 10);
        Instance cand = (best && mode >= 6) ? sampler.mutate(*best) : sampler.sample();
        try {
            validate(cand);
        } catch (const std::exception&) {
            continue;
        }
        const std::string text = instance_to_json(cand).dump();
        rep.candidate_digest = fnv1a(text, rep.candidate_digest ? rep.candidate_digest : fnv1a_basis);
        ++rep.candidates;
        // 3. Confirm.
        Confirmation c;
        const double t0 = elapsed();
        try {
            c = confirm(t, cand, p);
        } catch (const InputError&) {
            continue;  // e.g. a sample outside the claim's domain
        }
        if (std::getenv("DMF_SEARCH_DEBUG"))
            std::cerr << "candidate " << describe(cand) << ": " << to_string(c.verdict) << " in " << elapsed() - t0 << " s\n";
        const double score = std::log2(1 + std::min(c.first.error_eps, 1e12)) + proximity(t, cand, p);
        // Ties move the climb (plateau moves): a claim checked by a verdict, not a distance, scores only
        // its proximity to a threshold, and a climb stuck on the first case on a threshold stops exploring.
        if (score >= best_score) best_score = score, best = cand, rep.best_case = describe(cand);
        if (c.verdict == Verdict::undecided && c.first.verdict == Verdict::violated)
            rep.undecided_cases.push_back(describe(cand) + " (violated at " + std::to_string(p.bits()) +
                                          " bits, not confirmed at higher precision)");
        if (c.verdict == Verdict::violated) {
            const std::uint64_t h = fnv1a(text);
            if (std::find(seen_confirmed.begin(), seen_confirmed.end(), h) == seen_confirmed.end()) {
                seen_confirmed.push_back(h);
                // 4. Save at once (atomically), then shrink and replace the file with the smaller case.
                std::string path;
                auto file_for = [&](const Instance& x) {
                    std::ostringstream name;
                    name << t.claim << "-search-" << std::hex << std::setw(16) << std::setfill('0')
                         << fnv1a(instance_to_json(x).dump()) << std::dec << "-" << p.bits() << "bits.json";
                    return (fs::path(o.corpus_dir) / name.str()).string();
                };
                if (o.save && !o.corpus_dir.empty()) {
                    fs::create_directories(o.corpus_dir);
                    path = file_for(cand);
                    save_counterexample(path, make_record(t, cand, c, p));
                }
                const Shrunk shrunk_case = shrink_confirmed(t, cand, c, p);
                const Instance& small = shrunk_case.instance;
                const Confirmation& sc = shrunk_case.confirmation;
                // Distinct finds that shrink to the same case are one counterexample.
                const std::uint64_t hs = fnv1a(instance_to_json(small).dump());
                const bool duplicate = std::find(seen_shrunk.begin(), seen_shrunk.end(), hs) != seen_shrunk.end();
                seen_shrunk.push_back(hs);
                if (o.save && !o.corpus_dir.empty()) {
                    const std::string shrunk = file_for(small);
                    if (shrunk != path) {
                        if (!duplicate) save_counterexample(shrunk, make_record(t, small, sc, p));
                        fs::remove(path);
                        path = shrunk;
                    }
                    if (!duplicate) rep.confirmed_files.push_back(path);
                }
                if (duplicate) {
                    ++rep.duplicates;
                    continue;
                }
                rep.confirmed_cases.push_back(describe(small) + ": printed " + sc.first.printed.substr(0, 120) +
                                              "; computed " + sc.first.computed.substr(0, 120));
            }
        }
        if (o.progress && elapsed() - last_progress >= 2) {
            last_progress = elapsed();
            std::cerr << "[search " << t.claim << "] " << std::fixed << std::setprecision(1) << elapsed() << " s, "
                      << rep.candidates << " candidates, " << rep.confirmed_cases.size() << " confirmed, "
                      << rep.undecided_cases.size() << " undecided, best score " << std::setprecision(3) << best_score
                      << "\n";
        }
    }
    rep.best_score = best_score;
    rep.seconds = elapsed();
    return rep;
}

}  // namespace dmf
