// Any document at an http(s) URL, as text, chosen by its content type:
//   application/pdf  poppler's C++ library; one Page per PDF page, numbered
//                    from 1, so evidence can cite "p.5";
//   text/html        libxml2's HTML parser; scripts and styles dropped, block
//                    elements become line breaks;
//                    (libfactcheck-pdf.so and libfactcheck-doc.so, loaded on
//                    the first PDF and the first HTML document);
//   text/plain       as is.
// The catalogue names the document by its URL: "document:https://...". Terms
// are the publisher's: recordings keep only the passages a claim needs.

#include "../modules/modules.hpp"
#include "parse_util.hpp"

#include <factcheck/sources/parsers.hpp>
#include <factcheck/sources/registry.hpp>
#include <factcheck/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <memory>
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

namespace {

// The document module's text, normalised for anchor matching.
Expected<Document>
normalised(Expected<Document> document)
{
  if (document) {
    document->title = normalise_text(document->title);
    for (auto& page : document->pages) {
      page.text = normalise_text(page.text);
    }
  }
  return document;
}

} // namespace

Expected<Document>
parse_html(std::string_view body, std::string_view charset)
{
  const auto api = modules::doc();
  if (!api) {
    return unexpected(api.error());
  }
  return normalised((*api)->html(body, charset));
}

Expected<Document>
parse_pdf(std::string_view body, const PdfLimits& limits)
{
  const auto api = modules::pdf();
  if (!api) {
    return unexpected(api.error());
  }
  return normalised((*api)->pdf(body, limits));
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
