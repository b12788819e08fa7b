#pragma once

#include <fmt/format.h>

#include <string>
#include <vector>

namespace factcheck::test {

// A minimal PDF, built here so the PDF path is tested without shipping
// third-party files (synthetic): one page per entry of `pages`, each line of
// an entry drawn as one line of Helvetica text. Only ASCII without ( ) \.
inline std::string
make_pdf(const std::vector<std::vector<std::string>>& pages)
{
  std::vector<std::string> objects;
  const int count = static_cast<int>(pages.size());
  // 1 catalog, 2 pages, 3 font, then a page and its content stream per page.
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  std::string kids;
  for (int i = 0; i < count; ++i) {
    kids += fmt::format("{} 0 R ", 4 + 2 * i);
  }
  objects.push_back(fmt::format("<< /Type /Pages /Kids [{}] /Count {} >>", kids, count));
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (int i = 0; i < count; ++i) {
    std::string stream = "BT /F1 12 Tf 72 720 Td 14 TL\n";
    for (const auto& line : pages[static_cast<std::size_t>(i)]) {
      stream += fmt::format("({}) Tj T*\n", line);
    }
    stream += "ET";
    objects.push_back(fmt::format("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                                  "/Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
                                  5 + 2 * i));
    objects.push_back(
        fmt::format("<< /Length {} >>\nstream\n{}\nendstream", stream.size(), stream));
  }
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += fmt::format("{} 0 obj\n{}\nendobj\n", i + 1, objects[i]);
  }
  const std::size_t xref = pdf.size();
  pdf += fmt::format("xref\n0 {}\n0000000000 65535 f \n", objects.size() + 1);
  for (const auto offset : offsets) {
    pdf += fmt::format("{:010} 00000 n \n", offset);
  }
  pdf += fmt::format(
      "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{}\n%%EOF\n", objects.size() + 1, xref);
  return pdf;
}

} // namespace factcheck::test
