#include <factcheck/catalogue/load.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

using factcheck::CheckKind;
using factcheck::Direction;
using factcheck::Error;
using factcheck::catalogue::parse;

namespace {

// A valid one-claim catalogue; tests break one thing at a time.
const std::string k_valid = R"(article: {title: t, language: zh-Hant, published: "2025-01-28"}
recordings: ../fixtures/x
claims:
  - id: nvda-fell-17pct
    quote: 輝達股價在1月27日暴跌17%
    statement: NVIDIA fell 17%.
    check: {kind: change_pct, series: "stooq:nvda.us", date: 2025-01-27, direction: fall}
    claimed: "17%"
)";

std::string
error_of(const std::string& text, const std::string& path = "c.yaml")
{
  try {
    (void)parse(text, path);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

std::string
replace(std::string text, const std::string& from, const std::string& to)
{
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

} // namespace

TEST_CASE("catalogue::parse: a valid claim keeps its fields and place", "[catalogue]")
{
  const auto catalogue = parse(k_valid, "claims/c.yaml");
  REQUIRE(catalogue.claims.size() == 1);
  const auto& claim = catalogue.claims[0];
  CHECK(claim.id == "nvda-fell-17pct");
  CHECK(claim.file == "claims/c.yaml");
  CHECK(claim.line == 4);
  CHECK(claim.check.kind() == CheckKind::change_pct);
  CHECK(claim.check.family() == factcheck::CheckFamily::market_change);
  const auto* change = claim.check.get<factcheck::MarketChangeCheck>();
  REQUIRE(change != nullptr);
  CHECK(change->series.str() == "stooq:nvda.us");
  CHECK(factcheck::format_date(change->date) == "2025-01-27");
  CHECK(change->direction == Direction::fall);
  REQUIRE(claim.claimed);
  REQUIRE(claim.claimed->quantity);
  CHECK(claim.claimed->quantity->low == 17);
  CHECK(catalogue.article.language == "zh-Hant");
  // Relative to the catalogue's folder, not the working directory.
  CHECK(catalogue.recordings_dir == "fixtures/x");
}

TEST_CASE("catalogue::parse: JSON uses the same schema and line numbers", "[catalogue]")
{
  const std::string json = R"({
  "claims": [
    {
      "id": "nasdaq",
      "quote": "納斯達克指數暴跌3%",
      "statement": "The Nasdaq fell 3%.",
      "check": {"kind": "change_pct", "series": "fred:NASDAQCOM", "date": "2025-01-27"},
      "claimed": "-3%"
    },
    {
      "id": "nasdaq",
      "quote": "q",
      "statement": "s",
      "check": {"kind": "unverifiable", "category": "no_public_record", "reason": "r"}
    }
  ]
})";
  CHECK(error_of(json, "c.json") == "c.json:11: duplicate id \"nasdaq\" (first at line 3)");
  const auto catalogue = parse(replace(json,
                                       "\"id\": \"nasdaq\",\n      \"quote\": \"q\"",
                                       "\"id\": \"other\",\n      \"quote\": \"q\""),
                               "c.json");
  REQUIRE(catalogue.claims.size() == 2);
  // The sign on the claimed value becomes the direction.
  CHECK(catalogue.claims[0].check.direction() == Direction::fall);
  CHECK(catalogue.claims[0].claimed->quantity->low == 3);
}

