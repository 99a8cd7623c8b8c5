// The search loop for one claim (search.hpp's steps 1-4): replay the corpus, then draw candidates
// (samples or hill-climbing steps), confirm each violation, shrink it and save it atomically; with
// --workers K, K forked worker processes run the loop on disjoint streams and the parent merges.
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

#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <new>
#include <sstream>
#include <stdexcept>

namespace dmf {

namespace {

namespace fs = std::filesystem;
using namespace search_detail;
using Clock = std::chrono::steady_clock;

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

// The shrunk cases found so far, shared by every worker (an anonymous shared mapping made before
// fork(), so worker processes see one table): a case shrunk to by two workers is saved once.
struct SharedFinds {
    static constexpr int capacity = 1 << 14;
    std::atomic<int> lock{0};
    std::atomic<int> distinct{0};
    int n = 0;
    std::uint64_t hashes[capacity];

    // True if h is new (and now recorded).
    bool claim(std::uint64_t h) {
        int unlocked = 0;
        while (!lock.compare_exchange_weak(unlocked, 1, std::memory_order_acquire)) unlocked = 0;
        bool fresh = std::find(hashes, hashes + n, h) == hashes + n;
        if (fresh && n < capacity) hashes[n++] = h;
        lock.store(0, std::memory_order_release);
        if (fresh) distinct.fetch_add(1);
        return fresh;
    }
};
static_assert(std::atomic<int>::is_always_lock_free, "the shared table's atomics must work across processes");

struct SharedMapping {
    SharedFinds* finds;
    SharedMapping() {
        void* m = mmap(nullptr, sizeof(SharedFinds), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
        if (m == MAP_FAILED) throw std::runtime_error("search: cannot map the workers' shared table");
        finds = new (m) SharedFinds();
    }
    ~SharedMapping() { munmap(finds, sizeof(SharedFinds)); }
    SharedMapping(const SharedMapping&) = delete;
    SharedMapping& operator=(const SharedMapping&) = delete;
};

// One worker's results (serialised as JSON from a worker process to the parent).
struct Found {
    std::uint64_t hash = 0;  // of the shrunk case's JSON
    std::string text, file;
    std::string certificate;  // how the shrunk case's verdict was decided (its confirmation's)
};
struct WorkerOut {
    long candidates = 0;
    std::uint64_t digest = 0;
    int duplicates = 0;
    std::vector<Found> confirmed;
    std::vector<std::string> undecided;
    double best_score = -1;
    std::string best_case;
    double first_confirmed_s = -1, first_found_s = -1;
    long cache_hits = 0;
    std::string note;
};

nlohmann::json to_json(const WorkerOut& w) {
    nlohmann::json c = nlohmann::json::array();
    for (const auto& f : w.confirmed) c.push_back({{"hash", f.hash}, {"text", f.text}, {"file", f.file}, {"certificate", f.certificate}});
    return {{"candidates", w.candidates}, {"digest", w.digest}, {"duplicates", w.duplicates}, {"confirmed", c},
            {"undecided", w.undecided}, {"best_score", w.best_score}, {"best_case", w.best_case},
            {"first_confirmed_s", w.first_confirmed_s}, {"first_found_s", w.first_found_s}, {"cache_hits", w.cache_hits},
            {"note", w.note}};
}

WorkerOut worker_from_json(const nlohmann::json& j) {
    if (j.contains("error")) throw std::runtime_error("search worker: " + j["error"].get<std::string>());
    WorkerOut w;
    w.candidates = j["candidates"], w.digest = j["digest"], w.duplicates = j["duplicates"];
    for (const auto& f : j["confirmed"]) w.confirmed.push_back({f["hash"], f["text"], f["file"], f["certificate"]});
    w.undecided = j["undecided"].get<std::vector<std::string>>();
    w.best_score = j["best_score"], w.best_case = j["best_case"], w.first_confirmed_s = j["first_confirmed_s"];
    w.first_found_s = j["first_found_s"];
    w.cache_hits = j["cache_hits"], w.note = j["note"];
    return w;
}

// 2-4 for worker w of K: its own stream (stream_first + w of the run's stream_total), its share of
// max_candidates, the common deadline.
WorkerOut run_worker(const SearchTarget& t, const SearchOptions& o, int w, int K, std::optional<Instance> best,
                     Clock::time_point start, SharedFinds& shared) {
    WorkerOut out;
    auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
    const Precision& p = o.precision;
    const std::uint64_t base = o.seed ^ fnv1a(t.claim);
    const int s = o.stream_first + w, S = o.stream_total ? o.stream_total : K;
    Rng rng(s == 0 ? base : fnv1a("worker " + std::to_string(s), base));  // stream 0: the single-worker stream
    Sampler sampler(t, rng, p);
    ConfirmCache cache(t);
    std::optional<long> quota;
    if (o.max_candidates) quota = *o.max_candidates / S + (s < *o.max_candidates % S ? 1 : 0);
    double best_score = best ? 0 : -1;
    const std::string who = K > 1 ? " worker " + std::to_string(w) : "";

    std::vector<std::uint64_t> seen_confirmed;
    double last_progress = 0;
    while (true) {
        if (quota ? out.candidates >= *quota : elapsed() >= o.time_budget_s) break;
        if (o.peers)
            for (std::uint64_t h : o.peers->heard()) shared.claim(h);
        if (shared.distinct.load() >= o.max_confirmed) {
            out.note = "stopped after " + std::to_string(o.max_confirmed) + " distinct confirmed counterexamples";
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
        out.digest = fnv1a(text, out.digest ? out.digest : fnv1a_basis);
        ++out.candidates;
        // 3. Confirm (a case already checked is not recomputed).
        Confirmation c;
        const double t0 = elapsed();
        try {
            c = cache(cand, p);
        } catch (const InputError&) {
            continue;  // e.g. a sample outside the claim's domain
        }
        if (std::getenv("DMF_SEARCH_DEBUG"))
            std::cerr << "candidate" << who << " " << describe(cand) << ": " << to_string(c.verdict) << " in "
                      << elapsed() - t0 << " s\n";
        const double score = std::log2(1 + std::min(c.first.error_eps, 1e12)) + proximity(t, cand, p);
        // Ties move the climb (plateau moves): a claim checked by a verdict, not a distance, scores only
        // its proximity to a threshold, and a climb stuck on the first case on a threshold stops exploring.
        if (score >= best_score) best_score = score, best = cand, out.best_case = describe(cand);
        if (c.verdict == Verdict::undecided && c.first.verdict == Verdict::violated)
            out.undecided.push_back(describe(cand) + " (violated at " + std::to_string(p.bits()) +
                                    " bits, not confirmed at higher precision)");
        if (c.verdict == Verdict::violated) {
            const std::uint64_t h = fnv1a(text);
            if (std::find(seen_confirmed.begin(), seen_confirmed.end(), h) == seen_confirmed.end()) {
                seen_confirmed.push_back(h);
                // 4. Save at once (atomically), then shrink and replace the file with the smaller case.
                const bool save = o.save && !o.corpus_dir.empty();
                std::string path;
                auto file_for = [&](std::uint64_t hash) {
                    std::ostringstream name;
                    name << t.claim << "-search-" << std::hex << std::setw(16) << std::setfill('0') << hash << std::dec
                         << "-" << p.bits() << "bits.json";
                    return (fs::path(o.corpus_dir) / name.str()).string();
                };
                if (save) {
                    fs::create_directories(o.corpus_dir);
                    path = file_for(h);
                    save_counterexample(path, make_record(t, cand, c, p));
                }
                if (out.first_found_s < 0) out.first_found_s = elapsed();
                // A budget-limited run stops shrinking at the deadline (a --max-candidates run never does:
                // its result must not depend on timing).
                const Shrunk shrunk_case = shrink_confirmed(t, cand, c, p, cache, [&] { return !quota && elapsed() >= o.time_budget_s; });
                const Instance& small = shrunk_case.instance;
                const Confirmation& sc = shrunk_case.confirmation;
                // Distinct finds that shrink to the same case (in any worker) are one counterexample.
                const std::uint64_t hs = fnv1a(instance_to_json(small).dump());
                const bool duplicate = !shared.claim(hs);
                if (!duplicate && o.peers) o.peers->announce(hs);
                if (save) {
                    const std::string shrunk = file_for(hs);
                    if (shrunk != path) {
                        if (!duplicate) save_counterexample(shrunk, make_record(t, small, sc, p));
                        fs::remove(path);
                        path = shrunk;
                    }
                }
                if (duplicate) {
                    ++out.duplicates;
                    continue;
                }
                out.confirmed.push_back({hs, describe(small) + ": printed " + sc.first.printed.substr(0, 120) +
                                                 "; computed " + sc.first.computed.substr(0, 120),
                                         path, sc.certificate});
                if (out.first_confirmed_s < 0) out.first_confirmed_s = elapsed();
            }
        }
        if (o.progress && elapsed() - last_progress >= 2) {
            last_progress = elapsed();
            std::cerr << "[search " << t.claim << who << "] " << std::fixed << std::setprecision(1) << elapsed() << " s, "
                      << out.candidates << " candidates, " << out.confirmed.size() << " confirmed, "
                      << out.undecided.size() << " undecided, best score " << std::setprecision(3) << best_score << "\n";
        }
    }
    out.best_score = best_score;
    out.cache_hits = cache.hits;
    return out;
}

// Worker w in a forked process; its results come back as JSON on a pipe.
struct Child {
    pid_t pid = -1;
    int fd = -1;
};

Child spawn_worker(const SearchTarget& t, const SearchOptions& o, int w, int K, const std::optional<Instance>& best,
                   Clock::time_point start, SharedFinds& shared) {
    int fds[2];
    if (pipe(fds) != 0) throw std::runtime_error("search: pipe() failed");
    std::cout.flush(), std::cerr.flush();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("search: fork() failed");
    if (pid == 0) {
        close(fds[0]);
        prctl(PR_SET_PDEATHSIG, SIGKILL);  // a killed search leaves no workers behind
        std::string msg;
        try {
            msg = to_json(run_worker(t, o, w, K, best, start, shared)).dump();
        } catch (const std::exception& e) {
            msg = nlohmann::json{{"error", e.what()}}.dump();
        }
        for (size_t done = 0; done < msg.size();) {
            const ssize_t n = write(fds[1], msg.data() + done, msg.size() - done);
            if (n <= 0) break;
            done += static_cast<size_t>(n);
        }
        close(fds[1]);
        std::cerr.flush();
        _exit(0);  // no atexit handlers, no second flush of the parent's buffers
    }
    close(fds[1]);
    return {pid, fds[0]};
}

WorkerOut collect(Child c) {
    std::string msg;
    char buf[65536];
    for (ssize_t n; (n = read(c.fd, buf, sizeof buf)) > 0;) msg.append(buf, static_cast<size_t>(n));
    close(c.fd);
    int status = 0;
    waitpid(c.pid, &status, 0);
    if (msg.empty()) throw std::runtime_error("search: a worker process died without reporting");
    return worker_from_json(nlohmann::json::parse(msg));
}

}  // namespace

SearchReport search_claim(const SearchTarget& t, const SearchOptions& o) {
    if (o.workers < 1) throw InputError("search: --workers must be at least 1");
    SearchReport rep;
    rep.claim = t.claim;
    rep.workers = o.workers;
    const auto start = Clock::now();
    const std::optional<Instance> best = replay_corpus(t, o, rep);
    SharedMapping shared;
    std::vector<WorkerOut> outs;
    if (o.workers == 1) {
        outs.push_back(run_worker(t, o, 0, 1, best, start, *shared.finds));
    } else {
        std::vector<Child> children;
        for (int w = 0; w < o.workers; ++w) children.push_back(spawn_worker(t, o, w, o.workers, best, start, *shared.finds));
        for (const auto& c : children) outs.push_back(collect(c));
    }
    // Merge in worker order. With one worker the finds keep their order; with several, they are
    // sorted by case (which worker reached a shared case first is timing, the set of cases is not).
    std::vector<Found> found;
    rep.best_score = -1;
    for (const auto& w : outs) {
        rep.candidates += w.candidates;
        rep.candidate_digest = o.workers == 1 ? w.digest : fnv1a(std::to_string(w.digest), rep.candidate_digest ? rep.candidate_digest : fnv1a_basis);
        rep.duplicates += w.duplicates;
        found.insert(found.end(), w.confirmed.begin(), w.confirmed.end());
        rep.undecided_cases.insert(rep.undecided_cases.end(), w.undecided.begin(), w.undecided.end());
        if (w.best_score > rep.best_score) rep.best_score = w.best_score, rep.best_case = w.best_case;
        if (w.first_confirmed_s >= 0 && (rep.first_confirmed_s < 0 || w.first_confirmed_s < rep.first_confirmed_s))
            rep.first_confirmed_s = w.first_confirmed_s;
        if (w.first_found_s >= 0 && (rep.first_found_s < 0 || w.first_found_s < rep.first_found_s))
            rep.first_found_s = w.first_found_s;
        rep.cache_hits += w.cache_hits;
        if (rep.note.empty()) rep.note = w.note;
    }
    if (o.workers > 1)
        std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.hash < b.hash; });
    for (const auto& f : found) {
        rep.confirmed_hashes.push_back(f.hash);
        rep.confirmed_cases.push_back(f.text);
        rep.confirmed_certificates.push_back(f.certificate);
        if (!f.file.empty()) rep.confirmed_files.push_back(f.file);
    }
    rep.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return rep;
}

}  // namespace dmf
