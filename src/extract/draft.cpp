// From mentions, subjects and words to drafted claims (docs/extract.md).
#include "utf8.hpp"

#include <factcheck/extract/extract.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

namespace factcheck::extract {

namespace {

using quantity::Comparator;
using quantity::Unit;

bool
contains_any(std::string_view text, std::initializer_list<std::string_view> words)
{
  for (const auto word : words) {
    bool ascii = std::all_of(
        word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!ascii) {
      if (text.find(word) != std::string_view::npos) {
        return true;
      }
      continue;
    }
    // Whole words, any case.
    for (std::size_t at = 0; at + word.size() <= text.size(); ++at) {
      bool same = true;
      for (std::size_t i = 0; i < word.size() && same; ++i) {
        const char a = text[at + i];
        const char b = word[i];
        same = (a == b) || (a >= 'A' && a <= 'Z' && a - 'A' + 'a' == b);
      }
      if (same && (at == 0 || !detail::is_ascii_alnum(text[at - 1]))
          && (at + word.size() == text.size() || !detail::is_ascii_alnum(text[at + word.size()]))) {
        return true;
      }
    }
  }
  return false;
}

bool
contains_any(std::string_view text, const std::vector<std::string>& words)
{
  return std::any_of(words.begin(), words.end(), [&](const std::string& w) {
    return contains_any(text, {std::string_view(w)});
  });
}

// The words that make a price a close: 收於 118.42, "closed at $118.42".
const std::vector<std::string> k_close_words{"收於",
                                             "收于",
                                             "收報",
                                             "收报",
                                             "收在",
                                             "closed at",
                                             "ended at",
                                             "finished at",
                                             "close at",
                                             "closing at",
                                             "settled at"};

// Whether the text right before a figure makes it a level ("激增至42%",
// "from 15% to 4%") rather than a move.
bool
reads_as_level(std::string_view before, std::string_view after)
{
  auto trimmed = before;
  while (!trimmed.empty() && trimmed.back() == ' ') {
    trimmed.remove_suffix(1);
  }
  for (const std::string_view marker : {"至", "到", "從", "从", "達", "达", "為", "为"}) {
    if (trimmed.size() >= marker.size()
        && trimmed.substr(trimmed.size() - marker.size()) == marker) {
      return true;
    }
  }
  for (const std::string_view marker : {" to", " from", " at"}) {
    if (trimmed.size() >= marker.size()
        && trimmed.substr(trimmed.size() - marker.size()) == marker) {
      return true;
    }
  }
  return contains_any(before,
                      {"比例",
                       "比率",
                       "率",
                       "佔",
                       "占",
                       "份額",
                       "份额",
                       "本益比",
                       "市盈率",
                       "ratio",
                       "rate",
                       "share of",
                       "margin",
                       "accuracy"})
         || contains_any(after.substr(0, std::min<std::size_t>(after.size(), 12)),
                         {"的參數", "的参数", "的AI", "企業", "企业"});
}

std::string
trim_number(double value)
{
  auto text = fmt::format("{:.2f}", value);
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  return text;
}

// A figure for ids: 17pct, 600bn, 320m, 8-15pct.
std::string
figure_slug(const quantity::Quantity& q)
{
  const auto one = [&](double v) {
    v = std::abs(v);
    switch (q.unit) {
    case Unit::percent:
      return trim_number(v) + "pct";
    case Unit::percentage_points:
      return trim_number(v) + "pp";
    case Unit::points:
      return trim_number(v) + "pts";
    case Unit::days:
      return trim_number(v) + "d";
    default:
      break;
    }
    if (v >= 1e12) {
      return trim_number(v / 1e12) + "tn";
    }
    if (v >= 1e9) {
      return trim_number(v / 1e9) + "bn";
    }
    if (v >= 1e6) {
      return trim_number(v / 1e6) + "m";
    }
    if (v >= 1e4) {
      return trim_number(v / 1e3) + "k";
    }
    return trim_number(v);
  };
  if (q.is_range) {
    auto low = one(q.low);
    auto high = one(q.high);
    // "8pct-15pct" -> "8-15pct"
    std::string suffix;
    while (!low.empty() && !high.empty() && low.back() == high.back()
           && !(low.back() >= '0' && low.back() <= '9')) {
      suffix.insert(suffix.begin(), low.back());
      low.pop_back();
      high.pop_back();
    }
    return low + "-" + high + suffix;
  }
  return one(q.low);
}

std::string
comparator_words(Comparator c)
{
  switch (c) {
  case Comparator::gt:
    return "more than ";
  case Comparator::lt:
    return "less than ";
  case Comparator::approx:
    return "about ";
  case Comparator::ge:
    return "at least ";
  default:
    return "";
  }
}

// The figure in English: "more than $600bn", "8% to 15%".
std::string
figure_words(const quantity::Quantity& q)
{
  const auto one = [&](double v) {
    if (q.unit == Unit::shares) {
      return quantity::format_limit(std::abs(v), q.unit) + " shares";
    }
    return quantity::format_limit(std::abs(v), q.unit);
  };
  if (q.is_range) {
    return comparator_words(q.comparator) + one(q.low) + " to " + one(q.high);
  }
  return comparator_words(q.comparator) + one(q.low);
}

// A check value that is text, as a JSON string (which YAML reads the same).
std::string
json_text(std::string_view text)
{
  return nlohmann::json(std::string(text))
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

struct CheckDraft
{
  std::string kind;
  std::vector<std::pair<std::string, std::string>> entries; // besides kind
  std::string statement;
  std::string id_metric;
  std::string review; // non-empty: needs review, why
  std::string claimed_override;
  // The claimed figure is written without its "points": the catalogue loader
  // reads change and close figures as bare numbers.
  bool point_note = false;
};

// Whether `text`, trailing spaces dropped, ends with one of `words`.
bool
ends_with_any(std::string_view text, std::initializer_list<std::string_view> words)
{
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
    const auto word = w.front() == ' ' ? w.substr(1) : w;
    if (text.size() < word.size() || text.substr(text.size() - word.size()) != word) {
      return false;
    }
    // " to": a whole word.
    return w.front() != ' ' || text.size() == word.size()
           || text[text.size() - word.size() - 1] == ' ';
  });
}

// "$24.20" -> "24.20", "24.2美元" -> "24.2": the loader reads a change as a
// bare number.
std::string
without_currency(std::string_view claimed)
{
  for (const std::string_view sign : {"US$", "HK$", "$"}) {
    if (claimed.substr(0, sign.size()) == sign) {
      claimed.remove_prefix(sign.size());
      break;
    }
  }
  for (const std::string_view word : {"美元", " dollars", " USD", "USD"}) {
    if (claimed.size() > word.size() && claimed.substr(claimed.size() - word.size()) == word) {
      claimed.remove_suffix(word.size());
      break;
    }
  }
  return std::string(claimed);
}

// "612 points" -> "612", "200點" -> "200".
std::string
without_points_word(std::string_view claimed)
{
  for (const std::string_view word : {" points", "points", " pts", "pts", "點", "点"}) {
    if (claimed.size() > word.size() && claimed.substr(claimed.size() - word.size()) == word) {
      return std::string(claimed.substr(0, claimed.size() - word.size()));
    }
  }
  return std::string(claimed);
}

// What a subject is, for a figure.
struct Subject
{
  std::vector<const Entity*> entities;
  std::string how; // "", "carried", "heading", "after"
};

std::string
possessive(const Entity& e)
{
  if (e.index) {
    return "The " + e.name;
  }
  return e.name + "'s share price";
}

// The check for a figure on one entity, from the words of its clause.
CheckDraft
figure_check(const FigureMention& m,
             const Entity* entity,
             std::string_view before,
             std::string_view after,
             std::string_view clause,
             std::string_view sentence_before,
             const std::optional<Date>& date)
{
  CheckDraft out;
  const auto& q = m.quantity;
  Direction direction = direction_in(before);
  if (direction == Direction::none) {
    direction = direction_in(after.substr(0, std::min<std::size_t>(after.size(), 24)));
  }
  if (direction == Direction::none) {
    // "slid 3.1%, or 612 points": the move named earlier in the sentence.
    direction = direction_in(sentence_before);
  }
  if (q.sign < 0) {
    direction = Direction::fall;
  } else if (q.sign > 0) {
    direction = Direction::rise;
  }
  const std::string dir_word = direction == Direction::fall ? "fell" : "rose";
  const std::string dir_key = direction == Direction::fall ? "fall" : "rise";
  const std::string fig = figure_words(q);
  const std::string when = date ? format_date(*date) : "";

  if (entity == nullptr) {
    out.review = "needs review: no company, index or product in the entity table is named for "
                 "this figure";
    return out;
  }
  // Documents first: they settle figures that are not market data.
  for (const auto& doc : entity->documents) {
    if (doc.about != "figure" || (doc.unit && *doc.unit != q.unit)) {
      continue;
    }
    if (contains_any(clause, doc.words)) {
      out.kind = "document_figure";
      out.entries = {{"document", json_text(doc.document)}, {"anchor", json_text(doc.anchor)}};
      out.statement = fmt::format(
          "{}: {}, the figure its document gives after \"{}\".", entity->name, fig, doc.anchor);
      out.id_metric = "figure";
      return out;
    }
  }
  // An index level written without a unit: "to close at 19,341.83".
  if (entity->index && q.unit == Unit::none && !entity->series.empty() && date
      && (contains_any(before,
                       {"收於",
                        "收于",
                        "收報",
                        "收报",
                        "closed at",
                        "close at",
                        "closing at",
                        "ended at",
                        "finished at"})
          || ends_with_any(before, {" to", "至", "到", "報", "报"}))) {
    if (auto as_points = quantity::parse(m.claimed + " points")) {
      out.kind = "close";
      out.entries = {{"series", json_text(entity->series)}, {"date", format_date(*date)}};
      out.statement = fmt::format(
          "The {} closed at {} on {}.", entity->name, figure_words(*as_points), format_date(*date));
      out.id_metric = "close";
      out.claimed_override = m.claimed; // bare: see without_points_word
      out.point_note = true;
      return out;
    }
  }
  const bool market_unit = q.unit == Unit::percent || q.unit == Unit::usd || q.unit == Unit::shares
                           || q.unit == Unit::points;
  if (!market_unit) {
    out.review = fmt::format("needs review: {} is named but the words do not say what {} measures",
                             entity->name,
                             m.claimed);
    return out;
  }
  if (entity->series.empty()) {
    out.review = fmt::format("needs review: the entity table has no series for {}", entity->name);
    return out;
  }
  if (!date) {
    out.review = "needs review: no date in the sentence and no --date";
    return out;
  }
  const auto series = json_text(entity->series);
  const std::string_view window = before;
  const bool change_needs_direction = direction != Direction::none;

  if (q.unit == Unit::shares) {
    if (contains_any(window,
                     {"平日",
                      "平均",
                      "日均",
                      "通常",
                      "平時",
                      "平时",
                      "usual",
                      "usually",
                      "average",
                      "typical",
                      "typically",
                      "normally"})) {
      out.kind = "average_volume";
      out.entries = {{"series", series}, {"date", when}, {"days", "20"}};
      out.statement = fmt::format("On a usual day (the 20 trading days before {}) {} of {} traded.",
                                  when,
                                  fig,
                                  entity->name);
      out.id_metric = "usual-volume";
      return out;
    }
    if (contains_any(clause, {"成交量", "成交", "交投", "volume", "changed hands", "traded"})) {
      out.kind = "volume";
      out.entries = {{"series", series}, {"date", when}};
      out.statement = fmt::format("{} of {} changed hands on {}.", fig, entity->name, when);
      out.id_metric = "volume";
      return out;
    }
    out.review =
        fmt::format("needs review: a number of shares of {}, but no volume word", entity->name);
    return out;
  }
  if (q.unit == Unit::usd) {
    if (contains_any(clause,
                     {"市值",
                      "market value",
                      "market cap",
                      "market capitalization",
                      "market capitalisation",
                      "valuation"})) {
      if (entity->shares.empty()) {
        out.review = fmt::format("needs review: the entity table has no SEC share count for {}",
                                 entity->name);
        return out;
      }
      // "跌破3萬億", "fell below $3 trillion", "跌至": a level, not the move.
      const bool below = contains_any(window, {"跌破", "低於", "低于", "below", "under"})
                         || q.comparator == Comparator::lt;
      if (below) {
        out.kind = "market_cap";
        out.entries = {{"series", series}, {"shares", json_text(entity->shares)}, {"date", when}};
        out.statement =
            fmt::format("{}'s market value was below {} on {}.", entity->name, fig, when);
        out.id_metric = "market-value-below";
        if (q.comparator == Comparator::as_written) {
          out.claimed_override = "below " + m.claimed;
        }
        return out;
      }
      if (!change_needs_direction) {
        out.kind = "market_cap";
        out.entries = {{"series", series}, {"shares", json_text(entity->shares)}, {"date", when}};
        out.statement = fmt::format("{}'s market value was {} on {}.", entity->name, fig, when);
        out.id_metric = "market-value";
        return out;
      }
      out.kind = "market_cap_change";
      out.entries = {{"series", series},
                     {"shares", json_text(entity->shares)},
                     {"date", when},
                     {"direction", dir_key}};
      out.statement = fmt::format("{} {} {} of market value on {}.",
                                  entity->name,
                                  direction == Direction::fall ? "lost" : "gained",
                                  fig,
                                  when);
      out.id_metric = direction == Direction::fall ? "market-value-lost" : "market-value-gained";
      return out;
    }
    if (!entity->index
        && (ends_with_any(window, {"報", "报", " to", "至", "到"})
            || contains_any(window, k_close_words))) {
      out.kind = "close";
      out.entries = {{"series", series}, {"date", when}};
      out.statement = fmt::format("{} closed at {} on {}.", entity->name, fig, when);
      out.id_metric = "close";
      return out;
    }
    if (contains_any(window, {"流出", "流入", "outflow", "outflows", "inflow", "inflows"})) {
      out.review = fmt::format("needs review: a fund flow of {}; no check kind measures flows",
                               entity->name);
      return out;
    }
    // "下跌24.2美元", "fell $24.20": the share price moved by a sum of money.
    const auto bare = quantity::parse(without_currency(m.claimed));
    if (!entity->index && change_needs_direction && bare && bare->unit == Unit::none
        && std::abs(q.high) < 1e5) {
      out.kind = "change";
      out.entries = {{"series", series}, {"date", when}, {"direction", dir_key}};
      out.statement = fmt::format("{} {} by {} on {}.", possessive(*entity), dir_word, fig, when);
      out.id_metric = dir_word;
      out.claimed_override = without_currency(m.claimed);
      out.point_note = true;
      return out;
    }
    out.review = fmt::format(
        "needs review: a sum of money about {}, but neither market value nor a close is named",
        entity->name);
    return out;
  }
  if (q.unit == Unit::points) {
    if (contains_any(window, k_close_words)) {
      out.kind = "close";
      out.entries = {{"series", series}, {"date", when}};
      out.statement = fmt::format("{} closed at {} on {}.", possessive(*entity), fig, when);
      out.id_metric = "close";
      out.claimed_override = without_points_word(m.claimed);
      out.point_note = true;
      return out;
    }
    if (!change_needs_direction) {
      out.review =
          fmt::format("needs review: {} of {} with no direction word", m.claimed, entity->name);
      return out;
    }
    out.kind = "change";
    out.entries = {{"series", series}, {"date", when}, {"direction", dir_key}};
    out.statement = fmt::format("{} {} {} on {}.", possessive(*entity), dir_word, fig, when);
    out.id_metric = dir_word;
    out.claimed_override = without_points_word(m.claimed);
    out.point_note = true;
    return out;
  }
  // Percent.
  if (reads_as_level(before, after)) {
    out.review =
        fmt::format("needs review: {} reads as a level or a ratio, not {}'s one-day change",
                    m.claimed,
                    entity->name);
    return out;
  }
  if (!change_needs_direction) {
    out.review =
        fmt::format("needs review: {} about {} with no direction word", m.claimed, entity->name);
    return out;
  }
  out.kind = "change_pct";
  out.entries = {{"series", series}, {"date", when}, {"direction", dir_key}};
  if (!entity->corroborate.empty()) {
    out.entries.emplace_back("corroborate", json_text(entity->corroborate));
  }
  out.statement = fmt::format("{} {} {} on {}.", possessive(*entity), dir_word, fig, when);
  out.id_metric = dir_word;
  return out;
}

std::string
language_of(std::string_view text)
{
  std::size_t han = 0;
  std::size_t latin = 0;
  int traditional = 0;
  int simplified = 0;
  static const std::u32string k_traditional =
      U"們這國為發與說時來對會學過還麼開關體點價場億萬輝達臺灣從歲網據經濟產業";
  static const std::u32string k_simplified =
      U"们这国为发与说时来对会学过还么开关体点价场亿万辉达台湾从岁网据经济产业";
  for (std::size_t i = 0; i < text.size();) {
    const auto cp = util::utf8_at(text, i);
    i += cp.length;
    if (cp.value >= 0x4E00 && cp.value <= 0x9FFF) {
      ++han;
      if (k_traditional.find(cp.value) != std::u32string::npos) {
        ++traditional;
      } else if (k_simplified.find(cp.value) != std::u32string::npos) {
        ++simplified;
      }
    } else if ((cp.value >= 'a' && cp.value <= 'z') || (cp.value >= 'A' && cp.value <= 'Z')) {
      ++latin;
    }
  }
  if (han * 3 < latin) {
    return "en";
  }
  return simplified > traditional ? "zh-Hans" : "zh-Hant";
}

std::string
first_line(std::string_view text)
{
  std::size_t at = 0;
  while (at < text.size()) {
    auto end = text.find('\n', at);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    auto line = text.substr(at, end - at);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) {
      line.remove_prefix(1);
    }
    if (!line.empty()) {
      return std::string(line);
    }
    at = end + 1;
  }
  return {};
}

