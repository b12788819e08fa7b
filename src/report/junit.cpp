// JUnit XML as CI servers read it (Jenkins, GitLab, the Surefire schema):
// one testsuite per catalogue, one testcase per claim. contradicted ->
// <failure>, error -> <error>, unverifiable -> <skipped> with the reason as
// its message and its text; supported passes.
//
// Two families, as pytest has: xunit2 (the default) is valid against the
// Jenkins xUnit schema (junit-10.xsd), which has no testcase `file` or
// `line` and no testsuites `skipped`; legacy adds those, for readers that
// show them. Every `time` is "0": readers want the attribute (dorny shows
// "NaNms" without it), and a measured duration would make the output differ
// from run to run.
#include "common.hpp"

#include <factcheck/report/escape.hpp>
#include <factcheck/report/reporter.hpp>

#include <fmt/format.h>

namespace factcheck::report {

namespace {

class JunitReporter : public Reporter
{
public:
  explicit JunitReporter(JunitFamily family) : m_family(family)
  {}

  void
  write(const RunReport& report, std::ostream& out) const override
  {
    write_all_of(&report, 1, out);
  }

  // One testsuite per catalogue, in the order given.
  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    write_all_of(reports.data(), reports.size(), out);
  }

private:
  void
  write_all_of(const RunReport* reports, std::size_t n, std::ostream& out) const
  {
    Summary all;
    for (std::size_t i = 0; i < n; ++i) {
      const auto& s = reports[i].summary;
      all.supported += s.supported;
      all.contradicted += s.contradicted;
      all.unverifiable += s.unverifiable;
      all.error += s.error;
    }
    const bool legacy = m_family == JunitFamily::legacy;
    out << R"(<?xml version="1.0" encoding="UTF-8"?>)" << '\n'
        << fmt::format(R"(<testsuites name="factcheck" {}{} time="0">)",
                       counts_of(all),
                       legacy ? fmt::format(R"( skipped="{}")", all.unverifiable) : std::string())
        << '\n';
    for (std::size_t i = 0; i < n; ++i) {
      write_suite(reports[i], out);
    }
    out << "</testsuites>\n";
  }

  static std::string
  counts_of(const Summary& s)
  {
    return fmt::format(
        R"(tests="{}" failures="{}" errors="{}")", s.total(), s.contradicted, s.error);
  }

  void
  write_suite(const RunReport& report, std::ostream& out) const
  {
    const auto& s = report.summary;
    const auto name = xml_escape(escape_controls(report.catalogue.path));
    const bool legacy = m_family == JunitFamily::legacy;
    const auto skipped = fmt::format(R"( skipped="{}")", s.unverifiable);
    out << fmt::format(R"(  <testsuite name="{}" {}{} time="0">)", name, counts_of(s), skipped)
        << '\n';
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      out << fmt::format(R"(    <testcase name="{}" classname="{}" time="0")",
                         xml_escape(escape_controls(claim.id)),
                         name);
      if (legacy) {
        out << fmt::format(R"( file="{}" line="{}")", xml_escape(claim.file), claim.line);
      }
      // Control characters are written visibly (ESC as \u001b), as in every
      // text format; XML could not hold most of them anyway.
      const auto message = xml_escape(escape_controls(verdict.message));
      const auto body = xml_escape(escape_controls(evidence_text(claim, verdict)));
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
        // The reason as text too: GitLab shows only the element's text.
        out << fmt::format(
            ">\n      <skipped message=\"{}\">{}</skipped>\n    </testcase>\n", message, body);
        break;
      }
    }
    out << "  </testsuite>\n";
  }

  JunitFamily m_family;
};

} // namespace

std::unique_ptr<Reporter>
make_junit_reporter(const ReportOptions& options)
{
  return std::make_unique<JunitReporter>(options.junit_family);
}

} // namespace factcheck::report
