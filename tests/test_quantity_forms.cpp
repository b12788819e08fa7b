// Every way of writing a figure that the quantity issue lists, each pinned
// with what it must read as: value, unit, comparator, sign and precision.
// The expected numbers are worked out by hand from the written form (a month
// is 30.44 days, a year 365.25), not copied from the parser's output.
#include <factcheck/quantity/quantity.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <random>
#include <span>
#include <string>
#include <string_view>

namespace quantity = factcheck::quantity;
using quantity::Comparator;
using quantity::Span;
using quantity::Unit;

namespace {

Approx
close_to(double value)
{
  return Approx(value).epsilon(1e-12).margin(1e-12);
}

struct Form
{
  std::string_view text;
  Comparator comparator;
  int sign;
  double low;
  double high;
  double precision; // of the low end (and the high end unless given)
  Unit unit;
  Span span = Span::none;
  double high_precision = -1;
};

void
check_forms(std::span<const Form> forms)
{
  for (const auto& f : forms) {
    INFO(std::string(f.text));
    const auto q = quantity::parse(f.text);
    INFO((q ? std::string("ok") : q.error()));
    REQUIRE(q.has_value());
    CHECK(q->comparator == f.comparator);
    CHECK(q->sign == f.sign);
    CHECK(q->low == close_to(f.low));
    CHECK(q->high == close_to(f.high));
    CHECK(q->is_range == (f.low != f.high));
    CHECK(q->low_precision == close_to(f.precision));
    CHECK(q->high_precision == close_to(f.high_precision < 0 ? f.precision : f.high_precision));
    CHECK(q->unit == f.unit);
    CHECK(q->span == f.span);
    CHECK(q->text == f.text);
  }
}

constexpr auto as_written = Comparator::as_written;
constexpr auto approx = Comparator::approx;
constexpr auto gt = Comparator::gt;
constexpr auto lt = Comparator::lt;
constexpr auto ge = Comparator::ge;

} // namespace

TEST_CASE("quantity forms: a shortened last digit is scaled, not added", "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"一百五", as_written, 0, 150, 150, 5, Unit::none},
      {"一百零五", as_written, 0, 105, 105, 0.5, Unit::none},
      {"九百九", as_written, 0, 990, 990, 5, Unit::none},
      {"一千三", as_written, 0, 1300, 1300, 50, Unit::none},
      {"千三", as_written, 0, 1300, 1300, 50, Unit::none},
      {"兩千四百五", as_written, 0, 2450, 2450, 5, Unit::none},
      {"三千五萬股", as_written, 0, 3.5e7, 3.5e7, 5e5, Unit::shares},
      {"約一百二美元", approx, 0, 120, 120, 5, Unit::usd},
      {"一萬三", as_written, 0, 13000, 13000, 500, Unit::none},
      {"一億五", as_written, 0, 1.5e8, 1.5e8, 5e6, Unit::none},
  });
  check_forms(forms);
  // 約一百二美元 on NVIDIA's $118.42 close: 110 to 130 dollars.
  const auto q = quantity::parse("約一百二美元");
  REQUIRE(q);
  CHECK(quantity::satisfies(*q, std::nullopt, 118.42));
}

TEST_CASE("quantity forms: Chinese numerals in every shape", "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"兩千億", as_written, 0, 2e11, 2e11, 5e10, Unit::none},
      {"六千億", as_written, 0, 6e11, 6e11, 5e10, Unit::none},
      {"十多萬", ge, 0, 1e5, 1e5, 5e3, Unit::none},
      {"壹佰伍拾", as_written, 0, 150, 150, 5, Unit::none},
      {"陸", as_written, 0, 6, 6, 0.5, Unit::none},
      {"貳", as_written, 0, 2, 2, 0.5, Unit::none},
      {"一萬五千億", as_written, 0, 1.5e12, 1.5e12, 5e10, Unit::none},
      {"3萬4000", as_written, 0, 34000, 34000, 500, Unit::none},
      {"四萬五千六百二十二", as_written, 0, 45622, 45622, 0.5, Unit::none},
      {"五億零六", as_written, 0, 500000006, 500000006, 0.5, Unit::none},
      {"九萬零四百", as_written, 0, 90400, 90400, 50, Unit::none},
      {"一億二千萬", as_written, 0, 1.2e8, 1.2e8, 5e6, Unit::none},
      {"負三十二", as_written, -1, -32, -32, 0.5, Unit::none},
      {"负3%", as_written, -1, -3, -3, 0.5, Unit::percent},
      {"十五點七", as_written, 0, 15.7, 15.7, 0.05, Unit::none},
      {"十五點七五億", as_written, 0, 1.575e9, 1.575e9, 5e5, Unit::none},
      {"三成", as_written, 0, 30, 30, 5, Unit::percent},
      {"三成五", as_written, 0, 35, 35, 0.5, Unit::percent},
      {"二十幾萬", ge, 0, 2e5, 2e5, 5e3, Unit::none},
      {"一百 五 十", as_written, 0, 150, 150, 5, Unit::none},
      {"兩萬人", as_written, 0, 2e4, 2e4, 5e3, Unit::none},
  });
  check_forms(forms);
}

