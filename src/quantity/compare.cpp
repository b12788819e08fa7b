#include <factcheck/quantity/quantity.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace factcheck::quantity {

namespace {

constexpr double k_infinity = std::numeric_limits<double>::infinity();

// Observed values are computed (a change in percent, price times shares), so
// one that is exactly on a decimal boundary often arrives as
// 16.499999999999996. Bounds are moved by this fraction of their magnitude,
// far below any written precision, so that such values count as on the
// boundary.
constexpr double k_relative_slack = 1e-9;

double
slack(double bound)
{
  return std::isfinite(bound) ? k_relative_slack * std::abs(bound) : 0.0;
}

bool
at_least(double observed, double bound)
{
  return observed >= bound - slack(bound);
}

bool
at_most(double observed, double bound)
{
  return observed <= bound + slack(bound);
}

// The decimals needed for a step of `resolution` to show in a figure
// divided by `scale`, and never fewer than `base`.
int
decimals_for(double resolution, double scale, int base)
{
  if (!(resolution > 0) || !std::isfinite(resolution)) {
    return base;
  }
  const double needed = std::ceil(-std::log10(resolution / scale) - 1e-9);
  return std::clamp(static_cast<int>(std::max<double>(base, needed)), 0, 12);
}

// `value` with `decimals` decimals and no sign, trailing zeros dropped down
// to `min_decimals`, then the sign unless the rounded result is zero, so
// that -0.001 never shows as "-0.00".
std::string
signed_fixed(
    double value, int decimals, std::string_view prefix, std::string_view suffix, int min_decimals)
{
  std::string digits = fmt::format("{:.{}f}", std::abs(value), decimals);
  if (const auto dot = digits.find('.'); dot != std::string::npos) {
    const std::size_t keep = dot + 1 + static_cast<std::size_t>(std::max(min_decimals, 0));
    while (digits.size() > keep && digits.back() == '0') {
      digits.pop_back();
    }
    if (digits.back() == '.') {
      digits.pop_back();
    }
  }
  const bool zero = digits.find_first_not_of("0.") == std::string::npos;
  return fmt::format("{}{}{}{}", value < 0 && !zero ? "-" : "", prefix, digits, suffix);
}

// 1234567.891 -> "1,234,567.89"; 16000 -> "16,000"; 1.5 -> "1.5".
std::string
grouped(double value, int decimals = 2, std::size_t min_decimals = 0)
{
  std::string digits = fmt::format("{:.{}f}", std::abs(value), decimals);
  const auto dot = digits.find('.');
  std::string fraction = dot == std::string::npos ? "" : digits.substr(dot + 1);
  while (fraction.size() > min_decimals && fraction.back() == '0') {
    fraction.pop_back();
  }
  if (fraction.find_first_not_of('0') == std::string::npos) {
    fraction.clear(); // whole amounts stay whole: $2, not $2.00
  }
  const std::string integer = digits.substr(0, dot);

  std::string out;
  for (std::size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) {
      out += ',';
    }
    out += integer[i];
  }
  if (!fraction.empty()) {
    out += '.';
    out += fraction;
  }
  const bool zero = out.find_first_not_of("0.,") == std::string::npos;
  return value < 0 && !zero ? "-" + out : out;
}

std::string
money(double value, std::string_view symbol, double resolution)
{
  const double magnitude = std::abs(value);
  static constexpr std::array<std::pair<double, std::string_view>, 3> k_scales{
      {{1e12, "tn"}, {1e9, "bn"}, {1e6, "M"}}};
  for (const auto& [scale, suffix] : k_scales) {
    if (magnitude >= scale) {
      return signed_fixed(value / scale, decimals_for(resolution, scale, 2), symbol, suffix, 0);
    }
  }
  // Cents are written as two digits: $24.20, not $24.2.
  const std::string number = grouped(value, decimals_for(resolution, 1, 2), 2);
  if (number.starts_with('-')) {
    return fmt::format("-{}{}", symbol, number.substr(1));
  }
  return fmt::format("{}{}", symbol, number);
}

} // namespace

