package io.vixlab.contracts.report;

import io.vixlab.contracts.training.Metrics;

/** A naive forecast evaluated on the same test targets as the architectures. */
public record BaselineRow(String name, String definition, Metrics metrics) {
}
