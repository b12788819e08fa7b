#include <factcheck/report/reporter.hpp>

#include <array>

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

std::string_view
known_formats()
{
  return "table, json";
}

} // namespace factcheck::report
