#include "modules.hpp"

#include <fmt/format.h>

#include <dlfcn.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>

// Null unless the program links the module's objects itself.
extern "C" {
__attribute__((weak)) const factcheck::modules::DocApi* factcheck_doc_module_v1();
__attribute__((weak)) const factcheck::modules::PdfApi* factcheck_pdf_module_v1();
__attribute__((weak)) const factcheck::modules::NetApi* factcheck_net_module_v1();
}

namespace factcheck::modules {

namespace {

// Opens `file` from the first search folder that has it and returns its
// `symbol`, or says why not. The handle is never closed: the module's code
// runs until exit.
Expected<void*>
open_module(const std::string& file, const char* symbol)
{
  std::string tried;
  std::string last_error;
  for (const auto& dir : search_dirs()) {
    const std::string path = (std::filesystem::path(dir) / file).string();
    tried += (tried.empty() ? "" : ", ") + path;
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
      continue;
    }
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
      const char* why = dlerror();
      last_error = why != nullptr ? why : "dlopen failed";
      continue;
    }
    void* entry = dlsym(handle, symbol);
    if (entry == nullptr) {
      return unexpected(fmt::format("{} has no {}: not a factcheck module", path, symbol));
    }
    return entry;
  }
  if (!last_error.empty()) {
    return unexpected(last_error);
  }
  return unexpected(fmt::format("{} not found (looked for {})", file, tried));
}

template <typename Api>
Expected<const Api*>
checked(const Api* api, const char* what)
{
  if (api == nullptr) {
    return unexpected(fmt::format("the {} module returned nothing", what));
  }
  if (std::string_view(api->version) != FACTCHECK_VERSION) {
    return unexpected(fmt::format("the {} module is from factcheck {}, this is factcheck {}",
                                  what,
                                  api->version,
                                  FACTCHECK_VERSION));
  }
  return api;
}

template <typename Api>
Expected<const Api*>
load(const Api* (*linked)(), const std::string& file, const char* symbol, const char* what)
{
  if (linked != nullptr) {
    return checked(linked(), what);
  }
  auto entry = open_module(file, symbol);
  if (!entry) {
    return unexpected(fmt::format("the {} module cannot be loaded: {}; reinstall factcheck, or set "
                                  "FACTCHECK_MODULE_DIR to the folder that holds {}",
                                  what,
                                  entry.error(),
                                  file));
  }
  // POSIX allows a data pointer to be converted to a function pointer.
  auto* const make = reinterpret_cast<const Api* (*)()>(*entry);
  return checked(make(), what);
}

} // namespace

std::vector<std::string>
search_dirs()
{
  if (const char* dir = std::getenv("FACTCHECK_MODULE_DIR"); dir != nullptr && *dir != '\0') {
    return {dir};
  }
  std::error_code ec;
  const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) {
    return {};
  }
  const auto bin = exe.parent_path();
  return {(bin.parent_path() / FACTCHECK_MODULE_DIR).string(),
          (bin / FACTCHECK_MODULE_DIR).string()};
}

Expected<const DocApi*>
doc()
{
  static const Expected<const DocApi*> api =
      load(&factcheck_doc_module_v1, "libfactcheck-doc.so", "factcheck_doc_module_v1", "document");
  return api;
}

Expected<const PdfApi*>
pdf()
{
  static const Expected<const PdfApi*> api =
      load(&factcheck_pdf_module_v1, "libfactcheck-pdf.so", "factcheck_pdf_module_v1", "PDF");
  return api;
}

Expected<const NetApi*>
net()
{
  static const Expected<const NetApi*> api =
      load(&factcheck_net_module_v1, "libfactcheck-net.so", "factcheck_net_module_v1", "network");
  return api;
}

} // namespace factcheck::modules
