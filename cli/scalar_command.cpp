#include "cli/scalar_command.hpp"

#include "dmf/problem/instance.hpp"
#include "dmf/numerics/polynomial.hpp"
#include "dmf/landscape/scalar_problem.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/landscape/scalar_thresholds.hpp"
#include "claims/scalar_claims.hpp"
#include "claims/scalar_corpus.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
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
    Real lambda = num("lambda", o.lambda);
    const Real m = num("m", o.m);
    if (!(lambda > 0)) throw InputError("--lambda: must be > 0, got " + o.lambda);
    PrecisionGuard guard(p);
    // CJW with lambda_l = lambda for every layer is KP with lambda_KP = L lambda (and loss 2F).
    if (o.convention == "cjw") lambda *= o.L;
    const ScalarProblem pr{o.L, lambda, m};
    const Real lambda_bar = lambda / o.L;  // CJW's lambdabar of the same problem
    const auto S = [&](const Real& x) { return to_string(x, dg); };

    json out;
    out["precision_bits"] = p.bits();
    out["problem"] = {{"L", o.L}, {"lambda_kp", S(lambda)}, {"lambda_bar_cjw", S(lambda_bar)}, {"m", S(m)},
                      {"loss", "(m - w_L...w_1)^2 + (lambda_kp/L) sum w_i^2 = 2 F_cjw"}};
    json notes = json::array();
    json th;
    const Formula tau = kp_tau(o.L, lambda, p);
    th["tau_kp"] = formula_json(tau, dg);
    if (!tau.value) notes.push_back("tau_kp: " + tau.undefined_reason);
    th["rho_m_kp26"] = formula_json(kp_rho_m(o.L, lambda, p), dg);
    th["collapse_lambda_kp_c14"] = formula_json(kp_collapse_lambda(o.L, abs(m), p), dg);
    th["x_bar_cjw42"] = formula_json(cjw_x_bar(o.L, lambda_bar, p), dg);
    th["y_bar_cjw43"] = formula_json(cjw_y_bar(o.L, lambda_bar, p), dg);
    // y*: CJW (10)'s tie G(x+(y); y) = G(0; y), found by bisection (not from a formula).
    const Bracket ystar = tau_twin(o.L, lambda, p);
    th["y_star_numeric"] = ystar.exists ? json(S(ystar.mid())) : json(nullptr);
    if (!ystar.exists) notes.push_back("y_star: " + ystar.note);
    out["thresholds"] = th;

    // Roots of f(.; |m|) with lambdabar, labelled by the sign of f'.
    std::vector<Rational> c(2 * o.L, Rational(0));
    c[2 * o.L - 1] += 1;
    c[o.L - 1] -= to_rational(Real(abs(m)));
    c[1] += to_rational(lambda_bar);
    json roots = json::array();
    for (const auto& r : positive_roots(RationalPolynomial(c), p)) {
        const char* label = r.derivative_sign > 0 ? "x+" : (r.derivative_sign < 0 ? "x-" : "double");
        if (o.L <= 2 && r.derivative_sign != 0) label = "x";
        roots.push_back({{"value", S(r.value)}, {"label", label}, {"enclosure", r.enclosure.str(dg)}});
    }
    out["roots_of_f"] = roots;

    const ScalarMinimizers M = scalar_global_minimizers(pr, p);
    json cands = json::array();
    for (size_t i = 0; i < M.candidates.size(); ++i) {
        const auto& cd = M.candidates[i];
        const bool minimal = std::find(M.minimal.begin(), M.minimal.end(), static_cast<int>(i)) != M.minimal.end();
        json cj = {{"s", S(cd.s)}, {"origin", cd.origin}, {"value_enclosure", cd.value.str(dg)},
                   {"possibly_minimal", minimal}};
        if (minimal) {
            const auto pts = scalar_minimizer_points(pr, cd, p, 1 << 12);
            cj["omega_points"] = pts.size();
            const Vector eig = scalar_hessian_eigenvalues(pr, pts.at(0), p);
            json e = json::array();
            for (Eigen::Index k = 0; k < eig.size(); ++k) e.push_back(S(eig(k)));
            cj["hessian_spectrum_computed"] = e;
            json pred = json::array();
            for (const auto& v : kp_hessian_eigenvalues_29(o.L, lambda, cd.s, p)) pred.push_back(S(v));
            cj["hessian_spectrum_kp29_printed"] = pred;
            cj["lambda_max_kp30_printed"] = S(kp_lambda_max_30(o.L, lambda, cd.s, p));
            cj["end_to_end"] = cd.origin ? "0" : S(m < 0 ? Real(-pow(cd.s, o.L)) : Real(pow(cd.s, o.L)));
        }
        cands.push_back(cj);
    }
    out["minimizers"] = {{"unique", to_string(M.unique)}, {"candidates", cands}, {"evidence", M.evidence}};
    // Tie evidence: when undecided, the same comparison at 2x and 4x precision.
    if (M.unique != Decision::yes) {
        json esc = json::array();
        for (unsigned k : {1u, 2u, 4u}) {
            const ScalarMinimizers Mk = scalar_global_minimizers(pr, p.times(k));
            esc.push_back({{"bits", p.times(k).bits()}, {"unique", to_string(Mk.unique)}, {"evidence", Mk.evidence}});
        }
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
        claims["CJW.A1"] = verdict_json(check_cjw_a1_scalar(lambda / 2, lambda / 2, abs(m), p));
    }
    out["claims"] = claims;
    if (!saved.empty()) out["saved_counterexamples"] = saved;
    out["notes"] = notes;

    print_report(out, o.out.json, render_scalar_text);
    return 0;
}

}  // namespace dmf::cli
