#include "common.hpp"

#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <string>
#include <vector>

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
  for (const auto& shared : verdict.evidence.sources) {
    const SourceEvidence& source = *shared;
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

// The length of the UTF-8 character starting at `text[0]` (1 for a byte
// that does not start one, so that any bytes move forward).
std::size_t
char_length(std::string_view text)
{
  const auto lead = static_cast<unsigned char>(text[0]);
  std::size_t n = 1;
  if (lead >= 0xF0) {
    n = 4;
  } else if (lead >= 0xE0) {
    n = 3;
  } else if (lead >= 0xC0) {
    n = 2;
  }
  return std::min(n, text.size());
}

// Splits `text` into lines of at most `width` terminal columns, at spaces
// where it can and inside a word (between characters, never inside one)
// where a word alone is wider. CJK text, which has no spaces, breaks between
// its characters, each two columns wide.
std::vector<std::string>
wrap(std::string_view text, std::size_t width)
{
  std::vector<std::string> lines;
  std::string line;
  std::size_t used = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') {
      ++i;
      continue;
    }
    auto end = text.find(' ', i);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    const auto word = text.substr(i, end - i);
    const auto word_width = util::display_width(word);
    const auto space = used == 0 ? 0 : 1;
    if (used + space + word_width <= width) {
      if (space != 0) {
        line += ' ';
      }
      line += word;
      used += space + word_width;
    } else if (word_width <= width) {
      lines.push_back(std::move(line));
      line = std::string(word);
      used = word_width;
    } else {
      // A word wider than a line: as much of it on this line as fits, the
      // rest on the next ones.
      if (used > 0 && used + 1 < width) {
        line += ' ';
        ++used;
      } else if (used > 0) {
        lines.push_back(std::move(line));
        line.clear();
        used = 0;
      }
      // Ids break after a hyphen when one is on the line.
      std::size_t hyphen = std::string::npos; // in `line`, after the last '-'
      for (std::size_t j = 0; j < word.size();) {
        const auto n = char_length(word.substr(j));
        const auto ch = word.substr(j, n);
        const auto w = util::display_width(ch);
        if (used + w > width && used > 0) {
          std::string rest;
          if (hyphen != std::string::npos && hyphen < line.size()) {
            rest = line.substr(hyphen);
            line.resize(hyphen);
          }
          lines.push_back(std::move(line));
          line = std::move(rest);
          used = util::display_width(line);
          hyphen = std::string::npos;
        }
        line += ch;
        used += w;
        j += n;
        if (ch == "-") {
          hyphen = line.size();
        }
      }
    }
    i = end;
  }
  if (!line.empty() || lines.empty()) {
    lines.push_back(std::move(line));
  }
  return lines;
}

class TableReporter : public Reporter
{
public:
  explicit TableReporter(const ReportOptions& options) : m_options(options)
  {}

  void
  write(const RunReport& report, std::ostream& out) const override
  {
    constexpr std::size_t k_gap = 2;
    constexpr std::size_t k_evidence_min = 24;
    constexpr std::size_t k_cell_min = 6;
    const std::array<std::string_view, 5> headers{
        "VERDICT", "CLAIM", "CLAIMED", "OBSERVED", "EVIDENCE"};
    // Catalogue and source text is escaped first, so that no ESC, CR or
    // line break in it reaches the terminal or breaks a row. A row's cells
    // are made once to measure the columns and again to write them: all of
    // them at once were 36 MB of a 100,000-claim run's peak (heaptrack).
    const auto cells_of = [&report](std::size_t i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      std::array<std::string, 5> row;
      row[0] = to_string(verdict.kind);
      row[1] = escape_controls(claim.id);
      row[2] = escape_controls(claimed_cell(claim));
      row[3] = escape_controls(verdict.observed_text);
      row[4] = escape_controls(verdict.message);
      return row;
    };
    std::array<std::size_t, 4> widths{};
    for (std::size_t c = 0; c < widths.size(); ++c) {
      widths[c] = headers[c].size();
    }
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto row = cells_of(i);
      for (std::size_t c = 0; c < widths.size(); ++c) {
        widths[c] = std::max(widths[c], util::display_width(row[c]));
      }
    }
    // When EVIDENCE has no room beside the other columns, CLAIMED and
    // OBSERVED give up a column at a time (their cells wrap within their
    // column); if that is not enough, the evidence goes under the row,
    // where the arithmetic is, and only then does CLAIM (an id a reader
    // copies into --select or greps for) wrap too.
    const auto total = [&widths] {
      std::size_t sum = 0;
      for (const auto w : widths) {
        sum += w + k_gap;
      }
      return sum;
    };
    constexpr std::size_t k_figure_min = 12;
    const auto shrink = [&widths](std::size_t first, std::size_t floor) {
      auto* widest =
          std::max_element(widths.begin() + static_cast<std::ptrdiff_t>(first), widths.end());
      if (*widest <= floor) {
        return false;
      }
      --*widest;
      return true;
    };
    const auto natural = widths;
    while (total() + k_evidence_min > m_options.width && shrink(2, k_figure_min)) {
    }
    const bool evidence_below = total() + k_evidence_min > m_options.width;
    if (evidence_below) {
      // The cells keep their whole width if they can; with the evidence
      // below, OBSERVED ends the line and needs no gap.
      widths = natural;
      while (total() - k_gap > m_options.width && shrink(2, k_figure_min)) {
      }
      while (total() - k_gap > m_options.width && shrink(1, k_cell_min)) {
      }
    }
    const auto evidence_width =
        m_options.width > total() + k_cell_min ? m_options.width - total() : k_cell_min;

