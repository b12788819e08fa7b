// FINRA's Reg SHO daily short-sale volume files. No public copy of a real
// file for 2025-01-27 (or any day) could be found to record, so the bodies
// here are SYNTHETIC: FINRA's documented layout (the header, pipe-separated
// rows, the record-count trailer) with made-up volumes; the symbols are
// real tickers, the figures are not theirs.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/eval/evaluator.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <variant>

using factcheck::sources::parse_finra_short_volume;
using factcheck::test::day;

namespace {

// SYNTHETIC: 42,000 of 100,000 shares short is a ratio of 42%.
const std::string k_body = "Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market\n"
                           "20250127|AAPL|120000|500|300000|B,Q,N\n"
                           "20250127|NVDA|42000|1200|100000|B,Q,N\n"
                           "20250127|ZERO|0|0|0|B\n"
                           "3\n";

const factcheck::sources::Source&
finra()
{
  const auto* source = factcheck::sources::find("finra");
  REQUIRE(source != nullptr);
  return *source;
}

} // namespace

TEST_CASE("sources::parse_finra_short_volume: the documented layout", "[sources]")
{
  const auto parsed = parse_finra_short_volume(k_body, "CNMSshvol20250127");
  REQUIRE(parsed.has_value());
  CHECK(parsed->date == day("2025-01-27"));
  REQUIRE(parsed->rows.size() == 3);
  const auto* nvda = parsed->find("NVDA");
  REQUIRE(nvda != nullptr);
  CHECK(nvda->short_volume == 42000);
  CHECK(nvda->short_exempt_volume == 1200);
  CHECK(nvda->total_volume == 100000);
  CHECK(nvda->market == "B,Q,N");
  CHECK(parsed->find("MSFT") == nullptr);

  // CRLF line ends, no trailer, fractional volumes (FINRA has written them).
  const auto crlf =
      parse_finra_short_volume("Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market\r\n"
                               "20250127|NVDA|41999.5|0|100000.25|Q\r\n",
                               "CNMSshvol20250127");
  REQUIRE(crlf.has_value());
  CHECK(crlf->find("NVDA")->short_volume == 41999.5);
}

TEST_CASE("sources::parse_finra_short_volume: errors", "[sources]")
{
  const auto error = [](const std::string& body, const char* id = "CNMSshvol20250127") {
    const auto parsed = parse_finra_short_volume(body, id);
    REQUIRE_FALSE(parsed.has_value());
    return parsed.error();
  };
  const std::string header = "Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market\n";
  CHECK(error("") == "expected FINRA's pipe-delimited file, got an empty body");
  // A missing day answers with an S3 error document.
  CHECK(error("<?xml version=\"1.0\"?><Error><Code>AccessDenied</Code></Error>")
        == "expected FINRA's pipe-delimited file, got an HTML or XML page");
  CHECK(error("Date,Symbol\n")
        == "bad header \"Date,Symbol\": expected "
           "\"Date|Symbol|ShortVolume|ShortExemptVolume|TotalVolume|Market\"");
  CHECK(error(header + "20250127|NVDA|1|0\n")
        == "row 2: expected 6 fields, got 4 in \"20250127|NVDA|1|0\"");
  CHECK(error(header + "2025-01-27|NVDA|1|0|2|Q\n") == "row 2: bad Date \"2025-01-27\"");
  CHECK(error(header + "20250127|NVDA|lots|0|2|Q\n") == "row 2: bad ShortVolume \"lots\"");
  CHECK(error(header + "20250127|NVDA|1|0|2|Q\n20250128|AAPL|1|0|2|Q\n")
        == "row 3: date 2025-01-28 in a file of 2025-01-27");
  CHECK(error(header + "20250127|NVDA|1|0|2|Q\n5\n")
        == "the trailer gives 5 records, the file "
           "holds 1");
  CHECK(error(header + "20250124|NVDA|1|0|2|Q\n")
        == "CNMSshvol20250127 holds the rows of 2025-01-24, not 2025-01-27");
}

TEST_CASE("sources::finra: request URLs and identifiers", "[sources]")
{
  const auto request = finra().request("CNMSshvol20250127", finra().default_base_url());
  REQUIRE(request.has_value());
  CHECK(request->url == "https://cdn.finra.org/equity/regsho/daily/CNMSshvol20250127.txt");
  const auto mirror = finra().request("CNMSshvol20250127", "http://127.0.0.1:8080/");
  REQUIRE(mirror.has_value());
  CHECK(mirror->url == "http://127.0.0.1:8080/equity/regsho/daily/CNMSshvol20250127.txt");
  for (const char* bad :
       {"", "NVDA", "CNMSshvol2025012", "CNMSshvol20250230", "FNRAshvol20250127"}) {
    INFO(bad);
    CHECK_FALSE(finra().request(bad, finra().default_base_url()).has_value());
  }
  const auto data = finra().parse(k_body, "text/plain", "CNMSshvol20250127");
  REQUIRE(data.has_value());
  CHECK(std::holds_alternative<factcheck::ShortSaleDay>(*data));
}

TEST_CASE("eval::evaluate: short_sale_ratio is ShortVolume / TotalVolume", "[eval]")
{
  const auto text = std::string("claims:\n  - id: c\n    quote: 做空比例激增至42%\n"
                                "    statement: s\n    check: {kind: short_sale_ratio, file: "
                                "\"finra:CNMSshvol20250127\", symbol: ")
                    + "NVDA}\n    claimed: \"42%\"\n";
  const auto claim = factcheck::catalogue::parse(text, "t.yaml").claims.at(0);
  factcheck::eval::Observations obs;
  factcheck::SourceEvidence evidence;
  evidence.ref = "finra:CNMSshvol20250127";
  obs.emplace(
      factcheck::SourceRef{"finra", "CNMSshvol20250127"},
      factcheck::eval::Fetched{*parse_finra_short_volume(k_body, "CNMSshvol20250127"), evidence});
  const auto verdict = factcheck::eval::evaluate(claim, obs);
  // 42,000 / 100,000 = 42.00%, within 41.5% to 42.5%.
  CHECK(verdict.kind == factcheck::VerdictKind::supported);
  CHECK(verdict.evidence.arithmetic
        == "NVDA ShortVolume / TotalVolume on 2025-01-27 = 42000 / 100000 = 42.00%");
  CHECK_THAT(verdict.evidence.notes.at(0),
             Catch::StartsWith("short ratio read as FINRA's: ShortVolume (short and short-exempt "
                               "sales) / TotalVolume"));

  const auto other = factcheck::catalogue::parse(
      "claims:\n  - id: c\n    quote: q\n    statement: s\n    check: {kind: short_sale_ratio, "
      "file: \"finra:CNMSshvol20250127\", symbol: MSFT}\n    claimed: \"42%\"\n",
      "t.yaml");
  const auto missing = factcheck::eval::evaluate(other.claims.at(0), obs);
  CHECK(missing.kind == factcheck::VerdictKind::unverifiable);
  CHECK(missing.message == "finra:CNMSshvol20250127 has no row for MSFT (3 securities)");
}
