// JUnit XML as CI servers read it (Jenkins, GitLab, the Surefire schema):
// one testsuite per catalogue, one testcase per claim with its file and
// line. contradicted -> <failure>, error -> <error>, unverifiable ->
// <skipped> with the reason; supported passes. No timestamps or durations,
// so the output is reproducible.
#include "common.hpp"

#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>

#include <fmt/format.h>

namespace factcheck::report {

namespace {

class JunitReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    const auto& s = report.summary;
    const auto name = xml_escape(report.catalogue.path);
    const auto counts = fmt::format(R"(tests="{}" failures="{}" errors="{}" skipped="{}")",
                                    s.total(),
                                    s.contradicted,
                                    s.error,
                                    s.unverifiable);
    out << R"(<?xml version="1.0" encoding="UTF-8"?>)" << '\n'
        << fmt::format(R"(<testsuites name="factcheck" {}>)", counts) << '\n'
        << fmt::format(R"(  <testsuite name="{}" {}>)", name, counts) << '\n';
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      out << fmt::format(R"(    <testcase name="{}" classname="{}" file="{}" line="{}")",
                         xml_escape(claim.id),
                         name,
                         xml_escape(claim.file),
                         claim.line);
      const auto message = xml_escape(verdict.message);
      const auto body = xml_escape(evidence_text(claim, verdict));
      switch (verdict.kind) {
      case VerdictKind::supported:
        out << fmt::format(">\n      <system-out>{}</system-out>\n    </testcase>\n", body);
        break;
      case VerdictKind::contradicted:
        out << fmt::format(">\n      <failure message=\"{}\" type=\"contradicted\">{}</failure>\n"
                           "    </testcase>\n",
                           message,
                           body);
        break;
      case VerdictKind::error:
        out << fmt::format(">\n      <error message=\"{}\" type=\"error\">{}</error>\n"
                           "    </testcase>\n",
                           message,
                           body);
        break;
      case VerdictKind::unverifiable:
        out << fmt::format(">\n      <skipped message=\"{}\"/>\n    </testcase>\n", message);
        break;
      }
    }
    out << "  </testsuite>\n</testsuites>\n";
  }
};

} // namespace

std::unique_ptr<Reporter>
make_junit_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<JunitReporter>();
}

} // namespace factcheck::report