TEST_CASE("catalogue::parse: every mistake is reported as file:line: message", "[catalogue]")
{
  struct Case
  {
    const char* what;
    std::string text;
    std::string message;
  };
  const Case cases[] = {
      {"unknown claim key",
       replace(k_valid, "    claimed: \"17%\"", "    claimed: \"17%\"\n    clamed: x"),
       "c.yaml:9: unknown key \"clamed\" in a claim (expected: id, quote, statement, check, "
       "claimed, tolerance, note, tags, span, drafted, needs_review, same_as, input, subject, "
       "correction)"},
      {"unknown check kind",
       replace(k_valid, "kind: change_pct", "kind: change_percent"),
       "c.yaml:7: unknown check kind \"change_percent\" (known: close, volume, change_pct, "
       "change, market_cap, market_cap_change, largest_move_since, average_volume, "
       "document_figure, document_date, document_age, document_list, document_passage, "
       "entity_property, entity_age, short_sale_ratio, filing_fact, derived, unverifiable)"},
      {"bad date",
       replace(k_valid, "2025-01-27", "2025-02-30"),
       "c.yaml:7: bad date \"2025-02-30\" for \"date\": \"2025-02-30\" is not a real day: "
       "February 2025 has 28 days, 30 is not one"},
      {"bad claimed value",
       replace(k_valid, "\"17%\"", "\"lots\""),
       "c.yaml:8: bad claimed value \"lots\": "},
      {"claimed unit does not fit the check",
       replace(k_valid, "\"17%\"", "17億美元"),
       "c.yaml:8: claimed \"17億美元\" is in US dollars, but a change_pct check measures a "
       "percentage"},
      {"duplicate id",
       k_valid + R"(  - id: nvda-fell-17pct
    quote: q
    statement: s
    check: {kind: unverifiable, category: no_public_record, reason: r}
)",
       "c.yaml:9: duplicate id \"nvda-fell-17pct\" (first at line 4)"},
      {"duplicate key",
       replace(k_valid, "    quote:", "    statement: x\n    quote:"),
       "c.yaml:7: duplicate key \"statement\" in a claim (first at line 5)"},
      {"key that does not belong to the kind",
       replace(k_valid, "direction: fall}", "direction: fall, days: 20}"),
       "c.yaml:7: unknown key \"days\" in a change_pct check (expected: kind, series, date, "
       "base_date, direction, field, corroborate)"},
      {"missing required check key",
       replace(k_valid, "series: \"stooq:nvda.us\", ", ""),
       "c.yaml:7: a change_pct check needs \"series\""},
      {"unknown source",
       replace(k_valid, "stooq:nvda.us", "stoq:nvda.us"),
       "c.yaml:7: unknown source \"stoq\" in \"stoq:nvda.us\" (known: fred, stooq, yahoo, sec, "
       "xbrl, finra, arxiv, wikipedia, wikidata, document)"},
      {"change without a direction",
       replace(k_valid, ", direction: fall", ""),
       "c.yaml:8: claimed \"17%\" is a change without a direction: write a sign (\"-17%\") or "
       "add direction: fall or rise to the check"},
      {"sign and direction both",
       replace(k_valid, "\"17%\"", "\"-17%\""),
       "c.yaml:8: claimed \"-17%\" has a sign and the check has a direction; give one of them"},
      {"missing claimed",
       replace(k_valid, "    claimed: \"17%\"\n", ""),
       "c.yaml:4: claim \"nvda-fell-17pct\" has no \"claimed\""},
      {"unverifiable without reason",
       replace(k_valid,
               "{kind: change_pct, series: \"stooq:nvda.us\", date: 2025-01-27, direction: fall}",
               "{kind: unverifiable}"),
       "c.yaml:7: an unverifiable check needs \"reason\""},
      {"unverifiable without category",
       replace(k_valid,
               "{kind: change_pct, series: \"stooq:nvda.us\", date: 2025-01-27, direction: fall}",
               "{kind: unverifiable, reason: r}"),
       "c.yaml:7: an unverifiable check needs \"category\" (one of: paid_data, "
       "no_public_record, unattributed_quote, projection_or_opinion, ambiguous, data_gap)"},
      {"unknown category",
       replace(k_valid,
               "{kind: change_pct, series: \"stooq:nvda.us\", date: 2025-01-27, direction: fall}",
               "{kind: unverifiable, category: paywalled, reason: r}"),
       "c.yaml:7: unknown category \"paywalled\" (known: paid_data, no_public_record, "
       "unattributed_quote, projection_or_opinion, ambiguous, data_gap)"},
      {"bad since for largest_move_since",
       replace(replace(k_valid, "kind: change_pct", "kind: largest_move_since"),
               "\"17%\"",
               "\"since the crash\""),
       "c.yaml:8: bad claimed \"since the crash\": cannot read \"the crash\" as a date: \"crash\" "
       "is not part of a date this reader knows; write it as \"2025-01-27\", \"27 January "
       "2025\" or \"2025年1月27日\", or to the month or year (\"2025-01\", \"2025\") (a "
       "largest_move_since claim names the period it is the largest since: \"2022\", \"July "
       "2024\", \"2022-06-13\")"},
      // libyaml's words (yaml-cpp said "end of sequence flow not found").
      {"not YAML",
       "claims: [\n",
       "c.yaml:2: did not find expected node content (while parsing a flow node that began at "
       "line 2)"},
      {"no claims", "article: {title: t}\n", "c.yaml:1: the catalogue has no \"claims\""},
  };
  for (const auto& c : cases) {
    INFO(c.what);
    const auto message = error_of(c.text);
    // A bad claimed value also explains what the quantity parser could not
    // read; pin the prefix only.
    if (c.message.back() == ' ') {
      CHECK(message.rfind(c.message, 0) == 0);
    } else {
      CHECK(message == c.message);
    }
  }
}

