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

Json
claimed_json(const Claim& claim)
{
  if (!claim.claimed) {
    return nullptr;
  }
  Json out;
  out["text"] = claim.claimed->text;
  out["comparator"] = nullptr;
  out["value"] = nullptr;
  out["low"] = nullptr;
  out["high"] = nullptr;
  out["unit"] = nullptr;
  out["precision"] = nullptr;
  out["tolerance"] = nullptr;
  if (const auto& q = claim.claimed->quantity) {
    out["comparator"] = quantity::to_string(q->comparator);
    if (q->is_range) {
      out["low"] = q->low;
      out["high"] = q->high;
    } else {
      out["value"] = q->low;
    }
    out["unit"] = quantity::to_string(q->unit);
    out["precision"] = q->low_precision;
    if (claim.tolerance) {
      out["tolerance"] = claim.tolerance_text;
    }
  }
  out["since"] = claim.claimed->since ? Json(format_partial_date(*claim.claimed->since)) : Json();
  out["date"] = claim.claimed->date ? Json(format_partial_date(*claim.claimed->date)) : Json();
  return out;
}

} // namespace

Json
verdict_json(const Claim& claim, const Verdict& verdict)
{
  Json out;
  out["id"] = claim.id;
  out["verdict"] = to_string(verdict.kind);
  out["location"] = {{"file", claim.file}, {"line", claim.line}};
  out["quote"] = claim.quote;
  out["statement"] = claim.statement;
  out["check"] = to_string(claim.check.kind());
  out["date"] = nullptr;
  out["direction"] = nullptr;
  if (const auto date = claim.check.date()) {
    out["date"] = format_date(*date);
    if (claim.check.direction() != Direction::none) {
      out["direction"] = to_string(claim.check.direction());
    }
  }
  out["claimed"] = claimed_json(claim);
  out["observed"] = verdict.observed ? Json(*verdict.observed) : Json(nullptr);
  out["observed_text"] = text_or_null(verdict.observed_text);
  out["accepted"] = text_or_null(verdict.accepted);
  out["message"] = verdict.message;
  out["category"] = verdict.category == UnverifiableCategory::none
                        ? Json(nullptr)
                        : Json(std::string(to_string(verdict.category)));
  out["same_as"] = text_or_null(claim.same_as);
  out["input"] = claim.input;
  out["note"] = text_or_null(claim.note);
  out["correction"] = nullptr;
  if (verdict.correction) {
    out["correction"] = {{"article_language", text_or_null(verdict.correction->article_language)},
                         {"en", text_or_null(verdict.correction->en)}};
  }

  const auto& evidence = verdict.evidence;
  Json ev = Json::object();
  ev["series"] = text_or_null(evidence.series);
  ev["field"] = evidence.series.empty() ? Json(nullptr) : text_or_null(evidence.field);
  Json rows = Json::array();
  for (const auto& row : evidence.rows) {
    rows.push_back({{"series", row.series},
                    {"date", format_date(row.date)},
                    {"field", row.field},
                    {"value", row.value}});
  }
  ev["rows"] = std::move(rows);
  ev["arithmetic"] = text_or_null(evidence.arithmetic);
  Json sources = Json::array();
  for (const auto& source : evidence.sources) {
    sources.push_back({{"ref", source.ref},
                       {"url", source.url},
                       {"origin", source.origin},
                       {"retrieved_at", text_or_null(source.retrieved_at)},
                       {"sha256", text_or_null(source.sha256)},
                       {"provenance", text_or_null(source.provenance)},
                       {"provenance_detail", text_or_null(source.provenance_detail)}});
  }
  ev["sources"] = std::move(sources);
  ev["notes"] = evidence.notes;
  out["evidence"] = std::move(ev);
  return out;
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
  for (const auto& source : verdict.evidence.sources) {
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
      nlohmann::detail::serializer<Json> serializer(
          nlohmann::detail::output_adapter<char, std::string>(text),
          ' ',
          nlohmann::detail::error_handler_t::strict);
      serializer.dump(
          verdict_json(report.catalogue.claims[i], report.verdicts[i]), true, false, 2, 4);
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
