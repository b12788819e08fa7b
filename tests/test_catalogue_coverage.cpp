// Every statement of fact in the DeepSeek article has a claim: each sentence
// of ../shared/seed/article.zh-Hant.txt that holds a figure or a date is
// covered by a claim's quote, or listed below with the reason it is not a
// claim. Runs where ../shared is present (CI); skipped in users' clones.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace {

// Figures and dates in the article that are not statements of fact to check,
// each a substring of its sentence, with why.
const std::vector<std::pair<std::string, std::string>> k_skipped{
    {"2025年1月27日,這則消息像病毒般在華爾街交易大廳蔓延",
     "the date of the events, checked by every market claim dated 2025-01-27"},
    {"1月27日的暴跌絕非偶然", "the date of the events, as above"},
    {"並教你用三個關鍵指標看懂AI投資趨勢", "no figure: the article's own outline"},
    {"2.1 輝達的「史詩級崩盤」", "a section number"},
    {"2.2 能源股的「蝴蝶效應」", "a section number"},
    {"2.2 能源與基建股的連鎖反應", "a section number"},
    {"1.1 公司背景與技術亮點", "a section number"},
    {"1.2 市場表現:下載量超車ChatGPT", "a section number"},
    {"3.1 成本優勢顛覆商業模式", "a section number"},
    {"3.2 地緣政治的技術突圍", "a section number"},
    {"3.3 市場估值過高的修正壓力", "a section number"},
    {"4.1 質疑派:技術真實性待驗證", "a section number"},
    {"4.2 樂觀派:效率革命的開端", "a section number"},
    {"5.1 美國政策反應", "a section number"},
    {"5.2 中國AI產業的機遇與挑戰", "a section number"},
    {"焦點1:燒錢模式遭質疑", "a heading number"},
    {"焦點2:地緣科技戰變數", "a heading number"},
    {"1. 看透「效率比值」", "a list number in the article's advice"},
    {"2. 追蹤「地緣技術流」", "a list number in the article's advice"},
    {"3. 善用「對沖工具」", "a list number in the article's advice"},
    {"公司單次模型訓練成本訓練時間模型參數", "a table header"},
    {"指標DeepSeek FinanceChatGPT", "a table header"},
};

bool
has_figure(const std::string& sentence)
{
  for (const char c : sentence) {
    if (c >= '0' && c <= '9') {
      return true;
    }
  }
  return false;
}

// Sentences: split at 。！？ and line breaks.
std::vector<std::string>
sentences(const std::string& text)
{
  std::vector<std::string> out;
  std::string current;
  const auto flush = [&] {
    const auto first = current.find_first_not_of(" \t");
    if (first != std::string::npos) {
      out.push_back(current.substr(first));
    }
    current.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      flush();
      continue;
    }
    current += text[i];
    for (const std::string_view end : {"。", "！", "？"}) {
      if (current.ends_with(end)) {
        flush();
        break;
      }
    }
  }
  flush();
  return out;
}

} // namespace

TEST_CASE("catalogue: every sentence of the article with a figure or date has a claim",
          "[coverage]")
{
  const std::string path = FACTCHECK_SHARED_DIR "/seed/article.zh-Hant.txt";
  if (!std::filesystem::exists(path)) {
    SUCCEED("../shared absent: skipped");
    return;
  }
  const auto article = factcheck::test::read_file(path);
  const auto catalogue = factcheck::catalogue::load(std::string(FACTCHECK_SOURCE_DIR)
                                                    + "/claims/deepseek-2025-01-27.yaml");

  for (const auto& claim : catalogue.claims) {
    INFO(claim.id);
    CHECK(article.find(claim.quote) != std::string::npos);
  }
  for (const auto& [part, reason] : k_skipped) {
    INFO(part);
    CHECK(article.find(part) != std::string::npos);
  }

  for (const auto& sentence : sentences(article)) {
    if (!has_figure(sentence)) {
      continue;
    }
    bool covered = false;
    for (const auto& claim : catalogue.claims) {
      covered = covered || sentence.find(claim.quote) != std::string::npos
                || claim.quote.find(sentence) != std::string::npos;
    }
    for (const auto& [part, reason] : k_skipped) {
      covered = covered || sentence.find(part) != std::string::npos;
    }
    INFO(sentence);
    CHECK(covered);
  }
}
