// GitHub Actions workflow commands
// (https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions):
// one annotation per claim that did not hold, on the catalogue line where it
// is written. contradicted -> ::error, error -> ::warning, unverifiable ->
// ::notice; supported claims get a plain log line. The Markdown job summary
// ($GITHUB_STEP_SUMMARY) is written by the CLI, which owns the I/O.
//
// GitHub shows at most 10 annotations of each level for a step and drops
// the rest, so at most k_github_annotations_per_level of each are emitted:
// contradicted claims first, then errors, then unverifiable ones, each in
// catalogue order. The claims past the limit get a plain log line, and the
// summary line (and the job summary) say how many were left unannotated.
#include "common.hpp"

#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace factcheck::report {

namespace {

std::string_view
command_of(VerdictKind kind)
{
  switch (kind) {
  case VerdictKind::contradicted:
    return "error";
  case VerdictKind::error:
    return "warning";
  case VerdictKind::unverifiable:
    return "notice";
  case VerdictKind::supported:
    break;
  }
  return "";
}

// The verdicts in the order they matter to a reader of the annotations.
constexpr std::array k_order{VerdictKind::contradicted,
                             VerdictKind::error,
                             VerdictKind::unverifiable,
                             VerdictKind::supported};

std::size_t
unannotated_count(const RunReport& report, VerdictKind kind)
{
  if (kind == VerdictKind::supported) {
    return 0;
  }
  const auto n = static_cast<std::size_t>(
      std::count_if(report.verdicts.begin(), report.verdicts.end(), [kind](const Verdict& v) {
        return v.kind == kind;
      }));
  return n > k_github_annotations_per_level ? n - k_github_annotations_per_level : 0;
}

class GithubReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    for (const auto level : k_order) {
      std::size_t emitted = 0;
      for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
        if (report.verdicts[i].kind != level) {
          continue;
        }
        write_one(report.catalogue.claims[i], report.verdicts[i], emitted, out);
      }
    }
    out << counts_line(report);
    if (const auto left = github_unannotated(report); left > 0) {
      out << fmt::format("; {} not annotated (GitHub shows {} annotations of each level), "
                         "listed above and in the job summary",
                         left,
                         k_github_annotations_per_level);
    }
    out << '\n';
  }

  // GitHub's limit of annotations is a step's, so it spans the catalogues:
  // the contradicted claims of every catalogue come first.
  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    for (const auto level : k_order) {
      std::size_t emitted = 0;
      for (const auto& report : reports) {
        for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
          if (report.verdicts[i].kind == level) {
            write_one(report.catalogue.claims[i],
                      report.verdicts[i],
                      emitted,
                      out,
                      report.catalogue.path);
          }
        }
      }
    }
    out << counts_line(reports);
    if (const auto left = github_unannotated(reports); left > 0) {
      out << fmt::format("; {} not annotated (GitHub shows {} annotations of each level), "
                         "listed above and in the job summary",
                         left,
                         k_github_annotations_per_level);
    }
    out << '\n';
  }

private:
  static void
  write_one(const Claim& claim,
            const Verdict& verdict,
            std::size_t& emitted,
            std::ostream& out,
            std::string_view catalogue = {})
  {
    const auto kind = to_string(verdict.kind);
    const auto command = command_of(verdict.kind);
    // Catalogue text may hold ESC or CR: written visibly, so that none can
    // colour or rewrite the log.
    if (command.empty() || emitted == k_github_annotations_per_level) {
      // Of several catalogues, the line names its catalogue: ids repeat.
      const auto where = catalogue.empty() ? std::string() : escape_controls(catalogue) + ": ";
      out << fmt::format("{}: {}{}: {}\n",
                         kind,
                         where,
                         escape_controls(claim.id),
                         escape_controls(verdict.message));
      return;
    }
    ++emitted;
    {
      std::string properties;
      if (!claim.file.empty() && claim.file != "-") {
        properties =
            fmt::format("file={},line={},", github_escape_property(claim.file), claim.line);
      }
      properties += fmt::format(
          "title={}",
          github_escape_property(fmt::format("{}: {}", kind, escape_controls(claim.id))));
      out << fmt::format("::{} {}::{}\n",
                         command,
                         properties,
                         github_escape_data(escape_controls(claim.statement) + "\n"
                                            + escape_controls(evidence_text(claim, verdict))));
    }
  }
};

} // namespace

std::size_t
github_unannotated(const RunReport& report)
{
  std::size_t total = 0;
  for (const auto kind : k_order) {
    total += unannotated_count(report, kind);
  }
  return total;
}

std::size_t
github_unannotated(const std::vector<RunReport>& reports)
{
  std::size_t total = 0;
  for (const auto kind : k_order) {
    if (kind == VerdictKind::supported) {
      continue;
    }
    std::size_t n = 0;
    for (const auto& report : reports) {
      n += static_cast<std::size_t>(
          std::count_if(report.verdicts.begin(), report.verdicts.end(), [kind](const Verdict& v) {
            return v.kind == kind;
          }));
    }
    total += n > k_github_annotations_per_level ? n - k_github_annotations_per_level : 0;
  }
  return total;
}

std::unique_ptr<Reporter>
make_github_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<GithubReporter>();
}

} // namespace factcheck::report
