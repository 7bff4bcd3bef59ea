package io.vixlab.features.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads the service's rebuild counter, so tests can tell when a rebuild ran and how it ended. */
final class RebuildCounts {

    private RebuildCounts() {
    }

    static double total(MeterRegistry registry) {
        return registry.find(DatasetService.REBUILDS_METRIC).counters().stream().mapToDouble(Counter::count).sum();
    }

    static double of(MeterRegistry registry, String outcome) {
        Counter counter = registry.find(DatasetService.REBUILDS_METRIC).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
