#include "testutil.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

using factcheck::Date;
using factcheck::Row;
using factcheck::Series;
using factcheck::sources::parse_yahoo_chart;
using factcheck::test::day;
using factcheck::test::read_file;
using factcheck::test::row_on;
using factcheck::test::strictly_ascending;

namespace {

const std::string k_recordings = FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/yahoo/";

const factcheck::sources::Source&
yahoo()
{
  const auto* source = factcheck::sources::find("yahoo");
  REQUIRE(source != nullptr);
  return *source;
}

// A one-result chart for ^IXIC with the given timestamps and quote arrays.
std::string
chart(const std::string& timestamps,
      const std::string& quote,
      const std::string& adjclose = "",
      int gmtoffset = -18000)
{
  std::string indicators = "\"quote\":[{" + quote + "}]";
  if (!adjclose.empty()) {
    indicators += ",\"adjclose\":[{\"adjclose\":" + adjclose + "}]";
  }
  return "{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"^IXIC\","
         "\"gmtoffset\":"
         + std::to_string(gmtoffset) + "},\"timestamp\":" + timestamps + ",\"indicators\":{"
         + indicators + "}}],\"error\":null}}";
}

} // namespace

TEST_CASE("sources::parse_yahoo_chart: the ^IXIC recording", "[sources]")
{
  const auto series = parse_yahoo_chart(read_file(k_recordings + "IXIC.json"), "^IXIC");
  REQUIRE(series.has_value());
  CHECK(series->id == "^IXIC");
  CHECK(series->rows.size() == 34);
  CHECK(strictly_ascending(*series));
  CHECK(series->rows.front().date == day("2025-01-02"));
  CHECK(series->rows.front().close == 19280.7890625);
  CHECK(series->rows.back().date == day("2025-02-21"));
  CHECK(series->rows.back().close == 19524.005859375);

  const Row* before = row_on(*series, "2025-01-24");
  const Row* after = row_on(*series, "2025-01-27");
  REQUIRE(before != nullptr);
  REQUIRE(after != nullptr);
  CHECK(before->close == 19954.30078125);
  CHECK(after->open == 19234.0390625);
  CHECK(after->high == 19514.349609375);
  CHECK(after->low == 19204.94921875);
  CHECK(after->close == 19341.830078125);
  CHECK(after->adjclose == 19341.830078125);
  CHECK(after->volume == 8870200000.0);
  // Markets closed for the national day of mourning for Jimmy Carter.
  CHECK(row_on(*series, "2025-01-09") == nullptr);
}

TEST_CASE("sources::parse_yahoo_chart: timestamps become exchange-local days", "[sources]")
{
  // 2025-01-27 00:00:00 UTC is still 2025-01-26 in New York (UTC-5) and
  // already 2025-01-27 in Tokyo (UTC+9).
  const auto new_york = parse_yahoo_chart(chart("[1737936000]", "\"close\":[1.5]"), "^IXIC");
  REQUIRE(new_york.has_value());
  REQUIRE(new_york->rows.size() == 1);
  CHECK(new_york->rows[0].date == day("2025-01-26"));

  const auto tokyo =
      parse_yahoo_chart(chart("[1737936000]", "\"close\":[1.5]", "", 32400), "^IXIC");
  REQUIRE(tokyo.has_value());
  REQUIRE(tokyo->rows.size() == 1);
  CHECK(tokyo->rows[0].date == day("2025-01-27"));

  // 1969-12-31 19:00 in New York: floor, not truncation, before the epoch.
  const auto early = parse_yahoo_chart(chart("[-1]", "\"close\":[1.5]", "", 0), "^IXIC");
  REQUIRE(early.has_value());
  CHECK(early->rows[0].date == day("1969-12-31"));
}

TEST_CASE("sources::parse_yahoo_chart: null values are skipped per field", "[sources]")
{
  const auto series = parse_yahoo_chart(chart("[1737729000,1737988200,1738074600]",
                                              "\"open\":[20087.109375,null,null],"
                                              "\"close\":[19954.30078125,19341.830078125,null],"
                                              "\"volume\":[7708150000,null,null]",
                                              "[19954.30078125,null,null]"),
                                        "^IXIC");
  REQUIRE(series.has_value());
  // The third bar has no value at all: a day without data.
  REQUIRE(series->rows.size() == 2);
  CHECK(series->rows[0].open == 20087.109375);
  CHECK(series->rows[0].volume == 7708150000.0);
  CHECK(series->rows[0].adjclose == 19954.30078125);
  CHECK(series->rows[1].date == day("2025-01-27"));
  CHECK(series->rows[1].close == 19341.830078125);
  CHECK_FALSE(series->rows[1].open);
  CHECK_FALSE(series->rows[1].volume);
  CHECK_FALSE(series->rows[1].adjclose);
  CHECK_FALSE(series->rows[1].high);
}

