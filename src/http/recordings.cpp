#include <factcheck/http/recordings.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace factcheck::http {

namespace {

constexpr std::string_view k_suffix = ".recording.yaml";

// A recorded body is at most as large as the network engine would accept.
constexpr std::uintmax_t k_max_body_bytes = std::uintmax_t{64} * 1024 * 1024;

// Whether `path`, with every symlink resolved, lies inside `root` (itself
// resolved).
bool
inside(const fs::path& path, const fs::path& root)
{
  const auto relative = path.lexically_relative(root);
  return !relative.empty() && *relative.begin() != ".." && !relative.is_absolute();
}

// The body of a recording: a regular file inside the recordings folder,
// symlinks resolved and checked, of bounded size. A recording is data from
// anyone who sent a catalogue; it must not read /etc/passwd, /dev/zero or a
// FIFO.
Expected<std::string>
read_body(const std::string& path, const std::string& root)
{
  std::error_code ec;
  const auto real = fs::canonical(path, ec);
  if (ec) {
    return unexpected(fmt::format("cannot read the recorded body {}: {}", path, ec.message()));
  }
  const auto real_root = fs::canonical(root, ec);
  if (ec || !inside(real, real_root)) {
    return unexpected(
        fmt::format("the recorded body {} is outside the recordings folder {}", path, root));
  }
  if (!fs::is_regular_file(real, ec)) {
    return unexpected(fmt::format("the recorded body {} is not a regular file", path));
  }
  const auto size = fs::file_size(real, ec);
  if (ec || size > k_max_body_bytes) {
    return unexpected(
        fmt::format("the recorded body {} is larger than {} MiB", path, k_max_body_bytes >> 20));
  }
  std::ifstream in(real, std::ios::binary);
  if (!in) {
    return unexpected(fmt::format("cannot read the recorded body {}", path));
  }
  std::string body(static_cast<std::size_t>(size), '\0');
  in.read(body.data(), static_cast<std::streamsize>(size));
  body.resize(static_cast<std::size_t>(in.gcount()));
  return body;
}

} // namespace

std::string_view
to_string(Origin origin)
{
  switch (origin) {
  case Origin::recording:
    return "recording";
  case Origin::cache:
    return "cache";
  case Origin::network:
    break;
  }
  return "network";
}

std::string
canonical_url(std::string_view url)
{
  const auto question = url.find('?');
  if (question == std::string_view::npos) {
    return std::string(url);
  }
  auto query = url.substr(question + 1);
  std::string_view fragment;
  if (const auto hash = query.find('#'); hash != std::string_view::npos) {
    fragment = query.substr(hash);
    query = query.substr(0, hash);
  }
  auto params = util::split(query, '&');
  std::erase_if(params, [](std::string_view p) { return p.empty(); });
  // Stable, so repeated names keep their relative order.
  std::stable_sort(params.begin(), params.end(), [](std::string_view a, std::string_view b) {
    return a.substr(0, a.find('=')) < b.substr(0, b.find('='));
  });
  std::string out(url.substr(0, question + 1));
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (i != 0) {
      out += '&';
    }
    out += params[i];
  }
  out += fragment;
  return out;
}

RecordingClient::RecordingClient(const std::vector<std::string>& dirs, HttpClient* fallback)
    : m_fallback(fallback)
{
  for (const auto& dir : dirs) {
    add_dir(dir);
  }
}

void
RecordingClient::add_dir(const std::string& dir)
{
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw Error(fmt::format("{}: recordings folder does not exist", dir));
  }
  const auto real = fs::canonical(dir, ec);
  if (ec) {
    throw Error(fmt::format("{}: cannot read the recordings folder: {}", dir, ec.message()));
  }
  if (real == real.root_path()) {
    throw Error(fmt::format("{}: the recordings folder is the root of the file system; name "
                            "the folder that holds the recordings",
                            dir));
  }
  std::vector<std::string> metas;
  for (const auto& entry : fs::recursive_directory_iterator(dir, ec)) {
    const auto name = entry.path().filename().string();
    if (entry.is_regular_file() && name.size() > k_suffix.size() && name.ends_with(k_suffix)) {
      metas.push_back(entry.path().string());
    }
  }
  if (ec) {
    throw Error(fmt::format("{}: cannot list recordings: {}", dir, ec.message()));
  }
  std::sort(metas.begin(), metas.end());
  for (const auto& meta : metas) {
    add_recording(meta, dir);
  }
}

