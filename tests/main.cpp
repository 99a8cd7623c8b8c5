// doctest main with the property adapter: every DMF_PROPERTY becomes a doctest
// test case named by its ID (test suite "property"; hidden ones in "selftest",
// skipped unless named with --no-skip). A failure prints the one-line replay:
//   RC_PARAMS="reproduce=..." build/tests/dmf-tests --test-case=KP.T6
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include "properties/property.hpp"

#include <array>
#include <iostream>
#include <string>
#include <utility>

namespace {

std::string g_executable = "dmf-tests";

void run_registered(std::size_t index) {
    const auto& def = dmf::prop::all_properties().at(index);
    dmf::prop::RunOptions options;
    options.replay_prefix = g_executable + " --test-case=";
    const auto out = dmf::prop::run_property(def, options);
    if (out.kind == dmf::prop::Outcome::Kind::passed) {
        MESSAGE(std::string(def.id) << ": " << out.cases << " cases, " << out.errors.summary());
        return;
    }
    std::string text = std::string(def.id) + " " + dmf::prop::to_string(out.kind) + " after " +
                       std::to_string(out.cases) + " cases\n" + out.message;
    if (!out.replay_command.empty()) {
        text += "\nReplay: " + out.replay_command;
        std::cerr << "Replay: " << out.replay_command << "\n";
    }
    FAIL(text);
}

// doctest takes plain function pointers, so each slot gets its own trampoline.
constexpr std::size_t kMaxProperties = 512;
template <std::size_t I>
void trampoline() {
    run_registered(I);
}
template <std::size_t... I>
constexpr std::array<void (*)(), sizeof...(I)> make_trampolines(std::index_sequence<I...>) {
    return {&trampoline<I>...};
}
constexpr auto kTrampolines = make_trampolines(std::make_index_sequence<kMaxProperties>{});

void register_properties_with_doctest() {
    const auto& props = dmf::prop::all_properties();
    if (props.size() > kMaxProperties) {
        std::cerr << "dmf-tests: more than " << kMaxProperties << " properties; raise kMaxProperties\n";
        std::exit(2);
    }
    static doctest::detail::TestSuite property_suite, selftest_suite;
    property_suite * "property";
    selftest_suite * "selftest";
    selftest_suite * doctest::skip(true);
    for (std::size_t i = 0; i < props.size(); ++i) {
        const auto& def = props[i];
        doctest::detail::TestCase tc(kTrampolines[i], def.file, static_cast<unsigned>(def.line),
                                     def.hidden ? selftest_suite : property_suite);
        tc* def.id;
        doctest::detail::regTest(tc);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 0) g_executable = argv[0];
    register_properties_with_doctest();
    doctest::Context context(argc, argv);
    return context.run();
}
