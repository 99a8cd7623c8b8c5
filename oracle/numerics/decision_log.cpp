#include "dmf/numerics/decision_log.hpp"

#include <algorithm>
#include <mutex>

namespace dmf::inline numerics {

namespace {

thread_local DecisionTally thread_tally;
std::mutex process_mutex;
DecisionTally process_tally;

// `latest`: keep the latest undecided reason (the process tally, read as differences), else the first.
void add(DecisionTally& t, const std::string& c, bool latest) {
    static const std::string kEnclosure = "enclosure at ";
    if (c == "exact") {
        ++t.exact;
    } else if (c.rfind(kEnclosure, 0) == 0) {
        ++t.enclosure;
        try {
            t.max_bits = std::max(t.max_bits, static_cast<unsigned>(std::stoul(c.substr(kEnclosure.size()))));
        } catch (const std::exception&) {
        }
    } else {
        ++t.undecided;
        if (latest || t.first_undecided.empty()) t.first_undecided = c.rfind("undecided: ", 0) == 0 ? c.substr(11) : c;
    }
}

}  // namespace

void record_decision(const std::string& certificate) {
    add(thread_tally, certificate, false);
    std::lock_guard<std::mutex> lock(process_mutex);
    add(process_tally, certificate, true);
}

DecisionTally take_thread_decisions() {
    DecisionTally t = thread_tally;
    thread_tally = DecisionTally{};
    return t;
}

DecisionTally process_decisions() {
    std::lock_guard<std::mutex> lock(process_mutex);
    return process_tally;
}

DecisionTally operator-(const DecisionTally& a, const DecisionTally& b) {
    DecisionTally d;
    d.exact = a.exact - b.exact;
    d.enclosure = a.enclosure - b.enclosure;
    d.undecided = a.undecided - b.undecided;
    d.max_bits = a.max_bits;
    d.first_undecided = d.undecided > 0 ? a.first_undecided : std::string();
    return d;
}

namespace {
void merge(DecisionTally& a, const DecisionTally& b) {
    a.exact += b.exact;
    a.enclosure += b.enclosure;
    a.undecided += b.undecided;
    a.max_bits = std::max(a.max_bits, b.max_bits);
    if (a.first_undecided.empty()) a.first_undecided = b.first_undecided;
}
CaseTally case_tally;  // under process_mutex
}  // namespace

void restore_thread_decisions(const DecisionTally& outer, const DecisionTally& inner) {
    thread_tally = outer;
    merge(thread_tally, inner);
}

CaseScope::CaseScope() : outer_(take_thread_decisions()) {}

CaseScope::~CaseScope() {
    const DecisionTally inner = take_thread_decisions();
    {
        std::lock_guard<std::mutex> lock(process_mutex);
        if (inner.undecided > 0) ++case_tally.undecided;
        else if (inner.enclosure > 0) ++case_tally.enclosure;
        else if (inner.exact > 0) ++case_tally.exact;
        else ++case_tally.uncertified;
    }
    restore_thread_decisions(outer_, inner);
}

CaseTally process_cases() {
    std::lock_guard<std::mutex> lock(process_mutex);
    return case_tally;
}

CaseTally operator-(const CaseTally& a, const CaseTally& b) {
    return {a.exact - b.exact, a.enclosure - b.enclosure, a.undecided - b.undecided, a.uncertified - b.uncertified};
}

std::string fold_certificate(const DecisionTally& t) {
    if (t.undecided > 0) return "undecided: " + (t.first_undecided.empty() ? std::string("see the evidence") : t.first_undecided);
    if (t.enclosure > 0) return "enclosure at " + std::to_string(t.max_bits) + " bits";
    if (t.exact > 0) return "exact";
    return "";
}

}  // namespace dmf::numerics
