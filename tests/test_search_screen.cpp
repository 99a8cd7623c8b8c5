// The search's orbit screen (search/targets.cpp) against the full printed check: on the stored
// counterexamples both find the violation, and on sampled cases they give the same verdict (the
// screen lacks only the independent multistart, which has never changed a verdict on these).
#include "search/sampler.hpp"
#include "search/search.hpp"

#include "dmf/problem/corpus.hpp"
#include "dmf/problem/instance_json.hpp"

#include <doctest/doctest.h>

#include <filesystem>

using namespace dmf;

TEST_SUITE("unit") {

TEST_CASE("search screen: the landscape claims' stored counterexamples fail the screen and the full check") {
    int n = 0;
    for (const auto& e : std::filesystem::directory_iterator(std::string(DMF_SOURCE_DIR) + "/corpus")) {
        if (e.path().extension() != ".json") continue;
        const Counterexample c = load_counterexample(e.path().string());
        const SearchTarget* t = find_search_target(c.claim);
        if (!t || !t->screen) continue;
        const Precision p = Precision::from_bits(c.precision_bits);
        const Instance inst = instance_from_json(parse_json_exact(c.instance.dump()), p);
        CAPTURE(e.path().string());
        CHECK(t->screen(inst, p).verdict == Verdict::violated);
        CHECK(t->check(inst, p).verdict == Verdict::violated);
        ++n;
    }
    CHECK(n >= 3);  // T2.2, C2.3, A1
}

TEST_CASE("search screen: the same verdict as the full check on sampled CJW.A1 and CJW.T2.2 cases") {
    const Precision p = Precision::from_bits(128);
    for (const char* claim : {"CJW.A1", "CJW.T2.2"}) {
        const SearchTarget* t = find_search_target(claim);
        REQUIRE(t);
        REQUIRE(t->screen);
        Rng rng(20261203);
        search_detail::Sampler sampler(*t, rng, p);
        int compared = 0, violated = 0;
        for (int k = 0; k < 12 && compared < 4; ++k) {
            const Instance inst = sampler.sample();
            if (inst.num_parameters() > 12) continue;  // keep the full checks (with the multistart) short
            CAPTURE(claim);
            CAPTURE(instance_to_json(inst).dump());
            const Verdict s = t->screen(inst, p).verdict, f = t->check(inst, p).verdict;
            CHECK(s == f);
            violated += f == Verdict::violated;
            ++compared;
        }
        CHECK(compared >= 3);  // 4 at most: each full check runs the multistart
        MESSAGE(std::string(claim) << ": " << compared << " cases compared, " << violated << " violated");
    }
}

}  // TEST_SUITE
