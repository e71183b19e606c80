package id.satupintu.pipeline.report;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;
import org.jsoup.nodes.Element;

/**
 * Charts of the run report as inline SVG elements, built as a DOM so every label and tooltip is
 * escaped on output. Each mark carries its exact value in {@code data-*} attributes, which the
 * tests read. Coordinates are in the SVG's own units; the page's stylesheet scales the SVG to the
 * column width.
 */
final class SvgChart {
    /** Okabe–Ito colours, told apart by colour-blind readers; programs take them in code order. */
    static final List<String> PALETTE =
            List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#332288", "#7F7F7F");

    static final String OUTLIER_COLOUR = "#D55E00";
    static final String NEUTRAL_COLOUR = "#7A94AD";

    private static final double CHARACTER_WIDTH = 6.6;
    private static final int FONT_SIZE = 12;
    private static final int ROW_HEIGHT = 22;
    private static final int BAR_HEIGHT = 14;

    private SvgChart() {}

    /** One coloured part of a bar. */
    record Segment(long value, String colour, String tooltip, Map<String, String> data) {
        Segment {
            requireNonNull(colour, "colour is null");
            requireNonNull(tooltip, "tooltip is null");
            data = Map.copyOf(data);
        }
    }

    /** One bar: its label on the left, its parts, the text after it. */
    record BarRow(String label, List<Segment> segments, String valueText) {
        BarRow {
            requireNonNull(label, "label is null");
            segments = List.copyOf(segments);
            requireNonNull(valueText, "valueText is null");
        }

        long total() {
            return segments.stream().mapToLong(Segment::value).sum();
        }
    }

    /** A point of a line; {@code x} is the index of its category. */
    record Point(int x, long value, String tooltip, Map<String, String> data) {
        Point {
            requireNonNull(tooltip, "tooltip is null");
            data = Map.copyOf(data);
        }
    }

    record Series(String name, String colour, List<Point> points) {
        Series {
            requireNonNull(name, "name is null");
            requireNonNull(colour, "colour is null");
            points = List.copyOf(points);
        }
    }

    /**
     * A row of a diverging chart: the change as a fraction (positive infinity for a rise from
     * nothing; null when there is nothing to compare with, and no bar is drawn).
     */
    record ChangeRow(
            String label,
            Double fraction,
            boolean outlier,
            String valueText,
            String tooltip,
            Map<String, String> data) {
        ChangeRow {
            requireNonNull(label, "label is null");
            requireNonNull(valueText, "valueText is null");
            requireNonNull(tooltip, "tooltip is null");
            data = Map.copyOf(data);
        }
    }

    /** Horizontal bars, one row each, parts stacked left to right. */
    static Element horizontalBars(String chart, String caption, List<BarRow> rows, int width) {
        int labelWidth = labelWidth(rows.stream().map(BarRow::label).toList(), width);
        int valueWidth = (int) Math.ceil(rows.stream()
                                .mapToInt(row -> row.valueText().length())
                                .max()
                                .orElse(1)
                        * CHARACTER_WIDTH)
                + 10;
        double barArea = Math.max(40, width - labelWidth - valueWidth - 4);
        long max = Math.max(1, rows.stream().mapToLong(BarRow::total).max().orElse(1));
        int top = 6;
        int height = top + rows.size() * ROW_HEIGHT + 6;
        Element svg = svg(chart, caption, width, height);
        line(svg, labelWidth, top - 2, labelWidth, height - 4, "axis");
        for (int i = 0; i < rows.size(); i++) {
            BarRow row = rows.get(i);
            double y = top + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
            label(svg, row.label(), labelWidth - 6, y + BAR_HEIGHT / 2.0 + 4, labelWidth - 10);
            double x = labelWidth;
            for (Segment segment : row.segments()) {
                double length = segment.value() == 0 ? 0 : Math.max(1, segment.value() * barArea / max);
                Element rect = svg.appendElement("rect")
                        .attr("class", "bar")
                        .attr("x", number(x))
                        .attr("y", number(y))
                        .attr("width", number(length))
                        .attr("height", Integer.toString(BAR_HEIGHT))
                        .attr("fill", segment.colour());
                segment.data().forEach((key, value) -> rect.attr("data-" + key, value));
                rect.appendElement("title").text(segment.tooltip());
                x += length;
            }
            text(svg, row.valueText(), x + 4, y + BAR_HEIGHT / 2.0 + 4, "start", "value");
        }
        return svg;
    }

