// The html format: the page of a small catalogue with its article
// (tests/data/article, real recorded data) pinned by a golden file, the
// series windows the charts draw, how quotes are found in the article, and
// hostile text. tests/html_report_test.sh opens the pages in a browser.
//
// To regenerate the golden file after an intended change:
//   FACTCHECK_UPDATE_GOLDEN=1 build/tests/factcheck_tests '[golden]'
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace {

const std::string k_article_catalogue = "tests/data/article/selloff-2025-01-27.yaml";

// A catalogue verified offline from its recordings, parsed under its
// repository-relative name so that the page does not depend on where the
// checkout lives.
factcheck::RunReport
run_offline(const std::string& path, bool with_article = true)
{
  auto catalogue = factcheck::catalogue::parse(
      factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/" + path), path);
  factcheck::http::RecordingClient recordings(
      {std::string(FACTCHECK_SOURCE_DIR) + "/" + catalogue.recordings_dir}, nullptr);
  const auto text_file = catalogue.article.text_file;
  auto report = factcheck::verify(std::move(catalogue), recordings, {});
  report.mode = factcheck::Mode::offline;
  if (with_article && !text_file.empty()) {
    report.article_text =
        factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR) + "/" + text_file);
  }
  return report;
}

std::string
html_of(const factcheck::RunReport& report)
{
  std::ostringstream out;
  factcheck::report::make_reporter("html", {})->write(report, out);
  return out.str();
}

std::size_t
count(const std::string& text, std::string_view needle)
{
  std::size_t n = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) {
    ++n;
  }
  return n;
}

bool
contains(const std::string& text, std::string_view needle)
{
  return text.find(needle) != std::string::npos;
}

} // namespace

TEST_CASE("html: the test article's claims get their hand-checked verdicts", "[golden][html]")
{
  const auto report = run_offline(k_article_catalogue);
  using factcheck::VerdictKind;
  // The arithmetic is in the catalogue's header comment.
  const std::map<std::string, VerdictKind> expected{
      {"nvda-fell-17pct", VerdictKind::supported},
      {"nvda-closed-118.42", VerdictKind::supported},
      {"investors-weighed-chinese-model", VerdictKind::unverifiable},
      {"nvda-volume-818.8m", VerdictKind::supported},
      {"nvda-usual-volume-201m", VerdictKind::supported},
      {"nvda-volume-four-times-usual", VerdictKind::supported},
      {"nvda-market-value-lost-over-600bn", VerdictKind::contradicted},
      {"avgo-dropped-17.4pct", VerdictKind::supported},
      {"nasdaq-lost-3.1pct", VerdictKind::supported},
      {"nasdaq-closed-19341.83", VerdictKind::supported},
      {"nasdaq-largest-drop-since-2022", VerdictKind::contradicted},
      {"sp500-slipped-1.5pct", VerdictKind::supported},
  };
  REQUIRE(report.verdicts.size() == expected.size());
  for (const auto& verdict : report.verdicts) {
    INFO(verdict.claim_id << ": " << verdict.message);
    CHECK(verdict.kind == expected.at(verdict.claim_id));
  }
  CHECK(report.catalogue.article.text_file == "tests/data/article/selloff-2025-01-27.en.txt");
}

