#include "series_window.hpp"

#include <factcheck/eval/correction.hpp>
#include <factcheck/eval/evaluator.hpp>
#include <factcheck/fetch_plan.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>
#include <factcheck/verify.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace factcheck {

namespace {

// Parses the response behind one reference. Every failure is a value.
Expected<eval::Fetched>
parse_response(const SourceRef& ref,
               const sources::Source& source,
               const http::Request& request,
               Expected<http::Response> response)
{
  if (!response) {
    return unexpected(response.error());
  }
  if (response->status < 200 || response->status > 299) {
    return unexpected(fmt::format("HTTP {} from {}", response->status, request.url));
  }
  // Whatever a parser throws fails the claims that need this response,
  // never the run.
  auto data = sources::parse_safely(source, response->body, response->content_type, ref.id);
  if (!data) {
    return unexpected(fmt::format("{} (from {})", data.error(), request.url));
  }
  SourceEvidence evidence{ref.str(),
                          request.url,
                          std::string(http::to_string(response->origin)),
                          response->retrieved_at,
                          response->sha256,
                          response->provenance,
                          response->provenance_detail};
  // Made UTF-8 here, once per response: every verdict that rests on it
  // shares it (verdict.hpp).
  for (auto* text : {&evidence.ref,
                     &evidence.url,
                     &evidence.origin,
                     &evidence.retrieved_at,
                     &evidence.sha256,
                     &evidence.provenance,
                     &evidence.provenance_detail}) {
    if (util::first_invalid_utf8(*text)) {
      *text = util::to_utf8(*text);
    }
  }
  return eval::Fetched{std::move(*data), std::move(evidence)};
}

// Every text of a verdict as UTF-8: a message may quote a row or a page
// the world sent in another encoding, and no report may carry invalid
// UTF-8 (a JSON writer refuses it, an XML reader rejects the file).
void
make_utf8(Verdict& verdict)
{
  const auto fix = [](std::string& text) {
    if (util::first_invalid_utf8(text)) {
      text = util::to_utf8(text);
    }
  };
  fix(verdict.observed_text);
  fix(verdict.accepted);
  fix(verdict.message);
  fix(verdict.evidence.series);
  fix(verdict.evidence.field);
  fix(verdict.evidence.arithmetic);
  if (verdict.correction) {
    fix(verdict.correction->article_language);
    fix(verdict.correction->en);
  }
  for (auto& note : verdict.evidence.notes) {
    fix(note);
  }
  for (auto& row : verdict.evidence.rows) {
    fix(row.series);
    fix(row.field);
  }
  // The sources were made UTF-8 where they were parsed (parse_response).
}

// Judges one claim; a judge that throws (which would be a bug) fails that
// claim alone, as an error that says so.
Verdict
judge_safely(const Claim& claim,
             const eval::Observations& observations,
             const std::map<std::string, Verdict>& judged)
{
  try {
    return eval::evaluate(claim, observations, judged);
  } catch (const std::exception& e) {
    Verdict verdict;
    verdict.claim_id = claim.id;
    verdict.kind = VerdictKind::error;
    verdict.message = fmt::format("internal error while judging this claim: {}", e.what());
    return verdict;
  }
}

} // namespace

std::vector<std::string>
with_inputs(const Catalogue& catalogue, const std::vector<std::string>& ids)
{
  std::map<std::string, const Claim*> by_id;
  for (const auto& claim : catalogue.claims) {
    by_id.emplace(claim.id, &claim);
  }
  std::set<std::string> needed;
  std::vector<std::string> pending(ids.begin(), ids.end());
  while (!pending.empty()) {
    const auto id = std::move(pending.back());
    pending.pop_back();
    const auto it = by_id.find(id);
    if (it == by_id.end() || !needed.insert(id).second) {
      continue;
    }
    for (const auto& input : it->second->check.inputs()) {
      pending.push_back(input.second);
    }
  }
  std::vector<std::string> out;
  for (const auto& claim : catalogue.claims) {
    if (needed.count(claim.id) != 0) {
      out.push_back(claim.id);
    }
  }
  return out;
}

