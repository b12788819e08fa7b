// to_text: a quantity spelled so that the reader gets back exactly what it
// read, precision included. The precision is carried by the digits alone
// (docs/semantics.md, "Precision"), so a spelling must choose them with care:
// 10萬 read as "十多萬" is ±5000, which "100000" (±50,000) would lose and
// "10.0萬" keeps.
#include "decimal.hpp"

#include <factcheck/quantity/quantity.hpp>

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <string>
#include <utility>

namespace factcheck::quantity {

namespace {

using detail::Decimal;

// The place whose half unit is `precision`: 0.5 -> 0, 50 -> 2, 0.005 -> -2.
int
place_of(double precision)
{
  return static_cast<int>(std::lround(std::log10(precision / 5))) + 1;
}

// `magnitude` as a decimal of `decimals` places, from its shortest exact
// rendering, so that 3.2e8 is "320000000" and not 319999999.99999994.
std::string
fixed(double magnitude, int decimals)
{
  return fmt::format("{:.{}f}", magnitude, std::max(decimals, 0));
}

bool
integer_reads_at(const std::string& digits, int place, bool every_digit_counts)
{
  Decimal d;
  for (const char c : digits) {
    if (!d.push_digit(c - '0')) {
      return false;
    }
  }
  return d.last_significant_place(every_digit_counts) == place;
}

// The number, with a scale word where the digits alone would read at
// another precision, or always when `force_scale` (the first end of a range
// whose second end has one: the reader would scale a bare first end by it).
// `scaled` says whether a scale word was written.
std::string
spell_number(double magnitude, int place, bool every_digit_counts, bool force_scale, bool& scaled)
{
  scaled = false;
  if (place <= 0 && !force_scale) {
    return fixed(magnitude, -place);
  }
  std::string direct = fixed(magnitude, 0);
  if (!force_scale && integer_reads_at(direct, place, every_digit_counts)) {
    return direct;
  }
  static constexpr std::array<std::pair<int, std::string_view>, 6> k_scales{
      {{2, "百"}, {3, "千"}, {4, "萬"}, {8, "億"}, {12, "兆"}, {16, "萬兆"}}};
  for (const auto& [exponent, word] : k_scales) {
    if (exponent < place) {
      continue;
    }
    const double scaled_value = magnitude / std::pow(10.0, exponent);
    const std::string digits = fixed(scaled_value, exponent - place);
    if (exponent > place || integer_reads_at(digits, 0, every_digit_counts)) {
      scaled = true;
      return digits + std::string(word);
    }
  }
  return direct;
}

std::string_view
unit_suffix(Unit unit, Span span)
{
  switch (unit) {
  case Unit::percent:
    return "%";
  case Unit::percentage_points:
    return " pp";
  case Unit::points:
    return " points";
  case Unit::usd:
    return " USD";
  case Unit::hkd:
    return " HKD";
  case Unit::cny:
    return " CNY";
  case Unit::shares:
    return " shares";
  case Unit::days:
    switch (span) {
    case Span::weeks:
      return " weeks";
    case Span::months:
      return " months";
    case Span::years:
      return " years";
    case Span::none:
    case Span::days:
      break;
    }
    return " days";
  case Unit::none:
    break;
  }
  return "";
}

// One end: its size and precision in base units.
std::string
spell_end(double size, double precision, const Quantity& q, bool force_scale, bool& scaled)
{
  scaled = false;
  const double per = q.unit == Unit::days ? days_per(q.span) : 1.0;
  const double magnitude = size / per;
  const double step = precision / per;
  // 半: a half written as a word is good to a quarter.
  if (q.unit == Unit::days && std::abs(step - 0.25) < 1e-9) {
    const double whole = magnitude - 0.5;
    const std::string n = fixed(whole, 0);
    switch (q.span) {
    case Span::months:
      return whole < 0.5 ? "半個月" : n + "個半月";
    case Span::years:
      return whole < 0.5 ? "半年" : n + "年半";
    case Span::weeks:
      return n + "週半";
    case Span::days:
    case Span::none:
      return n + "天半";
    }
  }
  const int place = place_of(step);
  // 三成: a percentage written to the tens.
  if (q.unit == Unit::percent && place == 1) {
    return fixed(magnitude / 10, 0) + "成";
  }
  const bool every_digit_counts = q.unit == Unit::percent || q.unit == Unit::percentage_points;
  return spell_number(magnitude, place, every_digit_counts, force_scale, scaled)
         + std::string(unit_suffix(q.unit, q.span));
}

} // namespace

std::string
to_text(const Quantity& q)
{
  std::string out;
  switch (q.comparator) {
  case Comparator::gt:
    out = "more than ";
    break;
  case Comparator::lt:
    out = "less than ";
    break;
  case Comparator::ge:
    out = "at least ";
    break;
  case Comparator::approx:
    out = "about ";
    break;
  case Comparator::as_written:
    break;
  }
  const std::string_view sign = q.sign < 0 ? "-" : q.sign > 0 ? "+" : "";
  // Each end as a size; a falling range is written from its smaller size.
  double first = std::abs(q.low);
  double first_precision = q.low_precision;
  double second = std::abs(q.high);
  double second_precision = q.high_precision;
  if (first > second) {
    std::swap(first, second);
    std::swap(first_precision, second_precision);
  }
  bool first_scaled = false;
  bool second_scaled = false;
  std::string first_text = spell_end(first, first_precision, q, false, first_scaled);
  if (q.is_range) {
    const std::string second_text = spell_end(second, second_precision, q, false, second_scaled);
    if (second_scaled && !first_scaled) {
      first_text = spell_end(first, first_precision, q, true, first_scaled);
    }
    return out + fmt::format("{}{} to {}{}", sign, first_text, sign, second_text);
  }
  return out + fmt::format("{}{}", sign, first_text);
}

} // namespace factcheck::quantity
