// verify with a selection: a selected derived claim is judged from its
// inputs, and theirs, fetching only what they need (a fake client, no
// network).
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace {

const std::string k_catalogue = R"(claims:
  - {id: base, quote: q, statement: s, claimed: "$5.6 million",
     check: {kind: document_figure, document: "document:https://example.test/a.txt",
             anchor: training cost of}}
  - {id: mid, quote: q, statement: s, claimed: 約4350萬港元,
     check: {kind: derived, formula: "usd * 7.8", inputs: {usd: base}}}
  - {id: top, quote: q, statement: s, claimed: "43.5",
     check: {kind: derived, formula: "hkd / 1000000", inputs: {hkd: mid}}}
  - {id: other, quote: q, statement: s, claimed: "16,000",
     check: {kind: document_figure, document: "document:https://example.test/b.txt",
             anchor: trained on}}
)";

} // namespace

TEST_CASE("verify: a selection judges its inputs transitively and fetches only their data",
          "[verify]")
{
  factcheck::test::FakeHttpClient client;
  client.add("https://example.test/a.txt", "The training cost of $5,576,000 in total.\n");
  client.add("https://example.test/b.txt", "Llama was trained on 16,000 GPUs.\n");
  factcheck::VerifyOptions options;
  options.select = {"top"};
  const auto report =
      factcheck::verify(factcheck::catalogue::parse(k_catalogue, "c.yaml"), client, options);

  REQUIRE(report.verdicts.size() == 1);
  REQUIRE(report.catalogue.claims.size() == 1);
  CHECK(report.catalogue.claims[0].id == "top");
  const auto& top = report.verdicts[0];
  INFO(top.message);
  // 5,576,000 x 7.8 / 1e6 = 43.49: within 43.5 +- 0.05.
  CHECK(top.kind == factcheck::VerdictKind::supported);
  REQUIRE(top.evidence.notes.size() == 1);
  CHECK(top.evidence.notes[0].rfind("input hkd = 43492800 from claim \"mid\"", 0) == 0);
  CHECK(top.evidence.notes[0].find(", supported)") != std::string::npos);
  CHECK(report.summary.total() == 1);
  CHECK(client.requests("https://example.test/a.txt") == 1);
  // Nothing the selection does not need is fetched.
  CHECK(client.requests("https://example.test/b.txt") == 0);
}

TEST_CASE("verify: no selection reports every claim", "[verify]")
{
  factcheck::test::FakeHttpClient client;
  client.add("https://example.test/a.txt", "The training cost of $5,576,000 in total.\n");
  client.add("https://example.test/b.txt", "Llama was trained on 16,000 GPUs.\n");
  const auto report =
      factcheck::verify(factcheck::catalogue::parse(k_catalogue, "c.yaml"), client, {});
  REQUIRE(report.verdicts.size() == 4);
  for (const auto& verdict : report.verdicts) {
    INFO(verdict.claim_id << ": " << verdict.message);
    CHECK(verdict.kind == factcheck::VerdictKind::supported);
  }
}