Interval
accepted_interval(const Quantity& claimed, const std::optional<Tolerance>& tolerance)
{
  switch (claimed.comparator) {
  case Comparator::gt:
  case Comparator::ge:
    return {claimed.low, k_infinity};
  case Comparator::lt:
    return {-k_infinity, claimed.low};
  case Comparator::as_written:
  case Comparator::approx:
    break;
  }

  if (tolerance) {
    if (tolerance->relative) {
      const double fraction = tolerance->value / 100;
      return {claimed.low - std::abs(claimed.low) * fraction,
              claimed.high + std::abs(claimed.high) * fraction};
    }
    return {claimed.low - tolerance->value, claimed.high + tolerance->value};
  }

  // The written precision is half a unit; an approximate qualifier allows a
  // full one (docs/semantics.md, "Qualifiers").
  const double widening = claimed.comparator == Comparator::approx ? 2.0 : 1.0;
  return {claimed.low - widening * claimed.low_precision,
          claimed.high + widening * claimed.high_precision};
}

bool
satisfies(const Quantity& claimed, const std::optional<Tolerance>& tolerance, double observed)
{
  switch (claimed.comparator) {
  case Comparator::gt:
    return observed > claimed.low + slack(claimed.low);
  case Comparator::lt:
    return observed < claimed.low - slack(claimed.low);
  case Comparator::ge: // accepted_interval is [low, +inf)
  case Comparator::as_written:
  case Comparator::approx:
    break;
  }
  const Interval interval = accepted_interval(claimed, tolerance);
  return at_least(observed, interval.low) && at_most(observed, interval.high);
}

std::string
format_value(double value, Unit unit)
{
  return format_value(value, unit, 0);
}

std::string
format_value(double value, Unit unit, double resolution)
{
  if (!std::isfinite(value)) {
    return fmt::format("{}", value);
  }
  const int plain = decimals_for(resolution, 1, 2);
  switch (unit) {
  case Unit::usd:
    return money(value, "$", resolution);
  case Unit::hkd:
    return money(value, "HK$", resolution);
  case Unit::cny:
    return money(value, "CN¥", resolution);
  case Unit::shares:
    return grouped(value, plain) + " shares";
  case Unit::percent:
    return signed_fixed(value, plain, "", "%", 2);
  case Unit::percentage_points:
    return signed_fixed(value, plain, "", " percentage points", 2);
  case Unit::points:
    return grouped(value, plain) + " points";
  case Unit::days:
    return grouped(value, plain) + " days";
  case Unit::none:
    break;
  }
  return grouped(value, plain);
}

std::string
format_limit(double value, Unit unit)
{
  return format_limit(value, unit, 0);
}

std::string
format_limit(double value, Unit unit, double resolution)
{
  if (unit == Unit::percent && std::isfinite(value)) {
    return signed_fixed(value, decimals_for(resolution, 1, 4), "", "%", 0);
  }
  if (unit == Unit::shares) {
    return grouped(value, decimals_for(resolution, 1, 2));
  }
  return format_value(value, unit, resolution);
}

double
display_resolution(const Quantity& claimed, const std::optional<Tolerance>& tolerance)
{
  const bool bounded =
      claimed.comparator == Comparator::as_written || claimed.comparator == Comparator::approx;
  if (tolerance && bounded) {
    const double step =
        tolerance->relative
            ? std::min(std::abs(claimed.low), std::abs(claimed.high)) * tolerance->value / 100
            : tolerance->value;
    if (step > 0) {
      return step;
    }
  }
  return std::min(claimed.low_precision, claimed.high_precision);
}

double
difference_resolution(double difference, double resolution)
{
  if (difference == 0 || !std::isfinite(difference)) {
    return resolution;
  }
  const double step = std::pow(10.0, std::floor(std::log10(std::abs(difference))));
  return resolution > 0 ? std::min(resolution, step) : step;
}

} // namespace factcheck::quantity
