// Internal to src/report/: a JSON writer that appends straight to a string,
// byte for byte as nlohmann::json's dump() writes the same document (the
// goldens pin the bytes): the same indentation, the same escaping (UTF-8
// kept, control characters as \uXXXX in lowercase hex) and the same number
// format. It builds no tree, so a report of many verdicts allocates little.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace factcheck::report {

class JsonWriter
{
public:
  // `indent_step` < 0: compact, as dump(); else pretty, as dump(indent_step),
  // with the first level at `current_indent` spaces (a value nested in a
  // document written around it).
  JsonWriter(std::string& out, int indent_step, int current_indent = 0);

  void begin_object();
  void end_object();
  void begin_array();
  void end_array();
  // The key of the next member of the object being written.
  void key(std::string_view name);

  void string(std::string_view text);
  // null for an empty text (the jq rule of docs/reports.md).
  void text_or_null(std::string_view text);
  void null();
  void boolean(bool value);
  void integer(long long value);
  // As nlohmann writes a double: shortest text that reads back the same,
  // "1.0" for a whole number, null for a NaN or an infinity.
  void number(double value);

private:
  struct Level
  {
    bool object = false;
    bool empty = true;
  };

  void before_value();
  void indent();
  void close(char bracket);

  std::string& m_out;
  int m_step;
  int m_base;
  bool m_after_key = false;
  std::vector<Level> m_levels;
};

} // namespace factcheck::report
