package dev.enrichment.recap;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One phrase the parser knows: a pattern over normalised text (lower case, single spaces) and how to resolve a
 * match. An unsupported form is recognised only to be refused, so that "chinese new year" or "3pm" is never read as
 * the "new year" or the bare day it contains.
 */
record Form(Pattern pattern, Resolver resolver, String refusal) {

    @FunctionalInterface
    interface Resolver {
        Span resolve(Matcher match, Reference ref);
    }

    static Form of(String regex, Resolver resolver) {
        return new Form(wholeWords(regex), resolver, null);
    }

    /** A phrase that is recognised but refused; {@code refusal} says why, after the quoted phrase. */
    static Form unsupported(String regex, String refusal) {
        return new Form(wholeWords(regex), null, refusal);
    }

    boolean isSupported() {
        return refusal == null;
    }

    // Whole words, and never part of a number written with separators: "4 may" is not a date in "3/4 may".
    private static Pattern wholeWords(String regex) {
        return Pattern.compile("(?<![a-z0-9/.:-])(?:" + regex + ")(?![a-z0-9/:]|[.-][0-9])");
    }
}
