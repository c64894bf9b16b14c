// File-format sniffing from the first bytes of a file, its name and an optional declared
// content type, so that a PDF renamed .csv or a spreadsheet offered as "CSV" is noticed.
// Delimited text is only recognised as such here ("csv", or "tsv" when the name, the
// content type or a tab-only first line says so); its dialect is detected elsewhere.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pintu::quality {

// Formats Pintu tells apart.
enum class FileFormat {
  kUnknown,
  kEmpty,
  kCsv,
  kTsv,
  kJson,
  kGeoJson,
  kXml,
  kHtml,
  kText,   // readable text that is not delimited (no separator on the first lines)
  kXlsx,
  kDocx,
  kPptx,
  kOds,
  kOdt,
  kOdp,
  kXls,    // OLE2 compound file with a .xls name or type
  kDoc,    // OLE2 compound file otherwise (Word, or unknown Office 97 file)
  kPdf,
  kZip,
  kGzip,
  kPng,
  kJpeg,
  kGif,
  kTiff,
  kWebp,
  kBmp,
};

// Short lower-case name as used in reports and by data.gov.tw ("csv", "xlsx", "pdf", …).
std::string_view FileFormatName(FileFormat format);

// True for formats a program can read as data (csv, tsv, json, geojson, xml, xlsx, ods, xls).
// Documents, images, HTML pages and unknown bytes are not machine-readable.
bool IsMachineReadable(FileFormat format);

// What is known about a file before sniffing.
struct SniffInput {
  std::string_view head;          // the first bytes (4 KB or more is plenty; may be less)
  std::string_view file_name;     // name or URL path; may be empty
  std::string_view content_type;  // e.g. "text/csv; charset=big5"; may be empty
  // For zip files: names of the members (see ListZipMembers); empty when not listed.
  std::vector<std::string> zip_members;
};

// The result of sniffing.
struct SniffResult {
  FileFormat format = FileFormat::kUnknown;
  bool machine_readable = false;
  std::string evidence;  // what decided it, in English ("magic %PDF-", "zip member xl/workbook.xml")
};

// Decides the actual format from the bytes first; the name and content type only choose
// between formats the bytes cannot tell apart (csv/tsv, xls/doc) or mark text as JSON/XML.
SniffResult SniffFormat(const SniffInput& input);

// The format a name, extension, declared format string or content type stands for
// ("data.CSV", "CSV", ".csv", "text/csv", "application/vnd.ms-excel" …); nullopt when it
// says nothing known.
std::optional<FileFormat> FormatFromDeclaration(std::string_view declared);

// Declared vs actual format, comparable and reportable.
struct FormatComparison {
  std::optional<FileFormat> declared;  // nullopt: nothing declared
  FileFormat actual = FileFormat::kUnknown;
  // nullopt when nothing was declared; false when they differ (csv declared, tsv found
  // counts as agreeing: both are delimited text whose dialect is reported separately;
  // json declared and geojson found agrees too).
  std::optional<bool> agrees;
};

// Compares a declared format (see FormatFromDeclaration) with the sniffed one.
FormatComparison CompareFormats(std::string_view declared, FileFormat actual);

}  // namespace pintu::quality
