// The MPI layer of the search (mpi_search.hpp): streams by rank, the hashes of confirmed cases
// exchanged as they are found, the reports and files gathered on rank 0 at the end.
#include "search/mpi_search.hpp"

#include "search/case_text.hpp"

#include "dmf/problem/corpus.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#ifdef DMF_HAVE_MPI
#include <mpi.h>
#include <sys/prctl.h>

#include <csignal>
#endif

namespace dmf {

namespace {

bool launched_by_mpirun() {
    for (const char* v : {"OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"})
        if (std::getenv(v)) return true;
    return false;
}

}  // namespace

#ifdef DMF_HAVE_MPI

namespace {

using namespace search_detail;
constexpr int kFindTag = 19;

nlohmann::json report_to_json(const SearchReport& r) {
    return {{"claim", r.claim},
            {"candidates", r.candidates},
            {"duplicates", r.duplicates},
            {"replayed", r.replayed},
            {"replay_still_refuted", r.replay_still_refuted},
            {"confirmed_files", r.confirmed_files},
            {"confirmed_cases", r.confirmed_cases},
            {"confirmed_certificates", r.confirmed_certificates},
            {"confirmed_hashes", r.confirmed_hashes},
            {"undecided_cases", r.undecided_cases},
            {"best_score", r.best_score},
            {"best_case", r.best_case},
            {"seconds", r.seconds},
            {"candidate_digest", r.candidate_digest},
            {"first_confirmed_s", r.first_confirmed_s},
            {"first_found_s", r.first_found_s},
            {"cache_hits", r.cache_hits},
            {"note", r.note}};
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return in ? s.str() : std::string();
}


// The hashes of new distinct cases, sent to every other rank as they are found (non-blocking) and
// received between candidates; finish() waits for every send and drains every message addressed here,
// so nothing is left in flight for the next claim.
class MpiPeers final : public Peers {
public:
    MpiPeers(MPI_Comm comm, int rank, int size) : comm_(comm), rank_(rank), sent_to_(size, 0) {}
    void announce(std::uint64_t hash) override {
        buffers_.push_back(hash);  // a deque: the address stays valid until the send completes
        for (int r = 0; r < static_cast<int>(sent_to_.size()); ++r) {
            if (r == rank_) continue;
            requests_.emplace_back();
            MPI_Isend(&buffers_.back(), 1, MPI_UINT64_T, r, kFindTag, comm_, &requests_.back());
            ++sent_to_[r];
        }
    }
    std::vector<std::uint64_t> heard() override {
        std::vector<std::uint64_t> out;
        for (int flag = 1; flag;) {
            MPI_Status st;
            MPI_Iprobe(MPI_ANY_SOURCE, kFindTag, comm_, &flag, &st);
            if (flag) out.push_back(receive(st.MPI_SOURCE));
        }
        return out;
    }
    void finish() {
        MPI_Waitall(static_cast<int>(requests_.size()), requests_.data(), MPI_STATUSES_IGNORE);
        long expected = 0;
        MPI_Reduce_scatter_block(sent_to_.data(), &expected, 1, MPI_LONG, MPI_SUM, comm_);
        while (received_ < expected) receive(MPI_ANY_SOURCE);
    }

private:
    std::uint64_t receive(int source) {
        std::uint64_t h = 0;
        MPI_Recv(&h, 1, MPI_UINT64_T, source, kFindTag, comm_, MPI_STATUS_IGNORE);
        ++received_;
        return h;
    }
    MPI_Comm comm_;
    int rank_;
    std::vector<long> sent_to_;
    long received_ = 0;
    std::deque<std::uint64_t> buffers_;
    std::vector<MPI_Request> requests_;
};

// Every rank's string, on rank 0 (empty elsewhere).
std::vector<std::string> gather_strings(const std::string& mine, MPI_Comm comm, int rank, int size) {
    int n = static_cast<int>(mine.size());
    std::vector<int> lengths(size), offsets(size);
    MPI_Gather(&n, 1, MPI_INT, lengths.data(), 1, MPI_INT, 0, comm);
    std::vector<char> all;
    if (rank == 0) {
        for (int r = 1; r < size; ++r) offsets[r] = offsets[r - 1] + lengths[r - 1];
        all.resize(static_cast<size_t>(offsets[size - 1] + lengths[size - 1]));
    }
    MPI_Gatherv(mine.data(), n, MPI_CHAR, all.data(), lengths.data(), offsets.data(), MPI_CHAR, 0, comm);
    std::vector<std::string> out;
    if (rank == 0)
        for (int r = 0; r < size; ++r) out.emplace_back(all.data() + offsets[r], static_cast<size_t>(lengths[r]));
    return out;
}

// Rank 0: the ranks' reports merged in rank order, as search_claim merges its workers: counts summed,
// digests chained, finds deduplicated by case and sorted by hash, files rank 0's corpus lacks written.
SearchReport merge(const std::vector<nlohmann::json>& parts, const SearchOptions& o, double seconds) {
    namespace fs = std::filesystem;
    SearchReport rep;
    rep.best_score = -1;
    rep.workers = 1;
    struct FoundCase {
        std::string text, file, certificate;  // the case, its file on rank 0, how its verdict was decided
    };
    std::map<std::uint64_t, FoundCase> found;
    int finds = 0;
    for (size_t r = 0; r < parts.size(); ++r) {
        const auto& j = parts[r];
        rep.claim = j["claim"];
        rep.candidates += j["candidates"].get<long>();
        const std::uint64_t d = j["candidate_digest"];
        rep.candidate_digest = fnv1a(std::to_string(d), rep.candidate_digest ? rep.candidate_digest : fnv1a_basis);
        rep.duplicates += j["duplicates"].get<int>();
        if (r == 0) rep.replayed = j["replayed"], rep.replay_still_refuted = j["replay_still_refuted"];
        const auto hashes = j["confirmed_hashes"].get<std::vector<std::uint64_t>>();
        const auto texts = j["confirmed_cases"].get<std::vector<std::string>>();
        const auto certs = j["confirmed_certificates"].get<std::vector<std::string>>();
        const auto files = j["confirmed_files"].get<std::vector<std::string>>();
        const auto contents = j["file_contents"].get<std::vector<std::string>>();
        for (size_t i = 0; i < hashes.size(); ++i) {
            ++finds;
            if (found.count(hashes[i])) continue;
            std::string file;
            if (i < files.size() && !o.corpus_dir.empty()) {
                file = (fs::path(o.corpus_dir) / fs::path(files[i]).filename()).string();
                if (!fs::exists(file) && i < contents.size() && !contents[i].empty()) {
                    fs::create_directories(o.corpus_dir);
                    write_file_atomically(file, contents[i]);
                }
            }
            found[hashes[i]] = {texts.at(i), file, certs.at(i)};
        }
        for (const auto& u : j["undecided_cases"]) rep.undecided_cases.push_back(u);
        if (j["best_score"].get<double>() > rep.best_score) rep.best_score = j["best_score"], rep.best_case = j["best_case"];
        for (const char* k : {"first_confirmed_s", "first_found_s"}) {
            const double v = j[k];
            double& mine = std::string(k) == "first_found_s" ? rep.first_found_s : rep.first_confirmed_s;
            if (v >= 0 && (mine < 0 || v < mine)) mine = v;
        }
        rep.cache_hits += j["cache_hits"].get<long>();
        if (rep.note.empty()) rep.note = j["note"];
    }
    // Two ranks that reached the same case at the same time both kept it: one of them is a duplicate.
    rep.duplicates += finds - static_cast<int>(found.size());
    for (const auto& [h, v] : found) {
        rep.confirmed_hashes.push_back(h);
        rep.confirmed_cases.push_back(v.text);
        rep.confirmed_certificates.push_back(v.certificate);
        if (!v.file.empty()) rep.confirmed_files.push_back(v.file);
    }
    rep.seconds = seconds;
    return rep;
}

}  // namespace

const MpiWorld& mpi_world() {
    static const MpiWorld w = [] {
        MpiWorld m;
        if (!launched_by_mpirun()) return m;
        int initialised = 0;
        MPI_Initialized(&initialised);
        if (!initialised) MPI_Init(nullptr, nullptr);
        std::atexit([] {
            int finalised = 0;
            MPI_Finalized(&finalised);
            if (!finalised) MPI_Finalize();
        });
        // A rank dies with its launcher (mpirun or orted killed with SIGKILL cannot stop it otherwise):
        // its files are written atomically, so nothing it saved is lost.
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        m.active = true;
        MPI_Comm_rank(MPI_COMM_WORLD, &m.rank);
        MPI_Comm_size(MPI_COMM_WORLD, &m.size);
        return m;
    }();
    return w;
}

double mpi_broadcast(double x) {
    if (mpi_world().active) MPI_Bcast(&x, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    return x;
}

SearchReport search_claim_mpi(const SearchTarget& t, SearchOptions o) {
    const MpiWorld& w = mpi_world();
    if (!w.active) return search_claim(t, o);
    if (o.workers != 1) throw InputError("search: under mpirun every rank runs one worker (use -np for more, not --workers)");
    MPI_Comm comm;
    MPI_Comm_dup(MPI_COMM_WORLD, &comm);
    MpiPeers peers(comm, w.rank, w.size);
    o.stream_first = w.rank, o.stream_total = w.size, o.peers = &peers;
    MPI_Barrier(comm);  // one start for the budget
    const double t0 = MPI_Wtime();
    SearchReport mine = search_claim(t, o);
    peers.finish();
    nlohmann::json j = report_to_json(mine);
    std::vector<std::string> contents;
    for (const auto& f : mine.confirmed_files) contents.push_back(w.rank == 0 ? std::string() : read_text(f));
    j["file_contents"] = contents;
    const auto parts = gather_strings(j.dump(), comm, w.rank, w.size);
    SearchReport rep = mine;
    if (w.rank == 0) {
        std::vector<nlohmann::json> js;
        for (const auto& s : parts) js.push_back(nlohmann::json::parse(s));
        rep = merge(js, o, MPI_Wtime() - t0);
    }
    MPI_Comm_free(&comm);
    rep.ranks = w.size;
    return rep;
}

#else  // no MPI at build time: one process

const MpiWorld& mpi_world() {
    static const MpiWorld w;
    if (launched_by_mpirun()) throw InputError("search: started by mpirun, but this build has no MPI (install libopenmpi-dev and reconfigure)");
    return w;
}

double mpi_broadcast(double x) { return x; }

SearchReport search_claim_mpi(const SearchTarget& t, SearchOptions o) { return search_claim(t, o); }

#endif

}  // namespace dmf
