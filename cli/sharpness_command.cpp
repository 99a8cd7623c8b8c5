#include "cli/sharpness_command.hpp"

#include "dmf/landscape/critical_search.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/problem/objective.hpp"
#include "dmf/landscape/prox.hpp"
#include "dmf/numerics/random.hpp"
#include "dmf/landscape/sharpness.hpp"

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
    Instance inst = load_instance(o.instance, p);
    if (inst.convention == Convention::cjw) {
        for (const auto& l : inst.lambda)
            if (l != inst.lambda[0]) throw InputError("sharpness: KP's formulas need equal lambda_l; this cjw instance has unequal ones");
        PrecisionGuard g(p);
        inst.lambda = {inst.lambda[0] * inst.L};  // cjw with lambda_l = lambda/L is kp's lambda (loss 2F)
        inst.convention = Convention::kp;
    }
    if (inst.num_parameters() > 60) throw InputError("sharpness: N = " + std::to_string(inst.num_parameters()) + " > 60 (dense Newton at multiprecision)");
    const auto S = [&](const Real& x) { return to_string(x, num.digits); };
    const Prox prox = kp_prox(inst.target, inst.L, inst.lambda[0], p);
    Rng rng(o.seed);
    json runs = json::array();
    std::vector<Real> traces;
    PrecisionGuard g(p);
    const Real tol = make_real(p, 1, -static_cast<long>(p.bits() / 2)) * (1 + abs(prox.schatten_value));
    // Start 0 is structured: the balanced factorization (136) of the target itself, when the widths
    // allow it (every hidden width >= min(d_0, d_L)); the others are random.
    bool structured = true;
    for (int l = 1; l < inst.L; ++l) structured = structured && inst.dims[l] >= inst.rank_bound();
    std::vector<Matrix> ends;            // P of each start that reached the global value
    std::vector<std::vector<Real>> fro;  // ||W_l||_F of each such start
    for (int s = 0; s < o.starts; ++s) {
        Weights start;
        const Real scale = make_real(p, 1, -1);
        if (s == 0 && structured) {
            // (136) has hidden widths min(d_0, d_L); pad each factor with zeros to the instance's widths.
            const Weights b = balanced_factorization_136(inst.target, inst.L, p);
            for (int l = 1; l <= inst.L; ++l) {
                Matrix m = zeros(inst.dims[l], inst.dims[l - 1], p);
                m.topLeftCorner(b[l - 1].rows(), b[l - 1].cols()) = b[l - 1];
                start.push_back(m);
            }
        } else {
            for (int l = 1; l <= inst.L; ++l) start.push_back(Matrix(gaussian_matrix(inst.dims[l], inst.dims[l - 1], rng, p) * scale));
        }
        const auto r = find_local_minimizer(inst, start, p);
        json j{{"start", s}, {"kind", s == 0 && structured ? "balanced (136) of the target" : "random"},
               {"converged", r.status == Status::ok}, {"loss", S(r.loss)}};
        const bool global = r.status == Status::ok && r.loss <= prox.schatten_value + tol;
        j["reaches_prox_value"] = global;
        if (global) {
            const Sharpness sh = sharpness(inst, r.w, p);
            traces.push_back(sh.trace);
            ends.push_back(end_to_end(inst, r.w, p));
            fro.push_back(sh.layer_norms);
            j["trace"] = S(sh.trace);
            j["trace_identity_92"] = S(sh.trace_identity_92);
            j["lambda_max"] = S(sh.lambda_max);
            j["bound_81"] = sh.bound_81 ? json(S(*sh.bound_81)) : json("0/0 (collapsed minimizer)");
            if (sh.bound_81) j["gap_trace_minus_bound"] = S(sh.trace - *sh.bound_81);
            json norms = json::array();
            for (const auto& n : sh.layer_norms) norms.push_back(S(n));
            j["layer_fro_norms"] = norms;
        }
        runs.push_back(j);
    }
    std::string answer = "undecided (fewer than two starts reached the global value)";
    if (traces.size() >= 2) {
        Real spread = 0;
        for (const auto& t : traces) spread = std::max(spread, Real(abs(t - traces[0])));
        answer = spread <= tol * (1 + abs(traces[0])) ? "yes: the trace is the same at every global minimizer found (spread " + S(spread) + ")"
                                                     : "no: traces differ by " + S(spread);
    }
    // The spread across the starts that reached the global value: of P and of every ||W_l||_F.
    json spread = nullptr;
    if (ends.size() >= 2) {
        Real dp = 0;
        std::vector<Real> dn(inst.L, Real(0));
        for (size_t i = 1; i < ends.size(); ++i) {
            dp = std::max(dp, Real(sqrt(frobenius_norm_squared(Matrix(ends[i] - ends[0]), p))));
            for (int l = 0; l < inst.L; ++l) dn[l] = std::max(dn[l], Real(abs(fro[i][l] - fro[0][l])));
        }
        json nj = json::array();
        for (const auto& v : dn) nj.push_back(S(v));
        spread = {{"end_to_end_fro", S(dp)}, {"layer_fro_norms", nj}};
    }
    json out{{"precision_bits", p.bits()}, {"prox_value", S(prox.schatten_value)}, {"spread_across_global_starts", spread},
             {"on_exceptional_set", !prox.ties.empty()}, {"tying_singular_indices", prox.ties},
             {"continuum_of_minimizers", prox.continuum}, {"runs", runs}, {"trace_constant_over_minimizers_found", answer}};
    print_report(out, o.out.json, render_sharpness_text);
    return 0;
}

}  // namespace dmf::cli
