#include "cursor.hpp"
#include "decimal.hpp"
#include "lexicon.hpp"
#include "numeral.hpp"

#include <factcheck/quantity/quantity.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// The grammar of a claimed figure; the words it uses are in lexicon.hpp and
// the reading of one number in numeral.cpp. docs/semantics.md says what the
// parts mean for a verdict.

namespace factcheck::quantity {

namespace {

using detail::Cursor;
using detail::Decimal;
using detail::Number;

// One end of a figure as written, before it becomes a value.
struct Endpoint
{
  int sign = 0;
  Number number;
  std::optional<Unit> unit;
  Span span = Span::none;
  // The value in the unit is the number × 10^this: 百分之 0, 千分之 -1, 成 1.
  int shift = 0;
  bool per_prefix = false; // the unit came before the number (百分之八至十五)
  // The precision in the written unit when the words fix it (半: a quarter).
  std::optional<double> precision;
};

int
parse_sign(Cursor& cursor)
{
  if (cursor.consume_any(detail::k_signs_minus)) {
    return -1;
  }
  if (cursor.consume_any(detail::k_signs_plus)) {
    return 1;
  }
  return 0;
}

std::string_view
util_trim(std::string_view text)
{
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

Unexpected
conflicting_units(std::string_view text)
{
  return unexpected(fmt::format(R"(conflicting units in "{}")", text));
}

// 半年, 半個月: half of a span, with no number before it.
bool
read_half_span(Cursor& cursor, Endpoint& endpoint)
{
  const std::size_t before = cursor.position();
  if (!cursor.consume_exact("半")) {
    return false;
  }
  static constexpr std::array<std::pair<std::string_view, Span>, 3> k_half_spans{
      {{"個月", Span::months}, {"个月", Span::months}, {"年", Span::years}}};
  for (const auto& [word, span] : k_half_spans) {
    if (cursor.consume_exact(word)) {
      endpoint.number.value = Decimal{5, -1};
      endpoint.number.significant = endpoint.number.value;
      endpoint.unit = Unit::days;
      endpoint.span = span;
      endpoint.precision = 0.25;
      return true;
    }
  }
  cursor.rewind(before);
  return false;
}

void
add_half(Endpoint& endpoint)
{
  endpoint.number.value = *Decimal::add(endpoint.number.value, Decimal{5, -1});
  endpoint.number.significant = endpoint.number.value;
  endpoint.number.run = 0;
  endpoint.precision = 0.25;
}

// Edit distance between two short ASCII words, counting a swap of
// neighbours as one edit (optimal string alignment).
std::size_t
edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) {
    d[i][0] = i;
  }
  for (std::size_t j = 0; j <= b.size(); ++j) {
    d[0][j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost =
          detail::ascii_lower(a[i - 1]) == detail::ascii_lower(b[j - 1]) ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && detail::ascii_lower(a[i - 1]) == detail::ascii_lower(b[j - 2])
          && detail::ascii_lower(a[i - 2]) == detail::ascii_lower(b[j - 1])) {
        d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.size()][b.size()];
}

// The English word of the lexicon closest to `word`, if it is close enough
// to be a slip ("precent" for "percent", "milion" for "million").
std::optional<std::string_view>
closest_word(std::string_view word)
{
  if (word.size() < 3) {
    return std::nullopt;
  }
  std::vector<std::string_view> words;
  words.reserve(detail::k_unit_suffixes.size() + detail::k_english_scales.size()
                + detail::k_comparator_prefixes.size());
  for (const auto& entry : detail::k_unit_suffixes) {
    words.push_back(entry.text);
  }
  for (const auto& entry : detail::k_english_scales) {
    words.push_back(entry.text);
  }
  for (const auto& entry : detail::k_comparator_prefixes) {
    words.push_back(entry.text);
  }
  const std::size_t limit = word.size() <= 4 ? 1 : 2;
  std::optional<std::string_view> best;
  std::size_t best_distance = limit + 1;
  for (const auto candidate : words) {
    if (candidate.empty() || !detail::is_ascii_letter(candidate.front())) {
      continue;
    }
    // A phrase is matched on its first word: "mroe" for "more than".
    const auto first_word = candidate.substr(0, candidate.find(' '));
    const std::size_t distance = edit_distance(word, first_word);
    if (distance < best_distance && distance > 0) {
      best = first_word;
      best_distance = distance;
    }
  }
  return best;
}

// "; did you mean "3 percent"?" when the first word at `pos` of `folded` is a
// slip for a word of the lexicon.
std::string
suggestion(std::string_view folded, std::size_t pos)
{
  std::size_t end = pos;
  while (end < folded.size() && detail::is_ascii_letter(folded[end])) {
    ++end;
  }
  const auto word = folded.substr(pos, end - pos);
  const auto close = closest_word(word);
  if (!close) {
    return "";
  }
  return fmt::format(
      R"(; did you mean "{}{}{}"?)", folded.substr(0, pos), *close, folded.substr(end));
}

// [sign] [currency] [sign] [百分之] number [成] [unit [半]]
Expected<Endpoint>
parse_endpoint(Cursor& cursor, std::string_view text, bool hints)
{
  Endpoint endpoint;
  endpoint.sign = parse_sign(cursor);
  cursor.skip_spaces();
  if (cursor.consume_exact("¥")) {
    return unexpected(
        fmt::format(R"("¥" is both the yen and the yuan in "{}": write CN¥, RMB or 元)", text));
  }
  if (const auto currency = cursor.consume_entry(detail::k_currency_prefixes)) {
    endpoint.unit = currency->unit;
    cursor.skip_spaces();
    if (endpoint.sign == 0) {
      endpoint.sign = parse_sign(cursor);
      cursor.skip_spaces();
    }
  }
  if (const auto per = cursor.consume_entry(detail::k_per_prefixes)) {
    endpoint.unit = Unit::percent;
    endpoint.shift = per->percent_exponent;
    endpoint.per_prefix = true;
  }
  if (read_half_span(cursor, endpoint)) {
    return endpoint;
  }

  auto number = detail::read_number(cursor);
  if (!number) {
    return unexpected(number.error());
  }
  if (!*number) {
    if (cursor.at_end()) {
      return unexpected(fmt::format(R"(expected a number in "{}")", text));
    }
    return unexpected(
        fmt::format(R"(expected a number at "{}" in "{}"{})",
                    cursor.rest(),
                    text,
                    hints ? suggestion(cursor.text(), cursor.position()) : std::string()));
  }
  endpoint.number = **number;

  // 三成 = 30%, 三成五 = 35%: tenths, written to the place of the last digit.
  if (!endpoint.unit && cursor.consume_exact("成")) {
    endpoint.unit = Unit::percent;
    endpoint.shift = 1;
    endpoint.number.place = 1;
    if (const auto digit = cursor.peek_entry(detail::k_chinese_digits)) {
      cursor.consume_entry(detail::k_chinese_digits);
      endpoint.number.value =
          *Decimal::add(endpoint.number.value.shifted(1), Decimal{digit->value, 0});
      endpoint.shift = 0;
      endpoint.number.place = 0;
    }
    return endpoint;
  }

  const std::size_t before_unit = cursor.position();
  cursor.skip_spaces();
  if (const auto suffix = cursor.consume_entry(detail::k_unit_suffixes)) {
    if (endpoint.unit && *endpoint.unit != suffix->unit) {
      return conflicting_units(text);
    }
    endpoint.unit = suffix->unit;
    endpoint.span = suffix->span;
    if (suffix->text == "個半月" || suffix->text == "个半月"
        || (suffix->span != Span::none && cursor.consume_exact("半"))) {
      add_half(endpoint); // 一個半月, 兩年半
    }
    if (suffix->text == "個多月" || suffix->text == "个多月") {
      endpoint.number.at_least = true;
    }
  } else {
    cursor.rewind(before_unit);
  }
  return endpoint;
}

// Half a unit of the last significant digit as written, in the written unit
// (before a span is turned into days): docs/semantics.md, "Precision".
double
written_precision(const Endpoint& endpoint, Unit unit)
{
  if (endpoint.precision) {
    return *endpoint.precision;
  }
  const bool every_digit_counts = unit == Unit::percent || unit == Unit::percentage_points;
  const int place = endpoint.number.place
                        ? *endpoint.number.place
                        : endpoint.number.significant.last_significant_place(every_digit_counts)
                              + endpoint.number.run + endpoint.shift;
  return Decimal{5, place - 1}.to_double();
}

double
value_of(const Endpoint& endpoint)
{
  return endpoint.number.value.shifted(endpoint.shift).to_double();
}

// The whole of `folded` as one figure, or (for a scan of running text, with
// `consumed` set) the single figure at its start, however much that is.
Expected<Quantity>
parse_folded(std::string_view folded, std::string_view text, std::size_t* consumed = nullptr)
{
  const bool whole = consumed == nullptr;
  const auto fail = [text](std::string_view what) {
    return unexpected(fmt::format(R"({} in "{}")", what, text));
  };

  Cursor cursor(folded);
  Quantity quantity;
  quantity.text = std::string(text);

  cursor.skip_spaces();
  if (const auto prefix = cursor.consume_entry(detail::k_comparator_prefixes)) {
    quantity.comparator = prefix->comparator;
    cursor.skip_spaces();
  }

  // -(0.72%-0.79%): a sign outside brackets applies to both ends.
  int outer_sign = 0;
  bool bracket = false;
  {
    const std::size_t before = cursor.position();
    outer_sign = parse_sign(cursor);
    cursor.skip_spaces();
    if (outer_sign != 0 && cursor.consume_exact("(")) {
      bracket = true;
      cursor.skip_spaces();
    } else {
      cursor.rewind(before);
      outer_sign = 0;
    }
  }

  std::size_t first_begin = cursor.position();
  {
    Cursor probe = cursor;
    if (parse_sign(probe) != 0) {
      probe.skip_spaces();
      first_begin = probe.position();
    }
  }
  auto first = parse_endpoint(cursor, text, whole);
  if (!first) {
    return unexpected(first.error());
  }
  const std::size_t first_end = cursor.position();
  std::size_t second_begin = first_end;
  std::size_t second_end = first_end;
  if (first->number.at_least) {
    if (quantity.comparator != Comparator::as_written) {
      return fail("two qualifiers");
    }
    quantity.comparator = Comparator::ge;
  }

  std::optional<Endpoint> second;
  std::string_view separator;
  const std::size_t before_separator = cursor.position();
  cursor.skip_spaces();
  for (const auto word : detail::k_range_separators) {
    if (whole && cursor.consume_token(word)) {
      separator = word;
      break;
    }
  }
  if (!separator.empty()) {
    cursor.skip_spaces();
    second_begin = cursor.position();
    auto parsed = parse_endpoint(cursor, text, whole);
    if (!parsed) {
      return unexpected(parsed.error());
    }
    second_end = cursor.position();
    second = *parsed;
  } else {
    cursor.rewind(before_separator);
  }

  if (bracket) {
    cursor.skip_spaces();
    if (!cursor.consume_exact(")")) {
      return fail("expected \")\" to close the bracket");
    }
  }

  const std::size_t before_suffix = cursor.position();
  cursor.skip_spaces();
  if (const auto suffix = cursor.consume_entry(detail::k_comparator_suffixes)) {
    if (quantity.comparator != Comparator::as_written) {
      return fail("two qualifiers");
    }
    quantity.comparator = suffix->comparator;
  } else if (!whole) {
    cursor.rewind(before_suffix);
  }
  if (!whole) {
    *consumed = cursor.position();
  }
  cursor.skip_spaces();
  if (whole && !cursor.at_end()) {
    return unexpected(fmt::format(R"(unrecognised text "{}" after the number in "{}"{})",
                                  cursor.rest(),
                                  text,
                                  suggestion(folded, cursor.position())));
  }

  // Signs. A sign before the first end of a range applies to both only when
  // the second repeats it ("-8%至-15%") or brackets hold both; "-8%-15%"
  // also reads as -8% to +15%.
  int sign = bracket ? outer_sign : first->sign;
  if (second) {
    if (bracket && (first->sign != 0 || second->sign != 0)) {
      return fail("a sign inside the brackets as well as before them");
    }
    if (!bracket) {
      if (first->sign != 0 && second->sign == 0) {
        const std::string_view word = first->sign < 0 ? "fall" : "rise";
        const std::string_view mark = first->sign < 0 ? "-" : "+";
        const auto low_text = util_trim(folded.substr(first_begin, first_end - first_begin));
        const auto high_text = util_trim(folded.substr(second_begin, second_end - second_begin));
        return unexpected(fmt::format(R"("{}" reads two ways ({}{} to {}{}, or {}{} to +{}): )"
                                      R"(write "{}-{}" with "direction: {}" on the check, )"
                                      R"(or sign both ends: "{}{} to {}{}")",
                                      text,
                                      mark,
                                      low_text,
                                      mark,
                                      high_text,
                                      mark,
                                      low_text,
                                      high_text,
                                      low_text,
                                      high_text,
                                      word,
                                      mark,
                                      low_text,
                                      mark,
                                      high_text));
      }
      if (first->sign == 0 && second->sign != 0) {
        return fail("a sign on the second end of a range only");
      }
      if (first->sign != second->sign) {
        return fail("a range whose ends have different signs");
      }
    }
    if (second->number.at_least) {
      quantity.comparator = Comparator::ge;
    }
    if (quantity.comparator != Comparator::as_written
        && quantity.comparator != Comparator::approx) {
      return fail(fmt::format("a range cannot be qualified as {}", to_string(quantity.comparator)));
    }
    if (first->unit && second->unit && *first->unit != *second->unit) {
      return conflicting_units(text);
    }
    // What is written once applies to both ends: a unit or scale at the end
    // ("8-15%", "3至5萬人", "$5-6 million"), a unit before the number at the
    // start (百分之八至十五).
    if (!first->unit && second->unit) {
      first->unit = second->unit;
      first->span = second->span;
      first->shift = second->shift;
    } else if (first->unit && !second->unit && first->per_prefix) {
      second->unit = first->unit;
      second->shift = first->shift;
    }
    if (!first->number.has_scale && second->number.has_scale) {
      first->number.significant = first->number.value;
      first->number.value = first->number.value.shifted(second->number.run);
      first->number.run = second->number.run;
      first->number.has_scale = true;
    }
    if (first->span != second->span) {
      return conflicting_units(text);
    }
  }

  quantity.unit = first->unit.value_or(Unit::none);
  quantity.span = first->span;
  const double factor = quantity.unit == Unit::days ? days_per(quantity.span) : 1.0;
  double low = value_of(*first) * factor;
  double low_precision = written_precision(*first, quantity.unit) * factor;
  double high = low;
  double high_precision = low_precision;
  if (second) {
    quantity.is_range = true;
    high = value_of(*second) * factor;
    high_precision = written_precision(*second, quantity.unit) * factor;
    if (sign == 0 && !(low < high)) {
      return fail("a range must run from low to high");
    }
    if (sign != 0 && low == high) {
      return fail("a range must have two different ends");
    }
  }
  if (!std::isfinite(low) || !std::isfinite(high)) {
    return fail("a number too large");
  }
  quantity.sign = sign;
  if (sign < 0) {
    low = -low;
    high = -high;
  }
  if (low > high) { // a signed range written from its smaller size: -8%至-15%
    std::swap(low, high);
    std::swap(low_precision, high_precision);
  }
  quantity.low = low;
  quantity.high = high;
  quantity.low_precision = low_precision;
  quantity.high_precision = high_precision;
  return quantity;
}

} // namespace

// [comparator] [sign] [(] endpoint [separator endpoint] [)] [comparator]
Expected<Quantity>
parse(std::string_view text)
{
  const auto folded = detail::fold_width(text);
  return parse_folded(folded.text, text);
}

namespace {

// The lower-cased ASCII word just before byte `pos` of `text`, skipping
// spaces and one full stop ("Dec. 18").
std::string
word_before(std::string_view text, std::size_t pos)
{
  std::size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') {
    --end;
  }
  if (end > 0 && text[end - 1] == '.') {
    --end;
  }
  std::size_t begin = end;
  while (begin > 0 && detail::is_ascii_letter(text[begin - 1])) {
    --begin;
  }
  std::string word;
  for (const char c : text.substr(begin, end - begin)) {
    word += detail::ascii_lower(c);
  }
  return word;
}

bool
is_month_word(std::string_view word)
{
  static constexpr std::array<std::string_view, 23> k_months{
      "january",   "february", "march",    "april",    "may",  "june", "july", "august",
      "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
      "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov"};
  return word == "dec" || std::find(k_months.begin(), k_months.end(), word) != k_months.end();
}

// Whether the word before byte `pos` places a number after it in time: "in
// 2024", "since 2022", "July 2023", "18, 2024", "FY2025".
bool
time_word_before(std::string_view text, std::size_t pos)
{
  std::size_t end = pos;
  while (end > 0 && text[end - 1] == ' ') {
    --end;
  }
  if (end > 0 && (text[end - 1] == ',' || text[end - 1] == '(')) {
    return true;
  }
  static constexpr std::array<std::string_view, 18> k_time_words{"in",
                                                                 "since",
                                                                 "by",
                                                                 "from",
                                                                 "until",
                                                                 "till",
                                                                 "to",
                                                                 "of",
                                                                 "during",
                                                                 "year",
                                                                 "early",
                                                                 "late",
                                                                 "mid",
                                                                 "end",
                                                                 "before",
                                                                 "after",
                                                                 "through",
                                                                 "fy"};
  const std::string word = word_before(text, pos);
  return is_month_word(word)
         || std::find(k_time_words.begin(), k_time_words.end(), word) != k_time_words.end();
}

} // namespace