TEST_CASE("html: the page of the test article matches its golden file", "[golden][html]")
{
  const auto page = html_of(run_offline(k_article_catalogue));
  const auto path =
      std::string(FACTCHECK_FIXTURES_DIR) + "/reports/selloff-2025-01-27.html.expected";
  if (std::getenv("FACTCHECK_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(path, std::ios::binary) << page;
    WARN("rewrote " << path);
  }
  CHECK(page == factcheck::test::read_file(path));
}

TEST_CASE("html: a market claim's window is the recorded rows a month either side", "[html]")
{
  const auto report = run_offline(k_article_catalogue);
  using factcheck::test::day;

  // stooq:nvda.us has rows to 2025-02-28: 21 rows before the base day
  // (2025-01-24), the base day, the day, and 21 rows after.
  const auto& change = report.windows.at("nvda-fell-17pct");
  CHECK(change.series == "stooq:nvda.us");
  CHECK(change.field == "close");
  REQUIRE(change.points.size() == 44);
  CHECK(change.points[21].date == day("2025-01-24"));
  CHECK(change.points[21].value == 142.62);
  CHECK(change.points[22].date == day("2025-01-27"));
  CHECK(change.points[22].value == 118.42);

  // The average reaches back over the 20 days averaged, then 21 more.
  const auto& average = report.windows.at("nvda-usual-volume-201m");
  CHECK(average.field == "volume");
  CHECK(average.points.front().date < day("2024-12-24"));
  CHECK(average.points.size() == 21 + 20 + 1 + 21);

  // A record: from the day before 2023-01-01's first trading day to the date.
  const auto& record = report.windows.at("nasdaq-largest-drop-since-2022");
  CHECK(record.points.front().date == day("2022-12-30"));
  CHECK(record.points.back().date == day("2025-01-27"));

  // The AVGO recording holds 2025-01-17..2025-02-03 only: what it covers.
  const auto& short_series = report.windows.at("avgo-dropped-17.4pct");
  CHECK(short_series.points.front().date == day("2025-01-17"));
  CHECK(short_series.points.back().date == day("2025-02-03"));

  // No window for claims without a series.
  CHECK(report.windows.count("nvda-volume-four-times-usual") == 0);
  CHECK(report.windows.count("investors-weighed-chinese-model") == 0);

  // Other formats do not show it: the json report has no trace of a window.
  std::ostringstream json;
  factcheck::report::make_reporter("json", {})->write(report, json);
  CHECK_FALSE(contains(json.str(), "2024-11-22"));
}

TEST_CASE("html: every claim has a card, every quote in the text a mark of its verdict", "[html]")
{
  const auto report = run_offline(k_article_catalogue);
  const auto page = html_of(report);
  for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
    const auto& id = report.catalogue.claims[i].id;
    const auto kind = std::string(to_string(report.verdicts[i].kind));
    INFO(id);
    CHECK(count(page, "<article class=\"card v-" + kind + "\" id=\"c-" + id + "\"") == 1);
    CHECK(count(page, "<mark id=\"m-" + id + "\" class=\"v-" + kind + "\"") == 1);
    CHECK(contains(page, "href=\"#m-" + id + "\">back to the article</a>"));
  }
  // The quote of nvda-closed-118.42 crosses a line break; its span holds it.
  CHECK(contains(page,
                 "<mark id=\"m-nvda-closed-118.42\" class=\"v-supported\" "
                 "data-claim=\"nvda-closed-118.42\">closing at\n$118.42</mark>"));
  // The summary: contradicted first, in words and symbols.
  CHECK(page.find("data-verdict=\"contradicted\"") < page.find("data-verdict=\"supported\""));
  CHECK(contains(page, "<strong>2</strong> contradicted</li>"));
  CHECK(contains(page, "<strong>9</strong> supported</li>"));
  // The charts: one per market claim, one number line for the derived ratio.
  CHECK(count(page, "<svg class=\"chart\"") == 10);
  CHECK(count(page, "<svg class=\"chart numberline\"") == 1);
  CHECK(contains(page,
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
                 "'none'; style-src 'unsafe-inline'; img-src data:;"));
  CHECK(contains(page, "<div class=\"text\" lang=\"en\">"));
  // Human pages next to the data URLs.
  CHECK(contains(page, "href=\"https://fred.stlouisfed.org/series/NASDAQCOM\""));
  CHECK(contains(page, "href=\"https://fred.stlouisfed.org/graph/fredgraph.csv?id=NASDAQCOM\""));
  CHECK(contains(page, "Correction:</strong> the record shows -$592.66bn"));
}

