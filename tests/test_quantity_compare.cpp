#include <factcheck/quantity/quantity.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace quantity = factcheck::quantity;
using quantity::Tolerance;
using quantity::Unit;

namespace {

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

constexpr double k_infinity = std::numeric_limits<double>::infinity();

struct IntervalCase
{
  std::string_view claimed;
  std::optional<Tolerance> tolerance;
  double low;
  double high;
};

void
check_intervals(std::span<const IntervalCase> cases)
{
  for (const auto& c : cases) {
    INFO(std::string(c.claimed));
    const auto interval = quantity::accepted_interval(parse_ok(c.claimed), c.tolerance);
    CHECK(interval.low == close_to(c.low));
    CHECK(interval.high == close_to(c.high));
  }
}

struct SatisfiesCase
{
  std::string_view claimed;
  std::optional<Tolerance> tolerance;
  double observed;
  bool expected;
};

void
check_satisfies(std::span<const SatisfiesCase> cases)
{
  for (const auto& c : cases) {
    INFO(std::string(c.claimed) << " observed " << c.observed);
    CHECK(quantity::satisfies(parse_ok(c.claimed), c.tolerance, c.observed) == c.expected);
  }
}

} // namespace

TEST_CASE("quantity::accepted_interval: as written is ± the written precision", "[quantity]")
{
  const auto cases = std::to_array<IntervalCase>({
      {"17%", std::nullopt, 16.5, 17.5},
      {"-17%", std::nullopt, -17.5, -16.5},
      {"1.46%", std::nullopt, 1.455, 1.465},
      {"3.2億股", std::nullopt, 3.15e8, 3.25e8},
      {"560萬", std::nullopt, 5.55e6, 5.65e6},
      {"6000億美元", std::nullopt, 5.5e11, 6.5e11},
      {"16,000", std::nullopt, 15500, 16500},
      {"612", std::nullopt, 611.5, 612.5},
      {"100%", std::nullopt, 99.5, 100.5},
      {"$5.6 million", std::nullopt, 5.55e6, 5.65e6},
  });
  check_intervals(cases);
}

TEST_CASE("quantity::accepted_interval: an approximate qualifier widens to a "
          "full unit",
          "[quantity]")
{
  const auto cases = std::to_array<IntervalCase>({
      {"約6000億美元", std::nullopt, 5e11, 7e11},
      {"近6000億美元", std::nullopt, 5e11, 7e11},
      {"about 3%", std::nullopt, 2, 4},
      {"nearly 1.46%", std::nullopt, 1.45, 1.47},
      {"约3.2亿股", std::nullopt, 3.1e8, 3.3e8},
  });
  check_intervals(cases);
}

TEST_CASE("quantity::accepted_interval: a range widens each end by its own "
          "precision",
          "[quantity]")
{
  const auto cases = std::to_array<IntervalCase>({
      {"8%-15%", std::nullopt, 7.5, 15.5},
      {"1.5%-2%", std::nullopt, 1.45, 2.5},
      {"約8%-15%", std::nullopt, 7, 16},
      {"100-250", std::nullopt, 50, 255},
  });
  check_intervals(cases);
}

TEST_CASE("quantity::accepted_interval: an explicit tolerance replaces the "
          "precision",
          "[quantity]")
{
  const auto cases = std::to_array<IntervalCase>({
      {"17%", Tolerance{false, 2}, 15, 19},
      {"6000億美元", Tolerance{false, 1e10}, 5.9e11, 6.1e11},
      {"6000億美元", Tolerance{true, 5}, 5.7e11, 6.3e11},
      {"-17%", Tolerance{true, 10}, -18.7, -15.3},
      {"8%-15%", Tolerance{true, 10}, 7.2, 16.5},
      // The tolerance wins over the approximate qualifier's full unit too.
      {"約17%", Tolerance{false, 0.1}, 16.9, 17.1},
      {"17%", Tolerance{false, 0}, 17, 17},
  });
  check_intervals(cases);
}