    std::string line;
    for (std::size_t c = 0; c < widths.size(); ++c) {
      line += pad(headers[c], widths[c] + k_gap);
    }
    const auto indent_width = widths[0] + k_gap;
    const auto indent = std::string(indent_width, ' ');
    if (evidence_below) {
      while (!line.empty() && line.back() == ' ') {
        line.pop_back();
      }
      line += "\n" + indent + std::string(headers[4]);
    } else {
      line += headers[4];
    }
    out << style(k_bold) << line << style(k_reset) << '\n';

    const auto detail_width =
        m_options.width > indent_width + k_cell_min ? m_options.width - indent_width : k_cell_min;
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      const auto row = cells_of(i);
      std::array<std::vector<std::string>, 5> wrapped;
      std::size_t height = 0;
      const auto columns = evidence_below ? widths.size() : wrapped.size();
      for (std::size_t c = 0; c < columns; ++c) {
        wrapped[c] = wrap(row[c], c < widths.size() ? widths[c] : evidence_width);
        height = std::max(height, wrapped[c].size());
      }
      for (std::size_t l = 0; l < height; ++l) {
        std::string text;
        for (std::size_t c = 0; c < wrapped.size(); ++c) {
          const auto cell = l < wrapped[c].size() ? std::string_view(wrapped[c][l]) : "";
          if (c == 0 && !cell.empty()) {
            text += std::string(style(colour_of(verdict.kind))) + std::string(cell)
                    + std::string(style(k_reset));
            text.append(widths[0] + k_gap - util::display_width(cell), ' ');
          } else if (c < widths.size()) {
            text += pad(cell, widths[c] + k_gap);
          } else {
            text += cell;
          }
        }
        while (!text.empty() && text.back() == ' ') {
          text.pop_back();
        }
        out << text << '\n';
      }
      if (evidence_below && !row[4].empty()) {
        for (const auto& part : wrap(row[4], detail_width)) {
          out << indent << part << '\n';
        }
      }
      std::vector<std::string> details;
      if (auto detail = detail_line(claim, verdict); !detail.empty()) {
        details.push_back(std::move(detail));
      }
      for (const auto& note : verdict.evidence.notes) {
        details.push_back(note);
      }
      for (const auto& detail : details) {
        for (const auto& part : wrap(escape_controls(detail), detail_width)) {
          out << indent << style(k_dim) << part << style(k_reset) << '\n';
        }
      }
    }

    out << '\n';
    for (const auto& part : wrap(summary_line(report), m_options.width)) {
      out << part << '\n';
    }
  }

  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    write_each_table(*this, m_options, reports, out);
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
counts_line(const RunReport& report)
{
  // With repeated passages, the counts are of the article's statements.
  const auto statements = count_statements(report);
  const bool repeats = statements.total() != report.summary.total();
  const auto& s = repeats ? statements : report.summary;
  const auto what =
      repeats
          ? fmt::format("{}, {}",
                        util::count_of(static_cast<std::size_t>(report.summary.total()), "claim"),
                        util::count_of(static_cast<std::size_t>(statements.total()), "statement"))
          : util::count_of(static_cast<std::size_t>(s.total()), "claim");
  return fmt::format("{}: {} supported, {} contradicted, {} unverifiable, {} error",
                     what,
                     s.supported,
                     s.contradicted,
                     s.unverifiable,
                     s.error);
}

std::string
summary_line(const RunReport& report)
{
  return fmt::format("{} ({} mode)", counts_line(report), to_string(report.mode));
}

std::unique_ptr<Reporter>
make_table_reporter(const ReportOptions& options)
{
  return std::make_unique<TableReporter>(options);
}

} // namespace factcheck::report
