package io.py4jcodec.bench.report;

import java.util.Locale;
import java.util.Map;

/** A small, dependency-free SVG line chart: evenly spaced x categories, logarithmic y. */
final class Svg {
    private static final String[] COLORS = {"#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};

    private Svg() {
    }

    static String lineChart(String title, String xLabel, String yLabel, String[] xs, Map<String, double[]> series) {
        int w = 640;
        int h = 400;
        int left = 70;
        int right = 150;
        int top = 40;
        int bottom = 50;
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double[] ys : series.values()) {
            for (double y : ys) {
                if (y > 0 && !Double.isNaN(y)) {
                    min = Math.min(min, y);
                    max = Math.max(max, y);
                }
            }
        }
        if (min == Double.MAX_VALUE) {
            min = 1;
            max = 10;
        }
        double lo = Math.floor(Math.log10(min));
        double hi = Math.ceil(Math.log10(max));
        if (hi <= lo) {
            hi = lo + 1;
        }
        int pw = w - left - right;
        int ph = h - top - bottom;
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                w, h, w, h));
        b.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        b.append(text(w / 2.0, 22, esc(title), "middle", 14));
        for (double e = lo; e <= hi; e++) {
            double y = top + ph - (e - lo) / (hi - lo) * ph;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>%n", left, y, left + pw, y));
            b.append(text(left - 6, y + 4, label(Math.pow(10, e)), "end", 11));
        }
        for (int i = 0; i < xs.length; i++) {
            double x = xOf(i, xs.length, left, pw);
            b.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>%n", x, top, x, top + ph));
            b.append(text(x, top + ph + 16, esc(xs[i]), "middle", 11));
        }
        b.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#333\"/>%n", left, top, pw, ph));
        b.append(text(left + pw / 2.0, h - 12, esc(xLabel), "middle", 12));
        b.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%.1f\" text-anchor=\"middle\" transform=\"rotate(-90 16 %.1f)\">%s</text>%n",
                top + ph / 2.0, top + ph / 2.0, esc(yLabel)));
        int k = 0;
        for (Map.Entry<String, double[]> s : series.entrySet()) {
            String color = COLORS[k % COLORS.length];
            StringBuilder pts = new StringBuilder();
            double[] ys = s.getValue();
            for (int i = 0; i < ys.length; i++) {
                if (ys[i] > 0 && !Double.isNaN(ys[i])) {
                    double x = xOf(i, xs.length, left, pw);
                    double y = top + ph - (Math.log10(ys[i]) - lo) / (hi - lo) * ph;
                    pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                    b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", x, y, color));
                }
            }
            b.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", pts.toString().trim(), color));
            double ly = top + 10 + k * 18;
            b.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    left + pw + 10, ly, left + pw + 30, ly, color));
            b.append(text(left + pw + 35, ly + 4, esc(s.getKey()), "start", 11));
            k++;
        }
        b.append("</svg>\n");
        return b.toString();
    }

    private static double xOf(int i, int n, int left, int pw) {
        return n == 1 ? left + pw / 2.0 : left + 20 + i * (pw - 40.0) / (n - 1);
    }

    private static String text(double x, double y, String s, String anchor, int size) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\">%s</text>%n", x, y, anchor, size, s);
    }

    private static String label(double v) {
        if (v >= 1e9) {
            return String.format(Locale.ROOT, "%.0fs", v / 1e9);
        }
        if (v >= 1e6) {
            return String.format(Locale.ROOT, "%.0fms", v / 1e6);
        }
        if (v >= 1e3) {
            return String.format(Locale.ROOT, "%.0fµs", v / 1e3);
        }
        return String.format(Locale.ROOT, "%.0fns", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
