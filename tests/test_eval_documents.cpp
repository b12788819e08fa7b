// Document, entity and derived checks on SYNTHETIC documents (short made-up
// texts shaped like the real sources); the real passages are exercised by
// the golden test.
#include <factcheck/catalogue/load.hpp>
#include <factcheck/eval/evaluator.hpp>
#include <factcheck/eval/formula.hpp>
#include <factcheck/eval/scan.hpp>
#include <factcheck/util/error.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <string>

using namespace factcheck;
using factcheck::eval::evaluate;
using factcheck::eval::Fetched;
using factcheck::eval::Observations;

namespace {

Catalogue
load(const std::string& claims)
{
  return factcheck::catalogue::parse("claims:\n" + claims, "test.yaml");
}

Claim
one(const std::string& check, const std::string& claimed)
{
  return load("  - id: c\n    quote: q\n    statement: s\n    check: " + check
              + "\n    claimed: " + claimed + "\n")
      .claims.at(0);
}

Document
document(std::vector<std::pair<int, std::string>> pages)
{
  Document doc;
  for (auto& [number, text] : pages) {
    doc.pages.push_back(Page{number, std::move(text)});
  }
  return doc;
}

Observations
observe(const std::string& ref, Data data)
{
  Observations out;
  const auto colon = ref.find(':');
  SourceEvidence evidence;
  evidence.ref = ref;
  out.emplace(SourceRef{ref.substr(0, colon), ref.substr(colon + 1)},
              Fetched{std::move(data), evidence});
  return out;
}

const std::string k_paper = "document:https://example.test/paper.pdf";

const auto k_pages = document(
    {{1, "Abstract. DeepSeek-V3 requires only 2.788M H800 GPU hours for its full training."},
     {5,
      "Table 1 | Training costs. Assuming the rental price of the H800 GPU is $2 per GPU "
      "hour, our total training costs amount to only $5.576M. Note that the costs exclude "
      "ablations."}});

} // namespace

TEST_CASE("eval::scan: figures, dates, lists and sentences", "[eval]")
{
  using namespace factcheck::eval;
  const std::string text = "trained on 2048 H800 GPUs, $5.576M in total, 37B of 671B, 3.07%.";
  auto figure = find_figure(text, 0);
  REQUIRE(figure);
  CHECK(figure->value == 2048);
  figure = find_figure(text, figure->end); // "H800" is a name, skipped
  REQUIRE(figure);
  CHECK(figure->value == 5.576e6);
  CHECK(figure->unit == quantity::Unit::usd);
  figure = find_figure(text, figure->end);
  CHECK(figure->value == 37e9);
  figure = find_figure(text, figure->end);
  figure = find_figure(text, figure->end);
  CHECK(figure->value == Approx(3.07));
  CHECK(figure->unit == quantity::Unit::percent);

  const std::string dates = "was founded in July 2023 by Liang; on Dec. 18, 2024; 2025/01/20";
  auto date = find_date(dates, 0);
  REQUIRE(date);
  CHECK(format_partial_date(date->date) == "2023-07");
  date = find_date(dates, date->end);
  CHECK(format_partial_date(date->date) == "2024-12-18");
  date = find_date(dates, date->end);
  CHECK(format_partial_date(date->date) == "2025-01-20");

  CHECK(find_list("are SoftBank, OpenAI, Oracle, and MGX. Arm too", 4)
        == std::vector<std::string>{"SoftBank", "OpenAI", "Oracle", "MGX"});
  // At the end of a paragraph the full stop is not part of the last name.
  CHECK(find_list("are Arm and MGX.\nNext", 4) == std::vector<std::string>{"Arm", "MGX"});
  CHECK(sentence_around("One. Two has $5M here. Three.", 9, 16) == "Two has $5M here.");
}

TEST_CASE("eval::dates_agree: the precision both sides have", "[eval]")
{
  const auto d = [](const char* text) { return *parse_partial_date(text); };
  CHECK_FALSE(eval::dates_agree(d("2023-03"), d("2023-07")));
  CHECK(eval::dates_agree(d("2023"), d("2023-07")));
  CHECK(eval::dates_agree(d("2023-07"), d("2023-07-17")));
  CHECK_FALSE(eval::dates_agree(d("2025-02-01"), d("2025-01-21")));
  CHECK_FALSE(eval::dates_agree(d("2024"), d("2025-01")));
}

