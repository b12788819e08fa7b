// schema.org ClaimReview as JSON-LD (https://schema.org/ClaimReview), the
// form fact-checkers publish and search engines read. One ClaimReview per
// article statement that was checked:
//   supported    -> ratingValue 5, alternateName "True"
//   contradicted -> ratingValue 1, alternateName "False"
//   unverifiable -> no ratingValue, alternateName "Unverifiable: " and the
//                   category ("Unverifiable: needs paid data")
// on a 1 (worst) to 5 (best) scale. An approximate claim ("about $600bn")
// that holds within its widened tolerance is rated True like any other
// supported claim: the qualifier is part of what the article asserted.
// Error claims were not checked, so they are not emitted; neither is a
// repeated passage (`same_as`) whose verdict is its first statement's, which
// is reviewed once.
// itemReviewed is the claim as it appeared in the catalogue's article. The
// reviewer, when the caller names one, becomes each review's author (an
// Organization), its url (the review page, with the claim id as anchor)
// and its datePublished.
#include "common.hpp"

#include <factcheck/report/reporter.hpp>

#include <string>
#include <utility>

namespace factcheck::report {

namespace {

Json
article_json(const Article& article)
{
  Json out;
  out["@type"] = "NewsArticle";
  if (!article.title.empty()) {
    out["headline"] = article.title;
  }
  if (!article.author.empty()) {
    out["author"] = {{"@type", "Person"}, {"name", article.author}};
  }
  if (!article.published.empty()) {
    out["datePublished"] = article.published;
  }
  if (!article.language.empty()) {
    out["inLanguage"] = article.language;
  }
  if (!article.url.empty()) {
    out["url"] = article.url;
  }
  return out;
}

// JSON-LD is published inside <script type="application/ld+json">, where an
// HTML parser ends the element at the first "</script" whatever the JSON
// says. '<', '>' and '&' can only occur inside JSON strings, so writing them
// as \u003c, \u003e and \u0026 keeps the same JSON value and leaves the
// page nothing to parse as markup.
std::string
script_safe(const std::string& json)
{
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    switch (c) {
    case '<':
      out += "\\u003c";
      break;
    case '>':
      out += "\\u003e";
      break;
    case '&':
      out += "\\u0026";
      break;
    default:
      out += c;
    }
  }
  return out;
}

// "Unverifiable: needs paid data"; "Unverifiable" for a draft without one.
std::string
textual_rating(UnverifiableCategory category)
{
  const auto label = category_label(category);
  return label.empty() ? std::string("Unverifiable") : "Unverifiable: " + std::string(label);
}

// Whether claim `i` repeats a statement reviewed already with the same
// verdict: its first statement is in the report and was judged alike.
bool
is_plain_repeat(const RunReport& report, const std::vector<std::size_t>& roots, std::size_t i)
{
  const auto& claim = report.catalogue.claims[i];
  if (claim.same_as.empty()) {
    return false;
  }
  const auto root = roots[i];
  return root != i && root < report.verdicts.size() && report.catalogue.claims[root].same_as.empty()
         && report.verdicts[root].kind == report.verdicts[i].kind;
}

class ClaimReviewReporter : public Reporter
{
public:
  explicit ClaimReviewReporter(Reviewer reviewer) : m_reviewer(std::move(reviewer))
  {}

  void
  write(const RunReport& report, std::ostream& out) const override
  {
    Json graph = Json::array();
    add_reviews(report, graph);
    Json root;
    root["@context"] = "https://schema.org";
    root["@graph"] = std::move(graph);
    out << script_safe(root.dump(2)) << '\n';
  }

  // One graph of every catalogue's reviews, each about its own article.
  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    Json graph = Json::array();
    for (const auto& report : reports) {
      add_reviews(report, graph);
    }
    Json root;
    root["@context"] = "https://schema.org";
    root["@graph"] = std::move(graph);
    out << script_safe(root.dump(2)) << '\n';
  }

private:
  void
  add_reviews(const RunReport& report, Json& graph) const
  {
    const auto appearance = article_json(report.catalogue.article);
    const auto roots = statement_roots(report.catalogue);
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      if (verdict.kind == VerdictKind::error || is_plain_repeat(report, roots, i)) {
        continue;
      }
      const bool holds = verdict.kind == VerdictKind::supported;
      Json review;
      review["@type"] = "ClaimReview";
      review["identifier"] = claim.id;
      if (!m_reviewer.url.empty()) {
        review["url"] = m_reviewer.url + "#" + claim.id;
      }
      if (!m_reviewer.name.empty()) {
        review["author"] = {{"@type", "Organization"}, {"name", m_reviewer.name}};
      }
      if (!m_reviewer.date.empty()) {
        review["datePublished"] = m_reviewer.date;
      }
      review["claimReviewed"] = claim.statement;
      review["reviewBody"] = evidence_text(claim, verdict);
      if (verdict.kind == VerdictKind::unverifiable) {
        // A textual rating only: no point on the true-false scale fits.
        review["reviewRating"] = {{"@type", "Rating"},
                                  {"alternateName", textual_rating(verdict.category)}};
      } else {
        review["reviewRating"] = {{"@type", "Rating"},
                                  {"ratingValue", holds ? 5 : 1},
                                  {"bestRating", 5},
                                  {"worstRating", 1},
                                  {"alternateName", holds ? "True" : "False"}};
      }
      Json item;
      item["@type"] = "Claim";
      item["text"] = claim.quote;
      if (!report.catalogue.article.author.empty()) {
        item["author"] = appearance["author"];
      }
      if (!report.catalogue.article.published.empty()) {
        item["datePublished"] = report.catalogue.article.published;
      }
      item["appearance"] = appearance;
      review["itemReviewed"] = std::move(item);
      graph.push_back(std::move(review));
    }
  }

  Reviewer m_reviewer;
};

} // namespace

std::unique_ptr<Reporter>
make_claimreview_reporter(const ReportOptions& options)
{
  return std::make_unique<ClaimReviewReporter>(options.reviewer);
}

} // namespace factcheck::report
