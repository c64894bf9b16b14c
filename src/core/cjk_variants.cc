#include "core/cjk_variants.h"

#include <algorithm>
#include <iterator>

namespace pintu {
namespace {

struct Entry {
  char32_t from;
  char32_t to;
};

// Sorted by `from`. Each entry checked against the Unicode character name (comment)
// and the radical's usual ideograph (Unicode CJKRadicals.txt). Radical forms without
// a clear stand-alone ideograph are left out on purpose. U+2E9F and U+2EF3 are
// mapped by NFKC itself and are therefore absent.
constexpr Entry kTable[] = {
    {U'\u2E81', U'\u5382'},  // CJK RADICAL CLIFF → 厂
    {U'\u2E85', U'\u4EBB'},  // CJK RADICAL PERSON → 亻
    {U'\u2E89', U'\u5202'},  // CJK RADICAL KNIFE TWO → 刂
    {U'\u2E8A', U'\u535C'},  // CJK RADICAL DIVINATION → 卜
    {U'\u2E92', U'\u5DF3'},  // CJK RADICAL SNAKE → 巳
    {U'\u2E96', U'\u5FC4'},  // CJK RADICAL HEART ONE → 忄
    {U'\u2E98', U'\u624C'},  // CJK RADICAL HAND → 扌
    {U'\u2E9D', U'\u6708'},  // CJK RADICAL MOON → 月
    {U'\u2EA0', U'\u6C11'},  // CJK RADICAL CIVILIAN → 民
    {U'\u2EA1', U'\u6C35'},  // CJK RADICAL WATER ONE → 氵
    {U'\u2EA2', U'\u6C3A'},  // CJK RADICAL WATER TWO → 氺
    {U'\u2EA3', U'\u706C'},  // CJK RADICAL FIRE → 灬
    {U'\u2EA4', U'\u722B'},  // CJK RADICAL PAW ONE → 爫
    {U'\u2EA8', U'\u72AD'},  // CJK RADICAL DOG → 犭
    {U'\u2EA9', U'\u738B'},  // CJK RADICAL JADE → 王
    {U'\u2EAC', U'\u793A'},  // CJK RADICAL SPIRIT ONE → 示
    {U'\u2EAD', U'\u793B'},  // CJK RADICAL SPIRIT TWO → 礻
    {U'\u2EAF', U'\u7CF9'},  // CJK RADICAL SILK → 糹
    {U'\u2EB0', U'\u7E9F'},  // CJK RADICAL C-SIMPLIFIED SILK → 纟
    {U'\u2EB2', U'\u7F52'},  // CJK RADICAL NET TWO → 罒
    {U'\u2EB9', U'\u8002'},  // CJK RADICAL OLD → 耂
    {U'\u2EBB', U'\u807F'},  // CJK RADICAL BRUSH TWO → 聿
    {U'\u2EC1', U'\u864E'},  // CJK RADICAL TIGER → 虎
    {U'\u2EC2', U'\u8864'},  // CJK RADICAL CLOTHES → 衤
    {U'\u2EC3', U'\u8980'},  // CJK RADICAL WEST ONE → 覀
    {U'\u2EC4', U'\u897F'},  // CJK RADICAL WEST TWO → 西
    {U'\u2EC5', U'\u89C1'},  // CJK RADICAL C-SIMPLIFIED SEE → 见
    {U'\u2EC8', U'\u8BA0'},  // CJK RADICAL C-SIMPLIFIED SPEECH → 讠
    {U'\u2EC9', U'\u8D1D'},  // CJK RADICAL C-SIMPLIFIED SHELL → 贝
    {U'\u2ECB', U'\u8F66'},  // CJK RADICAL C-SIMPLIFIED CART → 车
    {U'\u2ECC', U'\u8FB6'},  // CJK RADICAL SIMPLIFIED WALK → 辶
    {U'\u2ECD', U'\u8FB6'},  // CJK RADICAL WALK ONE → 辶
    {U'\u2ECF', U'\u961D'},  // CJK RADICAL CITY → 阝
    {U'\u2ED0', U'\u9485'},  // CJK RADICAL C-SIMPLIFIED GOLD → 钅
    {U'\u2ED1', U'\u9577'},  // CJK RADICAL LONG ONE → 長
    {U'\u2ED2', U'\u9578'},  // CJK RADICAL LONG TWO → 镸
    {U'\u2ED3', U'\u957F'},  // CJK RADICAL C-SIMPLIFIED LONG → 长
    {U'\u2ED4', U'\u95E8'},  // CJK RADICAL C-SIMPLIFIED GATE → 门
    {U'\u2ED6', U'\u961D'},  // CJK RADICAL MOUND TWO → 阝
    {U'\u2ED8', U'\u9752'},  // CJK RADICAL BLUE → 青
    {U'\u2EDA', U'\u9875'},  // CJK RADICAL C-SIMPLIFIED LEAF → 页
    {U'\u2EDB', U'\u98CE'},  // CJK RADICAL C-SIMPLIFIED WIND → 风
    {U'\u2EDC', U'\u98DE'},  // CJK RADICAL C-SIMPLIFIED FLY → 飞
    {U'\u2EDD', U'\u98DF'},  // CJK RADICAL EAT ONE → 食
    {U'\u2EDE', U'\u98DF'},  // CJK RADICAL EAT TWO → 食 (side form 飠; searched as 食)
    {U'\u2EDF', U'\u9963'},  // CJK RADICAL EAT THREE → 饣
    {U'\u2EE0', U'\u9963'},  // CJK RADICAL C-SIMPLIFIED EAT → 饣
    {U'\u2EE2', U'\u9A6C'},  // CJK RADICAL C-SIMPLIFIED HORSE → 马
    {U'\u2EE3', U'\u9AA8'},  // CJK RADICAL BONE → 骨
    {U'\u2EE4', U'\u9B3C'},  // CJK RADICAL GHOST → 鬼
    {U'\u2EE5', U'\u9C7C'},  // CJK RADICAL C-SIMPLIFIED FISH → 鱼
    {U'\u2EE6', U'\u9E1F'},  // CJK RADICAL C-SIMPLIFIED BIRD → 鸟
    {U'\u2EE7', U'\u5364'},  // CJK RADICAL C-SIMPLIFIED SALT → 卤
    {U'\u2EE8', U'\u9EA6'},  // CJK RADICAL SIMPLIFIED WHEAT → 麦
    {U'\u2EE9', U'\u9EC4'},  // CJK RADICAL SIMPLIFIED YELLOW → 黄
    {U'\u2EEA', U'\u9EFE'},  // CJK RADICAL C-SIMPLIFIED FROG → 黾
    {U'\u2EEB', U'\u6589'},  // CJK RADICAL J-SIMPLIFIED EVEN → 斉
    {U'\u2EEC', U'\u9F50'},  // CJK RADICAL C-SIMPLIFIED EVEN → 齐
    {U'\u2EED', U'\u6B6F'},  // CJK RADICAL J-SIMPLIFIED TOOTH → 歯
    {U'\u2EEE', U'\u9F7F'},  // CJK RADICAL C-SIMPLIFIED TOOTH → 齿
    {U'\u2EEF', U'\u7ADC'},  // CJK RADICAL J-SIMPLIFIED DRAGON → 竜
    {U'\u2EF0', U'\u9F99'},  // CJK RADICAL C-SIMPLIFIED DRAGON → 龙
    {U'\u2EF2', U'\u4E80'},  // CJK RADICAL J-SIMPLIFIED TURTLE → 亀
    {U'\u31CF', U'\u4E40'},  // CJK STROKE N → 乀
    {U'\u31D0', U'\u4E00'},  // CJK STROKE H → 一
    {U'\u31D1', U'\u4E28'},  // CJK STROKE S → 丨
    {U'\u31D2', U'\u4E3F'},  // CJK STROKE P → 丿
    {U'\u31D4', U'\u4E36'},  // CJK STROKE D → 丶
    {U'\u31D6', U'\u4E5B'},  // CJK STROKE HG → 乛
    {U'\u31DA', U'\u4E85'},  // CJK STROKE SG → 亅
    {U'\u31DF', U'\u4E5A'},  // CJK STROKE SWG → 乚
    {U'\u31E0', U'\u4E59'},  // CJK STROKE HXWG → 乙
};

static_assert(std::ranges::is_sorted(kTable, {}, &Entry::from));

}  // namespace

char32_t MapCjkVariant(char32_t cp) {
  if (cp < 0x2E80 || cp > 0x31EF) return cp;
  auto it = std::ranges::lower_bound(kTable, cp, {}, &Entry::from);
  return (it != std::end(kTable) && it->from == cp) ? it->to : cp;
}

}  // namespace pintu
