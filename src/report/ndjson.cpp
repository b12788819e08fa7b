// JSON Lines (https://jsonlines.org): one verdict object per line, the same
// fields as the json format's "verdicts", UTF-8, each line ending in '\n'.
// Strings escape their own newlines, so every line parses on its own.
#include "common.hpp"

#include <factcheck/report/reporter.hpp>

namespace factcheck::report {

namespace {

class NdjsonReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      out << verdict_json(report.catalogue.claims[i], report.verdicts[i]).dump() << '\n';
    }
  }

  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    write_ndjson_all(reports, out);
  }
};

} // namespace

std::unique_ptr<Reporter>
make_ndjson_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<NdjsonReporter>();
}

} // namespace factcheck::report