TEST_CASE("quantity::accepted_interval: gt, ge and lt are open-ended", "[quantity]")
{
  const auto cases = std::to_array<IntervalCase>({
      {"逾6000億美元", std::nullopt, 6e11, k_infinity},
      {"逾6000億美元", Tolerance{false, 1e10}, 6e11, k_infinity},
      {"十多萬", std::nullopt, 1e5, k_infinity},
      {"不到1%", std::nullopt, -k_infinity, 1},
  });
  for (const auto& c : cases) {
    INFO(std::string(c.claimed));
    const auto interval = quantity::accepted_interval(parse_ok(c.claimed), c.tolerance);
    CHECK(interval.low == c.low);
    CHECK(interval.high == c.high);
  }
}

TEST_CASE("quantity::satisfies: the edge of the accepted interval is inside, "
          "just past it is not",
          "[quantity]")
{
  const auto cases = std::to_array<SatisfiesCase>({
      {"17%", std::nullopt, 17, true},
      {"17%", std::nullopt, 16.5, true},
      {"17%", std::nullopt, 17.5, true},
      {"17%", std::nullopt, 16.4999, false},
      {"17%", std::nullopt, 17.5001, false},
      {"-17%", std::nullopt, -16.968, true},
      {"-17%", std::nullopt, -16.5, true},
      {"-17%", std::nullopt, -16.4999, false},
      {"-17%", std::nullopt, 17, false},
      {"1.46%", std::nullopt, 1.455, true},
      {"1.46%", std::nullopt, 1.465, true},
      {"1.46%", std::nullopt, 1.4549, false},
      {"1.46%", std::nullopt, 1.4651, false},
      {"3.2億股", std::nullopt, 3.15e8, true},
      {"3.2億股", std::nullopt, 3.1499e8, false},
      {"6000億美元", std::nullopt, 5.5e11, true},
      {"6000億美元", std::nullopt, 5.499e11, false},
      {"16,000", std::nullopt, 16500, true},
      {"16,000", std::nullopt, 16501, false},
      {"612", std::nullopt, 611.5, true},
      {"612", std::nullopt, 611.4, false},
      {"40", std::nullopt, 40.5, true},
      {"40", std::nullopt, 40.6, false},
      {"約6000億美元", std::nullopt, 5e11, true},
      {"約6000億美元", std::nullopt, 7e11, true},
      {"約6000億美元", std::nullopt, 4.999e11, false},
      {"約6000億美元", std::nullopt, 7.001e11, false},
      {"近6000億美元", std::nullopt, 592.658e9, true},
      {"8%-15%", std::nullopt, 7.5, true},
      {"8%-15%", std::nullopt, 11, true},
      {"8%-15%", std::nullopt, 15.5, true},
      {"8%-15%", std::nullopt, 7.49, false},
      {"8%-15%", std::nullopt, 15.51, false},
      {"約8%-15%", std::nullopt, 7, true},
      {"約8%-15%", std::nullopt, 6.99, false},
      {"17%", Tolerance{false, 2}, 15, true},
      {"17%", Tolerance{false, 2}, 14.99, false},
      {"6000億美元", Tolerance{true, 5}, 5.7e11, true},
      {"6000億美元", Tolerance{true, 5}, 5.69e11, false},
  });
  check_satisfies(cases);
}

TEST_CASE("quantity::satisfies: a value a rounding error past the edge counts "
          "as on it",
          "[quantity]")
{
  // A change computed from prices lands a rounding error above 17.5.
  const double observed = (117.5 / 100.0 - 1.0) * 100.0;
  REQUIRE(observed > 17.5);
  CHECK(quantity::satisfies(parse_ok("17%"), std::nullopt, observed));
  CHECK_FALSE(quantity::satisfies(parse_ok("17%"), std::nullopt, 17.50001));
}

TEST_CASE("quantity::satisfies: 逾 is a strict greater-than", "[quantity]")
{
  const auto cases = std::to_array<SatisfiesCase>({
      {"逾6000億美元", std::nullopt, 592.658e9, false},
      {"逾6000億美元", std::nullopt, 6e11, false},
      {"逾6000億美元", std::nullopt, 6e11 * (1 + 1e-15), false},
      {"逾6000億美元", std::nullopt, 6.001e11, true},
      {"more than $600 billion", std::nullopt, 6.001e11, true},
      {"超過2,000家", std::nullopt, 2000, false},
      {"超過2,000家", std::nullopt, 2001, true},
      // No tolerance: the written precision of 6000億 does not apply either.
      {"逾6000億美元", Tolerance{false, 1e11}, 5.9e11, false},
      {"逾6000億美元", Tolerance{true, 10}, 5.9e11, false},
  });
  check_satisfies(cases);
}

