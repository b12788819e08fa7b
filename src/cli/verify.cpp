#include "cli.hpp"

#include <factcheck/catalogue/load.hpp>
#include <factcheck/model/date.hpp>
#include <factcheck/report/reporter.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>
#include <factcheck/verify.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <sys/ioctl.h>

namespace factcheck::cli {

namespace {

// The reviewer for ClaimReview: the flags, else the config file. Dated only
// by --review-date: no clock is read, so the same run gives the same report.
report::Reviewer
reviewer_of(const VerifyOptions& options)
{
  report::Reviewer reviewer;
  reviewer.name = setting("reviewer", options.reviewer).value;
  const auto url = setting("review_url", options.review_url);
  reviewer.url = url.value;
  if (!reviewer.url.empty() && !reviewer.url.starts_with("https://")
      && !reviewer.url.starts_with("http://")) {
    throw Error(
        fmt::format("review URL \"{}\" ({}): expected an http:// or https:// URL",
                    reviewer.url,
                    url.origin == "--review-url" ? url.origin : "review_url in " + url.origin));
  }
  if (!options.review_date.empty()) {
    if (!parse_date(options.review_date)) {
      throw Error(
          fmt::format("--review-date {}: expected a date as YYYY-MM-DD", options.review_date));
    }
    reviewer.date = options.review_date;
  } else if (options.format == "claimreview" && (!reviewer.name.empty() || !reviewer.url.empty())) {
    fmt::print(stderr, "factcheck: note: no --review-date, so the reviews have no datePublished\n");
  }
  return reviewer;
}

// The table's width: COLUMNS when set to a number (an explicit choice),
// else the terminal's width when standard output is one, else a fixed
// width, so that what a script reads from a pipe does not change with the
// terminal it was started from.
std::size_t
table_width(bool to_file)
{
  constexpr std::size_t k_narrowest = 40;
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    char* end = nullptr;
    const auto n = std::strtoul(columns, &end, 10);
    if (end != columns && *end == '\0' && n > 0) {
      return std::max<std::size_t>(n, k_narrowest);
    }
  }
  winsize size{};
  if (!to_file && isatty(STDOUT_FILENO) != 0 && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0
      && size.ws_col > 0) {
    return std::max<std::size_t>(size.ws_col, k_narrowest);
  }
  return report::ReportOptions::k_pipe_width;
}

bool
use_color(const std::string& choice, bool to_file)
{
  if (choice == "always") {
    return true;
  }
  if (choice == "never" || to_file) {
    return false;
  }
  // https://no-color.org: present and not empty disables colour.
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && no_color[0] != '\0') {
    return false;
  }
  const char* term = std::getenv("TERM");
  if (term != nullptr && std::string_view(term) == "dumb") {
    return false;
  }
  return isatty(STDOUT_FILENO) != 0;
}

// What --fail-on takes: the verdicts, and none.
std::vector<std::string>
fail_on_names()
{
  std::vector<std::string> names;
  for (const auto kind : {VerdictKind::supported,
                          VerdictKind::contradicted,
                          VerdictKind::unverifiable,
                          VerdictKind::error}) {
    names.emplace_back(to_string(kind));
  }
  names.emplace_back("none");
  return names;
}

std::vector<VerdictKind>
parse_fail_on(const std::vector<std::string>& names)
{
  std::vector<VerdictKind> kinds;
  for (const auto& name : names) {
    bool known = false;
    for (const auto kind : {VerdictKind::supported,
                            VerdictKind::contradicted,
                            VerdictKind::unverifiable,
                            VerdictKind::error}) {
      if (name == to_string(kind)) {
        kinds.push_back(kind);
        known = true;
      }
    }
    if (!known && name != "none") {
      throw Error(fmt::format("--fail-on: unknown verdict \"{}\" (known: supported, contradicted, "
                              "unverifiable, error, none)",
                              name));
    }
  }
  return kinds;
}