void
RecordingClient::add_recording(const std::string& meta_path, const std::string& folder)
{
  const auto fail = [&](const YAML::Node& node, std::string_view message) {
    throw Error(fmt::format("{}:{}: {}", meta_path, node.Mark().line + 1, message));
  };
  YAML::Node root;
  try {
    root = YAML::LoadFile(meta_path);
  } catch (const YAML::Exception& e) {
    throw Error(fmt::format("{}:{}: {}", meta_path, e.mark.line + 1, e.msg));
  }
  if (!root.IsMap()) {
    throw Error(fmt::format("{}:1: a recording is a mapping (url, status, body, ...)", meta_path));
  }
  const auto required = [&](const char* key) {
    const auto node = root[key];
    if (!node || !node.IsScalar()) {
      fail(root, fmt::format("recording has no \"{}\"", key));
    }
    return node.as<std::string>();
  };
  const auto optional = [&](const char* key) {
    const auto node = root[key];
    return node && node.IsScalar() ? node.as<std::string>() : std::string();
  };

  Entry entry;
  entry.meta_path = meta_path;
  auto& response = entry.response;
  response.url = required("url");
  const auto status = required("status");
  double status_number = 0;
  if (!util::parse_double(status, status_number) || status_number < 100 || status_number > 599) {
    fail(root["status"], fmt::format("bad status \"{}\"", status));
  }
  response.status = static_cast<int>(status_number);
  response.content_type = required("content_type");
  response.sha256 = required("sha256");
  response.retrieved_at = required("recorded_at");
  response.provenance = required("provenance");
  if (response.provenance != "verbatim" && response.provenance != "reconstructed") {
    fail(root["provenance"],
         fmt::format("bad provenance \"{}\" (expected verbatim or reconstructed)",
                     response.provenance));
  }
  response.provenance_detail = optional("from");
  response.origin = Origin::recording;
  response.recording_path = meta_path;
  // The body is named relative to the recording, never by an absolute path
  // or a way out of the folder; read_body checks again with symlinks
  // resolved.
  const auto body_name = fs::path(required("body"));
  const bool climbs = std::any_of(
      body_name.begin(), body_name.end(), [](const fs::path& part) { return part == ".."; });
  if (body_name.empty() || body_name.is_absolute() || body_name.has_root_name() || climbs) {
    fail(root["body"],
         fmt::format("body \"{}\" must name a file beside the recording, inside the "
                     "recordings folder",
                     body_name.string()));
  }
  entry.body_path = (fs::path(meta_path).parent_path() / body_name).string();
  entry.root = folder;

  const auto key = canonical_url(response.url);
  if (const auto it = m_index.find(key); it != m_index.end()) {
    fail(root["url"],
         fmt::format(
             "a second recording of {} (the first is {})", response.url, it->second.meta_path));
  }
  m_index.emplace(key, std::move(entry));
}

std::vector<std::string>
RecordingClient::urls() const
{
  std::vector<std::string> out;
  out.reserve(m_index.size());
  for (const auto& [key, entry] : m_index) {
    out.push_back(entry.response.url);
  }
  return out;
}

std::vector<Expected<Response>>
RecordingClient::get_all(const std::vector<Request>& requests)
{
  // Recorded requests are served here; the misses go to the fallback as one
  // batch, so the network engine can fetch them concurrently.
  std::vector<Expected<Response>> results(requests.size(), unexpected(std::string("not fetched")));
  std::vector<Request> misses;
  std::vector<std::size_t> miss_index;
  for (std::size_t i = 0; i < requests.size(); ++i) {
    if (m_fallback != nullptr && !m_index.contains(canonical_url(requests[i].url))) {
      misses.push_back(requests[i]);
      miss_index.push_back(i);
    } else {
      results[i] = get(requests[i]);
    }
  }
  if (!misses.empty()) {
    auto fetched = m_fallback->get_all(misses);
    for (std::size_t i = 0; i < misses.size(); ++i) {
      results[miss_index[i]] = std::move(fetched[i]);
    }
  }
  return results;
}

Expected<Response>
RecordingClient::get(const Request& request)
{
  const auto it = m_index.find(canonical_url(request.url));
  if (it == m_index.end()) {
    if (m_fallback != nullptr) {
      return m_fallback->get(request);
    }
    return unexpected(
        fmt::format("no recording of {} (offline mode does not use the network)", request.url));
  }
  const auto& entry = it->second;
  auto body = read_body(entry.body_path, entry.root);
  if (!body) {
    return unexpected(fmt::format("{}: {}", entry.meta_path, body.error()));
  }
  const auto digest = util::sha256_hex(*body);
  if (digest != entry.response.sha256) {
    return unexpected(
        fmt::format("{}: the body's sha256 is {}, not the recorded {}: it changed after "
                    "recording",
                    entry.body_path,
                    digest,
                    entry.response.sha256));
  }
  Response response = entry.response;
  response.body = std::move(*body);
  return response;
}

} // namespace factcheck::http
