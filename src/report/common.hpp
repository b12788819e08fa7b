#pragma once

#include "json_writer.hpp"

#include <factcheck/model/run.hpp>
#include <factcheck/report/reporter.hpp>

#include <nlohmann/json.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace factcheck::report {

using Json = nlohmann::ordered_json;

// One verdict as the json and ndjson formats write it (docs: README), with
// `writer` (pretty for json, compact for ndjson). A report of several
// catalogues gives `catalogue`, the verdict's catalogue path, which is then
// the first key.
void write_verdict(JsonWriter& writer,
                   const Claim& claim,
                   const Verdict& verdict,
                   std::string_view catalogue = {});

// One line of evidence for formats that carry a single message (SARIF,
// JUnit, GitHub): the verdict's message, the arithmetic, the notes and
// each source's URL with where the bytes came from.
std::string evidence_text(const Claim& claim, const Verdict& verdict);

// The json and ndjson formats for several catalogues (multi.cpp): each
// verdict as write_verdict writes it with a "catalogue" key first.
void write_json_all(const std::vector<RunReport>& reports, std::ostream& out);
void write_ndjson_all(const std::vector<RunReport>& reports, std::ostream& out);

// The table and markdown formats for several catalogues: each catalogue's
// report as `one` writes it under a heading (table) or a rule (markdown),
// then the counts over all.
void write_each_table(const Reporter& one,
                      const ReportOptions& options,
                      const std::vector<RunReport>& reports,
                      std::ostream& out);
void
write_each_markdown(const Reporter& one, const std::vector<RunReport>& reports, std::ostream& out);

} // namespace factcheck::report
