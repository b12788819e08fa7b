// extract::find_figures, find_dates, direction_in, the entity table, the
// drafted checks, and a randomised run over arbitrary bytes.
#include <factcheck/catalogue/load.hpp>
#include <factcheck/extract/extract.hpp>
#include <factcheck/util/error.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace {

namespace ex = factcheck::extract;
using factcheck::quantity::Comparator;
using factcheck::quantity::Unit;

std::vector<std::string>
claimed_figures(const std::string& text)
{
  std::vector<std::string> out;
  for (const auto& m : ex::find_figures(text)) {
    out.push_back(m.claimed);
  }
  return out;
}

} // namespace

TEST_CASE("find_figures: each mention form with its qualifier and range", "[extract]")
{
  struct Case
  {
    std::string text;
    std::vector<std::string> claimed;
  };
  const std::vector<Case> cases = {
      {"市值單日蒸發逾6000億美元", {"逾6000億美元"}},
      {"科技企業市值蒸發近6000億美元", {"近6000億美元"}},
      {"單日市值蒸發約6000億美元", {"約6000億美元"}},
      {"員工不到200人", {"不到200人"}},
      {"吸引超過2,000家企業", {"超過2,000家"}},
      {"亦重挫8%-15%", {"8%-15%"}},
      {"單日暴跌20%至30%", {"20%至30%"}},
      {"跌幅-8%至-15%", {"-8%至-15%"}},
      {"成交量達3.2億股", {"3.2億股"}},
      {"(平日約8000萬股)", {"約8000萬股"}},
      {"暴跌百分之十七", {"百分之十七"}},
      {"投入兩千億", {"兩千億"}},
      {"每秒運算量達10²⁰次", {"10²⁰次"}},
      {"只需2,000顆晶片", {"2,000顆"}},
      {"動輒1.6萬顆的需求", {"1.6萬顆"}},
      {"只用560萬美元", {"560萬美元"}},
      {"花費560萬美元(約4.3億港元)完成訓練", {"560萬美元", "約4.3億港元"}},
      {"聲稱僅耗時約兩個月", {"約兩個月"}},
      {"三成企業", {"三成"}},
      {"利率升3個百分點", {"3個百分點"}},
      {"道指跌200點", {"200點"}},
      {"成本不到美國同業的1%", {"不到1%"}},
      {"Nvidia lost more than $590 billion", {"more than $590 billion"}},
      {"nearly 30% and about 200 million shares", {"nearly 30%", "about 200 million shares"}},
      {"fell 20% to 30% on Monday", {"20% to 30%"}},
      {"below $100", {"below $100"}},
      {"under 5%", {"under 5%"}},
      // A fraction is one mention (left for review: the catalogue reads none).
      {"能耗僅為同規格模型的1/50³", {"1/50"}},
      // Not figures: footnotes, years, model names, ordinals, vague and small word counts.
      {"創下紀錄¹⁷。第二章", {}},
      {"2025年的H800與DeepSeek-V3", {}},
      {"數百億美元", {}},
      {"三個關鍵指標與兩張王牌", {}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(claimed_figures(c.text) == c.claimed);
  }
}

TEST_CASE("find_figures: values, units and comparators", "[extract]")
{
  const auto figures = ex::find_figures("蒸發逾6000億美元,重挫8%-15%,約8000萬股");
  REQUIRE(figures.size() == 3);
  CHECK(figures[0].quantity.comparator == Comparator::gt);
  CHECK(figures[0].quantity.unit == Unit::usd);
  CHECK(figures[0].quantity.low == Approx(6e11));
  CHECK(figures[1].quantity.is_range);
  CHECK(figures[1].quantity.low == Approx(8));
  CHECK(figures[1].quantity.high == Approx(15));
  CHECK(figures[2].quantity.comparator == Comparator::approx);
  CHECK(figures[2].quantity.unit == Unit::shares);
  // Masked spans (an entity's name) are never read.
  const std::string text = "標普500指數亦下挫1.5%";
  const auto masked = ex::find_figures(text, {{0, std::string("標普500指數").size()}});
  REQUIRE(masked.size() == 1);
  CHECK(masked[0].claimed == "1.5%");
}

TEST_CASE("find_dates: written, inferred, relative and vague dates", "[extract]")
{
  const factcheck::DateContext context{factcheck::parse_date("2025-01-28")};
  struct Case
  {
    std::string text;
    std::string date; // format_partial_date of the first date found
    bool vague;
  };
  const std::vector<Case> cases = {
      {"2025年1月27日,這則消息", "2025-01-27", false},
      {"輝達股價在1月27日暴跌17%", "2025-01-27", false},
      {"2023年3月,梁文鋒成立這家公司", "2023-03", false},
      {"2024年聖誕節,DeepSeek推出", "2024-12-25", true},
      {"2025年1月初,App登頂", "2025-01", true},
      {"當天收盤", "2025-01-28", false},
      {"周一收盤", "2025-01-27", false},
      {"On Monday Nvidia fell", "2025-01-27", false},
      {"Monday, Jan. 27, 2025", "2025-01-27", false},
      {"in January 2025", "2025-01", false},
      {"創下2022年以來最大單日跌幅", "2022", false},
      {"its biggest drop since 2022", "2022", false},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto dates = ex::find_dates(c.text, context);
    REQUIRE_FALSE(dates.empty());
    CHECK(factcheck::format_partial_date(dates.front().date.date) == c.date);
    CHECK(dates.front().date.vague == c.vague);
  }
  CHECK(ex::find_dates("周年慶與H800晶片", context).empty());
  CHECK(ex::find_dates("May rise", context).empty());
}

TEST_CASE("direction_in: fall and rise words", "[extract]")
{
  using ex::Direction;
  struct Case
  {
    std::string window;
    Direction direction;
  };
  const std::vector<Case> cases = {
      {"股價暴跌", Direction::fall},
      {"重挫", Direction::fall},
      {"亦下挫", Direction::fall},
      {"市值蒸發", Direction::fall},
      {"預測下修", Direction::fall},
      {"資金流出", Direction::fall},
      {"Nvidia fell", Direction::fall},
      {"Nvidia lost", Direction::fall},
      {"shares slid", Direction::fall},
      {"Arista shed", Direction::fall},
      {"Vistra sank", Direction::fall},
      {"股價上漲", Direction::rise},
      {"股价涨", Direction::rise},
      {"指數反彈", Direction::rise},
      {"升", Direction::rise},
      {"Apple gained", Direction::rise},
      {"Nvidia rose", Direction::rise},
      {"rebounded", Direction::rise},
      {"jumped", Direction::rise},
      {"持平", Direction::none},
      {"shelf", Direction::none},
      {"Falling" /* any case */, Direction::fall},
      // The word nearest the figure wins.
      {"昨天上漲,今天暴跌", Direction::fall},
      {"fell on Monday and rebounded", Direction::rise},
  };
  for (const auto& c : cases) {
    INFO(c.window);
    CHECK(ex::direction_in(c.window) == c.direction);
  }
}

TEST_CASE("EntityTable: aliases in all three scripts", "[extract]")
{
  const auto& table = ex::EntityTable::builtin();
  struct Case
  {
    std::string text;
    std::string id;
    std::string series;
  };
  const std::vector<Case> cases = {
      {"輝達股價", "nvda", "stooq:nvda.us"},
      {"英伟达股价", "nvda", "stooq:nvda.us"},
      {"Nvidia shares", "nvda", "stooq:nvda.us"},
      {"NVIDIA", "nvda", "stooq:nvda.us"},
      {"博通(AVGO)", "avgo", "stooq:avgo.us"},
      {"Micron lost", "mu", "stooq:mu.us"},
      {"美光", "mu", "stooq:mu.us"},
      {"台積電", "tsm", "stooq:tsm.us"},
      {"台积电", "tsm", "stooq:tsm.us"},
      {"微軟", "msft", "stooq:msft.us"},
      {"微软", "msft", "stooq:msft.us"},
      {"Constellation Energy(CEG)", "ceg", "stooq:ceg.us"},
      {"Vistra(VST)", "vst", "stooq:vst.us"},
      {"Vertiv", "vrt", "stooq:vrt.us"},
      {"Arista Networks", "anet", "stooq:anet.us"},
      {"納斯達克指數", "nasdaq", "fred:NASDAQCOM"},
      {"纳斯达克指数", "nasdaq", "fred:NASDAQCOM"},
      {"the Nasdaq Composite", "nasdaq", "fred:NASDAQCOM"},
      {"標普500指數", "sp500", "fred:SP500"},
      {"标普500指数", "sp500", "fred:SP500"},
      {"S&P 500", "sp500", "fred:SP500"},
      {"恐慌指數", "vix", "fred:VIXCLS"},
      {"VIX", "vix", "fred:VIXCLS"},
      {"半導體ETF(SOXX)", "soxx", "stooq:soxx.us"},
      // Longest alias first: the Nasdaq-100 is not the Composite.
      {"納斯達克100指數", "nasdaq-100", ""},
      {"DeepSeek560萬美元", "deepseek", ""},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto found = table.find(c.text);
    REQUIRE_FALSE(found.empty());
    CHECK(found.front().entity->id == c.id);
    CHECK(found.front().entity->series == c.series);
  }
  const auto nvda = table.find("輝達");
  CHECK(nvda.front().entity->shares == "sec:0001045810");
  CHECK(nvda.front().entity->ticker == "NVDA");
  // ASCII aliases match whole words, as written.
  CHECK(table.find("metadata and Metaverse").empty());
  CHECK(table.find("VIXEN").empty());
}

TEST_CASE("EntityTable::parse: mistakes name the entry", "[extract]")
{
  CHECK_THROWS_WITH(ex::EntityTable::parse("- name: X\n  aliases: [X]\n"),
                    Catch::Contains("has no \"id\""));
  CHECK_THROWS_WITH(ex::EntityTable::parse("- id: x\n  name: X\n"),
                    Catch::Contains("has no aliases"));
  CHECK_THROWS_WITH(ex::EntityTable::parse("- id: x\n  name: X\n  aliases: [X]\n  documents:\n"
                                           "    - {about: price, document: d, anchor: a}\n"),
                    Catch::Contains("not founded or figure"));
  const auto table = ex::EntityTable::parse("- id: acme\n  name: Acme\n  aliases: [Acme, 阿克米]\n"
                                            "  series: \"stooq:acme.us\"\n");
  REQUIRE(table.entities().size() == 1);
  CHECK(table.find("阿克米股價").front().entity->id == "acme");
}

TEST_CASE("extract: checks from the words, and review where they are unclear", "[extract]")
{
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  struct Case
  {
    std::string text;
    std::string kind; // of the first claim
    std::string claimed;
    bool review;
  };
  const std::vector<Case> cases = {
      {"1月27日,輝達股價暴跌17%。", "change_pct", "17%", false},
      {"1月27日,輝達市值蒸發逾6000億美元。", "market_cap_change", "逾6000億美元", false},
      {"1月27日,輝達成交量達3.2億股。", "volume", "3.2億股", false},
      {"1月27日,輝達成交量大,平日約8000萬股。", "average_volume", "約8000萬股", false},
      {"1月27日,納斯達克指數下跌612點。", "change", "612", false},
      {"1月27日,輝達市值跌破3萬億美元。", "market_cap", "below 3萬億美元", false},
      {"On Jan. 27, 2025, Nvidia's market value fell below $3 trillion.",
       "market_cap",
       "below $3 trillion",
       false},
      {"1月27日,輝達收於118.42美元。", "close", "118.42美元", false},
      {"1月27日,輝達報118.42美元。", "close", "118.42美元", false},
      {"1月27日,輝達股價下跌24.2美元。", "change", "24.2", false},
      {"On Jan. 27, 2025, Nvidia fell $24.20.", "change", "24.20", false},
      {"On Jan. 27, 2025, the VIX jumped to 22.9.", "close", "22.9", false},
      {"On Jan. 27, 2025, Nvidia fell to $118.42.", "close", "$118.42", false},
      {"1月27日,納斯達克指數暴跌3%,創下2022年以來最大單日跌幅。", "change_pct", "3%", false},
      {"DeepSeek成立於2023年。", "document_date", "2023", false},
      // Unclear: no direction, a level, no subject, a subject without data.
      {"1月27日,輝達股價為17%。", "unverifiable", "17%", true},
      {"做空比例激增至42%。", "unverifiable", "42%", true},
      {"全球AI晶片需求可能驟降70%。", "unverifiable", "70%", true},
      {"博通市值蒸發2000億美元。", "unverifiable", "2000億美元", true},
      {"能耗僅為DeepSeek模型的1/50。", "unverifiable", "", true},
      // The subject of an event is named before its verb, not quoted after it.
      {"DeepSeek很新。2023年3月,梁文鋒成立這家公司時,外界只當是「想複製ChatGPT」。",
       "unverifiable",
       "2023-03",
       true},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const auto draft = ex::extract(c.text, ex::EntityTable::builtin(), options);
    REQUIRE_FALSE(draft.claims.empty());
    const auto& claim = draft.claims.front();
    CHECK(claim.check.front().second == c.kind);
    CHECK(claim.claimed == c.claimed);
    CHECK(claim.needs_review == c.review);
    if (c.review) {
      CHECK(claim.review_reason.starts_with("needs review: "));
    }
    // Every draft loads.
    CHECK_NOTHROW(factcheck::catalogue::parse(ex::to_yaml(draft, options), "draft.yaml"));
  }
  const auto since = ex::extract("1月27日,納斯達克指數暴跌3%,創下2022年以來最大單日跌幅。",
                                 ex::EntityTable::builtin(),
                                 options);
  REQUIRE(since.claims.size() == 2);
  CHECK(since.claims[1].check.front().second == "largest_move_since");
  CHECK(since.claims[1].claimed == "2022");
  // English: the date runs over a comma, and the record comes before the year.
  const auto english =
      ex::extract("On Jan. 27, 2025, the Nasdaq Composite slid 3.1%, its biggest drop since 2022.",
                  ex::EntityTable::builtin(),
                  options);
  REQUIRE(english.claims.size() == 2);
  CHECK(english.claims[0].check[2] == std::pair<std::string, std::string>{"date", "2025-01-27"});
  CHECK(english.claims[1].check.front().second == "largest_move_since");
  CHECK(english.claims[1].check[2] == std::pair<std::string, std::string>{"date", "2025-01-27"});
  CHECK(english.claims[1].check[3] == std::pair<std::string, std::string>{"direction", "fall"});
}

TEST_CASE("extract: ids are unique and stable, spans in code points", "[extract]")
{
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  const std::string text = "標題\n1月27日,輝達股價暴跌17%。輝達股價暴跌17%。";
  const auto a = ex::extract(text, ex::EntityTable::builtin(), options);
  const auto b = ex::extract(text, ex::EntityTable::builtin(), options);
  REQUIRE(a.claims.size() == 2);
  CHECK(a.claims[0].id == "nvda-fell-17pct");
  CHECK(a.claims[1].id == "nvda-fell-17pct-2");
  CHECK(ex::to_yaml(a, options) == ex::to_yaml(b, options));
  CHECK(a.title == "標題");
  // "標題\n" is 3 code points, "1月27日," 6 more.
  CHECK(a.claims[0].span_begin == 9);
  CHECK(a.claims[0].quote == "輝達股價暴跌17%");
  CHECK(a.claims[0].span_end == 9 + 9);
}

TEST_CASE("extract: review keys as claim keys or in tags and note", "[extract]")
{
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  const auto draft = ex::extract("做空比例激增至42%。", ex::EntityTable::builtin(), options);
  const auto plain = ex::to_yaml(draft, options);
  CHECK(plain.find("tags: [draft, needs-review]") != std::string::npos);
  CHECK(plain.find("drafted: needs_review; span 0-10 (code points)") != std::string::npos);
  options.review_keys = true;
  const auto keyed = ex::to_yaml(draft, options);
  CHECK(keyed.find("    span: [0, 10]\n") != std::string::npos);
  CHECK(keyed.find("    drafted: needs_review\n") != std::string::npos);
  CHECK(keyed.find("    needs_review: true\n") != std::string::npos);
  const auto json = ex::to_json(draft, options);
  CHECK(json.find("\"needs_review\": true") != std::string::npos);
}

TEST_CASE("extract: arbitrary bytes never crash, hang or produce an invalid draft",
          "[extract][random]")
{
  // Fixed seed: the same run every time. Pieces of real text, punctuation
  // and broken UTF-8, shuffled; plus raw random bytes.
  std::mt19937 random(20250127);
  const std::vector<std::string> pieces = {
      "輝達",       "股價",       "暴跌",   "17%",     "逾",
      "6000億美元", "8%-15%",     "至",     "1月27日", "當天",
      "。",         "，",         ",",      ":",       "「",
      "」",         "(",          ")",      "\n",      "  • ",
      "1. ",        "2022年以來", "最大",   "Nvidia",  " fell ",
      "$",          "3.2億股",    "平日",   "約",      "10²⁰",
      "¹⁷",         "Jan. ",      "U.S.",   "-",       "\xE8\xBC",
      "\xFF",       "\x80",       "市值",   "蒸發",    "成立",
      "DeepSeek",   "2023年3月",  "聖誕節", "點",      "收於",
      "since ",     "2022",       "\0",     "\t",      "$590 billion",
      "sheds",      "24.2美元",   "下跌",   " to ",    "至",
      "VIX",        "標普500",    "points", "shares",  "biggest",
      "1/50",       "跌破",       "報",     "同業",    "Jan. 27, 2025",
      "Nvidia ",    "輝達股價"};
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  for (int round = 0; round < 1500; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 60);
    for (int i = 0; i < length; ++i) {
      if (random() % 5 == 0) {
        text += static_cast<char>(random() % 256);
      } else {
        text += pieces[random() % pieces.size()];
      }
    }
    INFO("round " << round);
    const auto draft = ex::extract(text, ex::EntityTable::builtin(), options);
    for (const auto& claim : draft.claims) {
      CHECK(claim.span_begin <= claim.span_end);
    }
    const auto yaml = ex::to_yaml(draft, options);
    CHECK_NOTHROW(factcheck::catalogue::parse(yaml, "draft.yaml"));
    CHECK_NOTHROW(ex::to_json(draft, options));
  }
}

