package io.vixlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vixlab.contracts.SchemaCompatibility.Difference;
import io.vixlab.contracts.tuning.TrialControl;
import io.vixlab.contracts.tuning.TrialControl.Action;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Changed versions of a real event ({@link TrialControl}), generated with the same rules as the published
 * schemas, are classified as consumers see them, naming the field.
 */
class SchemaCompatibilityTest {

    private static final String FILE = EventSchemas.SCHEMA_FILES.get(TrialControl.class);

    /** Without {@code reason}. */
    record FieldRemoved(int schemaVersion, @NotNull @EventId String studyId, @NotNull @EventId String trialId,
            @Min(1) int attempt, @NotNull Action action, @NotNull Instant issuedAt) {
        static final int SCHEMA_VERSION = 1;
    }

    /** {@code attempt} as text. */
    record TypeChanged(int schemaVersion, @NotNull @EventId String studyId, @NotNull @EventId String trialId,
            @NotNull String attempt, @NotNull Action action, @Size(min = 1) String reason, @NotNull Instant issuedAt) {
        static final int SCHEMA_VERSION = 1;
    }

    /** With a required {@code trainer}. */
    record RequiredFieldAdded(int schemaVersion, @NotNull @EventId String studyId, @NotNull @EventId String trialId,
            @Min(1) int attempt, @NotNull Action action, @Size(min = 1) String reason, @NotNull Instant issuedAt,
            @NotNull String trainer) {
        static final int SCHEMA_VERSION = 1;
    }

    enum PruneOnly { PRUNE }

    /** An {@code action} without CANCEL. */
    record EnumValueDropped(int schemaVersion, @NotNull @EventId String studyId, @NotNull @EventId String trialId,
            @Min(1) int attempt, @NotNull PruneOnly action, @Size(min = 1) String reason, @NotNull Instant issuedAt) {
        static final int SCHEMA_VERSION = 1;
    }

    /** {@code attempt} from 2. */
    record BoundTightened(int schemaVersion, @NotNull @EventId String studyId, @NotNull @EventId String trialId,
            @Min(2) int attempt, @NotNull Action action, @Size(min = 1) String reason, @NotNull Instant issuedAt) {
        static final int SCHEMA_VERSION = 1;
    }

    /** Ids without a length limit. */
    record BoundLoosened(int schemaVersion, @NotNull @Size(min = 1) String studyId, @NotNull @EventId String trialId,
            @Min(1) int attempt, @NotNull Action action, @Size(min = 1) String reason, @NotNull Instant issuedAt) {
        static final int SCHEMA_VERSION = 1;
    }

    /** With an optional {@code note}. */
    record OptionalFieldAdded(int schemaVersion, @NotNull @EventId String studyId, @NotNull @EventId String trialId,
            @Min(1) int attempt, @NotNull Action action, @Size(min = 1) String reason, @NotNull Instant issuedAt,
            String note) {
        static final int SCHEMA_VERSION = 1;
    }

    /** A required {@code reason}, in schema version 2. */
    record VersionBumped(int schemaVersion, @NotNull @EventId String studyId, @NotNull @EventId String trialId,
            @Min(1) int attempt, @NotNull Action action, @NotNull @Size(min = 1) String reason,
            @NotNull Instant issuedAt) {
        static final int SCHEMA_VERSION = 2;
    }

    static Stream<Arguments> changes() {
        return Stream.of(
                Arguments.of(FieldRemoved.class, "reason", true, "removed"),
                Arguments.of(TypeChanged.class, "attempt", true, "type changed from [integer] to [string]"),
                Arguments.of(RequiredFieldAdded.class, "trainer", true, "new required field"),
                Arguments.of(EnumValueDropped.class, "action", true, "value [\"CANCEL\"] no longer allowed"),
                Arguments.of(BoundTightened.class, "attempt", true, "tightened to minimum 2, was minimum 1"),
                Arguments.of(BoundLoosened.class, "studyId", false, "no maxLength now, was maxLength 200"),
                Arguments.of(OptionalFieldAdded.class, "note", false, "optional field added"),
                Arguments.of(VersionBumped.class, "schemaVersion", true, "value [1] no longer allowed, now [2]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void aChangedRecordIsClassifiedNamingTheField(Class<?> changed, String field, boolean breaking, String why) {
        JsonNode published = EventSchemaGenerator.schemaOf(TrialControl.class, FILE);
        List<Difference> differences = SchemaCompatibility.compare(published,
                EventSchemaGenerator.schemaOf(changed, FILE));

        assertThat(differences).anySatisfy(difference -> {
            assertThat(difference.field()).isEqualTo(field);
            assertThat(difference.breaking()).isEqualTo(breaking);
            assertThat(difference.why()).contains(why);
        });
        if (!breaking) {
            assertThat(differences).noneMatch(Difference::breaking);
        }
    }
}