TEST_CASE("catalogue::load: a missing file is one clear error", "[catalogue]")
{
  try {
    (void)factcheck::catalogue::load("no/such/catalogue.yaml");
    FAIL("expected an error");
  } catch (const Error& e) {
    CHECK(std::string(e.what())
          == "no/such/catalogue.yaml: cannot read the catalogue: No such file or directory");
  }
}

TEST_CASE("catalogue::parse: the DeepSeek catalogue loads", "[catalogue]")
{
  const auto catalogue =
      factcheck::catalogue::load(FACTCHECK_SOURCE_DIR "/claims/deepseek-2025-01-27.yaml");
  CHECK(catalogue.claims.size() >= 20);
  CHECK(catalogue.recordings_dir.ends_with("fixtures/deepseek-2025-01-27"));
}

TEST_CASE("catalogue::parse: damaged catalogues fail as file:line, never otherwise", "[catalogue]")
{
  // The real DeepSeek catalogue, damaged at random (synthetic damage, fixed
  // seed): characters deleted, duplicated or replaced by YAML punctuation or
  // bytes that are not UTF-8, lines dropped or repeated. Each result either
  // loads or throws factcheck::Error "file:LINE: ..." with a line inside the
  // file; nothing else escapes (no YAML exception, no crash, no hang).
  const std::string path = FACTCHECK_SOURCE_DIR "/claims/deepseek-2025-01-27.yaml";
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  const std::string original((std::istreambuf_iterator<char>(in)), {});
  const auto lines = static_cast<int>(std::count(original.begin(), original.end(), '\n'));
  const std::string noise[] = {":", "-", "{", "}", "[",  "]",  "\"", "'",    "#",        "&", "*",
                               "!", "|", ">", "%", "\t", "\n", "  ", "\xff", "\xe8\xbc", "\0"};

  std::mt19937 random(20250127);
  int loaded = 0;
  int rejected = 0;
  for (int round = 0; round < 400; ++round) {
    std::string text = original;
    const int damages = 1 + static_cast<int>(random() % 3);
    for (int d = 0; d < damages && !text.empty(); ++d) {
      const std::size_t at = random() % text.size();
      switch (random() % 5) {
      case 0:
        text.erase(at, 1 + random() % 8);
        break;
      case 1:
        text.insert(at, text.substr(at, 1 + random() % 8));
        break;
      case 2: {
        const auto& bytes = noise[random() % std::size(noise)];
        text.replace(at, 1, bytes.empty() ? std::string(1, '\0') : bytes);
        break;
      }
      case 3: { // drop the line holding `at`
        const auto begin = text.rfind('\n', at);
        const auto end = text.find('\n', at);
        const auto from = begin == std::string::npos ? 0 : begin + 1;
        text.erase(from, end == std::string::npos ? std::string::npos : end - from + 1);
        break;
      }
      default: { // repeat it
        const auto begin = text.rfind('\n', at);
        const auto end = text.find('\n', at);
        const auto from = begin == std::string::npos ? 0 : begin + 1;
        const auto line = text.substr(from, end == std::string::npos ? end : end - from + 1);
        text.insert(from, line);
        break;
      }
      }
    }
    try {
      (void)parse(text, "damaged.yaml");
      ++loaded;
    } catch (const Error& e) {
      ++rejected;
      const std::string message = e.what();
      INFO("round " << round << ": " << message);
      REQUIRE(message.rfind("damaged.yaml:", 0) == 0);
      const auto colon = message.find(':', 13);
      REQUIRE(colon != std::string::npos);
      const int line = std::stoi(message.substr(13, colon - 13));
      CHECK(line >= 1);
      CHECK(line <= lines + 16); // a duplicated line or two can lengthen the file
    }
  }
  // The damage is real: most of it is caught, some of it (a comment, a
  // repeated blank line) is harmless.
  CHECK(rejected > 200);
  CHECK(loaded > 0);
}

