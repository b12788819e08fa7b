// Corrections of contradicted claims: the templates filled in for each
// family, in Traditional Chinese and English. The observed figures are the
// real ones of the DeepSeek catalogue (fixtures/deepseek-2025-01-27), put
// into verdicts by hand so that each template is tested on its own.
#include <factcheck/catalogue/load.hpp>
#include <factcheck/eval/correction.hpp>

#include <catch2/catch.hpp>

#include <string>

using factcheck::Catalogue;
using factcheck::Verdict;
using factcheck::VerdictKind;
using factcheck::eval::correction_for;

namespace {

// A catalogue of one claim, with the DeepSeek catalogue's header and names.
Catalogue
catalogue(const std::string& claim)
{
  const std::string text =
      "article: {title: t, language: zh-Hant, published: \"2025-01-28\"}\n"
      "subjects:\n"
      "  \"stooq:nvda.us\": {zh-Hant: 輝達, en: NVIDIA}\n"
      "  \"stooq:avgo.us\": {zh-Hant: 博通, en: Broadcom}\n"
      "  \"fred:NASDAQCOM\": {zh-Hant: 納斯達克指數, en: the Nasdaq Composite}\n"
      "  \"wikipedia:DeepSeek\": {zh-Hant: DeepSeek, en: DeepSeek}\n"
      "claims:\n  - id: c\n    quote: q\n    statement: s\n"
      + claim;
  return factcheck::catalogue::parse(text, "test.yaml");
}

Verdict
contradicted(double observed)
{
  Verdict verdict;
  verdict.kind = VerdictKind::contradicted;
  verdict.observed = observed;
  return verdict;
}

} // namespace

TEST_CASE("eval::correction_for: a fall of market value, in both languages", "[eval]")
{
  const auto cat = catalogue("    check: {kind: market_cap_change, series: \"stooq:nvda.us\", "
                             "shares: \"sec:0001045810\", date: 2025-01-27, direction: fall}\n"
                             "    claimed: 逾6000億美元\n");
  // 24,490,000,000 × (118.42 − 142.62) = −592,658,000,000: 5926.58億 → 約5927億.
  const auto fix = correction_for(cat.claims[0], contradicted(-592.658e9), cat);
  REQUIRE(fix);
  CHECK(fix->article_language == "輝達單日市值蒸發約5927億美元,未逾6000億美元");
  CHECK(fix->en == "NVIDIA lost about $592.7bn, not more than $600bn");
}

TEST_CASE("eval::correction_for: only contradicted verdicts have one", "[eval]")
{
  const auto cat = catalogue("    check: {kind: change_pct, series: \"stooq:avgo.us\", "
                             "date: 2025-01-27, direction: fall}\n    claimed: \"14%\"\n");
  auto verdict = contradicted(-17.397);
  verdict.kind = VerdictKind::supported;
  CHECK_FALSE(correction_for(cat.claims[0], verdict, cat));
  verdict.kind = VerdictKind::unverifiable;
  CHECK_FALSE(correction_for(cat.claims[0], verdict, cat));
}

