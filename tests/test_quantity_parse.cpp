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
using quantity::Unit;

namespace {

// Tight enough to tell 5e6 from 5.01e6, loose enough for decimal-to-binary
// rounding.
Approx
close_to(double value)
{
  return Approx(value).epsilon(1e-12).margin(0);
}

quantity::Quantity
parse_ok(std::string_view text)
{
  const auto result = quantity::parse(text);
  INFO("parsing " << std::string(text) << ": " << (result ? std::string("ok") : result.error()));
  REQUIRE(result.has_value());
  return *result;
}

struct ValueCase
{
  std::string_view text;
  double value;
  Unit unit;
};

void
check_single_values(std::span<const ValueCase> cases)
{
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto q = parse_ok(c.text);
    CHECK_FALSE(q.is_range);
    CHECK(q.low == close_to(c.value));
    CHECK(q.high == close_to(c.value));
    CHECK(q.unit == c.unit);
  }
}

} // namespace

TEST_CASE("quantity::parse: every figure form the catalogue uses reads", "[quantity]")
{
  const auto cases = std::to_array<ValueCase>({
      // Percentages and signs.
      {"-17%", -17, Unit::percent},
      {"17%", 17, Unit::percent},
      {"−3%", -3, Unit::percent},
      {"+3%", 3, Unit::percent},
      {"不到1%", 1, Unit::percent},
      {"about 3%", 3, Unit::percent},
      // Money.
      {"逾6000億美元", 6e11, Unit::usd},
      {"近6000億美元", 6e11, Unit::usd},
      {"約6000億美元", 6e11, Unit::usd},
      {"5000億美元", 5e11, Unit::usd},
      {"560萬美元", 5.6e6, Unit::usd},
      {"$5.6 million", 5.6e6, Unit::usd},
      {"$5.6M", 5.6e6, Unit::usd},
      {"more than $600 billion", 6e11, Unit::usd},
      {"US$500 billion", 5e11, Unit::usd},
      {"4.3億港元", 4.3e8, Unit::hkd},
      {"2億人民幣", 2e8, Unit::cny},
      // Shares and counts.
      {"3.2億股", 3.2e8, Unit::shares},
      {"8000萬股", 8e7, Unit::shares},
      {"16,000", 16000, Unit::none},
      {"2,000", 2000, Unit::none},
      {"超過2,000家", 2000, Unit::none},
      {"1.6萬", 16000, Unit::none},
      {"160萬次", 1.6e6, Unit::none},
      {"十多萬", 1e5, Unit::none},
      {"300億", 3e10, Unit::none},
      {"1.8兆", 1.8e12, Unit::none},
      {"nearly 600 billion", 6e11, Unit::none},
      // Simplified characters.
      {"约6000亿美元", 6e11, Unit::usd},
      {"超过2,000家", 2000, Unit::none},
      {"少于1%", 1, Unit::percent},
      {"200余人", 200, Unit::none},
      {"1.6万", 16000, Unit::none},
      {"5亿人民币", 5e8, Unit::cny},
      // Spaces around the figure.
      {"  17%  ", 17, Unit::percent},
  });
  check_single_values(cases);
}

TEST_CASE("quantity::parse: 萬/万, 億/亿 and 兆 scale the number", "[quantity]")
{
  const auto cases = std::to_array<ValueCase>({
      {"5萬", 5e4, Unit::none},
      {"5万", 5e4, Unit::none},
      {"5億", 5e8, Unit::none},
      {"5亿", 5e8, Unit::none},
      {"5兆", 5e12, Unit::none},
      {"3千", 3e3, Unit::none},
      {"3千萬", 3e7, Unit::none},
      {"1.25億", 1.25e8, Unit::none},
      {"5 萬", 5e4, Unit::none},
  });
  check_single_values(cases);
}

TEST_CASE("quantity::parse: English scale words and suffixes scale the number", "[quantity]")
{
  const auto cases = std::to_array<ValueCase>({
      {"3 thousand", 3e3, Unit::none},
      {"3 million", 3e6, Unit::none},
      {"3 billion", 3e9, Unit::none},
      {"3 trillion", 3e12, Unit::none},
      {"3 Billion", 3e9, Unit::none},
      {"3million", 3e6, Unit::none},
      {"3k", 3e3, Unit::none},
      {"3K", 3e3, Unit::none},
      {"3M", 3e6, Unit::none},
      {"3B", 3e9, Unit::none},
      {"3bn", 3e9, Unit::none},
      {"3T", 3e12, Unit::none},
      {"3tn", 3e12, Unit::none},
      {"$1.5bn", 1.5e9, Unit::usd},
      {"1.5k shares", 1.5e3, Unit::shares},
  });
  check_single_values(cases);
}

