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
    std::string line;
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      line.clear();
      JsonWriter writer(line, -1);
      write_verdict(writer, report.catalogue.claims[i], report.verdicts[i]);
      line += '\n';
      out << line;
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
