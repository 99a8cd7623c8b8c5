#include "cli/commands.hpp"
#include "cli/vectors_command.hpp"

#include "dmf/landscape/point_evaluation.hpp"

#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "properties/property.hpp"
#include "claims/replay.hpp"
#include "dmf/numerics/decision_log.hpp"
#include "claims/claim_table.hpp"
#include "claims/scalar_corpus.hpp"
#include "cli/forked_map.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace dmf::cli {

namespace {

using json = nlohmann::json;

std::string fmt_eps(double e) {
    std::ostringstream ss;
    ss << std::setprecision(3) << e;
    return ss.str();
}

// `mutants`: its options live here (no member of Commands) so the subcommand is one hunk.
struct MutantsOptions {
    CLI::App* cmd = nullptr;
    std::vector<std::string> only;
    std::optional<int> cases;
};
MutantsOptions& mutants_options() {
    static MutantsOptions o;
    return o;
}
int run_mutants();

// `check --stats`: how each property's cases were classified (properties/property.hpp CaseStats).
bool& check_stats_flag() {
    static bool on = false;
    return on;
}
nlohmann::json stats_json(const prop::CaseStats& s) {
    nlohmann::json strata = nlohmann::json::object();
    for (const auto& [name, n] : s.strata) strata[name] = n;
    for (const auto& name : s.expected_strata)
        if (!strata.contains(name)) strata[name] = 0;
    return {{"cases", s.cases},           {"discarded", s.discarded},     {"exceptional", s.exceptional},
            {"undecided", s.undecided},   {"decided", s.decided()},       {"trivial", s.trivial},
            {"informative", s.informative()}, {"decided_fraction", s.decided_fraction()},
            {"informative_fraction", s.informative_fraction()}, {"trivial_reasons", s.trivial_reasons},
            {"undecided_reasons", s.undecided_reasons}, {"strata", strata},
            {"expected_strata", std::vector<std::string>(s.expected_strata.begin(), s.expected_strata.end())},
            {"stated_decided_floor", s.stated_decided_floor ? nlohmann::json(*s.stated_decided_floor) : nlohmann::json(nullptr)},
            {"stated_floor_reason", s.stated_floor_reason}};
}
void render_stats_text(const nlohmann::json& report) {
    std::cout << "\nper-property case stats (floors: decided >= 95% off the exceptional set, informative >= 50%,"
                 " each expected stratum (*) >= 5%)\n"
              << std::left << std::setw(34) << "property" << std::right << std::setw(6) << "cases" << std::setw(6)
              << "disc" << std::setw(6) << "exc" << std::setw(6) << "und" << std::setw(6) << "triv" << std::setw(9)
              << "decided" << std::setw(8) << "inform" << "  strata\n";
    for (const auto& r : report["claims"])
        for (const auto& pj : r.value("properties", nlohmann::json::array())) {
            if (!pj.contains("stats")) continue;
            const auto& st = pj["stats"];
            const int n = st["cases"].get<int>();
            std::ostringstream line;
            line << std::left << std::setw(34) << pj["id"].get<std::string>() << std::right << std::setw(6) << n
                 << std::setw(6) << st["discarded"].get<int>() << std::setw(6) << st["exceptional"].get<int>()
                 << std::setw(6) << st["undecided"].get<int>() << std::setw(6) << st["trivial"].get<int>() << std::setw(8)
                 << std::fixed << std::setprecision(0) << 100 * st["decided_fraction"].get<double>() << "%" << std::setw(7)
                 << 100 * st["informative_fraction"].get<double>() << "%  ";
            const auto& expected = st["expected_strata"];
            for (const auto& [name, count] : st["strata"].items()) {
                const bool star = std::find(expected.begin(), expected.end(), name) != expected.end();
                line << name << (star ? "*" : "") << " " << (n ? 100 * count.get<int>() / n : 0) << "%; ";
            }
            if (!st["stated_decided_floor"].is_null())
                line << "[decided floor " << 100 * st["stated_decided_floor"].get<double>() << "%: "
                     << st["stated_floor_reason"].get<std::string>() << "]";
            std::cout << line.str() << "\n";
        }
}

}  // namespace