TEST_CASE("extract: a long run of raw random bytes is drafted quickly and loads",
          "[extract][random]")
{
  // 256 KiB of bytes from a fixed seed: overlong forms (C1 81), surrogates
  // (ED A0 80) and stray continuation bytes among them. Spans were once
  // counted from the start for each claim, quadratic in the text.
  std::mt19937 random(7);
  std::string text(256 * 1024, '\0');
  for (auto& c : text) {
    c = static_cast<char>(random() % 256);
  }
  text += "\xC1\x81\xED\xA0\x80\xF4\x90\x80\x80 輝達股價暴跌17%。";
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  const auto draft = ex::extract(text, ex::EntityTable::builtin(), options);
  REQUIRE_FALSE(draft.claims.empty());
  CHECK(draft.claims.back().claimed == "17%");
  CHECK_NOTHROW(factcheck::catalogue::parse(ex::to_yaml(draft, options), "draft.yaml"));
  CHECK_NOTHROW(factcheck::catalogue::parse(ex::to_json(draft, options), "draft.json"));
}

TEST_CASE("extract: one enormous sentence with thousands of repeats stays linear",
          "[extract][random]")
{
  // 8000 repeats of dated, named figures with no sentence stop: ids, dates
  // and subjects were once found by scanning everything for each figure,
  // which took four minutes; now under a second. No clock is read here (a
  // loaded machine makes any bound flaky): a return to the quadratic scan
  // shows as this test running into ctest's timeout.
  std::string text = "t\n";
  for (int i = 0; i < 8000; ++i) {
    text += "2024年12月,DeepSeek推出模型,1月27日,輝達股價暴跌17%,Nvidia fell 3%, Jan. 27, 2025 ";
  }
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  const auto draft = ex::extract(text, ex::EntityTable::builtin(), options);
  CHECK(draft.claims.size() >= 16000);
  CHECK(draft.claims.back().id == "nvda-fell-3pct-8000");
}
