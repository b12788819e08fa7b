#include <factcheck/quantity/quantity.hpp>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

// The parser matches UTF-8 literals against UTF-8 bytes. UTF-8 is
// self-synchronising, so a literal that matches at a code point boundary also
// ends on one: no decoding is needed, and nothing depends on the locale.

namespace factcheck::quantity {

namespace {

struct ComparatorWord
{
  std::string_view text;
  Comparator comparator;
};

// Qualifiers written before the number. English entries match as whole words,
// case-insensitively, with any run of spaces between their words.
constexpr std::array k_comparator_prefixes = {
    ComparatorWord{"逾", Comparator::gt},
    ComparatorWord{"超過", Comparator::gt},
    ComparatorWord{"超过", Comparator::gt},
    ComparatorWord{"more than", Comparator::gt},
    ComparatorWord{"over", Comparator::gt},
    ComparatorWord{"above", Comparator::gt},
    ComparatorWord{"不到", Comparator::lt},
    ComparatorWord{"少於", Comparator::lt},
    ComparatorWord{"少于", Comparator::lt},
    ComparatorWord{"less than", Comparator::lt},
    ComparatorWord{"fewer than", Comparator::lt},
    ComparatorWord{"under", Comparator::lt},
    ComparatorWord{"below", Comparator::lt},
    ComparatorWord{"約", Comparator::approx},
    ComparatorWord{"约", Comparator::approx},
    ComparatorWord{"近", Comparator::approx},
    ComparatorWord{"大約", Comparator::approx},
    ComparatorWord{"大约", Comparator::approx},
    ComparatorWord{"接近", Comparator::approx},
    ComparatorWord{"將近", Comparator::approx},
    ComparatorWord{"将近", Comparator::approx},
    ComparatorWord{"about", Comparator::approx},
    ComparatorWord{"nearly", Comparator::approx},
    ComparatorWord{"approximately", Comparator::approx},
    ComparatorWord{"roughly", Comparator::approx},
    ComparatorWord{"around", Comparator::approx},
    ComparatorWord{"almost", Comparator::approx},
};

// 多/余/餘 right after a number: "十多萬", "200余人".
constexpr std::array<std::string_view, 3> k_at_least_marks = {"多", "余", "餘"};

constexpr std::array<std::string_view, 3> k_signs_minus = {"-", "−", "－"};
constexpr std::array<std::string_view, 2> k_signs_plus = {"+", "＋"};

// Between the ends of a range. "-" is only a separator here, after a number;
// before the first number it is a sign.
constexpr std::array<std::string_view, 8> k_range_separators = {
    "-", "–", "—", "~", "～", "至", "到", "to"};

struct UnitWord
{
  std::string_view text;
  Unit unit;
};

constexpr std::array k_currency_prefixes = {
    UnitWord{"US$", Unit::usd},
    UnitWord{"USD", Unit::usd},
    UnitWord{"$", Unit::usd},
    UnitWord{"HK$", Unit::hkd},
    UnitWord{"HKD", Unit::hkd},
    UnitWord{"CN¥", Unit::cny},
    UnitWord{"RMB", Unit::cny},
    UnitWord{"CNY", Unit::cny},
};

// Units after the number. The currencies come before the counters because
// 人民幣 starts with the counter 人.
constexpr std::array k_unit_suffixes = {
    UnitWord{"%", Unit::percent},
    UnitWord{"％", Unit::percent},
    // Currencies.
    UnitWord{"美元", Unit::usd},
    UnitWord{"USD", Unit::usd},
    UnitWord{"US dollars", Unit::usd},
    UnitWord{"dollars", Unit::usd},
    UnitWord{"港元", Unit::hkd},
    UnitWord{"港幣", Unit::hkd},
    UnitWord{"港币", Unit::hkd},
    UnitWord{"HKD", Unit::hkd},
    UnitWord{"人民幣", Unit::cny},
    UnitWord{"人民币", Unit::cny},
    UnitWord{"元", Unit::cny},
    UnitWord{"RMB", Unit::cny},
    UnitWord{"CNY", Unit::cny},
    UnitWord{"yuan", Unit::cny},
    // Shares.
    UnitWord{"股", Unit::shares},
    UnitWord{"shares", Unit::shares},
    // Counters, which leave a plain count.
    UnitWord{"顆", Unit::none},
    UnitWord{"颗", Unit::none},
    UnitWord{"次", Unit::none},
    UnitWord{"家", Unit::none},
    UnitWord{"人", Unit::none},
    UnitWord{"名", Unit::none},
    UnitWord{"個", Unit::none},
    UnitWord{"个", Unit::none},
};

struct ScaleWord
{
  std::string_view text;
  int exponent;
};

// Abbreviations that must touch the number ("$5.6M", "$5bn") and are
// case-sensitive, so that a stray word is not read as a scale.
constexpr std::array k_scale_suffixes = {
    ScaleWord{"bn", 9},
    ScaleWord{"tn", 12},
    ScaleWord{"mn", 6},
    ScaleWord{"k", 3},
    ScaleWord{"K", 3},
    ScaleWord{"m", 6},
    ScaleWord{"M", 6},
    ScaleWord{"B", 9},
    ScaleWord{"T", 12},
};

// Scale words, which may follow each other (千萬 = 1e7) and, in English, stand
// apart from the number. 百 and 千 only reach here after Arabic digits ("3千");
// after a Chinese numeral they are part of it.
constexpr std::array k_scale_words = {
    ScaleWord{"百", 2},
    ScaleWord{"千", 3},
    ScaleWord{"萬", 4},
    ScaleWord{"万", 4},
    ScaleWord{"億", 8},
    ScaleWord{"亿", 8},
    ScaleWord{"兆", 12},
    ScaleWord{"thousand", 3},
    ScaleWord{"million", 6},
    ScaleWord{"billion", 9},
    ScaleWord{"trillion", 12},
};

struct ChineseNumeral
{
  std::string_view text;
  int value;
};

constexpr std::array k_chinese_digits = {
    ChineseNumeral{"零", 0},
    ChineseNumeral{"〇", 0},
    ChineseNumeral{"一", 1},
    ChineseNumeral{"二", 2},
    ChineseNumeral{"兩", 2},
    ChineseNumeral{"两", 2},
    ChineseNumeral{"三", 3},
    ChineseNumeral{"四", 4},
    ChineseNumeral{"五", 5},
    ChineseNumeral{"六", 6},
    ChineseNumeral{"七", 7},
    ChineseNumeral{"八", 8},
    ChineseNumeral{"九", 9},
};

constexpr std::array k_chinese_multipliers = {
    ChineseNumeral{"十", 10},
    ChineseNumeral{"百", 100},
    ChineseNumeral{"千", 1000},
};

// Whitespace that may sit between the parts of a figure: ASCII, the no-break
// space and the ideographic space.
constexpr std::array<std::string_view, 6> k_spaces = {" ", "\t", "\r", "\n", "\u00a0", "\u3000"};

bool
is_ascii_letter(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool
is_digit(char c)
{
  return c >= '0' && c <= '9';
}

char
ascii_lower(char c)
{
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

// A read position in the claimed text with the matching primitives the
// grammar needs.
class Cursor
{
public:
  explicit Cursor(std::string_view text) : m_text(text)
  {}

  bool
  at_end() const
  {
    return m_pos == m_text.size();
  }

  std::string_view
  rest() const
  {
    return m_text.substr(m_pos);
  }

  // The byte `offset` bytes ahead, or NUL past the end.
  char
  peek(std::size_t offset = 0) const
  {
    return m_pos + offset < m_text.size() ? m_text[m_pos + offset] : '\0';
  }

  void
  advance(std::size_t bytes = 1)
  {
    m_pos += bytes;
  }

  std::size_t
  position() const
  {
    return m_pos;
  }

  void
  rewind(std::size_t position)
  {
    m_pos = position;
  }

  void
  skip_spaces()
  {
    m_pos = skip_spaces_from(m_pos);
  }

  // Consumes `literal` byte for byte.
  bool
  consume_exact(std::string_view literal)
  {
    if (rest().starts_with(literal)) {
      m_pos += literal.size();
      return true;
    }
    return false;
  }

  // Consumes `literal` byte for byte when no ASCII letter follows it, so that
  // the "m" of a scale suffix does not eat the start of a word.
  bool
  consume_suffix(std::string_view literal)
  {
    if (rest().starts_with(literal) && !is_ascii_letter(peek(literal.size()))) {
      m_pos += literal.size();
      return true;
    }
    return false;
  }

  // Consumes `token`: a word or phrase if it starts with an ASCII letter
  // (case-insensitive, each space matching a run of spaces, not followed by a
  // letter: "more  than", but not the "over" of "overall"), else exactly.
  bool
  consume_token(std::string_view token)
  {
    if (!is_ascii_letter(token.front())) {
      return consume_exact(token);
    }
    std::size_t pos = m_pos;
    for (const char c : token) {
      if (c == ' ') {
        const std::size_t after = skip_spaces_from(pos);
        if (after == pos) {
          return false;
        }
        pos = after;
      } else if (pos < m_text.size() && ascii_lower(m_text[pos]) == ascii_lower(c)) {
        ++pos;
      } else {
        return false;
      }
    }
    if (pos < m_text.size() && is_ascii_letter(m_text[pos])) {
      return false;
    }
    m_pos = pos;
    return true;
  }

  template <typename Words>
  bool
  consume_any(const Words& words)
  {
    for (const std::string_view word : words) {
      if (consume_token(word)) {
        return true;
      }
    }
    return false;
  }

  // The first entry of `table` (entries with a `text` member) found here.
  template <typename Table>
  auto
  consume_entry(const Table& table) -> std::optional<typename Table::value_type>
  {
    for (const auto& entry : table) {
      if (consume_token(entry.text)) {
        return entry;
      }
    }
    return std::nullopt;
  }

private:
  std::string_view m_text;
  std::size_t m_pos = 0;

  std::size_t
  skip_spaces_from(std::size_t pos) const
  {
    bool moved = true;
    while (moved) {
      moved = false;
      for (const std::string_view space : k_spaces) {
        if (m_text.substr(pos).starts_with(space)) {
          pos += space.size();
          moved = true;
        }
      }
    }
    return pos;
  }
};

// One end of a figure as written, before it becomes a value: keeping the
// digits lets the precision be read from what the article wrote.
struct Endpoint
{
  std::string digits; // without grouping commas: "16000", "3.2"
  int exponent = 0;   // the power of ten the scale words add
  bool has_scale = false;
  std::optional<Unit> unit;
  bool at_least = false; // followed by 多/余/餘
};

// "16,000", "3.2", "612": ASCII digits, commas only between groups of three.
std::optional<std::string>
parse_arabic_number(Cursor& cursor)
{
  std::string digits;
  while (is_digit(cursor.peek())) {
    digits += cursor.peek();
    cursor.advance();
  }
  if (digits.empty()) {
    return std::nullopt;
  }
  if (digits.size() <= 3) {
    while (cursor.peek() == ',' && is_digit(cursor.peek(1)) && is_digit(cursor.peek(2))
           && is_digit(cursor.peek(3)) && !is_digit(cursor.peek(4))) {
      digits.append({cursor.peek(1), cursor.peek(2), cursor.peek(3)});
      cursor.advance(4);
    }
  }
  if (cursor.peek() == '.' && is_digit(cursor.peek(1))) {
    digits += '.';
    cursor.advance();
    while (is_digit(cursor.peek())) {
      digits += cursor.peek();
      cursor.advance();
    }
  }
  return digits;
}

// A Chinese numeral below 萬 ("兩千", "十", "一百零五"), as Arabic digits so
// that its precision follows the same rule. Larger numbers reach 萬/億/兆
// through the scale words. Stops, leaving the rest unread, at anything that
// would make the numeral ambiguous (two digits in a row, a multiplier that is
// not smaller than the one before).
std::optional<std::string>
parse_chinese_number(Cursor& cursor)
{
  int total = 0;
  int pending_digit = 0; // a digit not yet multiplied, 0 when none
  int last_multiplier = 10000;
  bool any = false;
  while (true) {
    const std::size_t before = cursor.position();
    if (const auto digit = cursor.consume_entry(k_chinese_digits)) {
      if (pending_digit != 0) {
        cursor.rewind(before);
        break;
      }
      pending_digit = digit->value;
      any = true;
      continue;
    }
    if (const auto multiplier = cursor.consume_entry(k_chinese_multipliers)) {
      if (multiplier->value >= last_multiplier) {
        cursor.rewind(before);
        break;
      }
      // A bare multiplier counts one of itself: 十二 = 12.
      const int count = pending_digit != 0 ? pending_digit : 1;
      total += count * multiplier->value;
      pending_digit = 0;
      last_multiplier = multiplier->value;
      any = true;
      continue;
    }
    break;
  }
  if (!any) {
    return std::nullopt;
  }
  return std::to_string(total + pending_digit);
}

std::optional<int>
parse_scale(Cursor& cursor)
{
  for (const ScaleWord& suffix : k_scale_suffixes) {
    if (cursor.consume_suffix(suffix.text)) {
      return suffix.exponent;
    }
  }
  int exponent = 0;
  bool any = false;
  while (true) {
    const std::size_t before = cursor.position();
    cursor.skip_spaces();
    const auto word = cursor.consume_entry(k_scale_words);
    if (!word) {
      cursor.rewind(before);
      break;
    }
    exponent += word->exponent;
    any = true;
  }
  return any ? std::optional<int>(exponent) : std::nullopt;
}

Unexpected
conflicting_units(std::string_view text)
{
  return unexpected(fmt::format(R"(conflicting units in "{}")", text));
}

// [currency] number [多] [scale words] [多] [unit]
Expected<Endpoint>
parse_endpoint(Cursor& cursor, std::string_view text)
{
  Endpoint endpoint;
  if (const auto currency = cursor.consume_entry(k_currency_prefixes)) {
    endpoint.unit = currency->unit;
    cursor.skip_spaces();
  }

  auto digits = parse_arabic_number(cursor);
  if (!digits) {
    digits = parse_chinese_number(cursor);
  }
  if (!digits) {
    if (cursor.at_end()) {
      return unexpected(fmt::format(R"(expected a number in "{}")", text));
    }
    return unexpected(fmt::format(R"(expected a number at "{}" in "{}")", cursor.rest(), text));
  }
  endpoint.digits = std::move(*digits);

  endpoint.at_least = cursor.consume_any(k_at_least_marks);
  if (const auto exponent = parse_scale(cursor)) {
    endpoint.exponent = *exponent;
    endpoint.has_scale = true;
  }
  if (!endpoint.at_least) {
    endpoint.at_least = cursor.consume_any(k_at_least_marks);
  }

  const std::size_t before_unit = cursor.position();
  cursor.skip_spaces();
  if (const auto suffix = cursor.consume_entry(k_unit_suffixes)) {
    if (endpoint.unit && *endpoint.unit != suffix->unit) {
      return conflicting_units(text);
    }
    endpoint.unit = suffix->unit;
  } else {
    cursor.rewind(before_unit);
  }
  return endpoint;
}

// `digits` times ten to the `exponent`, through one correctly rounded
// conversion so that "3.2" with 億 is exactly the double nearest 3.2e8.
double
decimal_value(std::string_view digits, int exponent)
{
  const std::string text = fmt::format("{}e{}", digits, exponent);
  double value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// DESIGN §3 rule 2: half a unit of the last significant digit as written.
// Every written decimal counts; trailing zeros of integers of three or more
// digits do not, except in percentages where every digit counts.
double
written_precision(const Endpoint& endpoint, bool every_digit_counts)
{
  const std::string_view digits = endpoint.digits;
  int place = 0;
  if (const auto dot = digits.find('.'); dot != std::string_view::npos) {
    place = -static_cast<int>(digits.size() - dot - 1);
  } else if (!every_digit_counts && digits.size() >= 3) {
    // All zeros ("000") keeps its last digit significant.
    const auto last_nonzero = digits.find_last_not_of('0');
    const std::size_t zeros = last_nonzero == std::string_view::npos
                                  ? digits.size() - 1
                                  : digits.size() - 1 - last_nonzero;
    place = static_cast<int>(zeros);
  }
  // 0.5 × 10^place = 5 × 10^(place - 1).
  return decimal_value("5", place - 1 + endpoint.exponent);
}

int
parse_sign(Cursor& cursor)
{
  if (cursor.consume_any(k_signs_minus)) {
    return -1;
  }
  if (cursor.consume_any(k_signs_plus)) {
    return 1;
  }
  return 0;
}

bool
starts_with_sign(std::string_view text)
{
  Cursor cursor(text);
  return parse_sign(cursor) != 0;
}

} // namespace

// [comparator] [sign] endpoint [separator endpoint]
Expected<Quantity>
parse(std::string_view text)
{
  const auto fail = [text](std::string_view what) {
    return unexpected(fmt::format(R"({} in "{}")", what, text));
  };

  Cursor cursor(text);
  Quantity quantity;
  quantity.text = std::string(text);

  cursor.skip_spaces();
  if (const auto prefix = cursor.consume_entry(k_comparator_prefixes)) {
    quantity.comparator = prefix->comparator;
    cursor.skip_spaces();
  }
  quantity.sign = parse_sign(cursor);
  cursor.skip_spaces();

  auto first = parse_endpoint(cursor, text);
  if (!first) {
    return unexpected(first.error());
  }
  if (first->at_least) {
    if (quantity.comparator != Comparator::as_written) {
      return fail("two qualifiers");
    }
    quantity.comparator = Comparator::ge;
  }

  std::optional<Endpoint> second;
  const std::size_t before_separator = cursor.position();
  cursor.skip_spaces();
  if (cursor.consume_any(k_range_separators)) {
    cursor.skip_spaces();
    if (quantity.sign != 0 || starts_with_sign(cursor.rest())) {
      // The direction of a range belongs on the check (DESIGN §3), and a
      // signed range like "-8%-15%" reads both ways.
      return fail("a range cannot carry a sign; give the direction instead");
    }
    auto parsed = parse_endpoint(cursor, text);
    if (!parsed) {
      return unexpected(parsed.error());
    }
    second = std::move(*parsed);
  } else {
    cursor.rewind(before_separator);
  }

  cursor.skip_spaces();
  if (!cursor.at_end()) {
    return unexpected(
        fmt::format(R"(unrecognised text "{}" after the number in "{}")", cursor.rest(), text));
  }

  if (second) {
    if (second->at_least) {
      quantity.comparator = Comparator::ge;
    }
    if (quantity.comparator != Comparator::as_written
        && quantity.comparator != Comparator::approx) {
      return fail(fmt::format("a range cannot be qualified as {}", to_string(quantity.comparator)));
    }
    if (first->unit && second->unit && *first->unit != *second->unit) {
      return conflicting_units(text);
    }
    // "8-15%", "3至5萬人", "$5-6 million": what is written once at the end
    // applies to both ends.
    if (!first->unit) {
      first->unit = second->unit;
    }
    if (!first->has_scale && second->has_scale) {
      first->exponent = second->exponent;
      first->has_scale = true;
    }
  }

  quantity.unit = first->unit.value_or(Unit::none);
  const bool every_digit_counts = quantity.unit == Unit::percent;
  quantity.low = decimal_value(first->digits, first->exponent);
  quantity.low_precision = written_precision(*first, every_digit_counts);
  if (second) {
    quantity.is_range = true;
    quantity.high = decimal_value(second->digits, second->exponent);
    quantity.high_precision = written_precision(*second, every_digit_counts);
    if (!(quantity.low < quantity.high)) {
      return fail("a range must run from low to high");
    }
  } else {
    quantity.high = quantity.low;
    quantity.high_precision = quantity.low_precision;
  }
  if (quantity.sign < 0) {
    quantity.low = -quantity.low;
    quantity.high = -quantity.high;
  }
  return quantity;
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
