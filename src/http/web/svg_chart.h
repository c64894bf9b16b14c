// Small server-rendered SVG charts for pages that must work without JavaScript (the
// quality dashboard). Every chart is an <svg role="img"> named by its <title> and
// <desc>; every label is XML-escaped. Pages show the same numbers in a table too.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pintu::http::web {

// One bar: its label (a "\n" starts a second line), its value, and the value as the
// page should print it.
struct ChartBar {
  std::string label;
  double value = 0;
  std::string value_text;
};

// One line of a line chart; `css_class` picks its colour and dash from app.css.
struct ChartSeries {
  std::string name;
  std::vector<double> values;  // one per x label; NaN where the series has no value (a gap)
  std::string css_class;
};

// Vertical bars (a distribution). `id` must be unique in the page; values above
// `max_value` are drawn at the top.
std::string SvgColumnChart(std::string_view id, std::string_view title, std::string_view desc,
                           const std::vector<ChartBar>& bars, double max_value);

// Horizontal bars, one row per bar (a ranking), best first as given. Labels longer than
// 36 characters are shortened with "…" (the full label is the bar's tooltip).
std::string SvgBarRanking(std::string_view id, std::string_view title, std::string_view desc,
                          const std::vector<ChartBar>& bars, double max_value);

// Lines over shared x labels (a trend), with a legend.
std::string SvgLineChart(std::string_view id, std::string_view title, std::string_view desc,
                         const std::vector<std::string>& x_labels, const std::vector<ChartSeries>& series,
                         double max_value);

}  // namespace pintu::http::web
