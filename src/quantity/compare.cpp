#include <factcheck/quantity/quantity.hpp>

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

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

// `value` with `decimals` decimals and no sign, then the sign unless the
// rounded result is zero, so that -0.001 never shows as "-0.00".
std::string
signed_fixed(double value,
             int decimals,
             std::string_view prefix,
             std::string_view suffix,
             bool trim_zeros = false)
{
  std::string digits = fmt::format("{:.{}f}", std::abs(value), decimals);
  if (trim_zeros && digits.find('.') != std::string::npos) {
    while (digits.back() == '0') {
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
grouped(double value)
{
  std::string digits = fmt::format("{:.2f}", std::abs(value));
  const auto dot = digits.find('.');
  std::string fraction = digits.substr(dot + 1);
  while (!fraction.empty() && fraction.back() == '0') {
    fraction.pop_back();
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
money(double value, std::string_view symbol)
{
  const double magnitude = std::abs(value);
  if (magnitude >= 1e12) {
    return signed_fixed(value / 1e12, 2, symbol, "tn", true);
  }
  if (magnitude >= 1e9) {
    return signed_fixed(value / 1e9, 2, symbol, "bn", true);
  }
  if (magnitude >= 1e6) {
    return signed_fixed(value / 1e6, 2, symbol, "M", true);
  }
  const std::string number = grouped(value);
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
  // full one (DESIGN §3 rule 3).
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
  if (!std::isfinite(value)) {
    return fmt::format("{}", value);
  }
  switch (unit) {
  case Unit::usd:
    return money(value, "$");
  case Unit::hkd:
    return money(value, "HK$");
  case Unit::cny:
    return money(value, "CN¥");
  case Unit::shares:
    return grouped(value) + " shares";
  case Unit::percent:
    return signed_fixed(value, 2, "", "%");
  case Unit::percentage_points:
    return signed_fixed(value, 2, "", " percentage points");
  case Unit::points:
    return grouped(value) + " points";
  case Unit::days:
    return grouped(value) + " days";
  case Unit::none:
    break;
  }
  return grouped(value);
}

std::string
format_limit(double value, Unit unit)
{
  if (unit == Unit::percent && std::isfinite(value)) {
    return signed_fixed(value, 4, "", "%", true);
  }
  if (unit == Unit::shares) {
    return grouped(value);
  }
  return format_value(value, unit);
}

} // namespace factcheck::quantity
