// Runs n independent jobs in `workers` forked processes (check --jobs): each job's result is a
// string computed by `work(i)` in a child; results come back in job order, whatever process ran
// them, so the caller's output does not depend on `workers`. Jobs are handed out one at a time in
// `order` (the longest first keeps the last worker from finishing alone). workers <= 1 runs every
// job in this process, in order.
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace dmf::cli {

std::vector<std::string> forked_map(int n, int workers, const std::function<std::string(int)>& work,
                                    const std::vector<int>& order = {});

// The number of online processors (at least 1): check's default --jobs.
int online_cores();

}  // namespace dmf::cli
