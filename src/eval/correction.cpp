// Corrections of contradicted claims (docs/reports.md, "Corrections"). The
// wording is data: one template per check family and language, the words
// each kind puts in it, and the phrase that negates each comparator. A new
// language is rows in these tables, no code.
#include <factcheck/eval/correction.hpp>
#include <factcheck/model/check.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace factcheck::eval {

namespace {

using quantity::Comparator;
using quantity::Unit;

// A phrase in one language.
struct Phrase
{
  std::string_view language;
  std::string_view text;
};

// How a family's correction reads. Placeholders: {subject}, {verb} (the
// kind's words), {observed} and {claimed} (figures or dates in the
// language), {negation} ("未逾6000億美元": the comparator's phrase around
// {claimed}), {listed} and {missing} (document_list).
struct Template
{
  CheckFamily family;
  std::string_view language;
  std::string_view text;
};

constexpr std::array k_templates{
    Template{CheckFamily::market_level, "zh-Hant", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::market_level, "zh-Hans", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::market_level, "en", "{subject} {verb} {observed}, {negation}"},
    Template{CheckFamily::market_change, "zh-Hant", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::market_change, "zh-Hans", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::market_change, "en", "{subject} {verb} {observed}, {negation}"},
    Template{CheckFamily::average, "zh-Hant", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::average, "zh-Hans", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::average, "en", "{subject} {verb} {observed}, {negation}"},
    Template{CheckFamily::document_figure, "zh-Hant", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::document_figure, "zh-Hans", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::document_figure, "en", "{subject} {verb} {observed}, {negation}"},
    Template{CheckFamily::short_sale, "zh-Hant", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::short_sale, "zh-Hans", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::short_sale, "en", "{subject} {verb} {observed}, {negation}"},
    Template{CheckFamily::filing, "zh-Hant", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::filing, "zh-Hans", "{subject}{verb}{observed},{negation}"},
    Template{CheckFamily::filing, "en", "{subject} {verb} {observed}, {negation}"},
    // A derived figure is computed, not found: no subject.
    Template{CheckFamily::derived, "zh-Hant", "{verb}{observed},{negation}"},
    Template{CheckFamily::derived, "zh-Hans", "{verb}{observed},{negation}"},
    Template{CheckFamily::derived, "en", "{verb} {observed}, {negation}"},
    Template{CheckFamily::record,
             "zh-Hant",
             "{subject}{observed}的{verb}更大,並非{claimed}以來最大單日{verb}"},
    Template{CheckFamily::record,
             "zh-Hans",
             "{subject}{observed}的{verb}更大,并非{claimed}以来最大单日{verb}"},
    Template{CheckFamily::record,
             "en",
             "{subject} {verb} more on {observed}: not its largest one-day {verb_noun} since "
             "{claimed}"},
    Template{CheckFamily::document_date, "zh-Hant", "{subject}:{observed},而非{claimed}"},
    Template{CheckFamily::document_date, "zh-Hans", "{subject}:{observed},而非{claimed}"},
    Template{CheckFamily::document_date, "en", "{subject}: {observed}, not {claimed}"},
    Template{CheckFamily::entity_property, "zh-Hant", "{subject}:{observed},而非{claimed}"},
    Template{CheckFamily::entity_property, "zh-Hans", "{subject}:{observed},而非{claimed}"},
    Template{CheckFamily::entity_property, "en", "{subject}: {observed}, not {claimed}"},
    Template{CheckFamily::document_list, "zh-Hant", "{subject}:{listed},不含{missing}"},
    Template{CheckFamily::document_list, "zh-Hans", "{subject}:{listed},不含{missing}"},
    Template{CheckFamily::document_list, "en", "{subject}: {listed}, not {missing}"},
};

// An age (document_age, entity_age) reads the same in every family: the
// ages observed ({observed}: "39 or 40") on the day ({date}).
constexpr std::array k_age_templates{
    Phrase{"zh-Hant", "{subject}於{date}為{observed}歲,而非{claimed}歲"},
    Phrase{"zh-Hans", "{subject}于{date}为{observed}岁,而非{claimed}岁"},
    Phrase{"en", "{subject} was aged {observed} on {date}, not {claimed}"},
};

// The words a kind puts in its family's template ({verb}, and {verb_noun}
// for record), by the direction of the move where it has one.
struct Words
{
  CheckKind kind;
  Direction direction;
  std::string_view language;
  std::string_view verb;
  std::string_view verb_noun = {};
};

constexpr std::array k_words{
    Words{CheckKind::close, Direction::none, "zh-Hant", "收盤價為"},
    Words{CheckKind::close, Direction::none, "zh-Hans", "收盘价为"},
    Words{CheckKind::close, Direction::none, "en", "closed at"},
    Words{CheckKind::volume, Direction::none, "zh-Hant", "成交量為"},
    Words{CheckKind::volume, Direction::none, "zh-Hans", "成交量为"},
    Words{CheckKind::volume, Direction::none, "en", "traded"},
    Words{CheckKind::market_cap, Direction::none, "zh-Hant", "市值為"},
    Words{CheckKind::market_cap, Direction::none, "zh-Hans", "市值为"},
    Words{CheckKind::market_cap, Direction::none, "en", "was worth"},
    Words{CheckKind::change_pct, Direction::fall, "zh-Hant", "下跌"},
    Words{CheckKind::change_pct, Direction::fall, "zh-Hans", "下跌"},
    Words{CheckKind::change_pct, Direction::fall, "en", "fell"},
    Words{CheckKind::change_pct, Direction::rise, "zh-Hant", "上漲"},
    Words{CheckKind::change_pct, Direction::rise, "zh-Hans", "上涨"},
    Words{CheckKind::change_pct, Direction::rise, "en", "rose"},
    Words{CheckKind::change, Direction::fall, "zh-Hant", "下跌"},
    Words{CheckKind::change, Direction::fall, "zh-Hans", "下跌"},
    Words{CheckKind::change, Direction::fall, "en", "fell"},
    Words{CheckKind::change, Direction::rise, "zh-Hant", "上漲"},
    Words{CheckKind::change, Direction::rise, "zh-Hans", "上涨"},
    Words{CheckKind::change, Direction::rise, "en", "rose"},
    Words{CheckKind::market_cap_change, Direction::fall, "zh-Hant", "單日市值蒸發"},
    Words{CheckKind::market_cap_change, Direction::fall, "zh-Hans", "单日市值蒸发"},
    Words{CheckKind::market_cap_change, Direction::fall, "en", "lost"},
    Words{CheckKind::market_cap_change, Direction::rise, "zh-Hant", "單日市值增加"},
    Words{CheckKind::market_cap_change, Direction::rise, "zh-Hans", "单日市值增加"},
    Words{CheckKind::market_cap_change, Direction::rise, "en", "gained"},
    Words{CheckKind::largest_move_since, Direction::fall, "zh-Hant", "跌幅"},
    Words{CheckKind::largest_move_since, Direction::fall, "zh-Hans", "跌幅"},
    Words{CheckKind::largest_move_since, Direction::fall, "en", "fell", "fall"},
    Words{CheckKind::largest_move_since, Direction::rise, "zh-Hant", "漲幅"},
    Words{CheckKind::largest_move_since, Direction::rise, "zh-Hans", "涨幅"},
    Words{CheckKind::largest_move_since, Direction::rise, "en", "rose", "rise"},
    Words{CheckKind::average_volume, Direction::none, "zh-Hant", "此前平均每日成交量為"},
    Words{CheckKind::average_volume, Direction::none, "zh-Hans", "此前平均每日成交量为"},
    Words{CheckKind::average_volume, Direction::none, "en", "traded a daily mean of"},
    Words{CheckKind::document_figure, Direction::none, "zh-Hant", "記載為"},
    Words{CheckKind::document_figure, Direction::none, "zh-Hans", "记载为"},
    Words{CheckKind::document_figure, Direction::none, "en", "gives"},
    Words{CheckKind::short_sale_ratio, Direction::none, "zh-Hant", "做空成交占比為"},
    Words{CheckKind::short_sale_ratio, Direction::none, "zh-Hans", "做空成交占比为"},
    Words{CheckKind::short_sale_ratio, Direction::none, "en", "had a short-sale share of"},
    Words{CheckKind::filing_fact, Direction::none, "zh-Hant", "年報申報數字為"},
    Words{CheckKind::filing_fact, Direction::none, "zh-Hans", "年报申报数字为"},
    Words{CheckKind::filing_fact, Direction::none, "en", "filed a yearly figure of"},
    Words{CheckKind::derived, Direction::none, "zh-Hant", "依公開數字計算為"},
    Words{CheckKind::derived, Direction::none, "zh-Hans", "依公开数字计算为"},
    Words{CheckKind::derived, Direction::none, "en", "computed from the public figures:"},
};

// The phrase that says the claim's comparator did not hold, around the
// claimed figure.
struct Negation
{
  Comparator comparator;
  std::string_view language;
  std::string_view text;
};

constexpr std::array k_negations{
    Negation{Comparator::as_written, "zh-Hant", "而非{claimed}"},
    Negation{Comparator::as_written, "zh-Hans", "而非{claimed}"},
    Negation{Comparator::as_written, "en", "not {claimed}"},
    Negation{Comparator::approx, "zh-Hant", "而非約{claimed}"},
    Negation{Comparator::approx, "zh-Hans", "而非约{claimed}"},
    Negation{Comparator::approx, "en", "not about {claimed}"},
    Negation{Comparator::gt, "zh-Hant", "未逾{claimed}"},
    Negation{Comparator::gt, "zh-Hans", "未超过{claimed}"},
    Negation{Comparator::gt, "en", "not more than {claimed}"},
    Negation{Comparator::lt, "zh-Hant", "並非不到{claimed}"},
    Negation{Comparator::lt, "zh-Hans", "并非不到{claimed}"},
    Negation{Comparator::lt, "en", "not less than {claimed}"},
    Negation{Comparator::ge, "zh-Hant", "未達{claimed}"},
    Negation{Comparator::ge, "zh-Hans", "未达{claimed}"},
    Negation{Comparator::ge, "en", "not {claimed} or more"},
};

// A move the other way than claimed: replaces {negation}.
constexpr std::array k_opposites{
    Phrase{"zh-Hant", "方向與所述相反"},
    Phrase{"zh-Hans", "方向与所述相反"},
    Phrase{"en", "the opposite of what was claimed"},
};

// The subject when neither the claim nor the catalogue names one.
constexpr std::array k_default_subjects{
    Phrase{"zh-Hant", "公開紀錄"},
    Phrase{"zh-Hans", "公开记录"},
    Phrase{"en", "the public record"},
};

bool
is_chinese(std::string_view language)
{
  return language == "zh-Hant" || language == "zh-Hans";
}

void
replace_all(std::string& text, std::string_view from, std::string_view to)
{
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// `value` to `digits` significant digits, without trailing zeros; `rounded`
// says whether that changed it.
std::string
significant(double value, int digits, bool* rounded)
{
  if (value == 0) {
    return "0";
  }
  const int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
  const int decimals = std::max(0, digits - 1 - magnitude);
  const double scale = std::pow(10.0, decimals);
  const double kept = std::round(value * scale) / scale;
  if (rounded != nullptr) {
    *rounded = std::abs(kept - value) > 1e-9 * std::abs(value);
  }
  auto text = fmt::format("{:.{}f}", kept, decimals);
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') {
      text.pop_back();
    }
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text;
}

// A figure in Chinese: 億 and 萬 scales (兆 from 10¹²), the unit after.
std::string
chinese_figure(double value, Unit unit, bool simplified, int digits, bool* rounded)
{
  const double size = std::abs(value);
  if (unit == Unit::percent) {
    return significant(value, digits, rounded) + "%";
  }
  if (unit == Unit::percentage_points) {
    return significant(value, digits, rounded) + (simplified ? "个百分点" : "個百分點");
  }
  if (unit == Unit::points) {
    return significant(value, digits, rounded) + "點";
  }
  std::string scale;
  double shown = value;
  if (size >= 1e12) {
    shown = value / 1e12;
    scale = "兆";
  } else if (size >= 1e8) {
    shown = value / 1e8;
    scale = simplified ? "亿" : "億";
  } else if (size >= 1e4) {
    shown = value / 1e4;
    scale = simplified ? "万" : "萬";
  }
  std::string unit_word;
  switch (unit) {
  case Unit::usd:
    unit_word = "美元";
    break;
  case Unit::hkd:
    unit_word = "港元";
    break;
  case Unit::cny:
    unit_word = simplified ? "元人民币" : "元人民幣";
    break;
  case Unit::shares:
    unit_word = "股";
    break;
  case Unit::days:
    unit_word = "天";
    break;
  default:
    break;
  }
  return significant(shown, digits, rounded) + scale + unit_word;
}

// A figure in English: $592.7bn, HK$43.49m, 818.8 million shares, 17.4%.
std::string
english_figure(double value, Unit unit, int digits, bool* rounded)
{
  const double size = std::abs(value);
  if (unit == Unit::percent) {
    return significant(value, digits, rounded) + "%";
  }
  if (unit == Unit::percentage_points) {
    return significant(value, digits, rounded) + " percentage points";
  }
  if (unit == Unit::points) {
    return significant(value, digits, rounded) + " points";
  }
  const bool money = unit == Unit::usd || unit == Unit::hkd || unit == Unit::cny;
  std::string prefix;
  if (unit == Unit::usd) {
    prefix = "$";
  } else if (unit == Unit::hkd) {
    prefix = "HK$";
  } else if (unit == Unit::cny) {
    prefix = "CN¥";
  }
  std::string scale;
  double shown = value;
  if (size >= 1e12) {
    shown = value / 1e12;
    scale = money ? "tn" : " trillion";
  } else if (size >= 1e9) {
    shown = value / 1e9;
    scale = money ? "bn" : " billion";
  } else if (size >= 1e6) {
    shown = value / 1e6;
    scale = money ? "m" : " million";
  }
  std::string suffix;
  if (unit == Unit::shares) {
    suffix = " shares";
  } else if (unit == Unit::days) {
    suffix = " days";
  }
  return prefix + significant(shown, digits, rounded) + scale + suffix;
}

// An observed figure: four significant digits, and "about" when they
// round; a rate with the two decimals the evidence shows.
std::string
observed_figure(double value, Unit unit, std::string_view language)
{
  if (unit == Unit::percent || unit == Unit::percentage_points || unit == Unit::points) {
    const auto two = fmt::format("{:.2f}", value);
    if (unit == Unit::percent) {
      return two + "%";
    }
    if (is_chinese(language)) {
      return two + (unit == Unit::points ? "點" : language == "zh-Hans" ? "个百分点" : "個百分點");
    }
    return two + (unit == Unit::points ? " points" : " percentage points");
  }
  bool rounded = false;
  if (is_chinese(language)) {
    const auto text = chinese_figure(value, unit, language == "zh-Hans", 4, &rounded);
    return rounded ? (language == "zh-Hans" ? "约" : "約") + text : text;
  }
  const auto text = english_figure(value, unit, 4, &rounded);
  return rounded ? "about " + text : text;
}

// A claimed figure as written: its own digits, no rounding.
std::string
claimed_figure(const quantity::Quantity& q, std::string_view language)
{
  const auto one = [&](double value) {
    const double size = std::abs(value);
    if (is_chinese(language)) {
      return chinese_figure(size, q.unit, language == "zh-Hans", 15, nullptr);
    }
    return english_figure(size, q.unit, 15, nullptr);
  };
  if (q.is_range) {
    return one(q.low) + (is_chinese(language) ? "至" : " to ") + one(q.high);
  }
  return one(q.low);
}

std::string
date_in(const PartialDate& date, std::string_view language)
{
  if (!is_chinese(language)) {
    return format_partial_date_in_words(date);
  }
  if (date.month == 0) {
    return fmt::format("{}年", date.year);
  }
  if (date.day == 0) {
    return fmt::format("{}年{}月", date.year, date.month);
  }
  return fmt::format("{}年{}月{}日", date.year, date.month, date.day);
}

std::string
names_in(const std::vector<std::string>& names, std::string_view language)
{
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      if (is_chinese(language)) {
        out += "、";
      } else {
        out += i + 1 == names.size() ? (names.size() > 2 ? ", and " : " and ") : ", ";
      }
    }
    out += names[i];
  }
  return out;
}

