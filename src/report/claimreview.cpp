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
#include <string_view>
#include <utility>

namespace factcheck::report {

namespace {

// A schema.org Person or Organization: its type and name.
void
write_named(JsonWriter& w, std::string_view type, const std::string& name)
{
  w.begin_object();
  w.key("@type");
  w.string(type);
  w.key("name");
  w.string(name);
  w.end_object();
}

// The article a claim appeared in, with what the catalogue says of it.
void
write_article(JsonWriter& w, const Article& article)
{
  w.begin_object();
  w.key("@type");
  w.string("NewsArticle");
  if (!article.title.empty()) {
    w.key("headline");
    w.string(article.title);
  }
  if (!article.author.empty()) {
    w.key("author");
    write_named(w, "Person", article.author);
  }
  if (!article.published.empty()) {
    w.key("datePublished");
    w.string(article.published);
  }
  if (!article.language.empty()) {
    w.key("inLanguage");
    w.string(article.language);
  }
  if (!article.url.empty()) {
    w.key("url");
    w.string(article.url);
  }
  w.end_object();
}

// JSON-LD is published inside <script type="application/ld+json">, where an
// HTML parser ends the element at the first "</script" whatever the JSON
// says. '<', '>' and '&' can only occur inside JSON strings, so writing them
// as \u003c, \u003e and \u0026 keeps the same JSON value and leaves the
// page nothing to parse as markup.
void
write_script_safe(std::string_view json, std::ostream& out)
{
  std::string text;
  text.reserve(json.size());
  for (const char c : json) {
    switch (c) {
    case '<':
      text += "\\u003c";
      break;
    case '>':
      text += "\\u003e";
      break;
    case '&':
      text += "\\u0026";
      break;
    default:
      text += c;
    }
  }
  out << text;
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
    write_graph(&report, 1, out);
  }

  // One graph of every catalogue's reviews, each about its own article.
  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    write_graph(reports.data(), reports.size(), out);
  }

private:
  // The document, as dump(2) of it would read, with the reviews written one
  // at a time: a graph of 100,000 reviews is never held whole.
  void
  write_graph(const RunReport* reports, std::size_t n, std::ostream& out) const
  {
    out << "{\n  \"@context\": \"https://schema.org\",\n  \"@graph\": [";
    bool any = false;
    std::string text;
    for (std::size_t r = 0; r < n; ++r) {
      const auto& report = reports[r];
      const auto roots = statement_roots(report.catalogue);
      for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
        if (report.verdicts[i].kind == VerdictKind::error || is_plain_repeat(report, roots, i)) {
          continue;
        }
        text.assign(any ? ",\n    " : "\n    ");
        any = true;
        JsonWriter writer(text, 2, 4);
        write_review(writer, report.catalogue, report.catalogue.claims[i], report.verdicts[i]);
        write_script_safe(text, out);
      }
    }
    out << (any ? "\n  ]\n}\n" : "]\n}\n");
  }

  void
  write_review(JsonWriter& w,
               const Catalogue& catalogue,
               const Claim& claim,
               const Verdict& verdict) const
  {
    const auto& article = catalogue.article;
    const bool holds = verdict.kind == VerdictKind::supported;
    w.begin_object();
    w.key("@type");
    w.string("ClaimReview");
    w.key("identifier");
    w.string(claim.id);
    if (!m_reviewer.url.empty()) {
      w.key("url");
      w.string(m_reviewer.url + "#" + claim.id);
    }
    if (!m_reviewer.name.empty()) {
      w.key("author");
      write_named(w, "Organization", m_reviewer.name);
    }
    if (!m_reviewer.date.empty()) {
      w.key("datePublished");
      w.string(m_reviewer.date);
    }
    w.key("claimReviewed");
    w.string(claim.statement);
    w.key("reviewBody");
    w.string(evidence_text(claim, verdict));
    w.key("reviewRating");
    w.begin_object();
    w.key("@type");
    w.string("Rating");
    if (verdict.kind == VerdictKind::unverifiable) {
      // A textual rating only: no point on the true-false scale fits.
      w.key("alternateName");
      w.string(textual_rating(verdict.category));
    } else {
      w.key("ratingValue");
      w.integer(holds ? 5 : 1);
      w.key("bestRating");
      w.integer(5);
      w.key("worstRating");
      w.integer(1);
      w.key("alternateName");
      w.string(holds ? "True" : "False");
    }
    w.end_object();
    w.key("itemReviewed");
    w.begin_object();
    w.key("@type");
    w.string("Claim");
    w.key("text");
    w.string(claim.quote);
    if (!article.author.empty()) {
      w.key("author");
      write_named(w, "Person", article.author);
    }
    if (!article.published.empty()) {
      w.key("datePublished");
      w.string(article.published);
    }
    w.key("appearance");
    write_article(w, article);
    w.end_object();
    w.end_object();
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
