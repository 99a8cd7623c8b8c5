// dmf-oracle: the command-line tool. Subcommands:
//   check     run every claim's properties and print the claim table (the main job)
//   claims    print the claim registry
//   evaluate  loss, gradient and Hessian spectrum of an instance (and a point), from the definition
//   scalar, replay, solve, classify, landscape, sharpness, search (see docs/cli.md)
//
// Exit codes (docs/cli.md):
//   0  ok (also --help)
//   1  a claim disagrees: the command's own verdict (check, replay); returned by the command
//   2  bad input: any command-line error CLI11 reports (unknown or missing options, values out of
//      range, --digits/--bits where they do not apply), and dmf::InputError (unreadable or
//      malformed files, invalid instances, unknown claim IDs, ...)
//   3  internal error: any other exception. std::invalid_argument and std::logic_error from the
//      library are contract violations (the CLI validated its input and called the library
//      wrongly, or the library broke its own promise), not bad input.
// Errors go to stderr as one line, "dmf-oracle: error: ..." (2) or "dmf-oracle: internal error: ..."
// (3); nothing escapes main.
#include "cli/commands.hpp"

#include "dmf/problem/instance.hpp"

#include <CLI/CLI.hpp>

#include <exception>
#include <iostream>
#include <string>

namespace {

constexpr int kExitBadInput = 2;
constexpr int kExitInternal = 3;

// One line: newlines in a message become "; ".
std::string one_line(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    for (std::string::size_type i; (i = s.find('\n')) != std::string::npos;) s.replace(i, 1, "; ");
    return s;
}

int run(int argc, char** argv) {
    CLI::App app{"dmf-oracle: an arbitrary-precision test oracle for regularized deep matrix factorization"};
    app.require_subcommand(1);
    dmf::cli::Commands commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // --help (and --help-all) are ParseErrors with exit code 0: let CLI11 print the help.
        if (e.get_exit_code() == static_cast<int>(CLI::ExitCodes::Success)) return app.exit(e);
        std::cerr << "dmf-oracle: error: " << one_line(e.what()) << " (run with --help for more information)\n";
        return kExitBadInput;
    }
    try {
        return commands.run();
    } catch (const dmf::InputError& e) {
        std::cerr << "dmf-oracle: error: " << one_line(e.what()) << "\n";
        return kExitBadInput;
    } catch (const CLI::Error& e) {
        // CLI11 errors raised after parsing (none today) are still about the command line.
        std::cerr << "dmf-oracle: error: " << one_line(e.what()) << "\n";
        return kExitBadInput;
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        return run(argc, argv);
    } catch (const std::exception& e) {
        try {
            std::cerr << "dmf-oracle: internal error: " << one_line(e.what()) << "\n";
        } catch (...) {
        }
        return kExitInternal;
    } catch (...) {
        std::cerr << "dmf-oracle: internal error: an exception of unknown type\n";
        return kExitInternal;
    }
}
