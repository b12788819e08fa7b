// A loopback HTTP server for tests that run the factcheck binary itself
// (tests/network_cli_test.sh): it serves the recordings under the folders
// it is given, each at its recorded URL's path and query, so that
// `factcheck --source-url NAME=http://127.0.0.1:PORT` fetches real recorded
// data over a real socket. Nothing here touches the internet.
//
//   factcheck_fixture_server --port-file F [--log F] [--slow TEXT=MS]... DIR...
//
// Bodies carry an ETag (from their sha256) and a request that presents it
// is answered 304. Each request appends "STATUS TARGET IF-NONE-MATCH" to the
// log. The first request whose target contains TEXT is answered after MS
// milliseconds (or when the server stops, whichever comes first); later ones
// at once, so that a client can come back for it. SIGTERM or SIGINT stops the
// server.
#include <factcheck/http/recordings.hpp>
#include <factcheck/util/text.hpp>

#include <httplib.h>
#include <yaml-cpp/yaml.h>

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <list>
#include <map>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Body
{
  std::string content;
  std::string content_type;
  std::string etag;
};

std::string
read_file(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// "https://host/path?b=2&a=1" -> "/path?a=1&b=2": what a request to any
// host must ask for to get this recording.
std::string
path_and_query(const std::string& url)
{
  const std::string canonical = factcheck::http::canonical_url(url);
  const auto scheme = canonical.find("://");
  const auto slash = canonical.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  return slash == std::string::npos ? "/" : canonical.substr(slash);
}

std::map<std::string, Body>
load(const std::vector<std::string>& dirs)
{
  std::map<std::string, Body> bodies;
  for (const auto& dir : dirs) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      const std::string name = entry.path().filename().string();
      if (!name.ends_with(".recording.yaml")) {
        continue;
      }
      const YAML::Node meta = YAML::LoadFile(entry.path().string());
      Body body;
      body.content = read_file(entry.path().parent_path() / meta["body"].as<std::string>());
      body.content_type = meta["content_type"].as<std::string>();
      body.etag = "\"" + factcheck::util::sha256_hex(body.content).substr(0, 16) + "\"";
      bodies[path_and_query(meta["url"].as<std::string>())] = std::move(body);
    }
  }
  return bodies;
}

int
usage()
{
  std::cerr << "usage: factcheck_fixture_server --port-file FILE [--log FILE] "
               "[--slow TEXT=MS]... DIR...\n";
  return 2;
}

} // namespace

int
main(int argc, char** argv)
{
  std::string port_file;
  std::string log_file;
  struct Slow
  {
    std::string text;
    int ms = 0;
    std::atomic<bool> used{false};
  };
  std::list<Slow> slow;
  std::vector<std::string> dirs;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--port-file" || arg == "--log" || arg == "--slow") && i + 1 < argc) {
      const std::string value = argv[++i];
      if (arg == "--port-file") {
        port_file = value;
      } else if (arg == "--log") {
        log_file = value;
      } else {
        const auto equals = value.rfind('=');
        if (equals == std::string::npos) {
          return usage();
        }
        auto& rule = slow.emplace_back();
        rule.text = value.substr(0, equals);
        rule.ms = std::stoi(value.substr(equals + 1));
      }
    } else if (arg.starts_with("-")) {
      return usage();
    } else {
      dirs.push_back(arg);
    }
  }
  if (port_file.empty() || dirs.empty()) {
    return usage();
  }

  // Signals are taken by one thread with sigwait, which may then stop the
  // server safely; every other thread inherits the blocked mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGTERM);
  sigaddset(&stop_signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  const auto bodies = load(dirs);
  std::mutex log_mutex;
  std::ofstream log;
  if (!log_file.empty()) {
    log.open(log_file, std::ios::app);
  }

  std::atomic<bool> stopping{false};
  httplib::Server server;
  // Idle keep-alive connections hold up stop() for this long.
  server.set_keep_alive_timeout(1);
  server.Get(".*", [&](const httplib::Request& req, httplib::Response& res) {
    for (auto& rule : slow) {
      if (req.target.find(rule.text) != std::string::npos && !rule.used.exchange(true)) {
        // In steps, so that stopping the server does not wait it out.
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(rule.ms);
        while (!stopping && std::chrono::steady_clock::now() < until) {
          std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
      }
    }
    const std::string condition = req.get_header_value("If-None-Match");
    const auto it = bodies.find(path_and_query("http://127.0.0.1" + req.target));
    if (it == bodies.end()) {
      res.status = 404;
      res.set_content("no recording for " + req.target + "\n", "text/plain");
    } else {
      res.set_header("ETag", it->second.etag);
      if (condition == it->second.etag) {
        res.status = 304;
      } else {
        res.status = 200;
        res.set_content(it->second.content, it->second.content_type);
      }
    }
    if (log.is_open()) {
      const std::lock_guard<std::mutex> lock(log_mutex);
      log << res.status << ' ' << req.target << ' ' << (condition.empty() ? "-" : condition)
          << std::endl;
    }
  });

  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::cerr << "factcheck_fixture_server: cannot listen on 127.0.0.1\n";
    return 1;
  }
  // Written whole and renamed, so a reader never sees half a number.
  {
    std::ofstream out(port_file + ".tmp");
    out << port << '\n';
  }
  std::filesystem::rename(port_file + ".tmp", port_file);

  std::thread stopper([&server, &stop_signals, &stopping] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    stopping = true;
    server.stop();
  });
  server.listen_after_bind();
  // Stopped by a signal, or failed: either way the stopper must end. A
  // signal it has already taken leaves this one pending, and harmless.
  kill(getpid(), SIGTERM);
  stopper.join();
  return 0;
}
