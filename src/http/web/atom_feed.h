// Atom feeds (RFC 4287): a plain description of a feed and its entries, written as XML.
// Knows nothing about datasets; feed_pages.cc fills it from the catalog's activities.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace pintu::http::web {

// One atom:entry. Every value is plain text; RenderAtomFeed escapes it.
struct AtomEntry {
  std::string id;              // a permanent IRI: "urn:uuid:…" or "tag:…"
  std::string title;
  std::string updated;         // RFC 3339
  std::string link;            // absolute URL of the page the entry is about (rel="alternate")
  std::string summary;
  std::string author;          // who made the change; empty = the feed's author
  std::string category;        // a term such as "changed"; empty = none
  std::string category_label;  // the term in the reader's language
};

// One atom:feed.
struct AtomFeed {
  std::string lang;      // xml:lang, "zh-TW" or "en"
  std::string id;        // a permanent IRI for the feed
  std::string title;
  std::string subtitle;  // empty = none
  std::string updated;   // RFC 3339: the newest entry's, or when the subject last changed
  std::string self;      // absolute URL of the feed itself (rel="self")
  std::string alternate; // absolute URL of the HTML page the feed follows (rel="alternate")
  std::string author;    // feed-level author (required when an entry has none)
  std::vector<AtomEntry> entries;  // newest first
};

// The feed as an Atom 1.0 XML document.
std::string RenderAtomFeed(const AtomFeed& feed);

// A 200 response with the feed as application/atom+xml.
HttpResponse AtomResponse(const AtomFeed& feed);

// `iso` as an RFC 3339 date-time: "2024-03-05T10:00:00.123Z" and offsets stay as they
// are, a missing zone becomes Z, a plain date "2024-03-05" becomes midnight UTC.
// Anything else → nullopt.
std::optional<std::string> Rfc3339(std::string_view iso);

// A permanent entry id for the activity `activity_id`: "urn:uuid:<id>" when it is a UUID,
// else a tag URI (RFC 4151) under the site's host name.
std::string AtomEntryId(std::string_view site_url, std::string_view activity_id);

}  // namespace pintu::http::web
