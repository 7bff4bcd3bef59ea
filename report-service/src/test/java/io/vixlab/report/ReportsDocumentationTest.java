package io.vixlab.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.EventJson;
import io.vixlab.contracts.EventSchemas;
import io.vixlab.contracts.report.StudyReport;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example in {@code docs/reports.md} is a valid report and the page describes every field, so
 * that a reader can rely on it.
 */
class ReportsDocumentationTest {

    @Test
    void exampleReportMatchesTheSchema() throws Exception {
        String example = example(page());

        assertThat(EventSchemas.violations(StudyReport.class, EventJson.mapper().readTree(example))).isEmpty();
        assertThat(EventSchemas.parse(example, StudyReport.class).rows()).hasSize(2);
    }

    /** Every field of the report has its line in the fields table and a value in the example. */
    @Test
    void fieldsTableAndExampleShowEveryField() throws Exception {
        String page = page();
        JsonNode example = EventJson.mapper().readTree(example(page));

        for (RecordComponent field : StudyReport.class.getRecordComponents()) {
            assertThat(page).as("the fields table").contains("\n| `" + field.getName() + "` |");
            assertThat(example.has(field.getName())).as("the example has %s", field.getName()).isTrue();
        }
    }

    private static String page() throws IOException {
        return Files.readString(Path.of("..", "docs", "reports.md"));
    }

    private static String example(String page) {
        Matcher json = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(json.find()).as("a json block in docs/reports.md").isTrue();
        return json.group(1);
    }
}