// The ids of the claims named by --select and tagged by --tag (both when
// both are given), in catalogue order; empty when neither is given (every
// claim). What the selected claims derive from is judged by verify itself.
std::vector<std::string>
selected_ids(const Catalogue& catalogue, const VerifyOptions& options)
{
  for (const auto& id : options.select) {
    const bool found = std::any_of(catalogue.claims.begin(),
                                   catalogue.claims.end(),
                                   [&id](const Claim& claim) { return claim.id == id; });
    if (!found) {
      throw Error(fmt::format("{}: no claim with id \"{}\" (--select)", catalogue.path, id));
    }
  }
  std::vector<std::string> ids;
  if (options.select.empty() && options.tags.empty()) {
    return ids;
  }
  for (const auto& claim : catalogue.claims) {
    const bool selected = options.select.empty()
                          || std::find(options.select.begin(), options.select.end(), claim.id)
                                 != options.select.end();
    const bool tagged =
        options.tags.empty() || std::any_of(claim.tags.begin(), claim.tags.end(), [&](auto& tag) {
          return std::find(options.tags.begin(), options.tags.end(), tag) != options.tags.end();
        });
    if (selected && tagged) {
      ids.push_back(claim.id);
    }
  }
  if (ids.empty()) {
    throw Error(fmt::format("{}: no claim has the tag {} among those selected",
                            catalogue.path,
                            fmt::join(options.tags, " or ")));
  }
  return ids;
}

// The article's text for the html format: --article, else the catalogue's
// `article: {text: FILE}`; empty when neither names one. Read before any
// fetching, so a missing file costs no request. Not UTF-8: each ill-formed
// sequence becomes U+FFFD rather than a page a browser misreads.
std::string
article_text(const VerifyOptions& options, const Catalogue& catalogue)
{
  const auto& path = !options.article.empty() ? options.article : catalogue.article.text_file;
  if (path.empty()) {
    return {};
  }
  if (options.format != "html") {
    if (!options.article.empty()) {
      fmt::print(stderr, "factcheck: note: only --format html shows the article text\n");
    }
    return {};
  }
  const auto where = options.article.empty() ? " (article.text in the catalogue)" : "";
  std::error_code error;
  if (std::filesystem::is_directory(path, error)) {
    throw Error(fmt::format("{}: cannot read the article text: it is a folder{}", path, where));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(
        fmt::format("{}: cannot read the article text: {}{}", path, std::strerror(errno), where));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  auto text = buffer.str();
  if (util::first_invalid_utf8(text)) {
    text = util::to_utf8(text);
  }
  return text;
}

// GitHub shows the file named by $GITHUB_STEP_SUMMARY on the run's page:
// `markdown`, and how many claims got no annotation, are appended to it.
void
append_step_summary(std::string markdown, std::size_t unannotated)
{
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (path == nullptr || path[0] == '\0') {
    return;
  }
  if (unannotated > 0) {
    markdown += fmt::format("\n{} of the claims above have no annotation: GitHub shows {} "
                            "annotations of each level for a step, and the contradicted ones "
                            "come first.\n",
                            unannotated,
                            report::k_github_annotations_per_level);
  }
  std::ofstream file(path, std::ios::binary | std::ios::app);
  file << markdown;
  if (!file) {
    fmt::print(stderr, "factcheck: warning: {}: cannot append the job summary\n", path);
  }
}

void
append_step_summary(const RunReport& report)
{
  std::ostringstream text;
  report::make_markdown_reporter({})->write(report, text);
  append_step_summary(std::move(text).str(), report::github_unannotated(report));
}

// The job summary of several catalogues: the markdown of each.
void
append_step_summary(const std::vector<RunReport>& reports)
{
  std::ostringstream text;
  report::make_markdown_reporter({})->write_all(reports, text);
  append_step_summary(std::move(text).str(), report::github_unannotated(reports));
}

} // namespace

