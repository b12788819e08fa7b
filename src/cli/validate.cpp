#include "cli.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

namespace factcheck::cli {

CLI::App*
setup_validate(CLI::App& app, ValidateOptions& options)
{
  auto* cmd =
      app.add_subcommand("validate", "Load and check a catalogue without fetching anything.");
  cmd->add_option("catalogue",
                  options.catalogue,
                  "The claims catalogue (YAML or JSON); '-' reads standard input.")
      ->required()
      ->check(completes_as("catalogue"));
  cmd->footer("Examples:\n"
              "  factcheck validate claims/deepseek-2025-01-27.yaml\n"
              "      prints the number of claims, or the first mistake as file:line\n"
              "\n"
              "Exit codes: 0 the catalogue is valid, 2 it is not (the message says where).");
  return cmd;
}

int
run_validate(const ValidateOptions& options)
{
  // load() throws factcheck::Error naming every mistake, one file:line each;
  // cli::run prints them and exits 2.
  const auto catalogue = catalogue::load(options.catalogue);
  fmt::print("{}: {}, valid\n",
             options.catalogue == "-" ? "<stdin>" : options.catalogue,
             util::count_of(catalogue.claims.size(), "claim"));
  return 0;
}

} // namespace factcheck::cli