Commands::Commands(CLI::App& app) {
    check_ = app.add_subcommand("check", "run every claim's properties and print the claim table");
    check_->add_option("--claims", check_claims_, "claim IDs to run (default: all), or property IDs such as CJW.A1/scalar")->delimiter(',');
    check_->add_option("--cases", check_cases_, "cases per property (default: RC_PARAMS max_success, else 100)")
        ->check(CLI::Range(1, 1000000));
    check_->add_option("--seed", check_seed_, "RapidCheck seed (default: a hash of each property's ID)");
    check_->add_flag("--timings", check_timings_, "include wall-clock seconds in --json (the text always shows them)");
    check_->add_option("--time-budget-s", check_budget_s_, "stop starting new claims after this many seconds (0: none)")
        ->check(CLI::NonNegativeNumber);
    check_->add_option("--jobs", check_jobs_, "properties run in this many forked worker processes (default: the number of cores); the output is the same for any value")
        ->check(CLI::Range(1, 256));
    check_->add_flag("--stats", check_stats_flag(), "also print each property's case stats: decided, informative, strata");
    // The property runner (properties/property.hpp RunOptions) has no precision: each property
    // works at the precisions it states, so a --digits/--bits here would be silently ignored.
    add_json_option_only(check_, check_json_,
                         "check runs each property at the precisions the property states; to work at another "
                         "precision use evaluate, scalar, solve or replay");

    claims_ = app.add_subcommand("claims", "print the claim registry");
    add_json_option_only(claims_, claims_json_, "claims prints the registry, which has no numbers to compute");

    evaluate_ = app.add_subcommand("evaluate", "loss, gradient and Hessian spectrum from the definition");
    evaluate_->add_option("instance", eval_instance_, "instance JSON file")->required();
    evaluate_->add_option("--weights", eval_weights_, "point JSON file {\"weights\": [W_1, ..., W_L]}");
    auto* hessian_flag = evaluate_->add_flag("--hessian", eval_hessian_, "also the full Hessian spectrum (needs --weights)");
    evaluate_->add_option("--max-n", eval_max_n_, "largest N for the dense Hessian (default 400; needs --hessian)")
        ->check(CLI::Range(1LL, 100000LL))
        ->needs(hessian_flag);
    add_output_options(evaluate_, evaluate_out_);

    add_scalar_command(app, scalar_options_, scalar_);

    add_sharpness_command(app, sharpness_options_, sharpness_);
    add_landscape_command(app, landscape_options_, landscape_);
    add_solve_command(app, solve_options_, solve_);
    add_search_command(app, search_options_, search_);
    add_classify_command(app, classify_options_, classify_);

    replay_ = app.add_subcommand("replay", "re-run one stored counterexample and print the verdict");
    replay_->add_option("file", replay_file_, "a counterexample JSON file (corpus/)")->required();
    // Default: the stored precision. --digits/--bits re-run the case at another precision, e.g. to see a
    // confirmed violation persist at 4x the bits it was found at.
    add_output_options(replay_, replay_out_);

    auto& mo = mutants_options();
    mo.cmd = app.add_subcommand("mutants", "run every mutant (planted wrong formula) and printed refuted claim; print the kill table");
    mo.cmd->add_option("--only", mo.only, "mutant property IDs to run (default: all)")->delimiter(',');
    mo.cmd->add_option("--cases", mo.cases, "cases per mutant (default: each property's own, else 100)")
        ->check(CLI::Range(1, 1000000));

    add_vectors_command(app);
}

int Commands::run() {
    if (check_->parsed()) return run_check();
    if (mutants_options().cmd->parsed()) return run_mutants();
    if (claims_->parsed()) return run_claims();
    if (evaluate_->parsed()) return run_evaluate();
    if (scalar_->parsed()) return run_scalar(scalar_options_);
    if (replay_->parsed()) return run_replay();
    if (sharpness_->parsed()) return run_sharpness(sharpness_options_);
    if (landscape_->parsed()) return run_landscape(landscape_options_);
    if (solve_->parsed()) return run_solve(solve_options_);
    if (search_->parsed()) return run_search(search_options_);
    if (classify_->parsed()) return run_classify(classify_options_);
    if (vectors_parsed()) return run_vectors();
    return 2;
}

