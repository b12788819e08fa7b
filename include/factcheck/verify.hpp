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
  // The data fetched already for several catalogues at once (verify_all):
  // when set, verify fetches nothing and judges with these.
  const Observations* observations = nullptr;
  // Whether the report gets the series window of each market claim
  // (RunReport::windows), which only the html format draws: about a month
  // of rows a claim, a large part of a large run's memory.
  bool series_windows = true;
};

// Plans every request the claims need, fetches them through `client` as one
// batch (each distinct request once) and parses each response. World
// failures are values in the map, never thrown.
Observations fetch_observations(const std::vector<const Claim*>& claims,
                                http::HttpClient& client,
                                const VerifyOptions& options);

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

// Several catalogues in one run: what every catalogue's selected claims
// need is fetched as one batch, each distinct request once, and each
// catalogue is then judged on its own, in its own namespace of claim ids
// (two catalogues may both have an id). `selects[i]` is the selection of
// catalogue i, as VerifyOptions::select (empty: every claim); `options`'s
// own select and observations are not read. One report per catalogue, in
// the order given.
std::vector<RunReport> verify_all(std::vector<Catalogue> catalogues,
                                  const std::vector<std::vector<std::string>>& selects,
                                  http::HttpClient& client,
                                  const VerifyOptions& options);

// 1 if any claim is contradicted, else 3 if any ended in error,
// else 0 (docs/semantics.md, exit codes).
int exit_code(const RunReport& report);

// The same with the verdicts that make exit 1 named (`--fail-on`): 1 if any
// claim's verdict is in `fail_on`, else 3 if any ended in error, else 0. A
// run with errors never exits 0, whatever `fail_on` says.
int exit_code(const RunReport& report, const std::vector<VerdictKind>& fail_on);

} // namespace factcheck