TEST_CASE("html: quotes are found ignoring whitespace and full-width forms", "[html]")
{
  auto report = run_offline(k_article_catalogue, false);
  auto& claims = report.catalogue.claims;
  claims[0].quote = "輝達股價暴跌17%";        // half-width in the quote
  claims[1].quote = "納斯達克指數\n下跌 3 %"; // whitespace differs
  claims[1].span.reset();
  claims[2].quote = "not in the article";
  claims[3].span = std::pair<std::size_t, std::size_t>{500, 510};
  claims[3].quote = "also missing";
  report.article_text = "當天，輝達股價暴跌１７％；納斯達克指數下跌3％。";
  const auto page = html_of(report);
  CHECK(contains(
      page,
      R"(<mark id="m-nvda-fell-17pct" class="v-supported" data-claim="nvda-fell-17pct">輝達股價暴跌１７％</mark>)"));
  CHECK(contains(page, R"(data-claim="nvda-closed-118.42">納斯達克指數下跌3％</mark>)"));
  CHECK(contains(page, "<h3>Quotes not found in the article</h3>"));
  CHECK(contains(page, R"(<li id="u-investors-weighed-chinese-model")"));
  CHECK(contains(page, "its span [500, 510] is past the end of the text (24 code points)"));
  CHECK(contains(page, "2 of 12 quotes marked"));
}

