#pragma once

#include <factcheck/http/curl_client.hpp>

#include <CLI/CLI.hpp>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::cli {

// The flags of every subcommand that may touch the network.
struct NetworkOptions
{
  std::size_t jobs = 16;
  std::string contact;
  std::vector<std::string> source_urls; // NAME=URL
  bool verbose = false;
  std::string cache_dir; // empty: the default folder
  bool no_cache = false;
};

// One setting's effective value and where it came from: the flag (when
// `flag_value` is not empty), else its environment variable, else the
// config file ${XDG_CONFIG_HOME:-~/.config}/factcheck/config, else the
// default (docs/configuration.md lists the keys; src/cli/config.cpp).
struct Setting
{
  std::string value;
  std::string origin; // "--contact", "FACTCHECK_CONTACT", "PATH:LINE" or "default"
};
Setting setting(std::string_view key, const std::string& flag_value);

// Ctrl-C (SIGINT) and SIGTERM: the first sets a flag that stops fetching
// within 100 ms, so the run can end cleanly (no report, no half-written
// file; whole responses already fetched stay in the cache); a second one
// kills as usual.
void catch_interrupts();

// The signal that interrupted the run, or 0.
int interrupted_by();

// Thrown when a batch of requests was cut short by an interrupt.
struct Interrupted
{
  int signal = 0;
};

// Throws Interrupted if a signal has come: called between the phases of a
// run (after the fetches, before a report is written), so that a signal
// that arrives after the last fetch still ends the run with 130/143 and no
// report.
void stop_if_interrupted();

// Passes requests on to `next`, and throws Interrupted when they come back
// cut short, so that nothing judges or records a half-fetched batch. It goes
// outermost, so that the cache keeps what was fetched in full.
class InterruptibleClient : public http::HttpClient
{
public:
  explicit InterruptibleClient(http::HttpClient& next) : m_next(next)
  {}

  Expected<http::Response> get(const http::Request& request) override;
  std::vector<Expected<http::Response>>
  get_all(const std::vector<http::Request>& requests) override;

private:
  http::HttpClient& m_next;
};

// Binds --jobs, --contact, --source-url and --verbose to `options`.
void add_network_options(CLI::App& cmd, NetworkOptions& options);

// The curl engine's settings: the contact from --contact, else
// FACTCHECK_CONTACT, else "contact = ..." in the config file; a progress
// line on a terminal (or lines with --verbose).
http::CurlOptions curl_options(const NetworkOptions& options);

// The cache folder: --cache-dir, else ${XDG_CACHE_HOME:-~/.cache}/factcheck;
// "" with --no-cache (or with no home to put it in).
std::string cache_dir(const NetworkOptions& options);

// --source-url values by source name. Throws factcheck::Error for an unknown
// source or a URL that is not http(s).
std::map<std::string, std::string> base_urls(const NetworkOptions& options);

} // namespace factcheck::cli
