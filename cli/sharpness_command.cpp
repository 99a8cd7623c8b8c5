#include "cli/sharpness_command.hpp"

#include "dmf/landscape/sharpness_study.hpp"
#include "dmf/problem/instance_json.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace dmf::cli {

using json = nlohmann::json;

void add_sharpness_command(CLI::App& app, SharpnessOptions& o, CLI::App*& cmd) {
    cmd = app.add_subcommand("sharpness", "Hessian trace and lambda_max at independently found global minimizers vs KP (81), (91)-(92)");
    cmd->add_option("instance", o.instance, "instance JSON (kp convention, or cjw with equal lambda_l)")->required();
    cmd->add_option("--starts", o.starts, "random starts (default 6)")->check(CLI::Range(1, 1000));
    cmd->add_option("--seed", o.seed, "seed of the random starts");
    add_output_options(cmd, o.out);
}

namespace {

void render_sharpness_text(const json& out) {
    std::cout << "prox value (min of the Schatten problem): " << out["prox_value"].get<std::string>() << "\n";
    if (out["on_exceptional_set"].get<bool>())
        std::cout << "target on E at this precision: singular indices " << out["tying_singular_indices"].dump() << " tie"
                  << (out["continuum_of_minimizers"].get<bool>()
                          ? " (a repeated value on tau: a continuum of end-to-end minimizers)"
                          : "")
                  << "\n";
    for (const auto& j : out["runs"]) {
        std::cout << "start " << j["start"] << ": loss " << j["loss"].get<std::string>();
        if (j.contains("trace"))
            std::cout << "\n  trace " << j["trace"].get<std::string>() << "  (91)-(92) " << j["trace_identity_92"].get<std::string>()
                      << "\n  bound (81) " << j["bound_81"].get<std::string>()
                      << (j.contains("gap_trace_minus_bound") ? "  gap " + j["gap_trace_minus_bound"].get<std::string>() : "")
                      << "\n  lambda_max " << j["lambda_max"].get<std::string>();
        else
            std::cout << (j["converged"].get<bool>() ? "  (a local minimum above the global value)" : "  (did not converge)");
        std::cout << "\n";
    }
    const json& spread = out["spread_across_global_starts"];
    if (!spread.is_null())
        std::cout << "spread across the global starts: ||P_i - P_0|| <= " << spread["end_to_end_fro"].get<std::string>()
                  << ", ||W_l||_F spread " << spread["layer_fro_norms"].dump() << "\n";
    std::cout << "trace constant over the global minimizers found: "
              << out["trace_constant_over_minimizers_found"].get<std::string>() << "\n";
}

}  // namespace

int run_sharpness(const SharpnessOptions& o) {
    const Numerics num = numerics(o.out);
    const Precision& p = num.precision;
    const SharpnessStudy st = sharpness_study(load_instance(o.instance, p), o.starts, o.seed, p);
    const auto S = [&](const Real& x) { return to_string(x, num.digits); };
    json runs = json::array();
    for (const auto& r : st.runs) {
        json j{{"start", r.start}, {"kind", r.structured ? "balanced (136) of the target" : "random"},
               {"converged", r.converged}, {"loss", S(r.minimization.loss)}};
        j["reaches_prox_value"] = r.reaches_prox_value;
        if (r.sharpness) {
            const Sharpness& sh = *r.sharpness;
            j["trace"] = S(sh.trace);
            j["trace_identity_92"] = S(sh.trace_identity_92);
            j["lambda_max"] = S(sh.lambda_max);
            j["bound_81"] = sh.bound_81 ? json(S(*sh.bound_81)) : json("0/0 (collapsed minimizer)");
            if (r.gap_trace_minus_bound) j["gap_trace_minus_bound"] = S(*r.gap_trace_minus_bound);
            json norms = json::array();
            for (const auto& n : sh.layer_norms) norms.push_back(S(n));
            j["layer_fro_norms"] = norms;
        }
        runs.push_back(j);
    }
    std::string answer = "undecided (fewer than two starts reached the global value)";
    if (st.trace_constant == Decision::yes)
        answer = "yes: the trace is the same at every global minimizer found (spread " + S(*st.trace_spread) + ")";
    else if (st.trace_constant == Decision::no)
        answer = "no: traces differ by " + S(*st.trace_spread);
    json spread = nullptr;
    if (st.spread) {
        json nj = json::array();
        for (const auto& v : st.spread->layer_fro_norms) nj.push_back(S(v));
        spread = {{"end_to_end_fro", S(st.spread->end_to_end_fro)}, {"layer_fro_norms", nj}};
    }
    const Prox& prox = st.prox;
    json out{{"precision_bits", p.bits()}, {"prox_value", S(prox.schatten_value)}, {"spread_across_global_starts", spread},
             {"on_exceptional_set", !prox.ties.empty()}, {"tying_singular_indices", prox.ties},
             {"continuum_of_minimizers", prox.continuum}, {"runs", runs}, {"trace_constant_over_minimizers_found", answer}};
    print_report(out, o.out.json, render_sharpness_text);
    return 0;
}

}  // namespace dmf::cli
