#pragma once

#include "json_writer.hpp"

#include <factcheck/model/run.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace factcheck::report {

using Json = nlohmann::ordered_json;

// One verdict as the json and ndjson formats write it (docs: README), with
// `writer` (pretty for json, compact for ndjson).
void write_verdict(JsonWriter& writer, const Claim& claim, const Verdict& verdict);

// One line of evidence for formats that carry a single message (SARIF,
// JUnit, GitHub): the verdict's message, the arithmetic, the notes and
// each source's URL with where the bytes came from.
std::string evidence_text(const Claim& claim, const Verdict& verdict);

} // namespace factcheck::report
