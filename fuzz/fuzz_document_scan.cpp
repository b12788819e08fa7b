// Scanning a document's text for figures, dates, lists and sentences, on
// long inputs: bounded time (libFuzzer's -timeout) and no crash.
#include <factcheck/eval/scan.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  using namespace factcheck::eval;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (std::size_t from = 0; const auto figure = find_figure(text, from);) {
    if (figure->end <= from) {
      std::abort();
    }
    from = figure->end;
  }
  for (std::size_t from = 0; const auto date = find_date(text, from);) {
    if (date->end <= from) {
      std::abort();
    }
    from = date->end;
  }
  (void)find_list(text, 0);
  (void)sentence_around(text, size / 3, size / 2);
  factcheck::Document document;
  document.pages.push_back(factcheck::Page{1, std::string(text)});
  (void)find_anchor(document, text.substr(0, std::min<std::size_t>(size, 12)));
  return 0;
}