namespace {

// The first figure starting in [start, stop) of `text`, reading the folded
// bytes [begin, end) around it.
std::optional<Mention>
find_in_window(std::string_view text,
               std::size_t slice_begin,
               std::size_t start,
               std::size_t stop,
               std::size_t slice_end,
               const ScanOptions& options)
{
  const auto folded = detail::fold_width(text.substr(slice_begin, slice_end - slice_begin));
  const std::string_view f = folded.text;
  const bool at_text_start = slice_begin == 0;
  const bool at_text_end = slice_end == text.size();
  const auto is_alnum = [](char c) { return detail::is_ascii_letter(c) || detail::is_digit(c); };
  const auto line_is_only = [&](std::size_t first, std::size_t last) {
    std::size_t a = first;
    while (a > 0 && f[a - 1] == ' ') {
      --a;
    }
    std::size_t b = last;
    while (b < f.size() && f[b] == ' ') {
      ++b;
    }
    return ((a == 0 && at_text_start) || (a > 0 && f[a - 1] == '\n'))
           && ((b == f.size() && at_text_end) || (b < f.size() && f[b] == '\n'));
  };
  const auto folded_stop = static_cast<std::size_t>(
      std::lower_bound(folded.origin.begin(), folded.origin.end(), stop - slice_begin)
      - folded.origin.begin());
  std::size_t i = static_cast<std::size_t>(
      std::lower_bound(folded.origin.begin(), folded.origin.end(), start - slice_begin)
      - folded.origin.begin());
  while (i < folded_stop) {
    const auto c = static_cast<unsigned char>(f[i]);
    const bool ascii_start = detail::is_digit(f[i]) || f[i] == '$' || f.substr(i).starts_with("US$")
                             || f.substr(i).starts_with("HK$")
                             || (f[i] == '-' && i + 1 < f.size() && detail::is_digit(f[i + 1])
                                 && (i == 0 || f[i - 1] == ' ' || f[i - 1] == '('
                                     || static_cast<unsigned char>(f[i - 1]) >= 0x80));
    Cursor probe(f.substr(i));
    const bool chinese_start = c >= 0x80 && detail::at_chinese_numeral(probe);
    // "four years", "two million": a number word starts a figure only with a
    // unit or scale after it ("one of", "no one" are words).
    const bool word_start =
        detail::is_ascii_letter(f[i]) && (i == 0 || !detail::is_ascii_letter(f[i - 1]))
        && (probe.peek_entry(detail::k_english_units) || probe.peek_entry(detail::k_english_tens));
    if (!ascii_start && !chinese_start && !word_start) {
      // Step over a whole code point.
      i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      continue;
    }
    // A digit glued to a letter, a point or a hyphenated word is part of a
    // name ("H800", "DeepSeek-V3", "Q4", "v1.2"), not a figure.
    const bool glued_before = i > 0
                              && (is_alnum(f[i - 1]) || f[i - 1] == '.' || f[i - 1] == ','
                                  || (f[i - 1] == '-' && i > 1 && is_alnum(f[i - 2])));
    std::size_t consumed = 0;
    auto parsed = parse_folded(f.substr(i), std::string_view(), &consumed);
    if (!parsed || consumed == 0) {
      ++i;
      continue;
    }
    const std::size_t end = i + consumed;
    const bool glued_after = end < f.size() && detail::is_ascii_letter(f[end]);
    const auto& q = *parsed;
    const std::string_view written = f.substr(i, consumed);
    const bool plain =
        q.unit == Unit::none && written.find_first_not_of("0123456789") == std::string_view::npos;
    // 2024年, "in 2024", "Dec. 18, 2024": a year, unless the claim is about
    // years. A bare four-digit number is a count ("2048 NVIDIA H800 GPUs")
    // unless the word before it places it in time.
    const double years = q.span == Span::years ? q.low / 365.25 : q.low;
    const bool year_range = years >= 1900 && years <= 2100 && std::floor(years) == years;
    const bool year =
        !options.years && year_range
        && (q.span == Span::years || (plain && written.size() == 4 && time_word_before(f, i)));
    // [12], a footnote or reference marker; a number alone on its line, a
    // page number.
    const bool marker = plain && i > 0 && f[i - 1] == '[' && end < f.size() && f[end] == ']';
    const bool page_number = plain && line_is_only(i, end);
    // "Dec. 18, 2024", 1月27日: the month or day of a date.
    const auto after = f.substr(end);
    const bool day_of_month =
        plain && written.size() <= 2
        && (is_month_word(word_before(f, i)) || after.starts_with("月") || after.starts_with("日")
            || after.starts_with("號") || after.starts_with("号"));
    // A lone Chinese numeral character is a word (一些, 統一), not a figure;
    // so is a number word with nothing after it.
    const bool lone_character =
        (chinese_start && consumed <= 3) || (word_start && q.unit == Unit::none && q.low < 1000);
    if (glued_before || glued_after || year || marker || page_number || day_of_month
        || lone_character) {
      i = end;
      continue;
    }
    Mention mention;
    mention.quantity = q;
    mention.begin = slice_begin + folded.origin[i];
    mention.end = slice_begin + folded.origin[end];
    mention.quantity.text = std::string(text.substr(mention.begin, mention.end - mention.begin));
    return mention;
  }
  return std::nullopt;
}

} // namespace

