// The evaluator on SYNTHETIC series (made-up prices chosen to sit on the
// boundaries of the tolerance rule); the real data is exercised by the
// golden test, and by the adjusted-close case at the end (the NVDA recording).
#include <factcheck/catalogue/load.hpp>
#include <factcheck/eval/evaluator.hpp>
#include <factcheck/sources/parsers.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

using factcheck::Claim;
using factcheck::SourceRef;
using factcheck::VerdictKind;
using factcheck::eval::evaluate;
using factcheck::eval::Fetched;
using factcheck::eval::Observations;

namespace {

// One claim from a catalogue snippet: `check` and `claimed` as YAML.
Claim
claim(const std::string& check, const std::string& claimed)
{
  const auto text = "claims:\n  - id: c\n    quote: q\n    statement: s\n    check: " + check
                    + "\n    claimed: " + claimed + "\n";
  return factcheck::catalogue::parse(text, "test.yaml").claims.at(0);
}

// A synthetic daily series from (date, close, volume) triples.
factcheck::Series
series(const std::vector<std::tuple<const char*, double, double>>& rows)
{
  factcheck::Series s;
  for (const auto& [date, close, volume] : rows) {
    factcheck::Row row;
    row.date = *factcheck::parse_date(date);
    row.close = close;
    row.volume = volume;
    s.rows.push_back(row);
  }
  return s;
}

Observations
observe(std::vector<std::pair<std::string, factcheck::Data>> data)
{
  Observations out;
  for (auto& [ref, value] : data) {
    const auto colon = ref.find(':');
    SourceRef key{ref.substr(0, colon), ref.substr(colon + 1)};
    factcheck::SourceEvidence evidence;
    evidence.ref = ref;
    evidence.url = "https://example.test/" + ref;
    evidence.origin = "recording";
    out.emplace(key, Fetched{std::move(value), evidence});
  }
  return out;
}

// 100 -> 83.5 is a fall of exactly 16.5%: the lower edge of "17%".
const auto k_fall =
    series({{"2025-01-23", 90, 1000}, {"2025-01-24", 100, 2000}, {"2025-01-27", 83.5, 9000}});

const std::string k_change =
    R"({kind: change_pct, series: "stooq:x.us", date: 2025-01-27, direction: fall})";

} // namespace

TEST_CASE("eval::evaluate: change_pct against the written precision", "[eval]")
{
  const auto obs = observe({{"stooq:x.us", k_fall}});
  struct Case
  {
    const char* claimed;
    VerdictKind expected;
  };
  const Case cases[] = {
      {"\"17%\"", VerdictKind::supported},      // 16.5 is on the edge of 17 ± 0.5
      {"\"16%\"", VerdictKind::supported},      // 16.5 is on the edge of 16 ± 0.5
      {"\"18%\"", VerdictKind::contradicted},   // 17.5 .. 18.5
      {"\"16.4%\"", VerdictKind::contradicted}, // 16.35 .. 16.45
      {"\"約18%\"", VerdictKind::contradicted}, // 約 widens to a full unit: 17 .. 19
      {"\"約16%\"", VerdictKind::supported},    // 15 .. 17
      {"\"15%-16%\"", VerdictKind::supported},  // range widened by 0.5 at each end
      {"\"10%-15%\"", VerdictKind::contradicted},
      {"\"逾16%\"", VerdictKind::supported},
      {"\"逾16.5%\"", VerdictKind::contradicted}, // strict
      {"\"不到17%\"", VerdictKind::supported},
  };
  for (const auto& c : cases) {
    INFO(c.claimed);
    const auto verdict = evaluate(claim(k_change, c.claimed), obs);
    CHECK(verdict.kind == c.expected);
  }
}

TEST_CASE("eval::evaluate: the evidence shows the rows and the arithmetic", "[eval]")
{
  const auto verdict = evaluate(claim(k_change, "\"17%\""), observe({{"stooq:x.us", k_fall}}));
  CHECK(verdict.evidence.arithmetic == "(83.5 - 100) / 100 = -16.50%");
  REQUIRE(verdict.evidence.rows.size() == 2);
  CHECK(factcheck::format_date(verdict.evidence.rows[1].date) == "2025-01-24");
  CHECK(verdict.evidence.series == "stooq:x.us");
  CHECK(verdict.evidence.field == "close");
  REQUIRE(verdict.evidence.sources.size() == 1);
  CHECK(verdict.evidence.sources[0]->url == "https://example.test/stooq:x.us");
  CHECK(verdict.observed_text == "-16.50%");
}

