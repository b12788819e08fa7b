// libfactcheck-doc.so: the readers that need libxml2 (HTML, Atom XML), loaded
// by the core only when a run parses such a document (src/modules/modules.hpp).
// They return the text as the parser gives it; src/sources/document.cpp and
// arxiv.cpp normalise it and make the verdict's Document. Fuzz targets and
// tests link this file's object directly. PDFs are pdf_module.cpp's.

#include "../sources/parse_util.hpp"
#include "../sources/xml_util.hpp"
#include "modules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <libxml/HTMLparser.h>
#include <memory>
#include <span>
#include <string>

namespace factcheck::modules {

namespace {

namespace detail = sources::detail;

bool
is_one_of(const xmlNode* node, std::span<const std::string_view> names)
{
  const std::string_view name = detail::chars(node->name);
  for (const auto candidate : names) {
    if (detail::iequals(name, candidate)) {
      return true;
    }
  }
  return false;
}

constexpr std::array<std::string_view, 6> k_dropped{
    "script", "style", "noscript", "template", "head", "svg"};

constexpr std::array<std::string_view, 33> k_blocks{
    "p",       "div",    "li",     "ul",       "ol",     "h1",         "h2",
    "h3",      "h4",     "h5",     "h6",       "tr",     "table",      "section",
    "article", "header", "footer", "nav",      "aside",  "main",       "blockquote",
    "pre",     "dd",     "dt",     "dl",       "figure", "figcaption", "caption",
    "address", "hr",     "form",   "fieldset", "body"};

void
html_text(const xmlNode* node, std::string& out)
{
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) {
        out += detail::chars(node->content);
      }
      continue;
    }
    if (node->type != XML_ELEMENT_NODE || is_one_of(node, k_dropped)) {
      continue;
    }
    if (detail::iequals(detail::chars(node->name), "br")) {
      out += '\n';
      continue;
    }
    const bool block = is_one_of(node, k_blocks);
    if (block) {
      out += "\n\n";
    }
    html_text(node->children, out);
    if (block) {
      out += "\n\n";
    }
  }
}

const xmlNode*
find_element(const xmlNode* node, std::string_view name)
{
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_ELEMENT_NODE && detail::iequals(detail::chars(node->name), name)) {
      return node;
    }
    if (const auto* found = find_element(node->children, name)) {
      return found;
    }
  }
  return nullptr;
}

Expected<Document>
html(std::string_view body, std::string_view charset)
{
  const std::string encoding = charset.empty() ? std::string("UTF-8") : std::string(charset);
  detail::XmlDoc doc(htmlReadMemory(body.data(),
                                    static_cast<int>(body.size()),
                                    nullptr,
                                    encoding.c_str(),
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                        | HTML_PARSE_NONET));
  if (!doc) {
    return unexpected("bad HTML: libxml2 could not read it");
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  Document out;
  out.title = detail::text_of(find_element(root, "title"));
  std::string text;
  html_text(root, text);
  out.pages.push_back(Page{0, std::move(text)});
  return out;
}

constexpr const char* k_atom = "http://www.w3.org/2005/Atom";

Expected<AtomEntry>
atom_entry(std::string_view body)
{
  auto xml = detail::read_xml(body);
  if (!xml) {
    return unexpected(xml.error());
  }
  const xmlNode* feed = xmlDocGetRootElement(xml->get());
  if (!detail::is_element(feed, k_atom, "feed")) {
    return unexpected("expected an Atom <feed>");
  }
  const xmlNode* entry = detail::child(feed, k_atom, "entry");
  if (entry == nullptr) {
    return unexpected("the feed holds no <entry>: no such paper");
  }
  AtomEntry out;
  out.id = detail::child_text(entry, k_atom, "id");
  out.title = detail::child_text(entry, k_atom, "title");
  out.summary = detail::child_text(entry, k_atom, "summary");
  out.published = detail::child_text(entry, k_atom, "published");
  return out;
}

constexpr DocApi k_api{FACTCHECK_VERSION, &html, &atom_entry};

} // namespace

} // namespace factcheck::modules

extern "C" const factcheck::modules::DocApi*
factcheck_doc_module_v1()
{
  return &factcheck::modules::k_api;
}
