package io.vixlab.report.api;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** An id (a study's, an architecture's) as one URL path segment. */
public final class PathSegment {

    private PathSegment() {
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
