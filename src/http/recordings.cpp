#include <factcheck/http/recordings.hpp>
#include <factcheck/util/error.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <yaml.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>

namespace fs = std::filesystem;

namespace factcheck::http {

namespace {

constexpr std::string_view k_suffix = ".recording.yaml";

// A recorded body is at most as large as the network engine would accept.
constexpr std::uintmax_t k_max_body_bytes = std::uintmax_t{64} * 1024 * 1024;

// A recording's manifest: a flat mapping of scalars (docs/recordings.md),
// read with libyaml's event parser. yaml-cpp took about a third of an
// offline run's own time building a tree of each (bench/notes.md,
// Start-up). Keys keep the first value and the line it is on; a value that
// is a list or a mapping is kept as "not a scalar"; null values (empty, ~,
// null) are absent, as yaml-cpp read them.
struct Manifest
{
  struct Value
  {
    bool scalar = false;
    std::string text;
    int line = 1;
  };
  bool mapping = false;
  int line = 1; // where the mapping starts
  std::map<std::string, Value, std::less<>> values;

  const Value*
  find(std::string_view key) const
  {
    const auto it = values.find(key);
    return it == values.end() ? nullptr : &it->second;
  }
};

bool
null_scalar(const yaml_event_t& event)
{
  const auto& scalar = event.data.scalar;
  if (scalar.style != YAML_PLAIN_SCALAR_STYLE || scalar.tag != nullptr) {
    return false;
  }
  const std::string_view text(reinterpret_cast<const char*>(scalar.value), scalar.length);
  return text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL";
}

int
line_of(const yaml_mark_t& mark)
{
  return static_cast<int>(mark.line) + 1;
}

// Reads the first document of `text`; throws Error "path:line: message" on
// a syntax error.
Manifest
read_manifest(const std::string& path, std::string_view text)
{
  struct Parser
  {
    yaml_parser_t parser{};
    yaml_event_t event{};
    bool live = false;
    Parser()
    {
      yaml_parser_initialize(&parser);
    }
    ~Parser()
    {
      drop();
      yaml_parser_delete(&parser);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    void
    drop()
    {
      if (live) {
        yaml_event_delete(&event);
        live = false;
      }
    }
  } p;
  yaml_parser_set_input_string(
      &p.parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  const auto next = [&]() -> yaml_event_t& {
    p.drop();
    if (yaml_parser_parse(&p.parser, &p.event) == 0) {
      const auto& parser = p.parser;
      const int line =
          parser.error == YAML_READER_ERROR
              ? static_cast<int>(std::count(
                    text.begin(),
                    text.begin()
                        + static_cast<std::ptrdiff_t>(std::min(parser.problem_offset, text.size())),
                    '\n'))
                    + 1
              : line_of(parser.problem_mark);
      throw Error(fmt::format(
          "{}:{}: {}", path, line, parser.problem != nullptr ? parser.problem : "not valid YAML"));
    }
    p.live = true;
    return p.event;
  };

  Manifest manifest;
  std::map<std::string, Manifest::Value> anchors; // scalars only
  const auto anchored = [&](const yaml_char_t* anchor, const Manifest::Value& value) {
    if (anchor != nullptr) {
      anchors[reinterpret_cast<const char*>(anchor)] = value;
    }
  };
  // Skips the rest of a list or mapping whose start was just read.
  const auto skip_collection = [&] {
    std::size_t depth = 1;
    while (depth > 0) {
      const auto type = next().type;
      if (type == YAML_SEQUENCE_START_EVENT || type == YAML_MAPPING_START_EVENT) {
        ++depth;
      } else if (type == YAML_SEQUENCE_END_EVENT || type == YAML_MAPPING_END_EVENT) {
        --depth;
      }
    }
  };
  // One node as a value: a scalar, an alias of one, or anything else.
  const auto value_of = [&](yaml_event_t& event, Manifest::Value& value) {
    value.line = line_of(event.start_mark);
    switch (event.type) {
    case YAML_SCALAR_EVENT:
      if (!null_scalar(event)) {
        value.scalar = true;
        value.text.assign(reinterpret_cast<const char*>(event.data.scalar.value),
                          event.data.scalar.length);
      }
      anchored(event.data.scalar.anchor, value);
      return true;
    case YAML_ALIAS_EVENT:
      if (const auto it = anchors.find(reinterpret_cast<const char*>(event.data.alias.anchor));
          it != anchors.end()) {
        value.scalar = it->second.scalar;
        value.text = it->second.text;
      }
      return true;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
      skip_collection();
      return true;
    default:
      return false;
    }
  };

  if (next().type != YAML_STREAM_START_EVENT || next().type != YAML_DOCUMENT_START_EVENT) {
    return manifest; // an empty stream: no mapping
  }
  auto& root = next();
  manifest.line = line_of(root.start_mark);
  if (root.type != YAML_MAPPING_START_EVENT) {
    return manifest;
  }
  manifest.mapping = true;
  for (;;) {
    auto& key_event = next();
    if (key_event.type == YAML_MAPPING_END_EVENT) {
      break;
    }
    Manifest::Value key;
    value_of(key_event, key);
    auto& value_event = next();
    Manifest::Value value;
    value_of(value_event, value);
    if (key.scalar) {
      manifest.values.emplace(key.text, std::move(value));
    }
  }
  return manifest;
}

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
  const auto fail = [&](int line, std::string_view message) {
    throw Error(fmt::format("{}:{}: {}", meta_path, line, message));
  };
  std::string text;
  {
    std::ifstream in(meta_path, std::ios::binary);
    if (!in) {
      throw Error(fmt::format("{}:1: cannot read the recording", meta_path));
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    text = std::move(buffer).str();
  }
  const Manifest root = read_manifest(meta_path, text);
  if (!root.mapping) {
    throw Error(fmt::format("{}:1: a recording is a mapping (url, status, body, ...)", meta_path));
  }
  const auto line_of_key = [&](const char* key) {
    const auto* value = root.find(key);
    return value != nullptr ? value->line : root.line;
  };
  const auto required = [&](const char* key) {
    const auto* value = root.find(key);
    if (value == nullptr || !value->scalar) {
      throw Error(fmt::format("{}:{}: recording has no \"{}\"", meta_path, root.line, key));
    }
    return value->text;
  };
  const auto optional = [&](const char* key) {
    const auto* value = root.find(key);
    return value != nullptr && value->scalar ? value->text : std::string();
  };

  Entry entry;
  entry.meta_path = meta_path;
  auto& response = entry.response;
  response.url = required("url");
  const auto status = required("status");
  double status_number = 0;
  if (!util::parse_double(status, status_number) || status_number < 100 || status_number > 599) {
    fail(line_of_key("status"), fmt::format("bad status \"{}\"", status));
  }
  response.status = static_cast<int>(status_number);
  response.content_type = required("content_type");
  response.sha256 = required("sha256");
  response.retrieved_at = required("recorded_at");
  response.provenance = required("provenance");
  if (response.provenance != "verbatim" && response.provenance != "reconstructed") {
    fail(line_of_key("provenance"),
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
    fail(line_of_key("body"),
         fmt::format("body \"{}\" must name a file beside the recording, inside the "
                     "recordings folder",
                     body_name.string()));
  }
  entry.body_path = (fs::path(meta_path).parent_path() / body_name).string();
  entry.root = folder;

  const auto key = canonical_url(response.url);
  if (const auto it = m_index.find(key); it != m_index.end()) {
    fail(line_of_key("url"),
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
