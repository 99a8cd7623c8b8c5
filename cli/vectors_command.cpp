#include "cli/vectors_command.hpp"

#include "cli/output_options.hpp"
#include "dmf/landscape/test_vectors.hpp"
#include "dmf/problem/instance_json.hpp"
#include "generators/vector_cases.hpp"

#include <nlohmann/json.hpp>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include <unistd.h>

namespace dmf::cli {

namespace {

using json = nlohmann::json;

struct VectorsOptions {
    CLI::App* cmd = nullptr;
    std::optional<long long> count;
    std::uint64_t seed = 1;
    std::vector<std::string> strata;
    int points = 3;
    std::string out;
    std::string instance, at;
    long long max_n = 120;
    OutputOptions num;
};

VectorsOptions& opts() {
    static VectorsOptions o;
    return o;
}

constexpr const char* kFormat = "dmf-oracle-vectors/1";

// ---- rendering (no computation) ----

json strings(const std::vector<Real>& xs, int digits) {
    json a = json::array();
    for (const Real& x : xs) a.push_back(to_string(x, digits));
    return a;
}
json strings(const Vector& v, int digits) {
    json a = json::array();
    for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(to_string(v(i), digits));
    return a;
}
json matrices(const Weights& w, int digits) {  // digits 0: exact decimals
    json arr = json::array();
    for (const Matrix& m : w) {
        json rows = json::array();
        for (Eigen::Index i = 0; i < m.rows(); ++i) {
            json row = json::array();
            for (Eigen::Index j = 0; j < m.cols(); ++j)
                row.push_back(digits > 0 ? to_string(m(i, j), digits) : exact_decimal(m(i, j)));
            rows.push_back(row);
        }
        arr.push_back(rows);
    }
    return arr;
}

// Numbers as strings, recursively: the input as written (integers keep their digits).
json stringified(const json& j) {
    if (j.is_array()) {
        json a = json::array();
        for (const auto& x : j) a.push_back(stringified(x));
        return a;
    }
    return j.is_number() ? json(j.dump()) : j;
}

json instance_json(const Instance& inst) {
    json j{{"L", inst.L}, {"dims", inst.dims}, {"convention", to_string(inst.convention)}};
    if (inst.exact_source) {  // read from a file: as written
        const json& s = *inst.exact_source;
        json lam = stringified(s.at("lambda"));
        if (inst.convention == Convention::cjw && !lam.is_array()) lam = json::array({lam});
        if (inst.convention == Convention::cjw && lam.size() == 1 && inst.L > 1) lam = json(std::vector<json>(inst.L, lam[0]));
        j["lambda"] = lam;
        j["target"] = stringified(s.at("target"));
        return j;
    }
    json lam = json::array();
    for (const Real& l : inst.lambda) lam.push_back(exact_decimal(l));
    j["lambda"] = inst.convention == Convention::kp ? lam[0] : lam;
    j["target"] = matrices(Weights{inst.target}, 0)[0];
    return j;
}

json formula_json(const Formula& f, int digits) { return f.value ? json(to_string(*f.value, digits)) : json(nullptr); }

json record_json(const Instance& inst, const TestVector& tv, const json& head, int digits, unsigned bits, long long max_n) {
    const Landscape& land = tv.landscape;
    const LandscapeSummary& sum = tv.summary;
    const auto S = [&](const Real& x) { return to_string(x, digits); };
    json r = head;
    r["format"] = kFormat;
    r["precision_bits"] = bits;
    r["digits"] = digits;
    r["max_n"] = max_n;
    r["decided_at_bits"] = land.decided_bits;
    r["instance"] = instance_json(inst);
    r["N"] = inst.num_parameters();
    r["target_singular_values"] = strings(land.svd.y, digits);
    const LandscapeThresholds& t = sum.thresholds;
    r["thresholds"] = {{"lambda_bar", S(t.lambda_bar)},      {"x_bar", formula_json(t.x_bar, digits)},
                       {"y_bar", formula_json(t.y_bar, digits)}, {"tau_kp", formula_json(t.tau_kp, digits)},
                       {"y_star", formula_json(t.y_star, digits)},
                       {"collapse_lambda", formula_json(t.collapse_lambda, digits)}};
    json positions = json::array();
    for (const auto& p : land.positions)
        positions.push_back({{"index", p.index + 1},
                             {"threshold", p.threshold},
                             {"position", p.relation == 1 ? "above" : p.relation == 0 ? "on" : p.relation == -1 ? "below" : "undecided"},
                             {"decided_by", p.decided_by}});
    r["threshold_positions"] = positions;
    r["landscape_certificate"] = land.certificate;
    r["landscape_complete"] = land.complete && !land.undecided;
    json orbits = json::array();
    for (size_t i = 0; i < land.orbits.size(); ++i) {
        const ClassifiedOrbit& c = land.orbits[i];
        const auto& in = sum.orbits[i].hessian_inertia;
        orbits.push_back({{"roots", sum.orbits[i].roots},
                          {"value", S(c.classification.loss)},
                          {"type", c.computed},
                          {"hessian_inertia", in ? json{in->negative, in->zero, in->positive} : json(nullptr)},
                          {"orbit_dimension", c.classification.orbit_dimension >= 0 ? json(c.classification.orbit_dimension) : json(nullptr)}});
    }
    r["critical_orbits"] = orbits;
    const GlobalMinimumSummary& g = sum.global;
    json gm{{"value", S(land.global_value)},
            {"unique_end_to_end", g.unique_end_to_end == Decision::undecided ? json("undecided")
                                                                             : json(g.unique_end_to_end == Decision::yes)},
            {"end_to_end_singular_values", g.end_to_end_singular_values ? strings(*g.end_to_end_singular_values, digits) : json(nullptr)},
            {"layer_fro_norms_sq", g.layer_fro_norms_sq ? strings(*g.layer_fro_norms_sq, digits) : json(nullptr)},
            {"hessian_spectrum", g.hessian_spectrum ? strings(*g.hessian_spectrum, digits) : json(nullptr)},
            {"hessian_trace", g.hessian_trace ? json(S(*g.hessian_trace)) : json(nullptr)},
            {"point", g.orbit ? matrices(land.orbits[*g.orbit].point, digits) : json(nullptr)}};
    r["global_minimum"] = gm;
    json pts = json::array();
    for (const VectorPoint& v : tv.points)
        pts.push_back({{"weights", matrices(v.point, 0)},
                       {"direction", matrices(v.direction, 0)},
                       {"loss", S(v.loss)},
                       {"gradient", matrices(v.gradient, digits)},
                       {"hessian_vector_product", matrices(v.hessian_vector_product, digits)}});
    r["points"] = pts;
    return r;
}

// ---- the file: lines flushed (and synced) to FILE.partial, renamed to FILE at the end ----
//
// A killed run leaves FILE untouched and FILE.partial with its finished lines. Running the same
// command again resumes: the finished lines that are the same run's (`same_run(index, line)`) are
// kept and the draws continue after them; a partial file of another run is never overwritten.

class LineWriter {
public:
    template <class SameRun>
    LineWriter(const std::string& path, SameRun same_run) : path_(path), partial_(path + ".partial") {
        long long keep_bytes = 0;
        if (std::FILE* old = std::fopen(partial_.c_str(), "r")) {
            std::string text;
            char buf[65536];
            for (size_t n; (n = std::fread(buf, 1, sizeof buf, old)) > 0;) text.append(buf, n);
            std::fclose(old);
            for (size_t pos = 0; pos < text.size();) {
                const size_t end = text.find('\n', pos);
                if (end == std::string::npos) break;  // a line cut by the kill: dropped
                const json j = json::parse(text.substr(pos, end - pos), nullptr, false);
                if (j.is_discarded() || !same_run(kept_, j))
                    throw InputError(partial_ + " holds lines of another run (line " + std::to_string(kept_ + 1) +
                                     "); move it away or delete it");
                ++kept_;
                keep_bytes = static_cast<long long>(end + 1);
                pos = end + 1;
            }
            if (::truncate(partial_.c_str(), keep_bytes) != 0)
                throw InputError("--out: cannot write " + partial_ + ": " + std::strerror(errno));
        }
        f_ = std::fopen(partial_.c_str(), "a");
        if (!f_) throw InputError("--out: cannot write " + partial_ + ": " + std::strerror(errno));
    }
    ~LineWriter() {
        if (f_) std::fclose(f_);
    }
    long long kept() const { return kept_; }  // finished lines resumed from FILE.partial
    void line(const std::string& s) {
        if (std::fputs(s.c_str(), f_) < 0 || std::fputc('\n', f_) == EOF || std::fflush(f_) != 0 || ::fsync(fileno(f_)) != 0)
            throw std::runtime_error("vectors: writing " + partial_ + " failed: " + std::strerror(errno));
    }
    void finish() {
        const int rc = std::fclose(f_);
        f_ = nullptr;
        if (rc != 0 || std::rename(partial_.c_str(), path_.c_str()) != 0)
            throw std::runtime_error("vectors: cannot move " + partial_ + " to " + path_ + ": " + std::strerror(errno));
    }

private:
    std::string path_, partial_;
    std::FILE* f_ = nullptr;
    long long kept_ = 0;
};

std::vector<gen::VectorStratum> parse_strata(const std::vector<std::string>& names) {
    std::vector<gen::VectorStratum> out;
    if (names.empty())
        for (const auto& n : gen::vector_stratum_names()) out.push_back(*gen::parse_vector_stratum(n));
    for (const auto& n : names) {
        const auto s = gen::parse_vector_stratum(n);
        if (!s) {
            std::string all;
            for (const auto& k : gen::vector_stratum_names()) all += (all.empty() ? "" : ", ") + k;
            throw InputError("--strata: unknown stratum '" + n + "' (one of " + all + ")");
        }
        out.push_back(*s);
    }
    return out;
}

// --at FILE: {"points": [{"weights": [W_1..W_L], "direction": [V_1..V_L]}, ...]}, read at q.
std::vector<std::pair<Weights, Weights>> read_points(const std::string& path, const Instance& inst, const Precision& q) {
    const json j = parse_json_exact(read_text_file(path));
    if (!j.is_object() || !j.contains("points") || !j["points"].is_array())
        throw InputError(path + ": expected {\"points\": [{\"weights\": [...], \"direction\": [...]}, ...]}");
    std::vector<std::pair<Weights, Weights>> out;
    for (size_t i = 0; i < j["points"].size(); ++i) {
        const json& e = j["points"][i];
        const std::string where = path + ": points[" + std::to_string(i) + "]";
        if (!e.is_object() || !e.contains("weights") || !e.contains("direction"))
            throw InputError(where + ": needs \"weights\" and \"direction\"");
        try {
            out.emplace_back(point_from_json(json{{"weights", e["weights"]}}, inst, q),
                             point_from_json(json{{"weights", e["direction"]}}, inst, q));
        } catch (const InputError& err) {
            throw InputError(where + ": " + err.what());
        }
    }
    return out;
}

}  // namespace

void add_vectors_command(CLI::App& app) {
    VectorsOptions& o = opts();
    o.cmd = app.add_subcommand("vectors", "test vectors for other implementations: one JSON line per instance");
    auto* count = o.cmd->add_option("--count", o.count, "instances to draw")->check(CLI::Range(1LL, 1000000LL));
    auto* seed = o.cmd->add_option("--seed", o.seed, "seed of the draws (default 1)");
    auto* strata = o.cmd->add_option("--strata", o.strata, "kp-scalar, cjw-matrix, kp-matrix (default: all, in turn)")
                       ->delimiter(',');
    auto* points = o.cmd->add_option("--points", o.points, "random points per instance (default 3)")->check(CLI::Range(0, 100));
    auto* inst = o.cmd->add_option("--instance", o.instance, "one instance JSON instead of drawn ones");
    o.cmd->add_option("--at", o.at, "points file {\"points\": [{\"weights\": ..., \"direction\": ...}]} (needs --instance)")
        ->needs(inst);
    o.cmd->add_option("--out", o.out, "the JSON Lines file to write")->required();
    o.cmd->add_option("--max-n", o.max_n, "largest N for dense Hessian work (default 120)")->check(CLI::Range(1LL, 4'194'304LL));
    count->excludes(inst);
    seed->excludes(inst);
    strata->excludes(inst);
    points->needs(count);
    // --digits / --bits as everywhere; there is no --json: the output is JSON Lines already.
    auto* d = o.cmd->add_option("--digits", o.num.digits, "significant digits of every computed number (default 50)")
                  ->check(CLI::Range(5u, 100000u));
    auto* b = o.cmd->add_option("--bits", o.num.bits, "working precision in bits (default: enough for --digits)")
                  ->check(CLI::Range(64u, 1u << 20));
    d->excludes(b);
}

bool vectors_parsed() { return opts().cmd && opts().cmd->parsed(); }

int run_vectors() {
    const VectorsOptions& o = opts();
    if (!o.count && o.instance.empty()) throw InputError("vectors: give --count N (drawn instances) or --instance FILE");
    const Numerics num = numerics(o.num);
    const Precision& p = num.precision;
    const Precision q = p.times(2);  // the points are evaluated at 2p (test_vectors.hpp)
    if (!o.instance.empty()) {
        const Instance inst = load_instance(o.instance, p);
        const auto pts = o.at.empty() ? std::vector<std::pair<Weights, Weights>>{} : read_points(o.at, inst, q);
        // One line: nothing to resume, and a partial file of a drawn run is not ours to drop.
        LineWriter out(o.out, [](long long, const json&) { return false; });
        const TestVector tv = make_test_vector(inst, pts, p, o.max_n);
        out.line(record_json(inst, tv, json{{"index", 0}, {"stratum", "given"}}, num.digits, p.bits(), o.max_n).dump());
        out.finish();
        std::cout << "wrote 1 test vector to " << o.out << " (" << p.bits() << " bits, " << num.digits << " digits)\n";
        return 0;
    }
    const auto strata = parse_strata(o.strata);
    const std::string seed = std::to_string(o.seed);
    const auto head = [&](long long i) {
        return json{{"index", i}, {"seed", seed}, {"stratum", gen::to_string(strata[static_cast<size_t>(i) % strata.size()])}};
    };
    const auto same_run = [&](long long i, const json& j) {
        const json h = head(i);
        return j.is_object() && i < *o.count && j.value("format", "") == kFormat && j.value("index", -1LL) == i &&
               j.value("seed", "") == seed && j.value("stratum", "") == h["stratum"] &&
               j.value("digits", -1) == num.digits && j.value("max_n", -1LL) == o.max_n && j.value("precision_bits", 0u) == p.bits() &&
               j.contains("points") && j["points"].size() == static_cast<size_t>(o.points);
    };
    LineWriter out(o.out, same_run);
    for (long long i = out.kept(); i < *o.count; ++i) {
        const gen::VectorCase vc = gen::vector_case(o.seed, i, strata, o.points);
        const Instance inst = at_precision(vc.instance, p);
        std::vector<std::pair<Weights, Weights>> pts;
        for (const auto& pd : vc.points) pts.emplace_back(pd.point, pd.direction);
        const TestVector tv = make_test_vector(inst, pts, p, o.max_n);
        out.line(record_json(vc.instance, tv, head(i), num.digits, p.bits(), o.max_n).dump());
    }
    out.finish();
    std::cout << "wrote " << *o.count << " test vector" << (*o.count == 1 ? "" : "s") << " to " << o.out << " ("
              << p.bits() << " bits, " << num.digits << " digits";
    if (out.kept()) std::cout << "; " << out.kept() << " resumed from " << o.out << ".partial";
    std::cout << ")\n";
    return 0;
}

}  // namespace dmf::cli
