// The address guard on socket addresses as a resolver returns them. No network: literal
// addresses are parsed with inet_pton / getaddrinfo(AI_NUMERICHOST), which never sends
// a packet.
#include "fetch/address_guard.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netdb.h>
#include <netinet/in.h>

#include <cstring>
#include <string>

namespace pintu::fetch {
namespace {

const AddressPolicy kStrict{};
const AddressPolicy kLoopbackAllowed{.allow_loopback = true, .allow_private = false};
const AddressPolicy kPrivateAllowed{.allow_loopback = false, .allow_private = true};

AddressVerdict CheckText(const std::string& text, const AddressPolicy& policy = kStrict) {
  sockaddr_storage storage{};
  if (text.find(':') != std::string::npos) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&storage);
    a->sin6_family = AF_INET6;
    EXPECT_EQ(inet_pton(AF_INET6, text.c_str(), &a->sin6_addr), 1) << text;
    return CheckAddress(reinterpret_cast<sockaddr*>(&storage), sizeof(sockaddr_in6), policy);
  }
  auto* a = reinterpret_cast<sockaddr_in*>(&storage);
  a->sin_family = AF_INET;
  EXPECT_EQ(inet_pton(AF_INET, text.c_str(), &a->sin_addr), 1) << text;
  return CheckAddress(reinterpret_cast<sockaddr*>(&storage), sizeof(sockaddr_in), policy);
}

AddressClass ClassOf(const std::string& text) { return CheckText(text).address_class; }

// What the system resolver makes of a host spelling, without any network (numeric only).
AddressVerdict CheckResolved(const std::string& host, const AddressPolicy& policy = kStrict) {
  addrinfo hints{};
  hints.ai_flags = AI_NUMERICHOST;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* result = nullptr;
  int rc = getaddrinfo(host.c_str(), "80", &hints, &result);
  EXPECT_EQ(rc, 0) << host << ": " << gai_strerror(rc);
  if (rc != 0) return {};
  AddressVerdict v = CheckAddress(result->ai_addr, result->ai_addrlen, policy);
  freeaddrinfo(result);
  return v;
}

TEST(AddressGuardTest, PublicAddressesAreAllowed) {
  for (const char* a : {"8.8.8.8", "1.1.1.1", "140.112.8.116", "203.66.1.1", "2001:4860:4860::8888",
                        "2404:6800:4008::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:0808:0808::1"}) {
    AddressVerdict v = CheckText(a);
    EXPECT_TRUE(v.allowed) << a << " is " << AddressClassName(v.address_class);
    EXPECT_EQ(v.address_class, AddressClass::kPublic) << a;
  }
}

TEST(AddressGuardTest, LoopbackIsRefusedUnlessAllowed) {
  for (const char* a : {"127.0.0.1", "127.1.2.3", "127.255.255.254", "::1"}) {
    EXPECT_EQ(ClassOf(a), AddressClass::kLoopback) << a;
    EXPECT_FALSE(CheckText(a).allowed) << a;
    EXPECT_TRUE(CheckText(a, kLoopbackAllowed).allowed) << a;
    EXPECT_FALSE(CheckText(a, kPrivateAllowed).allowed) << a << ": private allowance does not cover loopback";
  }
}

TEST(AddressGuardTest, PrivateRangesAreRefusedUnlessAllowed) {
  for (const char* a : {"10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1",
                        "192.168.255.255", "100.64.0.1", "100.127.255.255", "fc00::1", "fd12:3456::1",
                        "fec0::1", "64:ff9b:1::a00:1"}) {
    EXPECT_EQ(ClassOf(a), AddressClass::kPrivate) << a;
    EXPECT_FALSE(CheckText(a).allowed) << a;
    EXPECT_TRUE(CheckText(a, kPrivateAllowed).allowed) << a;
    EXPECT_FALSE(CheckText(a, kLoopbackAllowed).allowed) << a << ": loopback allowance does not cover private";
  }
}