// ---- claims ----

namespace {

void render_claims_text(const json& report) {
    for (const auto& c : report["claims"]) {
        std::cout << c["id"].get<std::string>() << "  [" << c["status"].get<std::string>() << "]  "
                  << c["title"].get<std::string>() << "\n  source: " << c["source"].get<std::string>()
                  << "\n  printed: " << c["statement"].get<std::string>() << "\n";
        if (!c["preconditions"].empty()) {
            std::cout << "  preconditions:";
            for (const auto& p : c["preconditions"]) std::cout << " " << p.get<std::string>() << ";";
            std::cout << "\n";
        }
        if (!c["corrected"].is_null()) std::cout << "  corrected: " << c["corrected"].get<std::string>() << "\n";
        for (const auto& f : c["counterexamples"]) std::cout << "  counterexample: " << f.get<std::string>() << "\n";
        if (!c["notes"].get<std::string>().empty()) std::cout << "  notes: " << c["notes"].get<std::string>() << "\n";
        std::cout << "\n";
    }
}

}  // namespace

int Commands::run_claims() {
    json arr = json::array();
    for (const auto& c : claim_table()) {
        arr.push_back({{"id", c.id},
                       {"source", c.source},
                       {"title", c.title},
                       {"statement", c.statement},
                       {"preconditions", c.preconditions},
                       {"status", to_string(c.status)},
                       {"corrected", c.corrected_statement ? json(*c.corrected_statement) : json(nullptr)},
                       {"counterexamples", c.counterexamples},
                       {"notes", c.notes}});
    }
    print_report(json{{"claims", arr}}, claims_json_, render_claims_text);
    return 0;
}

// ---- check ----

namespace {

json worst_json(const ErrorReport& e) { return e.count() ? json(e.max_error_eps()) : json(nullptr); }

// How the verdicts were decided (issue 15 item 5; dmf/numerics/decision_log.hpp): the certified
// decisions recorded while the properties ran, and the cases by the certificate they folded to
// (counted once the harness opens a CaseScope per case).
json certificate_counts_json(const DecisionTally& d, const CaseTally& c) {
    return {{"decisions", {{"exact", d.exact}, {"enclosure", d.enclosure}, {"undecided", d.undecided}}},
            {"cases", {{"exact", c.exact}, {"enclosure", c.enclosure}, {"undecided", c.undecided}, {"uncertified", c.uncertified}}}};
}
// The claim table, then every failure with its replay line, then the verdict.
void render_check_text(const json& report) {
    const auto row = [](const std::string& id, const std::string& status, const std::string& cases,
                        const std::string& worst, const std::string& observed, const std::string& cx) {
        std::cout << std::left << std::setw(12) << (id.size() >= 12 ? id + " " : id) << std::setw(19) << status
                  << std::right << std::setw(7) << cases << std::setw(12) << worst << "  " << std::left << std::setw(16)
                  << observed << cx << "\n";
    };
    row("claim", "status", "cases", "worst(eps)", "observed", "counterexamples");
    std::vector<std::string> failures;
    const auto note_failure = [&](const json& j) {
        const std::string replay = j.value("replay", "");
        failures.push_back(j["id"].get<std::string>() + ": " + j["outcome"].get<std::string>() + "\n" +
                           j.value("message", "") + (replay.empty() ? "" : "\nReplay: " + replay));
    };
    for (const auto& r : report["claims"]) {
        std::string cx;
        for (const auto& f : r.value("counterexamples", json::array())) cx += (cx.empty() ? "" : ",") + f.get<std::string>();
        row(r["id"].get<std::string>(), r["status"].get<std::string>(), std::to_string(r["cases"].get<int>()),
            r["worst_error_eps"].is_null() ? "-" : fmt_eps(r["worst_error_eps"].get<double>()),
            r["observed"].get<std::string>() + (r["consistent"].get<bool>() ? "" : " !"), cx.empty() ? "-" : cx);
        if (r.contains("properties")) {
            for (const auto& pj : r["properties"])
                if (pj["outcome"] != "passed") note_failure(pj);
        } else if (r["outcome"] != "passed") {
            note_failure(r);
        }
    }
    for (const auto& f : failures) std::cout << "\n" << f << "\n";
    std::cout << "\n"
              << (report["consistent"].get<bool>()
                      ? "every claim's observed behaviour agrees with its registry status"
                      : "DISAGREEMENT: some claim's observed behaviour differs from its registry status (marked !)")
              << " (" << fmt_eps(report["seconds"].get<double>()) << " s)\n";
}

}  // namespace