TEST_CASE("eval::correction_for: each family's template", "[eval]")
{
  SECTION("a percent change: (202.13 - 244.70) / 244.70 = -17.40%")
  {
    const auto cat = catalogue("    check: {kind: change_pct, series: \"stooq:avgo.us\", "
                               "date: 2025-01-27, direction: fall}\n    claimed: 8%-15%\n");
    const auto fix = correction_for(cat.claims[0], contradicted(-17.3968), cat);
    REQUIRE(fix);
    CHECK(fix->article_language == "博通下跌17.40%,而非8%至15%");
    CHECK(fix->en == "Broadcom fell 17.40%, not 8% to 15%");
  }
  SECTION("a move the other way")
  {
    const auto cat = catalogue("    check: {kind: change_pct, series: \"stooq:avgo.us\", "
                               "date: 2025-01-27, direction: fall}\n    claimed: \"14%\"\n");
    const auto fix = correction_for(cat.claims[0], contradicted(1.22), cat);
    REQUIRE(fix);
    CHECK(fix->article_language == "博通上漲1.22%,方向與所述相反");
    CHECK(fix->en == "Broadcom rose 1.22%, the opposite of what was claimed");
  }
  SECTION("a volume: 818,830,895 shares is 8.188億, 818.8 million")
  {
    const auto cat = catalogue("    check: {kind: volume, series: \"stooq:nvda.us\", "
                               "date: 2025-01-27}\n    claimed: 3.2億股\n");
    const auto fix = correction_for(cat.claims[0], contradicted(818830895), cat);
    REQUIRE(fix);
    CHECK(fix->article_language == "輝達成交量為約8.188億股,而非3.2億股");
    CHECK(fix->en == "NVIDIA traded about 818.8 million shares, not 320 million shares");
  }
  SECTION("a record: the larger fall's day")
  {
    const auto cat = catalogue("    check: {kind: largest_move_since, series: \"fred:NASDAQCOM\", "
                               "date: 2025-01-27, direction: fall}\n    claimed: \"2022\"\n");
    auto verdict = contradicted(-3.56);
    verdict.observed_date = factcheck::PartialDate{2024, 12, 18};
    const auto fix = correction_for(cat.claims[0], verdict, cat);
    REQUIRE(fix);
    CHECK(fix->article_language
          == "納斯達克指數2024年12月18日的跌幅更大,並非2022年以來最大單日跌幅");
    CHECK(fix->en
          == "The Nasdaq Composite fell more on 18 December 2024: not its largest one-day fall "
             "since 2022");
  }
  SECTION("a date")
  {
    const auto cat = catalogue("    check: {kind: document_date, document: \"wikipedia:DeepSeek\", "
                               "anchor: founded in}\n    claimed: \"2023-03\"\n");
    Verdict verdict;
    verdict.kind = VerdictKind::contradicted;
    verdict.observed_date = factcheck::PartialDate{2023, 7, 0};
    const auto fix = correction_for(cat.claims[0], verdict, cat);
    REQUIRE(fix);
    CHECK(fix->article_language == "DeepSeek:2023年7月,而非2023年3月");
    CHECK(fix->en == "DeepSeek: July 2023, not March 2023");
  }
  SECTION("a list, with no subject named: the default")
  {
    const auto cat = catalogue("    check: {kind: document_list, document: \"arxiv:2412.19437\", "
                               "anchor: trained on, names: [H100 GPUs]}\n    claimed: H100\n");
    Verdict verdict;
    verdict.kind = VerdictKind::contradicted;
    verdict.listed = {"H800 GPUs"};
    verdict.missing = {"H100 GPUs"};
    const auto fix = correction_for(cat.claims[0], verdict, cat);
    REQUIRE(fix);
    CHECK(fix->article_language == "公開紀錄:H800 GPUs,不含H100 GPUs");
    CHECK(fix->en == "The public record: H800 GPUs, not H100 GPUs");
  }
}

TEST_CASE("eval::correction_for: the claim's own subject and correction win", "[eval]")
{
  const auto cat = catalogue("    subject: {zh-Hant: 輝達公司, en: NVIDIA Corp.}\n"
                             "    check: {kind: volume, series: \"stooq:nvda.us\", "
                             "date: 2025-01-27}\n    claimed: 3.2億股\n");
  const auto fix = correction_for(cat.claims[0], contradicted(818830895), cat);
  REQUIRE(fix);
  CHECK(fix->en == "NVIDIA Corp. traded about 818.8 million shares, not 320 million shares");

  const auto own =
      catalogue("    correction: {zh-Hant: 成交量逾8億股, en: over 800 million shares}\n"
                "    check: {kind: volume, series: \"stooq:nvda.us\", "
                "date: 2025-01-27}\n    claimed: 3.2億股\n");
  const auto written = correction_for(own.claims[0], contradicted(818830895), own);
  REQUIRE(written);
  CHECK(written->article_language == "成交量逾8億股");
  CHECK(written->en == "over 800 million shares");
}
