#include "network.hpp"

#include "cli.hpp"

#include <factcheck/http/cache.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/error.hpp>

#include <fmt/format.h>

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>

namespace factcheck::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;

extern "C" void
on_interrupt(int signal)
{
  g_interrupted = signal;
}

std::string
human_bytes(std::size_t bytes)
{
  if (bytes >= std::size_t{1024} * 1024) {
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024.0 * 1024.0));
  }
  return fmt::format("{:.0f} kB", static_cast<double>(bytes) / 1024.0);
}

} // namespace

void
catch_interrupts()
{
  struct sigaction action = {};
  action.sa_handler = on_interrupt;
  sigemptyset(&action.sa_mask);
  // The first signal is ours; the handler is then reset, so a second one
  // ends the process at once.
  action.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

int
interrupted_by()
{
  return g_interrupted;
}

void
stop_if_interrupted()
{
  if (const int signal = interrupted_by(); signal != 0) {
    throw Interrupted{signal};
  }
}

Expected<http::Response>
InterruptibleClient::get(const http::Request& request)
{
  return get_all({request}).front();
}

std::vector<Expected<http::Response>>
InterruptibleClient::get_all(const std::vector<http::Request>& requests)
{
  auto responses = m_next.get_all(requests);
  if (const int signal = interrupted_by(); signal != 0) {
    throw Interrupted{signal};
  }
  return responses;
}

void
add_network_options(CLI::App& cmd, NetworkOptions& options)
{
  cmd.add_option("--jobs,-j", options.jobs, "Transfers at once, over all sources.")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd.add_option("--contact",
                 options.contact,
                 "An e-mail address or URL put in the User-Agent, so sources can reach you "
                 "(SEC requires one). Default: FACTCHECK_CONTACT, then 'contact = ...' in "
                 "~/.config/factcheck/config.");
  cmd.add_option("--source-url",
                 options.source_urls,
                 "NAME=URL: fetch source NAME from URL instead of its public endpoint "
                 "(a mirror, a test server); repeatable.");
  cmd.add_option(
         "--cache-dir",
         options.cache_dir,
         "Where fetched responses are kept (default ${XDG_CACHE_HOME:-~/.cache}/factcheck).")
      ->check(completes_as("dir"));
  cmd.add_flag("--no-cache", options.no_cache, "Neither read nor write the disk cache.");
  cmd.add_flag("--verbose,-v",
               options.verbose,
               "Report fetching progress on stderr even when it is not a terminal.");
}

http::CurlOptions
curl_options(const NetworkOptions& options)
{
  http::CurlOptions curl;
  curl.jobs = options.jobs;
  curl.cancelled = [] { return interrupted_by() != 0; };
  curl.contact = setting("contact", options.contact).value;
  const bool tty = isatty(STDERR_FILENO) != 0;
  if (tty) {
    // The engine reports every 200 ms; only a change is redrawn.
    auto shown = std::make_shared<std::string>();
    curl.progress = [shown](const http::TransferProgress& progress) {
      std::string line = fmt::format(
          "fetched {}/{}, {}", progress.done, progress.total, human_bytes(progress.bytes));
      if (!progress.slow_hosts.empty()) {
        line += fmt::format("; slow: {}", fmt::join(progress.slow_hosts, ", "));
      }
      if (line == *shown) {
        return;
      }
      *shown = line;
      fmt::print(stderr, "\r\033[K{}", line);
      if (progress.done == progress.total) {
        fmt::print(stderr, "\r\033[K");
      }
      std::fflush(stderr);
    };
  } else if (options.verbose) {
    // Off a terminal a redrawn line is noise: one line per finished request.
    auto last = std::make_shared<std::size_t>(0);
    curl.progress = [last](const http::TransferProgress& progress) {
      if (progress.done != *last) {
        *last = progress.done;
        fmt::print(stderr,
                   "factcheck: fetched {}/{}, {}\n",
                   progress.done,
                   progress.total,
                   human_bytes(progress.bytes));
      }
    };
  }
  return curl;
}

std::string
cache_dir(const NetworkOptions& options)
{
  if (options.no_cache) {
    return {};
  }
  return options.cache_dir.empty() ? http::default_cache_dir() : options.cache_dir;
}

std::map<std::string, std::string>
base_urls(const NetworkOptions& options)
{
  std::map<std::string, std::string> urls;
  for (const auto& item : options.source_urls) {
    const auto equals = item.find('=');
    if (equals == std::string::npos) {
      throw Error(fmt::format("--source-url {}: expected NAME=URL", item));
    }
    const std::string name = item.substr(0, equals);
    const std::string url = item.substr(equals + 1);
    if (sources::find(name) == nullptr) {
      throw Error(fmt::format("--source-url {}: no source named \"{}\"", item, name));
    }
    if (!url.starts_with("http://") && !url.starts_with("https://")) {
      throw Error(fmt::format("--source-url {}: the URL must be http:// or https://", item));
    }
    urls[name] = url;
  }
  return urls;
}

} // namespace factcheck::cli
