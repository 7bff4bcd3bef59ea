package io.vixlab.report.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per architecture, the same in every chart and table of a page: the study's
 * architectures in the study's order take Tableau 10's colours in turn; the actual VIX and the
 * baselines have colours of their own that no architecture takes.
 */
final class ArchitecturePalette {

    private static final List<String> COLOURS = List.of("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
            "#edc948", "#76b7b2", "#ff9da7", "#9c755f");
    static final String ACTUAL = "#222222";
    static final String RANDOM_WALK = "#888888";
    static final String BEST_BASELINE = "#b3261e";

    private ArchitecturePalette() {
    }

    static Map<String, String> of(List<String> architectures) {
        Map<String, String> colours = new LinkedHashMap<>();
        for (String architecture : architectures) {
            colours.putIfAbsent(architecture, COLOURS.get(colours.size() % COLOURS.size()));
        }
        return colours;
    }
}
