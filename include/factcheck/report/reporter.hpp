#pragma once

#include <factcheck/model/run.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::report {

// Who publishes the review (ClaimReview's author, url and datePublished);
// each part is left out of the report when empty.
struct Reviewer
{
  std::string name; // an organisation: "Example Daily fact desk"
  std::string url;  // the page that publishes the review; each claim is an anchor on it
  std::string date; // YYYY-MM-DD
};

// Which JUnit XML dialect the junit format writes (--junit-family, after
// pytest's junit_family).
enum class JunitFamily {
  xunit2, // valid against the Jenkins xUnit schema (junit-10.xsd): no file or line
  legacy, // also `file` and `line` on each testcase, which GitLab and others show
};

struct ReportOptions
{
  bool color = false; // ANSI colours (the CLI decides: TTY, NO_COLOR, --color)
  Reviewer reviewer;
  // The folder an absolute catalogue path is made relative to in SARIF (the
  // CLI gives the current directory); empty keeps paths as given.
  std::string root;
  JunitFamily junit_family = JunitFamily::xunit2;
  // The table's width in terminal columns (the CLI decides: COLUMNS, the
  // terminal's width, or k_pipe_width).
  std::size_t width = k_pipe_width;
  static constexpr std::size_t k_pipe_width = 100;
};

// The most annotations of one level (error, warning, notice) GitHub shows
// for one step; the github format emits no more than this per level.
inline constexpr std::size_t k_github_annotations_per_level = 10;

// Writes a run's verdicts in one format. Reporters print no clock time or
// machine path that is not in the report, so their output is reproducible
// and can be pinned by golden files.
class Reporter
{
public:
  virtual ~Reporter() = default;
  virtual void write(const RunReport& report, std::ostream& out) const = 0;
  // Several catalogues checked in one run, one report for all of them, in
  // which each verdict names its catalogue (docs/reports.md, "Several
  // catalogues"). The html format takes one catalogue: it throws Error.
  virtual void write_all(const std::vector<RunReport>& reports, std::ostream& out) const;
};

// The reporter for `format` (one of known_formats()), or nullptr for an
// unknown one.
std::unique_ptr<Reporter> make_reporter(std::string_view format, const ReportOptions& options);

// The formats make_reporter knows, in the order help lists them.
std::vector<std::string> known_formats();

// The counts of a run: "21 claims: 12 supported, 6 contradicted, 3
// unverifiable, 0 error", or, when some claim repeats another (same_as),
// "119 claims, 103 statements: ..." with the statements counted.
std::string counts_line(const RunReport& report);

// The same with the mode, "... (offline mode)": the table's last line, and
// what `-q` prints.
std::string summary_line(const RunReport& report);

// The same over several catalogues: "2 catalogues, 254 claims: ...", the
// statements counted as above when some claim repeats another.
std::string counts_line(const std::vector<RunReport>& reports);
std::string summary_line(const std::vector<RunReport>& reports);

// How many claims of `report` the github format leaves without an
// annotation because of k_github_annotations_per_level (the job summary
// says so).
std::size_t github_unannotated(const RunReport& report);
std::size_t github_unannotated(const std::vector<RunReport>& reports);

// Everything behind one verdict, in prose a reader new to the tool can
// follow: the quote, the parsed claim and its tolerance, each source request
// (URL, where and when the bytes came from, sha256), the rows used and the
// arithmetic (`factcheck explain`).
void write_explanation(const Claim& claim, const Verdict& verdict, std::ostream& out);

std::unique_ptr<Reporter> make_table_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_json_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_ndjson_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_junit_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_sarif_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_github_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_markdown_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_claimreview_reporter(const ReportOptions& options);
std::unique_ptr<Reporter> make_html_reporter(const ReportOptions& options);

} // namespace factcheck::report