TEST_CASE("catalogue::parse: the units a kind measures come from the table of kinds", "[catalogue]")
{
  const auto with = [](const std::string& check, const std::string& claimed) {
    return replace(replace(k_valid,
                           "{kind: change_pct, series: \"stooq:nvda.us\", date: 2025-01-27, "
                           "direction: fall}",
                           check),
                   "\"17%\"",
                   claimed);
  };
  const std::string change = R"({kind: change, series: "fred:SP500", date: 2025-01-27})";
  // An index moves in points, a share price in money, a rate in percentage
  // points: a change check takes each of them.
  CHECK(parse(with(change, "{op: eq, value: -94, unit: points}"), "c.yaml")
            .claims.at(0)
            .claimed->quantity->unit
        == factcheck::quantity::Unit::points);
  CHECK(parse(with(change, "{op: eq, value: -0.25, unit: percentage_points}"), "c.yaml")
            .claims.at(0)
            .claimed->quantity->unit
        == factcheck::quantity::Unit::percentage_points);
  CHECK(parse(with(change, "\"-$24.2\""), "c.yaml").claims.at(0).claimed->quantity->unit
        == factcheck::quantity::Unit::usd);
  // A percentage is a change_pct claim, not a change claim: the message names
  // the claimed unit and every unit the kind measures.
  CHECK(error_of(with(change, "\"-3%\""))
        == "c.yaml:8: claimed \"-3%\" is in percent, but a change check measures US dollars, "
           "points, percentage points or a plain number");
  CHECK(error_of(with(R"({kind: volume, series: "stooq:nvda.us", date: 2025-01-27})", "\"$5bn\""))
        == "c.yaml:8: claimed \"$5bn\" is in US dollars, but a volume check measures shares or "
           "a plain number");
  CHECK(error_of(with(R"({kind: close, series: "stooq:nvda.us", date: 2025-01-27})", "3.2億股"))
        == "c.yaml:8: claimed \"3.2億股\" is in shares, but a close check measures US dollars, "
           "points or a plain number");
}

