// `factcheck extract ARTICLE`: an article's text -> a draft catalogue
// (docs/extract.md).
#include "cli.hpp"

#include <factcheck/extract/extract.hpp>
#include <factcheck/model/date.hpp>
#include <factcheck/util/error.hpp>

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace factcheck::cli {

CLI::App*
setup_extract(CLI::App& app, ExtractOptions& options)
{
  auto* cmd = app.add_subcommand(
      "extract",
      "Draft a catalogue from an article's plain text (zh-Hant, zh-Hans or English): every "
      "figure and date with a check where the words make it clear, the rest marked for review.");
  cmd->add_option(
         "article", options.article, "The article as plain UTF-8 text; '-' reads standard input.")
      ->required()
      ->check(completes_as("file"));
  cmd->add_option(
      "--date",
      options.date,
      "The article's published date (YYYY-MM-DD): the year of \"1月27日\", the day of "
      "\"當天\"/\"Monday\", and the date of a market figure whose sentence names none.");
  cmd->add_option("--recordings",
                  options.recordings,
                  "Write recordings: DIR into the draft (relative to where the draft is read).")
      ->check(completes_as("dir"));
  cmd->add_option("--format", options.format, "yaml (default) or json.")
      ->check(CLI::IsMember({"yaml", "json"}));
  cmd->add_option(
         "-o", options.output, "Write the draft to FILE (atomically) instead of standard output.")
      ->check(completes_as("file"));
  cmd->add_flag("--review-keys,!--no-review-keys",
                options.review_keys,
                "Write span, drafted and needs_review as claim keys (the default); "
                "--no-review-keys puts them in tags and note instead, for an older factcheck.");
  cmd->footer(
      "Examples:\n"
      "  factcheck extract article.txt --date 2025-01-28 > draft.yaml\n"
      "      drafts the catalogue; review the claims tagged needs-review\n"
      "  factcheck extract article.txt --date 2025-01-28 | factcheck verify - \\\n"
      "      --recordings fixtures/deepseek-2025-01-27 --mode offline\n"
      "      drafts and checks in one go, from the recorded data only\n"
      "  cat article.txt | factcheck extract - --format json --recordings "
      "fixtures/deepseek-2025-01-27\n"
      "      JSON, with the recordings folder named in the draft\n"
      "\n"
      "Each claim says drafted: resolved (the words name the subject, the metric and the day)\n"
      "or needs_review (its check is unverifiable with a reason saying what is missing), and\n"
      "span: [start, end], its clause in code points. The entity table is\n"
      "src/extract/entities.yaml.\n"
      "\n"
      "Exit codes: 0 a draft was written, 2 the article could not be read or a flag is wrong.");
  return cmd;
}

int
run_extract(const ExtractOptions& options)
{
  std::string text;
  if (options.article == "-") {
    text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
  } else {
    std::ifstream in(options.article, std::ios::binary);
    if (!in) {
      throw Error(fmt::format("cannot read {}", options.article));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = buffer.str();
  }
  extract::Options extract_options;
  if (!options.date.empty()) {
    extract_options.published = parse_date(options.date);
    if (!extract_options.published) {
      throw Error(fmt::format("--date {}: expected a date as YYYY-MM-DD", options.date));
    }
  }
  extract_options.recordings = options.recordings;
  extract_options.review_keys = options.review_keys;
  const auto draft = extract::extract(text, extract::EntityTable::builtin(), extract_options);
  const auto out = options.format == "json" ? extract::to_json(draft, extract_options)
                                            : extract::to_yaml(draft, extract_options);
  if (!options.output.empty()) {
    write_file_atomically(options.output, out);
  } else {
    fmt::print("{}", out);
  }
  return 0;
}

} // namespace factcheck::cli