int Commands::run_check() {
    const auto& reg = claim_table();
    // --claims takes claim IDs (every property of the claim) and property IDs such as CJW.A1/scalar
    // (that property alone, hidden ones included): the replay line of a failure names its property.
    auto is_property = [](const std::string& id) {
        for (const auto& def : prop::all_properties())
            if (id == def.id) return true;
        return false;
    };
    for (const auto& id : check_claims_)
        if (!find_claim_definition(id) && !is_property(id))
            throw InputError("--claims: unknown claim or property ID '" + id + "' (see dmf-oracle claims)");
    auto named = [&](const std::string& id) {
        return std::find(check_claims_.begin(), check_claims_.end(), id) != check_claims_.end();
    };
    auto selected = [&](const std::string& claim, const std::string& property) {
        return check_claims_.empty() || named(claim) || named(property);
    };

    prop::RunOptions options;
    options.seed = check_seed_;
    options.max_success = check_cases_;
    options.replay_prefix = "dmf-oracle check --claims ";
    options.replay_hidden_suffix = "";  // naming a hidden property runs it

    const auto start = std::chrono::steady_clock::now();
    const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

    // The work: every selected property of every claim, in registry order. With --jobs K > 1 they run
    // in K forked workers (cli/forked_map.hpp); each result is the property's JSON, merged below in
    // this order, so the report is byte-identical for every K.
    struct Item {
        size_t claim;
        const prop::PropertyDef* def;
    };
    std::vector<Item> items;
    std::vector<bool> claim_selected(reg.size(), false);
    for (size_t ci = 0; ci < reg.size(); ++ci) {
        const auto& c = reg[ci];
        const bool whole_claim = check_claims_.empty() || named(c.id);
        bool any = whole_claim;
        for (const auto& def : prop::all_properties())
            any = any || (prop::claim_of(def.id) == c.id && selected(c.id, def.id));
        if (!any) continue;
        claim_selected[ci] = true;
        for (const auto& def : prop::all_properties()) {
            if (prop::claim_of(def.id) != c.id) continue;
            if (whole_claim ? def.hidden : !selected(c.id, def.id)) continue;
            items.push_back({ci, &def});
        }
    }
    const auto run_item = [&](int i) -> std::string {
        const auto& def = *items[static_cast<size_t>(i)].def;
        // --time-budget-s: a property that would start after the budget is skipped (its claim too).
        if (check_budget_s_ > 0 && elapsed() > check_budget_s_) return json{{"id", def.id}, {"skipped", true}}.dump();
        const DecisionTally decisions_before = process_decisions();
        const CaseTally cases_before = process_cases();
        const auto out = prop::run_property(def, options);
        const DecisionTally decisions = process_decisions() - decisions_before;
        const CaseTally case_certs = process_cases() - cases_before;
        json pj{{"id", def.id},
                {"outcome", prop::to_string(out.kind)},
                {"cases", out.cases},
                {"seconds", out.seconds},
                {"worst_error_eps", worst_json(out.errors)},
                {"worst_input", out.errors.worst_input()},
                {"decided_by", certificate_counts_json(decisions, case_certs)},
                {"stats", stats_json(out.stats)}};
        if (out.kind != prop::Outcome::Kind::passed) {
            pj["message"] = out.message;
            pj["replay"] = out.replay_command;
        }
        // The worst error travels as its JSON fields; the claim's worst is merged from them below.
        return pj.dump();
    };
    // Hand out the properties with the most cases first (a rough cost): the last worker then does not
    // finish alone on a long property. The merge below restores registry order.
    std::vector<int> order(items.size());
    for (size_t i = 0; i < items.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto cost = [&](int i) { return prop::cost_hint(*items[static_cast<size_t>(i)].def); };
        return cost(a) > cost(b);
    });
    const std::vector<std::string> results =
        forked_map(static_cast<int>(items.size()), check_jobs_ > 0 ? check_jobs_ : online_cores(), run_item, order);

    json rows = json::array();
    bool all_consistent = true;
    size_t next_item = 0;
    for (size_t ci = 0; ci < reg.size(); ++ci) {
        if (!claim_selected[ci]) continue;
        const auto& c = reg[ci];
        const bool whole_claim = check_claims_.empty() || named(c.id);
        json row{{"id", c.id}, {"status", to_string(c.status)}, {"counterexamples", c.counterexamples}};
        json props = json::array();
        int cases = 0, run = 0, failed = 0, skipped = 0;
        bool replayed = false;
        json claim_certs = certificate_counts_json({}, {});
        std::optional<double> worst;
        for (; next_item < items.size() && items[next_item].claim == ci; ++next_item) {
            json pj = json::parse(results[next_item]);
            if (pj.value("skipped", false)) {
                ++skipped;
                continue;
            }
            ++run;
            cases += pj["cases"].get<int>();
            const bool passed = pj["outcome"] == "passed";
            if (pj["id"].get<std::string>() == c.id + "/replay" && passed) replayed = true;
            if (!passed) ++failed;
            if (!pj["worst_error_eps"].is_null() && (!worst || pj["worst_error_eps"].get<double>() > *worst))
                worst = pj["worst_error_eps"].get<double>();
            for (const char* part : {"decisions", "cases"})
                for (auto& [k, v] : claim_certs[part].items()) v = v.get<long>() + pj["decided_by"][part][k].get<long>();
            props.push_back(pj);
        }
        const std::string observed = skipped > 0 && run == 0 ? "skipped (budget)"
                                     : skipped > 0            ? (failed ? "FAILED" : "skipped (budget)")
                                     : run == 0               ? "no property"
                                     : failed                 ? "FAILED"
                                                              : "passed";
        // Consistent: the registry's status is what was observed. A claim with passing properties
        // must not still be listed as untested; a tested claim must have properties.
        bool consistent = true;
        if (observed == "FAILED") consistent = false;
        if (observed == "passed" && c.status == ClaimStatus::untested) consistent = false;
        if (observed == "no property" && c.status != ClaimStatus::untested && c.status != ClaimStatus::untestable)
            consistent = false;
        // A refuted claim stays refuted only while its stored counterexamples still refute it.
        if (whole_claim && observed == "passed" && c.status == ClaimStatus::refuted && !replayed) consistent = false;
        all_consistent = all_consistent && consistent;
        row["properties"] = props;
        row["cases"] = cases;
        row["observed"] = observed;
        row["consistent"] = consistent;
        row["worst_error_eps"] = worst ? json(*worst) : json(nullptr);
        row["decided_by"] = claim_certs;
        rows.push_back(row);
    }
    // Self-checks outside the claim table (CORE.*, SELFTEST.*), run only when named: one row each.
    for (const auto& def : prop::all_properties()) {
        const std::string id = def.id;
        if (check_claims_.empty() || find_claim_definition(prop::claim_of(def.id)) || !named(id)) continue;
        const auto out = prop::run_property(def, options);
        const bool passed = out.kind == prop::Outcome::Kind::passed;
        all_consistent = all_consistent && passed;
        json row{{"id", id},
                 {"status", "self-check"},
                 {"outcome", prop::to_string(out.kind)},
                 {"cases", out.cases},
                 {"observed", passed ? "passed" : "FAILED"},
                 {"consistent", passed},
                 {"worst_error_eps", worst_json(out.errors)},
                 {"worst_input", out.errors.worst_input()}};
        if (!passed) {
            row["message"] = out.message;
            row["replay"] = out.replay_command;
        }
        rows.push_back(row);
    }
    json report{{"claims", rows}, {"consistent", all_consistent}, {"seconds", elapsed()}};
    // Wall-clock time is the one field two identical runs do not share: in --json only on request.
    if (check_json_ && !check_timings_) {
        const std::function<void(json&)> drop_seconds = [&](json& j) {
            if (j.is_object()) j.erase("seconds");
            if (j.is_structured())
                for (auto& v : j) drop_seconds(v);
        };
        drop_seconds(report);
    }
    print_report(report, check_json_, render_check_text);
    if (check_stats_flag() && !check_json_) render_stats_text(report);
    return all_consistent ? 0 : 1;
}