    /** Lines over categories (months), one per series, with a marked point per value. */
    static Element lineChart(
            String chart,
            String caption,
            List<String> categories,
            List<Series> series,
            LongFunction<String> format,
            int width,
            int height) {
        long max = Math.max(
                1,
                series.stream()
                        .flatMap(s -> s.points().stream())
                        .mapToLong(Point::value)
                        .max()
                        .orElse(1));
        long step = niceStep(max / 4.0);
        long top = step * (long) Math.ceil((double) max / step);
        int left = (int) Math.ceil(format.apply(top).length() * CHARACTER_WIDTH) + 14;
        int right = 12;
        int upper = 10;
        int bottom = 30;
        double plotWidth = width - left - right;
        double plotHeight = height - upper - bottom;
        Element svg = svg(chart, caption, width, height);
        for (long tick = 0; tick <= top; tick += step) {
            double y = upper + plotHeight - tick * plotHeight / top;
            line(svg, left, y, width - right, y, tick == 0 ? "axis" : "grid");
            text(svg, format.apply(tick), left - 6, y + 4, "end", "tick");
        }
        int n = Math.max(1, categories.size());
        double slot = plotWidth / n;
        int every = Math.max(1, (int) Math.ceil(n * (7 * CHARACTER_WIDTH + 10) / plotWidth));
        for (int i = 0; i < categories.size(); i++) {
            if (i % every == 0) {
                text(svg, categories.get(i), left + (i + 0.5) * slot, height - bottom + 18, "middle", "tick");
            }
        }
        for (Series line : series) {
            List<String> run = new ArrayList<>();
            int previous = Integer.MIN_VALUE;
            for (Point point : line.points()) {
                if (point.x() != previous + 1 && run.size() > 1) {
                    polyline(svg, run, line.colour());
                }
                if (point.x() != previous + 1) {
                    run = new ArrayList<>();
                }
                run.add(number(left + (point.x() + 0.5) * slot) + ","
                        + number(upper + plotHeight - point.value() * plotHeight / top));
                previous = point.x();
            }
            if (run.size() > 1) {
                polyline(svg, run, line.colour());
            }
        }
        for (Series line : series) {
            for (Point point : line.points()) {
                Element circle = svg.appendElement("circle")
                        .attr("class", "point")
                        .attr("cx", number(left + (point.x() + 0.5) * slot))
                        .attr("cy", number(upper + plotHeight - point.value() * plotHeight / top))
                        .attr("r", "4")
                        .attr("fill", line.colour());
                point.data().forEach((key, value) -> circle.attr("data-" + key, value));
                circle.appendElement("title").text(point.tooltip());
            }
        }
        return svg;
    }

    /**
     * Bars left (fall) or right (rise) of a zero line, with the threshold drawn on both sides; bars
     * of outliers take the outlier colour. Bars beyond the scale stop at its edge.
     */
    static Element divergingBars(
            String chart, String caption, List<ChangeRow> rows, double threshold, String thresholdText, int width) {
        int labelWidth = labelWidth(rows.stream().map(ChangeRow::label).toList(), width);
        int valueWidth = (int) Math.ceil(rows.stream()
                                .mapToInt(row -> row.valueText().length())
                                .max()
                                .orElse(1)
                        * CHARACTER_WIDTH)
                + 10;
        double largest = rows.stream()
                .map(ChangeRow::fraction)
                .filter(fraction -> fraction != null && Double.isFinite(fraction))
                .mapToDouble(Math::abs)
                .max()
                .orElse(0);
        double domain = Math.max(threshold * 5 / 3, Math.min(largest, 1.0));
        double barArea = Math.max(60, width - labelWidth - valueWidth - 8);
        double half = barArea / 2;
        double zero = labelWidth + 4 + half;
        int top = 20;
        int height = top + rows.size() * ROW_HEIGHT + 6;
        Element svg = svg(chart, caption, width, height);
        for (int sign : new int[] {-1, 1}) {
            double x = zero + sign * threshold / domain * half;
            line(svg, x, top - 4, x, height - 4, "threshold");
            text(svg, (sign < 0 ? "−" : "+") + thresholdText, x, top - 8, "middle", "threshold-label");
        }
        line(svg, zero, top - 4, zero, height - 4, "axis");
        for (int i = 0; i < rows.size(); i++) {
            ChangeRow row = rows.get(i);
            double y = top + i * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2.0;
            label(svg, row.label(), labelWidth - 6, y + BAR_HEIGHT / 2.0 + 4, labelWidth - 10);
            double end = zero;
            if (row.fraction() != null) {
                double clamped = Math.max(-domain, Math.min(domain, row.fraction()));
                double length = Math.abs(clamped) / domain * half;
                length = row.fraction() == 0 ? 0 : Math.max(1, length);
                double x = clamped < 0 ? zero - length : zero;
                Element rect = svg.appendElement("rect")
                        .attr("class", row.outlier() ? "bar outlier" : "bar")
                        .attr("x", number(x))
                        .attr("y", number(y))
                        .attr("width", number(length))
                        .attr("height", Integer.toString(BAR_HEIGHT))
                        .attr("fill", row.outlier() ? OUTLIER_COLOUR : NEUTRAL_COLOUR);
                row.data().forEach((key, value) -> rect.attr("data-" + key, value));
                rect.appendElement("title").text(row.tooltip());
                end = clamped < 0 ? zero : zero + length;
            }
            double valueX = Math.max(end, zero + threshold / domain * half) + 6;
            text(
                    svg,
                    row.valueText(),
                    valueX,
                    y + BAR_HEIGHT / 2.0 + 4,
                    "start",
                    row.outlier() ? "value outlier" : "value");
        }
        return svg;
    }

