package io.vixlab.trainer.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** EarlyStopping and ReduceLROnPlateau step by step, with Keras's semantics. */
class CallbacksTest {

    @Test
    void earlyStoppingStopsAfterPatienceEpochsWithoutANewBest() {
        EarlyStopping es = new EarlyStopping(2);
        assertThat(es.onEpochEnd(0, 1.0)).isTrue();
        assertThat(es.onEpochEnd(1, 0.8)).isTrue();
        assertThat(es.onEpochEnd(2, 0.8)).as("equal is no improvement (min_delta 0)").isFalse();
        assertThat(es.shouldStop()).isFalse();
        assertThat(es.onEpochEnd(3, 0.9)).isFalse();
        assertThat(es.shouldStop()).isTrue();
        assertThat(es.best()).isEqualTo(0.8);
        assertThat(es.bestEpoch()).isEqualTo(1);
    }

    @Test
    void anyImprovementResetsEarlyStopping() {
        EarlyStopping es = new EarlyStopping(2);
        es.onEpochEnd(0, 1.0);
        es.onEpochEnd(1, 1.1);
        assertThat(es.onEpochEnd(2, 0.99999)).isTrue();
        es.onEpochEnd(3, 1.2);
        assertThat(es.shouldStop()).isFalse();
    }

    @Test
    void withPatienceZeroItStopsOnTheFirstEpochWithoutImprovementButNeverOnTheFirstEpoch() {
        EarlyStopping es = new EarlyStopping(0);
        es.onEpochEnd(0, 1.0);
        assertThat(es.shouldStop()).isFalse();
        es.onEpochEnd(1, 0.5);
        assertThat(es.shouldStop()).as("just improved").isFalse();
        es.onEpochEnd(2, 0.6);
        assertThat(es.shouldStop()).isTrue();
    }

    @Test
    void reduceLrHalvesAfterPatienceEpochsBelowMinDeltaAndRespectsTheFloor() {
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(0.5, 2, 1e-3);
        double lr = 4e-3;
        lr = plateau.onEpochEnd(1.0, lr);
        assertThat(lr).isEqualTo(4e-3);
        lr = plateau.onEpochEnd(0.99995, lr); // better by less than min_delta 1e-4: a plateau epoch
        assertThat(lr).isEqualTo(4e-3);
        lr = plateau.onEpochEnd(0.9999, lr); // second plateau epoch -> reduce
        assertThat(lr).isEqualTo(2e-3);
        lr = plateau.onEpochEnd(0.5, lr); // real improvement resets
        assertThat(lr).isEqualTo(2e-3);
        lr = plateau.onEpochEnd(0.6, lr);
        lr = plateau.onEpochEnd(0.6, lr);
        assertThat(lr).isEqualTo(1e-3);
        lr = plateau.onEpochEnd(0.6, lr);
        lr = plateau.onEpochEnd(0.6, lr);
        assertThat(lr).as("never below min_lr").isEqualTo(1e-3);
    }

    @Test
    void reduceLrCountsAgainFromZeroAfterAReduction() {
        ReduceLrOnPlateau plateau = new ReduceLrOnPlateau(0.5, 3, 1e-6);
        double lr = 1.0;
        lr = plateau.onEpochEnd(1.0, lr);
        for (int i = 0; i < 3; i++) {
            lr = plateau.onEpochEnd(2.0, lr);
        }
        assertThat(lr).isEqualTo(0.5);
        lr = plateau.onEpochEnd(2.0, lr);
        lr = plateau.onEpochEnd(2.0, lr);
        assertThat(lr).isEqualTo(0.5);
        lr = plateau.onEpochEnd(2.0, lr);
        assertThat(lr).isEqualTo(0.25);
    }
}
