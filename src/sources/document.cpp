// Any document at an http(s) URL, as text, chosen by its content type:
//   application/pdf  poppler's C++ library; one Page per PDF page, numbered
//                    from 1, so evidence can cite "p.5";
//   text/html        libxml2's HTML parser; scripts and styles dropped, block
//                    elements become line breaks;
//   text/plain       as is.
// The catalogue names the document by its URL: "document:https://...". Terms
// are the publisher's: recordings keep only the passages a claim needs.

#include "parse_util.hpp"
#include "xml_util.hpp"

#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <libxml/HTMLparser.h>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <span>
#include <string>

namespace factcheck::sources {

namespace {

std::string
lower(std::string_view text)
{
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// "text/html; charset=UTF-8" -> {"text/html", "utf-8"}.
struct MediaType
{
  std::string type;
  std::string charset;
};

MediaType
media_type(std::string_view content_type)
{
  MediaType out;
  const auto parts = util::split(content_type, ';');
  if (parts.empty()) {
    return out;
  }
  out.type = lower(util::trim(parts[0]));
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const auto parameter = util::trim(parts[i]);
    if (lower(parameter.substr(0, 8)) == "charset=") {
      auto value = parameter.substr(8);
      if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
        value = value.substr(1, value.size() - 2);
      }
      out.charset = std::string(value);
    }
  }
  return out;
}

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

std::string
utf8(const poppler::ustring& text)
{
  const auto bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

class DocumentSource : public Source
{
public:
  std::string_view
  name() const override
  {
    return "document";
  }

  std::string_view
  default_base_url() const override
  {
    // The identifier is the whole URL.
    return "";
  }

  Gives
  gives() const override
  {
    return Gives::document;
  }

  std::string_view
  description() const override
  {
    return "any document at an http(s) URL (document:URL), read by content type: "
           "application/pdf (poppler, page numbers kept), text/html (libxml2), "
           "text/plain";
  }

  // Any site: no published limit, so only the connection limits apply. A
  // published document rarely changes within a day.
  static http::Politeness
  politeness()
  {
    http::Politeness manners;
    manners.fresh_for = std::chrono::hours(24);
    return manners;
  }

  Expected<http::Request>
  request(std::string_view id, std::string_view /*base_url*/) const override
  {
    if (!id.starts_with("https://") && !id.starts_with("http://")) {
      return unexpected(fmt::format("bad document URL \"{}\": expected http(s)://...", id));
    }
    return http::Request{std::string(id), {}, politeness()};
  }

  Expected<Data>
  parse(std::string_view body, std::string_view content_type, std::string_view id) const override
  {
    return detail::to_data(parse_document(body, content_type, id));
  }
};

} // namespace

Expected<Document>
parse_html(std::string_view body, std::string_view charset)
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
  out.title = normalise_text(detail::text_of(find_element(root, "title")));
  std::string text;
  html_text(root, text);
  out.pages.push_back(Page{0, normalise_text(text)});
  return out;
}

Expected<Document>
parse_pdf(std::string_view body, const PdfLimits& limits)
{
  const auto started = std::chrono::steady_clock::now();
  // poppler prints its complaints to stderr; a bad PDF is reported once, as
  // this function's error value.
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
  std::unique_ptr<poppler::document> pdf(
      poppler::document::load_from_raw_data(body.data(), static_cast<int>(body.size())));
  if (!pdf) {
    return unexpected("bad PDF: poppler could not read it");
  }
  if (pdf->is_locked()) {
    return unexpected("the PDF is encrypted");
  }
  Document out;
  out.title = normalise_text(utf8(pdf->info_key("Title")));
  const int total = pdf->pages();
  const int pages = std::min(total, limits.max_pages);
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      return unexpected(fmt::format("bad PDF: page {} cannot be read", i + 1));
    }
    out.pages.push_back(Page{i + 1, normalise_text(utf8(page->text()))});
    const auto spent = std::chrono::steady_clock::now() - started;
    if (i + 1 < pages && spent >= limits.max_time) {
      out.decoding =
          fmt::format("only the first {} of its {} pages read: text extraction stopped "
                      "after {} ms (the limit is {} ms)",
                      i + 1,
                      total,
                      std::chrono::duration_cast<std::chrono::milliseconds>(spent).count(),
                      limits.max_time.count());
      return out;
    }
  }
  if (total > pages) {
    out.decoding = fmt::format("only the first {} of its {} pages read", pages, total);
  }
  return out;
}

Expected<Document>
parse_document(std::string_view body, std::string_view content_type, std::string_view url)
{
  auto type = media_type(content_type);
  if (type.type.empty() || type.type == "application/octet-stream") {
    // No usable content type (a bare file server): go by the bytes.
    type.type = body.starts_with("%PDF-")       ? "application/pdf"
                : detail::looks_like_html(body) ? "text/html"
                                                : "text/plain";
  }
  Expected<Document> document = unexpected(std::string());
  if (type.type == "application/pdf") {
    document = parse_pdf(body);
  } else if (type.type == "text/html" || type.type == "application/xhtml+xml") {
    document = parse_html(body, type.charset);
  } else if (type.type == "text/plain") {
    Document plain;
    plain.pages.push_back(Page{0, std::string(detail::strip_bom(body))});
    document = std::move(plain);
  } else {
    return unexpected(fmt::format("unsupported content type \"{}\"", type.type));
  }
  if (document) {
    document->url = std::string(url);
    // Text leaves here as UTF-8, whatever the bytes were: plain text from
    // its declared charset, and anything a parser let through that is not
    // UTF-8 replaced, said in the evidence.
    std::size_t replaced_total = 0;
    const bool plain = type.type == "text/plain";
    for (auto& page : document->pages) {
      std::size_t replaced = 0;
      page.text = util::to_utf8(page.text, plain ? type.charset : "", &replaced);
      if (plain) {
        page.text = normalise_text(page.text);
      }
      replaced_total += replaced;
    }
    const auto charset = util::to_utf8(type.charset);
    std::string lowered = charset;
    std::transform(lowered.begin(), lowered.end(), lowered.begin(), [](char c) {
      return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    if (plain && !lowered.empty() && lowered != "utf-8" && lowered != "us-ascii") {
      document->decoding = fmt::format("decoded from {}", charset);
    }
    if (replaced_total > 0) {
      document->decoding += fmt::format("{}{} that {} not UTF-8 replaced by U+FFFD",
                                        document->decoding.empty() ? "" : "; ",
                                        util::count_of(replaced_total, "byte"),
                                        replaced_total == 1 ? "was" : "were");
    }
  }
  return document;
}

std::unique_ptr<Source>
make_document_source()
{
  return std::make_unique<DocumentSource>();
}

} // namespace factcheck::sources
