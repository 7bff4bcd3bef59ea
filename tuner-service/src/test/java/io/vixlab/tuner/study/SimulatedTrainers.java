package io.vixlab.tuner.study;

import io.vixlab.contracts.Event;
import io.vixlab.contracts.training.TrialState;
import io.vixlab.contracts.tuning.TrialConfig;
import io.vixlab.contracts.tuning.TrialControl;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trainers for the {@link StudyCore} in memory: they take issued trials in order, train a made-up
 * curve that depends only on the trial's parameters, and deliver everything in an order that a
 * seeded {@link Random} picks, as a real deployment would: which trainer reports next, progress
 * held back and delivered after later results (progress and results travel on different topics),
 * and a PRUNE heard right away or one epoch late.
 */
final class SimulatedTrainers {

    private record Progress(String trialId, int attempt, int fold, int epoch, double loss) {
    }

    private static final class Busy {
        final TrialConfig trial;
        final List<List<Double>> curves = new ArrayList<>();
        int step;
        /** Epochs it still trains after hearing a PRUNE; -1 while it has not heard one. */
        int epochsUntilStop = -1;

        Busy(TrialConfig trial) {
            this.trial = trial;
        }
    }

    private final LoopHarness loop;
    private final Random order;
    private final int folds;
    private final int epochs;
    private final Deque<TrialConfig> queue = new ArrayDeque<>();
    private final Busy[] trainers;
    private final List<Progress> heldBack = new ArrayList<>();
    private int seen;

    SimulatedTrainers(LoopHarness loop, int trainers, long orderSeed) {
        this.loop = loop;
        this.trainers = new Busy[trainers];
        this.order = new Random(orderSeed);
        this.folds = loop.study().plan.training().folds();
        this.epochs = loop.study().plan.training().epochs();
    }

    /** Trains until no architecture of the study is tuning any more. */
    void tuneEverything() {
        loop.advance();
        while (loop.snapshot().architectures().stream().anyMatch(a -> a.phase == ArchitectureTuning.Phase.TUNING)) {
            hear();
            List<Integer> busy = new ArrayList<>();
            for (int i = 0; i < trainers.length; i++) {
                if (trainers[i] == null && !queue.isEmpty()) {
                    trainers[i] = new Busy(queue.poll());
                }
                if (trainers[i] != null) {
                    busy.add(i);
                }
            }
            if (!heldBack.isEmpty() && (busy.isEmpty() || order.nextInt(4) == 0)) {
                Progress late = heldBack.remove(order.nextInt(heldBack.size()));
                loop.progress(late.trialId(), late.attempt(), late.fold(), late.epoch(), late.loss());
            } else if (!busy.isEmpty()) {
                trainOneEpoch(busy.get(order.nextInt(busy.size())));
            } else {
                throw new IllegalStateException("nothing to train and nothing in flight: the study is stuck");
            }
        }
    }

    private void trainOneEpoch(int trainer) {
        Busy run = trainers[trainer];
        int fold = run.step / epochs;
        int epoch = run.step % epochs;
        if (epoch == 0) {
            run.curves.add(new ArrayList<>());
        }
        double loss = loss(run.trial.params(), run.step);
        run.curves.get(fold).add(loss);
        run.step++;
        Progress progress = new Progress(run.trial.trialId(), run.trial.attempt(), fold, epoch, loss);
        if (order.nextInt(3) == 0) {
            heldBack.add(progress);
        } else {
            loop.progress(progress.trialId(), progress.attempt(), fold, epoch, loss);
        }
        hear();
        boolean stopped = run.epochsUntilStop == 0;
        if (run.epochsUntilStop > 0) {
            run.epochsUntilStop--;
        }
        if (stopped || run.step == folds * epochs) {
            trainers[trainer] = null;
            loop.result(run.trial.trialId(), run.trial.attempt(), stopped ? TrialState.PRUNED : TrialState.COMPLETE,
                    stopped ? null : objective(run.curves), List.copyOf(run.curves));
        }
    }

    /** Takes in what the tuner decided since last time: new trials to queue, PRUNEs to obey. */
    private void hear() {
        List<Event> sent = loop.sent(Event.class);
        for (Event event : sent.subList(seen, sent.size())) {
            if (event instanceof TrialConfig trial) {
                queue.add(trial);
            } else if (event instanceof TrialControl control && control.action() == TrialControl.Action.PRUNE) {
                for (Busy run : trainers) {
                    if (run != null && run.trial.trialId().equals(control.trialId()) && run.epochsUntilStop < 0) {
                        run.epochsUntilStop = order.nextInt(2);
                    }
                }
            }
        }
        seen = sent.size();
    }

    /** The seed's objective: the mean over folds of each fold's best validation loss. */
    private static double objective(List<List<Double>> curves) {
        return curves.stream().mapToDouble(c -> c.stream().mapToDouble(Double::doubleValue).min().orElseThrow())
                .average().orElseThrow();
    }

    /** A smooth loss surface over dropout and learning rate that falls with the step, plus fixed ripples. */
    private static double loss(Map<String, Object> params, int step) {
        double dropout = ((Number) params.get("dropout_rate")).doubleValue();
        double logRate = Math.log10(((Number) params.get("learning_rate")).doubleValue());
        double floor = 0.05 + Math.pow(dropout - 0.3, 2) + 0.02 * Math.pow(logRate + 2.5, 2);
        return floor * (1 + 1.0 / (step + 1)) + 0.002 * Math.sin(7 * dropout + step);
    }
}
