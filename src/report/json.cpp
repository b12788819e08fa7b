#include "common.hpp"

#include <factcheck/report/reporter.hpp>

#include <fmt/format.h>

namespace factcheck::report {

namespace {

// The rule for jq users (docs/reports.md): every key is on every object; a
// value the claim or verdict does not have is null, never an absent key or
// an empty string; a list with nothing in it is [].
Json
text_or_null(const std::string& text)
{
  return text.empty() ? Json(nullptr) : Json(text);
}

void
write_claimed(JsonWriter& w, const Claim& claim)
{
  if (!claim.claimed) {
    w.null();
    return;
  }
  w.begin_object();
  w.key("text");
  w.string(claim.claimed->text);
  const auto& q = claim.claimed->quantity;
  w.key("comparator");
  q ? w.string(quantity::to_string(q->comparator)) : w.null();
  w.key("value");
  q && !q->is_range ? w.number(q->low) : w.null();
  w.key("low");
  q && q->is_range ? w.number(q->low) : w.null();
  w.key("high");
  q && q->is_range ? w.number(q->high) : w.null();
  w.key("unit");
  q ? w.string(quantity::to_string(q->unit)) : w.null();
  w.key("precision");
  q ? w.number(q->low_precision) : w.null();
  w.key("tolerance");
  q&& claim.tolerance ? w.string(claim.tolerance_text) : w.null();
  w.key("since");
  claim.claimed->since ? w.string(format_partial_date(*claim.claimed->since)) : w.null();
  w.key("date");
  claim.claimed->date ? w.string(format_partial_date(*claim.claimed->date)) : w.null();
  w.end_object();
}

} // namespace

void
write_verdict(JsonWriter& w, const Claim& claim, const Verdict& verdict, std::string_view catalogue)
{
  w.begin_object();
  if (!catalogue.empty()) {
    w.key("catalogue");
    w.string(catalogue);
  }
  w.key("id");
  w.string(claim.id);
  w.key("verdict");
  w.string(to_string(verdict.kind));
  w.key("location");
  w.begin_object();
  w.key("file");
  w.string(claim.file);
  w.key("line");
  w.integer(claim.line);
  w.end_object();
  w.key("quote");
  w.string(claim.quote);
  w.key("statement");
  w.string(claim.statement);
  w.key("check");
  w.string(to_string(claim.check.kind()));
  const auto date = claim.check.date();
  w.key("date");
  date ? w.string(format_date(*date)) : w.null();
  w.key("direction");
  date&& claim.check.direction() != Direction::none ? w.string(to_string(claim.check.direction()))
                                                    : w.null();
  w.key("claimed");
  write_claimed(w, claim);
  w.key("observed");
  verdict.observed ? w.number(*verdict.observed) : w.null();
  w.key("observed_text");
  w.text_or_null(verdict.observed_text);
  w.key("accepted");
  w.text_or_null(verdict.accepted);
  w.key("message");
  w.string(verdict.message);
  w.key("category");
  verdict.category == UnverifiableCategory::none ? w.null() : w.string(to_string(verdict.category));
  w.key("same_as");
  w.text_or_null(claim.same_as);
  w.key("input");
  w.boolean(claim.input);
  w.key("note");
  w.text_or_null(claim.note);
  w.key("correction");
  if (verdict.correction) {
    w.begin_object();
    w.key("article_language");
    w.text_or_null(verdict.correction->article_language);
    w.key("en");
    w.text_or_null(verdict.correction->en);
    w.end_object();
  } else {
    w.null();
  }

  const auto& evidence = verdict.evidence;
  w.key("evidence");
  w.begin_object();
  w.key("series");
  w.text_or_null(evidence.series);
  w.key("field");
  evidence.series.empty() ? w.null() : w.text_or_null(evidence.field);
  w.key("rows");
  w.begin_array();
  for (const auto& row : evidence.rows) {
    w.begin_object();
    w.key("series");
    w.string(row.series);
    w.key("date");
    w.string(format_date(row.date));
    w.key("field");
    w.string(row.field);
    w.key("value");
    w.number(row.value);
    w.end_object();
  }
  w.end_array();
  w.key("arithmetic");
  w.text_or_null(evidence.arithmetic);
  w.key("sources");
  w.begin_array();
  for (const auto& shared : evidence.sources) {
    const SourceEvidence& source = *shared;
    w.begin_object();
    w.key("ref");
    w.string(source.ref);
    w.key("url");
    w.string(source.url);
    w.key("origin");
    w.string(source.origin);
    w.key("retrieved_at");
    w.text_or_null(source.retrieved_at);
    w.key("sha256");
    w.text_or_null(source.sha256);
    w.key("provenance");
    w.text_or_null(source.provenance);
    w.key("provenance_detail");
    w.text_or_null(source.provenance_detail);
    w.end_object();
  }
  w.end_array();
  w.key("notes");
  w.begin_array();
  for (const auto& note : evidence.notes) {
    w.string(note);
  }
  w.end_array();
  w.end_object();
  w.end_object();
}

std::string
evidence_text(const Claim& claim, const Verdict& verdict)
{
  std::string out = verdict.message;
  const auto add = [&out](std::string_view part) {
    if (part.empty()) {
      return;
    }
    if (!out.empty()) {
      out += "; ";
    }
    out += part;
  };
  add(verdict.evidence.arithmetic);
  for (const auto& note : verdict.evidence.notes) {
    add(note);
  }
  if (claim.check.kind() == CheckKind::unverifiable) {
    add(claim.note);
  }
  for (const auto& shared : verdict.evidence.sources) {
    const SourceEvidence& source = *shared;
    std::string where = fmt::format("{} {} ({}", source.ref, source.url, source.origin);
    if (!source.retrieved_at.empty()) {
      where += fmt::format(" {}", source.retrieved_at);
    }
    if (!source.provenance.empty()) {
      where += fmt::format(", {}", source.provenance);
    }
    where += ")";
    add(where);
  }
  return out;
}

namespace {

class JsonReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    Json root;
    root["catalogue"] = report.catalogue.path;
    const auto& article = report.catalogue.article;
    root["article"] = {{"title", text_or_null(article.title)},
                       {"language", text_or_null(article.language)},
                       {"published", text_or_null(article.published)},
                       {"url", text_or_null(article.url)},
                       {"author", text_or_null(article.author)}};
    root["mode"] = to_string(report.mode);
    root["summary"] = {{"total", report.summary.total()},
                       {"supported", report.summary.supported},
                       {"contradicted", report.summary.contradicted},
                       {"unverifiable", report.summary.unverifiable},
                       {"error", report.summary.error}};
    const auto statements = count_statements(report);
    root["statements"] = {{"total", statements.total()},
                          {"supported", statements.supported},
                          {"contradicted", statements.contradicted},
                          {"unverifiable", statements.unverifiable},
                          {"error", statements.error}};
    // The verdicts, last, are written one at a time, exactly as dump(2) of
    // the whole document would write them: a document of 100,000 verdicts
    // is never held at once.
    auto head = root.dump(2);
    head.resize(head.size() - 2); // "\n}"
    out << head << ",\n  \"verdicts\": ";
    if (report.verdicts.empty()) {
      out << "[]\n}\n";
      return;
    }
    out << "[\n";
    std::string text;
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      text.assign(i == 0 ? "    " : ",\n    ");
      JsonWriter writer(text, 2, 4);
      write_verdict(writer, report.catalogue.claims[i], report.verdicts[i]);
      out << text;
    }
    out << "\n  ]\n}\n";
  }

  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    write_json_all(reports, out);
  }
};

} // namespace

std::unique_ptr<Reporter>
make_json_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<JsonReporter>();
}

} // namespace factcheck::report
