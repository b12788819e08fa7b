#pragma once

#include <factcheck/http/client.hpp>
#include <factcheck/model/claim.hpp>
#include <factcheck/model/run.hpp>
#include <factcheck/model/verdict.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace factcheck {

// Called after each fetch: how many of `total` requests are done, and the
// URL just finished.
using Progress = std::function<void(std::size_t done, std::size_t total, const std::string& url)>;

struct VerifyOptions
{
  // Base URLs by source name, replacing a source's default (mirrors, tests).
  std::map<std::string, std::string> base_urls;
  Progress progress;
  // The ids of the claims to judge and report (--select, --tag, explain);
  // empty: every claim. The claims a selected derived claim takes values
  // from are judged too, transitively, with the data they need, but are not
  // reported. Ids that name no claim are ignored (the CLI rejects them).
  std::vector<std::string> select;
  // Whether the report gets the series window of each market claim
  // (RunReport::windows), which only the html format draws: about a month
  // of rows a claim, a large part of a large run's memory.
  bool series_windows = true;
};

// The ids of `ids` and, transitively, of every claim their derived checks
// take values from, in catalogue order.
std::vector<std::string> with_inputs(const Catalogue& catalogue,
                                     const std::vector<std::string>& ids);

// Fetches what the claims to judge need through `client` (each distinct
// request once), parses it and judges them, inputs before the derived
// claims that use them. The report holds the selected claims only, in
// catalogue order. World failures become `error` verdicts; nothing here
// throws for them.
RunReport verify(Catalogue catalogue, http::HttpClient& client, const VerifyOptions& options);

// 1 if any claim is contradicted, else 3 if any ended in error,
// else 0 (docs/semantics.md, exit codes).
int exit_code(const RunReport& report);

// The same with the verdicts that make exit 1 named (`--fail-on`): 1 if any
// claim's verdict is in `fail_on`, else 3 if any ended in error, else 0. A
// run with errors never exits 0, whatever `fail_on` says.
int exit_code(const RunReport& report, const std::vector<VerdictKind>& fail_on);

} // namespace factcheck