TEST_CASE("quantity::parse: currency marks, % and counters set the unit", "[quantity]")
{
  const auto cases = std::to_array<ValueCase>({
      // Currencies, before or after the number.
      {"$5", 5, Unit::usd},
      {"US$5", 5, Unit::usd},
      {"USD 5", 5, Unit::usd},
      {"5 USD", 5, Unit::usd},
      {"5美元", 5, Unit::usd},
      {"5 dollars", 5, Unit::usd},
      {"HK$5", 5, Unit::hkd},
      {"5港元", 5, Unit::hkd},
      {"5港幣", 5, Unit::hkd},
      {"5港币", 5, Unit::hkd},
      {"5人民幣", 5, Unit::cny},
      {"5人民币", 5, Unit::cny},
      {"5元", 5, Unit::cny},
      {"5億元", 5e8, Unit::cny},
      {"RMB 5", 5, Unit::cny},
      {"CNY5", 5, Unit::cny},
      {"CN¥5", 5, Unit::cny},
      // Shares and percentages.
      {"5股", 5, Unit::shares},
      {"5 shares", 5, Unit::shares},
      {"5%", 5, Unit::percent},
      {"5％", 5, Unit::percent},
      // Counters and bare numbers are plain counts.
      {"5顆", 5, Unit::none},
      {"5颗", 5, Unit::none},
      {"5次", 5, Unit::none},
      {"5家", 5, Unit::none},
      {"5人", 5, Unit::none},
      {"5名", 5, Unit::none},
      {"5個", 5, Unit::none},
      {"5个", 5, Unit::none},
      {"5", 5, Unit::none},
  });
  check_single_values(cases);
}

