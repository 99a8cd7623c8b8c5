#include "cli/solve_command.hpp"

#include "claims/claim_table.hpp"
#include "claims/landscape_claims.hpp"
#include "dmf/landscape/landscape.hpp"
#include "dmf/landscape/landscape_summary.hpp"
#include "dmf/problem/instance_json.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace dmf::cli {

using json = nlohmann::json;

void add_solve_command(CLI::App& app, SolveOptions& o, CLI::App*& cmd) {
    cmd = app.add_subcommand("solve", "thresholds, global minimum, every critical orbit with its type, and the claims on one instance");
    cmd->add_option("instance", o.instance, "instance JSON")->required();
    cmd->add_option("--max-n", o.max_n, "largest N for dense Hessian work (default 120); above it spectra are skipped")
        ->check(CLI::Range(1LL, 4'194'304LL));
    cmd->add_option("--max-bits", o.max_bits,
                    "cap of the automatic precision escalation that decides each y_i against the thresholds "
                    "(default 4096); --digits sets only the digits printed")
        ->check(CLI::Range(64u, 1u << 20));
    add_output_options(cmd, o.out);
}

namespace {

json verdict_json(const CheckResult& r) {
    return {{"verdict", to_string(r.verdict)}, {"quantity", r.quantity}, {"printed", r.printed}, {"computed", r.computed}};
}

json inertia_json(const Inertia& i) { return json{i.negative, i.zero, i.positive}; }

void render_solve_text(const json& out) {
    const json& inst = out["instance"];
    std::cout << "instance: L = " << inst["L"] << ", dims " << inst["dims"].dump() << ", "
              << inst["convention"].get<std::string>() << ", N = " << inst["N"] << ", " << out["precision_bits"]
              << " bits (landscape decided at " << out["decided_at_bits"] << " bits)\n  target singular values "
              << inst["target_singular_values"].dump() << "\nthresholds:\n";
    for (auto& [k, v] : out["thresholds"].items())
        std::cout << "  " << k << " = " << (v.is_null() ? "undefined" : v.get<std::string>()) << "\n";
    const json& gm = out["global_minimum"];
    std::cout << "global minimum: " << gm["value"].get<std::string>() << "\n";
    for (const char* k : {"end_to_end_singular_values", "unique_end_to_end", "layer_fro_norms_sq", "hessian_trace",
                          "trace_bound_kp81"})
        std::cout << "  " << k << ": " << text_of(gm[k]) << "\n";
    const json& cps = out["critical_points"];
    std::cout << "critical orbits (" << cps.size() << "):\n";
    for (const auto& c : cps)
        std::cout << "  roots " << c["roots"].dump() << "  F = " << c["value"].get<std::string>() << "\n    predicted "
                  << (c["predicted_type"].is_null() ? "-" : c["predicted_type"].get<std::string>()) << ", computed "
                  << c["computed_type"].get<std::string>() << ", inertia " << c["hessian_inertia"].dump()
                  << ", orbit dimension " << c["orbit_dimension"].dump() << "\n"
                  << (c["certificate"].is_null() ? std::string() : "    type decided by: " + c["certificate"].get<std::string>() + "\n");
    std::cout << "claims:\n";
    for (auto& [k, v] : out["claims"].items()) std::cout << "  " << k << ": " << v["verdict"].get<std::string>() << "\n";
    const json& cert = out["certificates"];
    std::cout << "certificates: landscape " << cert["landscape"].get<std::string>() << "; orbit types "
              << (cert["orbit_types"].is_null() ? std::string("-") : cert["orbit_types"].get<std::string>())
              << "; global minimum " << (cert["global_minimum"].is_null() ? std::string("-") : cert["global_minimum"].get<std::string>())
              << "\n";
    for (const auto& t : cert["threshold_positions"])
        std::cout << "  y_" << t["index"].get<int>() << " " << t["position"].get<std::string>() << " "
                  << t["threshold"].get<std::string>() << ": " << t["decided_by"].get<std::string>() << "\n";
    for (auto& n : out["notes"]) std::cout << "note: " << n.get<std::string>() << "\n";
}

}  // namespace

