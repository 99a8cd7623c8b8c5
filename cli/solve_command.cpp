#include "cli/solve_command.hpp"
#include "dmf/numerics/tolerance_policy.hpp"

#include "dmf/problem/instance_json.hpp"
#include "dmf/landscape/prox.hpp"
#include "dmf/theory/cjw.hpp"
#include "dmf/theory/kp.hpp"
#include "dmf/landscape/sharpness.hpp"
#include "dmf/landscape/structured_hessian.hpp"
#include "dmf/numerics/tolerance_policy.hpp"
#include "claims/global_claims.hpp"
#include "claims/landscape_claims.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace dmf::cli {

using json = nlohmann::json;

void add_solve_command(CLI::App& app, SolveOptions& o, CLI::App*& cmd) {
    cmd = app.add_subcommand("solve", "thresholds, global minimum, every critical orbit with its type, and the claims on one instance");
    cmd->add_option("instance", o.instance, "instance JSON")->required();
    cmd->add_option("--max-n", o.max_n, "largest N for dense Hessian work (default 120); above it spectra are skipped")
        ->check(CLI::Range(1LL, 4'194'304LL));
    add_output_options(cmd, o.out);
}

namespace {

std::string root_label(const Orbit& o, size_t j, int L) {
    if (o.choice[j] == 0) return "0";
    if (L <= 2) return "x";
    return o.root_slope[j] > 0 ? "x+" : o.root_slope[j] < 0 ? "x-" : "xbar";
}

json verdict_json(const CheckResult& r) {
    return {{"verdict", to_string(r.verdict)}, {"quantity", r.quantity}, {"printed", r.printed}, {"computed", r.computed}};
}

void render_solve_text(const json& out) {
    const json& inst = out["instance"];
    std::cout << "instance: L = " << inst["L"] << ", dims " << inst["dims"].dump() << ", "
              << inst["convention"].get<std::string>() << ", N = " << inst["N"] << ", " << out["precision_bits"]
              << " bits\n  target singular values " << inst["target_singular_values"].dump() << "\nthresholds:\n";
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
                  << ", orbit dimension " << c["orbit_dimension"].dump() << "\n";
    std::cout << "claims:\n";
    for (auto& [k, v] : out["claims"].items()) std::cout << "  " << k << ": " << v["verdict"].get<std::string>() << "\n";
    for (auto& n : out["notes"]) std::cout << "note: " << n.get<std::string>() << "\n";
}

}  // namespace

