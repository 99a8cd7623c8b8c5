#include "cli/commands.hpp"

#include "claims/registry.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/objective.hpp"
#include "properties/property.hpp"
#include "claims/replay.hpp"

#include <nlohmann/json.hpp>

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

}  // namespace

Commands::Commands(CLI::App& app) {
    check_ = app.add_subcommand("check", "run every claim's properties and print the claim table");
    check_->add_option("--claims", check_claims_, "claim IDs to run (default: all), or property IDs such as CJW.A1/scalar")->delimiter(',');
    check_->add_option("--cases", check_cases_, "cases per property (default: RC_PARAMS max_success, else 100)")
        ->check(CLI::Range(1, 1000000));
    check_->add_option("--seed", check_seed_, "RapidCheck seed (default: a hash of each property's ID)");
    check_->add_option("--time-budget-s", check_budget_s_, "stop starting new claims after this many seconds (0: none)")
        ->check(CLI::NonNegativeNumber);
    add_output_options(check_, check_out_);

    claims_ = app.add_subcommand("claims", "print the claim registry");
    add_output_options(claims_, claims_out_);

    evaluate_ = app.add_subcommand("evaluate", "loss, gradient and Hessian spectrum from the definition");
    evaluate_->add_option("instance", eval_instance_, "instance JSON file")->required();
    evaluate_->add_option("--weights", eval_weights_, "point JSON file {\"weights\": [W_1, ..., W_L]}");
    evaluate_->add_flag("--hessian", eval_hessian_, "also the full Hessian spectrum (needs --weights)");
    evaluate_->add_option("--max-n", eval_max_n_, "largest N for the dense Hessian (default 400)")
        ->check(CLI::Range(1LL, 100000LL));
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
}

int Commands::run() {
    if (check_->parsed()) return run_check();
    if (claims_->parsed()) return run_claims();
    if (evaluate_->parsed()) return run_evaluate();
    if (scalar_->parsed()) return run_scalar(scalar_options_);
    if (replay_->parsed()) return run_replay();
    if (sharpness_->parsed()) return run_sharpness(sharpness_options_);
    if (landscape_->parsed()) return run_landscape(landscape_options_);
    if (solve_->parsed()) return run_solve(solve_options_);
    if (search_->parsed()) return run_search(search_options_);
    if (classify_->parsed()) return run_classify(classify_options_);
    return 2;
}

int Commands::run_claims() {
    const auto& reg = claim_registry();
    if (claims_out_.json) {
        json arr = json::array();
        for (const auto& c : reg) {
            arr.push_back({{"id", c.id},
                           {"source", c.source},
                           {"title", c.title},
                           {"statement", c.statement},
                           {"preconditions", c.preconditions},
                           {"status", to_string(c.status)},
                           {"corrected", c.corrected ? json(*c.corrected) : json(nullptr)},
                           {"counterexamples", c.counterexamples},
                           {"notes", c.notes}});
        }
        std::cout << json{{"claims", arr}}.dump(2) << "\n";
        return 0;
    }
    for (const auto& c : reg) {
        std::cout << c.id << "  [" << to_string(c.status) << "]  " << c.title << "\n  source: " << c.source
                  << "\n  printed: " << c.statement << "\n";
        if (!c.preconditions.empty()) {
            std::cout << "  preconditions:";
            for (const auto& p : c.preconditions) std::cout << " " << p << ";";
            std::cout << "\n";
        }
        if (c.corrected) std::cout << "  corrected: " << *c.corrected << "\n";
        for (const auto& f : c.counterexamples) std::cout << "  counterexample: " << f << "\n";
        if (!c.notes.empty()) std::cout << "  notes: " << c.notes << "\n";
        std::cout << "\n";
    }
    return 0;
}

