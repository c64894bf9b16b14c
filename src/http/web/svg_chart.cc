#include "http/web/svg_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "http/web/xml_writer.h"

namespace pintu::http::web {
namespace {

// The chart is drawn at its natural size (width/height) and only ever shrinks to fit.
std::string Open(std::string_view id, std::string_view title, std::string_view desc, int width, int height) {
  return fmt::format(
      "<svg class=\"chart\" role=\"img\" aria-labelledby=\"{0}-title {0}-desc\" width=\"{1}\" height=\"{2}\" "
      "viewBox=\"0 0 {1} {2}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{0}-title\">{3}</title>"
      "<desc id=\"{0}-desc\">{4}</desc>",
      XmlEscape(id), width, height, XmlEscape(title), XmlEscape(desc));
}

// `label` as <text> lines centred on x, the first at y, one per "\n"-separated part.
std::string CentredLines(std::string_view label, int x, int y) {
  std::string s = fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">", x, y);
  size_t start = 0;
  for (int line = 0;; ++line) {
    size_t end = label.find('\n', start);
    std::string_view part = label.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    s += fmt::format("<tspan x=\"{}\" dy=\"{}\">{}</tspan>", x, line == 0 ? 0 : 14, XmlEscape(part));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return s + "</text>";
}

// At most `max_chars` code points of `text`, with "…" when shortened.
std::string Shortened(std::string_view text, size_t max_chars) {
  size_t chars = 0, i = 0;
  for (; i < text.size(); ++chars) {
    if (chars == max_chars) return std::string(text.substr(0, i)) + "…";
    const unsigned char c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  }
  return std::string(text);
}

double Scale(double value, double max_value) {
  if (max_value <= 0) return 0;
  return std::clamp(value / max_value, 0.0, 1.0);
}

}  // namespace

std::string SvgColumnChart(std::string_view id, std::string_view title, std::string_view desc,
                           const std::vector<ChartBar>& bars, double max_value) {
  const int n = std::max<int>(1, static_cast<int>(bars.size()));
  const int slot = 76, plot_h = 160, top = 20, width = n * slot + 20, height = top + plot_h + 48;
  std::string s = Open(id, title, desc, width, height);
  s += fmt::format("<line class=\"axis\" x1=\"10\" y1=\"{0}\" x2=\"{1}\" y2=\"{0}\"/>", top + plot_h, width - 10);
  for (size_t i = 0; i < bars.size(); ++i) {
    const double h = Scale(bars[i].value, max_value) * plot_h;
    const int x = 10 + static_cast<int>(i) * slot;
    s += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{:.1f}\" width=\"{}\" height=\"{:.1f}\"/>", x + 8,
                     top + plot_h - h, slot - 16, h);
    s += fmt::format("<text class=\"value\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"middle\">{}</text>", x + slot / 2,
                     top + plot_h - h - 4, XmlEscape(bars[i].value_text));
    s += CentredLines(bars[i].label, x + slot / 2, top + plot_h + 18);
  }
  return s + "</svg>";
}

std::string SvgBarRanking(std::string_view id, std::string_view title, std::string_view desc,
                          const std::vector<ChartBar>& bars, double max_value) {
  const int row = 26, label_w = 300, plot_w = 340, width = label_w + plot_w + 60;
  const int height = std::max<int>(1, static_cast<int>(bars.size())) * row + 10;
  std::string s = Open(id, title, desc, width, height);
  for (size_t i = 0; i < bars.size(); ++i) {
    const int y = 5 + static_cast<int>(i) * row;
    const double w = Scale(bars[i].value, max_value) * plot_w;
    s += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_w - 8, y + 17,
                     XmlEscape(Shortened(bars[i].label, 36)));
    s += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\"><title>{}</title></rect>",
                     label_w, y + 4, w, row - 8, XmlEscape(bars[i].label));
    s += fmt::format("<text class=\"value\" x=\"{:.1f}\" y=\"{}\">{}</text>", label_w + w + 6, y + 17,
                     XmlEscape(bars[i].value_text));
  }
  return s + "</svg>";
}

std::string SvgLineChart(std::string_view id, std::string_view title, std::string_view desc,
                         const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                         double max_value) {
  const int left = 44, top = 16, plot_w = 560, plot_h = 180, width = left + plot_w + 20;
  const int legend_y = top + plot_h + 40, height = legend_y + static_cast<int>(series.size()) * 20 + 6;
  const size_t n = x_labels.size();
  auto x_at = [&](size_t i) { return n <= 1 ? left + plot_w / 2.0 : left + plot_w * double(i) / double(n - 1); };
  std::string s = Open(id, title, desc, width, height);
  for (int tick = 0; tick <= 4; ++tick) {
    const double y = top + plot_h - plot_h * tick / 4.0;
    s += fmt::format("<line class=\"grid\" x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\"/>", left, y, left + plot_w, y);
    s += fmt::format("<text class=\"label\" x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{:.0f}</text>", left - 6, y + 4,
                     max_value * tick / 4.0);
  }
  if (n > 0) {
    s += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>", left, top + plot_h + 18, XmlEscape(x_labels.front()));
    s += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", left + plot_w,
                     top + plot_h + 18, XmlEscape(x_labels.back()));
  }
  for (size_t k = 0; k < series.size(); ++k) {
    const ChartSeries& line = series[k];
    // One polyline per run of values; a NaN breaks the line.
    std::string points;
    auto flush = [&] {
      if (!points.empty()) s += fmt::format("<polyline class=\"line {}\" points=\"{}\"/>", XmlEscape(line.css_class), points);
      points.clear();
    };
    for (size_t i = 0; i < line.values.size() && i < n; ++i) {
      if (std::isnan(line.values[i])) {
        flush();
        continue;
      }
      const double y = top + plot_h - Scale(line.values[i], max_value) * plot_h;
      points += fmt::format("{:.1f},{:.1f} ", x_at(i), y);
      s += fmt::format("<circle class=\"dot {}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"3\"/>", XmlEscape(line.css_class), x_at(i), y);
    }
    flush();
    const int y = legend_y + static_cast<int>(k) * 20;
    s += fmt::format("<line class=\"line {}\" x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"/>", XmlEscape(line.css_class), left,
                     y - 4, left + 24, y - 4);
    s += fmt::format("<text class=\"label\" x=\"{}\" y=\"{}\">{}</text>", left + 30, y, XmlEscape(line.name));
  }
  return s + "</svg>";
}

}  // namespace pintu::http::web