CLI::App*
setup_verify(CLI::App& app, VerifyOptions& options)
{
  auto* cmd = app.add_subcommand(
      "verify", "Check every claim of a catalogue and print one verdict per claim.");
  cmd->add_option("catalogue",
                  options.catalogues,
                  "The claims catalogue (YAML or JSON); '-' reads standard input. Several "
                  "files, or a folder (its *.yaml, *.yml and *.json files, sorted, not its "
                  "subfolders), are checked in one run with one report.")
      ->required()
      ->check(completes_as("catalogue"));
  add_source_options(*cmd, options.source);
  cmd->add_option("--format",
                  options.format,
                  fmt::format("Output format: {}. The default is the table, on a terminal or "
                              "not; scripts should name the format they parse.",
                              fmt::join(report::known_formats(), ", ")))
      ->check(CLI::IsMember(report::known_formats()))
      ->capture_default_str();
  cmd->add_option("-o,--output",
                  options.output,
                  "Write the report to FILE instead of standard output, atomically (a "
                  "temporary file renamed into place).")
      ->check(completes_as("file"));
  cmd->add_option("--fail-on",
                  options.fail_on,
                  "Verdicts that make the exit code 1, comma-separated (supported, "
                  "contradicted, unverifiable, error, none). Errors alone still exit 3.")
      ->delimiter(',')
      ->check(CLI::IsMember(fail_on_names()))
      ->capture_default_str();
  cmd->add_option("--select", options.select, "Check only these claim ids, comma-separated.")
      ->delimiter(',');
  cmd->add_option("--tag", options.tags, "Check only claims with one of these tags (repeatable).")
      ->delimiter(',');
  cmd->add_option("--color",
                  options.color,
                  "Colour the table: auto (only on a terminal, never with "
                  "NO_COLOR set), always, never.")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("-q,--quiet",
                options.quiet,
                "Print only the summary line on standard output; with -o, print nothing (the "
                "file always gets the whole report).");
  cmd->add_option("--junit-family",
                  options.junit_family,
                  "junit: xunit2 (valid against the Jenkins xUnit schema) or legacy (also "
                  "`file` and `line` on each testcase; xunit1 is the same).")
      ->check(CLI::IsMember({"xunit2", "legacy", "xunit1"}))
      ->capture_default_str();
  cmd->add_option("--article",
                  options.article,
                  "html: the article's plain text (UTF-8), shown with every claim marked by "
                  "verdict. Default: 'article: {text: FILE}' in the catalogue.");
  cmd->add_option("--reviewer",
                  options.reviewer,
                  "claimreview: the organisation publishing the review (its author). "
                  "Default: 'reviewer = ...' in ~/.config/factcheck/config.");
  cmd->add_option("--review-url",
                  options.review_url,
                  "claimreview: the page that publishes the review; each claim is an anchor "
                  "on it (URL#claim-id). Default: 'review_url = ...' in the config file.");
  cmd->add_option("--review-date",
                  options.review_date,
                  "claimreview: the review's date, YYYY-MM-DD (without it the reviews have "
                  "no datePublished: no clock is read).");
  cmd->footer(
      "Examples:\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml\n"
      "      every claim of the DeepSeek article, from the recordings it ships\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml --format ndjson \\\n"
      "      | jq -r 'select(.verdict==\"contradicted\") | .id'\n"
      "      the contradicted claims, one id per line, for a script\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml --format sarif -o factcheck.sarif\n"
      "      a SARIF log for code scanning\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml --format github --fail-on "
      "contradicted,error\n"
      "      annotations and a job summary in GitHub Actions; errors fail the job too\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml --select "
      "nvda-fell-17pct,nasdaq-fell-3pct\n"
      "      two claims only\n"
      "  factcheck verify claims/ --format json -o factcheck.json\n"
      "      every catalogue in claims/ in one run: one batch of fetches, one report\n"
      "      in which each verdict names its catalogue, one exit code\n"
      "  factcheck verify claims/*.yaml --format sarif -o factcheck.sarif\n"
      "      the same for the files named: one SARIF artifact per catalogue\n"
      "  cat my-claims.yaml | factcheck verify - --recordings fixtures/deepseek-2025-01-27\n"
      "      a catalogue from standard input, checked against those recordings\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml --format claimreview \\\n"
      "      --reviewer 'Example Daily fact desk' --review-url "
      "https://example.org/checks/deepseek\n"
      "      schema.org ClaimReview markup to publish with the review\n"
      "  factcheck verify claims/deepseek-2025-01-27.yaml --format html \\\n"
      "      --article ../shared/seed/article.zh-Hant.txt -o report.html\n"
      "      one self-contained page: the article with its claims marked, a card and a\n"
      "      chart per verdict (one catalogue only: run it once per catalogue)\n"
      "\n"
      "Exit codes: 0 nothing contradicted, 1 a claim is contradicted (or has a verdict\n"
      "named by --fail-on), 2 usage or catalogue error, 3 no such verdict but some\n"
      "claims ended in error, 130 interrupted by Ctrl-C (nothing is written).");
  return cmd;
}

