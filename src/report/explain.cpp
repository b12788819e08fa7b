// `factcheck explain`: one verdict written out for a journalist who has never
// seen the tool, step by step from the quote to the arithmetic.
#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <sstream>

namespace factcheck::report {

namespace {

std::string_view
comparator_words(quantity::Comparator comparator)
{
  switch (comparator) {
  case quantity::Comparator::approx:
    return "about (a qualifier such as 約/近/about widens the tolerance to a full unit)";
  case quantity::Comparator::gt:
    return "more than (strict: no tolerance)";
  case quantity::Comparator::lt:
    return "less than (strict: no tolerance)";
  case quantity::Comparator::ge:
    return "at least";
  case quantity::Comparator::as_written:
    break;
  }
  return "as written (equal within the precision the figure is written to)";
}

void
write_series(const SourceRef& series, std::string_view field, std::ostream& out)
{
  if (field == "volume") {
    out << fmt::format("  series:     {} (field: volume)\n", series.str());
  } else {
    out << fmt::format("  series:     {} (price field: {})\n", series.str(), field);
  }
}

void
write_check(const MarketLevelCheck& check, std::ostream& out)
{
  write_series(check.series, check.field, out);
  if (check.shares) {
    out << fmt::format("  shares:     {}\n", check.shares->str());
  }
  if (check.corroborate) {
    out << fmt::format("  cross-checked against: {}\n", check.corroborate->str());
  }
  out << fmt::format("  date:       {}\n", format_date(check.date));
}

void
write_check(const MarketChangeCheck& check, std::ostream& out)
{
  write_series(check.series, check.field, out);
  if (check.shares) {
    out << fmt::format("  shares:     {}\n", check.shares->str());
  }
  if (check.corroborate) {
    out << fmt::format("  cross-checked against: {}\n", check.corroborate->str());
  }
  out << fmt::format("  date:       {}\n", format_date(check.date));
  if (check.base_date) {
    out << fmt::format("  base date:  {}\n", format_date(*check.base_date));
  }
  if (check.direction != Direction::none) {
    out << fmt::format("  direction:  {}\n", to_string(check.direction));
  }
}

void
write_check(const RecordCheck& check, std::ostream& out)
{
  write_series(check.series, check.field, out);
  out << fmt::format("  date:       {}\n", format_date(check.date));
  if (check.direction != Direction::none) {
    out << fmt::format("  direction:  {}\n", to_string(check.direction));
  }
}

void
write_check(const AverageCheck& check, std::ostream& out)
{
  write_series(check.series, "volume", out);
  out << fmt::format(
      "  window:     the {} trading days before {}\n", check.days, format_date(check.date));
}

void
write_document(const SourceRef& document, const std::string& anchor, std::ostream& out)
{
  out << fmt::format("  document:   {}\n", document.str());
  out << fmt::format("  anchor:     \"{}\" (the first match, ignoring case)\n", anchor);
}

void
write_check(const DocumentFigureCheck& check, std::ostream& out)
{
  write_document(check.document, check.anchor, out);
  out << "  reads:      the first figure after the anchor\n";
}

void
write_check(const DocumentDateCheck& check, std::ostream& out)
{
  write_document(check.document, check.anchor, out);
  out << "  reads:      the first date after the anchor\n";
  if (check.relation == DateRelation::by) {
    out << "  relation:   by (the documented event must have happened by the claimed date)\n";
  }
  if (check.on) {
    out << fmt::format("  age on:     {} (whole years from that date)\n", format_date(*check.on));
  }
}

void
write_check(const DocumentListCheck& check, std::ostream& out)
{
  write_document(check.document, check.anchor, out);
  std::string names;
  for (const auto& name : check.names) {
    names += names.empty() ? name : ", " + name;
  }
  out << fmt::format("  names:      {} (each must be in the list after the anchor)\n", names);
}

void
write_check(const DocumentPassageCheck& check, std::ostream& out)
{
  out << fmt::format("  document:   {}\n", check.document.str());
  out << fmt::format("  passage:    \"{}\" (it must be in the document)\n", check.anchor);
  out << fmt::format("  reading:    the passage {} the claim (the catalogue's reading)\n",
                     check.supports ? "supports" : "contradicts");
}

void
write_check(const EntityPropertyCheck& check, std::ostream& out)
{
  out << fmt::format("  entity:     {}\n", check.entity.str());
  out << fmt::format("  property:   {}\n", check.property);
  if (check.on) {
    out << fmt::format("  age on:     {} (whole years from the property's date)\n",
                       format_date(*check.on));
  }
}

void
write_check(const DerivedCheck& check, std::ostream& out)
{
  out << fmt::format("  formula:    {}\n", check.formula);
  for (const auto& [name, id] : check.inputs) {
    out << fmt::format("  input:      {} = the observed value of claim \"{}\"\n", name, id);
  }
}

void
write_check(const ShortSaleCheck& check, std::ostream& out)
{
  out << fmt::format("  file:       {}\n", check.file.str());
  out << fmt::format("  symbol:     {}\n", check.symbol);
  out << "  ratio:      ShortVolume / TotalVolume of the file (trades reported to FINRA)\n";
}

void
write_check(const FilingFactCheck& check, std::ostream& out)
{
  out << fmt::format("  facts:      {}\n", check.facts.str());
  out << fmt::format("  year ends:  {} (a value for about a year, as the {} first filed it)\n",
                     format_date(check.end),
                     check.form);
}

void
write_check(const UnverifiableCheck& check, std::ostream& out)
{
  out << fmt::format("  why no source can settle it: {}\n", check.reason);
}

void
write_text(const Claim& claim, const Verdict& verdict, std::ostream& out)
{
  out << fmt::format("Claim {} ({}:{})\n\n", claim.id, claim.file, claim.line);
  out << fmt::format("The article says:  {}\n", claim.quote);
  out << fmt::format("In English:        {}\n\n", claim.statement);

  out << fmt::format("Verdict: {}. {}\n\n", to_string(verdict.kind), verdict.message);
  if (!claim.same_as.empty()) {
    out << fmt::format(
        "Counted as one statement with claim {} (same_as: a repeat or a second part).\n\n",
        claim.same_as);
  }
  if (claim.input) {
    out << "Not an article statement: an input of the derived claims that take it.\n\n";
  }
  if (verdict.correction) {
    out << "Correction\n";
    if (!verdict.correction->article_language.empty()) {
      out << fmt::format("  in the article's language: {}\n", verdict.correction->article_language);
    }
    if (!verdict.correction->en.empty()) {
      out << fmt::format("  in English:                {}\n", verdict.correction->en);
    }
    out << '\n';
  }

  out << "What was checked\n";
  out << fmt::format("  measure:    {}\n", to_string(claim.check.kind()));
  // From the table of kinds: what a claimed figure of this kind may be in.
  if (const auto units = measured_units(claim.check.kind()); !units.empty()) {
    out << fmt::format("  in:         {}\n", units);
  }
  if (const auto* unverifiable = claim.check.get<UnverifiableCheck>()) {
    if (unverifiable->category != UnverifiableCategory::none) {
      out << fmt::format("  category:   {} ({})\n",
                         to_string(unverifiable->category),
                         category_label(unverifiable->category));
    }
    out << fmt::format("  why no source can settle it: {}\n", unverifiable->reason);
    if (!claim.note.empty()) {
      out << fmt::format("  note: {}\n", claim.note);
    }
    return;
  }
  // Each family prints the fields it has, and only those.
  std::visit([&out](const auto& check) { write_check(check, out); }, claim.check.spec);
  if (claim.claimed) {
    out << fmt::format("\nHow the claimed figure was read\n  written:    {}\n",
                       claim.claimed->text);
    if (const auto& q = claim.claimed->quantity) {
      out << fmt::format("  meaning:    {}\n", comparator_words(q->comparator));
      if (q->is_range) {
        out << fmt::format(
            "  value:      {} to {} ({})\n", q->low, q->high, quantity::to_string(q->unit));
      } else {
        out << fmt::format("  value:      {} ({})\n", q->low, quantity::to_string(q->unit));
      }
      if (q->comparator != quantity::Comparator::gt && q->comparator != quantity::Comparator::lt) {
        out << fmt::format("  precision:  ±{} (half a unit of the last significant digit)\n",
                           q->low_precision);
      }
    }
    if (claim.tolerance) {
      out << fmt::format("  tolerance:  {} (given in the catalogue)\n", claim.tolerance_text);
    }
    if (!verdict.accepted.empty()) {
      out << fmt::format("  holds for:  {}\n", verdict.accepted);
    }
  }

  out << "\nWhere the data came from\n";
  if (verdict.evidence.sources.empty()) {
    out << "  (nothing was fetched)\n";
  }
  for (const auto& shared : verdict.evidence.sources) {
    const SourceEvidence& source = *shared;
    out << fmt::format(
        "  {}\n    URL:       {}\n    from:      {}", source.ref, source.url, source.origin);
    if (!source.retrieved_at.empty()) {
      out << fmt::format(", retrieved {}", source.retrieved_at);
    }
    out << '\n';
    if (!source.sha256.empty()) {
      out << fmt::format("    sha256:    {}\n", source.sha256);
    }
    if (!source.provenance.empty()) {
      out << fmt::format("    provenance: {}", source.provenance);
      if (!source.provenance_detail.empty()) {
        out << fmt::format(" ({})", source.provenance_detail);
      }
      out << '\n';
    }
  }

  if (!verdict.evidence.rows.empty()) {
    out << "\nThe values used\n";
    for (const auto& row : verdict.evidence.rows) {
      out << fmt::format(
          "  {} {} {} = {}\n", row.series, format_date(row.date), row.field, row.value);
    }
  }
  if (!verdict.evidence.arithmetic.empty()) {
    out << fmt::format("\nThe arithmetic\n  {}\n", verdict.evidence.arithmetic);
  }
  if (!verdict.observed_text.empty()) {
    out << fmt::format("  observed: {}\n", verdict.observed_text);
  }
  if (!verdict.evidence.notes.empty()) {
    out << "\nNotes\n";
    for (const auto& note : verdict.evidence.notes) {
      out << fmt::format("  {}\n", note);
    }
  }
}

} // namespace

void
write_explanation(const Claim& claim, const Verdict& verdict, std::ostream& out)
{
  // Catalogue and source text never reaches the terminal raw: the text
  // fields have their control characters written visibly, line breaks
  // included, and what is left (a reason or anchor deeper in the check)
  // has every control character but the layout's own line breaks escaped.
  Claim shown = claim;
  shown.quote = escape_controls(claim.quote);
  shown.statement = escape_controls(claim.statement);
  shown.note = escape_controls(claim.note);
  if (auto* unverifiable = std::get_if<UnverifiableCheck>(&shown.check.spec)) {
    unverifiable->reason = escape_controls(unverifiable->reason);
  }
  Verdict shown_verdict = verdict;
  shown_verdict.message = escape_controls(verdict.message);
  shown_verdict.observed_text = escape_controls(verdict.observed_text);
  shown_verdict.accepted = escape_controls(verdict.accepted);
  if (shown_verdict.correction) {
    shown_verdict.correction->article_language =
        escape_controls(verdict.correction->article_language);
    shown_verdict.correction->en = escape_controls(verdict.correction->en);
  }
  for (auto& note : shown_verdict.evidence.notes) {
    note = escape_controls(note);
  }
  std::ostringstream text;
  write_text(shown, shown_verdict, text);
  const auto all = text.str(); // split's views point into it
  const auto lines = util::split(all, '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out << escape_controls(lines[i]);
    if (i + 1 < lines.size()) {
      out << '\n';
    }
  }
}

} // namespace factcheck::report
