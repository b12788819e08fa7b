#include "cli.hpp"

#include <factcheck/sources/registry.hpp>

#include <fmt/format.h>

namespace factcheck::cli {

CLI::App*
setup_sources(CLI::App& app)
{
  auto* cmd = app.add_subcommand("sources",
                                 "List the public data sources: name, endpoint, limits and terms.");
  cmd->footer("Examples:\n"
              "  factcheck sources\n"
              "      the prefixes a catalogue can use in series: (\"fred:NASDAQCOM\") and shares:");
  return cmd;
}

int
run_sources()
{
  for (const auto* source : sources::all()) {
    fmt::print("{}\n  endpoint: {}\n  {}\n",
               source->name(),
               source->default_base_url(),
               source->description());
  }
  return 0;
}

} // namespace factcheck::cli
