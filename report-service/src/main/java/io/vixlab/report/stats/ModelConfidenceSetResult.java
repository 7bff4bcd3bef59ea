package io.vixlab.report.stats;

import io.vixlab.contracts.report.DieboldMarianoResult.LossFunction;
import io.vixlab.contracts.report.ConfidenceSet.Statistic;
import java.util.List;

/**
 * A model confidence set over several forecasts of the same days.
 *
 * @param days         the days every forecast covers, on which the losses were compared
 * @param replications bootstrap resamples drawn
 * @param members      one per forecast, in the order the forecasts were given
 * @param steps        the elimination steps, first first; the models never eliminated are the
 *     members whose {@code eliminationOrder} is {@code steps.size() + 1}
 */
public record ModelConfidenceSetResult(
        LossFunction loss, Statistic statistic, int days, int replications, List<Member> members, List<Step> steps) {

    public ModelConfidenceSetResult {
        members = List.copyOf(members);
        steps = List.copyOf(steps);
    }

    /**
     * @param meanLoss         the forecast's mean loss over the days
     * @param pValue           the MCS p-value: the largest significance level at which the
     *     forecast stays in the set (1 for the last one standing)
     * @param eliminationOrder the step that removed it, 1 for the first; the forecasts never
     *     removed share the highest number
     * @param inSet90          in the 90% model confidence set ({@code pValue >= 0.10})
     * @param inSet75          in the 75% model confidence set ({@code pValue >= 0.25})
     */
    public record Member(
            String name, double meanLoss, double pValue, int eliminationOrder, boolean inSet90, boolean inSet75) {
    }

    /**
     * One test of equal predictive ability over the forecasts still in the set.
     *
     * @param number     1 for the first step
     * @param eliminated the forecasts the elimination rule removed (more than one only when their
     *     statistics are exactly equal, e.g. identical losses)
     * @param testStatistic T_max or T_R over the forecasts still in the set
     * @param pValue     the share of bootstrap statistics above it
     */
    public record Step(int number, List<String> eliminated, double testStatistic, double pValue) {

        public Step {
            eliminated = List.copyOf(eliminated);
        }
    }
}