TEST_CASE("sources::parse_yahoo_chart: a chart without bars is empty", "[sources]")
{
  const auto series =
      parse_yahoo_chart("{\"chart\":{\"result\":[{\"meta\":{\"symbol\":\"^IXIC\",\"gmtoffset\":"
                        "-18000},\"indicators\":{\"quote\":[{}]}}],\"error\":null}}",
                        "^IXIC");
  REQUIRE(series.has_value());
  CHECK(series->rows.empty());
}

TEST_CASE("sources::parse_yahoo_chart: errors", "[sources]")
{
  SECTION("chart.error")
  {
    const auto series =
        parse_yahoo_chart("{\"chart\":{\"result\":null,\"error\":{\"code\":\"Not Found\","
                          "\"description\":\"No data found, symbol may be delisted\"}}}",
                          "^IXICC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "No data found, symbol may be delisted");
  }
  SECTION("an HTML page")
  {
    const auto series =
        parse_yahoo_chart("\n<!doctype html><html><title>Yahoo</title></html>", "^IXIC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "expected JSON, got an HTML page");
  }
  SECTION("not JSON")
  {
    const auto series = parse_yahoo_chart("Too Many Requests", "^IXIC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "expected JSON, got a parse error at byte 1");
  }
  SECTION("no chart")
  {
    const auto series = parse_yahoo_chart("{\"finance\":{}}", "^IXIC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "expected a chart response, got no \"chart\" object");
  }
  SECTION("no result")
  {
    const auto series = parse_yahoo_chart("{\"chart\":{\"result\":[],\"error\":null}}", "^IXIC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "chart.result is missing or empty");
  }
  SECTION("another symbol")
  {
    const auto series = parse_yahoo_chart(read_file(k_recordings + "IXIC.json"), "^GSPC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "chart is for \"^IXIC\", not \"^GSPC\"");
  }
  SECTION("an array shorter than timestamp")
  {
    const auto series =
        parse_yahoo_chart(chart("[1737729000,1737988200]", "\"close\":[19954.30078125]"), "^IXIC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error()
          == "chart.result[0].indicators.quote[0].close has 1 values for 2 "
             "timestamps");
  }
  SECTION("a value that is not a number")
  {
    const auto series = parse_yahoo_chart(
        chart("[1737729000,1737988200]", "\"close\":[19954.30078125,\"x\"]"), "^IXIC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "chart.result[0].timestamp[1]: bad close \"x\"");
  }
  SECTION("a duplicate date")
  {
    // Two bars of 2025-01-27 (9:30 and 17:15 New York time).
    const auto series =
        parse_yahoo_chart(chart("[1737988200,1738016159]", "\"close\":[1,2]"), "^IXIC");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "chart.result[0].timestamp[1]: duplicate date 2025-01-27");
  }
}

TEST_CASE("sources::yahoo: request URLs", "[sources]")
{
  const auto& source = yahoo();
  CHECK(source.name() == "yahoo");
  CHECK(source.default_base_url() == "https://query1.finance.yahoo.com");

  const auto ixic = source.request("^IXIC", source.default_base_url());
  REQUIRE(ixic.has_value());
  CHECK(ixic->url
        == "https://query1.finance.yahoo.com/v8/finance/chart/"
           "%5EIXIC?range=max&interval=1d");

  const auto future = source.request("ES=F", "http://127.0.0.1:9/");
  REQUIRE(future.has_value());
  CHECK(future->url == "http://127.0.0.1:9/v8/finance/chart/ES%3DF?range=max&interval=1d");
}

TEST_CASE("sources::yahoo: bad symbols are rejected", "[sources]")
{
  const auto& source = yahoo();
  for (const char* id : {"", "^IXIC?range=1d", "a/b", "NV DA", "#"}) {
    const auto request = source.request(id, source.default_base_url());
    REQUIRE_FALSE(request.has_value());
    CHECK(request.error()
          == "bad Yahoo symbol \"" + std::string(id)
                 + "\": expected letters, digits and . ^ = _ -");
  }
}

TEST_CASE("sources::yahoo: parse returns a Series", "[sources]")
{
  const auto data = yahoo().parse(read_file(k_recordings + "IXIC.json"), "", "^IXIC");
  REQUIRE(data.has_value());
  REQUIRE(std::holds_alternative<Series>(*data));
  CHECK(std::get<Series>(*data).rows.size() == 34);
}