// The part of [lo, hi) within `radius` bytes of [begin, end), on code point
// boundaries: the words a figure is read with are near it, so that one
// enormous clause costs linear time, not quadratic.
std::string_view
around(std::string_view text,
       std::size_t lo,
       std::size_t hi,
       std::size_t begin,
       std::size_t end,
       std::size_t radius = 240)
{
  std::size_t from = begin > lo + radius ? begin - radius : lo;
  std::size_t to = std::min(hi, end + radius);
  const auto continuation = [&](std::size_t at) {
    return at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
  };
  while (from < begin && continuation(from)) {
    ++from;
  }
  while (to < hi && continuation(to)) {
    ++to;
  }
  return text.substr(from, to - from);
}

// The entities named in [begin, end), in groups: names joined by 、, "and",
// commas or brackets ("博通(Broadcom)、美光(Micron)") are one group.
std::vector<std::vector<const Entity*>>
groups_in(std::string_view text,
          const std::vector<EntityTable::Match>& matches,
          std::size_t begin,
          std::size_t end)
{
  std::vector<std::vector<const Entity*>> out;
  std::size_t last_end = 0;
  // Matches are in text order: start at the first one at or after `begin`.
  auto first = std::lower_bound(
      matches.begin(), matches.end(), begin, [](const EntityTable::Match& m, std::size_t at) {
        return m.begin < at;
      });
  for (auto it = first; it != matches.end() && it->begin < end; ++it) {
    const auto& match = *it;
    if (match.end > end) {
      continue;
    }
    bool joined = false;
    if (!out.empty()) {
      auto gap = text.substr(last_end, match.begin - last_end);
      joined = true;
      std::size_t i = 0;
      while (i < gap.size()) {
        bool ok = false;
        for (const std::string_view sep : {"、",
                                           ",",
                                           "，",
                                           "(",
                                           ")",
                                           "（",
                                           "）",
                                           " ",
                                           "和",
                                           "與",
                                           "与",
                                           "及",
                                           "&",
                                           "and",
                                           "or",
                                           "如",
                                           "/"}) {
          if (gap.substr(i, sep.size()) == sep) {
            i += sep.size();
            ok = true;
            break;
          }
        }
        if (!ok) {
          joined = false;
          break;
        }
      }
    }
    if (joined) {
      auto& group = out.back();
      if (std::find(group.begin(), group.end(), match.entity) == group.end()) {
        group.push_back(match.entity);
      }
    } else {
      out.push_back({match.entity});
    }
    last_end = match.end;
  }
  return out;
}