TEST_CASE("eval::evaluate: a move the other way contradicts", "[eval]")
{
  const auto rise = claim(
      R"({kind: change_pct, series: "stooq:x.us", date: 2025-01-24, direction: fall})", "\"11%\"");
  const auto verdict = evaluate(rise, observe({{"stooq:x.us", k_fall}}));
  CHECK(verdict.kind == VerdictKind::contradicted);
  CHECK(verdict.message == "the claim says it fell, but it rose (11.11%)");
}

TEST_CASE("eval::evaluate: missing rows are unverifiable, never supported", "[eval]")
{
  const auto obs = observe({{"stooq:x.us", k_fall}});
  const auto on = [&](const char* date) {
    return evaluate(claim(std::string(R"({kind: change_pct, series: "stooq:x.us", date: )") + date
                              + ", direction: fall}",
                          "\"17%\""),
                    obs);
  };
  const auto weekend = on("2025-01-25");
  CHECK(weekend.kind == VerdictKind::unverifiable);
  CHECK(weekend.message == "stooq:x.us has no row for 2025-01-25 (Saturday): no trading that day");
  const auto later = on("2025-02-03");
  CHECK(later.kind == VerdictKind::unverifiable);
  CHECK(later.message
        == "stooq:x.us does not cover 2025-02-03: the data holds rows 2025-01-23..2025-01-27");
  const auto first = on("2025-01-23");
  CHECK(first.kind == VerdictKind::unverifiable);
  CHECK(first.message
        == "stooq:x.us does not cover the trading day before 2025-01-23: the data holds rows "
           "2025-01-23..2025-01-27");
}

TEST_CASE("eval::evaluate: a failed fetch is an error verdict", "[eval]")
{
  Observations obs;
  obs.emplace(SourceRef{"stooq", "x.us"},
              factcheck::unexpected("HTTP 503 from https://stooq.com/q/d/l/?s=x.us&i=d"));
  const auto verdict = evaluate(claim(k_change, "\"17%\""), obs);
  CHECK(verdict.kind == VerdictKind::error);
  CHECK(verdict.message == "stooq:x.us: HTTP 503 from https://stooq.com/q/d/l/?s=x.us&i=d");
}

TEST_CASE("eval::evaluate: market_cap_change uses the latest share count", "[eval]")
{
  factcheck::ShareFacts facts;
  facts.counts.push_back({*factcheck::parse_date("2024-11-15"), 1e9, "10-Q", "2024-11-20", ""});
  facts.counts.push_back({*factcheck::parse_date("2025-02-21"), 2e9, "10-K", "2025-02-26", ""});
  const auto obs = observe({{"stooq:x.us", k_fall}, {"sec:1", facts}});
  const std::string check =
      R"({kind: market_cap_change, series: "stooq:x.us", shares: "sec:1", date: 2025-01-27, direction: fall})";
  // 1e9 shares x (83.5 - 100) = -16.5bn: the 2025-02-21 count is later than the date.
  const auto over = evaluate(claim(check, "逾160億美元"), obs);
  CHECK(over.kind == VerdictKind::supported);
  CHECK(over.observed == Approx(-16.5e9));
  const auto strict = evaluate(claim(check, "逾165億美元"), obs);
  CHECK(strict.kind == VerdictKind::contradicted);
  const auto none = evaluate(
      claim(
          R"({kind: market_cap_change, series: "stooq:x.us", shares: "sec:1", date: 2024-01-02, direction: fall})",
          "逾1億美元"),
      obs);
  CHECK(none.kind == VerdictKind::unverifiable);
  CHECK(none.message == "sec:1 reports no share count on or before 2024-01-02");
}