TEST_CASE("html: nested and crossing quotes keep the markup well formed", "[html]")
{
  auto report = run_offline(k_article_catalogue, false);
  auto& claims = report.catalogue.claims;
  for (auto& claim : claims) {
    claim.span.reset();
    claim.quote = "nowhere";
  }
  claims[0].quote = "abcdef";
  claims[1].quote = "cd";
  claims[2].quote = "efgh"; // begins inside abcdef, ends after it
  report.article_text = "xx abcdefgh yy";
  const auto page = html_of(report);
  CHECK(contains(page, R"(data-claim="nvda-fell-17pct">ab<mark id="m-nvda-closed-118.42")"));
  // efgh is marked in two parts: inside abcdef, then after it; the id on
  // the first, the link to the card after the last.
  CHECK(contains(page,
                 R"(<mark id="m-investors-weighed-chinese-model" class="v-unverifiable" )"
                 R"(data-claim="investors-weighed-chinese-model">ef</mark></mark>)"));
  CHECK(contains(
      page,
      R"(<mark class="v-unverifiable" data-claim="investors-weighed-chinese-model">)"
      R"(gh</mark><a class="ref v-unverifiable" href="#c-investors-weighed-chinese-model")"));
  CHECK(count(page, "<mark ") == count(page, "</mark>"));
  CHECK(count(page, "href=\"#c-investors-weighed-chinese-model\" title") == 1);
}

TEST_CASE("html: without an article the page shows the cards alone", "[html]")
{
  const auto page = html_of(run_offline(k_article_catalogue, false));
  CHECK_FALSE(contains(page, "id=\"article\""));
  CHECK_FALSE(contains(page, "<mark"));
  CHECK(count(page, "<article class=\"card") == 12);
}

TEST_CASE("html: hostile catalogue text is shown as text", "[html]")
{
  auto report = run_offline("fixtures/catalogues/hostile-text.yaml", false);
  report.article_text = "He said \"</script><script>alert(1)</script>\" & left\n\x1b[31m";
  const auto page = html_of(report);
  CHECK(count(page, "<script") == 0);
  CHECK(contains(page,
                 "He said &quot;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;&quot; "
                 "&amp; left"));
  CHECK(contains(page, "R&amp;amp;D"));
  CHECK(contains(page, "\\u001b[31mred\\u001b[0m"));
  for (const char c : page) {
    const auto u = static_cast<unsigned char>(c);
    INFO("byte " << static_cast<int>(u));
    CHECK((u >= 0x20 || u == '\n'));
  }
  CHECK_FALSE(contains(page, "\xEF\xBF\xBE"));
  CHECK_FALSE(contains(page, "\xC2\x9B"));
  // A link only to a web page.
  report.catalogue.article.url = "javascript:alert(1)";
  const auto linked = html_of(report);
  CHECK_FALSE(contains(linked, "href=\"javascript:"));
  CHECK(contains(linked, "(<code>javascript:alert(1)</code>)"));
  // The quote of a claim the article text holds is marked, ESC and all.
  CHECK(contains(page, "<mark id=\"m-script-end\""));
}

TEST_CASE("report::html_escape: markup, controls and what HTML cannot carry", "[html]")
{
  using factcheck::report::html_escape;
  CHECK(html_escape("<a href='x'>&\"</a>") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  CHECK(html_escape("a\x1b[1mb\nc") == "a\\u001b[1mb\\nc");
  CHECK(html_escape("\xC2\x9B") == "\\u009b");
  CHECK(html_escape("x\xEF\xBF\xBEy\xFFz") == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
  CHECK(html_escape("輝達 \u200F") == "輝達 \u200F");
}

TEST_CASE("catalogue: article.text is read relative to the catalogue", "[html]")
{
  const auto catalogue = factcheck::catalogue::parse(
      "article: {title: T, text: article.txt}\n"
      "claims:\n"
      "  - id: a\n"
      "    quote: q\n"
      "    statement: s\n"
      "    check: {kind: unverifiable, category: ambiguous, reason: r}\n",
      "some/dir/claims.yaml");
  CHECK(catalogue.article.text_file == "some/dir/article.txt");
}

TEST_CASE("html: any article text and quotes give balanced marks and clean text", "[html]")
{
  // A fixed pseudo-random sequence (no clock): texts of ASCII, CJK,
  // full-width forms, whitespace, controls and broken UTF-8; quotes cut from
  // them, then changed; spans anywhere, valid or not.
  auto report = run_offline(k_article_catalogue, false);
  const std::vector<std::string> pieces{"a",    "b",      " ",      "\n",          "\t", "\r\n",
                                        "輝達", "３％",   "3%",     "：",          ":",  "｡",
                                        "。",   "\x1b",   "\xff",   "\xe8\xbc",    "<",  "&",
                                        "\"",   "\u3000", "\u202e", "\xEF\xBF\xBE"};
  std::uint32_t state = 12345;
  const auto next = [&state](std::uint32_t n) {
    state = state * 1664525U + 1013904223U;
    return (state >> 8U) % n;
  };
  std::size_t marked = 0;
  std::size_t crossing = 0;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const auto length = next(60);
    for (std::uint32_t k = 0; k < length; ++k) {
      text += pieces[next(static_cast<std::uint32_t>(pieces.size()))];
    }
    report.article_text = text;
    for (auto& claim : report.catalogue.claims) {
      const auto from = text.empty() ? 0 : next(static_cast<std::uint32_t>(text.size()));
      claim.quote = text.substr(from, next(12));
      if (next(3) == 0) {
        claim.quote += pieces[next(static_cast<std::uint32_t>(pieces.size()))];
      }
      claim.span.reset();
      if (next(2) == 0) {
        const auto b = next(70);
        claim.span = std::pair<std::size_t, std::size_t>{b, b + 1 + next(20)};
      }
    }
    const auto page = html_of(report);
    INFO("round " << round << ": " << factcheck::report::html_escape(text));
    REQUIRE(count(page, "<mark ") == count(page, "</mark>"));
    marked += count(page, "<mark id=");
    crossing += count(page, "<mark class=");
    REQUIRE_FALSE(factcheck::util::first_invalid_utf8(page));
    REQUIRE(page.find('\x1b') == std::string::npos);
    REQUIRE(page.find('\r') == std::string::npos);
    // Every claim is marked in the text or listed as not found (an empty
    // text is no article: the cards alone).
    for (const auto& claim :
         text.empty() ? std::vector<factcheck::Claim>{} : report.catalogue.claims) {
      REQUIRE((contains(page, "<mark id=\"m-" + claim.id + "\"")
               || contains(page, "<li id=\"u-" + claim.id + "\"")));
    }
  }
  // The rounds did mark quotes, nested, crossing and not.
  CHECK(marked > 500);
  CHECK(crossing > 10);
}
