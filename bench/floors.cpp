// Floors for bench/run: the least a program must do to read a catalogue with
// one library, and nothing else (no schema, no judging, no report). Each run
// is a whole process, like a factcheck run, so start-up is in both.
//
//   factcheck_bench_floor LIBRARY FILE [--recordings DIR]
//
// LIBRARY: yaml-cpp (YAML::Load, the tree), libyaml (the event stream),
// libyaml-document (yaml_parser_load, the tree), libfyaml (the event
// stream), libfyaml-document (fy_document_build_from_string, the tree),
// nlohmann (json::parse, the tree), read (the bytes only). With
// --recordings, also reads every file under DIR and parses each
// *.recording.yaml with the same YAML library (yaml-cpp for nlohmann and
// read): what an offline run reads besides its catalogue. Prints the number
// of nodes or events seen, so that nothing is optimised away.
#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#ifdef FACTCHECK_BENCH_LIBYAML
#include <yaml.h>
#endif
#ifdef FACTCHECK_BENCH_LIBFYAML
#include <libfyaml.h>
#endif

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

namespace {

std::string
read_all(const std::filesystem::path& path)
{
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::runtime_error("cannot read " + path.string());
  }
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::size_t
count_yaml_cpp(const YAML::Node& node)
{
  std::size_t n = 1;
  if (node.IsMap()) {
    for (const auto& item : node) {
      n += count_yaml_cpp(item.first) + count_yaml_cpp(item.second);
    }
  } else if (node.IsSequence()) {
    for (const auto& item : node) {
      n += count_yaml_cpp(item);
    }
  }
  return n;
}

std::size_t
parse_yaml_cpp(const std::string& text)
{
  return count_yaml_cpp(YAML::Load(text));
}

#ifdef FACTCHECK_BENCH_LIBYAML
std::size_t
parse_libyaml(const std::string& text)
{
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(
      &parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::size_t n = 0;
  for (;;) {
    yaml_event_t event;
    if (yaml_parser_parse(&parser, &event) == 0) {
      yaml_parser_delete(&parser);
      throw std::runtime_error("libyaml: a syntax error");
    }
    const bool done = event.type == YAML_STREAM_END_EVENT;
    ++n;
    yaml_event_delete(&event);
    if (done) {
      break;
    }
  }
  yaml_parser_delete(&parser);
  return n;
}

std::size_t
parse_libyaml_document(const std::string& text)
{
  yaml_parser_t parser;
  yaml_parser_initialize(&parser);
  yaml_parser_set_input_string(
      &parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  yaml_document_t document;
  if (yaml_parser_load(&parser, &document) == 0) {
    yaml_parser_delete(&parser);
    throw std::runtime_error("libyaml: a syntax error");
  }
  const auto n = static_cast<std::size_t>(document.nodes.top - document.nodes.start);
  yaml_document_delete(&document);
  yaml_parser_delete(&parser);
  return n;
}
#endif

#ifdef FACTCHECK_BENCH_LIBFYAML
std::size_t
parse_libfyaml(const std::string& text)
{
  fy_parse_cfg cfg{};
  cfg.flags = FYPCF_QUIET;
  auto* parser = fy_parser_create(&cfg);
  if (parser == nullptr || fy_parser_set_string(parser, text.data(), text.size()) != 0) {
    throw std::runtime_error("libfyaml: cannot start");
  }
  std::size_t n = 0;
  while (auto* event = fy_parser_parse(parser)) {
    if (event->type == FYET_SCALAR) {
      // Take the text, as a loader must.
      std::size_t len = 0;
      const char* value = fy_token_get_text(event->scalar.value, &len);
      n += value != nullptr ? 1 : 0;
    }
    ++n;
    fy_parser_event_free(parser, event);
  }
  const bool failed = fy_parser_get_stream_error(parser);
  fy_parser_destroy(parser);
  if (failed) {
    throw std::runtime_error("libfyaml: a syntax error");
  }
  return n;
}

std::size_t
parse_libfyaml_document(const std::string& text)
{
  fy_parse_cfg cfg{};
  cfg.flags = FYPCF_QUIET;
  auto* document = fy_document_build_from_string(&cfg, text.data(), text.size());
  if (document == nullptr) {
    throw std::runtime_error("libfyaml: a syntax error");
  }
  const std::size_t n = fy_document_root(document) != nullptr ? 1 : 0;
  fy_document_destroy(document);
  return n;
}
#endif

using Parse = std::size_t (*)(const std::string&);

Parse
parser_for(std::string_view library)
{
  if (library == "yaml-cpp") {
    return &parse_yaml_cpp;
  }
  if (library == "nlohmann") {
    return [](const std::string& text) { return nlohmann::json::parse(text).size(); };
  }
  if (library == "read") {
    return [](const std::string& text) { return text.size(); };
  }
#ifdef FACTCHECK_BENCH_LIBYAML
  if (library == "libyaml") {
    return &parse_libyaml;
  }
  if (library == "libyaml-document") {
    return &parse_libyaml_document;
  }
#endif
#ifdef FACTCHECK_BENCH_LIBFYAML
  if (library == "libfyaml") {
    return &parse_libfyaml;
  }
  if (library == "libfyaml-document") {
    return &parse_libfyaml_document;
  }
#endif
  return nullptr;
}

} // namespace

int
main(int argc, char** argv)
{
  if (argc != 3 && argc != 5) {
    std::cerr << "usage: factcheck_bench_floor LIBRARY FILE [--recordings DIR]\n";
    return 2;
  }
  const std::string_view library = argv[1];
  const auto parse = parser_for(library);
  if (parse == nullptr) {
    std::cerr << "factcheck_bench_floor: unknown or not built: " << library << "\n";
    return 2;
  }
  try {
    std::size_t n = parse(read_all(argv[2]));
    if (argc == 5) {
      const bool yaml_library = library != "nlohmann" && library != "read";
      const auto parse_recording = yaml_library ? parse : &parse_yaml_cpp;
      for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[4])) {
        if (!entry.is_regular_file()) {
          continue;
        }
        const auto text = read_all(entry.path());
        n += entry.path().string().ends_with(".recording.yaml") ? parse_recording(text)
                                                                : text.size();
      }
    }
    std::printf("%zu\n", n);
  } catch (const std::exception& e) {
    std::cerr << "factcheck_bench_floor: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