// ---- mutants ----

namespace {

// The kill table: each claim's mutants (claim_table.hpp `mutants`) and the printed forms of the
// refuted claims (hidden `ID/printed*` properties whose description says they are refuted or
// fail; CJW.T2.2/printed-scalar holds), each run at its fixed seed (a hash of its ID)
// and the default case count. A mutant is killed when its property fails; "case" is the index of
// the first failing case (RapidCheck's successes before it, plus one). Exit 1 if any survives.
int run_mutants() {
    const auto& mo = mutants_options();
    struct Row {
        std::string id, claim, kind;
    };
    // The case budget `check` gives the claim's property beside the mutant: the smallest default
    // of the claim's visible properties in the mutant's file (100 when none states one). A mutant
    // killed only beyond it is one `check` would miss.
    auto budget = [](const prop::PropertyDef& m, const std::string& claim) {
        int b = 0;
        for (const auto& def : prop::all_properties())
            if (!def.hidden && prop::claim_of(def.id) == claim && std::string(def.file) == m.file && def.default_cases > 0)
                b = b == 0 ? def.default_cases : std::min(b, def.default_cases);
        return b == 0 ? 100 : b;
    };
    std::vector<Row> rows;
    for (const auto& c : claim_table()) {
        for (const auto& m : c.mutants) rows.push_back({m, c.id, "mutant"});
        for (const auto& def : prop::all_properties()) {
            const std::string id = def.id;
            const std::string desc = def.description;  // "(refuted ...)", "(fails ...)": must fail
            const bool listed = std::find(c.mutants.begin(), c.mutants.end(), id) != c.mutants.end();
            if (!listed && def.hidden && prop::claim_of(id) == c.id && id.rfind(c.id + "/printed", 0) == 0 &&
                (desc.find("refuted") != std::string::npos || desc.find("fails") != std::string::npos))
                rows.push_back({id, c.id, "printed"});
        }
    }
    for (const auto& id : mo.only)
        if (std::none_of(rows.begin(), rows.end(), [&](const Row& r) { return r.id == id; }))
            throw InputError("--only: '" + id + "' is no mutant (see dmf-oracle mutants)");
    prop::RunOptions options;
    options.honour_rc_params = false;  // fixed seeds, default case counts: the table is reproducible
    options.max_success = mo.cases;
    options.replay_prefix = "dmf-oracle check --claims ";
    options.replay_hidden_suffix = "";
    int run = 0, killed = 0, late = 0;
    std::cout << std::left << std::setw(40) << "mutant" << std::setw(11) << "claim" << std::setw(9) << "kind"
              << std::setw(8) << "killed" << std::setw(12) << "case" << std::setw(8) << "budget" << "seconds\n";
    for (const auto& r : rows) {
        if (!mo.only.empty() && std::find(mo.only.begin(), mo.only.end(), r.id) == mo.only.end()) continue;
        const auto& def = *prop::find_property(r.id);
        const auto out = prop::run_property(def, options);
        const bool dead = out.kind == prop::Outcome::Kind::failed;
        const int b = budget(def, r.claim);
        ++run;
        killed += dead;
        late += dead && out.cases + 1 > b;
        std::cout << std::setw(40) << r.id << std::setw(11) << r.claim << std::setw(9) << r.kind << std::setw(8)
                  << (dead ? "yes" : "NO") << std::setw(12)
                  << (dead ? std::to_string(out.cases + 1) + (out.cases + 1 > b ? " (late)" : "")
                           : prop::to_string(out.kind) + std::string(" ") + std::to_string(out.cases))
                  << std::setw(8) << b << fmt_eps(out.seconds) << std::endl;
    }
    std::cout << "\n" << killed << " of " << run << " mutants killed" << (killed == run ? "" : "; survivors are listed as NO")
              << "\n";
    if (late)
        std::cout << late << " killed only after more cases than the budget `check` gives the claim's property there"
                  << " (marked late)\n";
    return killed == run ? 0 : 1;
}

}  // namespace

