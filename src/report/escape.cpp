#include <factcheck/report/escape.hpp>
#include <factcheck/util/utf8.hpp>

#include <fmt/format.h>

namespace factcheck::report {

namespace {

constexpr std::string_view k_replacement = "\xEF\xBF\xBD";

} // namespace

std::string
escape_controls(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (u == '\n') {
      out += "\\n";
    } else if (u == '\r') {
      out += "\\r";
    } else if (u == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7F) {
      out += fmt::format("\\u{:04x}", u);
    } else if (u == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80
               && static_cast<unsigned char>(text[i + 1]) <= 0x9F) {
      out += fmt::format("\\u{:04x}", static_cast<unsigned char>(text[i + 1]));
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

namespace {

enum class Markup { xml, html };

// One escaper for the two markups: both replace what is not UTF-8 (and the
// noncharacters U+FFFE, U+FFFF) and write & < > " ' as references; they
// differ on control characters. XML 1.0 writes line breaks and tabs as
// character references and has no way at all to write the other C0
// controls, which are replaced; a page shows every control as JSON writes
// it (\u001b), so that none reaches a reader raw.
std::string
markup_escape(std::string_view text, Markup markup)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80) {
      const auto cp = util::utf8_at(text, i);
      const auto n = cp.length;
      const auto sequence = text.substr(i, n);
      if (!cp.valid || cp.value == 0xFFFE || cp.value == 0xFFFF) {
        out += k_replacement;
      } else if (markup == Markup::html && cp.value <= 0x9F) {
        out += escape_controls(sequence); // a C1 control
      } else {
        out += sequence;
      }
      i += n - 1;
      continue;
    }
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    case '\'':
      out += markup == Markup::xml ? "&apos;" : "&#39;";
      break;
    default:
      if (markup == Markup::html) {
        out += u < 0x20 || u == 0x7F ? escape_controls(text.substr(i, 1)) : std::string(1, c);
      } else if (c == '\n') {
        out += "&#10;";
      } else if (c == '\r') {
        out += "&#13;";
      } else if (c == '\t') {
        out += "&#9;";
      } else if (u < 0x20) {
        out += k_replacement;
      } else {
        out += c;
      }
    }
  }
  return out;
}

} // namespace

std::string
xml_escape(std::string_view text)
{
  return markup_escape(text, Markup::xml);
}

std::string
html_escape(std::string_view text)
{
  return markup_escape(text, Markup::html);
}

std::string
github_escape_data(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
    case '%':
      out += "%25";
      break;
    case '\r':
      out += "%0D";
      break;
    case '\n':
      out += "%0A";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string
github_escape_property(std::string_view text)
{
  std::string out;
  for (const char c : github_escape_data(text)) {
    switch (c) {
    case ':':
      out += "%3A";
      break;
    case ',':
      out += "%2C";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string
markdown_escape(std::string_view text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
    case '\\':
    case '&':
    case '~':
    case '*':
    case '_':
    case '`':
    case '[':
    case ']':
    case '<':
    case '>':
    case '|':
    case '#':
    case '$':
      out += '\\';
      out += c;
      break;
    case '\n':
    case '\r':
      out += ' ';
      break;
    default:
      if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size()) {
        // A C1 control (U+0080..U+009F) or any other character after C2.
        const auto pair = escape_controls(text.substr(i, 2));
        out += pair;
        ++i;
      } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
        out += '\\'; // "\u001b" would otherwise lose its backslash
        out += escape_controls(text.substr(i, 1));
      } else {
        out += c;
      }
    }
  }
  return out;
}

} // namespace factcheck::report