TEST_CASE("quantity::satisfies: 不到 is a strict less-than", "[quantity]")
{
  const auto cases = std::to_array<SatisfiesCase>({
      {"不到1%", std::nullopt, 1, false},
      {"不到1%", std::nullopt, 1.01, false},
      {"不到1%", std::nullopt, 0.99, true},
      {"不到1%", std::nullopt, -3, true},
      {"不到1%", Tolerance{false, 0.5}, 1.2, false},
      {"less than 5", std::nullopt, 5, false},
      {"less than 5", std::nullopt, 4.9, true},
  });
  check_satisfies(cases);
}

TEST_CASE("quantity::satisfies: 多 is an inclusive at-least", "[quantity]")
{
  const auto cases = std::to_array<SatisfiesCase>({
      {"十多萬", std::nullopt, 1e5, true},
      {"十多萬", std::nullopt, 1.6e6, true},
      {"十多萬", std::nullopt, 99999, false},
      {"200余人", std::nullopt, 200, true},
      {"200余人", std::nullopt, 199, false},
  });
  check_satisfies(cases);
}

TEST_CASE("quantity::satisfies: NaN satisfies nothing", "[quantity]")
{
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const auto claims =
      std::to_array<std::string_view>({"17%", "約17%", "逾17%", "不到17%", "十多萬", "8%-15%"});
  for (const auto claimed : claims) {
    INFO(std::string(claimed));
    CHECK_FALSE(quantity::satisfies(parse_ok(claimed), std::nullopt, nan));
  }
}

TEST_CASE("quantity::format_value: renders each unit", "[quantity]")
{
  struct Case
  {
    double value;
    Unit unit;
    std::string_view expected;
  };
  const auto cases = std::to_array<Case>({
      {592.658e9, Unit::usd, "$592.66bn"},
      {-592.658e9, Unit::usd, "-$592.66bn"},
      {1.8e12, Unit::usd, "$1.8tn"},
      {5.6e6, Unit::usd, "$5.6M"},
      {142.62, Unit::usd, "$142.62"},
      {1234.5, Unit::usd, "$1,234.50"},
      {-20, Unit::usd, "-$20"},
      {4.3e8, Unit::hkd, "HK$430M"},
      {2e9, Unit::cny, "CN¥2bn"},
      {818830895, Unit::shares, "818,830,895 shares"},
      {-16.968, Unit::percent, "-16.97%"},
      {3, Unit::percent, "3.00%"},
      {-0.001, Unit::percent, "0.00%"},
      {16000, Unit::none, "16,000"},
      {1234567.891, Unit::none, "1,234,567.89"},
      {1.5, Unit::none, "1.5"},
      {999, Unit::none, "999"},
      {-2000, Unit::none, "-2,000"},
      {0, Unit::none, "0"},
      {-0.001, Unit::none, "0"},
      {15999.999, Unit::none, "16,000"},
  });
  for (const auto& c : cases) {
    INFO(c.value << " " << std::string(quantity::to_string(c.unit)));
    CHECK(quantity::format_value(c.value, c.unit) == c.expected);
  }
}

TEST_CASE("quantity::format_limit: limits drop trailing zeros and the shares word", "[quantity]")
{
  CHECK(quantity::format_limit(16.5, Unit::percent) == "16.5%");
  CHECK(quantity::format_limit(1.45, Unit::percent) == "1.45%");
  CHECK(quantity::format_limit(7.5, Unit::percent) == "7.5%");
  CHECK(quantity::format_limit(600e9, Unit::usd) == "$600bn");
  CHECK(quantity::format_limit(315e6, Unit::shares) == "315,000,000");
  CHECK(quantity::format_limit(15500, Unit::none) == "15,500");
}
