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
using factcheck::sources::parse_stooq_csv;
using factcheck::test::day;
using factcheck::test::read_file;
using factcheck::test::read_shared_sample;
using factcheck::test::row_on;
using factcheck::test::strictly_ascending;

namespace {

const std::string k_recordings = FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/stooq/";

const factcheck::sources::Source&
stooq()
{
  const auto* source = factcheck::sources::find("stooq");
  REQUIRE(source != nullptr);
  return *source;
}

} // namespace

TEST_CASE("sources::parse_stooq_csv: the NVDA recording", "[sources]")
{
  const auto series = parse_stooq_csv(read_file(k_recordings + "nvda.us.csv"), "nvda.us");
  REQUIRE(series.has_value());
  CHECK(series->id == "nvda.us");
  CHECK(series->rows.size() == 792);
  CHECK(strictly_ascending(*series));
  CHECK(series->rows.front().date == day("2022-01-03"));
  CHECK(series->rows.back().date == day("2025-02-28"));
  CHECK(series->rows.back().close == 124.92);

  const Row* before = row_on(*series, "2025-01-24");
  const Row* after = row_on(*series, "2025-01-27");
  REQUIRE(before != nullptr);
  REQUIRE(after != nullptr);
  CHECK(before->close == 142.62);
  CHECK(after->open == 124.8);
  CHECK(after->high == 128.4);
  CHECK(after->low == 116.7);
  CHECK(after->close == 118.42);
  CHECK(after->volume == 818830895.0);
  CHECK_FALSE(after->adjclose);
  CHECK(row_on(*series, "2025-01-25") == nullptr);
}

TEST_CASE("sources::parse_stooq_csv: the other DeepSeek-day recordings", "[sources]")
{
  struct Case
  {
    const char* symbol;
    double close_2025_01_24;
    double close_2025_01_27;
  };
  // The key figures of ../shared/reference/README.md.
  const Case cases[] = {
      {"avgo.us", 244.70, 202.13},
      {"mu.us", 103.19, 91.11},
      {"ceg.us", 347.44, 275.00},
      {"vst.us", 191.11, 137.08},
      {"vrt.us", 146.32, 102.60},
      {"anet.us", 129.17, 100.30},
      {"soxx.us", 230.64, 212.55},
  };
  for (const auto& expected : cases) {
    INFO(expected.symbol);
    const auto series =
        parse_stooq_csv(read_file(k_recordings + expected.symbol + ".csv"), expected.symbol);
    REQUIRE(series.has_value());
    CHECK(series->rows.size() == 11);
    CHECK(strictly_ascending(*series));
    CHECK(series->rows.front().date == day("2025-01-17"));
    CHECK(series->rows.back().date == day("2025-02-03"));
    REQUIRE(row_on(*series, "2025-01-24") != nullptr);
    REQUIRE(row_on(*series, "2025-01-27") != nullptr);
    CHECK(row_on(*series, "2025-01-24")->close == expected.close_2025_01_24);
    CHECK(row_on(*series, "2025-01-27")->close == expected.close_2025_01_27);
  }

  const auto avgo = parse_stooq_csv(read_file(k_recordings + "avgo.us.csv"), "avgo.us");
  REQUIRE(avgo.has_value());
  CHECK(row_on(*avgo, "2025-01-31")->volume == 41150975.0);
}

TEST_CASE("sources::parse_stooq_csv: the reference format sample", "[sources]")
{
  const auto sample = read_shared_sample("stooq_d_csv_ndq_excerpt.csv");
  if (!sample) {
    WARN("../shared is absent; skipping the reference sample");
    return;
  }
  const auto series = parse_stooq_csv(*sample, "^ndq");
  REQUIRE(series.has_value());
  REQUIRE(series->rows.size() == 4);
  CHECK(series->rows[0].date == day("1938-01-03"));
  CHECK(series->rows[0].close == 5.63);
  CHECK_FALSE(series->rows[0].volume);
  CHECK(series->rows[3].date == day("2020-05-29"));
  CHECK(series->rows[3].close == 9489.871);
  CHECK(series->rows[3].volume == 4293493244.0);
}

TEST_CASE("sources::parse_stooq_csv: old rows without Volume are fine", "[sources]")
{
  const auto series = parse_stooq_csv("Date,Open,High,Low,Close,Volume\r\n"
                                      "1938-01-03,5.65,5.75,5.59,5.63\r\n"
                                      "2020-05-29,9382.348,9505.547,9324.727,"
                                      "9489.871,4293493244\r\n",
                                      "^ndq");
  REQUIRE(series.has_value());
  REQUIRE(series->rows.size() == 2);
  CHECK(series->rows[0].open == 5.65);
  CHECK(series->rows[0].close == 5.63);
  CHECK_FALSE(series->rows[0].volume);
  CHECK(series->rows[1].volume == 4293493244.0);

  const auto without_column =
      parse_stooq_csv("Date,Open,High,Low,Close\n1938-01-03,5.65,5.75,5.59,5.63\n", "^ndq");
  REQUIRE(without_column.has_value());
  REQUIRE(without_column->rows.size() == 1);
  CHECK_FALSE(without_column->rows[0].volume);
}

