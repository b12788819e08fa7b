// The article as a whole: repeated passages (`same_as`) count once, input
// claims (`input: true`) are judged for the claims that take them but never
// reported or counted, and every unverifiable verdict says which kind it is
// in every report. A fake client answers two small documents; no network.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

namespace {

// Synthetic: two documents, a statement and its repeat, an input and the
// share derived from it, one claim of each unverifiable category kind.
const std::string k_catalogue = R"(claims:
  - {id: cost, quote: 560萬美元, statement: It cost $5.6 million., claimed: 560萬美元,
     check: {kind: document_figure, document: "document:https://example.test/a.txt",
             anchor: training cost of}}
  - {id: cost-again, quote: 560萬美元, statement: It cost $5.6 million (repeated).,
     claimed: 560萬美元, same_as: cost,
     check: {kind: document_figure, document: "document:https://example.test/a.txt",
             anchor: training cost of}}
  - {id: active, quote: 37B, statement: 37B parameters are active per token., input: true,
     claimed: 370億,
     check: {kind: document_figure, document: "document:https://example.test/b.txt",
             anchor: "parameters, with"}}
  - {id: total, quote: 671B, statement: The model has 671B parameters., claimed: 6710億,
     check: {kind: document_figure, document: "document:https://example.test/b.txt",
             anchor: total of}}
  - {id: share, quote: 0.1%-10%, statement: 0.1% to 10% of the parameters are used.,
     claimed: 0.1%-10%,
     check: {kind: derived, formula: "active / total * 100", inputs: {active: active, total: total}}}
  - {id: paid, quote: q, statement: "Downloads were 860,000.",
     check: {kind: unverifiable, category: paid_data, reason: "Sensor Tower's figures are sold"}}
  - {id: nothing, quote: q, statement: A product was launched.,
     check: {kind: unverifiable, category: no_public_record, reason: "no release names it"}}
  - {id: nothing-again, quote: q, statement: A product was launched (repeated)., same_as: nothing,
     check: {kind: unverifiable, category: no_public_record, reason: "no release names it"}}
)";

factcheck::RunReport
run(const std::vector<std::string>& select = {})
{
  factcheck::test::FakeHttpClient client;
  client.add("https://example.test/a.txt", "The training cost of $5,576,000 in total.\n");
  client.add("https://example.test/b.txt",
             "A total of 671B parameters, with 37B activated for each token.\n");
  factcheck::VerifyOptions options;
  options.select = select;
  return factcheck::verify(factcheck::catalogue::parse(k_catalogue, "c.yaml"), client, options);
}

std::string
render(const factcheck::RunReport& report, std::string_view format)
{
  std::ostringstream out;
  factcheck::report::make_reporter(format, {})->write(report, out);
  return out.str();
}

} // namespace

TEST_CASE("verify: an input claim is judged for its derived claim, not reported or counted",
          "[verify][statements]")
{
  const auto report = run();
  for (const auto& claim : report.catalogue.claims) {
    CHECK(claim.id != "active");
  }
  REQUIRE(report.verdicts.size() == 7);
  // 37 / 671 x 100 = 5.514%: inside 0.1%-10% (0.05% to 10.5%).
  const auto& share = report.verdicts[3];
  REQUIRE(share.claim_id == "share");
  INFO(share.message);
  CHECK(share.kind == factcheck::VerdictKind::supported);
  CHECK(*share.observed == Approx(37.0 / 671 * 100));

  // Selected by id, an input is reported like any claim.
  const auto selected = run({"active"});
  REQUIRE(selected.verdicts.size() == 1);
  CHECK(selected.verdicts[0].kind == factcheck::VerdictKind::supported);
}

TEST_CASE("verify: repeated passages count once in the statements", "[verify][statements]")
{
  const auto report = run();
  // Claims reported: cost, cost-again, total, share (supported), paid,
  // nothing, nothing-again (unverifiable): 7; statements: cost, total,
  // share, paid, nothing = 5 (3 supported, 2 unverifiable).
  CHECK(report.summary.total() == 7);
  CHECK(report.summary.supported == 4);
  const auto statements = factcheck::count_statements(report);
  CHECK(statements.total() == 5);
  CHECK(statements.supported == 3);
  CHECK(statements.unverifiable == 2);
  CHECK(factcheck::report::summary_line(report)
        == "7 claims, 5 statements: 3 supported, 0 contradicted, 2 unverifiable, 0 error "
           "(auto mode)");

  const auto json = nlohmann::json::parse(render(report, "json"));
  CHECK(json["statements"]["total"] == 5);
  CHECK(json["summary"]["total"] == 7);
  CHECK(json["verdicts"][1]["same_as"] == "cost");
  CHECK(json["verdicts"][0]["same_as"].is_null());

  const auto markdown = render(report, "markdown");
  CHECK(markdown.find("| verdict | statements | claims |") != std::string::npos);
  CHECK(markdown.find("| **total** | **5** | **7** |") != std::string::npos);
  CHECK(markdown.find("Same statement as cost.") != std::string::npos);
}

