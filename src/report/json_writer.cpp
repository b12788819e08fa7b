#include "json_writer.hpp"

#include <factcheck/util/text.hpp>

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>

namespace factcheck::report {

JsonWriter::JsonWriter(std::string& out, int indent_step, int current_indent)
    : m_out(out), m_step(indent_step), m_base(current_indent)
{}

void
JsonWriter::indent()
{
  m_out.append(
      static_cast<std::size_t>(m_base) + static_cast<std::size_t>(m_step) * m_levels.size(), ' ');
}

// Before a value: nothing after a key (the key wrote its own separator),
// else, inside an array, the separator and the indentation of an element.
void
JsonWriter::before_value()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_levels.empty()) {
    return;
  }
  auto& level = m_levels.back();
  if (!level.empty) {
    m_out += ',';
  }
  level.empty = false;
  if (m_step >= 0) {
    m_out += '\n';
    indent();
  }
}

void
JsonWriter::key(std::string_view name)
{
  auto& level = m_levels.back();
  if (!level.empty) {
    m_out += ',';
  }
  level.empty = false;
  if (m_step >= 0) {
    m_out += '\n';
    indent();
  }
  string(name);
  m_out += m_step >= 0 ? ": " : ":";
  m_after_key = true;
}

void
JsonWriter::begin_object()
{
  before_value();
  m_out += '{';
  m_levels.push_back({true, true});
}

void
JsonWriter::begin_array()
{
  before_value();
  m_out += '[';
  m_levels.push_back({false, true});
}

// An empty object or array closes on the same line ("{}", "[]"), as dump()
// writes it; else on a line of its own, at the indentation of its opening.
void
JsonWriter::close(char bracket)
{
  const bool empty = m_levels.back().empty;
  m_levels.pop_back();
  if (!empty && m_step >= 0) {
    m_out += '\n';
    indent();
  }
  m_out += bracket;
}

void
JsonWriter::end_object()
{
  close('}');
}

void
JsonWriter::end_array()
{
  close(']');
}

void
JsonWriter::string(std::string_view text)
{
  if (m_after_key || m_levels.empty() || !m_levels.back().object) {
    before_value();
  }
  if (util::first_invalid_utf8(text)) {
    // nlohmann's strict error, in its own words (verify makes every text
    // of a verdict UTF-8 first, so only a bug gets here).
    m_out += nlohmann::json(std::string(text)).dump();
    return;
  }
  constexpr std::string_view k_hex = "0123456789abcdef";
  m_out += '"';
  std::size_t run = 0; // start of the bytes not yet copied
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    m_out.append(text.substr(run, i - run));
    run = i + 1;
    switch (c) {
    case '"':
      m_out += "\\\"";
      break;
    case '\\':
      m_out += "\\\\";
      break;
    case '\b':
      m_out += "\\b";
      break;
    case '\f':
      m_out += "\\f";
      break;
    case '\n':
      m_out += "\\n";
      break;
    case '\r':
      m_out += "\\r";
      break;
    case '\t':
      m_out += "\\t";
      break;
    default:
      m_out += "\\u00";
      m_out += k_hex[c >> 4U];
      m_out += k_hex[c & 0xFU];
      break;
    }
  }
  m_out.append(text.substr(run));
  m_out += '"';
}

void
JsonWriter::text_or_null(std::string_view text)
{
  if (text.empty()) {
    null();
  } else {
    string(text);
  }
}

void
JsonWriter::null()
{
  before_value();
  m_out += "null";
}

void
JsonWriter::boolean(bool value)
{
  before_value();
  m_out += value ? "true" : "false";
}

void
JsonWriter::integer(long long value)
{
  before_value();
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  m_out.append(digits.data(), end);
}

void
JsonWriter::number(double value)
{
  before_value();
  // nlohmann's own formatting, so the bytes are the same by construction.
  m_out += nlohmann::json(value).dump();
}

} // namespace factcheck::report
