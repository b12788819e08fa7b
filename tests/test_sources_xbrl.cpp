// SEC companyconcept for any concept (sources/xbrl.cpp), on the recorded
// capital-expenditure bodies of fixtures/deepseek-2025-01-27/sec: real
// figures from Meta's and Microsoft's 10-Ks laid out as the API serves them
// (reconstructed; see their .recording.yaml).
#include "testutil.hpp"

#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <variant>

using factcheck::sources::parse_xbrl_concept;
using factcheck::test::day;
using factcheck::test::read_file;

namespace {

const std::string k_recordings = FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/sec/";
const std::string k_tag = "PaymentsToAcquirePropertyPlantAndEquipment";

const factcheck::sources::Source&
xbrl()
{
  const auto* source = factcheck::sources::find("xbrl");
  REQUIRE(source != nullptr);
  return *source;
}

} // namespace

TEST_CASE("sources::parse_xbrl_concept: the recorded capital expenditure", "[sources]")
{
  const auto meta =
      parse_xbrl_concept(read_file(k_recordings + "CIK0001326801-" + k_tag + ".json"));
  REQUIRE(meta.has_value());
  CHECK(meta->taxonomy == "us-gaap");
  CHECK(meta->tag == k_tag);
  REQUIRE(meta->facts.size() == 1);
  const auto& year = meta->facts[0];
  CHECK(year.start == day("2024-01-01"));
  CHECK(year.end == day("2024-12-31"));
  CHECK(year.value == 37256000000.0); // "(37,256)" in USD millions
  CHECK(year.unit == "USD");
  CHECK(year.fiscal_year == 2024);
  CHECK(year.period == "FY");
  CHECK(year.form == "10-K");
  CHECK(year.filed == "2025-01-30");
  CHECK(year.accession == "0001326801-25-000017");

  const auto msft =
      parse_xbrl_concept(read_file(k_recordings + "CIK0000789019-" + k_tag + ".json"));
  REQUIRE(msft.has_value());
  REQUIRE(msft->facts.size() == 1);
  CHECK(msft->facts[0].start == day("2023-07-01"));
  CHECK(msft->facts[0].end == day("2024-06-30"));
  CHECK(msft->facts[0].value == 44477000000.0);
}

TEST_CASE("sources::parse_xbrl_concept: errors", "[sources]")
{
  const auto error = [](const std::string& body) {
    const auto parsed = parse_xbrl_concept(body);
    REQUIRE_FALSE(parsed.has_value());
    return parsed.error();
  };
  CHECK(error("<html><body>Request Rate Threshold Exceeded</body></html>")
        == "expected JSON, got an HTML page");
  CHECK(error("[]") == "expected a companyconcept object");
  CHECK(error(R"({"tag":"X"})") == "no \"units\" object");
  CHECK(error(R"({"units":{"USD":{}}})") == "units.USD is not an array");
  CHECK(error(R"({"units":{"USD":[{"val":1}]}})") == "units.USD[0]: no \"end\" date");
  CHECK(error(R"({"units":{"USD":[{"end":"2024-12-31"}]}})") == "units.USD[0]: no \"val\"");
  CHECK(error(R"({"units":{"USD":[{"end":"2024-12-31","val":1,"start":"2024-13-01"}]}})")
        == "units.USD[0]: bad start \"2024-13-01\"");
}

TEST_CASE("sources::xbrl: request URLs, identifiers and the concept answered", "[sources]")
{
  const auto request = xbrl().request("1326801/us-gaap/" + k_tag, xbrl().default_base_url());
  REQUIRE(request.has_value());
  CHECK(request->url
        == "https://data.sec.gov/api/xbrl/companyconcept/CIK0001326801/us-gaap/" + k_tag + ".json");
  CHECK(request->politeness.needs_contact);
  for (const char* bad : {"",
                          "1326801",
                          "1326801/us-gaap",
                          "13268a1/us-gaap/X",
                          "1326801/US-GAAP/X",
                          "1326801/us-gaap/X.json",
                          "12345678901/us-gaap/X"}) {
    INFO(bad);
    CHECK_FALSE(xbrl().request(bad, xbrl().default_base_url()).has_value());
  }
  const auto body = read_file(k_recordings + "CIK0001326801-" + k_tag + ".json");
  const auto data = xbrl().parse(body, "application/json", "0001326801/us-gaap/" + k_tag);
  REQUIRE(data.has_value());
  CHECK(std::holds_alternative<factcheck::XbrlFacts>(*data));
  // A body for another concept is not taken for this one.
  const auto wrong = xbrl().parse(body, "application/json", "0001326801/us-gaap/Revenues");
  REQUIRE_FALSE(wrong.has_value());
  CHECK(
      wrong.error()
      == "companyconcept is for \"PaymentsToAcquirePropertyPlantAndEquipment\", not \"Revenues\"");
}
