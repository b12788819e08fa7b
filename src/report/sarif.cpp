// SARIF 2.1.0 (OASIS), as GitHub code scanning reads it. One rule per verdict
// kind that is a problem ("factcheck/contradicted", ...), each with the
// fullDescription and help GitHub requires; a result per such claim located
// at its catalogue file (a relative URI) and 1-based line, fingerprinted by
// the claim id so a claim keeps its alert across runs and edits.
//
// Levels: contradicted -> error, error -> warning, unverifiable -> note.
// Supported claims are not results: GitHub ignores `kind`, so a "pass" would
// be shown as an alert, and it rejects the level "none" a pass needs. Their
// count is in the run's properties.
#include "common.hpp"

#include <factcheck/report/reporter.hpp>
#include <factcheck/util/text.hpp>

#include <array>
#include <filesystem>
#include <functional>
#include <map>
#include <utility>

namespace factcheck::report {

namespace {

struct Rule
{
  VerdictKind kind;
  std::string_view id;
  std::string_view name;
  std::string_view level;
  std::string_view description;
  std::string_view help;
};

constexpr std::array k_rules{
    Rule{VerdictKind::contradicted,
         "factcheck/contradicted",
         "ClaimContradicted",
         "error",
         "The public source's figure does not satisfy the claim.",
         "The article's figure is not what the public data gives, under the claim's tolerance. "
         "The message has the observed figure, the arithmetic and the source; correct the "
         "article or the catalogue entry."},
    Rule{VerdictKind::error,
         "factcheck/error",
         "SourceError",
         "warning",
         "The source could not be reached or parsed, so the claim was not checked.",
         "A fetch or a parse failed, so nothing was settled. The message names the URL and "
         "the failure; run again, or record the source's response (factcheck record)."},
    Rule{VerdictKind::unverifiable,
         "factcheck/unverifiable",
         "ClaimUnverifiable",
         "note",
         "No public source can settle the claim, or the source lacks the data.",
         "The claim names no source that can settle it, or the data lacks the rows the check "
         "needs. The message says which; add a source to the catalogue entry to check it."},
};

std::size_t
rule_index(VerdictKind kind)
{
  for (std::size_t i = 0; i < k_rules.size(); ++i) {
    if (k_rules[i].kind == kind) {
      return i;
    }
  }
  return 0;
}

bool
is_absolute(std::string_view path)
{
  return path.starts_with('/');
}

// A catalogue path as a URI reference: RFC 3986 unreserved characters and
// '/' stay, everything else (spaces, CJK) is percent-encoded.
std::string
uri_of(std::string_view path)
{
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || c == '-'
        || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      constexpr std::string_view k_hex = "0123456789ABCDEF";
      out += '%';
      out += k_hex[u >> 4U];
      out += k_hex[u & 0xFU];
    }
  }
  return out;
}

// The path a result names: as given when relative, else relative to the
// run's root (the folder factcheck was run from, where code scanning's
// checkout is), so that no absolute URI reaches the log (SARIF1004).
std::string
relative_path(const std::string& path, const std::string& root)
{
  if (!is_absolute(path) || root.empty()) {
    return path;
  }
  return std::filesystem::path(path).lexically_relative(root).generic_string();
}

// GitHub keys alerts on primaryLocationLineHash. It hashes the line's text;
// the claim id is steadier (a claim keeps its alert when its line is edited
// or moves), so the hash is of the id, with GitHub's ":occurrence" suffix.
std::string
line_hash(const std::string& claim_id)
{
  return util::sha256_hex("factcheck claim " + claim_id).substr(0, 16) + ":1";
}

class SarifReporter : public Reporter
{
public:
  explicit SarifReporter(std::string root) : m_root(std::move(root))
  {}

  void
  write(const RunReport& report, std::ostream& out) const override
  {
    write_run(
        properties_json(report.summary, count_statements(report)),
        nullptr,
        [&](const ResultSink& emit) {
          for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
            if (report.verdicts[i].kind != VerdictKind::supported) {
              emit(report.catalogue.claims[i], report.verdicts[i], nullptr);
            }
          }
        },
        out);
  }

  // One run, one artifact per catalogue (its path and counts), each result
  // located at its catalogue's artifact by index. Fingerprints take the
  // catalogue's path too: two catalogues may both have an id.
  void
  write_all(const std::vector<RunReport>& reports, std::ostream& out) const override
  {
    Json artifacts = Json::array();
    std::map<std::string, std::size_t> index_of;
    const auto artifact = [&](const std::string& file) {
      const auto uri = uri_of(relative_path(file, m_root));
      const auto [it, added] = index_of.emplace(uri, artifacts.size());
      if (added) {
        artifacts.push_back({{"location", {{"uri", uri}, {"uriBaseId", "%SRCROOT%"}}}});
      }
      return it->second;
    };
    Summary all;
    Summary all_statements;
    for (const auto& report : reports) {
      const auto statements = count_statements(report);
      add(all, report.summary);
      add(all_statements, statements);
      const auto index = artifact(report.catalogue.path);
      artifacts[index]["properties"] = {{"summary", properties_json(report.summary, statements)}};
    }
    write_run(
        properties_json(all, all_statements),
        std::move(artifacts),
        [&](const ResultSink& emit) {
          for (const auto& report : reports) {
            for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
              const auto& claim = report.catalogue.claims[i];
              if (report.verdicts[i].kind == VerdictKind::supported) {
                continue;
              }
              const Located where{report.catalogue.path,
                                  claim.file.empty() || claim.file == "-" ? 0
                                                                          : artifact(claim.file)};
              emit(claim, report.verdicts[i], &where);
            }
          }
        },
        out);
  }

