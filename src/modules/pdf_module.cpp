// libfactcheck-pdf.so: PDF text through poppler's C++ library, loaded by the
// core only when a run reads a PDF (src/modules/modules.hpp), so that a
// catalogue citing web pages does not map poppler and its thirty libraries
// (nss, lcms2, openjpeg, freetype...). Returns the text as poppler gives it;
// src/sources/document.cpp normalises it. Fuzz targets and tests link this
// file's object directly.

#include "modules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <string>

namespace factcheck::modules {

namespace {

std::string
utf8(const poppler::ustring& text)
{
  const auto bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

Expected<Document>
pdf(std::string_view body, const sources::PdfLimits& limits)
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
  out.title = utf8(pdf->info_key("Title"));
  const int total = pdf->pages();
  const int pages = std::min(total, limits.max_pages);
  for (int i = 0; i < pages; ++i) {
    std::unique_ptr<poppler::page> page(pdf->create_page(i));
    if (!page) {
      return unexpected(fmt::format("bad PDF: page {} cannot be read", i + 1));
    }
    out.pages.push_back(Page{i + 1, utf8(page->text())});
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

constexpr PdfApi k_api{FACTCHECK_VERSION, &pdf};

} // namespace

} // namespace factcheck::modules

extern "C" const factcheck::modules::PdfApi*
factcheck_pdf_module_v1()
{
  return &factcheck::modules::k_api;
}