TEST_CASE("eval::evaluate: largest_move_since looks back for a larger move", "[eval]")
{
  const std::string check =
      R"({kind: largest_move_since, series: "fred:X", date: 2025-01-27, direction: fall})";
  SECTION("a larger drop inside the window contradicts")
  {
    const auto s = series({{"2022-12-30", 100, 0},
                           {"2024-12-17", 100, 0},
                           {"2024-12-18", 96, 0}, // -4%
                           {"2025-01-24", 100, 0},
                           {"2025-01-27", 97, 0}}); // -3%
    const auto verdict = evaluate(claim(check, "\"2022\""), observe({{"fred:X", s}}));
    CHECK(verdict.kind == VerdictKind::contradicted);
    CHECK(verdict.message == "fred:X fell 4.00% on 2024-12-18, more than the 3.00% on 2025-01-27");
  }
  SECTION("the last larger drop before the window supports")
  {
    const auto s = series({{"2022-06-10", 100, 0},
                           {"2022-06-13", 95, 0}, // -5%
                           {"2023-01-03", 100, 0},
                           {"2025-01-24", 100, 0},
                           {"2025-01-27", 97, 0}});
    const auto verdict = evaluate(claim(check, "\"2022\""), observe({{"fred:X", s}}));
    CHECK(verdict.kind == VerdictKind::supported);
    CHECK(verdict.observed_text == "largest since 2022-06-13");
  }
  SECTION("data that starts inside the window cannot settle it")
  {
    const auto s = series({{"2023-06-01", 100, 0}, {"2025-01-24", 100, 0}, {"2025-01-27", 97, 0}});
    const auto verdict = evaluate(claim(check, "\"2022\""), observe({{"fred:X", s}}));
    CHECK(verdict.kind == VerdictKind::unverifiable);
  }
}

TEST_CASE("eval::evaluate: average_volume over the N days before", "[eval]")
{
  const auto obs = observe({{"stooq:x.us", k_fall}});
  const auto two = evaluate(
      claim(R"({kind: average_volume, series: "stooq:x.us", date: 2025-01-27, days: 2})", "1500股"),
      obs);
  CHECK(two.kind == VerdictKind::supported);
  CHECK(two.observed == Approx(1500));
  CHECK(two.evidence.arithmetic
        == "mean volume of the 2 trading days 2025-01-23..2025-01-24 = 3000 / 2 = 1,500");
  const auto three = evaluate(
      claim(R"({kind: average_volume, series: "stooq:x.us", date: 2025-01-27, days: 3})", "1500股"),
      obs);
  CHECK(three.kind == VerdictKind::unverifiable);
}

TEST_CASE("eval::evaluate: a second source corroborates or not", "[eval]")
{
  const std::string check =
      R"({kind: change_pct, series: "fred:X", date: 2025-01-27, direction: fall, corroborate: "yahoo:X"})";
  const auto near = series({{"2025-01-24", 100.0, 0}, {"2025-01-27", 83.6, 0}});
  const auto far = series({{"2025-01-24", 100.0, 0}, {"2025-01-27", 90, 0}});
  const auto agree =
      evaluate(claim(check, "\"17%\""), observe({{"fred:X", k_fall}, {"yahoo:X", near}}));
  CHECK(agree.kind == VerdictKind::supported);
  REQUIRE_FALSE(agree.evidence.notes.empty());
  CHECK_THAT(agree.evidence.notes.back(), Catch::Contains("the sources agree"));
  CHECK(agree.evidence.sources.size() == 2);
  const auto disagree =
      evaluate(claim(check, "\"17%\""), observe({{"fred:X", k_fall}, {"yahoo:X", far}}));
  CHECK(disagree.kind == VerdictKind::supported);
  CHECK_THAT(disagree.evidence.notes.back(), Catch::Contains("DISAGREE"));

  Observations failing = observe({{"fred:X", k_fall}});
  failing.emplace(SourceRef{"yahoo", "X"}, factcheck::unexpected("HTTP 429"));
  const auto unreachable = evaluate(claim(check, "\"17%\""), failing);
  CHECK(unreachable.kind == VerdictKind::supported);
  CHECK(unreachable.evidence.notes.back()
        == "corroboration: yahoo:X could not be used: yahoo:X: HTTP 429");
}

