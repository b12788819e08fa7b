// `factcheck explain`: one verdict written out for a journalist who has never
// seen the tool, step by step from the quote to the arithmetic.
#include <factcheck/report/reporter.hpp>

#include <fmt/format.h>

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

} // namespace

void
write_explanation(const Claim& claim, const Verdict& verdict, std::ostream& out)
{
  out << fmt::format("Claim {} ({}:{})\n\n", claim.id, claim.file, claim.line);
  out << fmt::format("The article says:  {}\n", claim.quote);
  out << fmt::format("In English:        {}\n\n", claim.statement);

  out << fmt::format("Verdict: {}. {}\n\n", to_string(verdict.kind), verdict.message);

  out << "What was checked\n";
  out << fmt::format("  measure:    {}\n", to_string(claim.check.kind));
  if (claim.check.kind == CheckKind::unverifiable) {
    out << fmt::format("  why no source can settle it: {}\n", claim.check.reason);
    if (!claim.note.empty()) {
      out << fmt::format("  note: {}\n", claim.note);
    }
    return;
  }
  out << fmt::format(
      "  series:     {} (price field: {})\n", claim.check.series.str(), claim.check.field);
  if (claim.check.shares) {
    out << fmt::format("  shares:     {}\n", claim.check.shares->str());
  }
  if (claim.check.corroborate) {
    out << fmt::format("  cross-checked against: {}\n", claim.check.corroborate->str());
  }
  out << fmt::format("  date:       {}\n", format_date(claim.check.date));
  if (claim.check.base_date) {
    out << fmt::format("  base date:  {}\n", format_date(*claim.check.base_date));
  }
  if (claim.check.direction != Direction::none) {
    out << fmt::format("  direction:  {}\n", to_string(claim.check.direction));
  }
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
  for (const auto& source : verdict.evidence.sources) {
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

} // namespace factcheck::report