// ---- replay ----

namespace {

void render_replay_text(const json& r) {
    const auto bits = r["precision_bits"].get<unsigned>(), stored = r["stored_precision_bits"].get<unsigned>();
    const json& printed = r["printed_claim"];
    std::cout << r["file"].get<std::string>() << "\n  claim " << r["claim"].get<std::string>() << " at " << bits << " bits"
              << (stored != bits ? " (stored at " + std::to_string(stored) + ")" : "") << "\n  printed claim: "
              << printed["verdict"].get<std::string>() << "\n    " << printed["quantity"].get<std::string>()
              << "\n    printed:  " << printed["printed"].get<std::string>()
              << "\n    computed: " << printed["computed"].get<std::string>()
              << "\n    decided by: " << printed["decided_by"].get<std::string>() << "\n";
    if (r.contains("corrected_statement"))
        std::cout << "  corrected statement: " << r["corrected_statement"]["verdict"].get<std::string>() << " ("
                  << r["corrected_statement"]["decided_by"].get<std::string>() << ")\n";
    std::cout << (r["still_refuted"].get<bool>() ? "  the stored case still refutes the printed claim\n"
                                                 : "  the stored case NO LONGER refutes the printed claim\n");
}

// A stored case is input: its own numbers are checked before any computation, so that a malformed
// file exits 2 rather than reaching the library as a contract violation (exit 3). load_counterexample
// checks the fields' presence and JSON types and instance_from_json validates a matrix instance, but
// scalar parameters (claims/scalar_corpus.cpp, scalar_problem_from) and the stored precision are
// decoded without validation; this does it for them. (It belongs in scalar_problem_from: remove it
// from here once that validates.)
}  // namespace

