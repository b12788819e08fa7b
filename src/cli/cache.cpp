#include "cli.hpp"

#include <factcheck/http/cache.hpp>
#include <factcheck/util/error.hpp>

#include <fmt/format.h>

namespace factcheck::cli {

CLI::App*
setup_cache(CLI::App& app, CacheCommand& options)
{
  auto* cmd = app.add_subcommand("cache", "Show or clear the disk cache of fetched responses.");
  cmd->add_option("action", options.action, "info: where it is and how big; clear: empty it.")
      ->required()
      ->check(CLI::IsMember({"info", "clear"}));
  cmd->add_option("--cache-dir",
                  options.dir,
                  "The cache folder (default ${XDG_CACHE_HOME:-~/.cache}/factcheck).")
      ->check(completes_as("dir"));
  cmd->footer("Examples:\n"
              "  factcheck cache info\n"
              "      the folder, how many responses it keeps and their size\n"
              "  factcheck cache clear --cache-dir /tmp/factcheck-cache\n"
              "      empty another folder (verify --cache-dir uses one)\n"
              "\n"
              "Entries expire by source (6 hours for daily series, 24 hours for filings and\n"
              "documents); 'verify --mode live' always asks the sources. See docs/network.md.\n"
              "Exit codes: 0 done, 2 usage error, 3 the folder could not be emptied.");
  return cmd;
}

int
run_cache(const CacheCommand& options)
{
  const std::string dir = options.dir.empty() ? http::default_cache_dir() : options.dir;
  if (dir.empty()) {
    throw Error("no cache folder: set XDG_CACHE_HOME or HOME, or pass --cache-dir");
  }
  if (options.action == "clear") {
    const auto cleared = http::clear_cache(dir);
    if (!cleared) {
      fmt::print(stderr, "factcheck: error: {}\n", cleared.error());
      return 3;
    }
    fmt::print("{}: removed {} entries ({} bytes)\n", dir, cleared->entries, cleared->bytes);
    return 0;
  }
  const auto info = http::cache_info(dir);
  fmt::print("{}: {} entries, {} bodies, {} bytes\n", dir, info.entries, info.objects, info.bytes);
  return 0;
}

} // namespace factcheck::cli
