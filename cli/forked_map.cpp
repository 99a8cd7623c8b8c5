#include "cli/forked_map.hpp"

#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdint>
#include <iostream>
#include <stdexcept>

namespace dmf::cli {

namespace {

void write_all(int fd, const void* data, size_t size) {
    const char* p = static_cast<const char*>(data);
    for (size_t done = 0; done < size;) {
        const ssize_t n = write(fd, p + done, size - done);
        if (n <= 0) throw std::runtime_error("check --jobs: a pipe write failed");
        done += static_cast<size_t>(n);
    }
}
bool read_all(int fd, void* data, size_t size) {
    char* p = static_cast<char*>(data);
    for (size_t done = 0; done < size;) {
        const ssize_t n = read(fd, p + done, size - done);
        if (n <= 0) return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

struct Worker {
    pid_t pid = -1;
    int to_child = -1, from_child = -1;
    int job = -1;  // the job it is running, -1 when idle
};

// The child: read a job index, run it, send back [index][length][bytes]; index -1 ends it.
[[noreturn]] void child_loop(int in, int out, const std::function<std::string(int)>& work) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);  // a killed check leaves no workers behind
    try {
        for (std::int32_t i; read_all(in, &i, sizeof i) && i >= 0;) {
            const std::string r = work(i);
            const std::uint64_t len = r.size();
            write_all(out, &i, sizeof i);
            write_all(out, &len, sizeof len);
            write_all(out, r.data(), r.size());
        }
    } catch (const std::exception& e) {
        std::cerr << "check --jobs: a worker failed: " << e.what() << "\n";
        std::cerr.flush();
        _exit(3);
    }
    std::cout.flush(), std::cerr.flush();
    _exit(0);  // no atexit handlers, no second flush of the parent's buffers
}

}  // namespace

int online_cores() {
    const long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? static_cast<int>(n) : 1;
}

std::vector<std::string> forked_map(int n, int workers, const std::function<std::string(int)>& work,
                                    const std::vector<int>& order_in) {
    std::vector<int> order = order_in;
    if (order.empty())
        for (int i = 0; i < n; ++i) order.push_back(i);
    std::vector<std::string> results(static_cast<size_t>(n));
    if (workers <= 1 || n <= 1) {
        for (int i = 0; i < n; ++i) results[static_cast<size_t>(i)] = work(i);
        return results;
    }
    if (workers > n) workers = n;
    std::vector<Worker> pool;
    std::cout.flush(), std::cerr.flush();
    for (int w = 0; w < workers; ++w) {
        int down[2], up[2];
        if (pipe(down) != 0 || pipe(up) != 0) throw std::runtime_error("check --jobs: pipe() failed");
        const pid_t pid = fork();
        if (pid < 0) throw std::runtime_error("check --jobs: fork() failed");
        if (pid == 0) {
            close(down[1]), close(up[0]);
            for (const auto& o : pool) close(o.to_child), close(o.from_child);
            child_loop(down[0], up[1], work);
        }
        close(down[0]), close(up[1]);
        pool.push_back({pid, down[1], up[0], -1});
    }
    size_t next = 0;
    int done = 0;
    const auto dispatch = [&](Worker& w) {
        std::int32_t i = -1;
        if (next < order.size()) i = order[next++];
        write_all(w.to_child, &i, sizeof i);
        w.job = i;
    };
    for (auto& w : pool) dispatch(w);
    std::string failure;
    while (done < n && failure.empty()) {
        std::vector<pollfd> fds;
        for (const auto& w : pool) fds.push_back({w.job >= 0 ? w.from_child : -1, POLLIN, 0});
        if (poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            failure = "poll() failed";
            break;
        }
        for (size_t k = 0; k < pool.size(); ++k) {
            if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)) || pool[k].job < 0) continue;
            std::int32_t i;
            std::uint64_t len;
            std::string r;
            if (!read_all(pool[k].from_child, &i, sizeof i) || !read_all(pool[k].from_child, &len, sizeof len) ||
                (r.resize(len), !read_all(pool[k].from_child, r.data(), len)) || i != pool[k].job) {
                failure = "a worker process died while running job " + std::to_string(pool[k].job);
                pool[k].job = -1;
                break;
            }
            results[static_cast<size_t>(i)] = std::move(r);
            ++done;
            dispatch(pool[k]);
        }
    }
    for (auto& w : pool) {
        if (w.job >= 0 || !failure.empty()) kill(w.pid, SIGKILL);
        close(w.to_child), close(w.from_child);
        int status = 0;
        waitpid(w.pid, &status, 0);
    }
    if (!failure.empty()) throw std::runtime_error("check --jobs: " + failure);
    return results;
}

}  // namespace dmf::cli
