// pintu convert FILE [-o OUT] [--from ENC]: any supported encoding → UTF-8 without BOM.
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "actions/file_convert.h"
#include "cli/commands.h"
#include "cli/locale.h"

namespace pintu::cli {
namespace {

struct ConvertOptions {
  std::string input;
  std::string output;  // empty = standard output
  std::string from;
};

// Writes to a FILE*, turning short writes into errors.
actions::Utf8Writer FileWriter(std::FILE* out, const std::string& name) {
  return [out, name](std::string_view text) -> Result<void> {
    if (std::fwrite(text.data(), 1, text.size(), out) != text.size()) {
      return std::unexpected(Error::BadRequest("cannot write " + name + ": " + std::strerror(errno)));
    }
    return Ok();
  };
}

int Convert(const ConvertOptions& o) {
  const bool zh = PreferZh();
  std::FILE* out = stdout;
  std::string part;
  if (!o.output.empty()) {
    part = o.output + ".part" + std::to_string(::getpid());
    out = std::fopen(part.c_str(), "wb");
    if (!out) {
      std::cerr << (zh ? "錯誤：無法寫入 " : "error: cannot write ") << o.output << ": " << std::strerror(errno) << "\n";
      return 2;
    }
  }
  actions::ConvertRequest request{o.input, o.from};
  auto report = actions::ConvertToUtf8(request, FileWriter(out, o.output.empty() ? "standard output" : o.output));
  bool closed = out == stdout ? std::fflush(out) == 0 : std::fclose(out) == 0;
  if (!report || !closed) {
    if (!part.empty()) std::filesystem::remove(part);
    if (!report) PrintLocalizedError(report.error(), zh);
    else std::cerr << (zh ? "錯誤：無法寫入 " : "error: cannot write ") << o.output << "\n";
    return 2;
  }
  if (!part.empty()) {
    std::error_code ec;
    std::filesystem::rename(part, o.output, ec);
    if (ec) {
      std::filesystem::remove(part);
      std::cerr << (zh ? "錯誤：無法寫入 " : "error: cannot write ") << o.output << ": " << ec.message() << "\n";
      return 2;
    }
  }

  // What was detected, on stderr (stdout may be the converted text).
  std::string how = report->detection ? std::string(quality::DetectionMethodName(report->detection->method))
                                      : std::string("--from");
  bool bom = report->detection && report->detection->bom;
  if (zh) {
    std::cerr << "編碼：" << report->encoding << "（判斷方式：" << how << (bom ? "，有 BOM，已移除" : "") << "）";
  } else {
    std::cerr << "encoding: " << report->encoding << " (" << how << (bom ? ", BOM removed" : "") << ")";
  }
  if (report->compression != "none") {
    std::cerr << (zh ? "，解壓縮：" : ", unpacked from ") << report->compression;
    if (!report->member.empty()) std::cerr << " " << report->member;
  }
  std::cerr << "\n";
  if (report->invalid_count == 0) return 0;
  const auto& first = *report->first_invalid;
  uint64_t more = report->invalid_count - 1;
  if (zh) {
    std::cerr << "錯誤：位元組位置 " << first.offset << " 有無法以 " << report->encoding << " 解碼的位元組（"
              << quality::InvalidKindName(first.kind) << "）";
    if (more) std::cerr << "，另有 " << more << " 處";
    std::cerr << "；已以 U+FFFD 取代（造字則保留為私用區字元）\n";
  } else {
    std::cerr << "error: bytes at offset " << first.offset << " are not valid " << report->encoding << " ("
              << quality::InvalidKindName(first.kind) << ")";
    if (more) std::cerr << ", and " << more << " more";
    std::cerr << "; replaced by U+FFFD (user-defined characters kept as Private Use code points)\n";
  }
  return 1;
}

}  // namespace

void AddConvertCommand(CLI::App& app, Globals& g, int& exit_code) {
  auto o = std::make_shared<ConvertOptions>();
  CLI::App* cmd = app.add_subcommand(
      "convert", "Convert a data file to UTF-8 without BOM (detects Big5, CP950, Big5-HKSCS, GB18030, UTF-16 …)");
  cmd->add_option("file", o->input, "Input file (.gz and single-file .zip are unpacked)")->required();
  cmd->add_option("-o,--output", o->output, "Output file (default: standard output)");
  cmd->add_option("--from", o->from, "Source encoding (default: detect)");
  cmd->footer("Exit codes: 0 converted, 1 invalid bytes (offset on stderr), 2 could not read.");
  cmd->callback([&exit_code, o] { exit_code = Convert(*o); });
}

}  // namespace pintu::cli
