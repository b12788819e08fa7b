#pragma once

// The parts of factcheck that are loaded only when a run needs them
// (docs/architecture.md, "Modules"): the network engine (libcurl) in
// libfactcheck-net.so, the HTML and XML readers (libxml2) in
// libfactcheck-doc.so and the PDF reader (poppler) in libfactcheck-pdf.so. Linking those libraries
// into the binary cost every run about 6 ms before main (bench/notes.md, "Start-up"); a run that
// judges market claims from recordings now maps neither.
//
// Each module exports one C function returning a table of C++ function
// pointers. The module and the binary are built from the same tree with the
// same compiler, so C++ types cross the boundary; the table carries the
// version the module was built as, and a module of another version is
// refused rather than called. Not a public header.

#include <factcheck/http/client.hpp>
#include <factcheck/http/curl_client.hpp>
#include <factcheck/model/document.hpp>
#include <factcheck/sources/parsers.hpp>
#include <factcheck/util/expected.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace factcheck::modules {

// The raw child texts of an Atom feed's first <entry> (arXiv's API).
struct AtomEntry
{
  std::string id;
  std::string title;
  std::string summary;
  std::string published;
};

// libfactcheck-doc.so (libxml2). Text comes back as the parser gave it: the
// caller normalises it (normalise_text), so the module needs nothing of the
// core.
struct DocApi
{
  const char* version; // FACTCHECK_VERSION of the module
  Expected<Document> (*html)(std::string_view body, std::string_view charset);
  Expected<AtomEntry> (*atom_entry)(std::string_view body);
};

// libfactcheck-pdf.so (poppler), likewise.
struct PdfApi
{
  const char* version;
  Expected<Document> (*pdf)(std::string_view body, const sources::PdfLimits& limits);
};

// libfactcheck-net.so.
struct NetApi
{
  const char* version;
  std::unique_ptr<http::HttpClient> (*make_client)(const http::CurlOptions& options);
};

// The document readers, loaded on the first call (thread-safe), or why they
// cannot be: "the document module cannot be loaded: ...". Code linked with the
// module's objects (the tests, the fuzz targets) gets them without dlopen.
Expected<const DocApi*> doc();

// The PDF reader and the network engine, likewise.
Expected<const PdfApi*> pdf();
Expected<const NetApi*> net();

// Where modules are looked for, in order: $FACTCHECK_MODULE_DIR when set
// (and then only there), else ../lib/<multiarch>/factcheck from the
// executable's folder (an installed /usr/bin/factcheck finds
// /usr/lib/x86_64-linux-gnu/factcheck) and lib/<multiarch>/factcheck in it
// (the build tree: build/factcheck).
std::vector<std::string> search_dirs();

} // namespace factcheck::modules

// The modules' entry points. Weak in the core, so that a program linked with
// a module's objects calls them directly and one without them sees null.
extern "C" {
const factcheck::modules::DocApi* factcheck_doc_module_v1();
const factcheck::modules::PdfApi* factcheck_pdf_module_v1();
const factcheck::modules::NetApi* factcheck_net_module_v1();
}