TEST_CASE("catalogue::parse: each kind is loaded as its family's check type", "[catalogue]")
{
  using factcheck::CheckFamily;
  const auto catalogue = parse(R"(claims:
  - {id: a, quote: q, statement: s, claimed: "8000萬股",
     check: {kind: volume, series: "stooq:nvda.us", date: 2025-01-27}}
  - {id: b, quote: q, statement: s, claimed: "300億",
     check: {kind: document_figure, document: "document:https://example.test/p.pdf", anchor: with}}
  - {id: c, quote: q, statement: s, claimed: "3",
     check: {kind: derived, formula: "a / b", inputs: {a: a, b: b}}}
  - {id: d, quote: q, statement: s, check: {kind: unverifiable, category: no_public_record, reason: r}}
)",
                               "c.yaml");
  const auto& claims = catalogue.claims;
  REQUIRE(claims.size() == 4);
  CHECK(claims[0].check.family() == CheckFamily::market_level);
  // A volume is read from the volume column, whatever the price field.
  CHECK(claims[0].check.get<factcheck::MarketLevelCheck>()->field == "volume");
  CHECK(claims[1].check.family() == CheckFamily::document_figure);
  // A document check has no date and no direction to report.
  CHECK_FALSE(claims[1].check.date());
  CHECK(claims[1].check.direction() == Direction::none);
  CHECK(claims[1].check.refs().at(0).str() == "document:https://example.test/p.pdf");
  CHECK(claims[2].check.family() == CheckFamily::derived);
  CHECK(claims[2].check.inputs().size() == 2);
  CHECK(claims[2].check.refs().empty());
  CHECK(claims[3].check.kind() == CheckKind::unverifiable);
  for (const auto& info : factcheck::check_kinds()) {
    INFO(info.name);
    CHECK(factcheck::kind_info(info.kind).family == info.family);
    CHECK(factcheck::parse_check_kind(info.name) == info.kind);
  }
}

TEST_CASE("catalogue::parse: dates as articles write them, against the published date",
          "[catalogue][dates]")
{
  // The article is dated Tuesday 2025-01-28; each way of writing the check's
  // day must load as Monday 2025-01-27.
  for (const std::string written : {"2025-01-27",
                                    "\"2025年1月27日\"",
                                    "\"1月27日\"",
                                    "\"Jan. 27, 2025\"",
                                    "\"27 January 2025\"",
                                    "Monday",
                                    "週一",
                                    "\"昨天\""}) {
    INFO(written);
    const auto catalogue =
        parse(replace(k_valid, "date: 2025-01-27", "date: " + written), "c.yaml");
    const auto date = catalogue.claims.at(0).check.date();
    REQUIRE(date);
    CHECK(factcheck::format_date(*date) == "2025-01-27");
  }
  // A month is not a day for a market check.
  CHECK_THAT(error_of(replace(k_valid, "date: 2025-01-27", "date: \"2025年1月\"")),
             Catch::Matchers::Contains("a check needs one day"));
  // Without a published date, 1月27日 has no year.
  const auto no_article = replace(
      replace(k_valid, "article: {title: t, language: zh-Hant, published: \"2025-01-28\"}\n", ""),
      "date: 2025-01-27",
      "date: \"1月27日\"");
  CHECK_THAT(error_of(no_article), Catch::Matchers::Contains("c.yaml:6: bad date \"1月27日\""));

  // Claimed periods and dates.
  const auto since = parse(replace(replace(k_valid, "kind: change_pct", "kind: largest_move_since"),
                                   "\"17%\"",
                                   "\"since July 2024\""),
                           "c.yaml");
  REQUIRE(since.claims.at(0).claimed->since);
  CHECK(factcheck::format_partial_date(*since.claims.at(0).claimed->since) == "2024-07");
  const auto chinese_since =
      parse(replace(replace(k_valid, "kind: change_pct", "kind: largest_move_since"),
                    "\"17%\"",
                    "\"2022年以來\""),
            "c.yaml");
  CHECK(factcheck::format_partial_date(*chinese_since.claims.at(0).claimed->since) == "2022");
  const std::string founded = R"(claims:
  - id: founded
    quote: 2023年3月成立
    statement: s
    check: {kind: document_date, document: "wikipedia:DeepSeek", anchor: "founded in"}
    claimed: 2023年3月
)";
  CHECK(factcheck::format_partial_date(*parse(founded, "c.yaml").claims.at(0).claimed->date)
        == "2023-03");
}

