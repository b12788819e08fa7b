#pragma once

#include "network.hpp"

#include <factcheck/util/file.hpp>
#include <factcheck/verify.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace factcheck::cli {

// The exit code for a bug (an exception nothing expected): sysexits'
// EX_SOFTWARE, kept apart from 2 (usage or catalogue errors).
inline constexpr int k_exit_internal_error = 70;

// Runs the command line; returns the process exit code (docs/semantics.md).
int run(int argc, const char* const* argv);

// Where `verify` and `explain` get their data from.
struct SourceOptions
{
  std::string mode = "auto";
  std::vector<std::string> recordings;
  NetworkOptions network;
};

struct VerifyOptions
{
  // One catalogue, or several (files and folders): the report then says
  // which catalogue each verdict belongs to (docs/reports.md).
  std::vector<std::string> catalogues;
  SourceOptions source;
  std::string format = "table";
  std::string color = "auto";
  std::string output; // -o FILE; empty: standard output
  std::vector<std::string> fail_on{"contradicted"};
  std::vector<std::string> select; // claim ids
  std::vector<std::string> tags;
  bool quiet = false;
  std::string reviewer;    // ClaimReview's author; default: "reviewer = ..." in the config
  std::string review_url;  // default: "review_url = ..." in the config
  std::string review_date; // YYYY-MM-DD; none: the reviews have no datePublished
  std::string junit_family = "xunit2"; // xunit2, legacy (= xunit1)
  std::string article;                 // --article FILE: the article's text, for the html format
};

struct ExplainOptions
{
  std::string id;
  std::string catalogue;
  SourceOptions source;
};

struct ValidateOptions
{
  std::string catalogue;
};

// Binds each subcommand's flags to its options; returns the subcommand.
CLI::App* setup_verify(CLI::App& app, VerifyOptions& options);
CLI::App* setup_explain(CLI::App& app, ExplainOptions& options);
CLI::App* setup_validate(CLI::App& app, ValidateOptions& options);
CLI::App* setup_sources(CLI::App& app);

// Run one subcommand and return its exit code. Throw factcheck::Error for
// caller mistakes (a bad catalogue, an unknown claim id, an unwritable -o).
int run_verify(const VerifyOptions& options);
int run_explain(const ExplainOptions& options);
int run_validate(const ValidateOptions& options);
int run_sources();

// Shared by verify and explain: the --mode and --recordings flags.
void add_source_options(CLI::App& cmd, SourceOptions& options);

// Verifies the claims `select` names (every claim when empty, and always
// what they derive from) with the data `options` names (recordings,
// network); the report holds the selected claims.
// `series_windows`: whether the report gets the rows a chart draws
// (RunReport::windows; only the html format needs them).
RunReport run_catalogue(Catalogue catalogue,
                        std::vector<std::string> select,
                        const SourceOptions& options,
                        bool series_windows = true);

// The same for several catalogues in one run: one batch of fetches for all
// of them, with the recordings folders of every catalogue and `options`;
// `selects[i]` is catalogue i's selection (empty: every claim).
std::vector<RunReport> run_catalogues(std::vector<Catalogue> catalogues,
                                      const std::vector<std::vector<std::string>>& selects,
                                      const SourceOptions& options);

// Writes `text` to `path` atomically: a temporary file in the same folder,
// renamed over `path` once complete, so a reader never sees half a report
// and a failed write leaves nothing behind. Throws factcheck::Error.
void write_file_atomically(const std::string& path, const std::string& text);
// The same, with the content written by `write` straight into the
// temporary file, so that a large report is never held whole.
void write_file_atomically(const std::string& path, const util::StreamWriter& write);

struct CacheCommand
{
  std::string action; // info or clear
  std::string dir;
};

// `factcheck cache info|clear` (src/cli/cache.cpp).
CLI::App* setup_cache(CLI::App& app, CacheCommand& options);
int run_cache(const CacheCommand& options);

struct RecordCommand
{
  std::string catalogue;
  std::string to;
  NetworkOptions network;
};

// `factcheck record CATALOGUE --to DIR` (src/cli/record.cpp).
CLI::App* setup_record(CLI::App& app, RecordCommand& options);
int run_record(const RecordCommand& options);

struct ExtractOptions
{
  std::string article;
  std::string date;
  std::string recordings;
  std::string format = "yaml";
  std::string output;
  bool review_keys = true;
};

// `factcheck extract ARTICLE` (src/cli/extract.cpp, docs/extract.md).
CLI::App* setup_extract(CLI::App& app, ExtractOptions& options);
int run_extract(const ExtractOptions& options);

struct ConfigOptions
{
  std::string contact;
  std::string reviewer;
  std::string review_url;
};

// `factcheck config` (src/cli/config.cpp, docs/configuration.md).
CLI::App* setup_config(CLI::App& app, ConfigOptions& options);
int run_config(const ConfigOptions& options);

struct CompletionsOptions
{
  std::string shell; // bash, zsh or fish
};

// `factcheck completions SHELL` (src/cli/completions.cpp): the completion
// script, written from `app`'s own subcommands and options.
CLI::App* setup_completions(CLI::App& app, CompletionsOptions& options);
int run_completions(CLI::App& app, const CompletionsOptions& options);

// Tells the completion scripts what an option's or positional's value is,
// where CLI11's own checks do not: "catalogue" (a .yaml, .yml or .json file),
// "file" or "dir". It accepts every value and adds nothing to --help.
CLI::Validator completes_as(std::string_view kind);

} // namespace factcheck::cli