std::optional<Mention>
find_quantity(std::string_view text, std::size_t from, const ScanOptions& options)
{
  if (from >= text.size()) {
    return std::nullopt;
  }
  // The text is folded a window at a time, with some of what comes before
  // `from` (so that "0.1%-10%" read from the dash is not -10%, and "Dec. 18"
  // is a date): a call costs the distance to the next figure, not the whole
  // text, so scanning a document figure by figure stays linear.
  constexpr std::size_t k_behind = 64;
  constexpr std::size_t k_window = 4096;
  constexpr std::size_t k_ahead = 512; // longer than any one figure
  for (std::size_t window = from; window < text.size(); window += k_window) {
    std::size_t begin = window > k_behind ? window - k_behind : 0;
    while (begin > 0 && (static_cast<unsigned char>(text[begin]) & 0xC0) == 0x80) {
      --begin; // to the start of a code point
    }
    const std::size_t window_end = std::min(text.size(), window + k_window);
    std::size_t end = std::min(text.size(), window_end + k_ahead);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
      ++end;
    }
    if (auto found = find_in_window(text, begin, window, window_end, end, options)) {
      return found;
    }
  }
  return std::nullopt;
}

Expected<Tolerance>
parse_tolerance(std::string_view text)
{
  Cursor cursor(text);
  cursor.skip_spaces();
  if (!cursor.consume_exact("±")) {
    cursor.consume_exact("+/-");
  }
  const auto quantity = parse(cursor.rest());
  if (!quantity) {
    return unexpected(quantity.error());
  }
  if (quantity->is_range || quantity->comparator != Comparator::as_written || quantity->sign < 0) {
    return unexpected(
        fmt::format(R"(tolerance "{}" is not a single unqualified non-negative value such )"
                    R"(as "0.5", "5%" or "50億")",
                    text));
  }
  return Tolerance{quantity->unit == Unit::percent, quantity->low};
}

