// GitHub Actions workflow commands
// (https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions):
// one annotation per claim that did not hold, on the catalogue line where it
// is written. contradicted -> ::error, error -> ::warning, unverifiable ->
// ::notice; supported claims get a plain log line. The Markdown job summary
// ($GITHUB_STEP_SUMMARY) is written by the CLI, which owns the I/O.
#include "common.hpp"

#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

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

class GithubReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      const auto kind = to_string(verdict.kind);
      const auto command = command_of(verdict.kind);
      if (command.empty()) {
        out << fmt::format("{}: {}: {}\n", kind, claim.id, verdict.message);
        continue;
      }
      std::string properties;
      if (!claim.file.empty() && claim.file != "-") {
        properties =
            fmt::format("file={},line={},", github_escape_property(claim.file), claim.line);
      }
      properties +=
          fmt::format("title={}", github_escape_property(fmt::format("{}: {}", kind, claim.id)));
      out << fmt::format(
          "::{} {}::{}\n",
          command,
          properties,
          github_escape_data(claim.statement + "\n" + evidence_text(claim, verdict)));
    }
    const auto& s = report.summary;
    out << fmt::format("{}: {} supported, {} contradicted, {} unverifiable, {} error\n",
                       util::count_of(static_cast<std::size_t>(s.total()), "claim"),
                       s.supported,
                       s.contradicted,
                       s.unverifiable,
                       s.error);
  }
};

} // namespace

std::unique_ptr<Reporter>
make_github_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<GithubReporter>();
}

} // namespace factcheck::report
