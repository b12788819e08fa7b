// extract::split_clauses and split_sentences: Chinese and English punctuation,
// quotes, bullets, table rows, abbreviations and decimals; spans in code points.
#include <factcheck/extract/extract.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace {

namespace ex = factcheck::extract;

std::vector<std::string>
clauses(const std::string& text)
{
  std::vector<std::string> out;
  for (const auto& c : ex::split_clauses(text)) {
    out.push_back(text.substr(c.begin, c.end - c.begin));
  }
  return out;
}

std::vector<std::string>
sentences(const std::string& text)
{
  std::vector<std::string> out;
  for (const auto& s : ex::split_sentences(text)) {
    out.push_back(text.substr(s.begin, s.end - s.begin));
  }
  return out;
}

} // namespace

TEST_CASE("split_clauses: Chinese punctuation", "[extract]")
{
  struct Case
  {
    std::string text;
    std::vector<std::string> clauses;
  };
  const std::vector<Case> cases = {
      {"輝達股價暴跌17%。納指跌3%！", {"輝達股價暴跌17%", "納指跌3%"}},
      {"輝達股價在1月27日暴跌17%,單日市值蒸發約6000億美元,創下紀錄。",
       {"輝達股價在1月27日暴跌17%", "單日市值蒸發約6000億美元", "創下紀錄"}},
      {"納指暴跌3%，標普500亦下挫1.5%；道指持平？",
       {"納指暴跌3%", "標普500亦下挫1.5%", "道指持平"}},
      {"輝達(NVDA):成交量達3.2億股(平日約8000萬股)",
       {"輝達(NVDA)", "成交量達3.2億股(平日約8000萬股)"}},
      // Nothing inside quotes or brackets splits.
      {"他說:「這就像F1,不是馬力問題。」然後離開。",
       {"他說", "「這就像F1,不是馬力問題。」然後離開"}},
      {"『甲,乙』與(丙,丁)", {"『甲,乙』與(丙,丁)"}},
      // Bullets and list numbers are not part of a clause.
      {"  • 暴跌21%:原計劃延後\n  • 重挫28%", {"暴跌21%", "原計劃延後", "重挫28%"}},
      {"  1. 看透「效率比值」\n  2. 追蹤", {"看透「效率比值」", "追蹤"}},
      {"1.1 公司背景與技術亮點\n第一章:DeepSeek是誰?",
       {"公司背景與技術亮點", "第一章", "DeepSeek是誰"}},
      // Numbers keep their commas; table rows are lines.
      {"美國下載量(次)860,000520,000\n付費轉化率9.2%4.7%",
       {"美國下載量(次)860,000520,000", "付費轉化率9.2%4.7%"}},
      {"", {}},
      {"\n\n  \n", {}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(clauses(c.text) == c.clauses);
  }
}

TEST_CASE("split_sentences: English abbreviations and decimals", "[extract]")
{
  struct Case
  {
    std::string text;
    std::vector<std::string> sentences;
  };
  const std::vector<Case> cases = {
      {"Nvidia fell 16.97% on Jan. 27. The U.S. market slid.",
       {"Nvidia fell 16.97% on Jan. 27.", "The U.S. market slid."}},
      {"Shares of Apple Inc. rose. Mr. Huang spoke.",
       {"Shares of Apple Inc. rose.", "Mr. Huang spoke."}},
      {"It was 3.07 percent. J. Smith said so.", {"It was 3.07 percent.", "J. Smith said so."}},
      {"Is it true? Yes!", {"Is it true?", "Yes!"}},
      {"A headline\nThe text.", {"A headline", "The text."}},
  };
  for (const auto& c : cases) {
    INFO(c.text);
    CHECK(sentences(c.text) == c.sentences);
  }
}

TEST_CASE("split_clauses: heading lines and sentence numbers", "[extract]")
{
  const std::string text = "核能巨頭 Constellation Energy(CEG)\n\n  • 暴跌21%:原計劃延後。\n";
  const auto c = ex::split_clauses(text);
  REQUIRE(c.size() == 3);
  CHECK(c[0].heading_line);
  CHECK_FALSE(c[1].heading_line);
  CHECK(c[1].sentence == c[2].sentence);
  CHECK(c[0].sentence != c[1].sentence);
}

TEST_CASE("code_point_span: counts code points, not bytes", "[extract]")
{
  const std::string text = "輝達ab暴跌17%";
  // 輝達 = 2 code points (6 bytes), "ab" 2, 暴跌 2.
  CHECK(ex::code_point_span(text, 0, 6) == std::pair<std::size_t, std::size_t>{0, 2});
  CHECK(ex::code_point_span(text, 6, 8) == std::pair<std::size_t, std::size_t>{2, 4});
  CHECK(ex::code_point_span(text, 8, text.size()) == std::pair<std::size_t, std::size_t>{4, 9});
}