TEST_CASE("quantity::parse: qualifiers before the number set the comparator", "[quantity]")
{
  struct Case
  {
    std::string_view text;
    Comparator comparator;
  };
  const auto cases = std::to_array<Case>({
      // gt
      {"逾5", Comparator::gt},
      {"超過5", Comparator::gt},
      {"超过5", Comparator::gt},
      {"more than 5", Comparator::gt},
      {"More  Than 5", Comparator::gt},
      {"over 5", Comparator::gt},
      {"above 5", Comparator::gt},
      // lt
      {"不到5", Comparator::lt},
      {"少於5", Comparator::lt},
      {"少于5", Comparator::lt},
      {"less than 5", Comparator::lt},
      {"under 5", Comparator::lt},
      {"below 5", Comparator::lt},
      // approx
      {"約5", Comparator::approx},
      {"约5", Comparator::approx},
      {"近5", Comparator::approx},
      {"大約5", Comparator::approx},
      {"大约5", Comparator::approx},
      {"接近5", Comparator::approx},
      {"about 5", Comparator::approx},
      {"nearly 5", Comparator::approx},
      {"approximately 5", Comparator::approx},
      {"roughly 5", Comparator::approx},
      {"around 5", Comparator::approx},
      {"almost 5", Comparator::approx},
      // ge, from 多/余/餘 after the number
      {"十多萬", Comparator::ge},
      {"1萬多", Comparator::ge},
      {"200余人", Comparator::ge},
      {"200餘人", Comparator::ge},
      {"兩千多", Comparator::ge},
      // as_written
      {"5", Comparator::as_written},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto q = parse_ok(c.text);
    CHECK(q.comparator == c.comparator);
  }
}

TEST_CASE("quantity::parse: 多/余/餘 keep the number they follow as the base", "[quantity]")
{
  const auto cases = std::to_array<ValueCase>({
      {"十多萬", 1e5, Unit::none},
      {"1萬多", 1e4, Unit::none},
      {"200余人", 200, Unit::none},
      {"200餘人", 200, Unit::none},
      {"30多億美元", 3e9, Unit::usd},
  });
  check_single_values(cases);
}

TEST_CASE("quantity::parse: Chinese numerals with 十百千", "[quantity]")
{
  const auto cases = std::to_array<ValueCase>({
      {"十", 10, Unit::none},
      {"十二", 12, Unit::none},
      {"二十", 20, Unit::none},
      {"兩千", 2000, Unit::none},
      {"两千", 2000, Unit::none},
      {"一百零五", 105, Unit::none},
      {"三千五百萬", 3.5e7, Unit::none},
      {"九億", 9e8, Unit::none},
      {"〇", 0, Unit::none},
      {"兩萬人", 2e4, Unit::none},
  });
  check_single_values(cases);
}

TEST_CASE("quantity::parse: precision is half a unit of the last written digit", "[quantity]")
{
  struct Case
  {
    std::string_view text;
    double precision;
  };
  const auto cases = std::to_array<Case>({
      {"17%", 0.5},
      {"1.46%", 0.005},
      {"3.2億", 0.05e8},
      {"3.2億股", 0.05e8},
      // Integers of three or more digits: trailing zeros are not significant.
      {"560萬", 5e4},
      {"6000億", 5e10},
      {"逾6000億美元", 5e10},
      {"8000萬", 5e6},
      {"16,000", 500},
      {"2,000", 500},
      {"612", 0.5},
      {"600", 50},
      // Percentages and one- or two-digit numbers: every digit counts.
      {"20%", 0.5},
      {"100%", 0.5},
      {"1000%", 0.5},
      {"40", 0.5},
      {"2", 0.5},
      {"10萬", 5e3},
      {"十多萬", 5e3},
      // Every written decimal counts, trailing zeros included.
      {"5.60", 0.005},
      {"5.0", 0.05},
      {"$5.6 million", 0.05e6},
      {"$5.6M", 0.05e6},
      {"1.8兆", 0.05e12},
      {"兩千", 500},
      {"1.6萬", 500},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto q = parse_ok(c.text);
    CHECK(q.low_precision == close_to(c.precision));
    CHECK(q.high_precision == close_to(c.precision));
  }
}

TEST_CASE("quantity::parse: a sign is kept and the precision stays unsigned", "[quantity]")
{
  struct Case
  {
    std::string_view text;
    int sign;
    double value;
  };
  const auto cases = std::to_array<Case>({
      {"-17%", -1, -17},
      {"−17%", -1, -17},
      {"+17%", 1, 17},
      {"17%", 0, 17},
      {"-$5.6M", -1, -5.6e6},
      {"約-3%", -1, -3},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto q = parse_ok(c.text);
    CHECK(q.sign == c.sign);
    CHECK(q.low == close_to(c.value));
    CHECK(q.high == close_to(c.value));
    CHECK(q.low_precision > 0);
  }
}

TEST_CASE("quantity::parse: ranges take any separator and share a trailing unit", "[quantity]")
{
  struct Case
  {
    std::string_view text;
    double low;
    double high;
    Unit unit;
    double low_precision;
    double high_precision;
  };
  const auto cases = std::to_array<Case>({
      {"8%-15%", 8, 15, Unit::percent, 0.5, 0.5},
      {"20%-30%", 20, 30, Unit::percent, 0.5, 0.5},
      {"20%至30%", 20, 30, Unit::percent, 0.5, 0.5},
      {"20%到30%", 20, 30, Unit::percent, 0.5, 0.5},
      {"20% to 30%", 20, 30, Unit::percent, 0.5, 0.5},
      {"20%–30%", 20, 30, Unit::percent, 0.5, 0.5},
      {"20%—30%", 20, 30, Unit::percent, 0.5, 0.5},
      {"20%~30%", 20, 30, Unit::percent, 0.5, 0.5},
      {"8-15%", 8, 15, Unit::percent, 0.5, 0.5},
      {"1.5%-2%", 1.5, 2, Unit::percent, 0.05, 0.5},
      {"3至5萬人", 3e4, 5e4, Unit::none, 5e3, 5e3},
      {"$5-6 million", 5e6, 6e6, Unit::usd, 5e5, 5e5},
      {"100-250", 100, 250, Unit::none, 50, 5},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto q = parse_ok(c.text);
    CHECK(q.is_range);
    CHECK(q.sign == 0);
    CHECK(q.low == close_to(c.low));
    CHECK(q.high == close_to(c.high));
    CHECK(q.unit == c.unit);
    CHECK(q.low_precision == close_to(c.low_precision));
    CHECK(q.high_precision == close_to(c.high_precision));
  }

  const auto approx = parse_ok("約8%-15%");
  CHECK(approx.is_range);
  CHECK(approx.comparator == Comparator::approx);
}

TEST_CASE("quantity::parse: keeps the claim exactly as written", "[quantity]")
{
  CHECK(parse_ok("逾6000億美元").text == "逾6000億美元");
  CHECK(parse_ok(" $5.6 million ").text == " $5.6 million ");
}

TEST_CASE("quantity::parse: what cannot be read is an error that names it", "[quantity]")
{
  struct Case
  {
    std::string_view text;
    std::string_view message_part;
  };
  const auto cases = std::to_array<Case>({
      {"", R"(expected a number in "")"},
      {"   ", "expected a number"},
      {"逾", R"(expected a number in "逾")"},
      {"abc", R"(expected a number at "abc" in "abc")"},
      {"€5", R"(expected a number at "€5")"},
      {"5xyz", R"(unrecognised text "xyz" after the number in "5xyz")"},
      {"17% of GDP", R"(unrecognised text "of GDP" after the number)"},
      {"overall 5", R"(expected a number at "overall 5")"},
      {"1,6000", R"(unrecognised text ",6000")"},
      {"二三", R"(unrecognised text "三")"},
      {"-8%-15%", R"(write "8%-15%" with "direction: fall" on the check)"},
      {"+8%-15%", R"(write "8%-15%" with "direction: rise" on the check)"},
      {"8%--15%", "a sign on the second end of a range only"},
      {"-1% to +2%", "a range whose ends have different signs"},
      {"15%-8%", "a range must run from low to high"},
      {"8%-8%", "a range must run from low to high"},
      {"逾8%-15%", "a range cannot be qualified as gt"},
      {"十多至二十萬", "a range cannot be qualified as ge"},
      {"逾十多萬", "two qualifiers"},
      {"$5港元", "conflicting units"},
      {"5%-6美元", "conflicting units"},
      {"8%-", R"(expected a number in "8%-")"},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto result = quantity::parse(c.text);
    REQUIRE_FALSE(result.has_value());
    CHECK_THAT(result.error(), Catch::Matchers::Contains(std::string(c.message_part)));
  }
}

TEST_CASE("quantity::parse_tolerance: absolute, relative and scaled", "[quantity]")
{
  struct Case
  {
    std::string_view text;
    bool relative;
    double value;
  };
  const auto cases = std::to_array<Case>({
      {"0.5", false, 0.5},
      {"5%", true, 5},
      {"50億", false, 5e9},
      {"$10 billion", false, 1e10},
      {"±0.5", false, 0.5},
      {"+/- 2%", true, 2},
      {"0", false, 0},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.text));
    const auto tolerance = quantity::parse_tolerance(c.text);
    REQUIRE(tolerance.has_value());
    CHECK(tolerance->relative == c.relative);
    CHECK(tolerance->value == close_to(c.value));
  }
}

TEST_CASE("quantity::parse_tolerance: rejects qualified, ranged, negative and "
          "unreadable tolerances",
          "[quantity]")
{
  const auto cases = std::to_array<std::string_view>(
      {"", "約5%", "逾5", "十多萬", "1-2", "-0.5", "lots", "5 apples"});
  for (const auto text : cases) {
    INFO(std::string(text));
    const auto tolerance = quantity::parse_tolerance(text);
    CHECK_FALSE(tolerance.has_value());
  }
}

TEST_CASE("quantity::to_string: names every comparator and unit", "[quantity]")
{
  CHECK(quantity::to_string(Comparator::as_written) == "as_written");
  CHECK(quantity::to_string(Comparator::approx) == "approx");
  CHECK(quantity::to_string(Comparator::gt) == "gt");
  CHECK(quantity::to_string(Comparator::lt) == "lt");
  CHECK(quantity::to_string(Comparator::ge) == "ge");
  CHECK(quantity::to_string(Unit::none) == "none");
  CHECK(quantity::to_string(Unit::percent) == "percent");
  CHECK(quantity::to_string(Unit::usd) == "usd");
  CHECK(quantity::to_string(Unit::hkd) == "hkd");
  CHECK(quantity::to_string(Unit::cny) == "cny");
  CHECK(quantity::to_string(Unit::shares) == "shares");
}

TEST_CASE("quantity::parse: random text is read or refused, never misread", "[quantity]")
{
  // Synthetic strings (fixed seed) glued from the parser's own vocabulary:
  // digits, separators, Chinese numerals and scales, units, comparators and
  // a few bytes that are not UTF-8. Whatever is accepted must be a finite,
  // ordered interval with a non-negative precision; the rest is an error
  // message, not an exception or a crash.
  const std::array<std::string_view, 40> pieces{
      "0",    "1",    "7",  "9",  ".",        ",",        "-",    "+",    "%",    "$",
      "HK$",  "US$",  "萬", "万", "億",       "亿",       "兆",   "千",   "百",   "十",
      "一",   "兩",   "三", "逾", "近",       "約",       "超過", "不到", "至",   "~",
      "美元", "港元", "股", "倍", " million", " billion", "M",    "B",    "\xff", "\xe5\x84"};
  std::mt19937 random(17);
  int accepted = 0;
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    const int length = 1 + static_cast<int>(random() % 7);
    for (int i = 0; i < length; ++i) {
      text += pieces[random() % pieces.size()];
    }
    const auto result = quantity::parse(text);
    if (!result) {
      CHECK_FALSE(result.error().empty());
      continue;
    }
    ++accepted;
    INFO("accepted \"" << text << "\"");
    CHECK(std::isfinite(result->low));
    CHECK(std::isfinite(result->high));
    CHECK(result->low <= result->high);
    CHECK(result->low_precision >= 0);
    CHECK(result->high_precision >= 0);
    CHECK(result->text == text);
  }
  CHECK(accepted > 50); // the vocabulary does make real figures
}
