package io.vixlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.report.StudyReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The example in {@code docs/reports.md} is a valid report, so that a reader can rely on it. */
class ReportsDocumentationTest {

    @Test
    void exampleReportMatchesTheSchema() throws Exception {
        String page = Files.readString(Path.of("..", "docs", "reports.md"));
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(json.find()).as("a json block in docs/reports.md").isTrue();

        assertThat(EventSchemas.violations(StudyReport.class, EventJson.mapper().readTree(json.group(1)))).isEmpty();
        assertThat(EventSchemas.parse(json.group(1), StudyReport.class).rows()).hasSize(2);
    }
}