// Exit 0 when the stored case still refutes the printed claim (the registry's
// expectation), 1 when it no longer does.
int Commands::run_replay() {
    Counterexample c = load_counterexample(replay_file_);
    try {
        stored_precision(c);  // the stored case is input: checked before anything runs on it
        if (const ClaimDefinition* d = find_claim_definition(c.claim); d && d->kind == CaseKind::scalar) scalar_problem_from(c);
    } catch (const InputError& e) {
        throw InputError(replay_file_ + ": " + e.what());
    }
    const unsigned stored_bits = c.precision_bits;
    if (replay_out_.digits || replay_out_.bits) c.precision_bits = numerics(replay_out_).precision.bits();
    const ReplayResult r = replay_counterexample(c);
    const bool still = r.printed.verdict == Verdict::violated;
    auto j = [](const CheckResult& x, const std::string& certificate) {
        return json{{"verdict", to_string(x.verdict)}, {"quantity", x.quantity}, {"printed", x.printed},
                    {"computed", x.computed}, {"error_eps", x.error_eps}, {"detail", x.detail},
                    {"decided_by", certificate}};
    };
    json report{{"file", replay_file_}, {"claim", c.claim}, {"precision_bits", c.precision_bits},
                {"stored_precision_bits", stored_bits}, {"printed_claim", j(r.printed, r.printed_certificate)},
                {"still_refuted", still}};
    if (r.corrected) report["corrected_statement"] = j(*r.corrected, r.corrected_certificate);
    print_report(report, replay_out_.json, render_replay_text);
    if (const ClaimDefinition* d = find_claim_definition(c.claim); !replay_out_.json && d && d->stronger_reading)
        std::cout << "  (" << c.claim << " holds with a caveat: its stored case refutes a reading stronger than the"
                  << " paper's, shown as the printed claim above; the corrected statement is the caveat)\n";
    return still ? 0 : 1;
}

