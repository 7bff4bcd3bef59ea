package io.vixlab.report.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.vixlab.contracts.EventJson;
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
            .charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 560px), 1fr)); gap: 1rem; }
            .chart { height: 340px; border: 1px solid #eee; } .chart.wide { grid-column: 1 / -1; height: 400px; }
            table.sortable th { cursor: pointer; user-select: none; } table.sortable th[aria-sort]::after { content: " ⇅"; }
            table.trials { max-height: 30rem; } #trial-filter { width: 20rem; padding: 0.25rem; }
            .run-live td { background: #f3f8ff; }
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

    /**
     * A value as JSON to embed in a {@code <script>} element: {@code <} only occurs inside JSON
     * strings, where its escape means the same, so no text can close the element.
     */
    static String json(Object value) {
        try {
            return EventJson.mapper().writeValueAsString(value).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the page's data as JSON", e);
        }
    }

    /** A script carried inline; a script's own text never holds "</script" (checked, as it would end the element early). */
    static String inlineScript(String script) {
        if (script.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalArgumentException("a script to inline holds </script");
        }
        return "<script>" + script + "</script>";
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
                // No icon to fetch: a missing favicon would be a failed request on the console.
                + "<link rel=\"icon\" href=\"data:,\">"
                + (refreshSeconds > 0 ? "<meta http-equiv=\"refresh\" content=\"" + refreshSeconds + "\">" : "")
                + "<title>" + escape(title) + "</title><style>" + STYLE + "</style></head>\n<body>\n" + body
                + "\n</body></html>\n";
    }
}
