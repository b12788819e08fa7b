// The one plan of requests verify and record share.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/fetch_plan.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <string>

namespace {

factcheck::Catalogue
catalogue()
{
  return factcheck::catalogue::parse(R"(claims:
  - {id: a, quote: q, statement: s, claimed: "-3%",
     check: {kind: change_pct, series: "fred:NASDAQCOM", date: 2025-01-27,
             corroborate: "yahoo:^IXIC"}}
  - {id: b, quote: q, statement: s, claimed: "-2%",
     check: {kind: change_pct, series: "fred:NASDAQCOM", date: 2025-01-24}}
  - {id: c, quote: q, statement: s, claimed: "逾6000億美元",
     check: {kind: market_cap_change, series: "stooq:nvda.us", shares: "sec:0001045810",
             date: 2025-01-27, direction: fall}}
  - {id: d, quote: q, statement: s, check: {kind: unverifiable, category: no_public_record, reason: r}}
)",
                                     "c.yaml");
}

std::vector<const factcheck::Claim*>
all(const factcheck::Catalogue& cat)
{
  std::vector<const factcheck::Claim*> out;
  for (const auto& claim : cat.claims) {
    out.push_back(&claim);
  }
  return out;
}

} // namespace

TEST_CASE("plan_fetches: one request per distinct reference, in reference order", "[plan]")
{
  const auto cat = catalogue();
  const auto plan = factcheck::plan_fetches(all(cat), {});
  CHECK(plan.failures.empty());
  std::vector<std::string> refs;
  for (const auto& fetch : plan.fetches) {
    refs.push_back(fetch.ref.str());
    // Without a mirror the request is the public one.
    CHECK(fetch.request.url == fetch.public_url);
    REQUIRE(fetch.source != nullptr);
    CHECK(fetch.source->name() == fetch.ref.source);
  }
  // fred:NASDAQCOM serves two claims and is fetched once.
  CHECK(refs
        == std::vector<std::string>{
            "fred:NASDAQCOM", "sec:0001045810", "stooq:nvda.us", "yahoo:^IXIC"});
  CHECK(plan.requests().size() == 4);
}

TEST_CASE("plan_fetches: a mirror changes the request, not the public URL recordings match",
          "[plan]")
{
  const auto cat = catalogue();
  const auto plan = factcheck::plan_fetches(all(cat), {{"stooq", "http://127.0.0.1:9"}});
  for (const auto& fetch : plan.fetches) {
    if (fetch.ref.source == "stooq") {
      CHECK(fetch.request.url.rfind("http://127.0.0.1:9/", 0) == 0);
      CHECK(fetch.public_url.rfind("https://stooq.com/", 0) == 0);
    } else {
      CHECK(fetch.request.url == fetch.public_url);
    }
  }
}

TEST_CASE("plan_fetches: only the claims given are planned; an unknown source is a failure",
          "[plan]")
{
  auto cat = catalogue();
  CHECK(factcheck::plan_fetches({&cat.claims[3]}, {}).fetches.empty());
  CHECK(factcheck::plan_fetches({&cat.claims[1]}, {}).fetches.size() == 1);
  // Built in code around the loader, which rejects unknown sources.
  auto* change = std::get_if<factcheck::MarketChangeCheck>(&cat.claims[1].check.spec);
  REQUIRE(change != nullptr);
  change->series = {"nowhere", "x"};
  const auto plan = factcheck::plan_fetches({&cat.claims[1]}, {});
  CHECK(plan.fetches.empty());
  REQUIRE(plan.failures.size() == 1);
  CHECK(plan.failures[0].first.str() == "nowhere:x");
  CHECK(plan.failures[0].second == "unknown source \"nowhere\"");
}
