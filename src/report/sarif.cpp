// SARIF 2.1.0 (OASIS), as code-scanning services read it. One rule per
// verdict kind with a stable id ("factcheck/contradicted", ...); a result
// per claim located at its catalogue file and 1-based line, fingerprinted by
// the claim id so a claim keeps its alert across runs and edits.
//
// Levels: contradicted -> error, error -> warning, unverifiable -> note.
// Supported claims are kept as results with kind "pass" and level "none"
// (SARIF §3.27.9): the log stays a full record of the run, and viewers that
// list problems skip passes.
#include "common.hpp"

#include <factcheck/report/reporter.hpp>

#include <array>

namespace factcheck::report {

namespace {

struct Rule
{
  VerdictKind kind;
  std::string_view id;
  std::string_view name;
  std::string_view level;
  std::string_view description;
};

constexpr std::array k_rules{
    Rule{VerdictKind::contradicted,
         "factcheck/contradicted",
         "ClaimContradicted",
         "error",
         "The public source's figure does not satisfy the claim."},
    Rule{VerdictKind::error,
         "factcheck/error",
         "SourceError",
         "warning",
         "The source could not be reached or parsed, so the claim was not checked."},
    Rule{VerdictKind::unverifiable,
         "factcheck/unverifiable",
         "ClaimUnverifiable",
         "note",
         "No public source can settle the claim, or the source lacks the data."},
    Rule{VerdictKind::supported,
         "factcheck/supported",
         "ClaimSupported",
         "none",
         "The public source's figure satisfies the claim."},
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

class SarifReporter : public Reporter
{
public:
  void
  write(const RunReport& report, std::ostream& out) const override
  {
    Json rules = Json::array();
    for (const auto& rule : k_rules) {
      rules.push_back({{"id", rule.id},
                       {"name", rule.name},
                       {"shortDescription", {{"text", rule.description}}},
                       {"defaultConfiguration", {{"level", rule.level}}}});
    }
    Json results = Json::array();
    for (std::size_t i = 0; i < report.verdicts.size(); ++i) {
      const auto& claim = report.catalogue.claims[i];
      const auto& verdict = report.verdicts[i];
      const auto index = rule_index(verdict.kind);
      const auto& rule = k_rules[index];
      Json result;
      result["ruleId"] = rule.id;
      result["ruleIndex"] = index;
      if (verdict.kind == VerdictKind::supported) {
        result["kind"] = "pass";
      }
      result["level"] = rule.level;
      result["message"] = {
          {"text", claim.id + ": " + claim.statement + " " + evidence_text(claim, verdict)}};
      if (!claim.file.empty() && claim.file != "-") {
        result["locations"] = Json::array({{{"physicalLocation",
                                             {{"artifactLocation", {{"uri", uri_of(claim.file)}}},
                                              {"region", {{"startLine", claim.line}}}}}}});
      }
      result["partialFingerprints"] = {{"claimId/v1", claim.id}};
      result["properties"] = {{"claimId", claim.id},
                              {"verdict", to_string(verdict.kind)},
                              {"quote", claim.quote},
                              {"observed", verdict.observed_text},
                              {"accepted", verdict.accepted}};
      results.push_back(std::move(result));
    }
    Json root;
    root["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    root["version"] = "2.1.0";
    root["runs"] =
        Json::array({{{"tool", {{"driver", {{"name", "factcheck"}, {"rules", std::move(rules)}}}}},
                      {"results", std::move(results)}}});
    out << root.dump(2) << '\n';
  }
};

} // namespace

std::unique_ptr<Reporter>
make_sarif_reporter(const ReportOptions& /*options*/)
{
  return std::make_unique<SarifReporter>();
}

} // namespace factcheck::report
