// Pintu's own export format ("pintu-jsonl", version 1), read by `pintu import` and written
// by `pintu export`. Export → import is lossless for everything the canonical codec models.
//
// Specification:
//  - UTF-8 text, one JSON object per line, lines end with LF (CRLF is accepted). Blank
//    lines are ignored. No line may contain a raw line break (JSON escapes them anyway).
//  - The first line SHOULD be a header:
//        {"format":"pintu-jsonl","version":1,"exported":"<NowIso()>","generator":"pintu <version>"}
//    Only "format" and "version" are read; a header with another version is an error.
//  - Every other line is a record:
//        {"kind":"organization","doc":<OrganizationToJson(org)>}
//        {"kind":"topic","doc":<TopicToJson(topic)>}
//        {"kind":"dataset","doc":<DatasetToJson(dataset)>}
//    `doc` is exactly the canonical dict of core/model_json.h, with ids, slugs, state
//    (including "deleted" and "draft", so soft-deleted objects survive a round trip),
//    resources, extras and metadata_created/modified as stored.
//  - References are by id and slug as in the canonical dicts: a dataset's `owner_org` is
//    the id of an organization record; `groups[].name` are topic slugs.
//  - Writers SHOULD emit all organizations, then all topics, then all datasets. Readers
//    (ParseImportDocument) return records in that order whatever the file order, so the
//    action layer can write them front to back.
//  - Unknown top-level members of a line are ignored (room for future fields); an unknown
//    "kind" skips the line with a reason.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>

#include "formats/import.h"

namespace pintu::formats {

inline constexpr std::string_view kPintuJsonlFormat = "pintu-jsonl";
inline constexpr int kPintuJsonlVersion = 1;

// The header line (without the trailing newline).
std::string PintuJsonlHeader(std::string_view exported_at, std::string_view generator);
// One record line (without the trailing newline) for a canonical `doc`.
std::string PintuJsonlLine(ImportRecord::Kind kind, const boost::json::object& doc);
// "organization", "topic", "dataset".
std::string_view KindName(ImportRecord::Kind kind);

class RecordSink;
// Reads a pintu-jsonl file into `sink`; records are reordered organizations → topics →
// datasets. A bad header version is an error; a malformed line is skipped with a reason.
Result<void> ImportPintuJsonl(std::string_view bytes, const std::string& filename, RecordSink& sink);

}  // namespace pintu::formats
