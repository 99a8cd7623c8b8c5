#include "cli/classify_command.hpp"

#include "dmf/landscape/critical_search.hpp"
#include "dmf/problem/instance_json.hpp"
#include "dmf/landscape/lanczos.hpp"
#include "dmf/landscape/structured_hessian.hpp"
#include "dmf/problem/weights_io.hpp"
#include "claims/landscape_claims.hpp"
#include "dmf/landscape/nearest_orbit.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <limits>

namespace dmf::cli {

using json = nlohmann::json;

void add_classify_command(CLI::App& app, ClassifyOptions& o, CLI::App*& cmd) {
    cmd = app.add_subcommand("classify", "what a given point is: loss, gradient, type, nearest critical orbit, distances, spectrum");
    cmd->add_option("instance", o.instance, "instance JSON")->required();
    cmd->add_option("--weights", o.weights, "point JSON, .npz, .safetensors, or a directory of W1.npy..WL.npy")->required();
    cmd->add_option("--max-n", o.max_n, "largest N for dense Hessian work (default 120)")->check(CLI::Range(1LL, 4'194'304LL));
    add_output_options(cmd, o.out);
}

namespace {

void render_classify_text(const json& out) {
    std::cout << "point " << out["weights"].get<std::string>() << " at " << out["precision_bits"] << " bits\n  loss "
              << out["loss"].get<std::string>() << "\n  ||grad F|| " << out["gradient_norm"].get<std::string>()
              << "\n  type (first principles): "
              << (out["computed_type"].is_null() ? "-" : out["computed_type"].get<std::string>()) << "\n";
    const json& near = out["nearest_critical_orbit"];
    if (!near.is_null()) {
        std::cout << "nearest critical orbit: roots " << near["roots"].dump() << ", F = " << near["value"].get<std::string>()
                  << "\n  predicted (T2.2) " << near["predicted_type"].dump() << ", computed " << near["computed_type"].dump()
                  << "\n  distance to the point reached " << near["distance_to_reached_point"].get<std::string>()
                  << "\n  distance to the orbit (hidden rotations aligned) "
                  << near["distance_to_orbit_aligned"].get<std::string>() << "\n";
    }
    const json& gp = out["distance_to_global_end_to_end"];
    std::cout << "distance of P to the global end-to-end minimizer: " << (gp.is_null() ? "-" : gp.get<std::string>()) << "\n";
    if (!out["hessian_spectrum"].is_null()) std::cout << "Hessian spectrum: " << out["hessian_spectrum"].dump() << "\n";
    for (auto& n : out["notes"]) std::cout << "note: " << n.get<std::string>() << "\n";
}

}  // namespace

int run_classify(const ClassifyOptions& o) {
    const Numerics num = numerics(o.out);
    const Precision& p = num.precision;
    const Instance inst = load_instance(o.instance, p);
    const Weights w = load_weights(o.weights, inst, p);
    const auto S = [&](const Real& x) { return to_string(x, num.digits); };
    const long long N = inst.num_parameters();
    const bool dense = N <= o.max_n;
    json notes = json::array();
    json out{{"precision_bits", p.bits()}, {"weights", o.weights}};
    out["loss"] = S(loss(inst, w, p));

    // The point itself.
    Classification c;
    if (dense) {
        c = classify_point(inst, w, p);
    } else {
        c.gradient_norm = gradient_norm(inst, w, p);
        notes.push_back("N above --max-n: no Hessian at the point");
    }
    out["gradient_norm"] = S(c.gradient_norm);
    out["critical"] = dense ? json(c.kind != PointKind::not_critical) : json(nullptr);
    out["computed_type"] = dense ? json(to_string(c.kind)) : json(nullptr);
    out["type_evidence"] = c.evidence;
    json spectrum = nullptr;
    if (dense) {
        const Vector ev = c.hessian_eigenvalues.size() ? c.hessian_eigenvalues
                                                       : symmetric_eigen(hessian(inst, w, p), p, false).values;
        spectrum = json::array();
        for (Eigen::Index i = 0; i < ev.size(); ++i) spectrum.push_back(S(ev(i)));
    }
    out["hessian_spectrum"] = spectrum;
    if (!dense) {
        // Above the dense cap: the extreme eigenvalues by Lanczos on Hessian-vector products, each with
        // its residual (an eigenvalue lies within it). Multiplicities are not resolved.
        const auto lz = lanczos_extreme(inst, w, 5, p);
        json lo = json::array(), hi = json::array();
        for (const auto& r : lz.lowest) lo.push_back({{"value", S(r.value)}, {"residual", to_string(r.residual, 6)}});
        for (const auto& r : lz.highest) hi.push_back({{"value", S(r.value)}, {"residual", to_string(r.residual, 6)}});
        out["hessian_extremes_lanczos"] = {{"lowest", lo}, {"highest", hi}, {"iterations", lz.iterations},
                                           {"status", to_string(lz.status)}};
        notes.push_back("hessian_extremes_lanczos: Lanczos with full reorthogonalization on the Hessian-vector product; "
                        "some eigenvalue lies within each residual; multiplicities are not resolved");
    }

    // The critical point reached from it, and its T2.1 orbit (matched by layer singular values).
    const Landscape land = classify_landscape(inst, p, 1, 3, dense);
    const auto reached = find_critical_point(inst, w, p);
    json near;
    if (reached.status != Status::ok) {
        near = nullptr;
        notes.push_back("Levenberg-Marquardt on grad F = 0 did not converge from this point: no nearest orbit");
    } else {
        const OrbitMatch match = nearest_orbit(inst, land, reached.w, p);
        const ClassifiedOrbit* best = match.orbit;
        const Real& best_mismatch = match.mismatch;
        PrecisionGuard g(p);
        json roots = best ? json(root_labels(best->orbit, inst.L)) : json::array();
        const Weights aligned = align_hidden_rotations(inst, w, reached.w, p);
        // The Hessian spectrum at the nearest critical orbit, from the block-structured Hessian
        // (exact at critical points; oracle/structured_hessian.hpp): what the given point's spectrum
        // should approach as it converges.
        json at_orbit = nullptr;
        if (best) {
            const auto st = hessian_spectrum_structured(inst, land.svd, best->orbit, p);
            at_orbit = json::array();
            for (Eigen::Index i = 0; i < st.eigenvalues.size(); ++i) at_orbit.push_back(S(st.eigenvalues(i)));
        }
        near = {{"hessian_spectrum_structured", at_orbit},
                {"roots", roots},
                {"value", S(reached.loss)},
                {"layer_singular_value_mismatch", S(best_mismatch)},
                {"distance_to_reached_point", S(weights_distance(w, reached.w, p))},
                {"distance_to_orbit_aligned", S(weights_distance(w, aligned, p))},
                {"predicted_type", best && inst.L >= 3 ? json(predict_t2_2(inst, land.svd, best->orbit, p)) : json(nullptr)},
                {"computed_type", best ? json(best->computed) : json(nullptr)}};
        const Real tol = make_real(p, 1, -static_cast<long>(p.bits() / 2)) * (1 + abs(reached.loss));
        if (best_mismatch > tol)
            notes.push_back("the critical point reached matches no orbit of T2.1 to 2^-(p/2): a candidate counterexample "
                            "to CJW.T2.1 (save the weights)");
        notes.push_back("distance_to_orbit_aligned aligns the hidden rotations only (alternating Procrustes); "
                        "rotations fixing the target are not aligned, so it is an upper bound");
    }
    out["nearest_critical_orbit"] = near;

    // Distance of P to the global minimizer's end-to-end product.
    json gp = nullptr;
    for (const auto& orb : land.orbits)
        if (orb.computed == "global_minimizer") {
            PrecisionGuard g(p);
            gp = S(sqrt(frobenius_norm_squared(Matrix(end_to_end(inst, w, p) - end_to_end(inst, orb.point, p)), p)));
            break;
        }
    out["distance_to_global_end_to_end"] = gp;
    out["predicted_spectrum"] = nullptr;
    notes.push_back("predicted_spectrum: neither paper gives the Hessian spectrum at a matrix critical point in closed "
                    "form (KP (29)-(30) is scalar, and refuted: KP.T6); nearest_critical_orbit.hessian_spectrum_structured "
                    "is the spectrum there from the block-structured Hessian");
    out["notes"] = notes;

    print_report(out, o.out.json, render_classify_text);
    return 0;
}

}  // namespace dmf::cli