TEST_CASE("eval::evaluate: document_figure cites the sentence and page", "[eval]")
{
  const auto obs = observe(k_paper, k_pages);
  const auto claim = one(R"({kind: document_figure, document: ")" + k_paper
                             + R"(", anchor: "training costs amount to"})",
                         "560萬美元");
  const auto verdict = evaluate(claim, obs);
  CHECK(verdict.kind == VerdictKind::supported);
  REQUIRE(verdict.observed);
  CHECK(*verdict.observed == 5.576e6);
  REQUIRE(verdict.evidence.notes.size() == 1);
  CHECK(verdict.evidence.notes[0]
        == "p.5: \"Assuming the rental price of the H800 GPU is $2 per GPU hour, our total "
           "training costs amount to only $5.576M.\"");

  const auto off = evaluate(
      one(R"({kind: document_figure, document: ")" + k_paper + R"(", anchor: "amount to only"})",
          "700萬美元"),
      obs);
  CHECK(off.kind == VerdictKind::contradicted);
}

TEST_CASE("eval::evaluate: an anchor not found is an error naming it", "[eval]")
{
  const auto verdict = evaluate(one(R"({kind: document_figure, document: ")" + k_paper
                                        + R"(", anchor: "cost of the cluster"})",
                                    "560萬美元"),
                                observe(k_paper, k_pages));
  CHECK(verdict.kind == VerdictKind::error);
  CHECK(verdict.message == "anchor \"cost of the cluster\" not found in " + k_paper);
}

TEST_CASE("eval::evaluate: document_date at the shared precision", "[eval]")
{
  const std::string ref = "wikipedia:DeepSeek";
  const auto obs = observe(ref,
                           document({{0,
                                      "DeepSeek is a Chinese AI company. DeepSeek was founded "
                                      "in July 2023 by Liang Wenfeng."}}));
  const auto check =
      R"({kind: document_date, document: "wikipedia:DeepSeek", anchor: "was founded"})";
  const auto march = evaluate(one(check, "\"2023-03\""), obs);
  CHECK(march.kind == VerdictKind::contradicted);
  CHECK(march.observed_text == "2023-07");
  CHECK(march.evidence.notes.at(0) == "\"DeepSeek was founded in July 2023 by Liang Wenfeng.\"");
  CHECK(evaluate(one(check, "\"2023\""), obs).kind == VerdictKind::supported);
}

TEST_CASE("eval::evaluate: document_date by: the event had to happen by the claimed date", "[eval]")
{
  const std::string ref = "document:https://example.test/news";
  const auto obs = observe(ref,
                           document({{0,
                                      "DeepSeek-R1 released 2025/01/20\nDeepSeek APP released "
                                      "2025/01/15\nA model released in January 2025"}}));
  const auto check = [&](const std::string& anchor) {
    return R"({kind: document_date, document: ")" + ref + R"(", anchor: ")" + anchor
           + R"(", relation: by})";
  };
  // Out on the 15th: not by the 10th, but by the 20th.
  const auto early = evaluate(one(check("APP released"), "\"2025-01-10\""), obs);
  INFO(early.message);
  CHECK(early.kind == VerdictKind::contradicted);
  CHECK(early.observed_text == "2025-01-15");
  CHECK(early.accepted == "on or before 2025-01-10");
  CHECK(evaluate(one(check("APP released"), "\"2025-01-20\""), obs).kind == VerdictKind::supported);
  // A month, against a day inside it: some of January is after the 10th,
  // some before, so it is not settled.
  const auto month = evaluate(one(check("A model released in"), "\"2025-01-10\""), obs);
  CHECK(month.kind == VerdictKind::unverifiable);
  CHECK(month.category == UnverifiableCategory::data_gap);
  CHECK(evaluate(one(check("A model released in"), "\"2025-01\""), obs).kind
        == VerdictKind::supported);
  CHECK_THROWS_WITH(
      one(R"({kind: document_date, document: ")" + ref + R"(", anchor: x, relation: after})",
          "\"2025\""),
      "test.yaml:5: bad relation \"after\" (on or by)");
}

