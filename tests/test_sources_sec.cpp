#include "testutil.hpp"

#include <factcheck/model/date.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <variant>

using factcheck::Date;
using factcheck::ShareFacts;
using factcheck::sources::parse_sec_shares;
using factcheck::test::day;
using factcheck::test::read_file;
using factcheck::test::read_shared_sample;

namespace {

const std::string k_recordings = FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/sec/";

const factcheck::sources::Source&
sec()
{
  const auto* source = factcheck::sources::find("sec");
  REQUIRE(source != nullptr);
  return *source;
}

} // namespace

TEST_CASE("sources::parse_sec_shares: the NVIDIA recording", "[sources]")
{
  const auto facts = parse_sec_shares(read_file(k_recordings + "CIK0001045810.json"));
  REQUIRE(facts.has_value());
  CHECK(facts->entity == "NVIDIA CORP");
  REQUIRE(facts->counts.size() == 2);

  const auto& quarter = facts->counts[0];
  CHECK(quarter.end == day("2024-11-15"));
  CHECK(quarter.shares == 24490000000.0);
  CHECK(quarter.form == "10-Q");
  CHECK(quarter.filed == "2024-11-20");
  // Not read from the filing, so left out of the recording.
  CHECK(quarter.accession.empty());

  const auto& year = facts->counts[1];
  CHECK(year.end == day("2025-02-21"));
  CHECK(year.shares == 24400000000.0);
  CHECK(year.form == "10-K");
  CHECK(year.filed == "2025-02-26");
  CHECK(year.accession == "0001045810-25-000023");
}

TEST_CASE("sources::parse_sec_shares: the reference row shape", "[sources]")
{
  const auto sample = read_shared_sample("sec_companyfacts_shape_fixture.json.txt");
  if (!sample) {
    WARN("../shared is absent; skipping the reference sample");
    return;
  }
  // The sample is companyfacts-shaped; its concept node carries the same
  // units.shares[] rows a companyconcept response has.
  const auto facts_json = nlohmann::json::parse(*sample);
  auto concept_json = facts_json.at("facts").at("dei").at("EntityCommonStockSharesOutstanding");
  concept_json["entityName"] = "sample";
  const auto facts = parse_sec_shares(concept_json.dump());
  REQUIRE(facts.has_value());
  REQUIRE(facts->counts.size() == 1);
  CHECK(facts->counts[0].end == day("2023-09-30"));
  CHECK(facts->counts[0].shares == 15634232000.0);
  CHECK(facts->counts[0].form == "10-K");
  CHECK(facts->counts[0].filed == "2023-11-03");
  CHECK(facts->counts[0].accession == "0000320193-23-000106");
}

TEST_CASE("sources::parse_sec_shares: counts come out sorted by end", "[sources]")
{
  const auto facts = parse_sec_shares(
      R"({"entityName":"X","units":{"shares":[
      {"end":"2025-02-21","val":3,"form":"10-K","filed":"2025-02-26"},
      {"end":"2024-11-15","val":2,"form":"10-Q/A","filed":"2024-12-01"},
      {"end":"2024-11-15","val":1,"form":"10-Q","filed":"2024-11-20"}]}})");
  REQUIRE(facts.has_value());
  REQUIRE(facts->counts.size() == 3);
  CHECK(facts->counts[0].shares == 1);
  CHECK(facts->counts[1].shares == 2);
  CHECK(facts->counts[2].shares == 3);
}

TEST_CASE("sources::parse_sec_shares: errors", "[sources]")
{
  SECTION("a row without end")
  {
    const auto facts = parse_sec_shares(
        R"({"entityName":"X","units":{"shares":[
        {"end":"2024-11-15","val":1},{"val":2}]}})");
    REQUIRE_FALSE(facts.has_value());
    CHECK(facts.error() == "units.shares[1]: no \"end\"");
  }
  SECTION("a row without val")
  {
    const auto facts =
        parse_sec_shares(R"({"entityName":"X","units":{"shares":[{"end":"2024-11-15"}]}})");
    REQUIRE_FALSE(facts.has_value());
    CHECK(facts.error() == "units.shares[0]: no \"val\"");
  }
  SECTION("a bad end")
  {
    const auto facts =
        parse_sec_shares(R"({"entityName":"X","units":{"shares":[{"end":"2024-11","val":1}]}})");
    REQUIRE_FALSE(facts.has_value());
    CHECK(facts.error() == "units.shares[0]: bad end \"2024-11\"");
  }
  SECTION("no units.shares")
  {
    const auto facts = parse_sec_shares(R"({"entityName":"X","units":{"USD":[]}})");
    REQUIRE_FALSE(facts.has_value());
    CHECK(facts.error() == "no \"units.shares\" array");
  }
  SECTION("no entityName")
  {
    const auto facts = parse_sec_shares(R"({"units":{"shares":[]}})");
    REQUIRE_FALSE(facts.has_value());
    CHECK(facts.error() == "no \"entityName\"");
  }
  SECTION("another concept")
  {
    const auto facts =
        parse_sec_shares(R"({"tag":"Revenues","entityName":"X","units":{"shares":[]}})");
    REQUIRE_FALSE(facts.has_value());
    CHECK(facts.error()
          == "expected tag \"EntityCommonStockSharesOutstanding\", got "
             "\"Revenues\"");
  }
  SECTION("an HTML page (the SEC's over-limit answer)")
  {
    const auto facts =
        parse_sec_shares("<!DOCTYPE html>\n<html><body>Request Rate Threshold Exceeded</body>"
                         "</html>");
    REQUIRE_FALSE(facts.has_value());
    CHECK(facts.error() == "expected JSON, got an HTML page");
  }
}

TEST_CASE("sources::sec: request URLs", "[sources]")
{
  const auto& source = sec();
  CHECK(source.name() == "sec");
  CHECK(source.default_base_url() == "https://data.sec.gov");

  const std::string expected = "https://data.sec.gov/api/xbrl/companyconcept/CIK0001045810/dei/"
                               "EntityCommonStockSharesOutstanding.json";
  for (const char* id : {"1045810", "0001045810"}) {
    const auto request = source.request(id, source.default_base_url());
    REQUIRE(request.has_value());
    CHECK(request->url == expected);
  }
}

TEST_CASE("sources::sec: bad CIKs are rejected", "[sources]")
{
  const auto& source = sec();
  for (const char* id : {"", "CIK0001045810", "12345678901", "104581O", " 1"}) {
    const auto request = source.request(id, source.default_base_url());
    REQUIRE_FALSE(request.has_value());
    CHECK(request.error() == "bad CIK \"" + std::string(id) + "\": expected 1 to 10 digits");
  }
}

TEST_CASE("sources::sec: parse returns ShareFacts and checks the CIK", "[sources]")
{
  const std::string body = read_file(k_recordings + "CIK0001045810.json");
  const auto data = sec().parse(body, "", "0001045810");
  REQUIRE(data.has_value());
  REQUIRE(std::holds_alternative<ShareFacts>(*data));
  CHECK(std::get<ShareFacts>(*data).counts.size() == 2);

  const auto other = sec().parse(body, "", "320193");
  REQUIRE_FALSE(other.has_value());
  CHECK(other.error() == "companyconcept is for CIK 1045810, not 320193");
}
