#include "http/web/atom_feed.h"

#include <cctype>

#include "core/ids.h"
#include "core/text.h"
#include "http/web/xml_writer.h"

namespace pintu::http::web {
namespace {

bool Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return false;
  for (size_t i = pos; i < pos + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

}  // namespace

std::optional<std::string> Rfc3339(std::string_view iso) {
  // YYYY-MM-DD
  if (!Digits(iso, 0, 4) || iso.size() < 10 || iso[4] != '-' || !Digits(iso, 5, 2) || iso[7] != '-' ||
      !Digits(iso, 8, 2))
    return std::nullopt;
  int month = std::stoi(std::string(iso.substr(5, 2))), day = std::stoi(std::string(iso.substr(8, 2)));
  if (month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
  if (iso.size() == 10) return std::string(iso) + "T00:00:00Z";
  // Thh:mm:ss
  if (iso.size() < 19 || (iso[10] != 'T' && iso[10] != 't') || !Digits(iso, 11, 2) || iso[13] != ':' ||
      !Digits(iso, 14, 2) || iso[16] != ':' || !Digits(iso, 17, 2))
    return std::nullopt;
  size_t i = 19;
  if (i < iso.size() && iso[i] == '.') {
    size_t start = ++i;
    while (i < iso.size() && std::isdigit(static_cast<unsigned char>(iso[i]))) ++i;
    if (i == start) return std::nullopt;
  }
  std::string out(iso.substr(0, i));
  out[10] = 'T';
  std::string_view zone = iso.substr(i);
  if (zone.empty()) return out + "Z";
  if (zone == "Z" || zone == "z") return out + "Z";
  if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && Digits(zone, 1, 2) && zone[3] == ':' &&
      Digits(zone, 4, 2))
    return out + std::string(zone);
  return std::nullopt;
}

std::string AtomEntryId(std::string_view site_url, std::string_view activity_id) {
  if (LooksLikeUuid(activity_id)) return "urn:uuid:" + AsciiLower(activity_id);
  // tag:<host>,2024:activity/<id> — the host without scheme, port or path.
  std::string_view host = site_url;
  if (size_t p = host.find("://"); p != std::string_view::npos) host.remove_prefix(p + 3);
  host = host.substr(0, host.find_first_of("/:?#"));
  if (host.empty()) host = "localhost";
  return "tag:" + AsciiLower(host) + ",2024:activity/" + PercentEncodeSegment(activity_id);
}

std::string RenderAtomFeed(const AtomFeed& f) {
  XmlWriter w;
  w.Open("feed", {{"xmlns", "http://www.w3.org/2005/Atom"}, {"xml:lang", f.lang}});
  w.Element("id", f.id);
  w.Element("title", f.title);
  if (!f.subtitle.empty()) w.Element("subtitle", f.subtitle);
  w.Element("updated", f.updated);
  w.Empty("link", {{"rel", "self"}, {"type", "application/atom+xml"}, {"href", f.self}});
  w.Empty("link", {{"rel", "alternate"}, {"type", "text/html"}, {"href", f.alternate}});
  w.Open("author").Element("name", f.author).Close();
  w.Element("generator", "Pintu");
  for (const auto& e : f.entries) {
    w.Open("entry");
    w.Element("id", e.id);
    w.Element("title", e.title);
    w.Element("updated", e.updated);
    w.Empty("link", {{"rel", "alternate"}, {"type", "text/html"}, {"href", e.link}});
    if (!e.author.empty()) w.Open("author").Element("name", e.author).Close();
    if (!e.category.empty()) w.Empty("category", {{"term", e.category}, {"label", e.category_label}});
    w.Element("summary", e.summary);
    w.Close();
  }
  return w.Finish();
}

HttpResponse AtomResponse(const AtomFeed& feed) {
  HttpResponse r;
  r.content_type = "application/atom+xml;charset=utf-8";
  r.body = RenderAtomFeed(feed);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Content-Language", feed.lang);
  r.SetHeader("Vary", "Accept-Language, Cookie");
  r.SetHeader("Cache-Control", "no-cache");
  return r;
}

}  // namespace pintu::http::web
