// The words of the quantity language: qualifiers, signs, units, scales and
// numerals in English, Traditional and Simplified Chinese. Data only; the
// grammar that uses them is in parse.cpp and numeral.cpp.
//
// Entries that start with an ASCII letter match as whole words,
// case-insensitively, with any run of spaces between their words; the rest
// match byte for byte. Within a table, an entry that another starts with
// comes after it (個月 before 個), because the first match wins.
#pragma once

#include <factcheck/quantity/quantity.hpp>

#include <array>
#include <string_view>

namespace factcheck::quantity::detail {

struct ComparatorWord
{
  std::string_view text;
  Comparator comparator;
};

// Qualifiers written before the number.
inline constexpr std::array k_comparator_prefixes = {
    ComparatorWord{"逾", Comparator::gt},
    ComparatorWord{"超過", Comparator::gt},
    ComparatorWord{"超过", Comparator::gt},
    ComparatorWord{"多於", Comparator::gt},
    ComparatorWord{"多于", Comparator::gt},
    ComparatorWord{"高於", Comparator::gt},
    ComparatorWord{"高于", Comparator::gt},
    ComparatorWord{"不止", Comparator::gt},
    ComparatorWord{"more than", Comparator::gt},
    ComparatorWord{"greater than", Comparator::gt},
    ComparatorWord{"higher than", Comparator::gt},
    ComparatorWord{"just over", Comparator::gt},
    ComparatorWord{"well over", Comparator::gt},
    ComparatorWord{"over", Comparator::gt},
    ComparatorWord{"above", Comparator::gt},
    ComparatorWord{"不到", Comparator::lt},
    ComparatorWord{"少於", Comparator::lt},
    ComparatorWord{"少于", Comparator::lt},
    ComparatorWord{"低於", Comparator::lt},
    ComparatorWord{"低于", Comparator::lt},
    ComparatorWord{"不足", Comparator::lt},
    ComparatorWord{"未達", Comparator::lt},
    ComparatorWord{"未达", Comparator::lt},
    ComparatorWord{"less than", Comparator::lt},
    ComparatorWord{"fewer than", Comparator::lt},
    ComparatorWord{"lower than", Comparator::lt},
    ComparatorWord{"just under", Comparator::lt},
    ComparatorWord{"under", Comparator::lt},
    ComparatorWord{"below", Comparator::lt},
    ComparatorWord{"至少", Comparator::ge},
    ComparatorWord{"最少", Comparator::ge},
    ComparatorWord{"不少於", Comparator::ge},
    ComparatorWord{"不少于", Comparator::ge},
    ComparatorWord{"at least", Comparator::ge},
    ComparatorWord{"大約", Comparator::approx},
    ComparatorWord{"大约", Comparator::approx},
    ComparatorWord{"大概", Comparator::approx},
    ComparatorWord{"約莫", Comparator::approx},
    ComparatorWord{"約", Comparator::approx},
    ComparatorWord{"约", Comparator::approx},
    ComparatorWord{"接近", Comparator::approx},
    ComparatorWord{"將近", Comparator::approx},
    ComparatorWord{"将近", Comparator::approx},
    ComparatorWord{"近", Comparator::approx},
    ComparatorWord{"about", Comparator::approx},
    ComparatorWord{"nearly", Comparator::approx},
    ComparatorWord{"approximately", Comparator::approx},
    ComparatorWord{"roughly", Comparator::approx},
    ComparatorWord{"around", Comparator::approx},
    ComparatorWord{"almost", Comparator::approx},
    ComparatorWord{"some", Comparator::approx},
};

// Qualifiers written after the figure: 100億美元左右, 200人以上, 5% or so.
inline constexpr std::array k_comparator_suffixes = {
    ComparatorWord{"左右", Comparator::approx},
    ComparatorWord{"上下", Comparator::approx},
    ComparatorWord{"or so", Comparator::approx},
    ComparatorWord{"以上", Comparator::ge},
    ComparatorWord{"or more", Comparator::ge},
};

// 多/余/餘 right after a number: "十多萬", "200余人" (at least).
inline constexpr std::array<std::string_view, 3> k_at_least_marks = {"多", "余", "餘"};

// Signs. Full-width forms are folded to ASCII before parsing.
inline constexpr std::array<std::string_view, 5> k_signs_minus = {"-", "−", "負", "负", "minus"};
inline constexpr std::array<std::string_view, 1> k_signs_plus = {"+"};

// Between the ends of a range. "-" is only a separator after a number;
// before one it is a sign.
inline constexpr std::array<std::string_view, 7> k_range_separators = {
    "-", "–", "—", "~", "至", "到", "to"};

struct UnitWord
{
  std::string_view text;
  Unit unit;
  Span span = Span::none;
};

inline constexpr std::array k_currency_prefixes = {
    UnitWord{"US$", Unit::usd},
    UnitWord{"USD", Unit::usd},
    UnitWord{"$", Unit::usd},
    UnitWord{"HK$", Unit::hkd},
    UnitWord{"HKD", Unit::hkd},
    UnitWord{"CN¥", Unit::cny},
    UnitWord{"RMB", Unit::cny},
    UnitWord{"CNY", Unit::cny},
};

// Units after the number. Longer entries first where one starts another.
inline constexpr std::array k_unit_suffixes = {
    // Percentage points before percent and before the counter 個.
    UnitWord{"個百分點", Unit::percentage_points},
    UnitWord{"个百分点", Unit::percentage_points},
    UnitWord{"百分點", Unit::percentage_points},
    UnitWord{"百分点", Unit::percentage_points},
    UnitWord{"percentage points", Unit::percentage_points},
    UnitWord{"percentage point", Unit::percentage_points},
    UnitWord{"pp", Unit::percentage_points},
    UnitWord{"ppt", Unit::percentage_points},
    UnitWord{"ppts", Unit::percentage_points},
    UnitWord{"%", Unit::percent},
    UnitWord{"percent", Unit::percent},
    UnitWord{"per cent", Unit::percent},
    UnitWord{"pct", Unit::percent},
    UnitWord{"pc", Unit::percent},
    // Index points.
    UnitWord{"點", Unit::points},
    UnitWord{"点", Unit::points},
    UnitWord{"points", Unit::points},
    UnitWord{"point", Unit::points},
    UnitWord{"pts", Unit::points},
    UnitWord{"pt", Unit::points},
    // Currencies. 人民幣 before the counter 人.
    UnitWord{"美元", Unit::usd},
    UnitWord{"美金", Unit::usd},
    UnitWord{"USD", Unit::usd},
    UnitWord{"US dollars", Unit::usd},
    UnitWord{"dollars", Unit::usd},
    UnitWord{"dollar", Unit::usd},
    UnitWord{"港元", Unit::hkd},
    UnitWord{"港幣", Unit::hkd},
    UnitWord{"港币", Unit::hkd},
    UnitWord{"HKD", Unit::hkd},
    UnitWord{"Hong Kong dollars", Unit::hkd},
    UnitWord{"人民幣", Unit::cny},
    UnitWord{"人民币", Unit::cny},
    UnitWord{"元", Unit::cny},
    UnitWord{"RMB", Unit::cny},
    UnitWord{"CNY", Unit::cny},
    UnitWord{"yuan", Unit::cny},
    UnitWord{"renminbi", Unit::cny},
    // Shares.
    UnitWord{"股", Unit::shares},
    UnitWord{"shares", Unit::shares},
    UnitWord{"share", Unit::shares},
    // Spans of time, before the counters 個/个.
    UnitWord{"個多月", Unit::days, Span::months},
    UnitWord{"个多月", Unit::days, Span::months},
    UnitWord{"個半月", Unit::days, Span::months},
    UnitWord{"个半月", Unit::days, Span::months},
    UnitWord{"個月", Unit::days, Span::months},
    UnitWord{"个月", Unit::days, Span::months},
    UnitWord{"months", Unit::days, Span::months},
    UnitWord{"month", Unit::days, Span::months},
    UnitWord{"個星期", Unit::days, Span::weeks},
    UnitWord{"个星期", Unit::days, Span::weeks},
    UnitWord{"星期", Unit::days, Span::weeks},
    UnitWord{"週", Unit::days, Span::weeks},
    UnitWord{"周", Unit::days, Span::weeks},
    UnitWord{"weeks", Unit::days, Span::weeks},
    UnitWord{"week", Unit::days, Span::weeks},
    UnitWord{"天", Unit::days, Span::days},
    UnitWord{"days", Unit::days, Span::days},
    UnitWord{"day", Unit::days, Span::days},
    UnitWord{"年", Unit::days, Span::years},
    UnitWord{"years", Unit::days, Span::years},
    UnitWord{"year", Unit::days, Span::years},
    // Counters, which leave a plain count.
    UnitWord{"顆", Unit::none},
    UnitWord{"颗", Unit::none},
    UnitWord{"塊", Unit::none},
    UnitWord{"块", Unit::none},
    UnitWord{"枚", Unit::none},
    UnitWord{"張", Unit::none},
    UnitWord{"张", Unit::none},
    UnitWord{"台", Unit::none},
    UnitWord{"臺", Unit::none},
    UnitWord{"次", Unit::none},
    UnitWord{"家", Unit::none},
    UnitWord{"人", Unit::none},
    UnitWord{"名", Unit::none},
    UnitWord{"位", Unit::none},
    UnitWord{"倍", Unit::none},
    UnitWord{"個", Unit::none},
    UnitWord{"个", Unit::none},
};

// Written before the number: 百分之十七 (17%), 千分之五 (0.5%).
struct PerWord
{
  std::string_view text;
  int percent_exponent; // the value in percent is the number × 10^this
};
inline constexpr std::array k_per_prefixes = {
    PerWord{"百分之", 0},
    PerWord{"千分之", -1},
};

struct ScaleWord
{
  std::string_view text;
  int exponent;
};

// Letter abbreviations: case-sensitive, and never followed by a letter, so
// that a stray word is not read as a scale. "bn", "mn", "tn" and the capitals
// may stand a space apart from the number ("3 bn", "2.5 M"); "m" and "k" must
// touch it ("$5.6m").
inline constexpr std::array k_scale_letters = {
    ScaleWord{"bn", 9},
    ScaleWord{"tn", 12},
    ScaleWord{"mn", 6},
    ScaleWord{"K", 3},
    ScaleWord{"M", 6},
    ScaleWord{"B", 9},
    ScaleWord{"T", 12},
    ScaleWord{"k", 3},
    ScaleWord{"m", 6},
};
inline constexpr std::size_t k_spaced_scale_letters = 7; // the first seven

// Scale words. 萬/億/兆 end a section of a Chinese numeral; 百/千 are scale
// words only after Arabic digits ("3千"); after a Chinese digit they are part
// of the section.
inline constexpr std::array k_big_units = {
    ScaleWord{"萬", 4},
    ScaleWord{"万", 4},
    ScaleWord{"億", 8},
    ScaleWord{"亿", 8},
    ScaleWord{"兆", 12},
};
inline constexpr std::array k_arabic_small_units = {
    ScaleWord{"百", 2},
    ScaleWord{"千", 3},
};
inline constexpr std::array k_english_scales = {
    ScaleWord{"hundred", 2},
    ScaleWord{"thousand", 3},
    ScaleWord{"million", 6},
    ScaleWord{"billion", 9},
    ScaleWord{"trillion", 12},
};

struct Numeral
{
  std::string_view text;
  int value;
};

// Chinese digits, ordinary and financial (大寫) forms.
inline constexpr std::array k_chinese_digits = {
    Numeral{"零", 0}, Numeral{"〇", 0}, Numeral{"一", 1}, Numeral{"壹", 1}, Numeral{"二", 2},
    Numeral{"兩", 2}, Numeral{"两", 2}, Numeral{"貳", 2}, Numeral{"贰", 2}, Numeral{"三", 3},
    Numeral{"參", 3}, Numeral{"叁", 3}, Numeral{"叄", 3}, Numeral{"四", 4}, Numeral{"肆", 4},
    Numeral{"五", 5}, Numeral{"伍", 5}, Numeral{"六", 6}, Numeral{"陸", 6}, Numeral{"陆", 6},
    Numeral{"七", 7}, Numeral{"柒", 7}, Numeral{"八", 8}, Numeral{"捌", 8}, Numeral{"九", 9},
    Numeral{"玖", 9},
};

inline constexpr std::array k_chinese_multipliers = {
    Numeral{"十", 10},
    Numeral{"拾", 10},
    Numeral{"百", 100},
    Numeral{"佰", 100},
    Numeral{"千", 1000},
    Numeral{"仟", 1000},
};

// 幾/几: an unknown digit ("二十幾萬": at least 20萬).
inline constexpr std::array<std::string_view, 2> k_some_digit = {"幾", "几"};

// 點/点 between Chinese digits is a decimal point (十五點七).
inline constexpr std::array<std::string_view, 2> k_chinese_points = {"點", "点"};

// English number words.
inline constexpr std::array k_english_units = {
    Numeral{"zero", 0},      Numeral{"one", 1},       Numeral{"two", 2},
    Numeral{"three", 3},     Numeral{"four", 4},      Numeral{"five", 5},
    Numeral{"six", 6},       Numeral{"seven", 7},     Numeral{"eight", 8},
    Numeral{"nine", 9},      Numeral{"ten", 10},      Numeral{"eleven", 11},
    Numeral{"twelve", 12},   Numeral{"thirteen", 13}, Numeral{"fourteen", 14},
    Numeral{"fifteen", 15},  Numeral{"sixteen", 16},  Numeral{"seventeen", 17},
    Numeral{"eighteen", 18}, Numeral{"nineteen", 19},
};
inline constexpr std::array k_english_tens = {
    Numeral{"twenty", 20},
    Numeral{"thirty", 30},
    Numeral{"forty", 40},
    Numeral{"fifty", 50},
    Numeral{"sixty", 60},
    Numeral{"seventy", 70},
    Numeral{"eighty", 80},
    Numeral{"ninety", 90},
};

// Whitespace that may sit between the parts of a figure: ASCII, the no-break
// space and the ideographic space.
inline constexpr std::array<std::string_view, 6> k_spaces = {
    " ", "\t", "\r", "\n", "\u00a0", "\u3000"};

} // namespace factcheck::quantity::detail
