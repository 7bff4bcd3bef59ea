package io.vixlab.report.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A study id as one URL path segment. */
final class PathSegment {

    private PathSegment() {
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
