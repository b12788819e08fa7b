// factcheck extract on two market reports the project wrote itself, in
// English and Simplified Chinese (tests/data/extract/, each says so in its
// text), with figures read off the recorded series of
// fixtures/deepseek-2025-01-27. Each expected claim must be drafted with its
// check and, verified offline, get the verdict worked out by hand from the
// recorded rows (noted beside it).
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/extract/extract.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>

#include <map>

namespace {

namespace ex = factcheck::extract;

struct Expected
{
  const char* id;
  const char* kind;
  const char* claimed;
  const char* verdict;
};

std::map<std::string, std::string>
verdicts_of(const std::string& yaml)
{
  auto catalogue = factcheck::catalogue::parse(yaml, "draft.yaml");
  factcheck::http::RecordingClient recordings(
      {std::string(FACTCHECK_FIXTURES_DIR) + "/deepseek-2025-01-27"}, nullptr);
  const auto report = factcheck::verify(std::move(catalogue), recordings, {});
  std::map<std::string, std::string> out;
  for (const auto& verdict : report.verdicts) {
    out[verdict.claim_id] = std::string(factcheck::to_string(verdict.kind));
  }
  return out;
}

void
check_sample(const std::string& file,
             const std::string& language,
             const std::vector<Expected>& expected,
             std::size_t review_count)
{
  const auto text =
      factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/tests/data/extract/" + file);
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  const auto draft = ex::extract(text, ex::EntityTable::builtin(), options);
  CHECK(draft.language == language);
  const auto verdicts = verdicts_of(ex::to_yaml(draft, options));
  // JSON reads back to the same verdicts.
  CHECK(verdicts_of(ex::to_json(draft, options)) == verdicts);

  std::size_t reviews = 0;
  for (const auto& claim : draft.claims) {
    reviews += claim.needs_review ? 1 : 0;
  }
  CHECK(reviews == review_count);
  for (const auto& e : expected) {
    INFO(file << ": " << e.id);
    const auto it = std::find_if(
        draft.claims.begin(), draft.claims.end(), [&](const auto& c) { return c.id == e.id; });
    REQUIRE(it != draft.claims.end());
    CHECK(it->check.front().second == e.kind);
    CHECK(it->claimed == e.claimed);
    CHECK_FALSE(it->needs_review);
    CHECK(verdicts.at(e.id) == e.verdict);
  }
  // Nothing drafted as settled is contradicted: every figure is true.
  for (const auto& claim : draft.claims) {
    INFO(claim.id);
    CHECK(verdicts.at(claim.id) != "contradicted");
    CHECK(verdicts.at(claim.id) != "error");
  }
}

} // namespace

TEST_CASE("extract: an English market report drafts and verifies", "[extract]")
{
  // Verdicts from the recorded rows: NVDA 142.62 -> 118.42 (-16.97%), volume
  // 818,830,895, 20-day mean 200,867,444, 24,490,000,000 shares (-$592.66bn),
  // then 128.99 on 28 January (+8.93%); NASDAQCOM 19954.30 -> 19341.83
  // (-3.07%, -612.47 points); SP500 6101.24 -> 6012.28 (-1.46%); AVGO -17.40%,
  // MU -11.71%, VST -28.27%, VRT -29.88%, CEG -20.85%, ANET -22.35%, SOXX -7.84%.
  check_sample(
      "market-report.en.txt",
      "en",
      {
          {"nvda-fell-17pct", "change_pct", "17%", "supported"},
          {"nvda-close-118.42", "close", "$118.42", "supported"},
          {"nvda-market-value-lost-590bn",
           "market_cap_change",
           "more than $590 billion",
           "supported"},
          {"nvda-volume-819m", "volume", "About 819 million shares", "supported"},
          {"nvda-usual-volume-200m", "average_volume", "about 200 million shares", "supported"},
          {"nasdaq-fell-3.1pct", "change_pct", "3.1%", "supported"},
          {"nasdaq-fell-612pts", "change", "612", "supported"},
          {"nasdaq-close-19.34k", "close", "19,341.83", "supported"},
          {"sp500-fell-1.5pct", "change_pct", "1.5%", "supported"},
          {"avgo-fell-17.4pct", "change_pct", "17.4%", "supported"},
          {"mu-fell-11.7pct", "change_pct", "11.7%", "supported"},
          {"vst-fell-28pct", "change_pct", "28%", "supported"},
          {"vrt-fell-30pct", "change_pct", "nearly 30%", "supported"},
          {"ceg-fell-21pct", "change_pct", "21%", "supported"},
          {"anet-fell-22pct", "change_pct", "22%", "supported"},
          {"soxx-fell-7.8pct", "change_pct", "7.8%", "supported"},
          {"nvda-rose-8.9pct", "change_pct", "8.9%", "supported"},
      },
      // The headline's "$590 billion" names no market value.
      1);
}

TEST_CASE("extract: a Simplified-Chinese market report drafts and verifies", "[extract]")
{
  check_sample(
      "market-report.zh-Hans.txt",
      "zh-Hans",
      {
          {"nvda-fell-17pct", "change_pct", "17%", "supported"},
          {"nvda-close-118.42", "close", "118.42美元", "supported"},
          {"nvda-market-value-lost-593bn", "market_cap_change", "近5930亿美元", "supported"},
          {"nvda-volume-820m", "volume", "约8.2亿股", "supported"},
          {"nvda-usual-volume-200m", "average_volume", "约2亿股", "supported"},
          {"nasdaq-fell-3.07pct", "change_pct", "3.07%", "supported"},
          {"nasdaq-fell-612pts", "change", "612", "supported"},
          {"sp500-fell-1.5pct", "change_pct", "1.5%", "supported"},
          {"avgo-fell-17pct", "change_pct", "17%", "supported"},
          {"mu-fell-12pct", "change_pct", "约12%", "supported"},
          {"vrt-fell-30pct", "change_pct", "近30%", "supported"},
          {"vst-fell-28pct", "change_pct", "28%", "supported"},
          {"nvda-rose-8.9pct", "change_pct", "8.9%", "supported"},
      },
      // The headline names DeepSeek before NVIDIA's market value.
      1);
}
