// The search across processes and machines with MPI (`mpirun -np K dmf-oracle search ...`), a thin
// layer over search_claim: nothing else in the project calls MPI.
//   - rank r runs one worker on stream r of K (the streams `--workers K` draws in one process, so
//     `mpirun -np K` and `--workers K` give the same candidates for a seed and --max-candidates);
//   - every rank saves what it confirms into its own --corpus at once (atomically, as one process
//     does), and tells the other ranks the shrunk case's hash, so --max-confirmed counts the
//     distinct cases of the whole run and a rank that reaches a case already saved elsewhere skips it;
//   - at the end rank 0 gathers every rank's report and files, writes any file its corpus lacks (the
//     ranks may not share a file system), deduplicates by case and prints the one report; the others
//     print nothing. A run killed at any moment loses nothing a rank had saved;
//   - the time budget is global: every rank starts its clock after a barrier, with rank 0's budget.
// Built only when CMake finds MPI (DMF_HAVE_MPI); without it, or when the process was not started by
// mpirun, mpi_world() says so and the search runs as one process.
#pragma once

#include "search/search.hpp"

namespace dmf {

struct MpiWorld {
    bool active = false;  // started by mpirun (and MPI initialised); false: a plain process
    int rank = 0, size = 1;
};

// Initialises MPI on first use, if and only if this process was started by an MPI launcher
// (OMPI_COMM_WORLD_SIZE, PMIX_RANK or PMI_SIZE in the environment); finalises it at exit.
const MpiWorld& mpi_world();

// search_claim over every rank (collective: every rank calls it with the same options). Rank 0
// gets the merged report; the other ranks get their own (and should print nothing).
SearchReport search_claim_mpi(const SearchTarget& t, SearchOptions o);

// Rank 0's value on every rank (the budget each claim gets, so every rank stops together).
double mpi_broadcast(double x);

}  // namespace dmf
