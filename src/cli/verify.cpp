#include "cli.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/cache.hpp>
#include <factcheck/http/curl_client.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/verify.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace factcheck::cli {

namespace {

bool
use_color(const std::string& choice)
{
  if (choice == "always") {
    return true;
  }
  if (choice == "never") {
    return false;
  }
  // https://no-color.org: present and not empty disables colour.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') {
    return false;
  }
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") {
    return false;
  }
  return isatty(STDOUT_FILENO) != 0;
}

} // namespace

CLI::App*
setup_verify(CLI::App& app, VerifyOptions& options)
{
  auto* cmd = app.add_subcommand(
      "verify", "Check every claim of a catalogue and print one verdict per claim.");
  cmd->add_option("catalogue",
                  options.catalogue,
                  "The claims catalogue (YAML or JSON); '-' reads standard input.")
      ->required();
  cmd->add_option("--mode",
                  options.mode,
                  "Where data comes from: auto (recordings, then the network), "
                  "offline (recordings only), live (the network only).")
      ->check(CLI::IsMember({"auto", "offline", "live"}))
      ->capture_default_str();
  cmd->add_option("--recordings",
                  options.recordings,
                  "Another folder of recorded responses, besides the one the "
                  "catalogue names (repeatable).")
      ->check(CLI::ExistingDirectory);
  cmd->add_option("--format", options.format, "Output format: table or json.")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  cmd->add_option("--color",
                  options.color,
                  "Colour the table: auto (only on a terminal, never with "
                  "NO_COLOR set), always, never.")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  add_network_options(*cmd, options.network);
  cmd->footer(
      "Examples:\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml\n"
      "      every claim of the DeepSeek article, from the recordings it ships\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml --mode offline --format json \\\n"
      "      | jq -r '.verdicts[] | select(.verdict==\"contradicted\") | .id'\n"
      "      the contradicted claims, for a script\n"
      "  cat my-claims.yaml | factcheck verify - --recordings fixtures/deepseek-2025-01-27\n"
      "      a catalogue from standard input, checked against those recordings\n"
      "\n"
      "Exit codes: 0 nothing contradicted, 1 a claim is contradicted, 2 usage or\n"
      "catalogue error, 3 no contradiction but some claims ended in error.");
  return cmd;
}

int
run_verify(const VerifyOptions& options)
{
  const auto mode = parse_mode(options.mode).value_or(Mode::automatic);
  auto catalogue = catalogue::load(options.catalogue);

  std::vector<std::string> dirs;
  if (mode != Mode::live) {
    if (!catalogue.recordings_dir.empty()) {
      // From standard input a relative folder can only be read against the
      // working directory, which is often not where the catalogue was
      // written; --recordings is the way to name it then.
      std::error_code ec;
      if (options.catalogue == "-"
          && !std::filesystem::is_directory(catalogue.recordings_dir, ec)) {
        fmt::print(stderr,
                   "factcheck: warning: <stdin>: recordings folder \"{}\" not found from the "
                   "working directory; ignored (name it with --recordings)\n",
                   catalogue.recordings_dir);
      } else {
        dirs.push_back(catalogue.recordings_dir);
      }
    }
    dirs.insert(dirs.end(), options.recordings.begin(), options.recordings.end());
  }

  factcheck::VerifyOptions verify_options;
  verify_options.base_urls = base_urls(options.network);
  // Layers, outermost first (DESIGN §6): recordings, the disk cache, the
  // network. Offline stops after the recordings.
  std::unique_ptr<http::HttpClient> network;
  std::unique_ptr<http::HttpClient> cache;
  if (mode != Mode::offline) {
    network = http::make_curl_client(curl_options(options.network));
    if (const auto dir = cache_dir(options.network); !dir.empty()) {
      http::CacheOptions cache_options;
      cache_options.dir = dir;
      cache_options.network_first = mode == Mode::live;
      cache_options.warn = [](const std::string& message) {
        fmt::print(stderr, "factcheck: warning: {}\n", message);
      };
      cache = std::make_unique<http::CachingClient>(cache_options, *network);
    }
  }
  http::HttpClient* fetcher = cache ? cache.get() : network.get();
  http::RecordingClient recordings(dirs, fetcher);
  http::HttpClient& client = mode == Mode::live ? *fetcher : recordings;

  const auto reporter =
      report::make_reporter(options.format, report::ReportOptions{use_color(options.color)});
  if (!reporter) {
    throw Error(
        fmt::format("unknown format \"{}\" (known: {})", options.format, report::known_formats()));
  }

  auto result = verify(std::move(catalogue), client, verify_options);
  result.mode = mode;
  reporter->write(result, std::cout);
  std::cout.flush();
  return exit_code(result);
}

} // namespace factcheck::cli