TEST_CASE("sources::parse_stooq_csv: rows come out sorted", "[sources]")
{
  const auto series = parse_stooq_csv("Date,Open,High,Low,Close,Volume\n"
                                      "2025-01-27,124.8,128.4,116.7,118.42,818830895\n"
                                      "2025-01-24,148.37,148.97,141.88,142.62,234657635\n",
                                      "nvda.us");
  REQUIRE(series.has_value());
  REQUIRE(series->rows.size() == 2);
  CHECK(series->rows[0].close == 142.62);
  CHECK(series->rows[1].close == 118.42);
}

TEST_CASE("sources::parse_stooq_csv: errors", "[sources]")
{
  SECTION("No data")
  {
    const auto series = parse_stooq_csv("No data", "nvdaa.us");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "stooq has no data for \"nvdaa.us\"");
    const auto with_newline = parse_stooq_csv("No data\r\n", "nvdaa.us");
    REQUIRE_FALSE(with_newline.has_value());
    CHECK(with_newline.error() == "stooq has no data for \"nvdaa.us\"");
  }
  SECTION("an HTML page")
  {
    const auto series = parse_stooq_csv("<html><head><title>Stooq</title></head></html>", "x");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "expected CSV, got an HTML page");
  }
  SECTION("a throttling message instead of a header")
  {
    const auto series = parse_stooq_csv("Exceeded the daily hits limit", "nvda.us");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error()
          == "bad header \"Exceeded the daily hits limit\": expected "
             "\"Date,Open,High,Low,Close,Volume\"");
  }
  SECTION("a bad close")
  {
    const auto series = parse_stooq_csv("Date,Open,High,Low,Close,Volume\n"
                                        "2025-01-24,148.37,148.97,141.88,142.62,234657635\n"
                                        "2025-01-27,124.8,128.4,116.7,,818830895\n",
                                        "nvda.us");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 3: bad Close \"\"");
  }
  SECTION("a bad volume")
  {
    const auto series = parse_stooq_csv("Date,Open,High,Low,Close,Volume\n"
                                        "2025-01-27,124.8,128.4,116.7,118.42,lots\n",
                                        "nvda.us");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 2: bad Volume \"lots\"");
  }
  SECTION("too few fields")
  {
    const auto series =
        parse_stooq_csv("Date,Open,High,Low,Close,Volume\n2025-01-27,124.8,128.4\n", "nvda.us");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 2: expected 6 fields, got 3 in \"2025-01-27,124.8,128.4\"");
  }
  SECTION("a compact date")
  {
    const auto series = parse_stooq_csv("Date,Open,High,Low,Close,Volume\n"
                                        "20250127,124.8,128.4,116.7,118.42,818830895\n",
                                        "nvda.us");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 2: bad date \"20250127\"");
  }
  SECTION("a duplicate date")
  {
    const auto series = parse_stooq_csv("Date,Open,High,Low,Close,Volume\n"
                                        "2025-01-27,124.8,128.4,116.7,118.42,818830895\n"
                                        "2025-01-24,148.37,148.97,141.88,142.62,234657635\n"
                                        "2025-01-27,124.8,128.4,116.7,118.42,818830895\n",
                                        "nvda.us");
    REQUIRE_FALSE(series.has_value());
    CHECK(series.error() == "row 4: duplicate date 2025-01-27");
  }
}

TEST_CASE("sources::stooq: request URLs", "[sources]")
{
  const auto& source = stooq();
  CHECK(source.name() == "stooq");
  CHECK(source.default_base_url() == "https://stooq.com");

  const auto nvda = source.request("nvda.us", source.default_base_url());
  REQUIRE(nvda.has_value());
  CHECK(nvda->url == "https://stooq.com/q/d/l/?s=nvda.us&i=d");

  // The symbol is kept as given (not lowercased), but percent-encoded.
  const auto ndq = source.request("^ndq", source.default_base_url());
  REQUIRE(ndq.has_value());
  CHECK(ndq->url == "https://stooq.com/q/d/l/?s=%5Endq&i=d");
  const auto upper = source.request("NVDA.US", source.default_base_url());
  REQUIRE(upper.has_value());
  CHECK(upper->url == "https://stooq.com/q/d/l/?s=NVDA.US&i=d");
}

TEST_CASE("sources::stooq: bad symbols are rejected", "[sources]")
{
  const auto& source = stooq();
  for (const char* id : {"", "nvda us", "nvda.us&i=w", "a/b", "nvda.us\n"}) {
    const auto request = source.request(id, source.default_base_url());
    REQUIRE_FALSE(request.has_value());
    CHECK(request.error()
          == "bad Stooq symbol \"" + std::string(id) + "\": expected letters, digits and . ^ _ -");
  }
}

TEST_CASE("sources::stooq: parse returns a Series", "[sources]")
{
  const auto data = stooq().parse(read_file(k_recordings + "mu.us.csv"), "", "mu.us");
  REQUIRE(data.has_value());
  REQUIRE(std::holds_alternative<Series>(*data));
  CHECK(std::get<Series>(*data).id == "mu.us");

  const auto error = stooq().parse("No data", "", "mu.uss");
  REQUIRE_FALSE(error.has_value());
  CHECK(error.error() == "stooq has no data for \"mu.uss\"");
}
