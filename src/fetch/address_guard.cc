#include "fetch/address_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstddef>
#include <cstring>

namespace pintu::fetch {
namespace {

std::string Ipv4Text(const std::array<uint8_t, 4>& o) {
  char text[INET_ADDRSTRLEN] = {};
  inet_ntop(AF_INET, o.data(), text, sizeof text);
  return text;
}

std::string Ipv6Text(const std::array<uint8_t, 16>& b) {
  char text[INET6_ADDRSTRLEN] = {};
  inet_ntop(AF_INET6, b.data(), text, sizeof text);
  return text;
}

bool AllZero(const std::array<uint8_t, 16>& b, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i)
    if (b[i] != 0) return false;
  return true;
}

std::array<uint8_t, 4> Take4(const std::array<uint8_t, 16>& b, size_t at) {
  return {b[at], b[at + 1], b[at + 2], b[at + 3]};
}

}  // namespace

AddressClass ClassifyIpv4(const std::array<uint8_t, 4>& o) {
  const uint8_t a = o[0], b = o[1], c = o[2];
  if (a == 0) return AddressClass::kUnspecified;                         // 0.0.0.0/8
  if (a == 10) return AddressClass::kPrivate;                            // 10/8
  if (a == 100 && (b & 0xC0) == 64) return AddressClass::kPrivate;       // 100.64/10 CGNAT
  if (a == 127) return AddressClass::kLoopback;                          // 127/8
  if (a == 169 && b == 254) return AddressClass::kLinkLocal;             // 169.254/16
  if (a == 172 && (b & 0xF0) == 16) return AddressClass::kPrivate;       // 172.16/12
  if (a == 192 && b == 0 && c == 0) return AddressClass::kReserved;      // 192.0.0/24 IETF
  if (a == 192 && b == 0 && c == 2) return AddressClass::kDocumentation; // TEST-NET-1
  if (a == 192 && b == 88 && c == 99) return AddressClass::kReserved;    // 6to4 relay anycast
  if (a == 192 && b == 168) return AddressClass::kPrivate;               // 192.168/16
  if (a == 198 && (b & 0xFE) == 18) return AddressClass::kReserved;      // 198.18/15 benchmarking
  if (a == 198 && b == 51 && c == 100) return AddressClass::kDocumentation;  // TEST-NET-2
  if (a == 203 && b == 0 && c == 113) return AddressClass::kDocumentation;   // TEST-NET-3
  if (a == 255 && b == 255 && c == 255 && o[3] == 255) return AddressClass::kBroadcast;
  if (a >= 224 && a < 240) return AddressClass::kMulticast;              // 224/4
  if (a >= 240) return AddressClass::kReserved;                          // 240/4
  return AddressClass::kPublic;
}

std::optional<std::array<uint8_t, 4>> EmbeddedIpv4(const std::array<uint8_t, 16>& b) {
  // ::ffff:a.b.c.d (mapped)
  if (AllZero(b, 0, 10) && b[10] == 0xFF && b[11] == 0xFF) return Take4(b, 12);
  // ::a.b.c.d (compatible, deprecated); :: and ::1 are not IPv4 forms.
  if (AllZero(b, 0, 12) && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1)) return Take4(b, 12);
  // ::ffff:0:a.b.c.d (translated, SIIT)
  if (AllZero(b, 0, 8) && b[8] == 0xFF && b[9] == 0xFF && b[10] == 0 && b[11] == 0) return Take4(b, 12);
  // 64:ff9b::/96 (well-known NAT64 prefix)
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && AllZero(b, 4, 12)) return Take4(b, 12);
  // 2002:AABB:CCDD::/48 (6to4)
  if (b[0] == 0x20 && b[1] == 0x02) return Take4(b, 2);
  return std::nullopt;
}

AddressClass ClassifyIpv6(const std::array<uint8_t, 16>& b) {
  if (AllZero(b, 0, 16)) return AddressClass::kUnspecified;                       // ::
  if (AllZero(b, 0, 15) && b[15] == 1) return AddressClass::kLoopback;            // ::1
  if (auto v4 = EmbeddedIpv4(b)) return ClassifyIpv4(*v4);
  if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4] == 0x00 && b[5] == 0x01)
    return AddressClass::kPrivate;                                                // 64:ff9b:1::/48
  if (b[0] == 0xFF) return AddressClass::kMulticast;                              // ff00::/8
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return AddressClass::kLinkLocal;     // fe80::/10
  if (b[0] == 0xFE && (b[1] & 0xC0) == 0xC0) return AddressClass::kPrivate;       // fec0::/10
  if ((b[0] & 0xFE) == 0xFC) return AddressClass::kPrivate;                       // fc00::/7
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8)
    return AddressClass::kDocumentation;                                          // 2001:db8::/32
  if (b[0] == 0x3F && b[1] == 0xFF && (b[2] & 0xF0) == 0) return AddressClass::kDocumentation;  // 3fff::/20
  if (b[0] == 0x20 && b[1] == 0x01 && b[2] < 0x02) return AddressClass::kReserved;  // 2001::/23 incl. Teredo
  if ((b[0] & 0xE0) == 0x20) return AddressClass::kPublic;                         // 2000::/3
  return AddressClass::kReserved;
}

