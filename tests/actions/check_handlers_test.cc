// The two resource-check handlers against a loopback server and against uploaded files:
// what they store (results, history, data.gov.tw's six checks), when a failure is a
// result and when it is a retry, and what they do with jobs about nothing.
#include <fstream>
#include <thread>

#include <boost/json.hpp>

#include "actions/catalog_fixture.h"
#include "actions/check_handlers.h"
#include "actions/resource_checks.h"
#include "actions/resources.h"
#include "jobs/kinds.h"
#include "quality/archive_writer.h"
#include "support/loopback_http_server.h"

namespace pintu::test {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using quality::DatagovCheckId;

// "名稱,電話" and two rows, in Big5 (CP950) bytes.
const std::string kBig5Csv =
    "\xA6\x57\xBA\xD9\x2C\xB9\x71\xB8\xDC\x0A\xBB\x4F\xA5\x5F\xAA\xF8\xB7\xD3\xA4\xA4\xA4\xDF\x2C\x30\x32\x2D\x31"
    "\x32\x33\x34\x2D\x35\x36\x37\x38\x0A\xB0\xAA\xB6\xAF\xBE\xDA\xC2\x49\x2C\x30\x37\x2D\x37\x36\x35\x2D\x34\x33"
    "\x32\x31\x0A";
const std::string kGoodCsv = "名稱,電話\n臺北長照中心,02-1234-5678\n高雄據點,07-765-4321\n";

class CheckHandlersTest : public CatalogTest {
 protected:
  void SetUp() override {
    CatalogTest::SetUp();
    config_.fetch_allow_loopback = true;  // the loopback server below, nothing else
    config_.fetch_timeout_s = 20;
    server_ = LoopbackHttpServer::Start([this](const ReceivedRequest& req) { return Answer(req); });
    ASSERT_TRUE(server_);
  }

  // What the test server answers, by path.
  HttpReply Answer(const ReceivedRequest& req) {
    std::string path = req.target.substr(0, req.target.find('?'));
    HttpReply r;
    if (path == "/good.csv" || path == "/big5.csv" || path == "/bomb.zip" || path == "/large.csv") {
      r.headers = {{"Content-Type", path.ends_with(".zip") ? "application/zip" : "text/csv"}};
      r.body = path == "/good.csv" ? kGoodCsv : path == "/big5.csv" ? kBig5Csv : path == "/bomb.zip" ? bomb_ : large_;
    } else if (path == "/download") {
      r.headers = {{"Content-Type", "application/octet-stream"},
                   {"Content-Disposition", "attachment; filename=\"stations.csv\""}};
      r.body = kGoodCsv;
    } else if (path == "/landing") {
      r.headers = {{"Content-Type", "text/html; charset=utf-8"}};
      r.body = "<!DOCTYPE html><html><body><a href=\"/good.csv\">下載</a></body></html>";
    } else if (path == "/loop") {
      r.status = 302;
      r.headers = {{"Location", "/loop"}};
    } else if (path == "/busy") {
      r.status = 503;
    } else {
      r.status = 404;
      r.body = "not here";
    }
    return r;
  }

  // A dataset with one resource at `url` declaring `encoding` and the fields 名稱, 電話.
  Resource AddResource(const std::string& slug, const std::string& url, const std::string& encoding = "UTF-8") {
    auto sys = System();
    Dataset d = MakeDataset(slug, "mohw");
    Resource& r = d.resources[0];
    r.url = url;
    r.encoding = encoding;
    r.fields = {FieldSpec{"名稱", LocalizedText::Zh("機構名稱"), "string", ""},
                FieldSpec{"電話", LocalizedText::Zh("聯絡電話"), "string", ""}};
    return Must(actions::CreateDataset(sys, d)).resources.at(0);
  }

