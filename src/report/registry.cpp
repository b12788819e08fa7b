#include <factcheck/report/reporter.hpp>

#include <array>
#include <iterator>
#include <string>
#include <vector>

namespace factcheck::report {

namespace {

struct Format
{
  std::string_view name;
  std::unique_ptr<Reporter> (*make)(const ReportOptions&);
};

constexpr std::array k_formats{
    Format{"table", &make_table_reporter},
    Format{"json", &make_json_reporter},
    Format{"ndjson", &make_ndjson_reporter},
    Format{"junit", &make_junit_reporter},
    Format{"sarif", &make_sarif_reporter},
    Format{"github", &make_github_reporter},
    Format{"markdown", &make_markdown_reporter},
    Format{"claimreview", &make_claimreview_reporter},
    Format{"html", &make_html_reporter},
};

} // namespace

std::unique_ptr<Reporter>
make_reporter(std::string_view format, const ReportOptions& options)
{
  for (const auto& entry : k_formats) {
    if (entry.name == format) {
      return entry.make(options);
    }
  }
  return nullptr;
}

std::vector<std::string>
known_formats()
{
  std::vector<std::string> names;
  names.reserve(std::size(k_formats));
  for (const auto& entry : k_formats) {
    names.emplace_back(entry.name);
  }
  return names;
}

} // namespace factcheck::report
