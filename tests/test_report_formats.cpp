// The reporters on a run the golden files do not cover: every source down,
// so the market claims end in `error` (the golden DeepSeek run has none).
// Also a catalogue line with characters each format must escape.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>

namespace {

factcheck::RunReport
run_without_network()
{
  const std::string path = "claims/deepseek-2025-01-27.yaml";
  auto catalogue = factcheck::catalogue::parse(
      factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/" + path), path);
  factcheck::test::FakeHttpClient network; // answers nothing
  return factcheck::verify(std::move(catalogue), network, {});
}

std::string
render(const factcheck::RunReport& report, std::string_view format)
{
  std::ostringstream out;
  factcheck::report::make_reporter(format, {})->write(report, out);
  return out.str();
}

std::size_t
count(const std::string& text, std::string_view needle)
{
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

} // namespace

TEST_CASE("report: source errors are JUnit errors, SARIF warnings, GitHub warnings", "[report]")
{
  const auto report = run_without_network();
  REQUIRE(report.summary.error == 67);
  REQUIRE(report.summary.unverifiable == 55);

  const auto junit = render(report, "junit");
  CHECK(count(junit, "<error message=") == 67);
  CHECK(count(junit, "fake: connection refused for https://") >= 67);
  CHECK(count(junit, "<skipped message=") == 55);
  CHECK(count(junit, "<failure") == 0);
  CHECK(junit.find(R"(tests="122" failures="0" errors="67" skipped="55")") != std::string::npos);

  const auto sarif = nlohmann::json::parse(render(report, "sarif"));
  int warnings = 0;
  for (const auto& result : sarif["runs"][0]["results"]) {
    if (result["ruleId"] == "factcheck/error") {
      CHECK(result["level"] == "warning");
      ++warnings;
    }
  }
  CHECK(warnings == 67);

  // GitHub shows 10 annotations of each level: no more are emitted, the
  // rest are plain lines, and the summary line says how many.
  // 67 errors and 55 unverifiable: 10 of each annotated, 57 and 45 plain.
  const auto github = render(report, "github");
  CHECK(count(github, "::warning file=claims/deepseek-2025-01-27.yaml,line=") == 10);
  CHECK(count(github, "::notice file=") == 10);
  CHECK(count(github, "\nerror: ") == 57);
  CHECK(count(github, "\nunverifiable: ") == 45);
  CHECK(github.find("; 102 not annotated (GitHub shows 10 annotations of each level)")
        != std::string::npos);
  CHECK(factcheck::report::github_unannotated(report) == 102);

  // Nothing could be checked, so ClaimReview holds only the claims the
  // catalogue itself calls unverifiable (55, less the four repeats judged
  // like their first statement), each with its category as the rating.
  const auto claimreview = nlohmann::json::parse(render(report, "claimreview"));
  CHECK(claimreview["@graph"].size() == 51);
  for (const auto& review : claimreview["@graph"]) {
    CHECK(review["reviewRating"]["alternateName"].get<std::string>().rfind("Unverifiable: ", 0)
          == 0);
  }
}

TEST_CASE("report: text a format must escape stays inside its field", "[report]")
{
  auto report = run_without_network();
  auto& claim = report.catalogue.claims.front();
  claim.id = "a,b:c";
  claim.statement = "fell 17% <b>&</b>\nsecond line";
  report.verdicts.front().kind = factcheck::VerdictKind::contradicted;
  report.verdicts.front().message = "off by 5%, \"quoted\"";

  const auto github = render(report, "github");
  // The catalogue's line break is written as "\n", as every text format
  // writes control characters; the one between statement and evidence is
  // the message's own.
  CHECK(github.find("title=contradicted%3A a%2Cb%3Ac::fell 17%25 <b>&</b>\\nsecond line%0Aoff by "
                    "5%25, \"quoted\"")
        != std::string::npos);

  const auto junit = render(report, "junit");
  CHECK(junit.find(R"(<testcase name="a,b:c")") != std::string::npos);
  CHECK(junit.find(R"(<failure message="off by 5%, &quot;quoted&quot;")") != std::string::npos);

  // Each NDJSON line is still one JSON value with the newline escaped.
  std::istringstream lines(render(report, "ndjson"));
  std::string first;
  std::getline(lines, first);
  CHECK(nlohmann::json::parse(first)["statement"] == "fell 17% <b>&</b>\nsecond line");

  const auto markdown = render(report, "markdown");
  CHECK(markdown.find("**Claim:** fell 17% \\<b\\>\\&\\</b\\> second line") != std::string::npos);
}

TEST_CASE("report: ClaimReview names its reviewer only when given one", "[report]")
{
  const std::string path = "claims/deepseek-2025-01-27.yaml";
  auto catalogue = factcheck::catalogue::parse(
      factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/" + path), path);
  factcheck::http::RecordingClient recordings({FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27"},
                                              nullptr);
  const auto report = factcheck::verify(std::move(catalogue), recordings, {});

  factcheck::report::ReportOptions options;
  options.reviewer = {
      "Example Daily fact desk", "https://example.org/checks/deepseek", "2026-11-28"};
  std::ostringstream out;
  factcheck::report::make_reporter("claimreview", options)->write(report, out);
  const auto named = nlohmann::json::parse(out.str())["@graph"];
  // 122 claims reported, less 16 repeats judged like their first statement.
  REQUIRE(named.size() == 106);
  for (const auto& review : named) {
    CHECK(review["author"]
          == nlohmann::json{{"@type", "Organization"}, {"name", "Example Daily fact desk"}});
    CHECK(review["url"]
          == "https://example.org/checks/deepseek#" + review["identifier"].get<std::string>());
    CHECK(review["datePublished"] == "2026-11-28");
  }

  // Without one, nothing is made up: no author, url or date of review.
  const auto anonymous = nlohmann::json::parse(render(report, "claimreview"))["@graph"];
  REQUIRE(anonymous.size() == 106);
  for (const auto& review : anonymous) {
    CHECK_FALSE(review.contains("author"));
    CHECK_FALSE(review.contains("url"));
    CHECK_FALSE(review.contains("datePublished"));
  }
}