  static Job JobFor(std::string_view kind, const std::string& resource_id, int attempts = 1, int max_attempts = 5) {
    Job j;
    j.kind = std::string(kind);
    j.subject = resource_id;
    j.attempts = attempts;
    j.max_attempts = max_attempts;
    return j;
  }
  Result<json::value> Links(const std::string& id, int attempts = 1, int max_attempts = 5) {
    return actions::RunLinkCheckJob(*store_, config_, JobFor(jobs::kCheckResourceLinks, id, attempts, max_attempts), {});
  }
  Result<json::value> Contents(const std::string& id, int attempts = 1, int max_attempts = 5) {
    return actions::RunContentsCheckJob(*store_, config_, JobFor(jobs::kCheckResourceContents, id, attempts, max_attempts),
                                        {});
  }
  std::optional<ResourceCheck> Latest(const std::string& id, CheckKind kind) {
    auto c = store_->GetLatestResourceCheck(id, kind);
    if (!c) return std::nullopt;
    return *c;
  }
  static json::object ReportOf(const ResourceCheck& c) { return json::parse(c.report).as_object(); }
  quality::DatagovChecks Current(const std::string& id) {
    auto sys = System();
    auto overview = actions::ResourceCheckResults(sys, id, std::nullopt, 0, 10);
    EXPECT_TRUE(overview) << overview.error().message;
    return overview ? overview->datagovtw : quality::DatagovChecks{};
  }
  static const quality::DatagovCheck& Check(const quality::DatagovChecks& c, DatagovCheckId id) {
    return c[static_cast<size_t>(id)];
  }
  int64_t ChecksStored() {
    int64_t n = 0;
    auto ids = store_->ListAllDatasetIds().value();
    for (const auto& id : ids) {
      Dataset d = store_->GetDataset(id).value();
      for (const auto& r : d.resources) n += store_->CountResourceChecks(r.id, std::nullopt).value();
    }
    return n;
  }
  // A file name in the temporary folder, other than the server's files.
  size_t TempFiles() {
    std::error_code ec;
    size_t n = 0;
    for (auto it = std::filesystem::directory_iterator(dir_.path() + "/tmp", ec);
         !ec && it != std::filesystem::directory_iterator(); ++it)
      ++n;
    return n;
  }

  std::string bomb_, large_;
  std::unique_ptr<LoopbackHttpServer> server_;
};

TEST_F(CheckHandlersTest, LinkCheckOfAWorkingCsvStoresAPassingResult) {
  Resource r = AddResource("good", server_->Url("/good.csv"));
  auto summary = Links(r.id);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->at("linkable"), true);
  auto stored = Latest(r.id, CheckKind::kLinks);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->valid, true);
  EXPECT_EQ(stored->http_status, 200);
  EXPECT_TRUE(stored->report.starts_with("{\"datagovtw\":{"));
  json::object report = ReportOf(*stored);
  EXPECT_EQ(report.at("reason"), "file");
  EXPECT_EQ(report.at("datagovtw").at("linkable").at("pass"), true);
  EXPECT_FALSE(report.at("datagovtw").as_object().contains("structure")) << "a link check says nothing of the file";
  auto now = Current(r.id);
  EXPECT_EQ(Check(now, DatagovCheckId::kLinkable).pass, true);
  EXPECT_EQ(Check(now, DatagovCheckId::kDownloadable).pass, true);
  EXPECT_EQ(Check(now, DatagovCheckId::kStructure).pass, std::nullopt);
}

TEST_F(CheckHandlersTest, BrokenLinksAreResultsNotRetries) {
  struct Case {
    std::string path, reason;
    std::optional<int> status;
    bool linkable;
  };
  std::vector<Case> cases = {
      {"/gone.csv", "http-status", 404, false},
      {"/loop", "too-many-redirects", 302, false},
      {"/landing", "html-landing-page", 200, true},
  };
  for (const auto& c : cases) {
    Resource r = AddResource("broken" + std::to_string(&c - cases.data()), server_->Url(c.path));
    auto summary = Links(r.id);  // first attempt of five: still a result
    ASSERT_TRUE(summary) << c.path << ": " << summary.error().message;
    auto stored = Latest(r.id, CheckKind::kLinks);
    ASSERT_TRUE(stored) << c.path;
    EXPECT_EQ(stored->valid, false) << c.path;
    EXPECT_EQ(stored->http_status, c.status) << c.path;
    EXPECT_EQ(ReportOf(*stored).at("reason"), json::value(c.reason)) << c.path;
    auto now = Current(r.id);
    EXPECT_EQ(Check(now, DatagovCheckId::kLinkable).pass, c.linkable) << c.path;
    EXPECT_EQ(Check(now, DatagovCheckId::kDownloadable).pass, false) << c.path;
    // The file check of a dead link is a stored failure too, not a retry.
    if (!c.linkable) {
      ASSERT_TRUE(Contents(r.id)) << c.path;
      auto contents = Latest(r.id, CheckKind::kContents);
      ASSERT_TRUE(contents) << c.path;
      EXPECT_EQ(ReportOf(*contents).at("failure").at("kind"), json::value(c.reason)) << c.path;
      EXPECT_EQ(Check(Current(r.id), DatagovCheckId::kStructure).pass, std::nullopt) << c.path;
    }
  }
  EXPECT_EQ(TempFiles(), 0u);
  Resource gone = store_->GetDataset("broken0")->resources.at(0);
  EXPECT_THAT(Check(Current(gone.id), DatagovCheckId::kLinkable).explanation_en, HasSubstr("HTTP 404"));
  EXPECT_THAT(Check(Current(gone.id), DatagovCheckId::kLinkable).explanation_zh, HasSubstr("HTTP 404"));
}

