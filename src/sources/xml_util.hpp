#pragma once

// libxml2 helpers for the XML and HTML parsers in src/sources/ (not a public
// header).

#include <factcheck/util/expected.hpp>

#include <cstring>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <memory>
#include <string>
#include <string_view>

namespace factcheck::sources::detail {

struct XmlDocFree
{
  void
  operator()(xmlDoc* doc) const
  {
    xmlFreeDoc(doc);
  }
};

using XmlDoc = std::unique_ptr<xmlDoc, XmlDocFree>;

inline const char*
chars(const xmlChar* text)
{
  return reinterpret_cast<const char*>(text);
}

// Parses XML without touching the network or printing libxml2's messages.
inline Expected<XmlDoc>
read_xml(std::string_view body)
{
  XmlDoc doc(xmlReadMemory(body.data(),
                           static_cast<int>(body.size()),
                           nullptr,
                           nullptr,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (!doc) {
    const xmlError* error = xmlGetLastError();
    std::string message = error != nullptr && error->message != nullptr ? error->message : "";
    while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
      message.pop_back();
    }
    return unexpected(message.empty() ? std::string("bad XML") : "bad XML: " + message);
  }
  return doc;
}

// Whether `node` is the element `name` in namespace `ns`.
inline bool
is_element(const xmlNode* node, const char* ns, const char* name)
{
  return node != nullptr && node->type == XML_ELEMENT_NODE
         && std::strcmp(chars(node->name), name) == 0 && node->ns != nullptr
         && node->ns->href != nullptr && std::strcmp(chars(node->ns->href), ns) == 0;
}

// The first child element `name` in namespace `ns`, or nullptr.
inline const xmlNode*
child(const xmlNode* parent, const char* ns, const char* name)
{
  for (const xmlNode* node = parent->children; node != nullptr; node = node->next) {
    if (is_element(node, ns, name)) {
      return node;
    }
  }
  return nullptr;
}

// The text content of a node, or "" for nullptr.
inline std::string
text_of(const xmlNode* node)
{
  if (node == nullptr) {
    return {};
  }
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content != nullptr ? chars(content) : "";
  xmlFree(content);
  return text;
}

inline std::string
child_text(const xmlNode* parent, const char* ns, const char* name)
{
  return text_of(child(parent, ns, name));
}

} // namespace factcheck::sources::detail
