// A Markdown report for an editor reviewing an article: the verdict counts,
// then one section per claim with the quote, the claim, the verdict, the
// evidence and links to the sources. Also what the CLI appends to GitHub's
// job summary.
#include "common.hpp"

#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace factcheck::report {

namespace {

// A CommonMark code span holding `text` as it is: fenced by one backtick more
// than the longest run of backticks in it, padded with a space when it
// starts or ends with one.
std::string
code_span(std::string_view text)
{
  std::size_t longest = 0;
  std::size_t run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !text.empty() && (text.front() == '`' || text.back() == '`');
  return fence + (pad ? " " : "") + std::string(text) + (pad ? " " : "") + fence;
}

// A URL as a <...> link destination, where '<', '>' and line breaks may not
// appear: those are percent-encoded.
std::string
link_destination(std::string_view url)
{
  std::string out;
  for (const char c : url) {
    switch (c) {
    case '<':
      out += "%3C";
      break;
    case '>':
      out += "%3E";
      break;
    case '\n':
      out += "%0A";
      break;
    case '\r':
      out += "%0D";
      break;
    case ' ':
      out += "%20";
      break;
    default:
      out += c;
    }
  }
  return out;
}

class MarkdownReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    const auto& article = report.catalogue.article;
    out << "# Fact-check: "
        << markdown_escape(article.title.empty() ? report.catalogue.path : article.title) << "\n\n";
    if (!article.title.empty()) {
      std::string about;
      if (!article.author.empty()) {
        about += fmt::format("by {}, ", markdown_escape(article.author));
      }
      if (!article.published.empty()) {
        about += fmt::format("published {}, ", markdown_escape(article.published));
      }
      if (!article.url.empty()) {
        about += fmt::format("<{}>, ", link_destination(article.url));
      }
      if (!about.empty()) {
        about.resize(about.size() - 2);
        out << "Article " << about << ".\n";
      }
    }
    out << fmt::format("Catalogue {}, checked in {} mode.\n\n",
                       code_span(escape_controls(report.catalogue.path)),
                       to_string(report.mode));

    const auto& s = report.summary;
    const auto statements = count_statements(report);
    if (statements.total() == s.total()) {
      out << "| verdict | claims |\n|---|---:|\n"
          << fmt::format("| supported | {} |\n", s.supported)
          << fmt::format("| contradicted | {} |\n", s.contradicted)
          << fmt::format("| unverifiable | {} |\n", s.unverifiable)
          << fmt::format("| error | {} |\n", s.error)
          << fmt::format("| **total** | **{}** |\n", s.total());
    } else {
      // Some passages repeat others: the article's statements are counted
      // once each, the claims as checked beside them.
      const auto& t = statements;
      out << "| verdict | statements | claims |\n|---|---:|---:|\n"
          << fmt::format("| supported | {} | {} |\n", t.supported, s.supported)
          << fmt::format("| contradicted | {} | {} |\n", t.contradicted, s.contradicted)
          << fmt::format("| unverifiable | {} | {} |\n", t.unverifiable, s.unverifiable)
          << fmt::format("| error | {} | {} |\n", t.error, s.error)
          << fmt::format("| **total** | **{}** | **{}** |\n", t.total(), s.total());
    }
    write_categories(report, out);

    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      write_claim(report.catalogue.claims[i], report.verdicts[i], out);
    }
  }

  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    write_each_markdown(*this, reports, out);
  }

private:
  // Why the unverifiable claims are so, one row per category: "no public
  // record" and "needs paid data" ask different things of an editor.
  static void
  write_categories(const RunReport& report, std::ostream& out)
  {
    std::vector<std::pair<UnverifiableCategory, int>> counts;
    for (const auto& verdict : report.verdicts) {
      if (verdict.kind != VerdictKind::unverifiable) {
        continue;
      }
      const auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& entry) {
        return entry.first == verdict.category;
      });
      if (it == counts.end()) {
        counts.emplace_back(verdict.category, 1);
      } else {
        ++it->second;
      }
    }
    if (counts.empty()) {
      return;
    }
    std::sort(counts.begin(), counts.end());
    out << "\n| unverifiable, because | claims |\n|---|---:|\n";
    for (const auto& [category, n] : counts) {
      const auto label = category_label(category);
      out << fmt::format("| {} | {} |\n", label.empty() ? "not categorised" : label, n);
    }
  }

  static void
  write_claim(const Claim& claim, const Verdict& verdict, std::ostream& out)
  {
    out << fmt::format("\n## {}: {}\n\n", to_string(verdict.kind), markdown_escape(claim.id));
    out << "> " << markdown_escape(claim.quote) << "\n\n";
    out << "**Claim:** " << markdown_escape(claim.statement) << "\n\n";
    out << "**Verdict:** " << to_string(verdict.kind);
    if (verdict.category != UnverifiableCategory::none) {
      out << " (" << category_label(verdict.category) << ")";
    }
    out << ". " << markdown_escape(verdict.message) << "\n\n";
    if (!claim.same_as.empty()) {
      out << "Same statement as " << markdown_escape(claim.same_as) << ".\n\n";
    }
    if (verdict.correction) {
      const auto& fix = *verdict.correction;
      const bool both =
          !fix.article_language.empty() && !fix.en.empty() && fix.article_language != fix.en;
      if (both) {
        out << "**Correction:** " << markdown_escape(fix.article_language)
            << " (English: " << markdown_escape(fix.en) << ")\n\n";
      } else if (!fix.article_language.empty() || !fix.en.empty()) {
        out << "**Correction:** "
            << markdown_escape(fix.article_language.empty() ? fix.en : fix.article_language)
            << "\n\n";
      }
    }
    if (claim.claimed) {
      out << "- Claimed: " << markdown_escape(claim.claimed->text) << '\n';
    }
    if (!verdict.observed_text.empty()) {
      out << "- Observed: " << markdown_escape(verdict.observed_text) << '\n';
    }
    if (!verdict.accepted.empty()) {
      out << "- Would hold for: " << markdown_escape(verdict.accepted) << '\n';
    }
    if (!verdict.evidence.arithmetic.empty()) {
      out << "- Arithmetic: " << code_span(escape_controls(verdict.evidence.arithmetic)) << '\n';
    }
    for (const auto& note : verdict.evidence.notes) {
      out << "- " << markdown_escape(note) << '\n';
    }
    if (claim.check.kind() == CheckKind::unverifiable && !claim.note.empty()) {
      out << "- " << markdown_escape(claim.note) << '\n';
    }
    if (!verdict.evidence.sources.empty()) {
      out << "\nSources:\n\n";
      for (const auto& shared : verdict.evidence.sources) {
        const SourceEvidence& source = *shared;
        std::string detail = source.origin;
        if (!source.retrieved_at.empty()) {
          detail += " " + source.retrieved_at;
        }
        if (!source.provenance.empty()) {
          detail += ", " + source.provenance;
        }
        out << fmt::format("- [{}](<{}>) ({}; sha256 `{}`)\n",
                           markdown_escape(source.ref),
                           link_destination(source.url),
                           markdown_escape(detail),
                           source.sha256);
      }
    }
  }
};

} // namespace

std::unique_ptr<Reporter>
make_markdown_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<MarkdownReporter>();
}

} // namespace factcheck::report
