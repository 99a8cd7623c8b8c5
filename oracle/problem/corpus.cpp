#include "dmf/problem/corpus.hpp"

#include "dmf/problem/instance_json.hpp"
#include "dmf/problem/capped_input.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>

namespace dmf::inline problem {

using json = nlohmann::json;

json to_json(const Counterexample& c) {
    json j{{"schema", 1},
           {"claim", c.claim},
           {"precision_bits", c.precision_bits},
           {"confirmed_at_bits", c.confirmed_at_bits},
           {"instance", c.instance},
           {"point", c.point},
           {"parameters", c.parameters},
           {"quantity", c.quantity},
           {"printed", c.printed},
           {"computed", c.computed},
           {"violation_eps", c.violation_eps},
           {"notes", c.notes}};
    if (!c.certificate.empty()) j["certificate"] = c.certificate;
    return j;
}

Counterexample counterexample_from_json(const json& j) {
    auto field = [&](const char* k) -> const json& {
        if (!j.is_object() || !j.contains(k)) throw InputError(std::string("field '") + k + "': missing from counterexample");
        return j.at(k);
    };
    try {
        Counterexample c;
        if (field("schema") != 1) throw InputError("field 'schema': unsupported version " + j.at("schema").dump());
        c.claim = field("claim").get<std::string>();
        c.precision_bits = field("precision_bits").get<unsigned>();
        c.confirmed_at_bits = field("confirmed_at_bits").get<std::vector<unsigned>>();
        c.instance = field("instance");
        c.point = field("point");
        c.parameters = field("parameters");
        c.quantity = field("quantity").get<std::string>();
        c.printed = field("printed").get<std::string>();
        c.computed = field("computed").get<std::string>();
        c.violation_eps = field("violation_eps").get<std::string>();
        c.notes = field("notes").get<std::string>();
        if (j.contains("certificate")) c.certificate = j.at("certificate").get<std::string>();
        return c;
    } catch (const json::exception& e) {
        throw InputError(std::string("counterexample: ") + e.what());
    }
}

void write_file_atomically(const std::string& path, const std::string& contents) {
    const std::string tmp = path + ".tmp." + std::to_string(::getpid());
    const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0) throw InputError("cannot write '" + tmp + "': " + std::strerror(errno));
    size_t done = 0;
    while (done < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string why = std::strerror(errno);
            ::close(fd);
            ::unlink(tmp.c_str());
            throw InputError("cannot write '" + tmp + "': " + why);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        ::unlink(tmp.c_str());
        throw InputError("cannot flush '" + tmp + "'");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        ::unlink(tmp.c_str());
        throw InputError("cannot rename '" + tmp + "' to '" + path + "': " + why);
    }
}

void save_counterexample(const std::string& path, const Counterexample& c) {
    write_file_atomically(path, to_json(c).dump(2) + "\n");
}

Counterexample load_counterexample(const std::string& path) {
    try {
        return counterexample_from_json(parse_json_capped(read_text_file(path)));
    } catch (const InputError& e) {
        throw InputError(path + ": " + e.what());
    }
}

std::string default_corpus_dir() {
    const char* env = std::getenv("DMF_CORPUS");
    return env && *env ? std::string(env) : std::string("corpus");
}

}  // namespace dmf::problem