TEST_F(CheckHandlersTest, ConnectionRefusedIsRetriedUntilTheLastAttempt) {
  // A port nobody listens on: bind, learn the port, close.
  uint16_t closed_port = 0;
  {
    auto probe = LoopbackHttpServer::Start([](const ReceivedRequest&) { return HttpReply{}; });
    ASSERT_TRUE(probe);
    closed_port = probe->port();
  }
  std::string url = "http://127.0.0.1:" + std::to_string(closed_port) + "/a.csv";
  Resource r = AddResource("refused", url);
  for (int attempt = 1; attempt < 3; ++attempt) {
    auto links = Links(r.id, attempt, 3);
    ASSERT_FALSE(links) << "attempt " << attempt << " should ask for a retry";
    EXPECT_THAT(links.error().message, HasSubstr("connect"));
    auto contents = Contents(r.id, attempt, 3);
    ASSERT_FALSE(contents);
  }
  EXPECT_EQ(ChecksStored(), 0) << "a retry stores nothing";
  // The last attempt stores the verdict instead of dying without one.
  ASSERT_TRUE(Links(r.id, 3, 3));
  auto stored = Latest(r.id, CheckKind::kLinks);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->valid, false);
  EXPECT_EQ(ReportOf(*stored).at("reason"), "connect");
  ASSERT_TRUE(Contents(r.id, 3, 3));
  auto contents = Latest(r.id, CheckKind::kContents);
  ASSERT_TRUE(contents);
  EXPECT_EQ(contents->valid, std::nullopt);
  EXPECT_EQ(ReportOf(*contents).at("failure").at("kind"), "connect");
  EXPECT_EQ(TempFiles(), 0u);
}

TEST_F(CheckHandlersTest, ServiceUnavailableIsRetried) {
  Resource r = AddResource("busy", server_->Url("/busy"));
  auto links = Links(r.id, 1, 5);
  ASSERT_FALSE(links);
  EXPECT_THAT(links.error().message, HasSubstr("http-status"));
  EXPECT_EQ(ChecksStored(), 0);
}

