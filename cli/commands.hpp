// The subcommands of dmf-oracle, registered on a CLI11 app.
#pragma once

#include "cli/output_options.hpp"
#include "cli/scalar_command.hpp"
#include "cli/classify_command.hpp"
#include "cli/landscape_command.hpp"
#include "cli/search_command.hpp"
#include "cli/solve_command.hpp"
#include "cli/sharpness_command.hpp"

#include <CLI/CLI.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace dmf::cli {


class Commands {
public:
    explicit Commands(CLI::App& app);
    int run();  // runs whichever subcommand was parsed

private:
    CLI::App* check_ = nullptr;
    CLI::App* claims_ = nullptr;
    CLI::App* evaluate_ = nullptr;
    CLI::App* scalar_ = nullptr;
    CLI::App* replay_ = nullptr;
    CLI::App* search_ = nullptr;
    SearchCommandOptions search_options_;
    CLI::App* solve_ = nullptr;
    SolveOptions solve_options_;
    CLI::App* classify_ = nullptr;
    ClassifyOptions classify_options_;
    CLI::App* landscape_ = nullptr;
    LandscapeOptions landscape_options_;
    CLI::App* sharpness_ = nullptr;
    SharpnessOptions sharpness_options_;
    std::string replay_file_;
    ScalarOptions scalar_options_;

    bool check_json_ = false, claims_json_ = false;  // no --digits/--bits: they would not apply
    OutputOptions evaluate_out_, replay_out_;
    std::vector<std::string> check_claims_;
    std::optional<int> check_cases_;
    std::optional<std::uint64_t> check_seed_;
    double check_budget_s_ = 0;
    int check_jobs_ = 0;           // 0: online_cores()
    bool check_timings_ = false;  // wall-clock fields in --json (off: two runs are byte-identical)

    std::string eval_instance_, eval_weights_;
    bool eval_hessian_ = false;
    long long eval_max_n_ = 400;

    int run_check();
    int run_claims();
    int run_evaluate();
    int run_replay();
};

}  // namespace dmf::cli
