package io.vixlab.kit.rest;

/** Text taken from a request into a problem's detail stays short and printable. */
final class ProblemTexts {

    /** Longest piece of request text (a field path, a header, a value) a detail quotes. */
    static final int MAX_QUOTED = 100;

    private ProblemTexts() {
    }

    static String capped(String text) {
        String printable = text.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= MAX_QUOTED ? printable : printable.substring(0, MAX_QUOTED) + "…";
    }
}
