#include "cli.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/stack.hpp>
#include <factcheck/record.hpp>

#include <fmt/format.h>

#include <cstdio>

namespace factcheck::cli {

CLI::App*
setup_record(CLI::App& app, RecordCommand& options)
{
  auto* cmd = app.add_subcommand(
      "record",
      "Fetch what a catalogue's claims need from the live sources and write it as "
      "recordings (docs/recordings.md).");
  cmd->add_option("catalogue", options.catalogue, "The claims catalogue (YAML or JSON).")
      ->required()
      ->check(completes_as("catalogue"));
  cmd->add_option("--to", options.to, "The recordings folder to write.")
      ->required()
      ->check(completes_as("dir"));
  add_network_options(*cmd, options.network);
  cmd->footer("Example:\n"
              "  factcheck record claims/deepseek-2025-01-27.yaml --to /tmp/rec --contact "
              "me@example.org\n"
              "\n"
              "The contact goes into the User-Agent only; it is never written to a recording.\n"
              "Exit codes: 0 everything recorded, 2 usage or catalogue error, 3 some requests "
              "failed, 130 interrupted (nothing is written).");
  return cmd;
}

int
run_record(const RecordCommand& options)
{
  const auto catalogue = catalogue::load(options.catalogue);
  // The network alone, through the same stack as verify's: a recording is
  // a fresh answer, never one from the cache or an older recording.
  http::StackOptions stack;
  stack.mode = Mode::live;
  stack.curl = curl_options(options.network);
  http::FetchStack fetcher(stack);
  InterruptibleClient client(fetcher);
  RecordOptions record_options;
  record_options.dir = options.to;
  record_options.base_urls = base_urls(options.network);
  record_options.secrets = {stack.curl.contact};
  const auto report = record(catalogue, client, record_options);
  for (const auto& path : report.written) {
    fmt::print("{}\n", path);
  }
  for (const auto& failure : report.failures) {
    fmt::print(stderr, "factcheck: not recorded: {}\n", failure);
  }
  return report.failures.empty() ? 0 : 3;
}

} // namespace factcheck::cli
