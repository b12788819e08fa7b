// factcheck extract on the seed article (../shared/seed/article.zh-Hant.txt,
// kept out of the repository; skipped where ../shared is absent) against the
// hand-made catalogue claims/deepseek-2025-01-27.yaml: recall and precision of
// the figures (value, unit, comparator, direction), and for the hand
// catalogue's market claims whether the draft, verified offline from the same
// recordings, gets the same verdict. The numbers are printed; the floors below
// are what the extractor reached when this test was written, so a change that
// loses figures fails, and the issue's targets (90%) are printed beside them.
#include "testutil.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/extract/extract.hpp>
#include <factcheck/http/recordings.hpp>
#include <factcheck/verify.hpp>

#include <catch2/catch.hpp>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <regex>
#include <set>

namespace {

namespace ex = factcheck::extract;
using factcheck::quantity::Quantity;

const std::set<std::string> k_market_kinds = {"change_pct",
                                              "change",
                                              "close",
                                              "volume",
                                              "average_volume",
                                              "market_cap",
                                              "market_cap_change",
                                              "largest_move_since"};

// A figure as both catalogues state it.
struct Figure
{
  std::string id;
  std::string kind;
  std::string claimed;
  bool is_date = false;
  std::optional<Quantity> quantity;
  std::string direction;                                   // "", "fall", "rise"
  std::vector<std::pair<std::size_t, std::size_t>> places; // code points in the article
};

// "2023-03", "2025-02-01", and a bare year where the check is about dates
// ("2022" since, "2023" founded), not a count ("2000" chips).
bool
looks_like_date(const std::string& claimed, const std::string& kind)
{
  static const std::regex with_month(R"(^\d{4}(-\d{2}){1,2}$)");
  static const std::regex year(R"(^\d{4}$)");
  return std::regex_match(claimed, with_month)
         || (std::regex_match(claimed, year)
             && (kind == "document_date" || kind == "entity_property"
                 || kind == "largest_move_since"));
}

// Fills is_date/quantity/direction; false when the claimed text is not a
// figure (a name, a list).
bool
read_figure(Figure& f, const std::string& check_direction)
{
  if (looks_like_date(f.claimed, f.kind)) {
    f.is_date = true;
    return true;
  }
  auto q = factcheck::quantity::parse(f.claimed);
  if (!q) {
    return false;
  }
  f.direction = check_direction;
  if (q->sign != 0 && f.direction.empty()) {
    f.direction = q->sign < 0 ? "fall" : "rise";
  }
  q->low = std::abs(q->low);
  q->high = std::abs(q->high);
  if (q->low > q->high) {
    std::swap(q->low, q->high);
  }
  f.quantity = *q;
  return true;
}

bool
close_to(double a, double b)
{
  return std::abs(a - b) <= 1e-9 * std::max(1.0, std::max(std::abs(a), std::abs(b)));
}

// The same figure: value(s), unit and comparator; the direction where the
// hand catalogue gives one.
bool
same_figure(const Figure& hand, const Figure& drafted)
{
  if (hand.is_date || drafted.is_date) {
    return hand.is_date && drafted.is_date && hand.claimed == drafted.claimed;
  }
  const auto& a = *hand.quantity;
  const auto& b = *drafted.quantity;
  if (!close_to(a.low, b.low) || !close_to(a.high, b.high) || a.unit != b.unit
      || a.comparator != b.comparator || a.is_range != b.is_range) {
    return false;
  }
  return hand.direction.empty() || hand.direction == drafted.direction;
}

bool
overlaps(const Figure& a, const Figure& b)
{
  for (const auto& [s1, e1] : a.places) {
    for (const auto& [s2, e2] : b.places) {
      if (s1 < e2 && s2 < e1) {
        return true;
      }
    }
  }
  return false;
}

std::vector<Figure>
hand_figures(const std::string& article)
{
  const auto root =
      YAML::LoadFile(std::string(FACTCHECK_SOURCE_DIR) + "/claims/deepseek-2025-01-27.yaml");
  std::vector<Figure> out;
  for (const auto& claim : root["claims"]) {
    // Inputs of derived claims (input: true) are figures the article does
    // not state.
    if (claim["input"] && claim["input"].as<std::string>() == "true") {
      continue;
    }
    Figure f;
    f.id = claim["id"].as<std::string>();
    f.kind = claim["check"]["kind"].as<std::string>();
    // The structured form ({op, value, unit}) is no text to compare.
    if (!claim["claimed"] || !claim["claimed"].IsScalar()) {
      f.claimed.clear();
    } else {
      f.claimed = claim["claimed"].as<std::string>();
    }
    const auto quote = claim["quote"].as<std::string>();
    // A claimed value the quote does not write is the catalogue's reading
    // ("more than 1" Starbucks for 一整間, a date for 1月初), not a figure an
    // extractor could find.
    const auto unsigned_claimed =
        f.claimed.starts_with('-') || f.claimed.starts_with('+') ? f.claimed.substr(1) : f.claimed;
    if (!f.claimed.empty() && quote.find(unsigned_claimed) == std::string::npos) {
      f.claimed.clear();
    }
    for (auto at = article.find(quote); at != std::string::npos; at = article.find(quote, at + 1)) {
      f.places.push_back(ex::code_point_span(article, at, at + quote.size()));
    }
    const std::string direction =
        claim["check"]["direction"] ? claim["check"]["direction"].as<std::string>() : "";
    if (f.claimed.empty() || !read_figure(f, direction)) {
      f.quantity.reset();
      f.is_date = false;
      f.claimed.clear(); // a claim without a figure: its quote still counts for precision
    }
    out.push_back(std::move(f));
  }
  return out;
}

std::vector<Figure>
drafted_figures(const ex::Draft& draft)
{
  std::vector<Figure> out;
  for (const auto& claim : draft.claims) {
    Figure f;
    f.id = claim.id;
    f.kind = claim.check.front().second;
    f.claimed = claim.claimed;
    f.places.emplace_back(claim.span_begin, claim.span_end);
    std::string direction;
    for (const auto& [key, value] : claim.check) {
      if (key == "direction") {
        direction = value;
      }
    }
    if (!f.claimed.empty() && read_figure(f, direction)) {
      out.push_back(std::move(f));
    }
  }
  return out;
}

std::map<std::string, factcheck::VerdictKind>
verdicts_of(const std::string& yaml, const std::string& path)
{
  auto catalogue = factcheck::catalogue::parse(yaml, path);
  factcheck::http::RecordingClient recordings(
      {std::string(FACTCHECK_FIXTURES_DIR) + "/deepseek-2025-01-27"}, nullptr);
  const auto report = factcheck::verify(std::move(catalogue), recordings, {});
  std::map<std::string, factcheck::VerdictKind> out;
  for (const auto& verdict : report.verdicts) {
    out[verdict.claim_id] = verdict.kind;
  }
  return out;
}

double
percent(std::size_t part, std::size_t whole)
{
  return whole == 0 ? 0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

} // namespace

TEST_CASE("extract: the seed article against the hand catalogue", "[extract][seed]")
{
  const std::string path = FACTCHECK_SHARED_DIR "/seed/article.zh-Hant.txt";
  if (!std::filesystem::exists(path)) {
    SUCCEED("../shared absent: skipped");
    return;
  }
  const auto article = factcheck::test::read_file(path);
  ex::Options options;
  options.published = factcheck::parse_date("2025-01-28");
  const auto draft = ex::extract(article, ex::EntityTable::builtin(), options);
  const auto yaml = ex::to_yaml(draft, options);

  const auto hand = hand_figures(article);
  const auto drafted = drafted_figures(draft);

  // One-to-one: each hand figure takes the first unused drafted figure that
  // states the same thing at the same place.
  std::map<std::string, std::string> match; // hand id -> drafted id
  std::set<std::string> used;
  std::size_t hand_total = 0;
  std::size_t hand_checked_total = 0;
  std::size_t hand_checked_found = 0;
  for (const auto& h : hand) {
    if (h.claimed.empty()) {
      continue;
    }
    ++hand_total;
    const bool checked = h.kind != "unverifiable";
    hand_checked_total += checked ? 1 : 0;
    for (const auto& d : drafted) {
      if (used.count(d.id) == 0 && overlaps(h, d) && same_figure(h, d)) {
        match[h.id] = d.id;
        used.insert(d.id);
        hand_checked_found += checked ? 1 : 0;
        break;
      }
    }
    if (match.count(h.id) == 0) {
      std::cout << "  missed: " << h.id << " (" << h.claimed << ")";
      for (const auto& d : drafted) {
        if (overlaps(h, d)) {
          std::cout << "; drafted there: " << d.id << " (" << d.claimed << ")"
                    << (used.count(d.id) != 0 ? " taken" : "");
        }
      }
      std::cout << "\n";
    }
  }
  // Precision, strict: drafted figures the hand catalogue states. Lenient:
  // also those inside a passage the hand catalogue has a claim on (its table
  // rows and quotes whose figures it records without `claimed`).
  std::size_t kept_lenient = 0;
  for (const auto& d : drafted) {
    if (used.count(d.id) != 0) {
      ++kept_lenient;
      continue;
    }
    const bool in_a_hand_quote =
        std::any_of(hand.begin(), hand.end(), [&](const Figure& h) { return overlaps(h, d); });
    kept_lenient += in_a_hand_quote ? 1 : 0;
    if (!in_a_hand_quote) {
      std::cout << "  extra: " << d.id << " (" << d.claimed << ")\n";
    }
  }

  // Verdicts of the hand catalogue's market claims, and of their drafts.
  const auto hand_verdicts =
      verdicts_of(factcheck::test::read_file(std::string(FACTCHECK_SOURCE_DIR)
                                             + "/claims/deepseek-2025-01-27.yaml"),
                  "claims/deepseek-2025-01-27.yaml");
  const auto draft_verdicts = verdicts_of(yaml, "draft.yaml");
  std::size_t market = 0;
  std::size_t agree = 0;
  for (const auto& h : hand) {
    // A market claim whose figure the article does not write (black-monday's
    // "more than 0%") has nothing to draft.
    if (k_market_kinds.count(h.kind) == 0 || h.claimed.empty()) {
      continue;
    }
    ++market;
    const auto m = match.find(h.id);
    const auto hv = factcheck::to_string(hand_verdicts.at(h.id));
    if (m == match.end()) {
      std::cout << "  market claim not drafted: " << h.id << " (" << hv << ")\n";
      continue;
    }
    const auto dv = factcheck::to_string(draft_verdicts.at(m->second));
    if (hv == dv) {
      ++agree;
    } else {
      std::cout << "  verdict differs: " << h.id << " " << hv << " vs " << m->second << " " << dv
                << "\n";
    }
  }

  const double recall = percent(match.size(), hand_total);
  const double recall_checked = percent(hand_checked_found, hand_checked_total);
  const double precision = percent(used.size(), drafted.size());
  const double precision_lenient = percent(kept_lenient, drafted.size());
  const double agreement = percent(agree, market);
  std::cout << "extract on the seed article (targets: 90%):\n"
            << "  recall " << recall << "% (" << match.size() << " of " << hand_total
            << " hand figures; " << hand_checked_found << " of " << hand_checked_total << " = "
            << recall_checked << "% of those with a check)\n"
            << "  precision " << precision << "% strict (" << used.size() << " of "
            << drafted.size() << " drafted figures are the hand catalogue's), " << precision_lenient
            << "% counting figures inside passages it has claims on\n"
            << "  market verdicts " << agreement << "% (" << agree << " of " << market
            << " the same as the hand catalogue's, offline)\n";

  // Floors: what the extractor reached when this test was written. Recall
  // was 95% of the hand figures until the catalogue covered the whole
  // article (issue 11): its new figures include three extract misses (the
  // table cells 860,000 and 520,000, which the article runs together, and
  // the year in 自2023年起), so 51 of 54 = 94.4% is the floor now.
  CHECK(recall >= 94);
  CHECK(agreement >= 100);
  CHECK(precision >= 56);
  CHECK(precision_lenient >= 97);
}