TEST_F(CheckHandlersTest, RetryGoesThroughTheQueueWithBackoff) {
  uint16_t closed_port = 0;
  {
    auto probe = LoopbackHttpServer::Start([](const ReceivedRequest&) { return HttpReply{}; });
    ASSERT_TRUE(probe);
    closed_port = probe->port();
  }
  Resource r = AddResource("queued", "http://127.0.0.1:" + std::to_string(closed_port) + "/x.csv");
  jobs::HandlerRegistry handlers;
  actions::RegisterCheckHandlers(handlers, *store_, config_);
  EXPECT_THAT(handlers.Kinds(), ::testing::ElementsAre(std::string(jobs::kCheckResourceContents),
                                                       std::string(jobs::kCheckResourceLinks)));
  jobs::WorkerOptions options;
  options.owner_prefix = "test";
  options.idle_poll = std::chrono::milliseconds(20);
  options.jitter = [] { return 0.0; };
  jobs::WorkerPool pool(*store_, SystemClock(), std::move(handlers), options);
  pool.Start();
  // Both jobs of the resource (enqueued by its creation) fail once and wait for a retry.
  for (int i = 0; i < 500; ++i) {
    JobQuery q;
    q.subject = r.id;
    q.state = JobState::kFailed;
    if (store_->CountJobs(q).value() == 2) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  pool.Stop();
  auto job = store_->GetActiveJob(jobs::kCheckResourceLinks, r.id);
  ASSERT_TRUE(job);
  EXPECT_EQ(job->state, JobState::kFailed);
  EXPECT_EQ(job->attempts, 1);
  EXPECT_GT(job->run_after, SystemClock().NowMillis() + 10'000) << "back-off of jobs_backoff_base_s";
  EXPECT_THAT(job->last_error, HasSubstr("connect"));
}

TEST_F(CheckHandlersTest, UploadedFilesAreLinkableWithoutARequest) {
  auto alice = As("alice");
  Dataset d = MakeDataset("uploaded", "mohw");
  d.resources.clear();
  Must(actions::CreateDataset(alice, d));
  Resource input;
  input.dataset_id = "uploaded";
  input.format = "CSV";
  Resource r = Must(actions::UploadResourceFile(alice, input, {"stations.csv", kGoodCsv}));
  int before = server_->requests();
  ASSERT_TRUE(Links(r.id));
  EXPECT_EQ(server_->requests(), before);
  auto stored = Latest(r.id, CheckKind::kLinks);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->valid, true);
  EXPECT_EQ(stored->http_status, std::nullopt);
  json::object report = ReportOf(*stored);
  EXPECT_EQ(report.at("uploaded"), true);
  EXPECT_EQ(report.at("reason"), "uploaded");
  EXPECT_EQ(report.at("content_length"), static_cast<int64_t>(kGoodCsv.size()));
  EXPECT_THAT(Check(Current(r.id), DatagovCheckId::kLinkable).explanation_en, HasSubstr("served by this platform"));

  // The file vanished from the data directory: not linkable, still no request.
  std::filesystem::remove_all(config_.UploadDir() + "/" + r.id);
  ASSERT_TRUE(Links(r.id));
  EXPECT_EQ(ReportOf(*Latest(r.id, CheckKind::kLinks)).at("reason"), "upload-missing");
  EXPECT_EQ(Check(Current(r.id), DatagovCheckId::kLinkable).pass, false);
  ASSERT_TRUE(Contents(r.id));
  auto contents = Latest(r.id, CheckKind::kContents);
  ASSERT_TRUE(contents);
  EXPECT_EQ(ReportOf(*contents).at("failure").at("kind"), "file-missing");
  EXPECT_EQ(server_->requests(), before);
}

TEST_F(CheckHandlersTest, JobsAboutNothingEndWithoutStoringAnything) {
  for (const std::string& subject : std::vector<std::string>{"", "no-such-resource", std::string(5000, 'x'), "\xff\xfe", "'; DROP TABLE jobs; --"}) {
    auto links = Links(subject);
    ASSERT_TRUE(links) << links.error().message;
    EXPECT_EQ(links->at("skipped"), "resource deleted");
    auto contents = Contents(subject);
    ASSERT_TRUE(contents);
    EXPECT_EQ(contents->at("skipped"), "resource deleted");
  }
  Resource r = AddResource("soon-deleted", server_->Url("/good.csv"));
  auto sys = System();
  ASSERT_TRUE(actions::DeleteDataset(sys, "soon-deleted"));
  EXPECT_EQ(Links(r.id)->at("skipped"), "resource deleted");
  EXPECT_EQ(ChecksStored(), 0);
  EXPECT_EQ(server_->requests(), 0);
}

// ---- contents ----

TEST_F(CheckHandlersTest, ContentsOfAGoodCsvPassEverySixCheck) {
  Resource r = AddResource("contents-good", server_->Url("/good.csv"));
  ASSERT_TRUE(Links(r.id));
  auto summary = Contents(r.id);
  ASSERT_TRUE(summary) << summary.error().message;
  auto stored = Latest(r.id, CheckKind::kContents);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->valid, true) << stored->report.substr(0, 2000);
  EXPECT_EQ(stored->detected_format, "csv");
  EXPECT_EQ(stored->detected_encoding, "utf-8");
  EXPECT_EQ(stored->http_status, 200);
  // The six checks come first, so a page reads them without parsing the whole report.
  EXPECT_TRUE(stored->report.starts_with("{\"datagovtw\":{")) << stored->report.substr(0, 100);
  json::object report = ReportOf(*stored);
  EXPECT_EQ(report.at("stats").at("rows"), 2);
  EXPECT_EQ(report.at("source").at("file_name"), "good.csv");
  const json::object& six = report.at("datagovtw").as_object();
  for (auto id : quality::kDatagovCheckIds) {
    auto name = quality::DatagovCheckName(id);
    EXPECT_EQ(six.at(name).at("pass"), true) << name << ": " << json::serialize(six.at(name));
    EXPECT_FALSE(six.at(name).at("checked_at").is_null()) << name;
  }
  EXPECT_EQ(TempFiles(), 0u) << "the downloaded copy is removed";
}