TEST_CASE("catalogue::parse: a bad claimed value fails the catalogue and says how to write it",
          "[catalogue]")
{
  CHECK(error_of(replace(k_valid, "\"17%\"", "\"17 precent\""))
        == "c.yaml:8: bad claimed value \"17 precent\": unrecognised text \"precent\" after the "
           "number in \"17 precent\"; did you mean \"17 percent\"?");
  const auto signed_range =
      error_of(replace(replace(k_valid, ", direction: fall", ""), "\"17%\"", "\"-8%-15%\""));
  CHECK_THAT(signed_range,
             Catch::Matchers::Contains(
                 R"(write "8%-15%" with "direction: fall" on the check, or sign both ends)"));
  // The forms that used to be refused now load, each with its unit.
  for (const std::string written : {"\"17 percent\"", "百分之十七", "\"17 per cent\"", "１７％"}) {
    INFO(written);
    const auto catalogue = parse(replace(k_valid, "\"17%\"", written), "c.yaml");
    CHECK(catalogue.claims.at(0).claimed->quantity->low == 17);
    CHECK(catalogue.claims.at(0).claimed->quantity->unit == factcheck::quantity::Unit::percent);
  }
}

TEST_CASE("catalogue::parse: every claim's mistake is reported in one run", "[catalogue]")
{
  std::string text = k_valid;
  text += R"(  - id: second
    quote: q
    statement: s
    check: {kind: change_pct, series: "stooq:nvda.us", date: 2025-02-30, direction: fall}
    claimed: "17%"
  - id: third
    quote: q
    statement: s
    check: {kind: change_pct, series: "stooq:nvda.us", date: 2025-01-27, direction: fall}
    claimed: "17 precent"
  - id: nvda-fell-17pct
    quote: q
    statement: s
    check: {kind: change_pct, series: "stooq:nvda.us", date: 2025-01-27, direction: fall}
    claimed: "17%"
)";
  const auto message = error_of(text);
  const auto lines = factcheck::util::split(message, '\n');
  REQUIRE(lines.size() == 3);
  CHECK_THAT(std::string(lines[0]), Catch::StartsWith("c.yaml:12: bad date \"2025-02-30\""));
  CHECK_THAT(std::string(lines[1]),
             Catch::StartsWith("c.yaml:18: bad claimed value \"17 precent\""));
  CHECK(lines[2] == "c.yaml:19: duplicate id \"nvda-fell-17pct\" (first at line 4)");
}

TEST_CASE("catalogue::parse: a .json catalogue is strict JSON", "[catalogue]")
{
  const std::string trailing_comma = "{\"claims\": [\n  {\"id\": \"a\",}\n]}\n";
  CHECK(error_of(trailing_comma, "c.json")
        == "c.json:2:14: not valid JSON here (a .json catalogue is strict JSON: no trailing "
           "commas, comments or single quotes)");
  // The same text read as YAML is a different mistake, found later.
  CHECK_THAT(error_of(trailing_comma, "c.yaml"), !Catch::Contains("strict JSON"));
}

TEST_CASE("catalogue::parse: JSON numbers, nulls and keys keep their lines", "[catalogue]")
{
  // A number is only known to end at the byte after it, here a newline: the
  // mistake is still on the number's line, not the next.
  const std::string days = "{\"claims\": [\n  {\"id\": \"a\", \"quote\": \"q\", \"statement\": "
                           "\"s\",\n   \"check\": {\"kind\": \"average_volume\", \"series\": "
                           "\"stooq:nvda.us\", \"date\": \"2025-01-24\", \"days\": 0\n   },\n   "
                           "\"claimed\": \"8000萬股\"}\n]}\n";
  CHECK(error_of(days, "c.json")
        == "c.json:3: bad \"days\" \"0\" (expected a whole number of trading days, 1 to 1000)");
  // A duplicated key is named (a JSON library would keep one of the two).
  const std::string twice = "{\"claims\": [],\n \"claims\": []}";
  CHECK(error_of(twice, "c.json")
        == "c.json:2: duplicate key \"claims\" in the catalogue (first at line 1)");
  // null is no value, in JSON as in YAML.
  const std::string null_note =
      "{\"claims\": [{\"id\": \"a\", \"quote\": \"q\", \"statement\": \"s\",\n  \"note\": null,\n"
      "  \"check\": {\"kind\": \"unverifiable\", \"category\": \"ambiguous\", \"reason\": "
      "\"r\"}}]}";
  CHECK(error_of(null_note, "c.json") == "c.json:2: \"note\" must be a single value");
  CHECK(error_of(replace(null_note, "null", "5.50"), "c.json") == "no error");
  CHECK(parse(replace(null_note, "null", "5.50"), "c.json").claims.at(0).note == "5.50");
}

