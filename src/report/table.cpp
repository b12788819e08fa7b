#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace factcheck::report {

namespace {

constexpr std::string_view k_reset = "\033[0m";
constexpr std::string_view k_dim = "\033[2m";
constexpr std::string_view k_bold = "\033[1m";

std::string_view
colour_of(VerdictKind kind)
{
  switch (kind) {
  case VerdictKind::supported:
    return "\033[32m"; // green
  case VerdictKind::contradicted:
    return "\033[1;31m"; // bold red
  case VerdictKind::unverifiable:
    return "\033[33m"; // yellow
  case VerdictKind::error:
    break;
  }
  return "\033[1;35m"; // bold magenta
}

// Pads `text` with spaces to `width` terminal columns (CJK counts double).
std::string
pad(std::string_view text, std::size_t width)
{
  std::string out(text);
  const auto used = util::display_width(text);
  if (used < width) {
    out.append(width - used, ' ');
  }
  return out;
}

std::string
claimed_cell(const Claim& claim)
{
  if (!claim.claimed) {
    return "-";
  }
  return claim.claimed->text;
}

// The second line under a verdict: how the figure was computed and from
// where, so a reader can redo it.
std::string
detail_line(const Claim& claim, const Verdict& verdict)
{
  std::vector<std::string> parts;
  if (!verdict.evidence.arithmetic.empty()) {
    parts.push_back(verdict.evidence.arithmetic);
  }
  for (const auto& source : verdict.evidence.sources) {
    std::string where = fmt::format("{} ({}", source.ref, source.origin);
    if (!source.retrieved_at.empty()) {
      where += fmt::format(" {}", source.retrieved_at);
    }
    if (!source.provenance.empty()) {
      where += fmt::format(", {}", source.provenance);
    }
    where += ")";
    parts.push_back(std::move(where));
  }
  if (claim.check.kind() == CheckKind::unverifiable && !claim.note.empty()) {
    parts.push_back(claim.note);
  }
  std::string out;
  for (const auto& part : parts) {
    if (!out.empty()) {
      out += " · ";
    }
    out += part;
  }
  return out;
}

class TableReporter : public Reporter
{
public:
  explicit TableReporter(const ReportOptions& options) : m_options(options)
  {}

  void
  write(const RunReport& report, std::ostream& out) const override
  {
    const std::array<std::string_view, 5> headers{
        "VERDICT", "CLAIM", "CLAIMED", "OBSERVED", "EVIDENCE"};
    std::array<std::size_t, 4> widths{};
    for (std::size_t c = 0; c < widths.size(); ++c) {
      widths[c] = headers[c].size();
    }
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      widths[0] = std::max(widths[0], to_string(verdict.kind).size());
      widths[1] = std::max(widths[1], util::display_width(claim.id));
      widths[2] = std::max(widths[2], util::display_width(claimed_cell(claim)));
      widths[3] = std::max(widths[3], util::display_width(verdict.observed_text));
    }

    std::string line;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      line += pad(headers[c], widths[c] + 2);
    }
    line += headers[4];
    out << style(k_bold) << line << style(k_reset) << '\n';

    const auto indent = std::string(widths[0] + 2, ' ');
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      const auto kind = to_string(verdict.kind);
      out << style(colour_of(verdict.kind)) << kind << style(k_reset)
          << std::string(widths[0] + 2 - kind.size(), ' ') << pad(claim.id, widths[1] + 2)
          << pad(claimed_cell(claim), widths[2] + 2) << pad(verdict.observed_text, widths[3] + 2)
          << verdict.message << '\n';
      const auto detail = detail_line(claim, verdict);
      if (!detail.empty()) {
        out << indent << style(k_dim) << detail << style(k_reset) << '\n';
      }
      for (const auto& note : verdict.evidence.notes) {
        out << indent << style(k_dim) << note << style(k_reset) << '\n';
      }
    }

    out << '\n' << summary_line(report) << '\n';
  }

private:
  std::string_view
  style(std::string_view code) const
  {
    return m_options.color ? code : std::string_view();
  }

  ReportOptions m_options;
};

} // namespace

std::string
summary_line(const RunReport& report)
{
  const auto& s = report.summary;
  return fmt::format("{}: {} supported, {} contradicted, {} unverifiable, {} error ({} mode)",
                     util::count_of(static_cast<std::size_t>(s.total()), "claim"),
                     s.supported,
                     s.contradicted,
                     s.unverifiable,
                     s.error,
                     to_string(report.mode));
}

std::unique_ptr<Reporter>
make_table_reporter(const ReportOptions& options)
{
  return std::make_unique<TableReporter>(options);
}

} // namespace factcheck::report