TEST_F(CheckHandlersTest, ContentDispositionNamesTheFetchedFile) {
  Resource r = AddResource("disposition", server_->Url("/download"));
  ASSERT_TRUE(Contents(r.id));
  json::object report = ReportOf(*Latest(r.id, CheckKind::kContents));
  EXPECT_EQ(report.at("source").at("file_name"), "stations.csv");
  EXPECT_EQ(report.at("format").at("detected"), "csv");
}

TEST_F(CheckHandlersTest, Big5FileDeclaredUtf8FailsEncodingMatch) {
  Resource r = AddResource("big5", server_->Url("/big5.csv"), "UTF-8");
  ASSERT_TRUE(Links(r.id));
  ASSERT_TRUE(Contents(r.id));
  auto stored = Latest(r.id, CheckKind::kContents);
  ASSERT_TRUE(stored);
  EXPECT_THAT(stored->detected_encoding, ::testing::AnyOf("big5", "cp950"));
  auto now = Current(r.id);
  const auto& enc = Check(now, DatagovCheckId::kEncodingMatch);
  EXPECT_EQ(enc.pass, false);
  EXPECT_EQ(enc.evidence.at("declared"), "UTF-8");
  EXPECT_THAT(enc.explanation_en, HasSubstr("Declared as UTF-8"));
  EXPECT_THAT(enc.explanation_zh, HasSubstr("宣告為 UTF-8"));
  // Decoded as Big5, the header still matches the field dictionary.
  EXPECT_EQ(Check(now, DatagovCheckId::kDescMatch).pass, true);
}

TEST_F(CheckHandlersTest, HtmlLandingPageIsNotStructured) {
  Resource r = AddResource("landing", server_->Url("/landing"));
  ASSERT_TRUE(Links(r.id));
  ASSERT_TRUE(Contents(r.id));
  auto now = Current(r.id);
  EXPECT_EQ(Check(now, DatagovCheckId::kDownloadable).pass, false);
  EXPECT_EQ(Check(now, DatagovCheckId::kStructure).pass, false);
  EXPECT_EQ(Check(now, DatagovCheckId::kCsv).pass, false);
  EXPECT_EQ(Check(now, DatagovCheckId::kDescMatch).pass, std::nullopt);
}

TEST_F(CheckHandlersTest, NotFoundFileIsAStoredFailure) {
  Resource r = AddResource("gone", server_->Url("/gone.csv"));
  auto summary = Contents(r.id);
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->at("failure"), "http-status");
  auto stored = Latest(r.id, CheckKind::kContents);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->valid, std::nullopt);
  EXPECT_EQ(stored->http_status, 404);
  json::object report = ReportOf(*stored);
  EXPECT_EQ(report.at("failure").at("status"), 404);
  EXPECT_FALSE(report.at("failure").at("message_zh").as_string().empty());
  EXPECT_EQ(report.at("datagovtw").at("structure").at("evidence").at("reason"), "file-unreadable");
  EXPECT_EQ(TempFiles(), 0u);
}