Observations
fetch_observations(const std::vector<const Claim*>& claims,
                   http::HttpClient& client,
                   const VerifyOptions& options)
{
  const auto plan = plan_fetches(claims, options.base_urls);
  Observations observations;
  for (const auto& [ref, message] : plan.failures) {
    observations.emplace(ref, unexpected(message));
  }
  const auto requests = plan.requests();
  auto responses = client.get_all(requests);
  for (std::size_t i = 0; i < plan.fetches.size(); ++i) {
    const auto& fetch = plan.fetches[i];
    observations.emplace(
        fetch.ref,
        parse_response(fetch.ref, *fetch.source, fetch.request, std::move(responses[i])));
    if (options.progress) {
      options.progress(i + 1, plan.fetches.size(), fetch.request.url);
    }
  }

  return observations;
}

RunReport
verify(Catalogue catalogue, http::HttpClient& client, const VerifyOptions& options)
{
  // What to judge and what to report, by position in the catalogue: a
  // sorted set of 100,000 ids costs a string comparison per level of every
  // lookup, which was a tenth of a large run.
  const auto& all = catalogue.claims;
  std::vector<bool> to_judge(all.size(), options.select.empty());
  std::vector<bool> to_report(all.size(), false);
  if (options.select.empty()) {
    // Input claims are no article statement: judged for the derived claims
    // that take them, never reported unless selected by id.
    for (std::size_t i = 0; i < all.size(); ++i) {
      to_report[i] = !all[i].input;
    }
  } else {
    const auto needed = with_inputs(catalogue, options.select);
    const std::set<std::string> judge_ids(needed.begin(), needed.end());
    const std::set<std::string> report_ids(options.select.begin(), options.select.end());
    for (std::size_t i = 0; i < all.size(); ++i) {
      to_judge[i] = judge_ids.count(all[i].id) != 0;
      to_report[i] = report_ids.count(all[i].id) != 0;
    }
  }
  std::vector<const Claim*> claims;
  // For each claim judged, its position in the catalogue.
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (to_judge[i]) {
      claims.push_back(&all[i]);
      positions.push_back(i);
    }
  }

  // Every request is planned first and fetched as one batch, so the client
  // can run them concurrently and fetch a URL shared by two refs once.
  Observations fetched;
  if (options.observations == nullptr) {
    fetched = fetch_observations(claims, client, options);
  }
  const auto& observations = options.observations != nullptr ? *options.observations : fetched;

  // The verdicts, by position among the claims judged. A derived claim
  // reads its inputs' verdicts by id, so the verdict of each claim some
  // claim takes is also kept, copied, in `inputs` (few claims are inputs).
  std::set<std::string> taken;
  for (const auto* claim : claims) {
    for (const auto& input : claim->check.inputs()) {
      taken.insert(input.second);
    }
  }
  std::vector<Verdict> judged(claims.size());
  std::map<std::string, Verdict> inputs;
  std::vector<bool> done_claims(claims.size(), false);
  const auto judge_at = [&](std::size_t i) {
    judged[i] = judge_safely(*claims[i], observations, inputs);
    done_claims[i] = true;
    if (!taken.empty() && taken.count(claims[i]->id) != 0) {
      inputs[claims[i]->id] = judged[i];
    }
  };
  // Derived claims take other claims' observed values, so each is judged
  // after its inputs; the loader has rejected cycles, so every pass judges
  // at least one more claim until all are done.
  for (std::size_t remaining = claims.size(); remaining > 0;) {
    const std::size_t before = remaining;
    for (std::size_t i = 0; i < claims.size(); ++i) {
      if (done_claims[i]) {
        continue;
      }
      const auto& claim_inputs = claims[i]->check.inputs();
      const bool ready =
          std::all_of(claim_inputs.begin(), claim_inputs.end(), [&](const auto& input) {
            return inputs.count(input.second) != 0;
          });
      if (ready) {
        judge_at(i);
        --remaining;
      }
    }
    if (remaining == before) {
      // Only for catalogues built in code around the loader: judge what is
      // left, which reports the missing inputs as errors.
      for (std::size_t i = 0; i < claims.size(); ++i) {
        if (!done_claims[i]) {
          judge_at(i);
        }
      }
      break;
    }
  }

  // A contradicted claim gets its correction (eval/correction.hpp).
  for (std::size_t i = 0; i < claims.size(); ++i) {
    judged[i].correction = eval::correction_for(*claims[i], judged[i], catalogue);
  }

  // Only the selected claims are reported; their inputs were judged for
  // them. Judging is over, so each verdict moves into the report (a verdict
  // holds its rows and sources: a copy would double a large run's memory).
  // The reported verdicts are some of the judged ones, in the same order,
  // so they move to the front of `judged` itself when every reported claim
  // was judged: a second list of 100,000 verdicts (47 MB) beside the first
  // was the peak of a large run (heaptrack).
  RunReport report;
  bool all_judged = true;
  for (std::size_t i = 0, j = 0; i < all.size() && all_judged; ++i) {
    while (j < positions.size() && positions[j] < i) {
      ++j;
    }
    all_judged = !to_report[i] || (j < positions.size() && positions[j] == i);
  }
  if (!all_judged) {
    report.verdicts.reserve(claims.size());
  }
  std::size_t kept = 0; // the reported claims are moved to the front, in order
  std::size_t next = 0; // the next claim judged, in catalogue order
  for (std::size_t i = 0; i < all.size(); ++i) {
    while (next < positions.size() && positions[next] < i) {
      ++next;
    }
    if (!to_report[i]) {
      continue;
    }
    auto& claim = catalogue.claims[i];
    Verdict verdict;
    if (next < positions.size() && positions[next] == i) {
      verdict = std::move(judged[next]);
    } else {
      // Selected yet not judged cannot happen (the selection is judged);
      // kept as the error it would be.
      verdict.claim_id = claim.id;
      verdict.message = "internal error: this claim was not judged";
    }
    count_verdict(report.summary, verdict.kind);
    make_utf8(verdict);
    if (options.series_windows) {
      if (auto window = detail::series_window(claim, verdict, observations)) {
        report.windows.emplace(claim.id, std::move(*window));
      }
    }
    if (all_judged) {
      // `next` >= `kept`: what is overwritten has been moved out already,
      // or is not reported.
      judged[kept] = std::move(verdict);
    } else {
      report.verdicts.push_back(std::move(verdict));
    }
    if (kept != i) {
      catalogue.claims[kept] = std::move(claim);
    }
    ++kept;
  }
  catalogue.claims.erase(catalogue.claims.begin() + static_cast<std::ptrdiff_t>(kept),
                         catalogue.claims.end());
  if (all_judged) {
    judged.erase(judged.begin() + static_cast<std::ptrdiff_t>(kept), judged.end());
    report.verdicts = std::move(judged);
  }
  report.catalogue = std::move(catalogue);
  return report;
}

