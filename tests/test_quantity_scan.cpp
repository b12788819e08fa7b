// Figures found in running text by the same reader as claimed values, on
// real passages: the DeepSeek-V3 report and the Stargate announcement as
// recorded in fixtures/, Wikipedia's DeepSeek summary, and two lines of the
// seed article (../shared/seed/article.zh-Hant.txt, with its footnote
// markers). One synthetic sentence is marked as such.
#include <factcheck/quantity/quantity.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace quantity = factcheck::quantity;
using quantity::Unit;

namespace {

struct Found
{
  std::string text;
  double value;
  Unit unit;
};

std::vector<Found>
all_figures(std::string_view text, const quantity::ScanOptions& options = {})
{
  std::vector<Found> out;
  std::size_t from = 0;
  while (const auto mention = quantity::find_quantity(text, from, options)) {
    CHECK(mention->begin >= from);
    CHECK(text.substr(mention->begin, mention->end - mention->begin) == mention->quantity.text);
    out.push_back({mention->quantity.text, mention->quantity.low, mention->quantity.unit});
    from = mention->end;
  }
  return out;
}

void
check_figures(std::string_view text, const std::vector<Found>& expected)
{
  INFO(std::string(text));
  const auto found = all_figures(text);
  REQUIRE(found.size() == expected.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    CHECK(found[i].text == expected[i].text);
    CHECK(found[i].value == Approx(expected[i].value).epsilon(1e-12));
    CHECK(found[i].unit == expected[i].unit);
  }
}

} // namespace

TEST_CASE("find_quantity: the DeepSeek-V3 report's figures, not its model names",
          "[quantity][scan]")
{
  check_figures("Assuming the rental price of the H800 GPU is $2 per GPU hour, our total training "
                "costs amount to only $5.576M.",
                {{"$2", 2, Unit::usd}, {"$5.576M", 5.576e6, Unit::usd}});
  check_figures("DeepSeek-V3 is trained on a cluster equipped with 2048 NVIDIA H800 GPUs.",
                {{"2048", 2048, Unit::none}});
  check_figures("We present DeepSeek-V3, a strong Mixture-of-Experts (MoE) language model with "
                "671B total parameters with 37B activated for each token.",
                {{"671B", 671e9, Unit::none}, {"37B", 37e9, Unit::none}});
  check_figures("The Stargate Project is a new company which intends to invest $500 billion over "
                "the next four years",
                {{"$500 billion", 5e11, Unit::usd}, {"four years", 4 * 365.25, Unit::days}});
}

TEST_CASE("find_quantity: a year is a date unless the claim is about years", "[quantity][scan]")
{
  const std::string_view founded = "DeepSeek was founded in July 2023 by High-Flyer co-founder "
                                   "Liang Wenfeng, who also serves as the CEO for both companies.";
  CHECK(all_figures(founded).empty());
  quantity::ScanOptions years;
  years.years = true;
  const auto with_years = all_figures(founded, years);
  REQUIRE(with_years.size() == 1);
  CHECK(with_years[0].value == 2023);

  // Synthetic: the issue's own example of a year read as the figure.
  check_figures("the cost was $5bn in 2024", {{"$5bn", 5e9, Unit::usd}});
  check_figures("on Dec. 18, 2024, 3.2億 shares", {{"3.2億 shares", 3.2e8, Unit::shares}});
}

TEST_CASE("find_quantity: the seed article, with its dates and footnote markers",
          "[quantity][scan]")
{
  // Line 12: the date, 2022年 and the footnote marker ¹ are not figures.
  check_figures("2025年1月27日,這則消息像病毒般在華爾街交易大廳蔓延。當天收盤鐘聲響起時,"
                "美國科技股指數已是一片腥風血雨:輝達(NVIDIA)市值單日蒸發逾6000億美元,"
                "相當於跌掉一整間星巴克的總市值;被視為「AI心臟」的納斯達克指數暴跌3%,"
                "創下2022年以來最大單日跌幅¹。",
                {{"6000億美元", 6e11, Unit::usd}, {"3%", 3, Unit::percent}});
  // Line 23: ²⁶ is a footnote, and the dash between 0.1% and 10% is no sign.
  check_figures("DeepSeek的模型能根據問題類型,自動調用0.1%-10%的參數運算²⁶。",
                {{"0.1%", 0.1, Unit::percent}, {"10%", 10, Unit::percent}});
  // Line 24: a count with its counter.
  check_figures("半年內吸引超過2,000家中國中小企業採用⁷。", {{"2,000家", 2000, Unit::none}});
}

TEST_CASE("find_quantity: reference markers and page numbers are not figures", "[quantity][scan]")
{
  // Synthetic layout around a real sentence of the report.
  check_figures("costs amount to only $5.576M [12].\n5\nNext page",
                {{"$5.576M", 5.576e6, Unit::usd}});
}
