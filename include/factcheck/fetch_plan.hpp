#pragma once

#include <factcheck/http/client.hpp>
#include <factcheck/model/claim.hpp>
#include <factcheck/sources/source.hpp>

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace factcheck {

// One request a run needs, for one source reference.
struct PlannedFetch
{
  SourceRef ref;
  const sources::Source* source = nullptr; // parses the answer
  http::Request request;                   // against the base URL in use
  // The same request against the source's public endpoint: what a recording
  // of it is matched on, whatever mirror it was fetched from.
  std::string public_url;
};

// What a set of claims needs fetched: one request per distinct source
// reference, in reference order, and the references no request can be built
// for, with why ("unknown source \"x\"", a bad identifier).
struct FetchPlan
{
  std::vector<PlannedFetch> fetches;
  std::vector<std::pair<SourceRef, std::string>> failures;

  // The requests of `fetches`, in order, for HttpClient::get_all.
  std::vector<http::Request> requests() const;
};

// Plans the requests `claims` need (series, shares, corroborate, document,
// entity), each reference once. `base_urls` replaces a source's public base
// URL by name (mirrors, tests). verify and record both plan this way.
FetchPlan plan_fetches(const std::vector<const Claim*>& claims,
                       const std::map<std::string, std::string>& base_urls);

} // namespace factcheck