int run_solve(const SolveOptions& o) {
    const Numerics num = numerics(o.out);
    const Precision& p = num.precision;
    const Instance inst = load_instance(o.instance, p);
    const auto S = [&](const Real& x) { return to_string(x, num.digits); };
    const auto Ss = [&](const auto& xs) {
        json a = json::array();
        for (const Real& x : xs) a.push_back(S(x));
        return a;
    };
    const auto Sv = [&](const Vector& v) {
        json a = json::array();
        for (Eigen::Index i = 0; i < v.size(); ++i) a.push_back(S(v(i)));
        return a;
    };
    const int L = inst.L;
    const long long N = inst.num_parameters();
    const bool dense = dense_within(inst, o.max_n);
    json notes = json::array();
    if (!dense)
        notes.push_back("N = " + std::to_string(N) + " > --max-n " + std::to_string(o.max_n) +
                        ": the orbit types come from the certified inertia of the structured Hessian blocks alone; the "
                        "dense cross-check, the dense higher-order terms, the multistart and the claims that need them are skipped");

    const Landscape land = classify_landscape(inst, p, 1, 3, dense, o.max_bits);
    const LandscapeSummary sum = summarize_landscape(inst, land, p, o.max_n);
    // The claims are checked where the landscape was decided: there every target singular value is on
    // its certified side of the thresholds, so no check reads a side off rounding (at --digits 30 a
    // target 1e-70 above tau looked like a point of KP's exceptional set).
    const Precision pc = land.decided_bits > p.bits() ? Precision::from_bits(land.decided_bits) : p;
    const Instance inst_c = pc == p ? inst : at_precision(inst, pc);

    // ---- instance ----
    json out{{"instance", {{"L", L}, {"dims", json(inst.dims)}, {"convention", to_string(inst.convention)}, {"N", N},
                           {"lambda", Ss(inst.lambda)}, {"target_singular_values", Ss(land.svd.y)}}},
             {"precision_bits", p.bits()},
             {"decided_at_bits", land.decided_bits}};

    // ---- thresholds ----
    auto formula = [&](const char* name, const Formula& f) -> json {
        if (f.value) return S(*f.value);
        notes.push_back(std::string(name) + ": " + f.undefined_reason);
        return nullptr;
    };
    const LandscapeThresholds& t = sum.thresholds;
    json th;
    th["lambda_bar"] = S(t.lambda_bar);
    th["x_bar"] = formula("x_bar", t.x_bar);
    th["y_bar"] = formula("y_bar", t.y_bar);
    th["tau_kp"] = formula("tau_kp", t.tau_kp);
    th["y_star"] = formula("y_star", t.y_star);
    th["collapse_lambda"] = formula("collapse_lambda", t.collapse_lambda);
    out["thresholds"] = th;
    notes.push_back("tau_kp and collapse_lambda are in KP's lambda (= L lambdabar); y_star equals tau_kp when both exist");

    // ---- critical orbits ----
    json cps = json::array();
    notes.push_back(dense ? "hessian_inertia: the certified inertia of the structured blocks where it decided every sign, else the dense Hessian's"
                          : "hessian_inertia: the certified inertia of the structured blocks (null where it did not decide every sign; no dense check above --max-n)");
    for (size_t i = 0; i < land.orbits.size(); ++i) {
        const ClassifiedOrbit& c = land.orbits[i];
        const OrbitSummary& s = sum.orbits[i];
        const auto& cl = c.classification;
        cps.push_back({{"roots", s.roots},
                       {"value", S(cl.loss)},
                       {"predicted_type", L >= 3 ? json(predict_t2_2(inst_c, land.svd, c.orbit, pc, T22Variant::printed, &land.positions)) : json(nullptr)},
                       {"computed_type", c.computed},
                       {"hessian_inertia", s.hessian_inertia ? inertia_json(*s.hessian_inertia) : json(nullptr)},
                       {"orbit_dimension", cl.orbit_dimension >= 0 ? json(cl.orbit_dimension) : json(nullptr)},
                       {"evidence", cl.evidence},
                       {"certificate", c.certificate.empty() ? json(nullptr) : json(c.certificate)}});
    }
    if (L < 3) notes.push_back("predicted_type: T2.2 is stated for L >= 3 (L = 2 is CJW.A1)");

    // ---- global minimum ----
    const GlobalMinimumSummary& g = sum.global;
    json gm;
    gm["value"] = S(land.global_value);
    if (!g.orbit) notes.push_back("global_minimum: no orbit was decided to be global at this precision");
    gm["end_to_end_singular_values"] = g.end_to_end_singular_values ? Sv(*g.end_to_end_singular_values) : json(nullptr);
    gm["unique_end_to_end"] =
        g.unique_end_to_end == Decision::undecided ? json("undecided") : json(g.unique_end_to_end == Decision::yes);
    gm["layer_fro_norms_sq"] = g.layer_fro_norms_sq ? Ss(*g.layer_fro_norms_sq) : json(nullptr);
    gm["hessian_spectrum"] = g.hessian_spectrum ? Sv(*g.hessian_spectrum) : json(nullptr);
    gm["hessian_trace"] = g.hessian_trace ? json(S(*g.hessian_trace)) : json(nullptr);
    gm["trace_bound_kp81"] = g.trace_bound_kp81 ? json(S(*g.trace_bound_kp81)) : json(nullptr);
    if (g.hessian_spectrum) {
        if (g.dense_agreement_eps)
            notes.push_back("hessian_spectrum: block-structured; the dense Hessian of the definition agrees to " +
                            to_string(*g.dense_agreement_eps, 3) + " eps of its norm");
        else
            notes.push_back("hessian_spectrum: block-structured (N above --max-n: no dense check)");
    }
    if (!g.trace_bound_kp81_note.empty()) notes.push_back("trace_bound_kp81: " + g.trace_bound_kp81_note);
    out["global_minimum"] = gm;
    out["critical_points"] = cps;

    // ---- claims on this instance ----
    // Every claim of the table that has a check on a classified landscape, at the depths it speaks of
    // (claims/claim_table.hpp OnLandscape); those needing first-principles types only when dense.
    json claims = json::object();
    for (const ClaimDefinition& d : claim_table()) {
        const OnLandscape& on = d.on_landscape;
        if (!on.check || L < on.min_depth || L > on.max_depth || (on.needs_dense_hessian && !dense)) continue;
        const CheckResult r = on.check(inst_c, land, pc);
        if (on.report_not_applicable || r.verdict != Verdict::not_applicable) claims[d.id] = verdict_json(r);
    }
    out["claims"] = claims;
    if (!land.decision_note.empty()) notes.push_back("decided_at_bits: " + land.decision_note);
    // ---- certificates: how each position against a threshold, and so the landscape, was decided ----
    json positions = json::array();
    for (const auto& t : land.positions)
        positions.push_back({{"index", t.index + 1},
                             {"threshold", t.threshold},
                             {"position", t.relation == 1 ? "above" : t.relation == 0 ? "on" : t.relation == -1 ? "below" : "undecided"},
                             {"decided_by", t.decided_by}});
    const std::string types = landscape_types_certificate(land);
    out["certificates"] = {{"landscape", land.certificate},
                           {"threshold_positions", positions},
                           {"orbit_types", types.empty() ? json(nullptr) : json(types)},
                           {"global_minimum", land.global_certificate.empty() ? json(nullptr) : json(land.global_certificate)}};
    out["notes"] = notes;

    print_report(out, o.out.json, render_solve_text);
    return 0;
}

}  // namespace dmf::cli
