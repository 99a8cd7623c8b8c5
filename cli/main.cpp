// dmf-oracle: the command-line tool. Subcommands:
//   check     run every claim's properties and print the claim table (the main job)
//   claims    print the claim registry
//   evaluate  loss, gradient and Hessian spectrum of an instance (and a point), from the definition
// Errors go to stderr as one line with a non-zero exit: 2 for bad input, 3 for internal errors.
#include "cli/commands.hpp"

#include "dmf/problem/instance.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    CLI::App app{"dmf-oracle: an arbitrary-precision test oracle for regularized deep matrix factorization"};
    app.require_subcommand(1);
    dmf::cli::Commands commands(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    }
    try {
        return commands.run();
    } catch (const dmf::InputError& e) {
        std::cerr << "dmf-oracle: error: " << e.what() << "\n";
        return 2;
    } catch (const std::invalid_argument& e) {
        std::cerr << "dmf-oracle: error: " << e.what() << "\n";
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "dmf-oracle: internal error: " << e.what() << "\n";
        return 3;
    }
}