TEST_CASE("quantity forms: the words percent, points and percentage points", "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"1.74 percent", as_written, 0, 1.74, 1.74, 0.005, Unit::percent},
      {"over -17 percent", gt, -1, -17, -17, 0.5, Unit::percent},
      {"1.22 percent to 1.24 percent", as_written, 0, 1.22, 1.24, 0.005, Unit::percent},
      {"3 per cent", as_written, 0, 3, 3, 0.5, Unit::percent},
      {"3pc", as_written, 0, 3, 3, 0.5, Unit::percent},
      {"百分之十七", as_written, 0, 17, 17, 0.5, Unit::percent},
      {"+百分之八", as_written, 1, 8, 8, 0.5, Unit::percent},
      {"少於百分之二十", lt, 0, 20, 20, 0.5, Unit::percent},
      {"百分之17", as_written, 0, 17, 17, 0.5, Unit::percent},
      {"百分之八至十五", as_written, 0, 8, 15, 0.5, Unit::percent},
      {"千分之五", as_written, 0, 0.5, 0.5, 0.05, Unit::percent},
      {".5%", as_written, 0, 0.5, 0.5, 0.05, Unit::percent},
      {"200點", as_written, 0, 200, 200, 50, Unit::points},
      {"逾1000点", gt, 0, 1000, 1000, 500, Unit::points},
      {"16,300 points", as_written, 0, 16300, 16300, 50, Unit::points},
      {"under 15.6 points", lt, 0, 15.6, 15.6, 0.05, Unit::points},
      {"612 pts", as_written, 0, 612, 612, 0.5, Unit::points},
      {"3個百分點", as_written, 0, 3, 3, 0.5, Unit::percentage_points},
      {"0.25个百分点", as_written, 0, 0.25, 0.25, 0.005, Unit::percentage_points},
      {"3 percentage points", as_written, 0, 3, 3, 0.5, Unit::percentage_points},
      {"2 pp", as_written, 0, 2, 2, 0.5, Unit::percentage_points},
  });
  check_forms(forms);
}

TEST_CASE("quantity forms: money, including a change in money", "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"$0.21", as_written, 0, 0.21, 0.21, 0.005, Unit::usd},
      {"大约+1.55美元", approx, 1, 1.55, 1.55, 0.005, Unit::usd},
      {"less than -24.74 dollars", lt, -1, -24.74, -24.74, 0.005, Unit::usd},
      {"$-0.21", as_written, -1, -0.21, -0.21, 0.005, Unit::usd},
      {"US$410.924", as_written, 0, 410.924, 410.924, 0.0005, Unit::usd},
      {"2.5 M", as_written, 0, 2.5e6, 2.5e6, 5e4, Unit::none},
      {"3 bn", as_written, 0, 3e9, 3e9, 5e8, Unit::none},
      {"$3 bn", as_written, 0, 3e9, 3e9, 5e8, Unit::usd},
      {"100億美元左右", approx, 0, 1e10, 1e10, 5e9, Unit::usd},
      {"约4.3亿港元", approx, 0, 4.3e8, 4.3e8, 5e6, Unit::hkd},
  });
  check_forms(forms);
}

TEST_CASE("quantity forms: full-width digits and signs", "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"３％", as_written, 0, 3, 3, 0.5, Unit::percent},
      {"－３％", as_written, -1, -3, -3, 0.5, Unit::percent},
      {"１２，０００", as_written, 0, 12000, 12000, 500, Unit::none},
      {"＋１．５％", as_written, 1, 1.5, 1.5, 0.05, Unit::percent},
  });
  check_forms(forms);
}