int Commands::run_check() {
    const auto& reg = claim_registry();
    // --claims takes claim IDs (every property of the claim) and property IDs such as CJW.A1/scalar
    // (that property alone, hidden ones included): the replay line of a failure names its property.
    auto is_property = [](const std::string& id) {
        for (const auto& def : prop::all_properties())
            if (id == def.id) return true;
        return false;
    };
    for (const auto& id : check_claims_)
        if (!find_claim(id) && !is_property(id))
            throw InputError("--claims: unknown claim or property ID '" + id + "' (see dmf-oracle claims)");
    auto selected = [&](const std::string& claim, const std::string& property) {
        if (check_claims_.empty()) return true;
        return std::find(check_claims_.begin(), check_claims_.end(), claim) != check_claims_.end() ||
               std::find(check_claims_.begin(), check_claims_.end(), property) != check_claims_.end();
    };

    prop::RunOptions options;
    options.seed = check_seed_;
    options.max_success = check_cases_;
    options.replay_prefix = "dmf-oracle check --claims ";
    options.replay_hidden_suffix = "";  // naming a hidden property runs it

    const auto start = std::chrono::steady_clock::now();
    const auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };

    json rows = json::array();
    bool all_consistent = true;
    std::vector<std::string> failures;
    auto note_failure = [&](const std::string& id, const prop::Outcome& out) {
        failures.push_back(id + ": " + prop::to_string(out.kind) + "\n" + out.message +
                           (out.replay_command.empty() ? "" : "\nReplay: " + out.replay_command));
    };
    // One line of the claim table (text output only).
    auto print_row = [&](const std::string& id, const std::string& status, int cases, const ErrorReport& worst,
                         const std::string& observed, const std::string& cx) {
        if (check_out_.json) return;
        std::cout << std::left << std::setw(12) << (id.size() >= 12 ? id + " " : id) << std::setw(19) << status
                  << std::right << std::setw(7) << cases << std::setw(12)
                  << (worst.count() ? fmt_eps(worst.max_error_eps()) : "-") << "  " << std::left << std::setw(16)
                  << observed << (cx.empty() ? "-" : cx) << "\n";
    };
    if (!check_out_.json)
        std::cout << std::left << std::setw(12) << "claim" << std::setw(19) << "status" << std::right << std::setw(7)
                  << "cases" << std::setw(12) << "worst(eps)" << "  " << std::left << std::setw(16) << "observed"
                  << "counterexamples\n";
    for (const auto& c : reg) {
        const bool whole_claim =
            check_claims_.empty() || std::find(check_claims_.begin(), check_claims_.end(), c.id) != check_claims_.end();
        bool any = whole_claim;
        for (const auto& def : prop::all_properties())
            any = any || (prop::claim_of(def.id) == c.id && selected(c.id, def.id));
        if (!any) continue;
        json row{{"id", c.id}, {"status", to_string(c.status)}, {"counterexamples", c.counterexamples}};
        json props = json::array();
        int cases = 0, run = 0, failed = 0;
        bool replayed = false;
        ErrorReport worst;
        std::string observed;
        if (check_budget_s_ > 0 && elapsed() > check_budget_s_) {
            observed = "skipped (budget)";
        } else {
            for (const auto& def : prop::all_properties()) {
                if (prop::claim_of(def.id) != c.id) continue;
                if (whole_claim ? def.hidden : !selected(c.id, def.id)) continue;
                const auto out = prop::run_property(def, options);
                ++run;
                cases += out.cases;
                if (std::string(def.id) == c.id + "/replay" && out.kind == prop::Outcome::Kind::passed) replayed = true;
                worst.merge(out.errors);
                json pj{{"id", def.id},
                        {"outcome", prop::to_string(out.kind)},
                        {"cases", out.cases},
                        {"seconds", out.seconds},
                        {"worst_error_eps", out.errors.count() ? json(out.errors.max_error_eps()) : json(nullptr)},
                        {"worst_input", out.errors.worst_input()}};
                if (out.kind != prop::Outcome::Kind::passed) {
                    ++failed;
                    pj["message"] = out.message;
                    pj["replay"] = out.replay_command;
                    note_failure(def.id, out);
                }
                props.push_back(pj);
            }
            observed = run == 0 ? "no property" : failed ? "FAILED" : "passed";
        }
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
        row["worst_error_eps"] = worst.count() ? json(worst.max_error_eps()) : json(nullptr);
        rows.push_back(row);
        std::string cx;
        for (const auto& f : c.counterexamples) cx += (cx.empty() ? "" : ",") + f;
        print_row(c.id, to_string(c.status), cases, worst, observed + (consistent ? "" : " !"), cx);
    }
    // Self-checks outside the registry (CORE.*, SELFTEST.*), run only when named: one row each.
    for (const auto& def : prop::all_properties()) {
        const std::string id = def.id;
        if (check_claims_.empty() || find_claim(prop::claim_of(def.id)) ||
            std::find(check_claims_.begin(), check_claims_.end(), id) == check_claims_.end())
            continue;
        const auto out = prop::run_property(def, options);
        const bool passed = out.kind == prop::Outcome::Kind::passed;
        all_consistent = all_consistent && passed;
        if (!passed) note_failure(id, out);
        rows.push_back(json{{"id", id},
                            {"status", "self-check"},
                            {"cases", out.cases},
                            {"observed", passed ? "passed" : "FAILED"},
                            {"consistent", passed},
                            {"worst_error_eps", out.errors.count() ? json(out.errors.max_error_eps()) : json(nullptr)},
                            {"worst_input", out.errors.worst_input()}});
        print_row(id, "self-check", out.cases, out.errors, passed ? "passed" : "FAILED !", "");
    }
    if (check_out_.json) {
        std::cout << json{{"claims", rows}, {"consistent", all_consistent}, {"seconds", elapsed()}}.dump(2) << "\n";
    } else {
        for (const auto& f : failures) std::cout << "\n" << f << "\n";
        std::cout << "\n"
                  << (all_consistent ? "every claim's observed behaviour agrees with its registry status"
                                     : "DISAGREEMENT: some claim's observed behaviour differs from its registry status (marked !)")
                  << " (" << fmt_eps(elapsed()) << " s)\n";
    }
    return all_consistent ? 0 : 1;
}

