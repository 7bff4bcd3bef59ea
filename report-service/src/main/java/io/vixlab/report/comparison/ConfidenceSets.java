package io.vixlab.report.comparison;

import io.vixlab.contracts.report.ConfidenceSet;
import io.vixlab.contracts.report.ConfidenceSetMember;
import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.report.stats.CommonDays;
import io.vixlab.report.stats.Forecast;
import io.vixlab.report.stats.ModelConfidenceSet;
import io.vixlab.report.stats.ModelConfidenceSetResult;
import io.vixlab.report.stats.MovingBlockBootstrap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The report's model confidence sets: {@link ModelConfidenceSet} with its defaults (T_max,
 * {@value ModelConfidenceSet#DEFAULT_REPLICATIONS} replications of a moving-block bootstrap with the
 * default block length, seed {@value ModelConfidenceSet#DEFAULT_SEED}), on squared and on absolute
 * loss, with the settings that reproduce it.
 */
final class ConfidenceSets {

    /** A forecast the sets judge, with what it is. */
    record Candidate(Forecast forecast, ConfidenceSetMember.Kind kind) {
    }

    private ConfidenceSets() {
    }

    /**
     * @param candidates with distinct names
     * @return one set per loss, squared first; empty when fewer than two candidates or fewer than
     *     two days covered by all of them leave nothing to compare
     */
    static List<ConfidenceSet> of(List<Candidate> candidates) {
        List<Forecast> forecasts = candidates.stream().map(Candidate::forecast).toList();
        if (forecasts.size() < 2 || CommonDays.of(forecasts).get(0).predictions().size() < 2) {
            return List.of();
        }
        return Arrays.stream(LossFunction.values()).map(loss -> of(candidates, forecasts, loss)).toList();
    }

    private static ConfidenceSet of(List<Candidate> candidates, List<Forecast> forecasts, LossFunction loss) {
        ModelConfidenceSetResult result = ModelConfidenceSet.standard().compute(forecasts, loss);
        List<ModelConfidenceSetResult.Member> members = result.members();
        List<ConfidenceSetMember> judged = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            ModelConfidenceSetResult.Member member = members.get(i);
            judged.add(new ConfidenceSetMember(member.name(), candidates.get(i).kind(), member.meanLoss(),
                    member.pValue(), member.eliminationOrder(), member.inSet90(), member.inSet75()));
        }
        return new ConfidenceSet(loss, result.statistic(), result.days(),
                MovingBlockBootstrap.defaultBlockLength(result.days()), result.replications(),
                ModelConfidenceSet.DEFAULT_SEED, judged);
    }
}