TEST_CASE("quantity forms: signed ranges that read one way", "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"-3.371%--3.363%", as_written, -1, -3.371, -3.363, 0.0005, Unit::percent},
      {"+1.1% to +1.5%", as_written, 1, 1.1, 1.5, 0.05, Unit::percent},
      {"-(0.72%-0.79%)", as_written, -1, -0.79, -0.72, 0.005, Unit::percent},
      // Written from the smaller fall: the precisions follow their ends.
      {"-8%至-15.5%", as_written, -1, -15.5, -8, 0.05, Unit::percent, Span::none, 0.5},
  });
  check_forms(forms);
}

TEST_CASE("quantity forms: spans of time are in days, keeping the span written",
          "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"about two months", approx, 0, 60.88, 60.88, 15.22, Unit::days, Span::months},
      {"約兩個月", approx, 0, 60.88, 60.88, 15.22, Unit::days, Span::months},
      {"2個月", as_written, 0, 60.88, 60.88, 15.22, Unit::days, Span::months},
      {"56 days", as_written, 0, 56, 56, 0.5, Unit::days, Span::days},
      {"不到兩個月", lt, 0, 60.88, 60.88, 15.22, Unit::days, Span::months},
      {"six months", as_written, 0, 182.64, 182.64, 15.22, Unit::days, Span::months},
      {"一個半月", as_written, 0, 45.66, 45.66, 7.61, Unit::days, Span::months},
      {"兩個多月", ge, 0, 60.88, 60.88, 15.22, Unit::days, Span::months},
      {"半年", as_written, 0, 182.625, 182.625, 91.3125, Unit::days, Span::years},
      {"兩年半", as_written, 0, 913.125, 913.125, 91.3125, Unit::days, Span::years},
      {"3 weeks", as_written, 0, 21, 21, 3.5, Unit::days, Span::weeks},
  });
  check_forms(forms);
}

TEST_CASE("quantity forms: number words and powers of ten", "[quantity][forms]")
{
  const auto forms = std::to_array<Form>({
      {"two thousand", as_written, 0, 2000, 2000, 500, Unit::none},
      {"twenty-one", as_written, 0, 21, 21, 0.5, Unit::none},
      {"two hundred fifty", as_written, 0, 250, 250, 5, Unit::none},
      {"10²⁰", as_written, 0, 1e20, 1e20, 5e19, Unit::none},
      {"at least 200", ge, 0, 200, 200, 50, Unit::none},
      {"200人以上", ge, 0, 200, 200, 50, Unit::none},
  });
  check_forms(forms);
}

