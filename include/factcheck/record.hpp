#pragma once

#include <factcheck/http/client.hpp>
#include <factcheck/model/claim.hpp>

#include <map>
#include <string>
#include <vector>

namespace factcheck {

struct RecordOptions
{
  std::string dir; // recordings go to <dir>/<source>/<name>
  // Base URLs by source name (mirrors, tests). The recording's `url` is
  // still the one the source builds for its public endpoint, so that it is
  // matched in normal runs; the URL fetched is kept as `captured_url`.
  std::map<std::string, std::string> base_urls;
  // Never written to a recording (the contact e-mail in the User-Agent, and
  // anything else the caller names).
  std::vector<std::string> secrets;
};

struct RecordReport
{
  std::vector<std::string> written;  // .recording.yaml paths
  std::vector<std::string> failures; // one line per request not recorded
};

// Fetches every distinct request the catalogue's claims need through
// `client` (one batch) and writes each 2xx answer as a verbatim recording in
// the docs/recordings.md format: body file plus .recording.yaml with URL,
// status, type, sha256, time and the rows it covers. Failures are listed,
// not thrown; a folder that cannot be written is a failure too.
RecordReport
record(const Catalogue& catalogue, http::HttpClient& client, const RecordOptions& options);

} // namespace factcheck
