// Figures, dates and direction words in running text.
#include "utf8.hpp"

#include <factcheck/extract/extract.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace factcheck::extract {

namespace {

using detail::is_ascii_alnum;

bool
starts_with_at(std::string_view text, std::size_t at, std::string_view word)
{
  return text.substr(at, word.size()) == word;
}

char
lower(char c)
{
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool
equal_ignoring_case(std::string_view a, std::string_view b)
{
  if (a.size() != b.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (lower(a[i]) != lower(b[i])) {
      return false;
    }
  }
  return true;
}

bool
is_ascii_word(std::string_view word)
{
  return std::all_of(
      word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Where `word` ends last in `window` (npos if absent): ASCII words whole and
// in any case, Chinese words anywhere.
std::size_t
last_end_of(std::string_view window, std::string_view word)
{
  std::size_t best = std::string_view::npos;
  if (!is_ascii_word(word)) {
    for (auto at = window.find(word); at != std::string_view::npos;
         at = window.find(word, at + 1)) {
      best = at + word.size();
    }
    return best;
  }
  for (std::size_t at = 0; at + word.size() <= window.size(); ++at) {
    if (!equal_ignoring_case(window.substr(at, word.size()), word)) {
      continue;
    }
    const bool start_ok = at == 0 || !is_ascii_alnum(window[at - 1]);
    const std::size_t end = at + word.size();
    const bool end_ok = end == window.size() || !is_ascii_alnum(window[end]);
    if (start_ok && end_ok) {
      best = end;
    }
  }
  return best;
}

// The direction lexicon (docs/extract.md says how to add a word).
constexpr std::array k_fall_words = {
    "跌",      "挫",       "蒸發",     "蒸发",    "下修",     "流出",    "驟降",    "骤降",
    "下降",    "減少",     "减少",     "下滑",    "縮水",     "缩水",    "崩",      "fell",
    "fall",    "falls",    "falling",  "lost",    "lose",     "loses",   "losing",  "slid",
    "slide",   "slides",   "shed",     "sheds",   "sank",     "sink",    "sinks",   "dropped",
    "drop",    "drops",    "declined", "decline", "declines", "tumbled", "plunged", "plunge",
    "slumped", "wiped",    "wiping",   "down",    "lower",    "erased",  "erasing", "retreated",
    "dipped",  "outflows", "outflow",  "跌破"};
constexpr std::array k_rise_words = {
    "漲",     "涨",     "升",    "反彈",     "反弹",   "上揚",   "上扬",      "激增",
    "增長",   "增长",   "飆",    "飙",       "攀",     "走高",   "增加",      "gained",
    "gain",   "gains",  "rose",  "rise",     "rises",  "rising", "rebounded", "rebound",
    "jumped", "jump",   "jumps", "climbed",  "surged", "surge",  "rallied",   "rally",
    "up",     "higher", "added", "advanced", "soared"};

bool
is_digit_at(std::string_view text, std::size_t at)
{
  if (at >= text.size()) {
    return false;
  }
  if (text[at] >= '0' && text[at] <= '9') {
    return true;
  }
  const auto cp = util::utf8_at(text, at).value;
  return cp >= U'０' && cp <= U'９';
}

// Reads a run of ASCII or full-width digits at `at`; returns its byte end and
// digit count.
std::pair<std::size_t, int>
digits_at(std::string_view text, std::size_t at)
{
  int count = 0;
  while (is_digit_at(text, at)) {
    at += util::utf8_at(text, at).length;
    ++count;
  }
  return {at, count};
}

// Qualifiers written before a figure, longest first.
constexpr std::array k_qualifiers = {
    "more than ",  "less than ", "fewer than ", "at least ", "approximately ",
    "as much as ", "nearly ",    "about ",      "around ",   "almost ",
    "roughly ",    "below ",     "under ",      "over ",     "超過",
    "超过",        "不到",       "少於",        "少于",      "大約",
    "大约",        "將近",       "将近",        "接近",      "至少",
    "逾",          "近",         "約",          "约",        "超"};

// Currency signs written before the digits.
constexpr std::array k_currency_signs = {"US$", "HK$", "NT$", "RMB", "$", "＄", "€", "£", "¥"};

struct Segment
{
  std::size_t begin;
  std::size_t end;
};

std::vector<Segment>
unmasked_segments(std::size_t size, std::vector<std::pair<std::size_t, std::size_t>> masked)
{
  std::sort(masked.begin(), masked.end());
  std::vector<Segment> out;
  std::size_t at = 0;
  for (const auto& [begin, end] : masked) {
    if (begin > at) {
      out.push_back({at, std::min(begin, size)});
    }
    at = std::max(at, end);
  }
  if (at < size) {
    out.push_back({at, size});
  }
  return out;
}

bool
has_ascii_digit(std::string_view text)
{
  for (std::size_t i = 0; i < text.size(); i += util::utf8_at(text, i).length) {
    if (is_digit_at(text, i)) {
      return true;
    }
  }
  return false;
}

} // namespace

Direction
direction_in(std::string_view window)
{
  std::size_t best_end = 0;
  Direction best = Direction::none;
  const auto scan = [&](const auto& words, Direction direction) {
    for (const auto* word : words) {
      const auto end = last_end_of(window, word);
      if (end != std::string_view::npos && (best == Direction::none || end > best_end)) {
        best_end = end;
        best = direction;
      }
    }
  };
  scan(k_fall_words, Direction::fall);
  scan(k_rise_words, Direction::rise);
  return best;
}

std::vector<FigureMention>
find_figures(std::string_view text, const std::vector<std::pair<std::size_t, std::size_t>>& masked)
{
  std::vector<FigureMention> out;
  for (const auto& segment : unmasked_segments(text.size(), masked)) {
    const auto view = text.substr(segment.begin, segment.end - segment.begin);
    std::size_t from = 0;
    while (from < view.size()) {
      const auto found = quantity::find_quantity(view, from);
      if (!found || found->end <= found->begin || found->begin < from) {
        break;
      }
      std::size_t begin = found->begin;
      std::size_t end = found->end;
      from = end;
      // 第二章, 第3名: ordinals are not figures.
      if (begin >= 3 && view.substr(begin - 3, 3) == "第") {
        continue;
      }
      // A fraction ("1/50"): the quantity reader takes no fractions, so it is
      // one figure whose claimed text is left for a person.
      if (end + 1 < view.size() && view[end] == '/' && view[end + 1] >= '0'
          && view[end + 1] <= '9') {
        const auto denominator = quantity::find_quantity(view, end + 1);
        if (denominator && denominator->begin == end + 1) {
          FigureMention mention;
          mention.begin = segment.begin + begin;
          mention.end = segment.begin + denominator->end;
          mention.claimed = std::string(view.substr(begin, denominator->end - begin));
          mention.fraction = true;
          mention.quantity = found->quantity;
          out.push_back(std::move(mention));
          from = denominator->end;
          continue;
        }
      }
      // 數百億, 幾千: "several hundred" is no figure to check.
      bool vague = false;
      for (const std::string_view word : {"數", "数", "幾", "几"}) {
        vague = vague
                || (begin >= word.size() && view.substr(begin - word.size(), word.size()) == word);
      }
      if (vague) {
        continue;
      }
      const auto written = view.substr(begin, end - begin);
      const auto& q = found->quantity;
      // Small counts in words (三個指標, 兩張王牌) are how prose counts, not figures.
      if (!has_ascii_digit(written) && q.unit == quantity::Unit::none && std::abs(q.high) < 100) {
        continue;
      }
      // A range: "8%-15%", "20%至30%", "20% to 30%".
      std::size_t after = end;
      while (after < view.size() && view[after] == ' ') {
        ++after;
      }
      for (const std::string_view connector :
           {"-", "–", "—", "~", "～", "至", "到", "－", "to ", "and "}) {
        if (!starts_with_at(view, after, connector)) {
          continue;
        }
        std::size_t next_at = after + connector.size();
        while (next_at < view.size() && view[next_at] == ' ') {
          ++next_at;
        }
        std::size_t second_digits = next_at;
        if (second_digits < view.size()
            && (view[second_digits] == '-' || view[second_digits] == '+')) {
          ++second_digits;
        }
        const auto second = quantity::find_quantity(view, next_at);
        if (!second || (second->begin != next_at && second->begin != second_digits)) {
          break;
        }
        const auto as_range = view.substr(begin, second->end - begin);
        const auto parsed = quantity::parse(as_range);
        if (parsed && parsed->is_range) {
          end = second->end;
          from = end;
        }
        break;
      }
      // A sign or currency sign, then a qualifier, before the digits.
      std::size_t qualified = begin;
      if (qualified > 0 && (view[qualified - 1] == '-' || view[qualified - 1] == '+')
          && (qualified < 2 || !is_ascii_alnum(view[qualified - 2]))) {
        --qualified;
      }
      for (const std::string_view sign : k_currency_signs) {
        if (qualified >= sign.size() && view.substr(qualified - sign.size(), sign.size()) == sign) {
          qualified -= sign.size();
          break;
        }
      }
      for (const std::string_view qualifier : k_qualifiers) {
        if (qualified >= qualifier.size()
            && equal_ignoring_case(view.substr(qualified - qualifier.size(), qualifier.size()),
                                   qualifier)) {
          const std::size_t start = qualified - qualifier.size();
          if (is_ascii_word(qualifier) && start > 0 && is_ascii_alnum(view[start - 1])) {
            continue;
          }
          qualified = start;
          break;
        }
      }
      // "不到美國同業的1%": a qualifier a few words back, before "X的".
      std::string far_qualifier;
      if (qualified == begin && begin >= 3 && view.substr(begin - 3, 3) == "的") {
        for (const std::string_view word : {"不到", "不足", "少於", "少于", "超過", "超过", "逾"}) {
          const auto at = view.rfind(word, begin);
          if (at == std::string_view::npos || begin - at > 30) {
            continue;
          }
          const auto between = view.substr(at + word.size(), begin - at - word.size());
          bool plain = true;
          for (std::size_t i = 0; i < between.size(); i += util::utf8_at(between, i).length) {
            const auto c = util::utf8_at(between, i).value;
            plain = plain && c >= 0x4E00 && c <= 0x9FFF;
          }
          if (plain) {
            far_qualifier = std::string(word);
            break;
          }
        }
      }
      if (!far_qualifier.empty()) {
        const std::string claimed = far_qualifier + std::string(view.substr(begin, end - begin));
        if (auto parsed = quantity::parse(claimed)) {
          FigureMention mention;
          mention.begin = segment.begin + begin;
          mention.end = segment.begin + end;
          mention.claimed = claimed;
          mention.quantity = *parsed;
          out.push_back(std::move(mention));
          continue;
        }
      }
      // The widest reading that parse() accepts, narrowing to the figure.
      FigureMention mention;
      bool read = false;
      for (const std::size_t start : {qualified, begin}) {
        const auto claimed = view.substr(start, end - start);
        if (auto parsed = quantity::parse(claimed)) {
          mention.begin = segment.begin + start;
          mention.end = segment.begin + end;
          mention.claimed = std::string(claimed);
          mention.quantity = *parsed;
          read = true;
          break;
        }
      }
      if (!read) {
        mention.begin = segment.begin + found->begin;
        mention.end = segment.begin + found->end;
        mention.claimed = std::string(view.substr(found->begin, found->end - found->begin));
        mention.quantity = q;
        mention.quantity.text = mention.claimed;
      }
      out.push_back(std::move(mention));
    }
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.begin < b.begin; });
  return out;
}

namespace {

constexpr std::array k_month_names = {
    "January",   "February", "March",    "April",    "May",  "June", "July", "August",
    "September", "October",  "November", "December", "Jan.", "Feb.", "Mar.", "Apr.",
    "Jun.",      "Jul.",     "Aug.",     "Sept.",    "Sep.", "Oct.", "Nov.", "Dec."};
constexpr std::array k_day_words = {"Monday",
                                    "Tuesday",
                                    "Wednesday",
                                    "Thursday",
                                    "Friday",
                                    "Saturday",
                                    "Sunday",
                                    "yesterday",
                                    "當天",
                                    "当天",
                                    "今天",
                                    "昨天",
                                    "前天"};
constexpr std::array k_week_prefixes = {
    "上周", "上週", "上星期", "星期", "禮拜", "礼拜", "周", "週"};
constexpr std::array k_weekday_digits = {"一", "二", "三", "四", "五", "六", "日", "天"};
constexpr std::array k_zh_suffixes = {
    "聖誕節", "圣诞节", "中旬", "上旬", "下旬", "初", "底", "末", "中"};

// The longest date-looking text at `at`, or 0.
std::size_t
date_candidate(std::string_view text, std::size_t at)
{
  if (at > 0 && is_digit_at(text, detail::previous(text, at))) {
    return 0;
  }
  if (is_digit_at(text, at)) {
    auto [end, count] = digits_at(text, at);
    const auto take_suffix = [&](std::size_t from) {
      for (const std::string_view suffix : k_zh_suffixes) {
        if (starts_with_at(text, from, suffix)) {
          return from + suffix.size();
        }
      }
      return from;
    };
    if (count == 4 && starts_with_at(text, end, "年")) {
      std::size_t date_end = end + 3;
      auto [m_end, m_count] = digits_at(text, date_end);
      if (m_count >= 1 && m_count <= 2 && starts_with_at(text, m_end, "月")) {
        date_end = m_end + 3;
        auto [d_end, d_count] = digits_at(text, date_end);
        if (d_count >= 1 && d_count <= 2
            && (starts_with_at(text, d_end, "日") || starts_with_at(text, d_end, "號")
                || starts_with_at(text, d_end, "号"))) {
          return d_end + 3;
        }
        return take_suffix(date_end);
      }
      return take_suffix(date_end);
    }
    if (count >= 1 && count <= 2 && starts_with_at(text, end, "月")) {
      const std::size_t month_end = end + 3;
      auto [d_end, d_count] = digits_at(text, month_end);
      if (d_count >= 1 && d_count <= 2
          && (starts_with_at(text, d_end, "日") || starts_with_at(text, d_end, "號")
              || starts_with_at(text, d_end, "号"))) {
        return d_end + 3;
      }
      const auto suffixed = take_suffix(month_end);
      return suffixed != month_end ? suffixed : 0;
    }
    // A year before 以來/以来/起 ("2022年以來" is handled above).
    if (count == 4 && (starts_with_at(text, end, "以來") || starts_with_at(text, end, "以来"))) {
      return end;
    }
    return 0;
  }
  for (const std::string_view word : k_day_words) {
    if (starts_with_at(text, at, word)) {
      if (is_ascii_word(word)
          && ((at > 0 && is_ascii_alnum(text[at - 1]))
              || (at + word.size() < text.size() && is_ascii_alnum(text[at + word.size()])))) {
        return 0;
      }
      return at + word.size();
    }
  }
  for (const std::string_view prefix : k_week_prefixes) {
    if (starts_with_at(text, at, prefix)) {
      for (const std::string_view day : k_weekday_digits) {
        if (starts_with_at(text, at + prefix.size(), day)) {
          // 周一 but not 周年 or a lone 周 in a word; 星期天 and 周日 are days.
          const std::size_t end = at + prefix.size() + day.size();
          if (day == "天" && prefix != "星期" && prefix != "禮拜" && prefix != "礼拜") {
            return 0;
          }
          return end;
        }
      }
    }
  }
  if (at > 0 && is_ascii_alnum(text[at - 1])) {
    return 0;
  }
  for (const std::string_view month : k_month_names) {
    if (!starts_with_at(text, at, month)) {
      continue;
    }
    std::size_t end = at + month.size();
    if (month.back() != '.' && end < text.size() && is_ascii_alnum(text[end])) {
      return 0;
    }
    // "January 27", "January 27, 2025", "January 2025".
    std::size_t probe = end;
    if (probe < text.size() && text[probe] == ' ') {
      ++probe;
    }
    auto [d_end, d_count] = digits_at(text, probe);
    if (d_count >= 1 && d_count <= 2) {
      end = d_end;
      probe = d_end;
      if (probe < text.size() && text[probe] == ',') {
        ++probe;
      }
      if (probe < text.size() && text[probe] == ' ') {
        ++probe;
      }
      auto [y_end, y_count] = digits_at(text, probe);
      if (y_count == 4) {
        end = y_end;
      }
    } else if (d_count == 4) {
      end = d_end;
    } else if (month == "May") {
      return 0; // the verb
    }
    return end;
  }
  return 0;
}

} // namespace

std::vector<DateMention>
find_dates(std::string_view text, const DateContext& context)
{
  std::vector<DateMention> out;
  std::size_t at = 0;
  while (at < text.size()) {
    std::size_t end = date_candidate(text, at);
    // "since 2022", "since January": the year alone.
    if (end == 0 && at >= 6 && equal_ignoring_case(text.substr(at - 6, 6), "since ")) {
      auto [y_end, y_count] = digits_at(text, at);
      if (y_count == 4) {
        end = y_end;
      }
    }
    if (end > at) {
      const auto written = text.substr(at, end - at);
      if (auto date = parse_written_date(written, context)) {
        out.push_back({at, end, std::string(written), *date});
        at = end;
        continue;
      }
    }
    at += util::utf8_at(text, at).length;
  }
  return out;
}

} // namespace factcheck::extract
