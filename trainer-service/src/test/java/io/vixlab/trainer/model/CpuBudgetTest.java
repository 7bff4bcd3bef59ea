package io.vixlab.trainer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CpuBudgetTest {

    private static final int PROCESSORS = 8;
    private static final OptionalInt UNSET = OptionalInt.empty();

    @TempDir
    Path cgroup;

    @ParameterizedTest(name = "cpu.max \"{0}\" -> {1} intra-op, {2} inter-op ({3})")
    @CsvSource(delimiter = '|', textBlock = """
            200000 100000    | 2 | 2 | cgroup CPU quota
            150000 100000    | 2 | 2 | cgroup CPU quota
            50000 100000     | 1 | 1 | cgroup CPU quota
            800000 100000    | 8 | 2 | cgroup CPU quota
            1600000 100000   | 8 | 2 | available processors
            max 100000       | 8 | 2 | available processors
            garbage          | 8 | 2 | available processors
            """)
    void cgroupV2QuotaRoundedUpAndCappedByTheProcessors(String cpuMax, int intraOp, int interOp, String basis)
            throws IOException {
        Files.writeString(cgroup.resolve("cpu.max"), cpuMax + "\n");

        CpuBudget budget = CpuBudget.decide(UNSET, UNSET, cgroup, PROCESSORS);

        assertThat(budget).isEqualTo(new CpuBudget(intraOp, interOp, basis));
    }

    @ParameterizedTest(name = "cfs quota {0} / period {1} -> {2} intra-op")
    @CsvSource(delimiter = '|', textBlock = """
            300000 | 100000 | 3 | cgroup CPU quota
            10000  | 100000 | 1 | cgroup CPU quota
            -1     | 100000 | 8 | available processors
            """)
    void cgroupV1QuotaWhenThereIsNoV2File(String quota, String period, int intraOp, String basis) throws IOException {
        Files.createDirectories(cgroup.resolve("cpu"));
        Files.writeString(cgroup.resolve("cpu/cpu.cfs_quota_us"), quota + "\n");
        Files.writeString(cgroup.resolve("cpu/cpu.cfs_period_us"), period + "\n");

        CpuBudget budget = CpuBudget.decide(UNSET, UNSET, cgroup, PROCESSORS);

        assertThat(budget.intraOp()).isEqualTo(intraOp);
        assertThat(budget.basis()).isEqualTo(basis);
    }

    @Test
    void cgroupV2WinsOverV1() throws IOException {
        Files.writeString(cgroup.resolve("cpu.max"), "max 100000");
        Files.createDirectories(cgroup.resolve("cpu"));
        Files.writeString(cgroup.resolve("cpu/cpu.cfs_quota_us"), "100000");
        Files.writeString(cgroup.resolve("cpu/cpu.cfs_period_us"), "100000");

        assertThat(CpuBudget.decide(UNSET, UNSET, cgroup, PROCESSORS).intraOp()).isEqualTo(PROCESSORS);
    }

    @Test
    void withoutCgroupFilesTheAvailableProcessors() {
        assertThat(CpuBudget.decide(UNSET, UNSET, cgroup.resolve("absent"), 3))
                .isEqualTo(new CpuBudget(3, 2, "available processors"));
        assertThat(CpuBudget.decide(UNSET, UNSET, cgroup.resolve("absent"), 1))
                .isEqualTo(new CpuBudget(1, 1, "available processors"));
    }

    @Test
    void explicitCountsWinOverTheQuota() throws IOException {
        Files.writeString(cgroup.resolve("cpu.max"), "200000 100000");

        assertThat(CpuBudget.decide(OptionalInt.of(6), UNSET, cgroup, PROCESSORS))
                .isEqualTo(new CpuBudget(6, 2, "configured"));
        assertThat(CpuBudget.decide(OptionalInt.of(1), UNSET, cgroup, PROCESSORS))
                .isEqualTo(new CpuBudget(1, 1, "configured"));
        assertThat(CpuBudget.decide(UNSET, OptionalInt.of(4), cgroup, PROCESSORS))
                .isEqualTo(new CpuBudget(2, 4, "cgroup CPU quota"));
    }

    @Test
    void rejectsFewerThanOneThread() {
        assertThatThrownBy(() -> CpuBudget.decide(OptionalInt.of(0), UNSET, cgroup, PROCESSORS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one intra-op and one inter-op thread, got 0 and 0");
        assertThatThrownBy(() -> CpuBudget.decide(OptionalInt.of(2), OptionalInt.of(0), cgroup, PROCESSORS))
                .hasMessageContaining("got 2 and 0");
    }
}
