#include "testutil.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <variant>

using factcheck::Date;
using factcheck::Row;
using factcheck::Series;
using factcheck::sources::parse_fred_csv;
using factcheck::test::day;
using factcheck::test::read_file;
using factcheck::test::read_shared_sample;
using factcheck::test::row_on;
using factcheck::test::strictly_ascending;

namespace {

const std::string k_recordings = FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/fred/";

const factcheck::sources::Source&
fred()
{
  const auto* source = factcheck::sources::find("fred");
  REQUIRE(source != nullptr);
  return *source;
}

} // namespace

TEST_CASE("sources::parse_fred_csv: the NASDAQCOM recording", "[sources]")
{
  const auto series = parse_fred_csv(read_file(k_recordings + "NASDAQCOM.csv"), "NASDAQCOM");
  REQUIRE(series.has_value());
  CHECK(series->id == "NASDAQCOM");
  // 825 data lines, 33 of them holidays with a blank value.
  CHECK(series->rows.size() == 792);
  CHECK(strictly_ascending(*series));
  CHECK(series->rows.front().date == day("2022-01-03"));
  CHECK(series->rows.front().close == 15832.8);
  CHECK(series->rows.back().date == day("2025-02-28"));
  CHECK(series->rows.back().close == 18847.28);

  const Row* before = row_on(*series, "2025-01-24");
  const Row* after = row_on(*series, "2025-01-27");
  REQUIRE(before != nullptr);
  REQUIRE(after != nullptr);
  CHECK(before->close == 19954.3);
  CHECK(after->close == 19341.83);
  CHECK_FALSE(after->open);
  CHECK_FALSE(after->volume);
  CHECK_FALSE(after->adjclose);
  // Martin Luther King Jr. Day: a blank value in the CSV.
  CHECK(row_on(*series, "2025-01-20") == nullptr);
}

TEST_CASE("sources::parse_fred_csv: the SP500 recording", "[sources]")
{
  const auto series = parse_fred_csv(read_file(k_recordings + "SP500.csv"), "SP500");
  REQUIRE(series.has_value());
  CHECK(series->rows.size() == 792);
  CHECK(strictly_ascending(*series));
  REQUIRE(row_on(*series, "2025-01-24") != nullptr);
  REQUIRE(row_on(*series, "2025-01-27") != nullptr);
  CHECK(row_on(*series, "2025-01-24")->close == 6101.24);
  CHECK(row_on(*series, "2025-01-27")->close == 6012.28);
  CHECK(row_on(*series, "2025-01-20") == nullptr);
}

TEST_CASE("sources::parse_fred_csv: the reference format sample", "[sources]")
{
  const auto sample = read_shared_sample("fred_fredgraph_csv_header.txt");
  if (!sample) {
    WARN("../shared is absent; skipping the reference sample");
    return;
  }
  const auto series = parse_fred_csv(*sample, "NASDAQCOM");
  REQUIRE(series.has_value());
  REQUIRE(series->rows.size() == 3);
  CHECK(series->rows[0].date == day("2021-04-14"));
  CHECK(series->rows[0].close == 13857.84);
  CHECK(row_on(*series, "2021-05-31") == nullptr);
  CHECK(row_on(*series, "2025-01-27")->close == 19341.83);
}

TEST_CASE("sources::parse_fred_csv: a blank value is a day without data", "[sources]")
{
  const auto series = parse_fred_csv("observation_date,NASDAQCOM\n"
                                     "2025-01-17,19630.200\n"
                                     "2025-01-20,\n"
                                     "2025-01-21,19756.780\n",
                                     "NASDAQCOM");
  REQUIRE(series.has_value());
  REQUIRE(series->rows.size() == 2);
  CHECK(series->rows[0].date == day("2025-01-17"));
  CHECK(series->rows[1].date == day("2025-01-21"));
  CHECK(series->rows[1].close == 19756.78);
}

TEST_CASE("sources::parse_fred_csv: the old DATE header and '.' values", "[sources]")
{
  const auto series = parse_fred_csv("DATE,SP500\r\n"
                                     "2025-01-17,5996.66\r\n"
                                     "2025-01-20,.\r\n"
                                     "2025-01-21,6049.24\r\n",
                                     "SP500");
  REQUIRE(series.has_value());
  REQUIRE(series->rows.size() == 2);
  CHECK(series->rows[0].close == 5996.66);
  CHECK(series->rows[1].close == 6049.24);
}

TEST_CASE("sources::parse_fred_csv: rows come out sorted", "[sources]")
{
  const auto series = parse_fred_csv("observation_date,SP500\n"
                                     "2025-01-27,6012.28\n"
                                     "2025-01-24,6101.24\n",
                                     "SP500");
  REQUIRE(series.has_value());
  REQUIRE(series->rows.size() == 2);
  CHECK(series->rows[0].date == day("2025-01-24"));
  CHECK(series->rows[1].date == day("2025-01-27"));
}