// ---- evaluate ----

namespace {

void render_evaluate_text(const json& out) {
    const json& inst = out["instance"];
    std::cout << "instance: L = " << inst["L"] << ", dims = " << inst["dims"].dump() << ", N = " << inst["N"]
              << ", convention " << inst["convention"].get<std::string>() << ", " << out["precision_bits"] << " bits\n";
    std::cout << "  per-layer lambda (CJW form): " << inst["lambda_cjw_per_layer"].dump()
              << "\n  target singular values: " << inst["target_singular_values"].dump() << "\n";
    for (const char* key : {"loss", "gradient_norm", "gradient_norm_per_layer", "layer_fro_norms_sq",
                            "end_to_end_singular_values", "hessian_trace", "hessian_inertia", "hessian_spectrum",
                            "notes"})
        if (out.contains(key)) std::cout << key << ": " << text_of(out[key]) << "\n";
}

}  // namespace

int Commands::run_evaluate() {
    const Numerics num = numerics(evaluate_out_);
    const Precision& p = num.precision;
    const Instance inst = load_instance(eval_instance_, p);
    if (eval_hessian_ && eval_weights_.empty()) throw InputError("--hessian needs --weights");
    const auto str = [&](const Real& x) { return to_string(x, num.digits); };

    json out;
    out["precision_bits"] = p.bits();
    out["instance"] = {{"L", inst.L}, {"dims", inst.dims}, {"convention", to_string(inst.convention)},
                       {"N", inst.num_parameters()}};
    const CjwForm form = cjw_form(inst, p);
    json lam = json::array();
    for (const auto& l : form.lambda) lam.push_back(str(l));
    out["instance"]["lambda_cjw_per_layer"] = lam;
    out["instance"]["loss_factor_vs_cjw"] = str(form.loss_factor);
    json tsv = json::array();
    const Vector ty = target_singular_values(inst, p);
    for (Eigen::Index i = 0; i < ty.size(); ++i) tsv.push_back(str(ty(i)));
    out["instance"]["target_singular_values"] = tsv;

    if (!eval_weights_.empty()) {
        const Weights w = load_point(eval_weights_, inst, p);
        const bool dense_hessian = eval_hessian_ && inst.num_parameters() <= eval_max_n_;
        const PointEvaluation e = evaluate_point(inst, w, p, dense_hessian);
        out["loss"] = str(e.loss);
        out["gradient_norm"] = str(e.gradient_norm);
        json gl = json::array(), norms = json::array(), pj = json::array();
        for (const auto& g : e.gradient_norm_per_layer) gl.push_back(str(g));
        for (const auto& n : e.layer_fro_norms_sq) norms.push_back(str(n));
        for (Eigen::Index i = 0; i < e.end_to_end_singular_values.size(); ++i) pj.push_back(str(e.end_to_end_singular_values(i)));
        out["gradient_norm_per_layer"] = gl;
        out["layer_fro_norms_sq"] = norms;
        out["end_to_end_singular_values"] = pj;
        if (eval_hessian_ && !dense_hessian) {
            out["hessian_spectrum"] = nullptr;
            out["notes"].push_back("Hessian skipped: N = " + std::to_string(inst.num_parameters()) + " exceeds --max-n " +
                                   std::to_string(eval_max_n_));
        } else if (e.hessian) {
            json spec = json::array();
            for (Eigen::Index i = 0; i < e.hessian->spectrum.size(); ++i) spec.push_back(str(e.hessian->spectrum(i)));
            out["hessian_spectrum"] = spec;
            out["hessian_trace"] = str(e.hessian->trace);
            out["hessian_inertia"] = {e.hessian->inertia.negative, e.hessian->inertia.zero, e.hessian->inertia.positive};
            out["hessian_zero_tolerance"] = str(e.hessian->zero_threshold);
        }
    }
    print_report(out, evaluate_out_.json, render_evaluate_text);
    return 0;
}

}  // namespace dmf::cli