TEST_CASE("quantity forms: refusals say how to write it", "[quantity][forms]")
{
  struct Case
  {
    std::string_view text;
    std::string_view message_part;
  };
  const auto cases = std::to_array<Case>({
      {"-8%-15%",
       R"(reads two ways (-8% to -15%, or -8% to +15%): write "8%-15%" with )"
       R"("direction: fall" on the check, or sign both ends: "-8% to -15%")"},
      {"3 precent", R"(did you mean "3 percent"?)"},
      {"5 milion dollars", R"(did you mean "5 million dollars"?)"},
      {"mroe than 5", R"(did you mean "more than 5"?)"},
      {"¥5", "write CN¥, RMB or 元"},
      {"3萬40000", "the part after the scale word is too large"},
      {"-(1%-2%", "expected \")\" to close the bracket"},
      {"17% of GDP", R"(unrecognised text "of GDP")"},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto result = quantity::parse(c.text);
    REQUIRE_FALSE(result.has_value());
    CHECK_THAT(result.error(), Catch::Matchers::Contains(std::string(c.message_part)));
  }
}

TEST_CASE("quantity display: an interval never reads as a point, a difference never as 0",
          "[quantity][display]")
{
  // US$410.924 is written to a thousandth: ±0.0005.
  const auto q = quantity::parse("US$410.924");
  REQUIRE(q);
  const double resolution = quantity::display_resolution(*q, std::nullopt);
  const auto interval = quantity::accepted_interval(*q, std::nullopt);
  CHECK(quantity::format_limit(interval.low, Unit::usd, resolution) == "$410.9235");
  CHECK(quantity::format_limit(interval.high, Unit::usd, resolution) == "$410.9245");
  // An observed $410.92 is 0.0035 below the interval.
  const double off = interval.low - 410.92;
  CHECK(quantity::format_value(off, Unit::usd, quantity::difference_resolution(off, resolution))
        == "$0.0035");
  // $100.45 observed as $100.43: two cents below $100.445.
  const auto p = quantity::parse("$100.45");
  REQUIRE(p);
  const double p_res = quantity::display_resolution(*p, std::nullopt);
  CHECK(quantity::format_limit(quantity::accepted_interval(*p, std::nullopt).low, Unit::usd, p_res)
        == "$100.445");
  const double p_off = 100.445 - 100.43;
  CHECK(quantity::format_value(p_off, Unit::usd, quantity::difference_resolution(p_off, p_res))
        == "$0.015");
  // The usual digits where nothing more is needed.
  CHECK(quantity::format_value(-16.968, Unit::percent, 0.5) == "-16.97%");
  CHECK(quantity::format_value(592.658e9, Unit::usd, 5e10) == "$592.66bn");
  CHECK(quantity::format_limit(550e9, Unit::usd, 5e10) == "$550bn");
  // Finer claims get their digits: -3.371% is ±0.0005.
  CHECK(quantity::format_limit(-3.3715, Unit::percent, 0.0005) == "-3.3715%");
  CHECK(quantity::format_value(-3.36712, Unit::percent, 0.0005) == "-3.3671%");
  // Relative tolerances resolve to their step.
  const auto t = quantity::parse("$5.6M");
  REQUIRE(t);
  CHECK(quantity::display_resolution(*t, quantity::Tolerance{true, 1}) == close_to(56000));
}

TEST_CASE("quantity::to_text spells each form so that it reads back the same",
          "[quantity][display]")
{
  const auto cases = std::to_array<std::pair<std::string_view, std::string_view>>({
      {"逾6000億美元", "more than 600000000000 USD"},
      {"十多萬", "at least 10萬"},
      {"三成", "3成"},
      {"-8%至-15%", "-8% to -15%"},
      {"約兩個月", "about 2 months"},
      {"一個半月", "1個半月"},
      {"3.2億股", "320000000 shares"},
      {"US$410.924", "410.924 USD"},
      // Found by fuzz_quantity: a bare first end would take the second's
      // scale when read back, so it is given one of its own.
      {"5-60T", "5兆 to 60兆"},
  });
  for (const auto& [text, spelled] : cases) {
    INFO(std::string(text));
    const auto q = quantity::parse(text);
    REQUIRE(q);
    CHECK(quantity::to_text(*q) == spelled);
  }
}

TEST_CASE("quantity: any accepted figure prints back with its precision", "[quantity][property]")
{
  // Synthetic strings (fixed seed) glued from the reader's own vocabulary.
  // Whatever it accepts, to_text must spell so that reading the spelling
  // gives the same quantity: the printed form loses no precision.
  const std::array<std::string_view, 48> pieces{
      "0",       "1",        "5",        "9",    ".",  ",",    "-",  "+",      "%",      "$",
      "萬",      "億",       "兆",       "千",   "百", "十",   "一", "兩",     "三",     "五",
      "零",      "點",       "成",       "幾",   "多", "逾",   "約", "不到",   "至",     " to ",
      "美元",    "港元",     "股",       "個月", "年", "天",   "半", "個半月", "百分之", " percent",
      " points", "個百分點", " million", " bn",  "兆", "左右", "(",  ")"};
  std::mt19937 random(29);
  int accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 6);
    for (int i = 0; i < length; ++i) {
      text += pieces[random() % pieces.size()];
    }
    const auto q = quantity::parse(text);
    if (!q) {
      continue;
    }
    ++accepted;
    const std::string spelled = quantity::to_text(*q);
    INFO("accepted \"" << text << "\", spelled \"" << spelled << "\"");
    const auto back = quantity::parse(spelled);
    INFO((back ? std::string("ok") : back.error()));
    REQUIRE(back.has_value());
    CHECK(back->comparator == q->comparator);
    CHECK(back->sign == q->sign);
    CHECK(back->unit == q->unit);
    CHECK(back->span == q->span);
    CHECK(back->is_range == q->is_range);
    CHECK(back->low == Approx(q->low).epsilon(1e-9));
    CHECK(back->high == Approx(q->high).epsilon(1e-9));
    CHECK(back->low_precision == Approx(q->low_precision).epsilon(1e-9));
    CHECK(back->high_precision == Approx(q->high_precision).epsilon(1e-9));
  }
  CHECK(accepted > 500);
}
