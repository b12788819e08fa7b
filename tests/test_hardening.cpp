// Regression tests for the hardening issue's findings that reach a parser:
// hostile or broken responses and catalogues end as an error for the claims
// that need them (or a file:line message), never a crash, an exception out
// of a parser, or a hang. Bodies are the real recordings of
// fixtures/deepseek-2025-01-27 with one synthetic change each, or, for
// Wikidata, a synthetic entity in the documented shape.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/eval/formula.hpp>
#include <factcheck/eval/scan.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/json.hpp>
#include <factcheck/util/text.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <sstream>
#include <string>
#include <tuple>

using namespace factcheck;
using namespace factcheck::sources;

namespace {

std::string
fixture(const std::string& name)
{
  return test::read_file(FACTCHECK_FIXTURES_DIR "/deepseek-2025-01-27/" + name);
}

// `text` with the first `from` replaced by `to`.
std::string
replace_first(std::string text, const std::string& from, const std::string& to)
{
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}

std::string
nested(std::size_t depth, const std::string& inner)
{
  return std::string(depth, '[') + inner + std::string(depth, ']');
}

} // namespace

TEST_CASE("hardening: a response nested 100,000 deep is an error, not a stack overflow",
          "[hardening]")
{
  // Yahoo's chart.error, nested as a hostile server could send it.
  const std::string body = R"({"chart":{"result":null,"error":)" + nested(100'000, "1") + "}}";
  Expected<Series> series = unexpected("not run");
  REQUIRE_NOTHROW(series = parse_yahoo_chart(body, "^IXIC"));
  REQUIRE_FALSE(series);
  CHECK_THAT(series.error(), Catch::Contains("nesting deeper than 128 levels"));

  CHECK(util::json_depth(R"({"a":"[[[[","b":[1,[2]]})") == 3); // brackets in strings do not count
  CHECK_FALSE(util::parse_json(nested(129, "")));
  CHECK(util::parse_json(nested(128, "")));
}

TEST_CASE("hardening: a number beyond double in any JSON source is an error, not an exception",
          "[hardening]")
{
  const auto check = [](const std::string& what, auto parse) {
    INFO(what);
    bool ok = false;
    std::string error;
    REQUIRE_NOTHROW([&] {
      const auto result = parse();
      ok = result.has_value();
      if (!ok) {
        error = result.error();
      }
    }());
    CHECK_FALSE(ok);
    CHECK_THAT(error, Catch::Contains("beyond the range of a double"));
  };
  check("yahoo", [] {
    return parse_yahoo_chart(replace_first(fixture("yahoo/IXIC.json"), "19524.006", "1e400"),
                             "^IXIC");
  });
  check("sec", [] {
    return parse_sec_shares(
        replace_first(fixture("sec/CIK0001045810.json"), "24490000000", "1e400"));
  });
  check("wikipedia", [] {
    return parse_wikipedia_summary(
        replace_first(fixture("wikipedia/DeepSeek.json"), "78452842", "1e400"));
  });
  check("wikidata", [] {
    return parse_wikidata_entity(R"({"entities":{"Q1":{"id":"Q1","lastrevid":1e400}}})", "Q1");
  });
}

TEST_CASE("hardening: Wikidata fields of the wrong type are absent, not an exception",
          "[hardening]")
{
  // Synthetic entity: "rank" a number, labels.en a string, precision a
  // string, snaktype an array.
  const std::string body = R"({"entities":{"Q1":{"id":"Q1","labels":{"en":"DeepSeek"},
    "claims":{"P571":[
      {"mainsnak":{"snaktype":"value","datavalue":{"type":"time",
        "value":{"time":"+2023-07-17T00:00:00Z","precision":"day"}}},"rank":1},
      {"mainsnak":{"snaktype":["value"]}},
      {"mainsnak":"value"}]}}}})";
  Expected<Entity> entity = unexpected("not run");
  REQUIRE_NOTHROW(entity = parse_wikidata_entity(body, "Q1"));
  REQUIRE(entity);
  CHECK(entity->label.empty());
  REQUIRE(entity->statements.count("P571") == 1);
  const auto& statement = entity->statements.at("P571").at(0);
  CHECK(statement.value == "+2023-07-17T00:00:00Z");
  CHECK(statement.precision == 0); // unknown, not guessed
  CHECK(statement.rank == "normal");
}

TEST_CASE("hardening: a formula nested 80,000 deep is a catalogue error", "[hardening]")
{
  const std::string formula = std::string(80'000, '(') + "a" + std::string(80'000, ')');
  const auto result = eval::evaluate_formula(formula, {{"a", 1}});
  REQUIRE_FALSE(result);
  CHECK_THAT(result.error(), Catch::Contains("nested deeper than 64"));
  // As a person writes them, formulas still read.
  CHECK(*eval::evaluate_formula("usd / 2 / gpus / 24", {{"usd", 5.576e6}, {"gpus", 2048}})
        == Approx(56.722));
  CHECK(*eval::evaluate_formula("-(-(a))", {{"a", 1}}) == 1);

  // Through the loader: one file:line message.
  const std::string catalogue = "claims:\n  - id: d\n    quote: q\n    statement: s\n"
                                "    check: {kind: derived, formula: \""
                                + formula
                                + "\", inputs: {a: b}}\n    claimed: \"1\"\n"
                                  "  - id: b\n    quote: q\n    statement: s\n"
                                  "    check: {kind: document_figure, document: \"wikipedia:X\", "
                                  "anchor: x}\n    claimed: \"1\"\n";
  std::string message;
  try {
    (void)catalogue::parse(catalogue, "deep.yaml");
  } catch (const Error& e) {
    message = e.what();
  }
  CHECK_THAT(message, Catch::StartsWith("deep.yaml:5: bad formula"));
}

TEST_CASE("hardening: 30,000 digits after an anchor are read in bounded time", "[hardening]")
{
  // A synthetic page: the V3 report's sentence, then a run of digits such as
  // a hostile page could hold.
  const std::string page =
      "our total training costs amount to " + std::string(30'000, '7') + " and then only $5.576M.";
  std::optional<eval::FoundFigure> figure;
  REQUIRE_NOTHROW(figure = eval::find_figure(page, 0));
  REQUIRE(figure);
  CHECK(figure->value == 5.576e6); // the digit run is too long to be a figure
}

namespace {

// Serves one body for every request, as a hostile or misconfigured server
// would (synthetic).
class OneBody : public http::HttpClient
{
public:
  OneBody(std::string body, std::string content_type)
      : m_body(std::move(body)), m_type(std::move(content_type))
  {}

  Expected<http::Response>
  get(const http::Request& request) override
  {
    http::Response response;
    response.url = request.url;
    response.status = 200;
    response.content_type = m_type;
    response.body = m_body;
    response.sha256 = util::sha256_hex(m_body);
    return response;
  }

private:
  std::string m_body;
  std::string m_type;
};

Catalogue
document_catalogue(const std::string& claimed)
{
  return catalogue::parse("claims:\n  - id: cost\n    quote: q\n    statement: s\n"
                          "    check: {kind: document_figure, document: "
                          "\"document:https://example.test/page.txt\", anchor: \"costs\"}\n"
                          "    claimed: \""
                              + claimed + "\"\n",
                          "t.yaml");
}

} // namespace

TEST_CASE("hardening: UTF-8 is checked and decoded at the edge", "[hardening][utf8]")
{
  CHECK_FALSE(util::first_invalid_utf8("輝達 NVIDIA −17%"));
  CHECK(util::first_invalid_utf8("ab\xff") == 2u);
  CHECK(util::first_invalid_utf8("\xc0\xaf") == 0u);         // overlong "/"
  CHECK(util::first_invalid_utf8("\xed\xa0\x80") == 0u);     // a surrogate
  CHECK(util::first_invalid_utf8("\xf4\x90\x80\x80") == 0u); // past U+10FFFF
  CHECK(util::first_invalid_utf8("\xe8\xbc") == 0u);         // cut short
  std::size_t replaced = 0;
  CHECK(util::to_utf8("Caf\xe9", "ISO-8859-1") == "Café");
  CHECK(util::to_utf8("\x93quoted\x94 \x80", "windows-1252") == "“quoted” €");
  CHECK(util::to_utf8("a\xff"
                      "b\xfe",
                      "utf-8",
                      &replaced)
        == "a\xEF\xBF\xBD"
           "b\xEF\xBF\xBD");
  CHECK(replaced == 2);
}

TEST_CASE("hardening: a catalogue with a byte that is not UTF-8 fails at its line and column",
          "[hardening][utf8]")
{
  std::string message;
  try {
    (void)catalogue::parse("claims:\n  - id: a\n    quote: \"\xe8\xbc\x9d\xff\"\n", "bad.yaml");
  } catch (const Error& e) {
    message = e.what();
  }
  CHECK(message == "bad.yaml:3:16: byte 0xFF is not UTF-8; save the catalogue as UTF-8");
}

TEST_CASE("hardening: a Latin-1 page or a stray byte reaches every report as valid UTF-8",
          "[hardening][utf8]")
{
  for (const auto& [body, type, note] :
       {std::tuple<std::string, std::string, std::string>{"Caf\xe9 costs $5.6M in all.",
                                                          "text/plain; charset=ISO-8859-1",
                                                          "decoded from ISO-8859-1"},
        {"The \xff costs $5.6M in all.", "text/plain", "1 byte that was not UTF-8 replaced"},
        {"<html><body><p>The \xff costs $5.6M in all.</p></body></html>",
         "text/html; charset=utf-8",
         ""}}) {
    INFO(type);
    OneBody server(body, type);
    VerifyOptions options;
    RunReport report;
    REQUIRE_NOTHROW(report = verify(document_catalogue("560萬美元"), server, options));
    REQUIRE(report.verdicts.size() == 1);
    const auto& verdict = report.verdicts[0];
    CHECK(verdict.kind == VerdictKind::supported);
    bool noted = note.empty();
    for (const auto& line : verdict.evidence.notes) {
      CHECK_FALSE(util::first_invalid_utf8(line));
      noted = noted || line.find(note) != std::string::npos;
    }
    CHECK(noted);
    for (const auto& format : report::known_formats()) {
      INFO(format);
      std::ostringstream out;
      REQUIRE_NOTHROW(report::make_reporter(format, {})->write(report, out));
      CHECK_FALSE(util::first_invalid_utf8(out.str()));
    }
  }
}

namespace {

// A synthetic PDF of `pages` empty pages, with a correct cross-reference
// table.
std::string
empty_pdf(int pages)
{
  std::string out = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  const auto object = [&](const std::string& body) {
    offsets.push_back(out.size());
    out += fmt::format("{} 0 obj\n{}\nendobj\n", offsets.size(), body);
  };
  object("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < pages; ++i) {
    kids += fmt::format("{} 0 R ", i + 3);
  }
  object(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, pages));
  for (int i = 0; i < pages; ++i) {
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>");
  }
  const std::size_t xref = out.size();
  out += fmt::format("xref\n0 {}\n0000000000 65535 f \n", offsets.size() + 1);
  for (const auto offset : offsets) {
    out += fmt::format("{:010} 00000 n \n", offset);
  }
  out += fmt::format(
      "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", offsets.size() + 1, xref);
  return out;
}

} // namespace

TEST_CASE("hardening: a PDF past the page limit is read in part, and says so", "[hardening]")
{
  const auto small = parse_pdf(empty_pdf(3));
  REQUIRE(small);
  CHECK(small->pages.size() == 3);
  CHECK(small->decoding.empty());
  const auto large = parse_pdf(empty_pdf(2500));
  REQUIRE(large);
  CHECK(large->pages.size() == 2000);
  CHECK(large->decoding == "only the first 2000 of its 2500 pages read");
}

TEST_CASE("hardening: a PDF past the time limit is read in part, and says so", "[hardening]")
{
  // The clock is read between pages: with no time at all, the first page is
  // read whole and the rest are left, which the evidence says.
  const auto cut = parse_pdf(empty_pdf(5), PdfLimits{2000, std::chrono::milliseconds(0)});
  REQUIRE(cut);
  CHECK(cut->pages.size() == 1);
  CHECK(cut->decoding.starts_with("only the first 1 of its 5 pages read: text extraction stopped "
                                  "after "));
  CHECK(cut->decoding.ends_with(" ms (the limit is 0 ms)"));
  // The default limit leaves a short document whole.
  const auto whole = parse_pdf(empty_pdf(5));
  REQUIRE(whole);
  CHECK(whole->pages.size() == 5);
  CHECK(whole->decoding.empty());
}

TEST_CASE("hardening: escape sequences in a response never reach a terminal or a page raw",
          "[hardening]")
{
  // A synthetic page whose sentence carries a terminal escape, a carriage
  // return and a bell, as a hostile server could send.
  OneBody server("The \x1b[2J\x1b[31mtraining\r\x07 costs $5.6M in all.", "text/plain");
  const auto report = verify(document_catalogue("560萬美元"), server, VerifyOptions{});
  REQUIRE(report.verdicts.size() == 1);
  for (const std::string format : {"table", "github", "markdown", "junit"}) {
    INFO(format);
    std::ostringstream out;
    report::make_reporter(format, {})->write(report, out);
    CHECK(out.str().find('\x1b') == std::string::npos);
    CHECK(out.str().find('\x07') == std::string::npos);
    CHECK(out.str().find('\r') == std::string::npos);
  }
}

TEST_CASE("hardening: a list in a 2 MB sentence is read in linear time", "[hardening]")
{
  // Synthetic: 200,000 names joined by " and ", one sentence. The old
  // joiner replaced in place from the start each time (quadratic: 32 s for
  // 1.9 MB); this finishes in milliseconds, and every name is kept.
  std::string sentence = "The funders are ";
  for (int i = 0; i < 200'000; ++i) {
    sentence += i == 0 ? "N0" : " and N" + std::to_string(i % 10);
  }
  sentence += ".";
  const auto names = eval::find_list(sentence, 16);
  REQUIRE(names.size() == 200'000);
  CHECK(names.front() == "N0");
  CHECK(names.back() == "N9");
}

TEST_CASE("hardening: a catalogue's recordings folder stays inside the catalogue's tree",
          "[hardening]")
{
  using factcheck::catalogue::load;
  const factcheck::test::TempDir tmp;
  const std::string claims = "claims:\n"
                             "  - id: a\n"
                             "    quote: q\n"
                             "    statement: s\n"
                             "    check: {kind: unverifiable, category: ambiguous, reason: r}\n";
  const auto error_of = [](const std::string& path) -> std::string {
    try {
      (void)load(path);
    } catch (const factcheck::Error& e) {
      return e.what();
    }
    return "no error";
  };
  // Outside a repository the tree is the folder above the catalogue's.
  const auto inside = tmp.write("desk/inside.yaml", "recordings: fixtures/a\n" + claims);
  CHECK(load(inside).recordings_dir == (tmp.path() / "desk/fixtures/a").string());
  // A project copied or installed without its .git keeps claims/ and fixtures/
  // side by side.
  const auto copied = tmp.write("copy/claims/c.yaml", "recordings: ../fixtures/c\n" + claims);
  CHECK(load(copied).recordings_dir == (tmp.path() / "copy/fixtures/c").string());
  const auto climbs = tmp.write("desk/climbs.yaml", "recordings: ../../elsewhere\n" + claims);
  CHECK(error_of(climbs)
        == climbs
               + ":1: recordings \"../../elsewhere\" is outside the catalogue's project (its "
                 "repository, else the folder above the catalogue) and the working "
                 "directory's: name a path inside either, or pass it with --recordings");
  const auto absolute = tmp.write("desk/absolute.yaml", "recordings: /etc\n" + claims);
  CHECK(error_of(absolute).starts_with(absolute + ":1: recordings \"/etc\" is outside"));
  // A symlink inside the folder that leads out of it is followed, and refused.
  std::filesystem::create_directory_symlink("/etc", tmp.path() / "desk/link");
  const auto linked = tmp.write("desk/linked.yaml", "recordings: link\n" + claims);
  CHECK(error_of(linked).starts_with(linked + ":1: recordings \"link\" is outside"));
  // The article's text is a file the html page shows: the same rule.
  const auto text = tmp.write("desk/text.yaml", "article: {text: /etc/passwd}\n" + claims);
  CHECK(error_of(text)
        == text
               + ":1: text \"/etc/passwd\" is outside the catalogue's project (its "
                 "repository, else the folder above the catalogue) and the working "
                 "directory's: name a path inside either, or pass it with --article");
  // Inside a repository, the tree is the repository: a catalogue in claims/
  // names ../fixtures, as the project's own does.
  std::filesystem::create_directories(tmp.path() / "repo/.git");
  const auto in_repo = tmp.write("repo/claims/c.yaml", "recordings: ../fixtures/c\n" + claims);
  CHECK(load(in_repo).recordings_dir == (tmp.path() / "repo/fixtures/c").string());
  const auto out_of_repo =
      tmp.write("repo/claims/out.yaml", "recordings: ../../desk/fixtures\n" + claims);
  CHECK(error_of(out_of_repo).starts_with(out_of_repo + ":1: recordings"));
}
