package io.vixlab.report.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The scripts the pages run: Apache ECharts from its mvnpm jar and the page's own scripts, both
 * under {@code META-INF/resources}, which Quarkus serves as they are. A served page links them; the
 * standalone export carries their text inline so that it needs nothing but itself.
 */
final class PageScripts {

    /** Draws a study's charts from the data embedded in its page. */
    static final String STUDY_CHARTS = "/assets/study-charts.js";
    /** Keeps the study list up to date from the server's events. */
    static final String LIVE = "/assets/live.js";
    static final String ECHARTS = "/_static/echarts/" + echartsVersion() + "/dist/echarts.min.js";

    private PageScripts() {
    }

    /** The script's text, for a page that must carry it; a script that is not there is a broken build. */
    static String text(String path) {
        try (InputStream in = resource("META-INF/resources" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The version of the echarts jar on the class path, from its Maven metadata. */
    private static String echartsVersion() {
        try (InputStream in = resource("META-INF/maven/org.mvnpm/echarts/pom.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the echarts jar's version", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PageScripts.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path (org.mvnpm:echarts and the page's"
                    + " scripts are part of report-service)");
        }
        return in;
    }
}