template <typename Row>
const Row*
find_language(const auto& table, std::string_view language, const auto& matches)
{
  for (const auto& row : table) {
    if (row.language == language && matches(row)) {
      return &row;
    }
  }
  return nullptr;
}

// An English sentence starts with a capital ("the Nasdaq Composite" as a
// subject); Chinese has none.
std::string
capitalised(std::string text, std::string_view language)
{
  if (!text.empty() && !is_chinese(language) && text.front() >= 'a' && text.front() <= 'z') {
    text.front() = static_cast<char>(text.front() - 'a' + 'A');
  }
  return text;
}

std::string
lookup(const Localized& texts, std::string_view language)
{
  const auto it = texts.find(std::string(language));
  return it == texts.end() ? std::string() : it->second;
}

// The claim's subject: its own, else the catalogue's for its first source
// reference, else a default.
std::string
subject_of(const Claim& claim, const Catalogue& catalogue, std::string_view language)
{
  if (auto own = lookup(claim.subject, language); !own.empty()) {
    return own;
  }
  const auto refs = claim.check.refs();
  if (!refs.empty()) {
    if (const auto it = catalogue.subjects.find(refs.front().str());
        it != catalogue.subjects.end()) {
      if (auto named = lookup(it->second, language); !named.empty()) {
        return named;
      }
    }
  }
  const auto* fallback =
      find_language<Phrase>(k_default_subjects, language, [](const auto&) { return true; });
  return fallback == nullptr ? std::string() : std::string(fallback->text);
}

