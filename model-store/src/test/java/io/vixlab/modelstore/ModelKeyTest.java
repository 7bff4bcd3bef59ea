package io.vixlab.modelstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ModelKeyTest {

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(value = {
            "study-1, study-1",
            "3f6c2a9e-5b1d.v2_x, 3f6c2a9e-5b1d.v2_x",
            "a/b, a_b",
            "../x, .._x",
            "., _.",
            "..., _...",
            "'', _",
            "ünï cødé, _n__c_d_",
    })
    void idsBecomeOneSafeSegment(String id, String segment) {
        assertThat(ModelKey.segment(id)).isEqualTo(segment);
    }

    @Test
    void aFinalsKeyIsItsStudyAndArchitectureWithFinalId() {
        ModelKey key = ModelKey.of("study 1", "Basic_CNN_LSTM", "final/1");

        assertThat(key).isEqualTo(new ModelKey("study_1", "Basic_CNN_LSTM-final_1"));
        assertThat(key.path()).isEqualTo("study_1/Basic_CNN_LSTM-final_1");
        assertThat(ModelKey.parse(key.path())).isEqualTo(key);
    }

    @Test
    void onlyTwoSafeSegmentsAreAKey() {
        for (String path : new String[] {"a", "a/b/c", "../b", "a/..", "a/", "/b", "a b/c", "a/b\n"}) {
            assertThatThrownBy(() -> ModelKey.parse(path)).as(path).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
