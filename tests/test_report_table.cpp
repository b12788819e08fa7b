// The table at the widths terminals have: no line wider than the width it
// was given, the columns of every row under their headers (CJK cells count
// two columns), and no control character of catalogue text written raw.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

factcheck::RunReport
run_offline(const std::string& path)
{
  auto catalogue = factcheck::catalogue::parse(
      factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/" + path), path);
  factcheck::http::RecordingClient recordings(
      {std::string(FACTCHECK_FIXTURES_DIR) + "/deepseek-2025-01-27"}, nullptr);
  return factcheck::verify(std::move(catalogue), recordings, {});
}

std::vector<std::string>
table_lines(const factcheck::RunReport& report, std::size_t width)
{
  factcheck::report::ReportOptions options;
  options.width = width;
  std::ostringstream out;
  factcheck::report::make_reporter("table", options)->write(report, out);
  std::vector<std::string> lines;
  std::istringstream in(out.str());
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// The display column where `line`'s text reaches `column`, if some prefix
// of it ends exactly there (none does when a wide character straddles it).
bool
starts_cell_at(const std::string& line, std::size_t column)
{
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (factcheck::util::display_width(std::string_view(line).substr(0, i)) == column) {
      return i > 0 && line[i - 1] == ' ';
    }
  }
  return false;
}

} // namespace

TEST_CASE("table: no line is wider than the width, and rows stay aligned", "[report]")
{
  for (const auto* path :
       {"claims/deepseek-2025-01-27.yaml", "fixtures/catalogues/hostile-text.yaml"}) {
    const auto report = run_offline(path);
    for (const std::size_t width : {40, 60, 80, 100, 120, 160, 240}) {
      CAPTURE(path, width);
      const auto lines = table_lines(report, width);
      REQUIRE(lines.front().starts_with("VERDICT"));
      const auto& header = lines.front();
      const auto claimed = factcheck::util::display_width(header.substr(0, header.find("CLAIMED")));
      const auto observed =
          factcheck::util::display_width(header.substr(0, header.find("OBSERVED")));
      std::size_t rows = 0;
      for (const auto& line : lines) {
        CAPTURE(line);
        CHECK(factcheck::util::display_width(line) <= width);
        CHECK(line.find('\x1b') == std::string::npos);
        CHECK(line.find('\r') == std::string::npos);
        const auto first = line.substr(0, line.find(' '));
        if (first == "supported" || first == "contradicted" || first == "unverifiable") {
          ++rows;
          for (const auto column : {claimed, observed}) {
            if (factcheck::util::display_width(line) > column) {
              CHECK(starts_cell_at(line, column));
            }
          }
        }
      }
      CHECK(rows == report.verdicts.size());
    }
  }
}

TEST_CASE("table: ESC and line breaks of catalogue text are written visibly", "[report]")
{
  const auto report = run_offline("fixtures/catalogues/hostile-text.yaml");
  std::string text;
  for (const auto& line : table_lines(report, 240)) {
    text += line + "\n";
  }
  CHECK(text.find("an ESC \\u001b[5m blink and a C1 CSI \\u009b2J") != std::string::npos);
  CHECK(text.find("reason line one\\nreason line two\\rcarriage return") != std::string::npos);
  CHECK(text.find("中文的理由：沒有公開來源") != std::string::npos);
}

TEST_CASE("explain: no control character of catalogue text is written raw", "[report]")
{
  const auto report = run_offline("fixtures/catalogues/hostile-text.yaml");
  for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
    CAPTURE(report.catalogue.claims[i].id);
    std::ostringstream out;
    factcheck::report::write_explanation(report.catalogue.claims[i], report.verdicts[i], out);
    const auto text = out.str();
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(text.find('\r') == std::string::npos);
    CHECK(text.find("\xC2\x9B") == std::string::npos);
    if (report.catalogue.claims[i].id == "line-breaks") {
      CHECK(text.find("first line\\nsecond line\\r\\nthird\\tcell") != std::string::npos);
      CHECK(text.find("reason line one\\nreason line two\\rcarriage return") != std::string::npos);
    }
  }
}
