#include "cli.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>

namespace factcheck::cli {

CLI::App*
setup_explain(CLI::App& app, ExplainOptions& options)
{
  auto* cmd = app.add_subcommand(
      "explain",
      "Show everything behind one claim's verdict: the quote, how the figure was "
      "read, each source request and the arithmetic.");
  cmd->add_option("id", options.id, "The claim's id in the catalogue.")->required();
  cmd->add_option("catalogue",
                  options.catalogue,
                  "The claims catalogue (YAML or JSON); '-' reads standard input.")
      ->required()
      ->check(completes_as("catalogue"));
  add_source_options(*cmd, options.source);
  cmd->footer(
      "Examples:\n"
      "  factcheck explain nvda-market-value-lost-over-600bn claims/deepseek-2025-01-27.yaml\n"
      "      why \"lost more than $600bn\" is contradicted, from the rows to the sum\n"
      "\n"
      "Exit codes: as for verify, for this one claim.");
  return cmd;
}

int
run_explain(const ExplainOptions& options)
{
  auto catalogue = catalogue::load(options.catalogue);
  const auto it = std::find_if(catalogue.claims.begin(),
                               catalogue.claims.end(),
                               [&](const Claim& claim) { return claim.id == options.id; });
  if (it == catalogue.claims.end()) {
    throw Error(fmt::format("{}: no claim with id \"{}\"", catalogue.path, options.id));
  }
  // Only this claim is reported; what it derives from is judged with it,
  // and the explanation shows each input's value and verdict.
  const auto result = run_catalogue(std::move(catalogue), {options.id}, options.source);
  report::write_explanation(result.catalogue.claims.front(), result.verdicts.front(), std::cout);
  std::cout.flush();
  return exit_code(result);
}

} // namespace factcheck::cli
