package io.vixlab.report.web;

import java.time.Duration;
import java.util.Locale;

/**
 * The pieces every page shares: escaping of text and attribute values, and the document frame
 * with its stylesheet inline, so that a page needs nothing but itself to render.
 */
final class Html {

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 1.5rem; color: #222; }
            h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; }
            table { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9rem; }
            th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
            th { background: #f0f0f0; } td.number { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
            .charts { display: flex; flex-wrap: wrap; gap: 1rem; }
            .chart svg { max-width: 100%; height: auto; border: 1px solid #eee; }
            .verdict-better { color: #1a7f37; font-weight: bold; } .verdict-none { color: #666; }
            .notice { background: #fff8e1; border: 1px solid #f0d48a; padding: 0.5rem; }
            .health-warning { background: #fdecea; border: 1px solid #e0a09a; padding: 0.5rem; }
            .health-flag { color: #b3261e; font-weight: bold; } .health-ok { color: #1a7f37; }
            tr.combination td { background: #f6f8fa; } .mcs-in { color: #1a7f37; } .mcs-out { color: #666; }
            ul.verdict li { margin: 0.25rem 0; }
            figure { margin: 0; } progress { width: 8rem; } nav a { margin-right: 1rem; }
            """;

    private Html() {
    }

    static String escape(Object value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : value.toString().toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A duration as hours:minutes:seconds. */
    static String duration(long millis) {
        Duration d = Duration.ofMillis(millis);
        return String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }

    /**
     * A whole HTML document.
     *
     * @param refreshSeconds reload the page this often (live progress without scripts); 0 for never
     * @param body           markup, already escaped
     */
    static String document(String title, int refreshSeconds, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + (refreshSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">" : "")
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>\n" + body
                + "\n</body></html>\n";
    }
}
