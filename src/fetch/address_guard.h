// Decides whether an outgoing request may connect to a resolved IP address.
//
// Pintu fetches URLs that users type (resource links, repositories, harvest sources).
// Without a guard such a URL can make the server talk to itself (127.0.0.1), to the
// office network (10.x, 192.168.x) or to a cloud metadata service (169.254.169.254) —
// server-side request forgery. The guard classifies the address the resolver returned
// (never the text of the URL: http://2130706433/ and http://0x7f.1/ are 127.0.0.1) and
// the fetcher applies it to every connection it opens, every redirect hop included.
//
// Refused unless allowed by the policy:
//   loopback   127.0.0.0/8, ::1                          (allow_loopback)
//   private    10/8, 172.16/12, 192.168/16, 100.64/10 (carrier-grade NAT),
//              fc00::/7 (unique local), fec0::/10 (old site-local),
//              64:ff9b:1::/48 (local-use NAT64)           (allow_private)
// Always refused: 0.0.0.0/8 and ::, link-local 169.254/16 (cloud metadata) and
// fe80::/10, multicast, broadcast, documentation, benchmarking and other reserved
// ranges, and every IPv6 address outside global unicast 2000::/3.
// IPv6 forms that embed an IPv4 address are judged by the embedded address:
// IPv4-mapped ::ffff:a.b.c.d, IPv4-compatible ::a.b.c.d, IPv4-translated
// ::ffff:0:a.b.c.d, NAT64 64:ff9b::/96 and 6to4 2002::/16. Teredo (2001::/32) hides its
// address and is refused as reserved.
#pragma once

#include <sys/socket.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pintu::fetch {

// What kind of address an IP address is, for the purpose of outgoing requests.
enum class AddressClass {
  kPublic,         // globally routable unicast: always allowed
  kLoopback,       // this host
  kPrivate,        // a private or carrier-grade NAT network
  kLinkLocal,      // this link only, including cloud metadata services
  kUnspecified,    // 0.0.0.0/8, :: ("this network")
  kMulticast,      // 224/4, ff00::/8
  kBroadcast,      // 255.255.255.255
  kDocumentation,  // 192.0.2/24, 198.51.100/24, 203.0.113/24, 2001:db8::/32, 3fff::/20
  kReserved,       // anything else that is not public unicast
};

// Which refused classes an operator allows (tests allow loopback for their own server).
struct AddressPolicy {
  bool allow_loopback = false;  // config key fetch_allow_loopback
  bool allow_private = false;   // config key fetch_allow_private
};

// The classification of one address and whether the policy lets it through.
struct AddressVerdict {
  bool allowed = false;
  AddressClass address_class = AddressClass::kReserved;
  std::string address;  // the address as text ("10.0.0.1", "::ffff:127.0.0.1")
  // For IPv6 forms that embed an IPv4 address (mapped, NAT64, 6to4 …): that address.
  std::optional<std::string> embedded_ipv4;
};

// Classifies an IPv4 address given in network byte order (a.b.c.d = {a, b, c, d}).
AddressClass ClassifyIpv4(const std::array<uint8_t, 4>& octets);
// Classifies an IPv6 address given as its 16 bytes in network order. Forms that embed an
// IPv4 address take the class of the embedded address.
AddressClass ClassifyIpv6(const std::array<uint8_t, 16>& bytes);

// The IPv4 address an IPv6 address embeds (mapped, compatible, translated, NAT64, 6to4),
// or nullopt when it embeds none.
std::optional<std::array<uint8_t, 4>> EmbeddedIpv4(const std::array<uint8_t, 16>& bytes);

// True when `address_class` may be contacted under `policy`.
bool IsAllowed(AddressClass address_class, const AddressPolicy& policy);

// Judges a socket address as returned by the resolver (AF_INET or AF_INET6). Any other
// family, a null pointer or a length too short for the family is refused as reserved.
AddressVerdict CheckAddress(const sockaddr* address, socklen_t length, const AddressPolicy& policy);

// Stable lower-case name of a class ("loopback", "private", "link-local" …) for logs
// and stored evidence.
std::string_view AddressClassName(AddressClass address_class);
// A sentence saying why addresses of this class are refused, in English ("en") or
// Traditional Chinese ("zh-TW"; any other language gets English).
std::string_view AddressClassReason(AddressClass address_class, std::string_view language);

}  // namespace pintu::fetch