TEST(AddressGuardTest, RangeEdgesAreExact) {
  EXPECT_EQ(ClassOf("172.15.255.255"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("172.32.0.0"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("100.63.255.255"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("100.128.0.0"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("169.253.255.255"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("169.255.0.0"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("126.255.255.255"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("128.0.0.0"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("223.255.255.255"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("11.0.0.0"), AddressClass::kPublic);
  EXPECT_EQ(ClassOf("fbff:ffff::1"), AddressClass::kReserved);  // outside 2000::/3, not ULA
  EXPECT_EQ(ClassOf("fe7f::1"), AddressClass::kReserved);
  EXPECT_EQ(ClassOf("febf::1"), AddressClass::kLinkLocal);
}

TEST(AddressGuardTest, LinkLocalAndMetadataAreAlwaysRefused) {
  AddressPolicy everything{.allow_loopback = true, .allow_private = true};
  for (const char* a : {"169.254.169.254", "169.254.0.1", "fe80::1", "fe80::a9fe:a9fe", "::ffff:169.254.169.254"}) {
    EXPECT_EQ(ClassOf(a), AddressClass::kLinkLocal) << a;
    EXPECT_FALSE(CheckText(a, everything).allowed) << a;
  }
}

TEST(AddressGuardTest, SpecialPurposeRangesAreAlwaysRefused) {
  AddressPolicy everything{.allow_loopback = true, .allow_private = true};
  struct Case {
    const char* address;
    AddressClass expected;
  } cases[] = {
      {"0.0.0.0", AddressClass::kUnspecified},       {"0.1.2.3", AddressClass::kUnspecified},
      {"::", AddressClass::kUnspecified},            {"224.0.0.1", AddressClass::kMulticast},
      {"239.255.255.250", AddressClass::kMulticast}, {"ff02::1", AddressClass::kMulticast},
      {"ff0e::1", AddressClass::kMulticast},         {"255.255.255.255", AddressClass::kBroadcast},
      {"240.0.0.1", AddressClass::kReserved},        {"254.1.1.1", AddressClass::kReserved},
      {"192.0.0.8", AddressClass::kReserved},        {"192.88.99.1", AddressClass::kReserved},
      {"198.18.0.1", AddressClass::kReserved},       {"198.19.255.255", AddressClass::kReserved},
      {"192.0.2.1", AddressClass::kDocumentation},   {"198.51.100.7", AddressClass::kDocumentation},
      {"203.0.113.9", AddressClass::kDocumentation}, {"2001:db8::1", AddressClass::kDocumentation},
      {"3fff::1", AddressClass::kDocumentation},     {"100::1", AddressClass::kReserved},
      {"2001::1", AddressClass::kReserved},  // Teredo hides the real address
      {"2001:10::1", AddressClass::kReserved},       {"::2", AddressClass::kUnspecified},
  };
  for (const Case& c : cases) {
    AddressVerdict v = CheckText(c.address, everything);
    EXPECT_EQ(v.address_class, c.expected) << c.address << " is " << AddressClassName(v.address_class);
    EXPECT_FALSE(v.allowed) << c.address;
  }
}

TEST(AddressGuardTest, Ipv6FormsEmbeddingIpv4AreJudgedByTheEmbeddedAddress) {
  struct Case {
    const char* address;
    AddressClass expected;
    const char* embedded;
  } cases[] = {
      {"::ffff:127.0.0.1", AddressClass::kLoopback, "127.0.0.1"},   // IPv4-mapped
      {"::ffff:7f00:1", AddressClass::kLoopback, "127.0.0.1"},      // the same, hex spelling
      {"::127.0.0.1", AddressClass::kLoopback, "127.0.0.1"},        // IPv4-compatible
      {"::ffff:0:10.0.0.1", AddressClass::kPrivate, "10.0.0.1"},    // IPv4-translated
      {"::ffff:192.168.1.1", AddressClass::kPrivate, "192.168.1.1"},
      {"::ffff:0.0.0.0", AddressClass::kUnspecified, "0.0.0.0"},
      {"64:ff9b::a00:1", AddressClass::kPrivate, "10.0.0.1"},       // NAT64
      {"64:ff9b::7f00:1", AddressClass::kLoopback, "127.0.0.1"},
      {"64:ff9b::a9fe:a9fe", AddressClass::kLinkLocal, "169.254.169.254"},
      {"2002:c0a8:0101::1", AddressClass::kPrivate, "192.168.1.1"},  // 6to4
      {"2002:7f00:1::", AddressClass::kLoopback, "127.0.0.1"},
      {"2002:a9fe:a9fe::1", AddressClass::kLinkLocal, "169.254.169.254"},
  };
  for (const Case& c : cases) {
    AddressVerdict v = CheckText(c.address);
    EXPECT_EQ(v.address_class, c.expected) << c.address;
    EXPECT_FALSE(v.allowed) << c.address;
    ASSERT_TRUE(v.embedded_ipv4.has_value()) << c.address;
    EXPECT_EQ(*v.embedded_ipv4, c.embedded) << c.address;
  }
  EXPECT_TRUE(CheckText("::ffff:127.0.0.1", kLoopbackAllowed).allowed);
  EXPECT_FALSE(CheckText("2001:4860::1").embedded_ipv4.has_value());
}

// The text of a URL is not what the guard looks at: the resolver turns these spellings
// into 127.0.0.1, and that is what gets refused.
TEST(AddressGuardTest, NumericHostSpellingsResolveToLoopbackAndAreRefused) {
  for (const char* host : {"2130706433", "0x7f.1", "017700000001", "0x7f000001", "127.1", "0177.0.0.1", "127.0.1"}) {
    AddressVerdict v = CheckResolved(host);
    EXPECT_EQ(v.address, "127.0.0.1") << host;
    EXPECT_EQ(v.address_class, AddressClass::kLoopback) << host;
    EXPECT_FALSE(v.allowed) << host;
  }
  AddressVerdict metadata = CheckResolved("2852039166");  // 169.254.169.254
  EXPECT_EQ(metadata.address, "169.254.169.254");
  EXPECT_EQ(metadata.address_class, AddressClass::kLinkLocal);
  AddressVerdict private_hex = CheckResolved("0xa.0.0.1");
  EXPECT_EQ(private_hex.address, "10.0.0.1");
  EXPECT_FALSE(private_hex.allowed);
  AddressVerdict mapped = CheckResolved("::ffff:7f00:1");
  EXPECT_EQ(mapped.address_class, AddressClass::kLoopback);
}

TEST(AddressGuardTest, MalformedSocketAddressesAreRefused) {
  EXPECT_FALSE(CheckAddress(nullptr, 0, kStrict).allowed);
  sockaddr_in in{};
  in.sin_family = AF_INET;
  in.sin_addr.s_addr = htonl(0x08080808);
  EXPECT_TRUE(CheckAddress(reinterpret_cast<sockaddr*>(&in), sizeof in, kStrict).allowed);
  // Too short for its family.
  EXPECT_FALSE(CheckAddress(reinterpret_cast<sockaddr*>(&in), sizeof(in) - 1, kStrict).allowed);
  EXPECT_FALSE(CheckAddress(reinterpret_cast<sockaddr*>(&in), 1, kStrict).allowed);
  // An IPv4 family with an IPv6 length is still read as IPv4; an unknown family is refused.
  sockaddr_storage other{};
  other.ss_family = AF_UNIX;
  AddressVerdict v = CheckAddress(reinterpret_cast<sockaddr*>(&other), sizeof other, kStrict);
  EXPECT_FALSE(v.allowed);
  EXPECT_EQ(v.address_class, AddressClass::kReserved);
  sockaddr_in6 in6{};
  in6.sin6_family = AF_INET6;
  EXPECT_FALSE(CheckAddress(reinterpret_cast<sockaddr*>(&in6), sizeof(sockaddr_in), kStrict).allowed);
}

TEST(AddressGuardTest, ReasonsExistInBothLanguages) {
  for (AddressClass c : {AddressClass::kLoopback, AddressClass::kPrivate, AddressClass::kLinkLocal,
                         AddressClass::kUnspecified, AddressClass::kMulticast, AddressClass::kBroadcast,
                         AddressClass::kDocumentation, AddressClass::kReserved}) {
    std::string en(AddressClassReason(c, "en")), zh(AddressClassReason(c, "zh-TW"));
    EXPECT_FALSE(en.empty());
    EXPECT_NE(en, zh) << AddressClassName(c);
  }
  EXPECT_NE(std::string(AddressClassReason(AddressClass::kLinkLocal, "en")).find("169.254.169.254"), std::string::npos);
  EXPECT_NE(std::string(AddressClassReason(AddressClass::kPrivate, "zh-TW")).find("fetch_allow_private"),
            std::string::npos);
}

}  // namespace
}  // namespace pintu::fetch