namespace {

// Whether the command line names several catalogues (more than one path,
// or a folder): the report is then the several-catalogue form, even for a
// folder that holds one file, so that a script reading it does not change
// shape as the folder grows.
bool
is_several(const std::vector<std::string>& paths)
{
  if (paths.size() > 1) {
    return true;
  }
  std::error_code error;
  return !paths.empty() && paths.front() != "-"
         && std::filesystem::is_directory(paths.front(), error);
}

// The catalogues a folder holds: its *.yaml, *.yml and *.json files, sorted
// by name, not its subfolders. Nothing else is a catalogue (a
// *.statements.md, a README), so nothing else is read.
std::vector<std::string>
catalogues_in(const std::string& folder, std::vector<std::string>& errors)
{
  std::vector<std::string> found;
  std::error_code error;
  for (std::filesystem::directory_iterator it(folder, error), end; !error && it != end;
       it.increment(error)) {
    const auto& path = it->path();
    const auto ext = path.extension().string();
    std::error_code type_error;
    if ((ext == ".yaml" || ext == ".yml" || ext == ".json") && it->is_regular_file(type_error)) {
      found.push_back((std::filesystem::path(folder) / path.filename()).generic_string());
    }
  }
  if (error) {
    errors.push_back(fmt::format("{}: cannot list the folder: {}", folder, error.message()));
    return {};
  }
  if (found.empty()) {
    errors.push_back(
        fmt::format("{}: no catalogue in this folder (*.yaml, *.yml or *.json)", folder));
  }
  std::sort(found.begin(), found.end());
  return found;
}

// The report's options, from the flags.
report::ReportOptions
report_options_of(const VerifyOptions& options)
{
  report::ReportOptions report_options;
  report_options.color = use_color(options.color, !options.output.empty());
  report_options.reviewer = reviewer_of(options);
  report_options.junit_family =
      options.junit_family == "xunit2" ? report::JunitFamily::xunit2 : report::JunitFamily::legacy;
  report_options.width = table_width(!options.output.empty());
  std::error_code cwd_error;
  report_options.root = std::filesystem::current_path(cwd_error).generic_string();
  return report_options;
}

// The reporter for --format, with the report's options from the flags.
std::unique_ptr<report::Reporter>
reporter_of(const VerifyOptions& options)
{
  auto reporter = report::make_reporter(options.format, report_options_of(options));
  if (!reporter) {
    throw Error(fmt::format("unknown format \"{}\" (known: {})",
                            options.format,
                            fmt::join(report::known_formats(), ", ")));
  }
  return reporter;
}

// Writes the report with `write` to standard output, or atomically to -o.
void
write_report(const VerifyOptions& options, const std::function<void(std::ostream&)>& write)
{
  if (options.output.empty()) {
    write(std::cout);
    std::cout.flush();
  } else {
    write_file_atomically(options.output, write);
  }
}

// The selection of each catalogue: --select names ids of any catalogue
// (each has its own ids), and a selected id must be in at least one; a
// catalogue with no claim selected reports none (its claims are dropped).
// Empty selections, and nothing dropped, when neither --select nor --tag.
std::vector<std::vector<std::string>>
select_in_each(std::vector<Catalogue>& catalogues, const VerifyOptions& options)
{
  std::vector<std::string> errors;
  for (const auto& id : options.select) {
    const bool found = std::any_of(catalogues.begin(), catalogues.end(), [&](const Catalogue& c) {
      return std::any_of(
          c.claims.begin(), c.claims.end(), [&](const Claim& claim) { return claim.id == id; });
    });
    if (!found) {
      errors.push_back(fmt::format(
          "no claim with id \"{}\" in any of the {} catalogues (--select)", id, catalogues.size()));
    }
  }
  if (!errors.empty()) {
    throw Error(fmt::format("{}", fmt::join(errors, "\n")));
  }
  std::vector<std::vector<std::string>> selects(catalogues.size());
  if (options.select.empty() && options.tags.empty()) {
    return selects;
  }
  std::size_t chosen = 0;
  for (std::size_t i = 0; i < catalogues.size(); ++i) {
    auto& catalogue = catalogues[i];
    for (const auto& claim : catalogue.claims) {
      const bool selected = options.select.empty()
                            || std::find(options.select.begin(), options.select.end(), claim.id)
                                   != options.select.end();
      const bool tagged =
          options.tags.empty() || std::any_of(claim.tags.begin(), claim.tags.end(), [&](auto& tag) {
            return std::find(options.tags.begin(), options.tags.end(), tag) != options.tags.end();
          });
      if (selected && tagged) {
        selects[i].push_back(claim.id);
      }
    }
    if (selects[i].empty()) {
      catalogue.claims.clear();
    }
    chosen += selects[i].size();
  }
  if (chosen == 0) {
    throw Error(fmt::format("no claim of the {} catalogues has the tag {} among those selected",
                            catalogues.size(),
                            fmt::join(options.tags, " or ")));
  }
  return selects;
}

// Several catalogues in one run (docs/reports.md, "Several catalogues"):
// every file is loaded, and every mistake of every file reported at once,
// before anything is fetched; then one batch of fetches for all of them,
// one report, one exit code over every verdict.
int
run_verify_all(const VerifyOptions& options, const std::vector<VerdictKind>& fail_on)
{
  if (options.format == "html") {
    throw Error("--format html shows one catalogue: name one file, not several or a folder "
                "(run it once per catalogue)");
  }
  std::vector<std::string> errors;
  std::vector<std::string> paths;
  std::set<std::string> seen;
  for (const auto& given : options.catalogues) {
    std::error_code error;
    auto expanded = given != "-" && std::filesystem::is_directory(given, error)
                        ? catalogues_in(given, errors)
                        : std::vector<std::string>{given};
    for (auto& path : expanded) {
      // A file named twice (a glob and its folder) is checked once.
      if (seen.insert(std::filesystem::path(path).lexically_normal().generic_string()).second) {
        paths.push_back(std::move(path));
      }
    }
  }
  std::vector<Catalogue> catalogues;
  catalogues.reserve(paths.size());
  for (const auto& path : paths) {
    try {
      catalogues.push_back(catalogue::load(path));
    } catch (const Error& e) {
      errors.emplace_back(e.what());
    }
  }
  if (!errors.empty()) {
    throw Error(fmt::format("{}", fmt::join(errors, "\n")));
  }
  const auto selects = select_in_each(catalogues, options);
  if (!options.article.empty()) {
    fmt::print(stderr, "factcheck: note: only --format html shows the article text\n");
  }
  const auto reporter = reporter_of(options);

  const auto results = run_catalogues(std::move(catalogues), selects, options.source);

  // -q quiets the terminal, never the report: a file always gets it whole.
  // Streamed as for one catalogue (run_verify).
  write_report(options, [&](std::ostream& out) {
    if (options.quiet && options.output.empty()) {
      out << report::summary_line(results) << '\n';
    } else {
      reporter->write_all(results, out);
    }
  });
  if (options.format == "github") {
    append_step_summary(results);
  }
  // One exit code over every verdict, by the rules for one catalogue: 1
  // when any catalogue's would be 1, else 3 when any would be 3, else 0.
  int code = 0;
  for (const auto& result : results) {
    const auto one = exit_code(result, fail_on);
    if (one == 1 || (one == 3 && code == 0)) {
      code = one;
    }
  }
  return code;
}

} // namespace

int
run_verify(const VerifyOptions& options)
{
  const auto fail_on = parse_fail_on(options.fail_on);
  if (is_several(options.catalogues)) {
    return run_verify_all(options, fail_on);
  }
  auto catalogue = catalogue::load(options.catalogues.front());
  auto select = selected_ids(catalogue, options);
  auto article = article_text(options, catalogue);

  const auto reporter = reporter_of(options);

  auto result = run_catalogue(
      std::move(catalogue), std::move(select), options.source, options.format == "html");
  result.article_text = std::move(article);

  // -q quiets the terminal, never the report: a file always gets it whole.
  // Judging is over before anything is written, so the report goes
  // straight to its stream, never held whole (a report of 100,000 claims
  // is a hundred megabytes); a file still gets it atomically.
  write_report(options, [&](std::ostream& out) {
    if (options.quiet && options.output.empty()) {
      out << report::summary_line(result) << '\n';
    } else {
      reporter->write(result, out);
    }
  });
  if (options.format == "github") {
    append_step_summary(result);
  }
  return exit_code(result, fail_on);
}

} // namespace factcheck::cli
