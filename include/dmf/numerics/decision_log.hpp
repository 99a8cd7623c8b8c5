// How verdicts were decided (issue 15 item 5), counted where the decisions are made.
//
// Every certified decision layer (the landscape's threshold positions and orbit types, the scalar
// problem's minimizer) records its certificate: "exact" (exact algebraic arithmetic), "enclosure at
// B bits" (enclosures that exclude the boundary) or "undecided: <reason>". A check, a replay or a
// search confirmation folds what was recorded while it ran into one certificate for its verdict;
// `check` counts them per property. Two tallies: one per thread (folded around one call) and one for
// the process (read before and after a property, whose cases may run on several threads).
#pragma once

#include <string>

namespace dmf::inline numerics {

struct DecisionTally {
    long exact = 0, enclosure = 0, undecided = 0;
    unsigned max_bits = 0;             // the highest B of the enclosures
    std::string first_undecided;       // the first undecided reason (the process tally: the latest)
    long total() const { return exact + enclosure + undecided; }
};

// Records one certificate; anything not "exact" or "enclosure at B bits" counts as undecided.
void record_decision(const std::string& certificate);

// This thread's tally since the last take (then cleared).
DecisionTally take_thread_decisions();
// The process's tally since it started (never cleared): subtract two readings.
DecisionTally process_decisions();
DecisionTally operator-(const DecisionTally& a, const DecisionTally& b);

// Puts back a tally taken earlier, with `inner` (taken since) added: nested folds see everything.
void restore_thread_decisions(const DecisionTally& outer, const DecisionTally& inner);

// Per case (a property's case, run by the harness): constructed before the case and destroyed after
// it, folds what the case recorded into one certificate and counts the case under it. The harness
// (properties/property.cpp) wraps each case's body in one `dmf::CaseScope`.
struct CaseTally {
    long exact = 0, enclosure = 0, undecided = 0, uncertified = 0;  // uncertified: nothing recorded
};
class CaseScope {
public:
    CaseScope();
    ~CaseScope();
    CaseScope(const CaseScope&) = delete;
    CaseScope& operator=(const CaseScope&) = delete;

private:
    DecisionTally outer_;
};
CaseTally process_cases();  // since the process started: subtract two readings
CaseTally operator-(const CaseTally& a, const CaseTally& b);

// One certificate for everything in t: "undecided: <first reason>" if anything was undecided, else
// "enclosure at B bits" if anything was an enclosure, else "exact"; empty when nothing was recorded.
std::string fold_certificate(const DecisionTally& t);

}  // namespace dmf::numerics
