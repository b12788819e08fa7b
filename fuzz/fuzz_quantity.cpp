// The quantity reader: a claimed value, a tolerance, and figures in running
// text. What it accepts is finite and ordered, and its spelling reads back.
#include <factcheck/quantity/quantity.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int
LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  namespace quantity = factcheck::quantity;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  if (const auto q = quantity::parse(text)) {
    if (!std::isfinite(q->low) || !std::isfinite(q->high) || q->low > q->high
        || !(q->low_precision >= 0)) {
      std::abort();
    }
    const auto back = quantity::parse(quantity::to_text(*q));
    if (!back || back->unit != q->unit || back->comparator != q->comparator) {
      std::abort();
    }
  }
  (void)quantity::parse_tolerance(text);
  for (std::size_t from = 0; const auto mention = quantity::find_quantity(text, from);) {
    if (mention->end <= mention->begin || mention->end > text.size() || mention->begin < from) {
      std::abort();
    }
    from = mention->end;
  }
  return 0;
}