std::vector<RunReport>
verify_all(std::vector<Catalogue> catalogues,
           const std::vector<std::vector<std::string>>& selects,
           http::HttpClient& client,
           const VerifyOptions& options)
{
  // What every catalogue judges, as verify() would choose it, so that all
  // of it is fetched in one batch.
  std::vector<const Claim*> claims;
  for (std::size_t i = 0; i < catalogues.size(); ++i) {
    const auto& catalogue = catalogues[i];
    const auto& select = i < selects.size() ? selects[i] : std::vector<std::string>{};
    if (select.empty()) {
      for (const auto& claim : catalogue.claims) {
        claims.push_back(&claim);
      }
      continue;
    }
    const auto needed = with_inputs(catalogue, select);
    const std::set<std::string> wanted(needed.begin(), needed.end());
    for (const auto& claim : catalogue.claims) {
      if (wanted.count(claim.id) != 0) {
        claims.push_back(&claim);
      }
    }
  }
  const auto observations = fetch_observations(claims, client, options);
  std::vector<RunReport> reports;
  reports.reserve(catalogues.size());
  for (std::size_t i = 0; i < catalogues.size(); ++i) {
    auto one = options;
    one.progress = nullptr;
    one.observations = &observations;
    one.select = i < selects.size() ? selects[i] : std::vector<std::string>{};
    reports.push_back(verify(std::move(catalogues[i]), client, one));
  }
  return reports;
}

int
exit_code(const RunReport& report)
{
  return exit_code(report, {VerdictKind::contradicted});
}

int
exit_code(const RunReport& report, const std::vector<VerdictKind>& fail_on)
{
  for (const auto& verdict : report.verdicts) {
    if (std::find(fail_on.begin(), fail_on.end(), verdict.kind) != fail_on.end()) {
      return 1;
    }
  }
  if (report.summary.error > 0) {
    return 3;
  }
  return 0;
}

} // namespace factcheck