TEST_CASE("eval::evaluate: document_passage follows the writer's reading of the passage", "[eval]")
{
  const std::string ref = "document:https://example.test/company";
  const auto obs = observe(ref,
                           document({{0,
                                      "Arista is a cloud networking company. The company "
                                      "designs and sells multilayer network switches."}}));
  const auto check = [&](const std::string& anchor, const std::string& reading) {
    return R"({kind: document_passage, document: ")" + ref + R"(", anchor: ")" + anchor
           + R"(", reading: )" + reading + "}";
  };
  const auto against = evaluate(
      one(check("sells multilayer network switches", "contradicts"), "電力、冷卻設備商"), obs);
  CHECK(against.kind == VerdictKind::contradicted);
  CHECK(against.evidence.notes.at(0)
        == "\"The company designs and sells multilayer network switches.\"");
  CHECK(evaluate(one(check("a cloud networking company", "supports"), "網路公司"), obs).kind
        == VerdictKind::supported);
  // A passage the document does not hold is an error, never a verdict.
  CHECK(evaluate(one(check("makes power and cooling equipment", "contradicts"), "x"), obs).kind
        == VerdictKind::error);
  CHECK_THROWS_WITH(one(check("x", "agrees"), "x"),
                    "test.yaml:5: bad reading \"agrees\" (supports or contradicts)");
}

TEST_CASE("eval::evaluate: document_list names every name it is missing", "[eval]")
{
  const std::string ref = "document:https://example.test/stargate";
  const auto obs = observe(
      ref,
      document(
          {{0, "The initial equity funders in Stargate are SoftBank, OpenAI, Oracle, and MGX."}}));
  const auto check =
      R"({kind: document_list, document: ")" + ref
      + R"(", anchor: "equity funders in Stargate are", names: [OpenAI, Oracle, ExxonMobil]})";
  const auto verdict = evaluate(one(check, "OpenAI、甲骨文、埃克森美孚"), obs);
  CHECK(verdict.kind == VerdictKind::contradicted);
  CHECK(verdict.message == "not in the list (SoftBank, OpenAI, Oracle, MGX): ExxonMobil");
  const auto held = R"({kind: document_list, document: ")" + ref
                    + R"(", anchor: "equity funders in Stargate are", names: [OpenAI, SoftBank]})";
  CHECK(evaluate(one(held, "OpenAI、軟銀"), obs).kind == VerdictKind::supported);
}

TEST_CASE("eval::evaluate: entity_property compares at Wikidata's precision", "[eval]")
{
  Entity entity;
  entity.id = "Q1";
  entity.statements["P571"].push_back(Statement{"+2023-07-00T00:00:00Z", 10, "normal"});
  const auto obs = observe("wikidata:Q1", entity);
  const auto check = R"({kind: entity_property, entity: "wikidata:Q1", property: P571})";
  CHECK(evaluate(one(check, "\"2023-03\""), obs).kind == VerdictKind::contradicted);
  CHECK(evaluate(one(check, "\"2023\""), obs).kind == VerdictKind::supported);
  // July 2023 is an interval: it holds the 17th for one of its days only.
  const auto day = evaluate(one(check, "\"2023-07-17\""), obs);
  CHECK(day.kind == VerdictKind::unverifiable);
  CHECK(day.message
        == "P571 2023-07 gives only the month (2023-07), which covers 2023-07-17 for part of its "
           "days only: the claim needs the day");
  const auto none = evaluate(
      one(R"({kind: entity_property, entity: "wikidata:Q1", property: P112})", "\"2023\""), obs);
  CHECK(none.kind == VerdictKind::unverifiable);
}

