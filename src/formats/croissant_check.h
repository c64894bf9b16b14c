// Pintu's own Croissant (ML dataset metadata, JSON-LD) checker: the static analysis that
// mlcroissant 1.1.0 runs when it loads a metadata file (structure_graph/), without
// opening any data file. Rules, their mlcroissant source and what is not checked are in
// docs/croissant.md.
//
// The document is read as written: the @context's @vocab, prefixes and term definitions
// (including "@type": "@vocab" / "@json" and "@container": "@language") are resolved, so
// `cr:dataType`, `dataType` and `http://mlcommons.org/croissant/dataType` are the same
// property, and a term the context does not define is a schema.org term (as JSON-LD's
// @vocab makes it). Remote contexts (a URL string in @context) are not fetched.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "core/error.h"

namespace pintu::formats {

// Whether an issue makes the metadata invalid (mlcroissant raises) or is only advice.
enum class CroissantSeverity { kError, kWarning };

// One problem found in a Croissant document.
struct CroissantIssue {
  CroissantSeverity severity = CroissantSeverity::kError;
  // Stable code of the rule, e.g. "missing-property", "dangling-reference" (the list is
  // in docs/croissant.md). Tools rely on it; never rename one.
  std::string kind;
  // Where: "Metadata(name) > RecordSet(id) > Field(id)" (names, as mlcroissant prints
  // them); "" for a document-wide problem that mlcroissant prints without a node.
  std::string node_path;
  std::string property;    // the full IRI concerned, when one is ("" otherwise)
  std::string message;     // English, mlcroissant's wording where it has one
  std::string message_zh;  // zh-TW
};

// Everything the checker found, errors and warnings in the order found.
struct CroissantReport {
  std::string conforms_to;  // the declared dct:conformsTo ("" when absent)
  std::vector<CroissantIssue> issues;

  // The number of issues of each severity.
  size_t ErrorCount() const;
  size_t WarningCount() const;
};

// The verdict in the shape the AI-readiness indicator needs.
struct CroissantValidity {
  size_t errors = 0;
  size_t warnings = 0;
  CroissantReport report;
  // True when mlcroissant would load the metadata (warnings allowed).
  bool Valid() const { return errors == 0; }
};

// Limits against hostile documents. Beyond them the check stops with a "too-large" error.
struct CroissantLimits {
  size_t max_bytes = size_t{32} << 20;  // of the text given to ValidateCroissantText
  size_t max_depth = 64;                // JSON nesting
  size_t max_nodes = 200000;            // JSON-LD nodes (objects) walked
  size_t max_issues = 1000;             // issues kept; more are counted in a last issue
};

// Checks a parsed JSON-LD document. Never fails: every problem is an issue of the report
// (a non-object document is a "root-type" error). Pure: no I/O, no network.
CroissantValidity ValidateCroissant(const boost::json::value& document, const CroissantLimits& limits = {});

// Parses `text` and checks it. Fails with kTooLarge when the text exceeds
// limits.max_bytes and kBadRequest (message with the JSON error and its offset) when it is
// not JSON or nests deeper than limits.max_depth.
Result<CroissantValidity> ValidateCroissantText(std::string_view text, const CroissantLimits& limits = {});

// The report in mlcroissant's output format:
//   Found the following N error(s) during the validation:
//     -  [Metadata(x) > FileObject(y)] message
//   Found the following M warning(s) during the validation:
//     -  [Metadata(x)] message
// Each issue line ends with its kind in parentheses, e.g. " (missing-property)". Sections
// without issues are left out; a report with none is "No errors or warnings found.\n".
std::string CroissantReportText(const CroissantReport& report);

// The report as JSON: {"conformsTo", "valid", "errorCount", "warningCount",
// "issues": [{"severity": "error"|"warning", "kind", "node", "property", "message",
// "messageZh"}]}, errors first.
boost::json::object CroissantReportToJson(const CroissantReport& report);

}  // namespace pintu::formats