// Verbs that make a date the date of an event worth a claim.
constexpr std::array<std::string_view, 24> k_event_verbs = {
    "成立", "創立",     "创立",     "創辦",      "创办",     "founded",  "推出",     "發布",
    "发布", "發表",     "发表",     "宣布",      "宣佈",     "登頂",     "登顶",     "上線",
    "上线", "launched", "released", "announced", "unveiled", "launches", "releases", "announces"};

std::string
slug_of_date(const PartialDate& d)
{
  return format_partial_date(d);
}

} // namespace

Draft
extract(std::string_view text, const EntityTable& entities, const Options& options)
{
  Draft draft;
  draft.title = first_line(text);
  draft.language = language_of(text);
  draft.published = options.published;
  draft.recordings = options.recordings;

  // Code points before each byte offset, once: spans are asked for per claim.
  std::vector<std::uint32_t> code_points_before(text.size() + 1, 0);
  {
    std::uint32_t count = 0;
    std::size_t at = 0;
    while (at < text.size()) {
      const auto length = util::utf8_at(text, at).length;
      for (std::size_t i = 0; i < length; ++i) {
        code_points_before[at + i] = count;
      }
      ++count;
      at += length;
    }
    code_points_before[text.size()] = count;
  }
  const auto code_points = [&](std::size_t begin, std::size_t end) {
    // A byte inside a code point counts it as begun, as code_point_span does.
    const auto before = [&](std::size_t offset) -> std::size_t {
      offset = std::min(offset, text.size());
      if (offset == text.size() || offset == 0) {
        return code_points_before[offset];
      }
      return code_points_before[offset]
             + (code_points_before[offset - 1] == code_points_before[offset] ? 1 : 0);
    };
    return std::pair<std::size_t, std::size_t>{before(begin), before(end)};
  };

  const auto clauses = split_clauses(text);
  // Each sentence's bytes, from its first clause to its last.
  std::vector<std::pair<std::size_t, std::size_t>> sentence_bounds;
  for (const auto& c : clauses) {
    if (sentence_bounds.size() <= c.sentence) {
      sentence_bounds.resize(c.sentence + 1, {c.begin, c.end});
    }
    sentence_bounds[c.sentence].first = std::min(sentence_bounds[c.sentence].first, c.begin);
    sentence_bounds[c.sentence].second = std::max(sentence_bounds[c.sentence].second, c.end);
  }
  const auto matches = entities.find(text);
  std::vector<std::pair<std::size_t, std::size_t>> masked;
  masked.reserve(matches.size());
  for (const auto& match : matches) {
    masked.emplace_back(match.begin, match.end);
  }
  // Model and part names (H100, A100, V3, R1, Q4): never figures, and a figure
  // glued to one ("2,000顆H100") is still read.
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (!(std::isalpha(static_cast<unsigned char>(text[at])) != 0)
        || (at > 0 && detail::is_ascii_alnum(text[at - 1]))) {
      continue;
    }
    std::size_t letters = at;
    while (letters < text.size() && std::isalpha(static_cast<unsigned char>(text[letters])) != 0) {
      ++letters;
    }
    std::size_t end = letters;
    while (end < text.size() && detail::is_ascii_alnum(text[end])) {
      ++end;
    }
    if (letters - at <= 3 && end > letters && text[letters] >= '0' && text[letters] <= '9') {
      const bool in_entity = std::any_of(matches.begin(), matches.end(), [&](const auto& m) {
        return m.begin < end && at < m.end;
      });
      if (!in_entity) {
        masked.emplace_back(at, end);
      }
    }
    at = end > at ? end - 1 : at;
  }
  const auto figures = find_figures(text, masked);
  const DateContext date_context{options.published};
  auto dates = find_dates(text, date_context);
  // Dates inside an entity name or a figure are not dates.
  std::sort(masked.begin(), masked.end());
  std::erase_if(dates, [&](const DateMention& d) {
    // Masked spans are disjoint: only the last one starting before d.end can
    // overlap the date.
    auto it = std::lower_bound(
        masked.begin(), masked.end(), std::pair<std::size_t, std::size_t>{d.end, 0});
    for (int back = 0; back < 2 && it != masked.begin(); ++back) {
      --it;
      if (d.begin < it->second && it->first < d.end) {
        return true;
      }
    }
    return false;
  });

  std::set<std::string> used_ids;
  std::map<std::string, int> next_suffix;
  const auto unique_id = [&](const std::string& id) {
    std::string out;
    for (const char c : id) {
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_') {
        out += c;
      } else if (c >= 'A' && c <= 'Z') {
        out += static_cast<char>(c - 'A' + 'a');
      } else if (!out.empty() && out.back() != '-') {
        out += '-';
      }
    }
    while (!out.empty() && (out.back() == '-' || out.back() == '.')) {
      out.pop_back();
    }
    if (out.empty()) {
      out = "claim";
    }
    // Repeats get -2, -3 ... in text order; the counter per base keeps a text
    // with thousands of repeats linear.
    std::string candidate = out;
    auto& n = next_suffix[out];
    if (n == 0) {
      n = 2;
    }
    while (used_ids.count(candidate) != 0) {
      candidate = fmt::format("{}-{}", out, n++);
    }
    used_ids.insert(candidate);
    return candidate;
  };

  // The last day named in the text up to here that can be a market day:
  // written to the day, not vague, not after the article was published.
  std::optional<Date> context_day;
  std::string context_day_text;
  // The subject of the most recent clause that named one.
  std::vector<const Entity*> topic;
  std::size_t topic_sentence = 0;
  bool topic_heading = false;

  std::size_t current_sentence = static_cast<std::size_t>(-1);
  std::optional<Date> sentence_day;
  std::string sentence_day_how;

  for (std::size_t ci = 0; ci < clauses.size(); ++ci) {
    const auto& clause = clauses[ci];
    const auto clause_text = text.substr(clause.begin, clause.end - clause.begin);
    if (clause.sentence != current_sentence) {
      current_sentence = clause.sentence;
      // The sentence's own day, else the one carried from before.
      std::optional<Date> own;
      std::string own_text;
      const auto [sentence_lo, sentence_hi] = sentence_bounds[clause.sentence];
      {
        for (auto it =
                 std::lower_bound(dates.begin(),
                                  dates.end(),
                                  sentence_lo,
                                  [](const DateMention&m, std::size_t at) { return m.begin < at; });
             it != dates.end() && it->begin < sentence_hi && !own;
             ++it) {
          const auto& d = *it;
          if (d.end > sentence_hi) {
            continue;
          }
          const bool relative = d.date.inferred == DateInference::whole_date;
          if (relative && (d.text == "當天" || d.text == "当天") && context_day) {
            own = context_day;
            own_text = fmt::format(
                "\"{}\" read as {}, the day named before it", d.text, format_date(*context_day));
            continue;
          }
          if (d.date.date.day != 0 && !d.date.vague) {
            const Date day = d.date.date.first_day();
            if (!options.published || day <= *options.published) {
              own = day;
              own_text = d.date.inferred == DateInference::none
                             ? ""
                             : fmt::format("\"{}\" read as {} ({})",
                                           d.text,
                                           format_date(day),
                                           written_date_note(d.date));
            }
          }
        }
      }
      if (own) {
        sentence_day = own;
        sentence_day_how = own_text;
        context_day = own;
        context_day_text = own_text;
      } else if (context_day) {
        sentence_day = context_day;
        sentence_day_how =
            fmt::format("date {} carried from an earlier sentence", format_date(*context_day));
      } else {
        sentence_day = options.published;
        sentence_day_how =
            options.published
                ? fmt::format("no date in the text; the article's date {} (--date) is used",
                              format_date(*options.published))
                : "";
      }
    }

    const auto groups = groups_in(text, matches, clause.begin, clause.end);
    std::vector<const FigureMention*> clause_figures;
    for (auto it =
             std::lower_bound(figures.begin(),
                              figures.end(),
                              clause.begin,
                              [](const FigureMention&m, std::size_t at) { return m.begin < at; });
         it != figures.end() && it->begin < clause.end;
         ++it) {
      if (it->end <= clause.end) {
        clause_figures.push_back(&*it);
      }
    }

    // A claim quoting the clause, with the note of how its subject was found.
    const auto make_claim = [&](const Entity* entity, const std::string& how) {
      DraftClaim claim;
      claim.quote = std::string(clause_text);
      const auto [s, e] = code_points(clause.begin, clause.end);
      claim.span_begin = s;
      claim.span_end = e;
      if (entity != nullptr && !how.empty()) {
        claim.notes.push_back(how);
      }
      return claim;
    };

    for (std::size_t fi = 0; fi < clause_figures.size(); ++fi) {
      const auto& figure = *clause_figures[fi];
      // "焦點1:", "Part 2": a label ending a heading, not a figure.
      if (clause.heading_line && figure.end == clause.end && figure.quantity.unit == Unit::none
          && !figure.quantity.is_range && figure.quantity.comparator == Comparator::as_written
          && std::abs(figure.quantity.high) < 100) {
        continue;
      }
      const std::size_t window_begin = fi == 0 ? clause.begin : clause_figures[fi - 1]->end;
      const std::size_t window_end =
          fi + 1 < clause_figures.size() ? clause_figures[fi + 1]->begin : clause.end;
      const auto before = around(text, window_begin, figure.begin, figure.begin, figure.begin);
      const auto after = around(text, figure.end, window_end, figure.end, figure.end);

      // The subject: names between the previous figure and this one, else
      // the first names of the clause before it, else the topic carried
      // from earlier, else names after the figure.
      Subject subject;
      {
        const auto near = groups_in(text, matches, window_begin, figure.begin);
        const auto first = groups_in(text, matches, clause.begin, figure.begin);
        const auto later = groups_in(text, matches, figure.end, clause.end);
        // "美國同業", "rivals": an unnamed other party, not the topic.
        const bool other_party = contains_any(
            before, {"同業", "同业", "對手", "对手", "peers", "rivals", "competitors"});
        if (!near.empty()) {
          subject.entities = near.front();
        } else if (!first.empty()) {
          subject.entities = first.front();
        } else if (other_party) {
          subject.how = "";
        } else if (!topic.empty() && topic_sentence == clause.sentence) {
          subject.entities = topic;
          subject.how = fmt::format("subject {} from earlier in the sentence", topic.front()->name);
        } else if (!later.empty()) {
          subject.entities = later.front();
          subject.how = "after";
        } else if (!topic.empty() && topic_heading) {
          subject.entities = topic;
          subject.how = fmt::format("subject {} from the heading line above", topic.front()->name);
        } else if (!topic.empty()) {
          subject.entities = topic;
          subject.how = "carried";
        }
      }
      if (subject.entities.empty()) {
        subject.entities.push_back(nullptr);
      }
      // "819 million Nvidia shares": the unit after the name.
      FigureMention read = figure;
      {
        const auto later = groups_in(text, matches, figure.end, clause.end);
        std::size_t probe = figure.end;
        if (subject.how == "after" && !later.empty()) {
          for (auto it = std::lower_bound(
                   matches.begin(),
                   matches.end(),
                   figure.end,
                   [](const EntityTable::Match&m, std::size_t at) { return m.begin < at; });
               it != matches.end() && it->begin <= figure.end + 1;
               ++it) {
            const auto& match = *it;
            if (match.begin >= figure.end && match.begin <= figure.end + 1) {
              subject.how = "";
              probe = match.end;
              break;
            }
          }
        }
        while (probe < text.size() && text[probe] == ' ') {
          ++probe;
        }
        if (read.quantity.unit == Unit::none && text.substr(probe, 6) == "shares"
            && (probe + 6 == text.size() || !detail::is_ascii_alnum(text[probe + 6]))) {
          if (auto as_shares = quantity::parse(read.claimed + " shares")) {
            read.quantity = *as_shares;
            read.claimed += " shares";
          }
        }
      }
      const auto sentence_before = around(
          text, sentence_bounds[clause.sentence].first, figure.begin, figure.begin, figure.begin);
      for (const Entity* entity : subject.entities) {
        auto claim = make_claim(entity, subject.how);
        auto check = figure_check(read,
                                  entity,
                                  before,
                                  after,
                                  around(text, clause.begin, clause.end, figure.begin, figure.end),
                                  sentence_before,
                                  sentence_day);
        if (read.fraction) {
          check = CheckDraft{};
          check.review = fmt::format(
              "needs review: the fraction {} is not a figure the catalogue reads", read.claimed);
        }
        if (entity != nullptr && (subject.how == "carried" || subject.how == "after")) {
          check.review.clear();
        }
        if (check.review.empty() && entity != nullptr) {
          if (subject.how == "carried") {
            check.review = fmt::format(
                "needs review: the subject ({}) is taken from an earlier sentence", entity->name);
          } else if (subject.how == "after") {
            check.review = fmt::format(
                "needs review: the subject ({}) is named only after the figure", entity->name);
          } else if (!entity->unsure.empty()) {
            check.review = "needs review: " + entity->unsure;
          }
        }
        if (subject.how == "carried" || subject.how == "after") {
          claim.notes.clear();
        }
        claim.claimed = check.claimed_override.empty() ? read.claimed : check.claimed_override;
        // Only a change takes a sign; elsewhere a "-" before the digits is a
        // dash ("成交量-3.2億股"), not part of the figure.
        if (check.review.empty() && check.kind != "change_pct" && check.kind != "change"
            && check.kind != "market_cap_change" && read.quantity.sign != 0) {
          const auto at = claim.claimed.find_first_of("+-");
          if (at != std::string::npos) {
            claim.claimed.erase(at, 1);
          }
        }
        if (read.fraction) {
          claim.claimed.clear();
          claim.notes.push_back(fmt::format("the article writes {}", read.claimed));
        }
        const std::string who = entity != nullptr ? entity->id : "figure";
        if (check.review.empty()) {
          claim.check.emplace_back("kind", check.kind);
          for (auto& entry : check.entries) {
            // A signed figure ("-8%至-15%") carries its direction itself.
            if (entry.first == "direction" && read.quantity.sign != 0) {
              continue;
            }
            claim.check.push_back(std::move(entry));
          }
          claim.statement = check.statement;
          claim.id =
              unique_id(fmt::format("{}-{}-{}", who, check.id_metric, figure_slug(read.quantity)));
          if (check.point_note && claim.claimed != figure.claimed) {
            claim.notes.push_back(fmt::format(
                "the article writes \"{}\"; claimed as a bare number, as the loader reads a {}",
                figure.claimed,
                check.kind));
          }
          if (check.kind != "document_figure" && !sentence_day_how.empty()) {
            claim.notes.push_back(sentence_day_how);
          }
        } else {
          claim.needs_review = true;
          claim.review_reason = check.review;
          claim.check.emplace_back("kind", "unverifiable");
          claim.check.emplace_back("reason", json_text(check.review));
          claim.statement = fmt::format("Draft: the article gives {}{}; what it measures needs "
                                        "review.",
                                        figure_words(read.quantity),
                                        entity != nullptr ? " about " + entity->name : "");
          claim.id = unique_id(fmt::format("{}-{}", who, figure_slug(read.quantity)));
        }
        draft.claims.push_back(std::move(claim));
      }
    }

    // Dates that are themselves the claim: "since 2022", "founded in 2023".
    for (auto it =
             std::lower_bound(dates.begin(),
                              dates.end(),
                              clause.begin,
                              [](const DateMention&m, std::size_t at) { return m.begin < at; });
         it != dates.end() && it->begin < clause.end;
         ++it) {
      const auto& d = *it;
      // A date may run over a clause comma ("Jan. 27, 2025"): it belongs to
      // the clause it starts in, and its words run to the end of the clause
      // it ends in.
      std::size_t date_clause_end = clause.end;
      for (std::size_t cj = ci; cj < clauses.size() && clauses[cj].sentence == clause.sentence;
           ++cj) {
        date_clause_end = clauses[cj].end;
        if (clauses[cj].end >= d.end) {
          break;
        }
      }
      if (d.end > date_clause_end) {
        continue;
      }
      const auto rest = around(text, d.end, date_clause_end, d.end, d.end);
      // "its biggest drop since 2022": English names the record before the year.
      const auto words = around(text, clause.begin, date_clause_end, d.begin, d.end);
      // The sentence (near the date, in one that is enormous).
      const auto whole_sentence = around(text,
                                         sentence_bounds[clause.sentence].first,
                                         sentence_bounds[clause.sentence].second,
                                         d.begin,
                                         d.end,
                                         1200);
      const auto groups_before = groups_in(text, matches, clause.begin, d.begin);
      std::vector<const Entity*> who = !groups_before.empty() ? groups_before.front()
                                       : !topic.empty()       ? topic
                                                              : std::vector<const Entity*>{};
      const bool who_carried = groups_before.empty() && !topic.empty();
      const std::size_t sentence_start =
          static_cast<std::size_t>(whole_sentence.data() - text.data());
      const bool since = contains_any(rest.substr(0, std::min<std::size_t>(rest.size(), 12)),
                                      {"以來", "以来", "起"})
                         || (d.begin >= 6 && contains_any(text.substr(d.begin - 6, 6), {"since"}));
      if (since
          && contains_any(words,
                          {"最大",
                           "最多",
                           "最深",
                           "最差",
                           "biggest",
                           "largest",
                           "worst",
                           "steepest",
                           "sharpest",
                           "deepest",
                           "best"})) {
        if (d.date.date.month != 0) {
          continue;
        }
        const Direction direction = direction_in(words);
        for (const Entity* entity : who) {
          DraftClaim claim = make_claim(entity, "");
          claim.claimed = std::to_string(d.date.date.year);
          std::string review;
          if (entity->series.empty()) {
            review =
                fmt::format("needs review: the entity table has no series for {}", entity->name);
          } else if (direction == Direction::none) {
            review = "needs review: largest move since, but no word says rise or fall";
          } else if (!sentence_day) {
            review = "needs review: no date in the sentence and no --date";
          } else if (who_carried && topic_sentence != clause.sentence && !topic_heading) {
            review = fmt::format("needs review: the subject ({}) is taken from an earlier sentence",
                                 entity->name);
          }
          const std::string dir = direction == Direction::fall ? "fall" : "rise";
          if (review.empty()) {
            claim.check = {{"kind", "largest_move_since"},
                           {"series", json_text(entity->series)},
                           {"date", format_date(*sentence_day)},
                           {"direction", dir}};
            claim.statement =
                fmt::format("The one-day {} of the {} on {} was its largest since {}.",
                            dir,
                            entity->name,
                            format_date(*sentence_day),
                            claim.claimed);
            claim.id =
                unique_id(fmt::format("{}-largest-{}-since-{}", entity->id, dir, claim.claimed));
            if (who_carried) {
              claim.notes.push_back(
                  fmt::format("subject {} from earlier in the text", entity->name));
            }
            if (!sentence_day_how.empty()) {
              claim.notes.push_back(sentence_day_how);
            }
          } else {
            claim.needs_review = true;
            claim.review_reason = review;
            claim.check = {{"kind", "unverifiable"}, {"reason", json_text(review)}};
            claim.statement = fmt::format("Draft: a record since {}; needs review.", claim.claimed);
            claim.id = unique_id(fmt::format("{}-since-{}", entity->id, claim.claimed));
          }
          draft.claims.push_back(std::move(claim));
        }
        continue;
      }
      // An event dated in the sentence: founding, launch, announcement.
      const bool founded =
          contains_any(whole_sentence, {"成立", "創立", "创立", "創辦", "创办", "founded"});
      const bool event =
          founded
          || std::any_of(k_event_verbs.begin(), k_event_verbs.end(), [&](std::string_view verb) {
               return whole_sentence.find(verb) != std::string_view::npos;
             });
      if (!event || d.date.inferred == DateInference::whole_date) {
        continue;
      }
      // The subject of the event: a name before its verb in the sentence
      // ("2024年12月,DeepSeek推出…"), not one quoted after it ("成立這家公司
      // 時,外界只當是又一個「想複製ChatGPT」…"); else the topic carried.
      std::size_t verb_at = whole_sentence.size();
      for (const std::string_view verb : k_event_verbs) {
        verb_at = std::min(verb_at, whole_sentence.find(verb));
      }
      const auto groups_before_verb =
          groups_in(text, matches, sentence_start, sentence_start + verb_at);
      const bool event_carried = groups_before_verb.empty() && !topic.empty();
      const Entity* entity = !groups_before_verb.empty() ? groups_before_verb.front().front()
                             : !topic.empty()            ? topic.front()
                                                         : nullptr;
      DraftClaim claim = make_claim(entity, "");
      claim.quote = std::string(whole_sentence);
      {
        const auto [s, e] = code_points(sentence_start, sentence_start + whole_sentence.size());
        claim.span_begin = s;
        claim.span_end = e;
      }
      claim.claimed = format_partial_date(d.date.date);
      std::string review;
      const EntityDocument* doc = nullptr;
      if (entity != nullptr && founded) {
        for (const auto& candidate : entity->documents) {
          if (candidate.about == "founded") {
            doc = &candidate;
          }
        }
      }
      if (entity == nullptr) {
        review = "needs review: a dated event, but no entity in the table is named for it";
      } else if (doc == nullptr) {
        review = fmt::format(
            "needs review: a dated event of {}; the entity table names no document for it",
            entity->name);
      } else if (event_carried && topic_sentence != clause.sentence && !topic_heading) {
        review = fmt::format("needs review: the subject ({}) is taken from an earlier sentence",
                             entity->name);
      } else if (d.date.vague) {
        review = fmt::format("needs review: \"{}\" is a vague date", d.text);
      }
      if (review.empty()) {
        claim.check = {{"kind", "document_date"},
                       {"document", json_text(doc->document)},
                       {"anchor", json_text(doc->anchor)}};
        claim.statement = fmt::format(
            "{} was founded in {}.", entity->name, format_partial_date_in_words(d.date.date));
        claim.id = unique_id(fmt::format("{}-founded-{}", entity->id, slug_of_date(d.date.date)));
      } else {
        claim.needs_review = true;
        claim.review_reason = review;
        claim.check = {{"kind", "unverifiable"}, {"reason", json_text(review)}};
        claim.statement = fmt::format("Draft: an event dated {}; needs review.",
                                      format_partial_date_in_words(d.date.date));
        claim.id = unique_id(fmt::format(
            "{}-event-{}", entity != nullptr ? entity->id : "claim", slug_of_date(d.date.date)));
        if (d.date.vague) {
          claim.notes.push_back(
              fmt::format("\"{}\" is vague: read as {}", d.text, format_partial_date(d.date.date)));
        }
      }
      draft.claims.push_back(std::move(claim));
    }

    if (!groups.empty()) {
      topic = groups.front();
      topic_sentence = clause.sentence;
      topic_heading = clause.heading_line;
    }
  }
  // Text order: by span, figures before dates at the same place.
  std::stable_sort(draft.claims.begin(), draft.claims.end(), [](const auto& a, const auto& b) {
    return a.span_begin < b.span_begin;
  });
  return draft;
}

} // namespace factcheck::extract
