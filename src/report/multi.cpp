// Reports of several catalogues checked in one run (docs/reports.md,
// "Several catalogues"): what the formats share, and the json, ndjson, table
// and markdown forms. Each catalogue keeps its own claim ids, so every
// verdict is named by its catalogue's path and its id.
#include "common.hpp"

#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <sstream>

namespace factcheck::report {

namespace {

void
add(Summary& to, const Summary& from)
{
  to.supported += from.supported;
  to.contradicted += from.contradicted;
  to.unverifiable += from.unverifiable;
  to.error += from.error;
}

Json
summary_json(const Summary& s)
{
  return {{"total", s.total()},
          {"supported", s.supported},
          {"contradicted", s.contradicted},
          {"unverifiable", s.unverifiable},
          {"error", s.error}};
}

Json
text_or_null(const std::string& text)
{
  return text.empty() ? Json(nullptr) : Json(text);
}

Mode
mode_of(const std::vector<RunReport>& reports)
{
  return reports.empty() ? Mode::automatic : reports.front().mode;
}

} // namespace

void
Reporter::write_all(const std::vector<RunReport>& /*reports*/, std::ostream& /*out*/) const
{
  throw Error("this format shows one catalogue, and several were given: run it once per "
              "catalogue");
}

std::string
counts_line(const std::vector<RunReport>& reports)
{
  Summary claims;
  Summary statements;
  for (const auto& report : reports) {
    add(claims, report.summary);
    add(statements, count_statements(report));
  }
  const bool repeats = statements.total() != claims.total();
  const auto& s = repeats ? statements : claims;
  auto what = fmt::format("{}, {}",
                          util::count_of(reports.size(), "catalogue"),
                          util::count_of(static_cast<std::size_t>(claims.total()), "claim"));
  if (repeats) {
    what += ", " + util::count_of(static_cast<std::size_t>(statements.total()), "statement");
  }
  return fmt::format("{}: {} supported, {} contradicted, {} unverifiable, {} error",
                     what,
                     s.supported,
                     s.contradicted,
                     s.unverifiable,
                     s.error);
}

std::string
summary_line(const std::vector<RunReport>& reports)
{
  return fmt::format("{} ({} mode)", counts_line(reports), to_string(mode_of(reports)));
}

// The document: the run's mode and counts over all, one entry per
// catalogue (its path, article and counts), then every verdict, each with
// its catalogue's path, in the order the catalogues were given.
void
write_json_all(const std::vector<RunReport>& reports, std::ostream& out)
{
  Json root;
  root["mode"] = to_string(mode_of(reports));
  Summary claims;
  Summary statements;
  Json catalogues = Json::array();
  for (const auto& report : reports) {
    const auto own_statements = count_statements(report);
    add(claims, report.summary);
    add(statements, own_statements);
    const auto& article = report.catalogue.article;
    catalogues.push_back({{"path", report.catalogue.path},
                          {"article",
                           {{"title", text_or_null(article.title)},
                            {"language", text_or_null(article.language)},
                            {"published", text_or_null(article.published)},
                            {"url", text_or_null(article.url)},
                            {"author", text_or_null(article.author)}}},
                          {"summary", summary_json(report.summary)},
                          {"statements", summary_json(own_statements)}});
  }
  root["summary"] = summary_json(claims);
  root["statements"] = summary_json(statements);
  root["catalogues"] = std::move(catalogues);
  // The verdicts, last, one at a time: a run of 100,000 verdicts is never
  // held as one document.
  auto head = root.dump(2);
  head.resize(head.size() - 2); // "\n}"
  out << head << ",\n  \"verdicts\": [";
  bool first = true;
  std::string text;
  for (const auto& report : reports) {
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      text.assign(first ? "\n    " : ",\n    ");
      first = false;
      JsonWriter writer(text, 2, 4);
      write_verdict(writer, report.catalogue.claims[i], report.verdicts[i], report.catalogue.path);
      out << text;
    }
  }
  out << (first ? "]\n}\n" : "\n  ]\n}\n");
}

void
write_ndjson_all(const std::vector<RunReport>& reports, std::ostream& out)
{
  std::string line;
  for (const auto& report : reports) {
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      line.clear();
      JsonWriter writer(line, -1);
      write_verdict(writer, report.catalogue.claims[i], report.verdicts[i], report.catalogue.path);
      line += '\n';
      out << line;
    }
  }
}

void
write_each_table(const Reporter& one,
                 const ReportOptions& options,
                 const std::vector<RunReport>& reports,
                 std::ostream& out)
{
  const auto bold = options.color ? std::string_view("\033[1m") : std::string_view();
  const auto reset = options.color ? std::string_view("\033[0m") : std::string_view();
  for (const auto& report : reports) {
    out << bold << "== " << escape_controls(report.catalogue.path) << reset << "\n\n";
    one.write(report, out);
    out << '\n';
  }
  out << summary_line(reports) << '\n';
}

void
write_each_markdown(const Reporter& one, const std::vector<RunReport>& reports, std::ostream& out)
{
  out << "# Fact-check: " << util::count_of(reports.size(), "catalogue") << "\n\n"
      << markdown_escape(summary_line(reports)) << ".\n";
  for (const auto& report : reports) {
    out << "\n---\n\n";
    one.write(report, out);
  }
}

} // namespace factcheck::report
