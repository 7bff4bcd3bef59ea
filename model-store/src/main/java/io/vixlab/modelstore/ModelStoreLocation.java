package io.vixlab.modelstore;

import io.vixlab.contracts.MessageLimits;
import java.net.URI;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** Where models go, as {@code vixlab.model-store.location} says it: a directory or an S3 bucket. */
public sealed interface ModelStoreLocation {

    /** A directory on this machine: {@link FileModelStore}. */
    record Directory(Path path) implements ModelStoreLocation {
    }

    /**
     * A bucket of an S3-compatible server: {@link S3ModelStore}.
     *
     * @param prefix where models lie in the bucket, without leading or trailing '/'; empty for the top
     */
    record Bucket(String name, String prefix) implements ModelStoreLocation {

        /** {@code s3://<bucket>[/<prefix>]}. */
        public URI uri() {
            return URI.create(SCHEME + name + (prefix.isEmpty() ? "" : "/" + prefix));
        }

        /** What the object keys of models begin with: {@code <prefix>/}, or nothing. */
        String objectPrefix() {
            return prefix.isEmpty() ? "" : prefix + "/";
        }
    }

    String SCHEME = "s3://";
    /** S3's rules for bucket names (lower case, 3 to 63 characters, no leading or trailing dot or hyphen). */
    Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    Pattern PREFIX_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");
    Pattern URI_SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    /**
     * Reads a location: {@code s3://<bucket>[/<prefix>]} or a directory's path.
     *
     * @throws IllegalArgumentException naming what is wrong: an empty location, another scheme, a
     *     bucket name S3 refuses, a prefix that is not '/'-separated safe segments
     */
    static ModelStoreLocation parse(String location) {
        String shown = "vixlab.model-store.location '" + MessageLimits.quoted(location) + "'";
        if (location.isBlank()) {
            throw new IllegalArgumentException(shown + " is empty: give a directory or s3://<bucket>[/<prefix>]");
        }
        if (!location.startsWith(SCHEME)) {
            if (URI_SCHEME.matcher(location).matches()) {
                throw new IllegalArgumentException(shown + " is neither a directory nor s3://<bucket>[/<prefix>]");
            }
            return new Directory(Path.of(location));
        }
        String rest = location.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String name = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("^/+|/+$", "");
        if (!BUCKET_NAME.matcher(name).matches() || name.contains("..")) {
            throw new IllegalArgumentException(shown + ": '" + MessageLimits.quoted(name) + "' is not a bucket name "
                    + "(3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit)");
        }
        if (!prefix.isEmpty()) {
            for (String segment : prefix.split("/", -1)) {
                if (!PREFIX_SEGMENT.matcher(segment).matches() || segment.matches("\\.+")) {
                    throw new IllegalArgumentException(shown + ": the prefix must be '/'-separated segments of "
                            + "letters, digits, '.', '_' and '-' (none empty or only dots)");
                }
            }
        }
        return new Bucket(name, prefix);
    }
}