// An age's correction: the ages the record allows, on the claim's day.
std::string
render_age(const Claim& claim,
           const Verdict& verdict,
           const Catalogue& catalogue,
           std::string_view language)
{
  const auto* form =
      find_language<Phrase>(k_age_templates, language, [](const auto&) { return true; });
  const auto on = claim.check.date();
  if (form == nullptr || !on || !claim.claimed || !claim.claimed->quantity
      || !verdict.observed_text.starts_with("aged ")) {
    return {};
  }
  std::string ages = verdict.observed_text.substr(5);
  if (is_chinese(language)) {
    replace_all(ages, " or ", "或");
  }
  const auto ymd = *on;
  const PartialDate day{static_cast<int>(ymd.year()),
                        static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day())};
  std::string text(form->text);
  replace_all(text, "{subject}", subject_of(claim, catalogue, language));
  replace_all(text, "{date}", date_in(day, language));
  replace_all(text, "{observed}", ages);
  replace_all(text, "{claimed}", claimed_figure(*claim.claimed->quantity, language));
  return capitalised(std::move(text), language);
}

// The template filled in for `language`, or "" when a table has no row.
std::string
render(const Claim& claim,
       const Verdict& verdict,
       const Catalogue& catalogue,
       std::string_view language)
{
  const auto kind = claim.check.kind();
  if (kind == CheckKind::document_age || kind == CheckKind::entity_age) {
    return render_age(claim, verdict, catalogue, language);
  }
  const auto family = claim.check.family();
  const auto* form = find_language<Template>(
      k_templates, language, [&](const Template& row) { return row.family == family; });
  if (form == nullptr) {
    return {};
  }
  const auto direction = claim.check.direction();
  const auto* words = find_language<Words>(k_words, language, [&](const Words& row) {
    return row.kind == kind && (row.direction == Direction::none || row.direction == direction);
  });
  std::string text(form->text);
  std::string observed;
  std::string negation;
  std::string claimed;
  const std::optional<quantity::Quantity>& q =
      claim.claimed ? claim.claimed->quantity : std::nullopt;
  Direction shown_direction = direction;
  if (family == CheckFamily::record) {
    if (!verdict.observed_date || !claim.claimed || !claim.claimed->since) {
      return {};
    }
    observed = date_in(*verdict.observed_date, language);
    claimed = date_in(*claim.claimed->since, language);
  } else if (family == CheckFamily::document_date || family == CheckFamily::entity_property) {
    if (!verdict.observed_date || !claim.claimed || !claim.claimed->date) {
      return {};
    }
    observed = date_in(*verdict.observed_date, language);
    claimed = date_in(*claim.claimed->date, language);
  } else if (family == CheckFamily::document_list) {
    if (verdict.listed.empty() || verdict.missing.empty()) {
      return {};
    }
    replace_all(text, "{listed}", names_in(verdict.listed, language));
    replace_all(text, "{missing}", names_in(verdict.missing, language));
  } else {
    if (!q || !verdict.observed) {
      return {};
    }
    double size = *verdict.observed;
    if (direction == Direction::fall) {
      size = -size;
    }
    const auto* phrase = find_language<Negation>(k_negations, language, [&](const Negation& row) {
      return row.comparator == q->comparator;
    });
    if (direction != Direction::none && size < 0) {
      // The move went the other way: say which, with the opposite's words.
      shown_direction = direction == Direction::fall ? Direction::rise : Direction::fall;
      words = find_language<Words>(k_words, language, [&](const Words& row) {
        return row.kind == kind && row.direction == shown_direction;
      });
      const auto* opposite =
          find_language<Phrase>(k_opposites, language, [](const auto&) { return true; });
      negation = opposite == nullptr ? std::string() : std::string(opposite->text);
      size = -size;
    } else if (phrase != nullptr) {
      negation = std::string(phrase->text);
    }
    observed = observed_figure(size, q->unit, language);
    claimed = claimed_figure(*q, language);
  }
  // Dates and lists need no words of the kind; the other templates do.
  if (words == nullptr && text.find("{verb") != std::string::npos) {
    return {};
  }
  replace_all(text, "{negation}", negation);
  replace_all(text, "{subject}", subject_of(claim, catalogue, language));
  if (words != nullptr) {
    replace_all(text, "{verb_noun}", words->verb_noun);
    replace_all(text, "{verb}", words->verb);
  }
  replace_all(text, "{observed}", observed);
  replace_all(text, "{claimed}", claimed);
  return capitalised(std::move(text), language);
}

} // namespace

std::optional<Correction>
correction_for(const Claim& claim, const Verdict& verdict, const Catalogue& catalogue)
{
  if (verdict.kind != VerdictKind::contradicted) {
    return std::nullopt;
  }
  const auto text_in = [&](std::string_view language) {
    if (auto own = lookup(claim.correction, language); !own.empty()) {
      return own;
    }
    return render(claim, verdict, catalogue, language);
  };
  Correction out;
  const std::string& language = catalogue.article.language;
  out.en = text_in("en");
  out.article_language = language.empty() ? std::string() : text_in(language);
  return out;
}

std::vector<std::string_view>
correction_languages()
{
  std::vector<std::string_view> out;
  for (const auto& row : k_templates) {
    if (std::find(out.begin(), out.end(), row.language) == out.end()) {
      out.push_back(row.language);
    }
  }
  return out;
}

} // namespace factcheck::eval