TEST_CASE("eval::evaluate: close, volume, change in points and market_cap", "[eval]")
{
  factcheck::ShareFacts facts;
  facts.counts.push_back({*factcheck::parse_date("2024-11-15"), 1e9, "10-Q", "2024-11-20", ""});
  const auto obs = observe({{"stooq:x.us", k_fall}, {"sec:1", facts}});
  const auto close =
      evaluate(claim(R"({kind: close, series: "stooq:x.us", date: 2025-01-27})", "\"$83.5\""), obs);
  CHECK(close.kind == VerdictKind::supported);
  CHECK(close.evidence.arithmetic == "stooq:x.us close on 2025-01-27 = 83.5");
  const auto close_off =
      evaluate(claim(R"({kind: close, series: "stooq:x.us", date: 2025-01-27})", "\"$85\""), obs);
  CHECK(close_off.kind == VerdictKind::contradicted); // 85 ± 0.5 does not hold 83.5
  const auto volume =
      evaluate(claim(R"({kind: volume, series: "stooq:x.us", date: 2025-01-27})", "9000股"), obs);
  CHECK(volume.kind == VerdictKind::supported);
  const auto points =
      evaluate(claim(R"({kind: change, series: "stooq:x.us", date: 2025-01-27, direction: fall})",
                     "\"16.5\""),
               obs);
  CHECK(points.kind == VerdictKind::supported);
  CHECK(points.evidence.arithmetic == "83.5 - 100 = -16.50");
  const auto cap = evaluate(
      claim(R"({kind: market_cap, series: "stooq:x.us", shares: "sec:1", date: 2025-01-27})",
            "約835億美元"),
      obs);
  CHECK(cap.kind == VerdictKind::supported);
  CHECK(cap.observed == Approx(83.5e9));
  const auto base = evaluate(
      claim(
          R"({kind: change_pct, series: "stooq:x.us", date: 2025-01-27, base_date: 2025-01-23, direction: fall})",
          "\"7.2%\""),
      obs);
  // From the explicit base: (83.5 - 90) / 90 = -7.22%.
  CHECK(base.kind == VerdictKind::supported);
  CHECK(base.evidence.arithmetic == "(83.5 - 90) / 90 = -7.22%");
}

TEST_CASE("eval::evaluate: a close on Stooq's adjusted series says so", "[eval]")
{
  // The real recorded NVDA series (fixtures/deepseek-2025-01-27/stooq). On
  // 2024-08-05 Stooq gives 100.434, where NVIDIA closed at 100.45: Stooq has
  // back-adjusted the row for the dividends of 2024-09-12 and 2024-12-05
  // ($0.01 each). From 2024-12-05 on its closes are the closes as traded.
  std::ifstream in(FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/stooq/nvda.us.csv");
  REQUIRE(in);
  const std::string body{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  auto parsed = factcheck::sources::parse_stooq_csv(body, "nvda.us");
  REQUIRE(parsed.has_value());
  const auto obs = observe({{"stooq:nvda.us", std::move(*parsed)}});
  const auto close = [&](const char* date, const char* claimed) {
    return evaluate(
        claim(std::string(R"({kind: close, series: "stooq:nvda.us", date: )") + date + "}",
              claimed),
        obs);
  };

  // 100.45 ± 0.005 does not hold 100.434; the verdict says the close it was
  // judged on is an adjusted figure.
  const auto adjusted = close("2024-08-05", "\"$100.45\"");
  CHECK(adjusted.kind == VerdictKind::contradicted);
  CHECK_THAT(adjusted.message,
             Catch::EndsWith("; judged on an adjusted close (100.434 is not a whole number of "
                             "cents: not the close as traded)"));
  CHECK_THAT(adjusted.evidence.notes.at(0), Catch::StartsWith("stooq:nvda.us: Stooq's closes"));

  // 118.42 is the close as traded: the note names the series' adjustment,
  // the message does not claim this close was adjusted.
  const auto traded = close("2025-01-27", "\"$118.42\"");
  CHECK(traded.kind == VerdictKind::supported);
  CHECK(traded.message == "$118.42 is within $118.415 to $118.425");
  CHECK(traded.evidence.notes.size() == 1);
}