TEST_CASE("catalogue::parse: YAML aliases are read, and cannot grow without end", "[catalogue]")
{
  const std::string shared = "claims:\n"
                             "  - {id: a, quote: q, statement: s, check: &c {kind: unverifiable, "
                             "category: ambiguous, reason: r}}\n"
                             "  - {id: b, quote: q, statement: s, check: *c}\n";
  const auto catalogue = parse(shared, "c.yaml");
  REQUIRE(catalogue.claims.size() == 2);
  CHECK(catalogue.claims[1].check.kind() == CheckKind::unverifiable);
  CHECK(error_of("claims: *nowhere\n") == "c.yaml:1: the referenced anchor is not defined");
  // Nine levels of ten aliases: a billion nodes if expanded.
  std::string laughs = "a: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
  for (int i = 1; i < 10; ++i) {
    laughs +=
        fmt::format("a{}: &a{} [*a{}, *a{}, *a{}, *a{}, *a{}, *a{}, *a{}, *a{}, *a{}, *a{}]\n",
                    i,
                    i,
                    i - 1,
                    i - 1,
                    i - 1,
                    i - 1,
                    i - 1,
                    i - 1,
                    i - 1,
                    i - 1,
                    i - 1,
                    i - 1);
  }
  CHECK_THAT(error_of(laughs), Catch::EndsWith(": aliases expand to too many nodes"));
  // Lists nest without brackets too; past 64 deep it is refused.
  std::string deep;
  for (int i = 0; i < 5000; ++i) {
    deep += "- ";
  }
  CHECK(error_of(deep + "x\n") == "c.yaml:1: nested more than 64 deep");
}

TEST_CASE("catalogue::parse: tabs, non-finite and overlong numbers say what they are",
          "[catalogue]")
{
  CHECK(error_of("claims:\n\t- id: a\n")
        == "c.yaml:2: a tab in the indentation; YAML indents "
           "with spaces only");
  for (const std::string value : {"nan", "inf", "-inf"}) {
    INFO(value);
    CHECK_THAT(error_of(replace(k_valid, "\"17%\"", "{value: " + value + ", unit: percent}")),
               Catch::Contains("bad number \"" + value + "\" for \"value\" (a finite decimal)"));
  }
  // 400 digits do not read as 0 (or as anything).
  CHECK_THAT(error_of(replace(k_valid, "\"17%\"", "\"" + std::string(400, '9') + "%\"")),
             Catch::Contains("a number too long to hold"));
}

TEST_CASE("catalogue::parse: a source must give the kind of data its key needs", "[catalogue]")
{
  CHECK(error_of(replace(k_valid, "stooq:nvda.us", "wikipedia:AT&T"))
        == "c.yaml:7: \"series\" needs a daily series, but wikipedia: gives a document (use "
           "fred:, stooq:, yahoo:)");
  const std::string document = R"(claims:
  - id: d
    quote: q
    statement: s
    check: {kind: document_figure, document: "fred:NASDAQCOM", anchor: "x"}
    claimed: "1"
)";
  CHECK_THAT(error_of(document),
             Catch::Contains("\"document\" needs a document, but fred: gives a daily series"));
}