// Exit 0 when the stored case still refutes the printed claim (the registry's
// expectation), 1 when it no longer does.
int Commands::run_replay() {
    Counterexample c = load_counterexample(replay_file_);
    const unsigned stored_bits = c.precision_bits;
    if (replay_out_.digits || replay_out_.bits) c.precision_bits = numerics(replay_out_).precision.bits();
    const ReplayResult r = replay_counterexample(c);
    const bool still = r.printed.verdict == Verdict::violated;
    auto j = [](const CheckResult& x) {
        return json{{"verdict", to_string(x.verdict)}, {"quantity", x.quantity}, {"printed", x.printed},
                    {"computed", x.computed}, {"error_eps", x.error_eps}, {"detail", x.detail}};
    };
    if (replay_out_.json) {
        json out{{"file", replay_file_}, {"claim", c.claim}, {"precision_bits", c.precision_bits},
                 {"stored_precision_bits", stored_bits},
                 {"printed_claim", j(r.printed)}, {"still_refuted", still}};
        if (r.corrected) out["corrected_statement"] = j(*r.corrected);
        std::cout << out.dump(2) << "\n";
    } else {
        std::cout << replay_file_ << "\n  claim " << c.claim << " at " << c.precision_bits << " bits"
                  << (stored_bits != c.precision_bits ? " (stored at " + std::to_string(stored_bits) + ")" : "")
                  << "\n  printed claim: "
                  << to_string(r.printed.verdict) << "\n    " << r.printed.quantity << "\n    printed:  " << r.printed.printed
                  << "\n    computed: " << r.printed.computed << "\n";
        if (r.corrected) std::cout << "  corrected statement: " << to_string(r.corrected->verdict) << "\n";
        std::cout << (still ? "  the stored case still refutes the printed claim\n"
                            : "  the stored case NO LONGER refutes the printed claim\n");
    }
    return still ? 0 : 1;
}

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
    const auto sv = svd(inst.target, p, false);
    if (sv.status != Status::ok) throw std::runtime_error("SVD of the target did not converge");
    json tsv = json::array();
    for (Eigen::Index i = 0; i < sv.sigma.size(); ++i) tsv.push_back(str(sv.sigma(i)));
    out["instance"]["target_singular_values"] = tsv;

    if (!eval_weights_.empty()) {
        const Weights w = load_point(eval_weights_, inst, p);
        out["loss"] = str(loss(inst, w, p));
        const Weights g = gradient(inst, w, p);
        json gl = json::array();
        Real total = 0;
        {
            PrecisionGuard guard(p);
            for (const auto& m : g) {
                const Real n2 = frobenius_norm_squared(m, p);
                total += n2;
                gl.push_back(str(sqrt(n2)));
            }
            out["gradient_norm"] = str(sqrt(total));
        }
        out["gradient_norm_per_layer"] = gl;
        json norms = json::array();
        for (const auto& m : w) norms.push_back(str(frobenius_norm_squared(m, p)));
        out["layer_fro_norms_sq"] = norms;
        const auto psv = svd(end_to_end(inst, w, p), p, false);
        json pj = json::array();
        for (Eigen::Index i = 0; i < psv.sigma.size(); ++i) pj.push_back(str(psv.sigma(i)));
        out["end_to_end_singular_values"] = pj;
        if (eval_hessian_) {
            if (inst.num_parameters() > eval_max_n_) {
                out["hessian_spectrum"] = nullptr;
                out["notes"].push_back("Hessian skipped: N = " + std::to_string(inst.num_parameters()) +
                                       " exceeds --max-n " + std::to_string(eval_max_n_));
            } else {
                const Matrix H = hessian(inst, w, p);
                const auto eig = symmetric_eigen(H, p, false);
                if (eig.status != Status::ok) throw std::runtime_error("Hessian eigensolver did not converge");
                PrecisionGuard guard(p);
                Real hmax = 0, trace = 0;
                for (Eigen::Index i = 0; i < eig.values.size(); ++i) {
                    hmax = std::max(hmax, Real(abs(eig.values(i))));
                    trace += H(i, i);
                }
                // An eigenvalue within 16 N eps ||H|| of zero is numerically zero at this precision.
                const Real zero_tol = 16 * static_cast<int>(inst.num_parameters()) * epsilon(p) * hmax;
                int neg = 0, zero = 0, pos = 0;
                json spec = json::array();
                for (Eigen::Index i = 0; i < eig.values.size(); ++i) {
                    spec.push_back(str(eig.values(i)));
                    if (abs(eig.values(i)) <= zero_tol) ++zero;
                    else if (eig.values(i) < 0) ++neg;
                    else ++pos;
                }
                out["hessian_spectrum"] = spec;
                out["hessian_trace"] = str(trace);
                out["hessian_inertia"] = {neg, zero, pos};
                out["hessian_zero_tolerance"] = str(zero_tol);
            }
        }
    }

    if (evaluate_out_.json) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    std::cout << "instance: L = " << inst.L << ", dims = " << json(inst.dims).dump() << ", N = "
              << inst.num_parameters() << ", convention " << to_string(inst.convention) << ", " << p.bits()
              << " bits\n";
    std::cout << "  per-layer lambda (CJW form): " << lam.dump() << "\n  target singular values: " << tsv.dump() << "\n";
    for (const char* key : {"loss", "gradient_norm", "gradient_norm_per_layer", "layer_fro_norms_sq",
                            "end_to_end_singular_values", "hessian_trace", "hessian_inertia", "hessian_spectrum",
                            "notes"})
        if (out.contains(key)) std::cout << key << ": " << (out[key].is_string() ? out[key].get<std::string>() : out[key].dump()) << "\n";
    return 0;
}

}  // namespace dmf::cli
