#include <factcheck/fetch_plan.hpp>
#include <factcheck/model/date.hpp>
#include <factcheck/record.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/file.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

namespace fs = std::filesystem;

namespace factcheck {

namespace {

std::string
extension_for(const std::string& content_type)
{
  if (content_type.find("json") != std::string::npos) {
    return ".json";
  }
  if (content_type.find("csv") != std::string::npos) {
    return ".csv";
  }
  if (content_type.find("xml") != std::string::npos) {
    return ".xml";
  }
  if (content_type.find("html") != std::string::npos) {
    return ".html";
  }
  return ".txt";
}

// A file name from an identifier: "^IXIC" -> "IXIC", "nvda.us" -> "nvda.us".
// A long one (a document URL) is cut and given a digest of the whole id, so
// that it fits a file system's 255-byte names and stays distinct.
std::string
file_stem(const std::string& id)
{
  std::string stem;
  for (const char c : id) {
    if (std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '.' || c == '-' || c == '_') {
      stem += c;
    }
  }
  constexpr std::size_t k_max_stem = 80;
  if (stem.size() > k_max_stem) {
    stem = stem.substr(stem.size() - 60) + "-" + util::sha256_hex(id).substr(0, 12);
  }
  return stem.empty() ? "body" : stem;
}

// `name` made unique among `taken` ("IXIC.json" then "IXIC-2.json"), so
// that two ids with one file name ("^IXIC" and "IXIC") never overwrite each
// other.
std::string
unique_name(const std::string& stem, const std::string& extension, std::set<std::string>& taken)
{
  std::string name = stem + extension;
  for (int n = 2; !taken.insert(name).second; ++n) {
    name = fmt::format("{}-{}{}", stem, n, extension);
  }
  return name;
}

std::string
scrubbed(std::string text, const std::vector<std::string>& secrets)
{
  for (const auto& secret : secrets) {
    if (secret.empty()) {
      continue;
    }
    for (auto at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
      text.replace(at, secret.size(), "REDACTED");
    }
  }
  return text;
}

// A YAML double-quoted scalar.
std::string
yaml_quoted(const std::string& text)
{
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out + "\"";
}

} // namespace

RecordReport
record(const Catalogue& catalogue, http::HttpClient& client, const RecordOptions& options)
{
  RecordReport report;
  std::vector<const Claim*> claims;
  for (const auto& claim : catalogue.claims) {
    claims.push_back(&claim);
  }
  // The same plan as verify's, so a recording answers the request a run
  // will make.
  const auto plan = plan_fetches(claims, options.base_urls);
  for (const auto& [ref, message] : plan.failures) {
    report.failures.push_back(fmt::format("{}: {}", ref.str(), message));
  }

  const auto requests = plan.requests();
  const auto responses = client.get_all(requests);
  std::map<std::string, std::set<std::string>> taken; // file names by folder
  for (std::size_t i = 0; i < plan.fetches.size(); ++i) {
    const auto& [ref, source, request, public_url] = plan.fetches[i];
    const auto& response = responses[i];
    if (!response) {
      report.failures.push_back(
          fmt::format("{}: {}", ref.str(), scrubbed(response.error(), options.secrets)));
      continue;
    }
    if (response->status < 200 || response->status > 299) {
      report.failures.push_back(fmt::format("{}: HTTP {} from {}",
                                            ref.str(),
                                            response->status,
                                            scrubbed(request.url, options.secrets)));
      continue;
    }
    // What rows it holds, so that a later run knows what it covers; a body
    // the parser rejects is not worth recording.
    const auto data =
        sources::parse_safely(*source, response->body, response->content_type, ref.id);
    if (!data) {
      report.failures.push_back(fmt::format("{}: {}", ref.str(), data.error()));
      continue;
    }
    std::string covers;
    if (const auto* series = std::get_if<Series>(&*data);
        series != nullptr && !series->rows.empty()) {
      covers = fmt::format(
          "{}..{}", format_date(series->rows.front().date), format_date(series->rows.back().date));
    }

    const fs::path folder = fs::path(options.dir) / ref.source;
    const std::string body_name = unique_name(
        file_stem(ref.id), extension_for(response->content_type), taken[folder.string()]);
    const fs::path meta = folder / (body_name + ".recording.yaml");
    std::string yaml = "# A recorded HTTP response; see docs/recordings.md.\n";
    yaml += fmt::format("url: {}\n", scrubbed(public_url, options.secrets));
    if (request.url != public_url) {
      yaml += fmt::format("captured_url: {}\n", scrubbed(request.url, options.secrets));
    }
    yaml += fmt::format("status: {}\n", response->status);
    yaml += fmt::format("content_type: {}\n", yaml_quoted(response->content_type));
    yaml += fmt::format("body: {}\n", body_name);
    yaml += fmt::format("sha256: {}\n", response->sha256);
    yaml += fmt::format("recorded_at: {}\n", yaml_quoted(response->retrieved_at.substr(0, 10)));
    yaml += fmt::format("retrieved_at: {}\n", yaml_quoted(response->retrieved_at));
    yaml += "provenance: verbatim\n";
    yaml += fmt::format("from: {}\n", yaml_quoted("live response to factcheck record"));
    if (!covers.empty()) {
      yaml += fmt::format("covers: {}\n", yaml_quoted(covers));
    }
    if (util::write_file_atomically((folder / body_name).string(), response->body, true)
        || util::write_file_atomically(meta.string(), yaml, true)) {
      report.failures.push_back(fmt::format("{}: cannot write {}", ref.str(), meta.string()));
      continue;
    }
    report.written.push_back(meta.string());
  }
  return report;
}

} // namespace factcheck