TEST_CASE("catalogue::parse: a drafted claim keeps its span and how it was drafted",
          "[catalogue][extract]")
{
  const auto drafted = replace(k_valid,
                               "    claimed: \"17%\"\n",
                               "    claimed: \"17%\"\n    span: [233, 257]\n    drafted: "
                               "resolved\n    needs_review: false\n");
  const auto catalogue = parse(drafted, "c.yaml");
  const auto& claim = catalogue.claims.at(0);
  REQUIRE(claim.span);
  CHECK(claim.span->first == 233);
  CHECK(claim.span->second == 257);
  CHECK(claim.drafted == "resolved");
  CHECK(parse(k_valid, "c.yaml").claims.at(0).drafted.empty());

  CHECK_THAT(error_of(replace(drafted, "span: [233, 257]", "span: [257, 233]")),
             Catch::Contains("\"span\" must run from begin to a larger end"));
  CHECK_THAT(error_of(replace(drafted, "span: [233, 257]", "span: [x, 257]")),
             Catch::Contains("bad span offset \"x\""));
  CHECK_THAT(error_of(replace(drafted, "needs_review: false", "needs_review: true")),
             Catch::Contains("needs_review: true disagrees with drafted: resolved"));
  CHECK_THAT(error_of(replace(drafted, "drafted: resolved", "drafted: maybe")),
             Catch::Contains("bad drafted \"maybe\""));
}

TEST_CASE("catalogue::parse: an article written after its claims still dates them",
          "[catalogue][dates]")
{
  // Claims are read while the text is still being read (the tree of a large
  // catalogue never exists whole); a mapping's keys may come in any order,
  // so an article after "claims" must still give "1月27日" its year.
  const std::string yaml = R"(claims:
  - id: nvda-fell-17pct
    quote: 輝達股價在1月27日暴跌17%
    statement: NVIDIA fell 17%.
    check: {kind: change_pct, series: "stooq:nvda.us", date: "1月27日", direction: fall}
    claimed: "17%"
article: {title: t, language: zh-Hant, published: "2025-01-28"}
)";
  const std::string json = R"({"claims": [{"id": "nvda-fell-17pct",
  "quote": "輝達股價在1月27日暴跌17%", "statement": "NVIDIA fell 17%.",
  "check": {"kind": "change_pct", "series": "stooq:nvda.us", "date": "1月27日",
            "direction": "fall"},
  "claimed": "17%"}],
 "article": {"title": "t", "language": "zh-Hant", "published": "2025-01-28"}}
)";
  for (const auto& [text, path] : {std::pair{yaml, "c.yaml"}, std::pair{json, "c.json"}}) {
    INFO(path);
    const auto catalogue = parse(text, path);
    REQUIRE(catalogue.claims.size() == 1);
    const auto date = catalogue.claims.at(0).check.date();
    REQUIRE(date);
    CHECK(factcheck::format_date(*date) == "2025-01-27");
    CHECK(catalogue.claims.at(0).line == (path == std::string("c.yaml") ? 2 : 1));
  }
}

TEST_CASE("catalogue::parse: a mistake of the catalogue's keys outranks its claims' mistakes",
          "[catalogue]")
{
  // The claims before an unknown key were read already; their mistakes are
  // not the ones reported.
  const auto text = replace(k_valid, "    claimed: \"17%\"\n", "") + "extra: 1\n";
  CHECK(error_of(text)
        == "c.yaml:8: unknown key \"extra\" in the catalogue (expected: article, recordings, "
           "subjects, claims)");
  // A bad claim and a duplicate id: each one, in order.
  const std::string claims = R"(claims:
  - id: a
    quote: q
  - id: a
    quote: q
    statement: s
    check: {kind: unverifiable, reason: r, category: ambiguous}
  - id: a
    quote: q
    statement: s
    check: {kind: unverifiable, reason: r, category: ambiguous}
)";
  CHECK(error_of(claims)
        == "c.yaml:2: claim has no \"statement\"\n"
           "c.yaml:8: duplicate id \"a\" (first at line 4)");
}
