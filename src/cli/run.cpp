// What verify and explain share: getting the data, and writing files.
#include "cli.hpp"

#include <factcheck/http/stack.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/file.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <set>

namespace factcheck::cli {

namespace {

void
warn(const std::string& message)
{
  fmt::print(stderr, "factcheck: warning: {}\n", message);
}

// The fetch stack for `options`, but for its recordings folders, which
// depend on the catalogues.
http::StackOptions
stack_options(const SourceOptions& options)
{
  http::StackOptions stack;
  stack.mode = parse_mode(options.mode).value_or(Mode::automatic);
  stack.curl = curl_options(options.network);
  stack.cache_dir = cache_dir(options.network);
  stack.warn = warn;
  return stack;
}

} // namespace

void
add_source_options(CLI::App& cmd, SourceOptions& options)
{
  cmd.add_option("--mode",
                 options.mode,
                 "Where data comes from: auto (recordings, then the network), "
                 "offline (recordings only), live (the network only).")
      ->check(CLI::IsMember({"auto", "offline", "live"}))
      ->capture_default_str();
  cmd.add_option("--recordings",
                 options.recordings,
                 "Another folder of recorded responses, besides the one the "
                 "catalogue names (repeatable).")
      ->check(CLI::ExistingDirectory);
  add_network_options(cmd, options.network);
}

RunReport
run_catalogue(Catalogue catalogue,
              std::vector<std::string> select,
              const SourceOptions& options,
              bool series_windows)
{
  auto stack = stack_options(options);
  stack.recordings = http::recording_dirs(catalogue, options.recordings, stack.mode, warn);
  http::FetchStack fetcher(stack);
  InterruptibleClient client(fetcher);

  factcheck::VerifyOptions verify_options;
  verify_options.base_urls = base_urls(options.network);
  verify_options.select = std::move(select);
  verify_options.series_windows = series_windows;
  auto result = verify(std::move(catalogue), client, verify_options);
  // A signal that came after the last fetch (while parsing or judging)
  // stops the run just the same: no report.
  stop_if_interrupted();
  result.mode = stack.mode;
  return result;
}

std::vector<RunReport>
run_catalogues(std::vector<Catalogue> catalogues,
               const std::vector<std::vector<std::string>>& selects,
               const SourceOptions& options)
{
  auto stack = stack_options(options);
  // The union of every catalogue's own folder and --recordings, each folder
  // once (a newsroom's catalogues often share one).
  std::set<std::string> seen;
  for (const auto& catalogue : catalogues) {
    for (auto& dir : http::recording_dirs(catalogue, {}, stack.mode, warn)) {
      if (seen.insert(std::filesystem::path(dir).lexically_normal().generic_string()).second) {
        stack.recordings.push_back(std::move(dir));
      }
    }
  }
  for (const auto& dir : http::recording_dirs(Catalogue{}, options.recordings, stack.mode, warn)) {
    if (seen.insert(std::filesystem::path(dir).lexically_normal().generic_string()).second) {
      stack.recordings.push_back(dir);
    }
  }
  http::FetchStack fetcher(stack);
  InterruptibleClient client(fetcher);

  factcheck::VerifyOptions verify_options;
  verify_options.base_urls = base_urls(options.network);
  // Only the html format draws the series, and it takes one catalogue.
  verify_options.series_windows = false;
  auto results = verify_all(std::move(catalogues), selects, client, verify_options);
  stop_if_interrupted();
  for (auto& result : results) {
    result.mode = stack.mode;
  }
  return results;
}

void
write_file_atomically(const std::string& path, const std::string& text)
{
  write_file_atomically(path, [&text](std::ostream& out) {
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
  });
}

void
write_file_atomically(const std::string& path, const util::StreamWriter& write)
{
  stop_if_interrupted();
  if (const auto error = util::write_file_atomically(path, write)) {
    // A write cut short by the signal (a FIFO nobody read) is the signal's.
    stop_if_interrupted();
    throw Error(fmt::format("{}: {}", path, *error));
  }
}

} // namespace factcheck::cli