bool IsAllowed(AddressClass address_class, const AddressPolicy& policy) {
  switch (address_class) {
    case AddressClass::kPublic: return true;
    case AddressClass::kLoopback: return policy.allow_loopback;
    case AddressClass::kPrivate: return policy.allow_private;
    default: return false;
  }
}

AddressVerdict CheckAddress(const sockaddr* address, socklen_t length, const AddressPolicy& policy) {
  AddressVerdict verdict;
  if (address == nullptr || length < static_cast<socklen_t>(sizeof(sa_family_t))) return verdict;
  sa_family_t family = 0;
  std::memcpy(&family, reinterpret_cast<const char*>(address) + offsetof(sockaddr, sa_family), sizeof family);
  if (family == AF_INET && length >= static_cast<socklen_t>(sizeof(sockaddr_in))) {
    sockaddr_in in{};
    std::memcpy(&in, address, sizeof in);
    std::array<uint8_t, 4> octets{};
    std::memcpy(octets.data(), &in.sin_addr, 4);
    verdict.address_class = ClassifyIpv4(octets);
    verdict.address = Ipv4Text(octets);
  } else if (family == AF_INET6 && length >= static_cast<socklen_t>(sizeof(sockaddr_in6))) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, address, sizeof in6);
    std::array<uint8_t, 16> bytes{};
    std::memcpy(bytes.data(), &in6.sin6_addr, 16);
    verdict.address_class = ClassifyIpv6(bytes);
    verdict.address = Ipv6Text(bytes);
    if (auto v4 = EmbeddedIpv4(bytes)) verdict.embedded_ipv4 = Ipv4Text(*v4);
  } else {
    return verdict;
  }
  verdict.allowed = IsAllowed(verdict.address_class, policy);
  return verdict;
}

std::string_view AddressClassName(AddressClass address_class) {
  switch (address_class) {
    case AddressClass::kPublic: return "public";
    case AddressClass::kLoopback: return "loopback";
    case AddressClass::kPrivate: return "private";
    case AddressClass::kLinkLocal: return "link-local";
    case AddressClass::kUnspecified: return "unspecified";
    case AddressClass::kMulticast: return "multicast";
    case AddressClass::kBroadcast: return "broadcast";
    case AddressClass::kDocumentation: return "documentation";
    case AddressClass::kReserved: return "reserved";
  }
  return "reserved";
}

std::string_view AddressClassReason(AddressClass address_class, std::string_view language) {
  const bool zh = language == "zh-TW";
  switch (address_class) {
    case AddressClass::kPublic:
      return zh ? "公開網際網路位址" : "a public Internet address";
    case AddressClass::kLoopback:
      return zh ? "本機回送位址（伺服器自己），除非設定 fetch_allow_loopback，否則不連線"
                : "a loopback address (the server itself); refused unless fetch_allow_loopback is set";
    case AddressClass::kPrivate:
      return zh ? "私有網路位址，除非設定 fetch_allow_private，否則不連線"
                : "a private network address; refused unless fetch_allow_private is set";
    case AddressClass::kLinkLocal:
      return zh ? "鏈路本地位址（含雲端中繼資料服務 169.254.169.254），一律不連線"
                : "a link-local address (including cloud metadata services such as 169.254.169.254); always refused";
    case AddressClass::kUnspecified:
      return zh ? "未指定位址（0.0.0.0 或 ::），一律不連線" : "an unspecified address (0.0.0.0 or ::); always refused";
    case AddressClass::kMulticast:
      return zh ? "多點傳送位址，一律不連線" : "a multicast address; always refused";
    case AddressClass::kBroadcast:
      return zh ? "廣播位址，一律不連線" : "the broadcast address; always refused";
    case AddressClass::kDocumentation:
      return zh ? "僅供文件範例使用的位址，一律不連線" : "an address reserved for documentation; always refused";
    case AddressClass::kReserved:
      return zh ? "保留位址，不屬於公開網際網路，一律不連線"
                : "a reserved address that is not part of the public Internet; always refused";
  }
  return zh ? "保留位址" : "a reserved address";
}

}  // namespace pintu::fetch
