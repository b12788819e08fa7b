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

#include <httplib.h>

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
#include <string>
#include <thread>
#include <vector>

namespace {

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

// The recorded URLs by the path and query a request must ask for.
std::map<std::string, std::string>
index_by_path(const factcheck::http::RecordingClient& recordings)
{
  std::map<std::string, std::string> urls;
  for (const auto& url : recordings.urls()) {
    urls[path_and_query(url)] = url;
  }
  return urls;
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

  // The project's own reader of recordings, which checks each body's sha256.
  factcheck::http::RecordingClient recordings(dirs, nullptr);
  const auto urls = index_by_path(recordings);
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
    const auto it = urls.find(path_and_query("http://127.0.0.1" + req.target));
    const auto recorded = it == urls.end()
                              ? factcheck::Expected<factcheck::http::Response>(
                                  factcheck::unexpected("no recording for " + req.target))
                              : recordings.get(factcheck::http::Request{it->second, {}, {}});
    if (!recorded) {
      res.status = 404;
      res.set_content(recorded.error() + "\n", "text/plain");
    } else {
      const std::string etag = "\"" + recorded->sha256.substr(0, 16) + "\"";
      res.set_header("ETag", etag);
      if (condition == etag) {
        res.status = 304;
      } else {
        res.status = 200;
        res.set_content(recorded->body, recorded->content_type);
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
