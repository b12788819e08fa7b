#include "cli.hpp"

#include <factcheck/util/error.hpp>

#include <fmt/format.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <string_view>

namespace factcheck::cli {

int
run(int argc, const char* const* argv)
{
  CLI::App app{"factcheck: check the figures in news articles against the public "
               "data that can settle them.",
               "factcheck"};
  app.set_version_flag("--version", "factcheck " FACTCHECK_VERSION);
  app.require_subcommand(1);
  app.footer("Exit codes: 0 nothing contradicted, 1 a claim is contradicted, 2 usage or\n"
             "catalogue error, 3 no contradiction but some claims ended in error,\n"
             "70 internal error (a bug), 130 interrupted (Ctrl-C).\n"
             "Run 'factcheck SUBCOMMAND --help' for examples.");

  VerifyOptions verify_options;
  auto* verify = setup_verify(app, verify_options);
  ExplainOptions explain_options;
  auto* explain = setup_explain(app, explain_options);
  ValidateOptions validate_options;
  auto* validate = setup_validate(app, validate_options);
  auto* sources = setup_sources(app);
  CacheCommand cache_options;
  auto* cache = setup_cache(app, cache_options);
  RecordCommand record_options;
  auto* record = setup_record(app, record_options);
  ExtractOptions extract_options;
  auto* extract = setup_extract(app, extract_options);
  ConfigOptions config_options;
  auto* config = setup_config(app, config_options);
  CompletionsOptions completions_options;
  auto* completions = setup_completions(app, completions_options);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // CLI11 prints help and errors itself; its own codes are 100+, ours are
    // The exit codes of the README: 0 for --help/--version, 2 for any usage error.
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }

  // The subcommands that fetch stop cleanly on Ctrl-C; the others are quick
  // and keep the default (killed at once).
  if (verify->parsed() || explain->parsed() || record->parsed()) {
    catch_interrupts();
  }
  try {
    if (verify->parsed()) {
      return run_verify(verify_options);
    }
    if (explain->parsed()) {
      return run_explain(explain_options);
    }
    if (validate->parsed()) {
      return run_validate(validate_options);
    }
    if (sources->parsed()) {
      return run_sources();
    }
    if (cache->parsed()) {
      return run_cache(cache_options);
    }
    if (record->parsed()) {
      return run_record(record_options);
    }
    if (extract->parsed()) {
      return run_extract(extract_options);
    }
    if (config->parsed()) {
      return run_config(config_options);
    }
    if (completions->parsed()) {
      return run_completions(app, completions_options);
    }
  } catch (const Interrupted& e) {
    if (isatty(STDERR_FILENO) != 0) {
      fmt::print(stderr, "\r\033[K"); // the progress line
    }
    fmt::print(stderr, "factcheck: interrupted; nothing was reported or recorded\n");
    return 128 + e.signal;
  } catch (const Error& e) {
    // One line a mistake ("file:line: message"), each marked as an error.
    const std::string_view what = e.what();
    for (std::size_t start = 0; start <= what.size();) {
      const auto end = std::min(what.find('\n', start), what.size());
      fmt::print(stderr, "factcheck: error: {}\n", what.substr(start, end - start));
      start = end + 1;
    }
    return 2;
  } catch (const std::exception& e) {
    // A bug, not a usage error: sysexits' EX_SOFTWARE, never 2.
    fmt::print(stderr, "factcheck: internal error: {}\n", e.what());
    return k_exit_internal_error;
  }
  return 2;
}

} // namespace factcheck::cli