    /** A small square of a colour, for legends. */
    static Element swatch(String colour) {
        Element svg = new Element("svg")
                .attr("class", "swatch")
                .attr("width", "12")
                .attr("height", "12")
                .attr("viewBox", "0 0 12 12")
                .attr("aria-hidden", "true");
        svg.appendElement("rect")
                .attr("width", "12")
                .attr("height", "12")
                .attr("rx", "2")
                .attr("fill", colour);
        return svg;
    }

    /** The step of 1, 2, 2.5 or 5 times a power of ten at or above {@code rough}. */
    static long niceStep(double rough) {
        if (rough <= 1) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
            if (factor * power >= rough) {
                return Math.max(1, Math.round(factor * power));
            }
        }
        return Math.round(10 * power);
    }

    private static Element svg(String chart, String caption, int width, int height) {
        Element svg = new Element("svg")
                .attr("xmlns", "http://www.w3.org/2000/svg")
                .attr("class", "chart")
                .attr("data-chart", chart)
                .attr("viewBox", "0 0 " + width + " " + height)
                .attr("width", Integer.toString(width))
                .attr("height", Integer.toString(height))
                .attr("role", "img")
                .attr("aria-label", caption);
        svg.appendElement("title").text(caption);
        return svg;
    }

    private static int labelWidth(List<String> labels, int width) {
        int longest = labels.stream().mapToInt(String::length).max().orElse(4);
        return (int) Math.min(width * 0.38, Math.max(48, longest * CHARACTER_WIDTH + 12));
    }

    /** A row label, shortened with an ellipsis to fit {@code room}; the whole label in its tooltip. */
    private static void label(Element svg, String label, double x, double y, double room) {
        int fits = Math.max(4, (int) (room / CHARACTER_WIDTH));
        String shown = label.length() <= fits ? label : label.substring(0, fits - 1) + "…";
        Element text = text(svg, shown, x, y, "end", "label");
        if (!shown.equals(label)) {
            text.appendElement("title").text(label);
        }
    }

    private static Element text(Element svg, String value, double x, double y, String anchor, String cssClass) {
        return svg.appendElement("text")
                .attr("class", cssClass)
                .attr("x", number(x))
                .attr("y", number(y))
                .attr("text-anchor", anchor)
                .attr("font-size", Integer.toString(FONT_SIZE))
                .text(value);
    }

    private static void line(Element svg, double x1, double y1, double x2, double y2, String cssClass) {
        svg.appendElement("line")
                .attr("class", cssClass)
                .attr("x1", number(x1))
                .attr("y1", number(y1))
                .attr("x2", number(x2))
                .attr("y2", number(y2));
    }

    private static void polyline(Element svg, List<String> points, String colour) {
        svg.appendElement("polyline")
                .attr("class", "line")
                .attr("points", String.join(" ", points))
                .attr("fill", "none")
                .attr("stroke", colour)
                .attr("stroke-width", "2");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
