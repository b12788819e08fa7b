#include "numeral.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <string>

namespace factcheck::quantity::detail {

namespace {

// Superscript digits, for powers of ten written as "10²⁰".
constexpr std::array<std::string_view, 10> k_superscripts = {
    "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};

Unexpected
too_long(const Cursor& cursor)
{
  return unexpected(fmt::format(R"(a number too long to hold in "{}")", cursor.text()));
}

// "16,000", "3.2", "612", ".5": ASCII digits, commas only between groups of
// three, a decimal point followed by a digit. "10²⁰" is ten to the twentieth.
Expected<std::optional<Decimal>>
read_arabic(Cursor& cursor)
{
  const bool leading_point = cursor.peek() == '.' && is_digit(cursor.peek(1));
  if (!is_digit(cursor.peek()) && !leading_point) {
    return std::optional<Decimal>();
  }
  Decimal out;
  std::size_t integer_digits = 0;
  while (is_digit(cursor.peek())) {
    if (!out.push_digit(cursor.peek() - '0')) {
      return too_long(cursor);
    }
    ++integer_digits;
    cursor.advance();
  }
  if (integer_digits > 0 && integer_digits <= 3) {
    while (cursor.peek() == ',' && is_digit(cursor.peek(1)) && is_digit(cursor.peek(2))
           && is_digit(cursor.peek(3)) && !is_digit(cursor.peek(4))) {
      for (std::size_t i = 1; i <= 3; ++i) {
        if (!out.push_digit(cursor.peek(i) - '0')) {
          return too_long(cursor);
        }
      }
      cursor.advance(4);
    }
  }
  if (cursor.peek() == '.' && is_digit(cursor.peek(1))) {
    cursor.advance();
    while (is_digit(cursor.peek())) {
      if (!out.push_digit(cursor.peek() - '0')) {
        return too_long(cursor);
      }
      --out.exponent;
      cursor.advance();
    }
    return std::optional<Decimal>(out);
  }
  // 10²⁰: only after a bare 10, where it cannot be a footnote marker.
  if (out.mantissa == 10 && out.exponent == 0) {
    int power = 0;
    bool any = false;
    for (bool more = true; more;) {
      more = false;
      for (int d = 0; d < 10; ++d) {
        if (cursor.consume_exact(k_superscripts[static_cast<std::size_t>(d)])) {
          power = power * 10 + d;
          any = true;
          more = power < 1000;
          break;
        }
      }
    }
    if (any) {
      if (power > 300) {
        return too_long(cursor);
      }
      return std::optional<Decimal>(Decimal{1, power});
    }
  }
  return std::optional<Decimal>(out);
}

// Spaces inside a Chinese numeral ("一百 五 十") are skipped when another
// numeral character follows them.
bool
skip_spaces_inside(Cursor& cursor)
{
  const std::size_t before = cursor.position();
  if (cursor.skip_spaces() && at_chinese_numeral(cursor)) {
    return true;
  }
  cursor.rewind(before);
  return false;
}

struct Section
{
  Decimal value;
  bool at_least = false;
  bool single_digit = false; // one digit and nothing else: 一萬三's 三
};

// A Chinese numeral below 萬, with decimals after 點: "兩千四百五" (2450),
// "一百零五", "十五點七", "二十幾" (at least 20). A digit right after 百 or
// 千 is shortened: 一百五 is 150, not 105 (that is 一百零五).
std::optional<Section>
read_chinese_section(Cursor& cursor)
{
  std::int64_t total = 0;
  int pending = -1;              // a digit not yet placed
  int last_multiplier = 10000;   // multipliers must fall: 千 > 百 > 十
  bool after_multiplier = false; // the token before `pending` was a multiplier
  bool any = false;
  bool some = false;
  int digits_read = 0;
  bool multiplied = false;
  while (true) {
    const std::size_t before = cursor.position();
    if (any) {
      skip_spaces_inside(cursor);
    }
    if (const auto digit = cursor.consume_entry(k_chinese_digits)) {
      if (pending >= 0) {
        cursor.rewind(before);
        break;
      }
      if (digit->value == 0) {
        // 零 marks a skipped place: 一百零五 = 105.
        after_multiplier = false;
        any = true;
        continue;
      }
      pending = digit->value;
      ++digits_read;
      any = true;
      continue;
    }
    if (any && !some && pending < 0 && last_multiplier < 10000
        && cursor.consume_any(k_some_digit)) {
      pending = 0;
      some = true;
      after_multiplier = false;
      continue;
    }
    if (const auto multiplier = cursor.consume_entry(k_chinese_multipliers)) {
      if (multiplier->value >= last_multiplier || some) {
        cursor.rewind(before);
        break;
      }
      // A bare multiplier counts one of itself: 十二 = 12, 千三 = 1300.
      total += static_cast<std::int64_t>(pending > 0 ? pending : 1) * multiplier->value;
      pending = -1;
      last_multiplier = multiplier->value;
      after_multiplier = true;
      multiplied = true;
      any = true;
      continue;
    }
    cursor.rewind(before);
    break;
  }
  if (!any) {
    return std::nullopt;
  }
  if (pending > 0) {
    if (after_multiplier && last_multiplier >= 100) {
      total += static_cast<std::int64_t>(pending) * (last_multiplier / 10);
    } else {
      total += pending;
    }
  }
  Section out;
  out.value = Decimal{total, 0};
  out.at_least = some;
  out.single_digit = !multiplied && digits_read == 1 && !some;

  // Decimals: 十五點七 = 15.7, 零點五 = 0.5. Only digits follow 點 here; 點
  // followed by anything else is the unit "points" (200點).
  const std::size_t before_point = cursor.position();
  if (!some && cursor.consume_any(k_chinese_points)) {
    bool fraction = false;
    while (const auto digit = cursor.peek_entry(k_chinese_digits)) {
      cursor.consume_entry(k_chinese_digits);
      if (!out.value.push_digit(digit->value)) {
        break;
      }
      --out.value.exponent;
      fraction = true;
    }
    if (!fraction) {
      cursor.rewind(before_point);
    } else {
      out.single_digit = false;
    }
  }
  return out;
}

// English number words below a hundred: "six", "twenty-one", "forty two".
std::optional<Decimal>
read_english_words(Cursor& cursor)
{
  if (const auto tens = cursor.consume_entry(k_english_tens)) {
    int value = tens->value;
    const std::size_t before = cursor.position();
    if (cursor.consume_exact("-") || cursor.skip_spaces()) {
      if (const auto unit = cursor.consume_entry(k_english_units);
          unit && unit->value > 0 && unit->value < 10) {
        value += unit->value;
      } else {
        cursor.rewind(before);
      }
    }
    return Decimal{value, 0};
  }
  if (const auto unit = cursor.consume_entry(k_english_units)) {
    return Decimal{unit->value, 0};
  }
  return std::nullopt;
}

enum class Script { arabic, chinese, english };

struct Head
{
  Decimal value;
  Script script = Script::arabic;
  bool at_least = false;
  bool single_digit = false;
};

Expected<std::optional<Head>>
read_head(Cursor& cursor)
{
  auto arabic = read_arabic(cursor);
  if (!arabic) {
    return unexpected(arabic.error());
  }
  if (*arabic) {
    const bool single = (*arabic)->exponent == 0 && (*arabic)->mantissa < 10;
    return std::optional<Head>(Head{**arabic, Script::arabic, false, single});
  }
  if (const auto section = read_chinese_section(cursor)) {
    return std::optional<Head>(
        Head{section->value, Script::chinese, section->at_least, section->single_digit});
  }
  if (const auto words = read_english_words(cursor)) {
    return std::optional<Head>(Head{*words, Script::english, false, false});
  }
  return std::optional<Head>();
}

// A scale at the cursor, after a head in `script`: letters touching the
// number (or a space apart, for the unambiguous ones), 萬/億/兆, 百/千 after
// Arabic digits (but not the 百 of 百分點), English scale words.
std::optional<int>
read_scale(Cursor& cursor, Script script, bool first)
{
  const std::size_t before = cursor.position();
  if (first && script == Script::arabic) {
    for (const ScaleWord& letter : k_scale_letters) {
      if (cursor.consume_suffix(letter.text)) {
        return letter.exponent;
      }
    }
    if (cursor.skip_spaces()) {
      for (std::size_t i = 0; i < k_spaced_scale_letters; ++i) {
        if (cursor.consume_suffix(k_scale_letters[i].text)) {
          return k_scale_letters[i].exponent;
        }
      }
      cursor.rewind(before);
    }
  }
  cursor.skip_spaces();
  if (const auto unit = cursor.consume_entry(k_big_units)) {
    return unit->exponent;
  }
  if (script == Script::arabic && !cursor.starts_with("百分")) {
    if (const auto unit = cursor.consume_entry(k_arabic_small_units)) {
      return unit->exponent;
    }
  }
  if (script != Script::chinese) {
    if (const auto word = cursor.consume_entry(k_english_scales)) {
      return word->exponent;
    }
  }
  cursor.rewind(before);
  return std::nullopt;
}

} // namespace

bool
at_chinese_numeral(const Cursor& cursor)
{
  return cursor.peek_entry(k_chinese_digits) || cursor.peek_entry(k_chinese_multipliers);
}

// head [多] { scale [多] [零] [section] }
//
// Sections combine as Chinese writes them: a scale larger than every one
// before it multiplies all that came before (一萬五千億 = 15000 × 10⁸), a
// smaller one only its own section (一億二千萬 = 10⁸ + 2000 × 10⁴). A lone
// digit right after a scale is shortened as after 百/千 (一萬三 = 13000).
Expected<std::optional<Number>>
read_number(Cursor& cursor)
{
  const std::size_t start = cursor.position();
  auto head = read_head(cursor);
  if (!head) {
    return unexpected(head.error());
  }
  if (!*head) {
    cursor.rewind(start);
    return std::optional<Number>();
  }
  const Script script = (*head)->script;
  Number out;
  out.at_least = (*head)->at_least || cursor.consume_any(k_at_least_marks);

  // Empty, not zero, until there is something: 0.00億 is zero to the
  // millionth of a 億, which a zero sum would lose.
  std::optional<Decimal> total;
  std::optional<Decimal> section = (*head)->value;
  const auto sum = [](const std::optional<Decimal>& a,
                      const std::optional<Decimal>& b) -> std::optional<Decimal> {
    if (!a || !b) {
      return a ? a : b;
    }
    return Decimal::add(*a, *b);
  };
  int last_scale = -1;
  int run = 0;
  bool first = true;
  while (const auto exponent = read_scale(cursor, script, first)) {
    first = false;
    out.has_scale = true;
    std::optional<Decimal> combined;
    if (last_scale < 0 || *exponent > last_scale) {
      combined = sum(total, section);
      if (combined) {
        combined = combined->shifted(*exponent);
      }
    } else {
      combined = section ? sum(total, section->shifted(*exponent)) : total;
    }
    if (!combined) {
      return too_long(cursor);
    }
    total = combined;
    section.reset();
    run += *exponent;
    last_scale = *exponent;
    out.at_least = out.at_least || cursor.consume_any(k_at_least_marks);

    // A lower section: 3萬4000, 一萬五千億's 五千, 五億零六, 一萬三.
    const std::size_t before_section = cursor.position();
    if (script == Script::english) {
      // two hundred fifty, two thousand and five
      cursor.skip_spaces();
      if (cursor.consume_token("and")) {
        cursor.skip_spaces();
      }
      const auto words = read_english_words(cursor);
      if (!words || words->to_double() >= Decimal{1, *exponent}.to_double()) {
        cursor.rewind(before_section);
        continue;
      }
      section = *words;
      run = 0;
      continue;
    }
    const bool zero = cursor.consume_exact("零") || cursor.consume_exact("〇");
    auto next = read_head(cursor);
    if (!next) {
      return unexpected(next.error());
    }
    if (!*next || (*next)->script == Script::english) {
      cursor.rewind(before_section);
      continue;
    }
    Decimal lower = (*next)->value;
    if ((*next)->single_digit && !zero) {
      lower = lower.shifted(*exponent - 1);
    } else if (lower.exponent < 0 || lower.to_double() >= Decimal{1, *exponent}.to_double()) {
      return unexpected(
          fmt::format(R"(the part after the scale word is too large in "{}")", cursor.text()));
    }
    out.at_least = out.at_least || (*next)->at_least || cursor.consume_any(k_at_least_marks);
    section = lower;
    run = 0;
  }
  const auto value = sum(total, section);
  if (!value) {
    return too_long(cursor);
  }
  out.value = *value;
  out.run = run;
  out.significant = value->shifted(-run);
  return std::optional<Number>(out);
}

} // namespace factcheck::quantity::detail
