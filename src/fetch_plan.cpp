#include <factcheck/fetch_plan.hpp>
#include <factcheck/sources/registry.hpp>

#include <fmt/format.h>

#include <set>

namespace factcheck {

std::vector<http::Request>
FetchPlan::requests() const
{
  std::vector<http::Request> out;
  out.reserve(fetches.size());
  for (const auto& fetch : fetches) {
    out.push_back(fetch.request);
  }
  return out;
}

FetchPlan
plan_fetches(const std::vector<const Claim*>& claims,
             const std::map<std::string, std::string>& base_urls)
{
  std::set<SourceRef> refs;
  for (const auto* claim : claims) {
    for (auto& ref : claim->check.refs()) {
      refs.insert(std::move(ref));
    }
  }
  FetchPlan plan;
  for (const auto& ref : refs) {
    const auto* source = sources::find(ref.source);
    if (source == nullptr) {
      // The catalogue loader rejects unknown sources; this guards callers
      // that build catalogues in code.
      plan.failures.emplace_back(ref, fmt::format("unknown source \"{}\"", ref.source));
      continue;
    }
    const auto public_request = source->request(ref.id, source->default_base_url());
    const auto base = base_urls.find(ref.source);
    auto request = base == base_urls.end() ? public_request : source->request(ref.id, base->second);
    if (!request || !public_request) {
      plan.failures.emplace_back(ref, request ? public_request.error() : request.error());
      continue;
    }
    plan.fetches.push_back({ref, source, std::move(*request), public_request->url});
  }
  return plan;
}

} // namespace factcheck