private:
  // Where a result of several catalogues is: its catalogue and the index
  // of its file's artifact.
  struct Located
  {
    std::string catalogue;
    std::size_t artifact = 0;
  };

  static void
  add(Summary& to, const Summary& from)
  {
    to.supported += from.supported;
    to.contradicted += from.contradicted;
    to.unverifiable += from.unverifiable;
    to.error += from.error;
  }

  static Json
  properties_json(const Summary& s, const Summary& statements)
  {
    Json run_properties = {{"claims", s.total()},
                           {"supported", s.supported},
                           {"contradicted", s.contradicted},
                           {"unverifiable", s.unverifiable},
                           {"error", s.error}};
    run_properties["statements"] = {{"total", statements.total()},
                                    {"supported", statements.supported},
                                    {"contradicted", statements.contradicted},
                                    {"unverifiable", statements.unverifiable},
                                    {"error", statements.error}};
    return run_properties;
  }

  // Calls its argument once per result, in order.
  using ResultSink = std::function<void(const Claim&, const Verdict&, const Located*)>;

  // One result, as dump(2) of the whole log would write it.
  void
  write_result(JsonWriter& w,
               const Claim& claim,
               const Verdict& verdict,
               const Located* where) const
  {
    const auto index = rule_index(verdict.kind);
    const auto& rule = k_rules[index];
    w.begin_object();
    w.key("ruleId");
    w.string(rule.id);
    w.key("ruleIndex");
    w.integer(static_cast<long long>(index));
    w.key("level");
    w.string(rule.level);
    w.key("message");
    w.begin_object();
    w.key("text");
    w.string(claim.id + ": " + claim.statement + " " + evidence_text(claim, verdict));
    w.end_object();
    if (!claim.file.empty() && claim.file != "-") {
      w.key("locations");
      w.begin_array();
      w.begin_object();
      w.key("physicalLocation");
      w.begin_object();
      w.key("artifactLocation");
      w.begin_object();
      w.key("uri");
      w.string(uri_of(relative_path(claim.file, m_root)));
      w.key("uriBaseId");
      w.string("%SRCROOT%");
      if (where != nullptr) {
        w.key("index");
        w.integer(static_cast<long long>(where->artifact));
      }
      w.end_object();
      w.key("region");
      w.begin_object();
      w.key("startLine");
      w.integer(claim.line);
      w.end_object();
      w.end_object();
      w.end_object();
      w.end_array();
    }
    const auto key = where == nullptr ? claim.id : where->catalogue + "#" + claim.id;
    w.key("partialFingerprints");
    w.begin_object();
    w.key("primaryLocationLineHash");
    w.string(line_hash(key));
    w.key("claimId/v1");
    w.string(key);
    w.end_object();
    w.key("properties");
    w.begin_object();
    w.key("claimId");
    w.string(claim.id);
    w.key("verdict");
    w.string(to_string(verdict.kind));
    w.key("quote");
    w.string(claim.quote);
    w.key("observed");
    w.string(verdict.observed_text);
    w.key("accepted");
    w.string(verdict.accepted);
    if (where != nullptr) {
      w.key("catalogue");
      w.string(where->catalogue);
    }
    w.end_object();
    w.end_object();
  }

  // The log around its results: everything but the results is built as
  // one small document with an empty results list, which is then written
  // in two halves with the results streamed between them, one at a time,
  // so that a log of 100,000 results is never held whole.
  void
  write_run(Json properties,
            Json artifacts,
            const std::function<void(const ResultSink&)>& results,
            std::ostream& out) const
  {
    Json rules = Json::array();
    for (const auto& rule : k_rules) {
      rules.push_back({{"id", rule.id},
                       {"name", rule.name},
                       {"shortDescription", {{"text", rule.description}}},
                       {"fullDescription", {{"text", rule.help}}},
                       {"help", {{"text", rule.help}, {"markdown", rule.help}}},
                       {"defaultConfiguration", {{"level", rule.level}}}});
    }
    Json run = {{"tool",
                 {{"driver",
                   {{"name", "factcheck"},
                    {"semanticVersion", FACTCHECK_VERSION},
                    {"rules", std::move(rules)}}}}}};
    if (!artifacts.is_null()) {
      run["artifacts"] = std::move(artifacts);
    }
    run["results"] = Json::array();
    run["properties"] = {{"summary", std::move(properties)}};
    Json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] = Json::array({std::move(run)});
    const auto text = root.dump(2);
    // The one empty results list of the run, at the run's level (6 spaces).
    constexpr std::string_view k_empty = "\n      \"results\": []";
    const auto at = text.find(k_empty);
    const auto open = at + k_empty.size() - 1; // just after '['
    out.write(text.data(), static_cast<std::streamsize>(open));
    bool any = false;
    std::string item;
    results([&](const Claim& claim, const Verdict& verdict, const Located* where) {
      item.assign(any ? ",\n        " : "\n        ");
      any = true;
      JsonWriter writer(item, 2, 8);
      write_result(writer, claim, verdict, where);
      out << item;
    });
    if (any) {
      out << "\n      ";
    }
    out << std::string_view(text).substr(open) << '\n';
  }

private:
  std::string m_root;
};

} // namespace

std::unique_ptr<Reporter>
make_sarif_reporter(const ReportOptions& options)
{
  return std::make_unique<SarifReporter>(options.root);
}

} // namespace factcheck::report
