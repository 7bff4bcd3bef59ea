package io.vixlab.modelstore;

import io.vixlab.contracts.MessageLimits;
import java.util.regex.Pattern;

/**
 * Where a final model lies in a model store: {@code <study>/<model>}, two path segments of letters,
 * digits, dots, underscores and hyphens (never only dots), the same in a directory and in a bucket.
 *
 * @param study the study's segment
 * @param model the model's segment, {@code <architecture>-<finalId>}
 */
public record ModelKey(String study, String model) {

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern DOTS = Pattern.compile("\\.+");

    public ModelKey {
        requireSegment("study", study);
        requireSegment("model", model);
    }

    /** The key of a final model; ids come from messages and are made safe ({@link #segment}). */
    public static ModelKey of(String studyId, String architecture, String finalId) {
        return new ModelKey(segment(studyId), segment(architecture + "-" + finalId));
    }

    /**
     * Reads {@code <study>/<model>}, e.g. the part of an artifact URI after the store's root.
     *
     * @throws IllegalArgumentException if it is not two safe segments
     */
    public static ModelKey parse(String path) {
        String[] segments = path.split("/", -1);
        if (segments.length != 2) {
            throw new IllegalArgumentException("not a model key <study>/<model>: " + quoted(path));
        }
        return new ModelKey(segments[0], segments[1]);
    }

    /** Ids come from messages: keep them one harmless path segment (unsafe characters become '_'). */
    public static String segment(String id) {
        String safe = id.replaceAll("[^A-Za-z0-9._-]", "_");
        return DOTS.matcher(safe).matches() || safe.isEmpty() ? "_" + safe : safe;
    }

    /** {@code <study>/<model>}. */
    public String path() {
        return study + "/" + model;
    }

    @Override
    public String toString() {
        return path();
    }

    private static void requireSegment(String name, String value) {
        if (value == null || !SAFE.matcher(value).matches() || DOTS.matcher(value).matches()) {
            throw new IllegalArgumentException("a model key's " + name + " must be one path segment of letters, "
                    + "digits, '.', '_' and '-' (not only dots), got " + quoted(value));
        }
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "'" + MessageLimits.quoted(value) + "'";
    }
}
