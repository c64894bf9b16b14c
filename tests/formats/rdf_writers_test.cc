// The RDF model and its three writers (Turtle, JSON-LD, RDF/XML), including hostile text
// and IRIs. The SHACL harness (tests/conformance/shacl) parses the same outputs with
// independent parsers (n3, jsonld, rdfxml-streaming-parser).
#include <boost/json.hpp>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "formats/rdf/model.h"
#include "formats/rdf/vocab.h"
#include "formats/rdf/writers.h"
#include "formats/rdf/xsd_literals.h"
#include "support/mini_xml.h"

namespace pintu::rdf {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

const std::string kHostile = "He said \"hi\" \\ back\nline2\r\tx ]]> <script>alert(1)</script> & 'q'";

Graph SampleGraph() {
  Graph g;
  ns::DeclareCommonPrefixes(g);
  Term ds = Term::Iri("https://data.example.tw/dataset/ltc");
  g.Add(ds, ns::Iri(ns::kRdf, "type"), ns::Iri(ns::kDcat, "Dataset"));
  g.Add(ds, ns::Iri(ns::kDct, "title"), Term::Literal("長照服務", "zh-TW"));
  g.Add(ds, ns::Iri(ns::kDct, "title"), Term::Literal("Long-term care", "en"));
  g.Add(ds, ns::Iri(ns::kDct, "description"), Term::Literal(kHostile));
  g.Add(ds, ns::Iri(ns::kDcat, "byteSize"), *XsdNonNegativeInteger(42));
  Term blank = g.NewBlank();
  g.Add(ds, ns::Iri(ns::kDct, "temporal"), blank);
  g.Add(blank, ns::Iri(ns::kDcat, "startDate"), *XsdDateOrTime("2025-01-01"));
  // An IRI whose local part is not a plain name is written in full.
  g.Add(ds, ns::Iri(ns::kDcat, "landingPage"), Term::Iri("https://example.tw/a b?x=<1>&y=\"2\""));
  return g;
}

TEST(RdfModel, CleanIriPercentEncodesUnsafeCharactersAndRejectsRelativeOnes) {
  EXPECT_EQ(CleanIri("https://x.tw/a b<c>\"d\"{e}|f^g`h\\i"),
            "https://x.tw/a%20b%3Cc%3E%22d%22%7Be%7D%7Cf%5Eg%60h%5Ci");
  EXPECT_EQ(CleanIri("https://x.tw/臺北"), "https://x.tw/臺北");      // IRIs may hold Unicode
  EXPECT_EQ(CleanIri("https://x.tw/\xff\xfe"), "https://x.tw/%FF%FE");  // invalid UTF-8
  EXPECT_EQ(CleanIri("https://x.tw/100%"), "https://x.tw/100%25");
  EXPECT_EQ(CleanIri("https://x.tw/%41"), "https://x.tw/%41");
  EXPECT_EQ(CleanIri("https://x.tw/\n\x01"), "https://x.tw/%0A%01");
  EXPECT_EQ(CleanIri("/relative/path"), std::nullopt);
  EXPECT_EQ(CleanIri("no scheme"), std::nullopt);
  EXPECT_EQ(CleanIri("1http://x"), std::nullopt);
  EXPECT_EQ(CleanIri("http:"), std::nullopt);
  EXPECT_EQ(CleanIri(""), std::nullopt);
  EXPECT_EQ(CleanIri("https://x.tw/" + std::string(9000, 'a')), std::nullopt);
  // A bad IRI given to Term::Iri still yields a writable IRI.
  EXPECT_EQ(Term::Iri("not an iri").value, "urn:invalid:not%20an%20iri");
}

TEST(RdfModel, LiteralTextIsValidUtf8WithoutControlCharacters) {
  EXPECT_EQ(CleanLiteralText("a\x01" "b\x7F" "c\td\ne\rf"), "ab\x7F" "c\td\ne\rf");
  EXPECT_EQ(CleanLiteralText("bad\xC3(utf8"), "bad\xEF\xBF\xBD(utf8");
  EXPECT_EQ(CleanLiteralText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // a surrogate
  EXPECT_EQ(CleanLiteralText("x\xEF\xBF\xBEy"), "xy");  // U+FFFE
  EXPECT_EQ(Term::Literal("t", "zh-TW").language, "zh-TW");
  EXPECT_EQ(Term::Literal("t", "zh TW\"@").language, "");  // not a language tag: dropped
  EXPECT_EQ(Term::Literal("t", "123").language, "");
  EXPECT_EQ(Term::Blank("b-1 <x>").value, "b1x");
  EXPECT_EQ(Term::Blank("").value, "b");
}

TEST(RdfModel, GraphIgnoresDuplicatesAndMalformedTriples) {
  Graph g;
  Term s = Term::Iri("https://x.tw/s");
  Term p = Term::Iri("https://x.tw/p");
  EXPECT_TRUE(g.Add(s, p, Term::Literal("a")));
  EXPECT_FALSE(g.Add(s, p, Term::Literal("a")));
  EXPECT_TRUE(g.Add(s, p, Term::Literal("a", "en")));  // a different literal
  EXPECT_FALSE(g.Add(Term::Literal("x"), p, s));       // literal subject
  EXPECT_FALSE(g.Add(s, Term::Blank("b"), s));         // blank predicate
  EXPECT_EQ(g.size(), 2u);
  g.SetPrefix("bad prefix", "https://x.tw/");
  g.SetPrefix("ok", "https://x.tw/");
  ASSERT_EQ(g.prefixes().size(), 1u);
  EXPECT_EQ(g.prefixes()[0].first, "ok");
}

TEST(XsdLiterals, DatesAreTypedByShapeAndImpossibleOnesRefused) {
  EXPECT_EQ(XsdDateOrTime("2025")->datatype, std::string(ns::kXsd) + "gYear");
  EXPECT_EQ(XsdDateOrTime("2025-07")->datatype, std::string(ns::kXsd) + "gYearMonth");
  EXPECT_EQ(XsdDateOrTime("2024-02-29")->datatype, std::string(ns::kXsd) + "date");
  EXPECT_EQ(XsdDateOrTime("2025-07-02 03:04:05")->value, "2025-07-02T03:04:05");
  EXPECT_EQ(XsdDateOrTime("2025-07-02T03:04:05.123456Z")->datatype, std::string(ns::kXsd) + "dateTime");
  EXPECT_TRUE(XsdDateOrTime("2025-07-02T03:04:05+08:00"));
  for (std::string_view bad : {"", "2025-13", "2023-02-29", "2025-04-31", "2025-07-02T25:00:00", "114-07-02",
                               "2025/07/02", "2025-07-02T03:04", "2025-07-02T03:04:05+8", "0000", "2025-07-02x"})
    EXPECT_FALSE(XsdDateOrTime(bad)) << bad;
  EXPECT_EQ(XsdDateTimeFromMillis(1764256732123).value, "2025-11-27T15:18:52.123Z");
  EXPECT_EQ(XsdDecimal(12.5)->value, "12.5");
  EXPECT_EQ(XsdDecimal(405)->value, "405");
  EXPECT_EQ(XsdDecimal(-0.0)->value, "0");
  EXPECT_EQ(XsdDecimal(1.0 / 3)->value, "0.333333");
  EXPECT_FALSE(XsdDecimal(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_FALSE(XsdDecimal(std::numeric_limits<double>::infinity()));
  EXPECT_FALSE(XsdNonNegativeInteger(-1));
}

TEST(TurtleWriter, WritesPrefixesGroupedPredicatesAndEscapedLiterals) {
  std::string ttl = WriteTurtle(SampleGraph());
  EXPECT_THAT(ttl, HasSubstr("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"));
  EXPECT_THAT(ttl, HasSubstr("<https://data.example.tw/dataset/ltc>\n    a dcat:Dataset ;"));
  EXPECT_THAT(ttl, HasSubstr("dct:title \"長照服務\"@zh-TW, \"Long-term care\"@en ;"));
  EXPECT_THAT(ttl, HasSubstr("\"He said \\\"hi\\\" \\\\ back\\nline2\\r\\tx ]]> <script>alert(1)</script> & 'q'\""));
  EXPECT_THAT(ttl, HasSubstr("dcat:byteSize \"42\"^^xsd:nonNegativeInteger"));
  EXPECT_THAT(ttl, HasSubstr("dct:temporal _:b1"));
  EXPECT_THAT(ttl, HasSubstr("_:b1\n    dcat:startDate \"2025-01-01\"^^xsd:date .\n"));
  EXPECT_THAT(ttl, HasSubstr("<https://example.tw/a%20b?x=%3C1%3E&y=%222%22>"));
  // No raw newline inside a literal: every statement line starts a term or ends a block.
  EXPECT_THAT(ttl, Not(HasSubstr("back\n")));
}

TEST(JsonLdWriter, WritesACompactedDocumentThatReadsBackToTheSameValues) {
  std::string text = WriteJsonLd(SampleGraph());
  boost::json::value doc = boost::json::parse(text);
  const auto& ctx = doc.at("@context").as_object();
  EXPECT_EQ(ctx.at("dct").as_string(), "http://purl.org/dc/terms/");
  const auto& nodes = doc.at("@graph").as_array();
  ASSERT_EQ(nodes.size(), 2u);
  const auto& ds = nodes[0].as_object();
  EXPECT_EQ(ds.at("@id").as_string(), "https://data.example.tw/dataset/ltc");
  EXPECT_EQ(ds.at("@type").as_array()[0].as_string(), "dcat:Dataset");
  const auto& titles = ds.at("dct:title").as_array();
  EXPECT_EQ(titles[0].at("@value").as_string(), "長照服務");
  EXPECT_EQ(titles[0].at("@language").as_string(), "zh-TW");
  EXPECT_EQ(ds.at("dct:description").as_array()[0].at("@value").as_string(), kHostile);
  EXPECT_EQ(ds.at("dcat:byteSize").as_array()[0].at("@type").as_string(), "xsd:nonNegativeInteger");
  EXPECT_EQ(ds.at("dct:temporal").as_array()[0].at("@id").as_string(), "_:b1");
  EXPECT_EQ(ds.at("dcat:landingPage").as_array()[0].at("@id").as_string(),
            "https://example.tw/a%20b?x=%3C1%3E&y=%222%22");
  EXPECT_EQ(nodes[1].at("@id").as_string(), "_:b1");
}

TEST(RdfXmlWriter, WritesWellFormedXmlWhoseTextReadsBackUnchanged) {
  auto xml = WriteRdfXml(SampleGraph());
  ASSERT_TRUE(xml.has_value());
  EXPECT_THAT(*xml, Not(HasSubstr("]]>")));
  EXPECT_THAT(*xml, Not(HasSubstr("<script>")));
  EXPECT_THAT(*xml, HasSubstr("&#13;"));  // a raw CR would be read back as LF
  auto doc = test::ParseXml(*xml);
  ASSERT_TRUE(doc.has_value()) << (doc ? "" : doc.error());
  EXPECT_EQ(doc->name, "rdf:RDF");
  const auto descriptions = doc->All("rdf:Description");
  ASSERT_EQ(descriptions.size(), 2u);
  const test::XmlNode& ds = *descriptions[0];
  EXPECT_EQ(ds.Attr("rdf:about"), "https://data.example.tw/dataset/ltc");
  EXPECT_EQ(ds.Child("rdf:type")->Attr("rdf:resource"), "http://www.w3.org/ns/dcat#Dataset");
  EXPECT_EQ(ds.Child("dct:title")->Attr("xml:lang"), "zh-TW");
  EXPECT_EQ(ds.ChildText("dct:title"), "長照服務");
  EXPECT_EQ(ds.ChildText("dct:description"), kHostile);
  EXPECT_EQ(ds.Child("dcat:byteSize")->Attr("rdf:datatype"), "http://www.w3.org/2001/XMLSchema#nonNegativeInteger");
  EXPECT_EQ(ds.Child("dct:temporal")->Attr("rdf:nodeID"), "b1");
  EXPECT_EQ(descriptions[1]->Attr("rdf:nodeID"), "b1");
}

TEST(RdfXmlWriter, RefusesAPropertyItCannotName) {
  Graph g;
  g.Add(Term::Iri("https://x.tw/s"), Term::Iri("https://x.tw/undeclared/p"), Term::Literal("v"));
  auto xml = WriteRdfXml(g);
  ASSERT_FALSE(xml.has_value());
  EXPECT_EQ(xml.error().code, ErrorCode::kInternal);
  // Turtle and JSON-LD write the full IRI instead.
  EXPECT_THAT(WriteTurtle(g), HasSubstr("<https://x.tw/undeclared/p>"));
  EXPECT_THAT(WriteJsonLd(g), HasSubstr("\"https://x.tw/undeclared/p\""));
}

TEST(RdfWriters, SyntaxNamesAndContentTypes) {
  EXPECT_EQ(ContentType(Syntax::kTurtle), "text/turtle;charset=utf-8");
  EXPECT_EQ(ContentType(Syntax::kJsonLd), "application/ld+json;charset=utf-8");
  EXPECT_EQ(ContentType(Syntax::kRdfXml), "application/rdf+xml;charset=utf-8");
  EXPECT_EQ(SyntaxFromExtension("ttl"), Syntax::kTurtle);
  EXPECT_EQ(SyntaxFromExtension("rdf"), Syntax::kRdfXml);
  EXPECT_EQ(SyntaxFromExtension("xml"), std::nullopt);
  EXPECT_EQ(FileExtension(Syntax::kJsonLd), "jsonld");
}

// Random bytes (every value 0–255, invalid UTF-8 included) as literal text and inside IRIs:
// the JSON-LD and RDF/XML documents always parse, and give back exactly the cleaned text.
TEST(RdfWriters, RandomBytesAlwaysYieldParseableDocumentsThatKeepTheCleanedText) {
  std::mt19937 rng(20261127);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 40);
  for (int round = 0; round < 300; ++round) {
    std::string text, iri_tail;
    for (int i = length(rng); i > 0; --i) text += static_cast<char>(byte(rng));
    for (int i = length(rng); i > 0; --i) iri_tail += static_cast<char>(byte(rng));
    Graph g;
    ns::DeclareCommonPrefixes(g);
    Term s = Term::Iri("https://x.tw/" + iri_tail);
    g.Add(s, ns::Iri(ns::kDct, "title"), Term::Literal(text, "zh-TW"));
    g.Add(s, ns::Iri(ns::kDct, "source"), Term::Iri("https://y.tw/" + text));
    const std::string want = CleanLiteralText(text);

    boost::system::error_code ec;
    boost::json::value doc = boost::json::parse(WriteJsonLd(g), ec);
    ASSERT_FALSE(ec) << "round " << round;
    const auto& node = doc.at("@graph").as_array()[0];
    EXPECT_EQ(node.at("dct:title").as_array()[0].at("@value").as_string(), want) << "round " << round;
    EXPECT_EQ(node.at("@id").as_string(), s.value);

    auto xml = WriteRdfXml(g);
    ASSERT_TRUE(xml.has_value());
    auto parsed = test::ParseXml(*xml);
    ASSERT_TRUE(parsed.has_value()) << "round " << round << ": " << parsed.error();
    const test::XmlNode& d = *parsed->All("rdf:Description")[0];
    EXPECT_EQ(d.ChildText("dct:title"), want) << "round " << round;
    EXPECT_EQ(d.Attr("rdf:about"), s.value);
    EXPECT_EQ(d.Child("dct:source")->Attr("rdf:resource"), g.triples()[1].object.value);

    // Turtle: no raw control character or line break can end up inside a literal or IRI.
    std::string ttl = WriteTurtle(g);
    size_t start = ttl.find("dct:title \"");
    ASSERT_NE(start, std::string::npos);
    size_t end = ttl.find("\"@zh-TW", start + 11);
    ASSERT_NE(end, std::string::npos) << "round " << round;
    for (size_t i = start; i < end; ++i)
      EXPECT_FALSE(static_cast<unsigned char>(ttl[i]) < 0x20) << "round " << round << " offset " << i;
  }
}

TEST(RdfWriters, AnEmptyGraphIsAValidEmptyDocument) {
  Graph g;
  EXPECT_EQ(WriteTurtle(g), "");
  EXPECT_EQ(boost::json::parse(WriteJsonLd(g)).at("@graph").as_array().size(), 0u);
  auto xml = WriteRdfXml(g);
  ASSERT_TRUE(xml);
  EXPECT_TRUE(test::ParseXml(*xml).has_value());
}

}  // namespace
}  // namespace pintu::rdf
