// verify_all: several catalogues in one run share one batch of fetches, and
// each keeps its own namespace of claim ids (a fake client, no network).
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

// Both catalogues have a claim "base" and a claim "top" derived from it;
// each top must take its own catalogue's base.
const std::string k_first = R"(claims:
  - {id: base, quote: q, statement: s, claimed: "$5.6 million",
     check: {kind: document_figure, document: "document:https://example.test/a.txt",
             anchor: training cost of}}
  - {id: top, quote: q, statement: s, claimed: 約4350萬港元,
     check: {kind: derived, formula: "usd * 7.8", inputs: {usd: base}}}
)";

const std::string k_second = R"(claims:
  - {id: base, quote: q, statement: s, claimed: "16,000",
     check: {kind: document_figure, document: "document:https://example.test/b.txt",
             anchor: trained on}}
  - {id: top, quote: q, statement: s, claimed: "32,000",
     check: {kind: derived, formula: "n * 2", inputs: {n: base}}}
  - {id: shared, quote: q, statement: s, claimed: "$5.6 million",
     check: {kind: document_figure, document: "document:https://example.test/a.txt",
             anchor: training cost of}}
)";

std::vector<factcheck::Catalogue>
both()
{
  std::vector<factcheck::Catalogue> catalogues;
  catalogues.push_back(factcheck::catalogue::parse(k_first, "first.yaml"));
  catalogues.push_back(factcheck::catalogue::parse(k_second, "second.yaml"));
  return catalogues;
}

void
serve(factcheck::test::FakeHttpClient& client)
{
  client.add("https://example.test/a.txt", "The training cost of $5,576,000 in total.\n");
  client.add("https://example.test/b.txt", "Llama was trained on 16,000 GPUs.\n");
}

} // namespace

TEST_CASE("verify_all: each catalogue judged in its own ids, one fetch per URL", "[verify]")
{
  factcheck::test::FakeHttpClient client;
  serve(client);
  const auto reports = factcheck::verify_all(both(), {}, client, {});

  REQUIRE(reports.size() == 2);
  CHECK(reports[0].catalogue.path == "first.yaml");
  CHECK(reports[1].catalogue.path == "second.yaml");
  REQUIRE(reports[0].verdicts.size() == 2);
  REQUIRE(reports[1].verdicts.size() == 3);
  for (const auto& report : reports) {
    for (const auto& verdict : report.verdicts) {
      INFO(report.catalogue.path << " " << verdict.claim_id << ": " << verdict.message);
      // 5,576,000 x 7.8 = 43,492,800 (about 4350萬); 16,000 x 2 = 32,000.
      // Either top judged from the other catalogue's base would be
      // contradicted.
      CHECK(verdict.kind == factcheck::VerdictKind::supported);
    }
  }
  REQUIRE(reports[1].verdicts[1].evidence.notes.size() == 1);
  CHECK(reports[1].verdicts[1].evidence.notes[0].rfind("input n = 16000 from claim \"base\"", 0)
        == 0);
  // a.txt is needed by both catalogues and fetched once.
  CHECK(client.requests("https://example.test/a.txt") == 1);
  CHECK(client.requests("https://example.test/b.txt") == 1);
}

TEST_CASE("verify_all: a selection per catalogue fetches only what it needs", "[verify]")
{
  factcheck::test::FakeHttpClient client;
  serve(client);
  auto catalogues = both();
  // Nothing selected from the first (the CLI drops its claims), top alone
  // from the second: judged from its own base, which is not reported.
  catalogues[0].claims.clear();
  const auto reports = factcheck::verify_all(std::move(catalogues), {{}, {"top"}}, client, {});

  REQUIRE(reports.size() == 2);
  CHECK(reports[0].verdicts.empty());
  REQUIRE(reports[1].verdicts.size() == 1);
  CHECK(reports[1].verdicts[0].claim_id == "top");
  CHECK(reports[1].verdicts[0].kind == factcheck::VerdictKind::supported);
  CHECK(client.requests("https://example.test/a.txt") == 0);
  CHECK(client.requests("https://example.test/b.txt") == 1);
}
