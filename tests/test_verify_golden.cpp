// The DeepSeek catalogue, verified offline from its recordings, against the
// golden reports in fixtures/reports/. Each verdict pinned below was worked
// out by hand from the recorded rows (see the comments); the golden files pin
// everything else (evidence, arithmetic, layout).
//
// To regenerate the golden files after an intended change:
//   FACTCHECK_UPDATE_GOLDEN=1 build/tests/factcheck_tests '[golden]'
// and review the diff.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace {

const std::string k_catalogue = "claims/deepseek-2025-01-27.yaml";

factcheck::RunReport
run_offline()
{
  // Parsed under its repository-relative name, so reports do not depend on
  // where the checkout lives.
  auto catalogue = factcheck::catalogue::parse(
      factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/" + k_catalogue),
      k_catalogue);
  factcheck::http::RecordingClient recordings(
      {std::string(FACTCHECK_SOURCE_DIR) + "/" + catalogue.recordings_dir}, nullptr);
  auto report = factcheck::verify(std::move(catalogue), recordings, {});
  report.mode = factcheck::Mode::offline;
  return report;
}

void
check_golden(const factcheck::RunReport& report, const std::string& format)
{
  const auto reporter = factcheck::report::make_reporter(format, {});
  REQUIRE(reporter);
  std::ostringstream out;
  reporter->write(report, out);
  const auto path =
      std::string(FACTCHECK_FIXTURES_DIR) + "/reports/deepseek-2025-01-27." + format + ".expected";
  if (const char* update = std::getenv("FACTCHECK_UPDATE_GOLDEN"); update != nullptr) {
    std::ofstream(path, std::ios::binary) << out.str();
    WARN("rewrote " << path);
  }
  CHECK(out.str() == factcheck::test::read_file(path));
}

} // namespace

TEST_CASE("verify: every DeepSeek market claim gets its hand-checked verdict", "[golden]")
{
  const auto report = run_offline();
  using factcheck::VerdictKind;
  // Hand arithmetic from the recorded rows (closes 2025-01-24 -> 2025-01-27):
  const std::map<std::string, VerdictKind> expected{
      // NVDA 142.62 -> 118.42: -16.97%, inside 17 +- 0.5.
      {"nvda-fell-17pct", VerdictKind::supported},
      // 24.49e9 shares x (118.42 - 142.62) = -592.658e9: not more than 600e9.
      {"nvda-market-value-lost-over-600bn", VerdictKind::contradicted},
      // 約/近 6000億: a full unit of 1000億, 5000億..7000億 holds 5926.58億.
      {"nvda-market-value-lost-about-600bn", VerdictKind::supported},
      {"nvda-market-value-lost-nearly-600bn", VerdictKind::supported},
      // 818,830,895 shares traded, not 3.15億..3.25億.
      {"nvda-volume-320m", VerdictKind::contradicted},
      // Mean of 2024-12-24..2025-01-24 volumes = 200,867,444; 約8000萬 is 7000萬..9000萬.
      {"nvda-usual-volume-80m", VerdictKind::contradicted},
      {"nvda-short-ratio-42pct", VerdictKind::unverifiable},
      // NASDAQCOM 19954.30 -> 19341.83: -3.07%, inside 3 +- 0.5 (Yahoo agrees).
      {"nasdaq-fell-3pct", VerdictKind::supported},
      // 2024-12-18: 20109.06 -> 19392.69 = -3.56%, a larger drop after 2022.
      {"nasdaq-largest-drop-since-2022", VerdictKind::contradicted},
      {"nasdaq-fell-3pct-wrap", VerdictKind::supported},
      // SP500 6101.24 -> 6012.28: -1.458%, inside 1.5 +- 0.05.
      {"sp500-fell-1.5pct", VerdictKind::supported},
      // AVGO 244.70 -> 202.13: -17.40%, outside 14 +- 0.5 and outside 7.5..15.5.
      {"avgo-fell-14pct", VerdictKind::contradicted},
      {"avgo-downgraded-morgan-stanley", VerdictKind::unverifiable},
      {"avgo-fell-8-15pct", VerdictKind::contradicted},
      // MU 103.19 -> 91.11: -11.71%, inside 7.5..15.5.
      {"mu-fell-8-15pct", VerdictKind::supported},
      {"soxx-outflow-2.3bn", VerdictKind::unverifiable},
      // CEG 347.44 -> 275.00: -20.85%, inside 21 +- 0.5.
      {"ceg-fell-21pct", VerdictKind::supported},
      {"ceg-fell-21pct-wrap", VerdictKind::supported},
      // VST 191.11 -> 137.08: -28.27%, inside 28 +- 0.5.
      {"vst-fell-28pct", VerdictKind::supported},
      // VRT 146.32 -> 102.60: -29.88%; ANET 129.17 -> 100.30: -22.35%; both in 19.5..30.5.
      {"vrt-fell-20-30pct", VerdictKind::supported},
      {"anet-fell-20-30pct", VerdictKind::supported},
  };
  REQUIRE(report.verdicts.size() == expected.size());
  for (const auto& verdict : report.verdicts) {
    INFO(verdict.claim_id << ": " << verdict.message);
    REQUIRE(expected.count(verdict.claim_id) == 1);
    CHECK(to_string(verdict.kind) == to_string(expected.at(verdict.claim_id)));
  }
  CHECK(factcheck::exit_code(report) == 1);
  CHECK(report.summary.error == 0);
}

TEST_CASE("verify: observed figures match hand arithmetic", "[golden]")
{
  const auto report = run_offline();
  std::map<std::string, double> observed;
  for (const auto& verdict : report.verdicts) {
    if (verdict.observed) {
      observed[verdict.claim_id] = *verdict.observed;
    }
  }
  CHECK(observed.at("nvda-fell-17pct") == Approx((118.42 - 142.62) / 142.62 * 100));
  CHECK(observed.at("nvda-market-value-lost-over-600bn") == Approx(24.49e9 * (118.42 - 142.62)));
  CHECK(observed.at("nvda-volume-320m") == 818830895);
  CHECK(observed.at("nasdaq-fell-3pct") == Approx((19341.83 - 19954.30) / 19954.30 * 100));
  CHECK(observed.at("sp500-fell-1.5pct") == Approx((6012.28 - 6101.24) / 6101.24 * 100));
  CHECK(observed.at("avgo-fell-14pct") == Approx((202.13 - 244.70) / 244.70 * 100));
  CHECK(observed.at("nasdaq-largest-drop-since-2022")
        == Approx((19392.69 - 20109.06) / 20109.06 * 100));
}

TEST_CASE("verify: golden reports in every format", "[golden]")
{
  const auto report = run_offline();
  for (const auto& format : factcheck::report::known_formats()) {
    SECTION(format)
    {
      check_golden(report, format);
    }
  }
}

TEST_CASE("verify: identical requests are fetched once", "[golden]")
{
  factcheck::test::FakeHttpClient network;
  auto catalogue = factcheck::catalogue::parse(
      factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/" + k_catalogue),
      k_catalogue);
  const auto report = factcheck::verify(std::move(catalogue), network, {});
  // Nothing answers: every market claim is an error, the rest unverifiable,
  // and the exit code says so.
  CHECK(report.summary.error == 18);
  CHECK(report.summary.unverifiable == 3);
  CHECK(factcheck::exit_code(report) == 3);
  CHECK(network.requests("https://stooq.com/q/d/l/?s=nvda.us&i=d") == 1);
  CHECK(network.requests("https://fred.stlouisfed.org/graph/fredgraph.csv?id=NASDAQCOM") == 1);
}
