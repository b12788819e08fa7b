// What verify and explain share: getting the data, and writing files.
#include "cli.hpp"

#include <factcheck/http/cache.hpp>
#include <factcheck/http/curl_client.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/file.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace factcheck::cli {

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
              const std::string& catalogue_arg,
              const SourceOptions& options)
{
  const auto mode = parse_mode(options.mode).value_or(Mode::automatic);
  std::vector<std::string> dirs;
  if (mode != Mode::live) {
    if (!catalogue.recordings_dir.empty()) {
      // From standard input a relative folder can only be read against the
      // working directory, which is often not where the catalogue was
      // written; --recordings is the way to name it then.
      std::error_code ec;
      if (catalogue_arg == "-" && !std::filesystem::is_directory(catalogue.recordings_dir, ec)) {
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
  verify_options.select = std::move(select);
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
  InterruptibleClient client(mode == Mode::live ? *fetcher : recordings);

  auto result = verify(std::move(catalogue), client, verify_options);
  result.mode = mode;
  return result;
}

void
write_file_atomically(const std::string& path, const std::string& text)
{
  if (const auto error = util::write_file_atomically(path, text)) {
    throw Error(fmt::format("{}: {}", path, *error));
  }
}

} // namespace factcheck::cli