int run_solve(const SolveOptions& o) {
    const Numerics num = numerics(o.out);
    const Precision& p = num.precision;
    const Instance inst = load_instance(o.instance, p);
    const auto S = [&](const Real& x) { return to_string(x, num.digits); };
    const int L = inst.L;
    const long long N = inst.num_parameters();
    const bool dense = N <= o.max_n;
    json notes = json::array();
    if (!dense)
        notes.push_back("N = " + std::to_string(N) + " > --max-n " + std::to_string(o.max_n) +
                        ": Hessian spectra and first-principles types skipped; the global value is the least orbit value");

    const Landscape land = classify_landscape(inst, p, 1, 3, dense);
    const Real lb = lambda_bar(inst, p);
    const CjwForm form = cjw_form(inst, p);
    PrecisionGuard g(p);

    // ---- instance ----
    json dims = inst.dims, lam = json::array(), ys = json::array();
    for (const auto& l : inst.lambda) lam.push_back(S(l));
    for (const auto& y : land.svd.y) ys.push_back(S(y));
    json out{{"instance", {{"L", L}, {"dims", dims}, {"convention", to_string(inst.convention)}, {"N", N}, {"lambda", lam},
                           {"target_singular_values", ys}}},
             {"precision_bits", p.bits()}};

    // ---- thresholds ----
    auto formula = [&](const char* name, const Formula& f) -> json {
        if (f.value) return S(*f.value);
        notes.push_back(std::string(name) + ": " + f.undefined_reason);
        return nullptr;
    };
    json th;
    th["lambda_bar"] = S(lb);
    th["x_bar"] = formula("x_bar", cjw_x_bar(L, lb, p));
    th["y_bar"] = formula("y_bar", cjw_y_bar(L, lb, p));
    th["tau_kp"] = formula("tau_kp", kp_tau(L, Real(lb * L), p));
    if (L >= 3) {
        // CJW (10)'s tie G(x+; y) = G(0; y): with f(x; y) = 0 it gives lambdabar = x^{2L-2}/(L-2),
        // so x_t = ((L-2) lambdabar)^{1/(2L-2)} and y* = (L-1)/(L-2) x_t^L (derived here, not printed).
        const Real xt = pow(Real(lb * (L - 2)), Real(1) / (2 * L - 2));
        th["y_star"] = S(Real(pow(xt, L) * (L - 1) / (L - 2)));
    } else {
        th["y_star"] = nullptr;
        notes.push_back("y_star: L <= 2 has no tie in CJW (10) (the threshold is continuous)");
    }
    th["collapse_lambda"] =
        formula("collapse_lambda", kp_collapse_lambda(L, land.svd.y.empty() ? Real(0) : land.svd.y.front(), p));
    out["thresholds"] = th;
    notes.push_back("tau_kp and collapse_lambda are in KP's lambda (= L lambdabar); y_star equals tau_kp when both exist");

    // ---- critical orbits ----
    json cps = json::array();
    std::vector<const ClassifiedOrbit*> globals;
    // Spectra at critical orbits come from the block-structured Hessian (structured_hessian.hpp),
    // O(K^2 L^3); --max-n caps only the dense first-principles checks.
    auto structured_inertia = [&](const ClassifiedOrbit& c) -> json {
        const auto s = hessian_spectrum_structured(inst, land.svd, c.orbit, p);
        const Eigen::Index n = s.eigenvalues.size();
        if (n == 0 || s.status != Status::ok) return nullptr;
        // The one zero policy (tolerance_policy.hpp), the same as evaluate's and the classifier's.
        const Real zero = tolerance::hessian_zero_threshold(s.eigenvalues, p);
        int neg = 0, nul = 0, pos = 0;
        for (Eigen::Index i = 0; i < n; ++i) (s.eigenvalues(i) < -zero ? neg : s.eigenvalues(i) > zero ? pos : nul)++;
        return json{neg, nul, pos};
    };
    if (!dense) notes.push_back("hessian_inertia: from the block-structured Hessian at each orbit (no dense check above --max-n)");
    for (const auto& c : land.orbits) {
        json roots = json::array();
        for (size_t j = 0; j < c.orbit.x.size(); ++j) roots.push_back(root_label(c.orbit, j, L));
        const auto& cl = c.classification;
        json entry{{"roots", roots},
                   {"value", S(cl.loss)},
                   {"predicted_type", L >= 3 ? json(predict_t2_2(inst, land.svd, c.orbit, p)) : json(nullptr)},
                   {"computed_type", c.computed},
                   {"hessian_inertia", dense ? json{cl.inertia.negative, cl.inertia.zero, cl.inertia.positive}
                                             : structured_inertia(c)},
                   {"orbit_dimension", cl.orbit_dimension >= 0 ? json(cl.orbit_dimension) : json(nullptr)},
                   {"evidence", cl.evidence}};
        cps.push_back(entry);
        const Real tol = make_real(p, 1, -static_cast<long>(p.bits() / 2)) * (abs(land.global_value) + 1);
        if (c.computed == "global_minimizer" || (!dense && cl.loss <= land.global_value + tol)) globals.push_back(&c);
    }
    if (L < 3) notes.push_back("predicted_type: T2.2 is stated for L >= 3 (L = 2 is CJW.A1)");

    // ---- global minimum ----
    json gm;
    gm["value"] = S(land.global_value);
    if (globals.empty()) {
        notes.push_back("global_minimum: no orbit was decided to be global at this precision");
        gm["end_to_end_singular_values"] = nullptr;
        gm["unique_end_to_end"] = "undecided";
        gm["layer_fro_norms_sq"] = nullptr;
    } else {
        const Weights& w = globals.front()->point;
        const auto sv = svd(end_to_end(inst, w, p), p, false);
        json s = json::array(), norms = json::array();
        for (Eigen::Index i = 0; i < sv.sigma.size(); ++i) s.push_back(S(sv.sigma(i)));
        for (const auto& m : w) norms.push_back(S(frobenius_norm_squared(m, p)));
        gm["end_to_end_singular_values"] = s;
        gm["layer_fro_norms_sq"] = norms;
        // Unique P: every global orbit has the same active pattern up to equal y's, and no block of equal
        // y is split between active and inactive indices (that would be a continuum of P).
        bool unique = true, undecided = land.undecided;
        const auto& first = globals.front()->orbit;
        for (const auto* c : globals)
            for (size_t j = 0; j < c->orbit.x.size(); ++j)
                if ((c->orbit.choice[j] != 0) != (first.choice[j] != 0)) unique = false;
        for (size_t j = 0; j < first.x.size(); ++j)
            for (size_t k = 0; k < first.x.size(); ++k)
                if (land.svd.block[j] == land.svd.block[k] && (first.choice[j] != 0) != (first.choice[k] != 0) &&
                    land.svd.y[j] > 0)
                    unique = false;
        gm["unique_end_to_end"] = undecided && unique ? json("undecided") : json(unique);
    }
    gm["hessian_spectrum"] = nullptr;
    gm["hessian_trace"] = nullptr;
    gm["trace_bound_kp81"] = nullptr;
    if (!globals.empty()) {
        const Weights& w = globals.front()->point;
        const auto st = hessian_spectrum_structured(inst, land.svd, globals.front()->orbit, p);
        json spec = json::array();
        Real tr = 0;
        for (Eigen::Index i = 0; i < st.eigenvalues.size(); ++i) spec.push_back(S(st.eigenvalues(i))), tr += st.eigenvalues(i);
        gm["hessian_spectrum"] = spec;
        gm["hessian_trace"] = S(tr);
        if (dense) {
            // The independent check: the dense Hessian of the definition at the orbit's representative.
            const auto e = symmetric_eigen(hessian(inst, w, p), p, false);
            Real worst = 0, norm = 0;
            for (Eigen::Index i = 0; i < e.values.size(); ++i) {
                worst = std::max(worst, Real(abs(e.values(i) - st.eigenvalues(i))));
                norm = std::max(norm, Real(abs(e.values(i))));
            }
            notes.push_back("hessian_spectrum: block-structured; the dense Hessian of the definition agrees to " +
                            to_string(Real(worst / (epsilon(p) * (dmf::tolerance::guarded_scale(norm, p)))), 3) + " eps of its norm");
        } else {
            notes.push_back("hessian_spectrum: block-structured (N above --max-n: no dense check)");
        }
    }
    if (!globals.empty() && dense) {
        const Weights& w = globals.front()->point;
        bool equal = true;
        for (const auto& l : form.lambda) equal = equal && l == form.lambda[0];
        if (equal) {
            Instance kp = inst;
            kp.convention = Convention::kp;
            kp.lambda = {form.lambda[0] * L};
            const Sharpness sh = sharpness(kp, w, p);
            // KP's loss is 2F: its Hessian and (81) are twice CJW's; report (81) in this instance's convention.
            if (sh.bound_81) gm["trace_bound_kp81"] = S(Real(*sh.bound_81 * form.loss_factor / 2));
            else notes.push_back("trace_bound_kp81: 0/0 at a collapsed minimizer (KP.T15 caveat)");
        } else {
            notes.push_back("trace_bound_kp81: KP (81) needs equal lambda_l");
        }
    }
    out["global_minimum"] = gm;
    out["critical_points"] = cps;

    // ---- claims on this instance ----
    json claims;
    if (dense) {
        if (L >= 3) {
            claims["CJW.T2.2"] = verdict_json(check_cjw_t2_2(inst, land, p));
            claims["CJW.C2.3"] = verdict_json(check_cjw_c2_3(inst, land, p));
        }
        if (L == 2) claims["CJW.A1"] = verdict_json(check_cjw_a1(inst, land, p));
    }
    claims["X.GLOBAL"] = verdict_json(check_x_global_rank(inst, p));
    if (dense) {
        // The claims about critical points and global minimizers, on this instance's classified orbits
        // (those that do not apply, e.g. KP's with unequal lambda_l, are left out).
        const std::vector<std::pair<const char*, CheckResult (*)(const Instance&, const Precision&)>> more = {
            {"CJW.T2.1", check_cjw_t2_1_if_on}, {"CJW.L3.3", check_cjw_l3_3_on}, {"CJW.L3.11", check_cjw_l3_11_on},
            {"KP.T2", check_kp_t2_on},          {"KP.T3", check_kp_t3_on},      {"KP.T10", check_kp_t10_on},
            {"KP.C13", check_kp_c13_on},        {"KP.T15", check_kp_t15_on}};
        for (const auto& [id, f] : more) {
            const CheckResult r = f(inst, p);
            if (r.verdict != Verdict::not_applicable) claims[id] = verdict_json(r);
        }
    }
    out["claims"] = claims;
    out["notes"] = notes;

    print_report(out, o.out.json, render_solve_text);
    return 0;
}

}  // namespace dmf::cli
