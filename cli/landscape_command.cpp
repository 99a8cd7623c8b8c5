#include "cli/landscape_command.hpp"

#include "dmf/landscape/landscape.hpp"
#include "dmf/landscape/landscape_limits.hpp"
#include "dmf/problem/instance_json.hpp"
#include "claims/global_claims.hpp"
#include "claims/landscape_claims.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <iostream>

namespace dmf::cli {

using json = nlohmann::json;

void add_landscape_command(CLI::App& app, LandscapeOptions& o, CLI::App*& cmd) {
    cmd = app.add_subcommand("landscape", "every critical orbit (CJW T2.1), classified from first principles beside T2.2's printed type");
    cmd->add_option("instance", o.instance, "instance JSON (cjw, or kp: classified as F = L/2)")->required();
    auto* save = cmd->add_option("--save", o.save_dir, "write violations confirmed at 2x precision to this corpus directory");
    cmd->add_option("--name", o.name, "file-name stem for saved counterexamples (default: the instance's; needs --save)")
        ->needs(save);
    add_output_options(cmd, o.out);
}

namespace {

void render_landscape_text(const json& out) {
    const json& orbits = out["critical_points"];
    std::cout << "landscape at " << out["precision_bits"] << " bits: " << orbits.size() << " critical orbit(s), global value "
              << out["global_value"].get<std::string>() << "\n";
    for (const auto& j : orbits)
        std::cout << "  roots " << j["roots"].dump() << "  F = " << j["value"].get<std::string>() << "\n    printed (T2.2): "
                  << j["predicted_type"].get<std::string>() << ", computed: " << j["computed_type"].get<std::string>()
                  << ", inertia " << j["hessian_inertia"].dump() << ", orbit dimension " << j["orbit_dimension"] << "\n";
    std::cout << "claims:\n";
    for (auto& [k, v] : out["claims"].items())
        std::cout << "  " << k << ": " << v["verdict"].get<std::string>()
                  << (v["verdict"] == "violated" ? "  printed " + v["printed"].get<std::string>() + "; computed " +
                                                       v["computed"].get<std::string>()
                                                 : "")
                  << "\n";
    if (out.contains("saved_counterexamples"))
        for (auto& s : out["saved_counterexamples"]) std::cout << "saved counterexample: " << s.get<std::string>() << "\n";
}

}  // namespace

int run_landscape(const LandscapeOptions& o) {
    const Numerics num = numerics(o.out);
    const Precision& p = num.precision;
    const Instance inst = load_instance(o.instance, p);
    require_dense_landscape_size(inst);
    const Landscape land = classify_landscape(inst, p, 1);
    // Predictions where the landscape was decided (its thresholds' sides are the input's there).
    const Precision pc = land.decided_bits > p.bits() ? Precision::from_bits(land.decided_bits) : p;
    const Instance inst_c = pc == p ? inst : at_precision(inst, pc);
    json orbits = json::array();
    for (const auto& o2 : land.orbits) {
        json xs = json::array(), labels = json::array();
        for (const auto& x : o2.orbit.x) xs.push_back(to_string(x, num.digits));
        for (const auto& l : root_labels(o2.orbit, inst.L)) labels.push_back(l);
        const auto& c = o2.classification;
        orbits.push_back({{"roots", labels},
                          {"x", xs},
                          {"value", to_string(c.loss, num.digits)},
                          {"predicted_type", inst.L >= 3 ? predict_t2_2(inst_c, land.svd, o2.orbit, pc, T22Variant::printed, &land.positions) : "not_applicable"},
                          {"computed_type", o2.computed},
                          {"hessian_inertia", {c.inertia.negative, c.inertia.zero, c.inertia.positive}},
                          {"orbit_dimension", c.orbit_dimension},
                          {"evidence", c.evidence}});
    }
    struct Named {
        const char* claim;
        CheckResult (*printed)(const Instance&, const Precision&);
    };
    const std::vector<Named> checks = {{"CJW.T2.2", check_cjw_t2_2_printed_on},
                                       {"CJW.C2.3", check_cjw_c2_3_printed_on},
                                       {"CJW.A1", check_cjw_a1_printed_on}};
    json claims, saved = json::array();
    for (const auto& ch : checks) {
        const CheckResult r = ch.printed(inst, p);
        claims[ch.claim] = {{"verdict", to_string(r.verdict)}, {"printed", r.printed}, {"computed", r.computed},
                            {"detail", r.detail}};
        if (o.save_dir.empty() || r.verdict != Verdict::violated) continue;
        if (auto cx = confirm_instance_counterexample(ch.claim, inst, p, ch.printed)) {
            std::filesystem::create_directories(o.save_dir);
            const std::string stem = o.name.empty() ? std::filesystem::path(o.instance).stem().string() : o.name;
            const auto path = std::filesystem::path(o.save_dir) /
                              (std::string(ch.claim) + "-" + stem + "-" + std::to_string(p.bits()) + "bits.json");
            save_counterexample(path.string(), *cx);
            saved.push_back(path.string());
        }
    }
    json out{{"precision_bits", p.bits()},
             {"global_value", to_string(land.global_value, num.digits)},
             {"multistart_converged", land.multistart_converged},
             {"critical_points", orbits},
             {"claims", claims}};
    if (!saved.empty()) out["saved_counterexamples"] = saved;
    print_report(out, o.out.json, render_landscape_text);
    return 0;
}

}  // namespace dmf::cli