TEST_CASE("sources::parse_fred_csv: a header alone is an empty series", "[sources]")
{
  const auto series = parse_fred_csv("observation_date,SP500\n", "SP500");
  REQUIRE(series.has_value());
  CHECK(series->rows.empty());
}

TEST_CASE("sources::parse_fred_csv: errors", "[sources]")
{
  SECTION("an HTML page")
  {
    const auto series =
        parse_fred_csv("  \n<!DOCTYPE html><html><body>Error</body></html>", "SP500");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "expected CSV, got an HTML page");
  }
  SECTION("an empty body")
  {
    const auto series = parse_fred_csv("\n", "SP500");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "expected CSV, got an empty body");
  }
  SECTION("another series' header")
  {
    const auto series = parse_fred_csv("observation_date,SP500\n2025-01-27,6012.28\n", "DJIA");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error()
          == "bad header \"observation_date,SP500\": expected "
             "\"observation_date,DJIA\"");
  }
  SECTION("a row with three fields")
  {
    const auto series =
        parse_fred_csv("observation_date,SP500\n2025-01-24,6101.24\n2025-01-27,6012,28\n", "SP500");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 3: expected 2 fields, got 3 in \"2025-01-27,6012,28\"");
  }
  SECTION("a bad date")
  {
    const auto series = parse_fred_csv("observation_date,SP500\n2025-02-30,6012.28\n", "SP500");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 2: bad date \"2025-02-30\"");
  }
  SECTION("a bad value")
  {
    const auto series = parse_fred_csv("observation_date,SP500\n2025-01-27,6,012.28\n", "SP500");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 2: expected 2 fields, got 3 in \"2025-01-27,6,012.28\"");
    const auto text = parse_fred_csv("observation_date,SP500\n2025-01-27,n/a\n", "SP500");
    REQUIRE_FALSE(text.has_value());
    CHECK(text.error() == "row 2: bad value \"n/a\"");
  }
  SECTION("a duplicate date")
  {
    const auto series = parse_fred_csv("observation_date,SP500\n"
                                       "2025-01-24,6101.24\n"
                                       "2025-01-27,6012.28\n"
                                       "2025-01-27,6012.28\n",
                                       "SP500");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 4: duplicate date 2025-01-27");
  }
}

TEST_CASE("sources::fred: request URLs", "[sources]")
{
  const auto& source = fred();
  CHECK(source.name() == "fred");
  CHECK(source.default_base_url() == "https://fred.stlouisfed.org");

  const auto request = source.request("NASDAQCOM", source.default_base_url());
  REQUIRE(request.has_value());
  CHECK(request->url == "https://fred.stlouisfed.org/graph/fredgraph.csv?id=NASDAQCOM");
  CHECK(request->headers.empty());

  const auto local = source.request("SP500", "http://127.0.0.1:8080/");
  REQUIRE(local.has_value());
  CHECK(local->url == "http://127.0.0.1:8080/graph/fredgraph.csv?id=SP500");
}

TEST_CASE("sources::fred: bad series ids are rejected", "[sources]")
{
  const auto& source = fred();
  for (const char* id : {"", "NAS DAQ", "^IXIC", "SP500&x=1", "a/b"}) {
    const auto request = source.request(id, source.default_base_url());
    REQUIRE_FALSE(request.has_value());
    CHECK(request.error()
          == "bad FRED series id \"" + std::string(id) + "\": expected letters, digits and _");
  }
}

TEST_CASE("sources::fred: parse returns a Series", "[sources]")
{
  const auto data = fred().parse(read_file(k_recordings + "NASDAQCOM.csv"), "", "NASDAQCOM");
  REQUIRE(data.has_value());
  REQUIRE(std::holds_alternative<Series>(*data));
  CHECK(std::get<Series>(*data).rows.size() == 792);

  const auto error = fred().parse("<html></html>", "", "NASDAQCOM");
  REQUIRE_FALSE(error.has_value());
  CHECK(error.error() == "expected CSV, got an HTML page");
}

TEST_CASE("sources::all: the built-in sources in listing order", "[sources]")
{
  const auto sources = factcheck::sources::all();
  REQUIRE(sources.size() == 10);
  CHECK(sources[0]->name() == "fred");
  CHECK(sources[1]->name() == "stooq");
  CHECK(sources[2]->name() == "yahoo");
  CHECK(sources[3]->name() == "sec");
  CHECK(sources[4]->name() == "xbrl");
  CHECK(sources[5]->name() == "finra");
  CHECK(sources[6]->name() == "arxiv");
  CHECK(sources[7]->name() == "wikipedia");
  CHECK(sources[8]->name() == "wikidata");
  CHECK(sources[9]->name() == "document");
  for (const auto* source : sources) {
    CHECK(factcheck::sources::find(source->name()) == source);
    CHECK_FALSE(source->description().empty());
    CHECK(source->description().find('\n') == std::string_view::npos);
  }
  CHECK(factcheck::sources::find("fredd") == nullptr);
  CHECK(factcheck::sources::find("") == nullptr);
}