TEST_CASE("verify: a repeat that does not hold makes its statement contradicted",
          "[verify][statements]")
{
  auto text = k_catalogue;
  const std::string repeat = "claimed: 560萬美元, same_as: cost,";
  text.replace(text.find(repeat), repeat.size(), "claimed: 900萬美元, same_as: cost,");
  factcheck::test::FakeHttpClient client;
  client.add("https://example.test/a.txt", "The training cost of $5,576,000 in total.\n");
  client.add("https://example.test/b.txt",
             "A total of 671B parameters, with 37B activated for each token.\n");
  const auto report = factcheck::verify(factcheck::catalogue::parse(text, "c.yaml"), client, {});
  const auto statements = factcheck::count_statements(report);
  CHECK(statements.total() == 5);
  CHECK(statements.contradicted == 1);
  CHECK(statements.supported == 2);
  // ClaimReview reviews the repeat too, since its verdict differs.
  const auto reviews = nlohmann::json::parse(render(report, "claimreview"))["@graph"];
  int repeats = 0;
  for (const auto& review : reviews) {
    repeats += review["identifier"] == "cost-again" ? 1 : 0;
  }
  CHECK(repeats == 1);
}

TEST_CASE("report: an unverifiable claim's category is in every report", "[report][statements]")
{
  const auto report = run();
  const auto& paid = report.verdicts[4];
  REQUIRE(paid.claim_id == "paid");
  CHECK(paid.category == factcheck::UnverifiableCategory::paid_data);
  CHECK(paid.message == "needs paid data: Sensor Tower's figures are sold");

  const auto json = nlohmann::json::parse(render(report, "json"));
  CHECK(json["verdicts"][4]["category"] == "paid_data");
  CHECK(json["verdicts"][5]["category"] == "no_public_record");
  CHECK(json["verdicts"][0]["category"].is_null());

  // ClaimReview: one review per statement; an unverifiable one has a
  // textual rating only, which says which kind; the plain repeats are not
  // reviewed again.
  const auto reviews = nlohmann::json::parse(render(report, "claimreview"))["@graph"];
  REQUIRE(reviews.size() == 5);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& review : reviews) {
    by_id[review["identifier"]] = review["reviewRating"];
  }
  CHECK(by_id.count("cost-again") == 0);
  CHECK(by_id.count("nothing-again") == 0);
  CHECK(by_id.at("paid")["alternateName"] == "Unverifiable: needs paid data");
  CHECK(by_id.at("paid").count("ratingValue") == 0);
  CHECK(by_id.at("nothing")["alternateName"] == "Unverifiable: no public record");
  CHECK(by_id.at("cost")["alternateName"] == "True");

  const auto markdown = render(report, "markdown");
  CHECK(markdown.find("**Verdict:** unverifiable (needs paid data). needs paid data: Sensor")
        != std::string::npos);
  CHECK(markdown.find("| needs paid data | 1 |") != std::string::npos);
  CHECK(markdown.find("| no public record | 2 |") != std::string::npos);
  for (const auto* format : {"table", "junit", "sarif", "github"}) {
    INFO(format);
    CHECK(render(report, format).find("needs paid data: Sensor Tower") != std::string::npos);
  }
}

TEST_CASE("verify: a claim left unverifiable by its data is a data gap", "[verify][statements]")
{
  // The two recorded NVDA rows around the weekend
  // (fixtures/deepseek-2025-01-27/stooq/nvda.us.csv). 2025-01-25 was a Saturday: no row, so the
  // close and what is derived from it are unverifiable, for want of data rather than of a record.
  const std::string text = R"(claims:
  - {id: saturday, quote: q, statement: s, claimed: "$120",
     check: {kind: close, series: "stooq:nvda.us", date: 2025-01-25}}
  - {id: twice, quote: q, statement: s, claimed: "240",
     check: {kind: derived, formula: "x * 2", inputs: {x: saturday}}}
)";
  factcheck::test::FakeHttpClient client;
  client.add("https://stooq.com/q/d/l/?s=nvda.us&i=d",
             "Date,Open,High,Low,Close,Volume\n"
             "2025-01-24,148.37,148.97,141.88,142.62,234657635\n"
             "2025-01-27,124.8,128.4,116.7,118.42,818830895\n");
  const auto report = factcheck::verify(factcheck::catalogue::parse(text, "c.yaml"), client, {});
  REQUIRE(report.verdicts.size() == 2);
  INFO(report.verdicts[0].message);
  CHECK(report.verdicts[0].kind == factcheck::VerdictKind::unverifiable);
  CHECK(report.verdicts[0].category == factcheck::UnverifiableCategory::data_gap);
  CHECK(report.verdicts[1].kind == factcheck::VerdictKind::unverifiable);
  CHECK(report.verdicts[1].category == factcheck::UnverifiableCategory::data_gap);
  const auto json = nlohmann::json::parse(render(report, "json"));
  CHECK(json["verdicts"][0]["category"] == "data_gap");
}