std::string_view
to_string(Comparator comparator)
{
  switch (comparator) {
  case Comparator::as_written:
    return "as_written";
  case Comparator::approx:
    return "approx";
  case Comparator::gt:
    return "gt";
  case Comparator::lt:
    return "lt";
  case Comparator::ge:
    return "ge";
  }
  return "unknown";
}

std::string_view
to_string(Unit unit)
{
  switch (unit) {
  case Unit::none:
    return "none";
  case Unit::percent:
    return "percent";
  case Unit::percentage_points:
    return "percentage_points";
  case Unit::points:
    return "points";
  case Unit::usd:
    return "usd";
  case Unit::hkd:
    return "hkd";
  case Unit::cny:
    return "cny";
  case Unit::shares:
    return "shares";
  case Unit::days:
    return "days";
  }
  return "unknown";
}

std::string_view
to_string(Span span)
{
  switch (span) {
  case Span::none:
    return "none";
  case Span::days:
    return "days";
  case Span::weeks:
    return "weeks";
  case Span::months:
    return "months";
  case Span::years:
    return "years";
  }
  return "unknown";
}

double
days_per(Span span)
{
  switch (span) {
  case Span::weeks:
    return 7;
  case Span::months:
    return 30.44;
  case Span::years:
    return 365.25;
  case Span::none:
  case Span::days:
    break;
  }
  return 1;
}

} // namespace factcheck::quantity