TEST_F(CheckHandlersTest, TooLargeDownloadsStopAtTheLimit) {
  large_ = std::string(200'000, 'x');
  config_.fetch_max_bytes = 50'000;
  Resource r = AddResource("large", server_->Url("/large.csv"));
  ASSERT_TRUE(Contents(r.id));
  json::object report = ReportOf(*Latest(r.id, CheckKind::kContents));
  EXPECT_EQ(report.at("failure").at("kind"), "too-large");
  EXPECT_LE(report.at("source").at("bytes").as_int64(), 50'000 + 65'536);
  EXPECT_EQ(TempFiles(), 0u);
}

TEST_F(CheckHandlersTest, ZipBombIsStoppedByTheEngine) {
  std::string zip_path = dir_.File("bomb.zip");
  ASSERT_TRUE(quality::test::WriteZip(zip_path, {{"data.csv", quality::test::Repeat(std::string(4096, '0'), 64u << 20)}}, 9));
  {
    std::ifstream in(zip_path, std::ios::binary);
    bomb_.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_LT(bomb_.size(), 1u << 20);
  Resource r = AddResource("bomb", server_->Url("/bomb.zip"));
  ASSERT_TRUE(Contents(r.id));
  auto stored = Latest(r.id, CheckKind::kContents);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->valid, std::nullopt);
  EXPECT_EQ(ReportOf(*stored).at("failure").at("kind"), "too-large") << stored->report.substr(0, 1000);
  EXPECT_EQ(TempFiles(), 0u);
}

TEST_F(CheckHandlersTest, UploadedFileIsCheckedInPlace) {
  auto alice = As("alice");
  Dataset d = MakeDataset("uploaded-contents", "mohw");
  d.resources.clear();
  Must(actions::CreateDataset(alice, d));
  Resource input;
  input.dataset_id = "uploaded-contents";
  input.format = "CSV";
  input.encoding = "Big5";
  input.fields = {FieldSpec{"名稱", {}, "string", ""}, FieldSpec{"電話", {}, "string", ""}};
  Resource r = Must(actions::UploadResourceFile(alice, input, {"big5.csv", kBig5Csv}));
  ASSERT_TRUE(Links(r.id));
  ASSERT_TRUE(Contents(r.id));
  EXPECT_EQ(server_->requests(), 0);
  auto now = Current(r.id);
  EXPECT_EQ(Check(now, DatagovCheckId::kEncodingMatch).pass, true);
  EXPECT_EQ(Check(now, DatagovCheckId::kDescMatch).pass, true);
  EXPECT_EQ(Check(now, DatagovCheckId::kCsv).pass, true);
  EXPECT_EQ(Check(now, DatagovCheckId::kLinkable).pass, true);
  auto stored = Latest(r.id, CheckKind::kContents);
  EXPECT_EQ(ReportOf(*stored).at("source").at("file_name"), "big5.csv");
}

TEST_F(CheckHandlersTest, ResultsAccumulateAsHistoryAndTheNewestLinkWins) {
  Resource r = AddResource("history", server_->Url("/good.csv"));
  ASSERT_TRUE(Links(r.id));
  ASSERT_TRUE(Contents(r.id));
  // The publisher moves the file away; the next daily link check notices.
  auto sys = System();
  std::this_thread::sleep_for(std::chrono::milliseconds(5));  // a later checked_at
  ASSERT_TRUE(actions::PatchResource(sys, r.id, {{"url", server_->Url("/moved.csv")}}));
  ASSERT_TRUE(Links(r.id));
  auto overview = actions::ResourceCheckResults(sys, r.id, std::nullopt, 0, 10);
  ASSERT_TRUE(overview);
  EXPECT_EQ(overview->history_total, 3);
  ASSERT_EQ(overview->history.size(), 3u);
  EXPECT_EQ(overview->history[0].kind, CheckKind::kLinks);  // newest first
  EXPECT_EQ(overview->history[0].http_status, 404);
  EXPECT_EQ(Check(overview->datagovtw, DatagovCheckId::kLinkable).pass, false);
  EXPECT_EQ(Check(overview->datagovtw, DatagovCheckId::kStructure).pass, true);  // the file check stands
  auto links_only = actions::ResourceCheckResults(sys, r.id, CheckKind::kLinks, 0, 10);
  EXPECT_EQ(links_only->history_total, 2);
}

}  // namespace
}  // namespace pintu::test