TEST_CASE("eval::evaluate: an age from a birth year is an interval", "[eval]")
{
  // SYNTHETIC entity: a birth known to the year (precision 9), as Wikidata
  // states P569 when only the year is public.
  Entity entity;
  entity.id = "Q1";
  entity.statements["P569"].push_back(Statement{"+1985-00-00T00:00:00Z", 9, "normal"});
  const auto obs = observe("wikidata:Q1", entity);
  const auto age = [&](const char* on, const char* claimed) {
    return evaluate(
        one(std::string(R"({kind: entity_age, entity: "wikidata:Q1", property: P569, date: )") + on
                + "}",
            claimed),
        obs);
  };
  // On 2025-01-27: 40 if born 1985-01-01..01-27, 39 if born 01-28..12-31.
  const auto forty = age("2025-01-27", "\"40\"");
  CHECK(forty.kind == VerdictKind::unverifiable);
  CHECK(forty.observed_text == "aged 39 or 40");
  CHECK(forty.message
        == "P569 1985 is known only to the year: on 2025-01-27 the person was 40 if born on or "
           "before 27 January 1985 and 39 if born after it, so the claimed \"40\" holds for "
           "part of that year only");
  CHECK(forty.evidence.arithmetic
        == "1985 to 2025-01-27: 40 whole years if born on 1985-01-01, 39 if born on 1985-12-31");
  // No day of 1985 gives 41 on that date; every day gives 39 or 40.
  CHECK(age("2025-01-27", "\"41\"").kind == VerdictKind::contradicted);
  const auto around = age("2025-01-27", "約40");
  CHECK(around.kind == VerdictKind::supported);
  // On 2025-12-31 every day of 1985 has had its birthday: 40 exactly.
  const auto end = age("2025-12-31", "\"40\"");
  CHECK(end.kind == VerdictKind::supported);
  REQUIRE(end.observed);
  CHECK(*end.observed == 40);
}

TEST_CASE("eval::evaluate: derived shows its inputs", "[eval]")
{
  const auto cat =
      load("  - id: cost\n    quote: q\n    statement: s\n"
           "    check: {kind: document_figure, document: \""
           + k_paper
           + "\", anchor: \"amount to only\"}\n    claimed: 560萬美元\n"
             "  - id: days\n    quote: q\n    statement: s\n"
             "    check: {kind: derived, formula: \"usd / 2 / 2048 / 24\", inputs: {usd: cost}}\n"
             "    claimed: \"57\"\n");
  const auto obs = observe(k_paper, k_pages);
  std::map<std::string, Verdict> done;
  done["cost"] = evaluate(cat.claims[0], obs);
  const auto verdict = evaluate(cat.claims[1], obs, done);
  CHECK(verdict.kind == VerdictKind::supported);
  REQUIRE(verdict.observed);
  CHECK(*verdict.observed == Approx(56.72).epsilon(0.001));
  CHECK(verdict.evidence.arithmetic == "usd / 2 / 2048 / 24 with usd = 5576000 = 56.72");
  CHECK(verdict.evidence.notes.at(0)
        == "input usd = 5576000 from claim \"cost\" ($5.58M, supported)");
}

TEST_CASE("catalogue: derived inputs must exist and form no cycle", "[catalogue]")
{
  const auto derived = [](const char* id, const char* input) {
    return fmt::format("  - id: {}\n    quote: q\n    statement: s\n"
                       "    check: {{kind: derived, formula: \"x * 2\", inputs: {{x: {}}}}}\n"
                       "    claimed: \"2\"\n",
                       id,
                       input);
  };
  CHECK_THROWS_WITH(load(derived("a", "b") + derived("b", "a")),
                    "test.yaml:7: derived claims form a cycle: a -> b -> a");
  CHECK_THROWS_WITH(load(derived("a", "nope")),
                    "test.yaml:2: claim \"a\": input \"x\" names no claim \"nope\"");
  CHECK_THROWS_WITH(
      load("  - id: a\n    quote: q\n    statement: s\n"
           "    check: {kind: derived, formula: \"y * 2\", inputs: {x: a}}\n"
           "    claimed: \"2\"\n"),
      "test.yaml:5: bad formula \"y * 2\": unknown name \"y\" (not among the inputs)");
}

TEST_CASE("eval::evaluate_formula: arithmetic and its errors", "[eval]")
{
  CHECK(*eval::evaluate_formula("(a - b) / b * 100", {{"a", 110}, {"b", 100}}) == Approx(10));
  CHECK(*eval::evaluate_formula("-2 * 3 + 1", {}) == -5);
  CHECK(eval::evaluate_formula("1 / 0", {}).error() == "division by zero");
  CHECK(eval::evaluate_formula("(1", {}).error() == "missing \")\" at column 3");
}
