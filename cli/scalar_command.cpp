#include "cli/scalar_command.hpp"

#include "dmf/landscape/scalar_report.hpp"
#include "dmf/problem/instance.hpp"
#include "claims/scalar_claims.hpp"
#include "claims/scalar_corpus.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <iostream>

namespace dmf::cli {

using json = nlohmann::json;

void add_scalar_command(CLI::App& app, ScalarOptions& o, CLI::App*& cmd) {
    cmd = app.add_subcommand("scalar", "the scalar problem: thresholds, roots, minimizers, Hessians, claim verdicts");
    cmd->add_option("--L", o.L, "depth L >= 1")->required()->check(CLI::Range(1, 64));
    cmd->add_option("--lambda", o.lambda, "lambda > 0 (KP's lambda, or CJW's per-layer lambda with --convention cjw)");
    cmd->add_option("--m", o.m, "the target m (a decimal)");
    cmd->add_option("--convention", o.convention, "kp (default) or cjw")->check(CLI::IsMember({"kp", "cjw"}));
    add_output_options(cmd, o.out, 16);
    cmd->add_option("--save-counterexample", o.save_dir, "save each violation confirmed at 2x precision into this directory");
}

namespace {

json formula_json(const Formula& f, int digits) {
    return f.value ? json(to_string(*f.value, digits)) : json(nullptr);
}

json verdict_json(const CheckResult& r) {
    return {{"verdict", to_string(r.verdict)}, {"quantity", r.quantity}, {"printed", r.printed},
            {"computed", r.computed},          {"error_eps", r.error_eps}, {"detail", r.detail}};
}

void render_scalar_text(const json& out) {
    const json& pr = out["problem"];
    std::cout << "scalar problem: L = " << pr["L"] << ", lambda (KP) = " << pr["lambda_kp"].get<std::string>()
              << ", m = " << pr["m"].get<std::string>() << ", " << out["precision_bits"] << " bits\n\nthresholds:\n";
    for (auto& [k, v] : out["thresholds"].items())
        std::cout << "  " << k << " = " << (v.is_null() ? "undefined" : v.get<std::string>()) << "\n";
    std::cout << "\npositive roots of f(.; |m|) with lambdabar = lambda/L:\n";
    if (out["roots_of_f"].empty()) std::cout << "  none\n";
    for (auto& r : out["roots_of_f"])
        std::cout << "  " << r["label"].get<std::string>() << " = " << r["value"].get<std::string>() << "\n";
    const json& mins = out["minimizers"];
    std::cout << "\nglobal minimizer unique: " << mins["unique"].get<std::string>() << "\n";
    for (auto& cj : mins["candidates"]) {
        std::cout << "  candidate s = " << cj["s"].get<std::string>() << (cj["origin"].get<bool>() ? " (origin)" : "")
                  << ", loss in " << cj["value_enclosure"].get<std::string>()
                  << (cj["possibly_minimal"].get<bool>() ? "  <- minimal" : "") << "\n";
        if (cj.contains("hessian_spectrum_computed")) {
            std::cout << "    |Omega| = " << cj["omega_points"] << ", end-to-end = " << cj["end_to_end"].get<std::string>()
                      << "\n    Hessian spectrum (computed):    " << cj["hessian_spectrum_computed"].dump()
                      << "\n    Hessian spectrum (KP (29) printed): " << cj["hessian_spectrum_kp29_printed"].dump() << "\n";
        }
    }
    if (mins.contains("precision_escalation"))
        std::cout << "  precision escalation: " << mins["precision_escalation"].dump() << "\n";
    std::cout << "\nclaims on this instance:\n";
    for (auto& [k, v] : out["claims"].items())
        std::cout << "  " << k << ": " << v["verdict"].get<std::string>()
                  << (v["quantity"].get<std::string>().empty() ? "" : "  (" + v["quantity"].get<std::string>() + ")") << "\n";
    if (out.contains("saved_counterexamples"))
        for (auto& s : out["saved_counterexamples"]) std::cout << "saved counterexample: " << s.get<std::string>() << "\n";
    for (auto& n : out["notes"]) std::cout << "note: " << n.get<std::string>() << "\n";
}

}  // namespace

int run_scalar(const ScalarOptions& o) {
    const Numerics nm = numerics(o.out);
    const Precision& p = nm.precision;
    const int dg = nm.digits;
    auto num = [&](const std::string& field, const std::string& text) {
        try {
            return parse_real(text, p);
        } catch (const std::invalid_argument& e) {
            throw InputError("--" + field + ": " + e.what());
        }
    };
    const Real lambda = num("lambda", o.lambda);
    const Real m = num("m", o.m);
    if (!(lambda > 0)) throw InputError("--lambda: must be > 0, got " + o.lambda);
    const ScalarProblem pr = scalar_problem_kp(o.L, lambda, m, o.convention == "cjw" ? Convention::cjw : Convention::kp, p);
    const ScalarReport rep = scalar_report(pr, p);
    const auto S = [&](const Real& x) { return to_string(x, dg); };

    json out;
    out["precision_bits"] = p.bits();
    out["problem"] = {{"L", o.L}, {"lambda_kp", S(pr.lambda)}, {"lambda_bar_cjw", S(rep.lambda_bar)}, {"m", S(pr.m)},
                      {"loss", "(m - w_L...w_1)^2 + (lambda_kp/L) sum w_i^2 = 2 F_cjw"}};
    json notes = json::array();
    const ScalarThresholdValues& t = rep.thresholds;
    json th;
    th["tau_kp"] = formula_json(t.tau_kp, dg);
    if (!t.tau_kp.value) notes.push_back("tau_kp: " + t.tau_kp.undefined_reason);
    th["rho_m_kp26"] = formula_json(t.rho_m_kp26, dg);
    th["collapse_lambda_kp_c14"] = formula_json(t.collapse_lambda_kp_c14, dg);
    th["x_bar_cjw42"] = formula_json(t.x_bar_cjw42, dg);
    th["y_bar_cjw43"] = formula_json(t.y_bar_cjw43, dg);
    th["y_star_numeric"] = t.y_star ? json(S(*t.y_star)) : json(nullptr);
    if (!t.y_star) notes.push_back("y_star: " + t.y_star_bracket.note);
    out["thresholds"] = th;

    json roots = json::array();
    for (const auto& r : rep.roots_of_f)
        roots.push_back({{"value", S(r.root.value)}, {"label", r.label}, {"enclosure", r.root.enclosure.str(dg)}});
    out["roots_of_f"] = roots;

    const ScalarMinimizers& M = rep.minimizers;
    json cands = json::array();
    for (const auto& c : rep.candidates) {
        const auto& cd = M.candidates.at(c.index);
        json cj = {{"s", S(cd.s)}, {"origin", cd.origin}, {"value_enclosure", cd.value.str(dg)},
                   {"possibly_minimal", c.possibly_minimal}};
        if (c.possibly_minimal) {
            cj["omega_points"] = c.omega_points;
            json e = json::array();
            for (Eigen::Index k = 0; k < c.hessian_spectrum_computed.size(); ++k) e.push_back(S(c.hessian_spectrum_computed(k)));
            cj["hessian_spectrum_computed"] = e;
            json pred = json::array();
            for (const auto& v : c.hessian_spectrum_kp29) pred.push_back(S(v));
            cj["hessian_spectrum_kp29_printed"] = pred;
            cj["lambda_max_kp30_printed"] = S(c.lambda_max_kp30);
            cj["end_to_end"] = cd.origin ? "0" : S(c.end_to_end);
        }
        cands.push_back(cj);
    }
    out["minimizers"] = {{"unique", to_string(M.unique)}, {"candidates", cands}, {"evidence", M.evidence}};
    // Tie evidence: when undecided, the same comparison at 1x, 2x and 4x precision.
    if (!rep.escalation.empty()) {
        json esc = json::array();
        for (const auto& st : rep.escalation) esc.push_back({{"bits", st.bits}, {"unique", to_string(st.unique)}, {"evidence", st.evidence}});
        out["minimizers"]["precision_escalation"] = esc;
    }

    struct Named {
        const char* claim;
        std::function<CheckResult(const ScalarProblem&, const Precision&)> check;
    };
    const std::vector<Named> checks = {
        {"KP.T5", check_kp_t5},
        {"KP.T6", [](const ScalarProblem& q, const Precision& pp) { return check_kp_t6_printed(q, pp); }},
        {"KP.T6/corrected", [](const ScalarProblem& q, const Precision& pp) { return check_kp_t6_corrected(q, pp); }},
        {"KP.R7", [](const ScalarProblem& q, const Precision& pp) { return check_kp_r7(q.L, q.m, pp); }},
        {"CJW.L3.10", check_cjw_l3_10_kp_form},
        {"KP.C14", check_kp_c14_scalar},
    };
    json claims;
    json saved = json::array();
    for (const auto& ch : checks) {
        const CheckResult r = ch.check(pr, p);
        claims[ch.claim] = verdict_json(r);
        if (!o.save_dir.empty() && r.verdict == Verdict::violated && std::string(ch.claim).find('/') == std::string::npos) {
            if (auto cx = confirm_scalar_counterexample(ch.claim, pr, p, ch.check)) {
                std::filesystem::create_directories(o.save_dir);
                const std::string name = std::string(ch.claim) + "-L" + std::to_string(o.L) + "-lambda" + o.lambda +
                                         "-m" + o.m + "-" + std::to_string(p.bits()) + "bits.json";
                const std::string path = (std::filesystem::path(o.save_dir) / name).string();
                save_counterexample(path, *cx);
                saved.push_back(path);
            }
        }
    }
    if (o.L == 2) {
        // CJW.A1 with lambda_1 = lambda_2 = lambda_kp / 2.
        claims["CJW.A1"] = verdict_json(check_cjw_a1_scalar(rep.lambda_bar, rep.lambda_bar, rep.m_abs, p));
    }
    out["claims"] = claims;
    if (!saved.empty()) out["saved_counterexamples"] = saved;
    out["notes"] = notes;

    print_report(out, o.out.json, render_scalar_text);
    return 0;
}

}  // namespace dmf::cli
