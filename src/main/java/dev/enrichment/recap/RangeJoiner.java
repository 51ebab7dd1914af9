package dev.enrichment.recap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the expressions read in a sentence into the ranges it names: "between X and Y", "from X to Y", "X
 * through|until|till|- Y", "X to Y" (Y may be "now") and "since X". An expression no range word joins stands
 * alone. The sentence comes masked: each read expression is {@code #n#}, n its index.
 */
final class RangeJoiner {

    private static final String READ = "#(\\d+)#";
    private static final Pattern RANGE = Pattern.compile("(?<![a-z0-9])(?:"
            + "between " + READ + " and (?:" + READ + "|now)"
            + "|(?:from )?" + READ + " ?(?:to|until|till|through|thru|-|up to(?: and including)?) ?(?:" + READ
            + "|now)"
            + "|(?:ever )?since " + READ + ")(?![a-z0-9])");

    /** How a group's range is made of its expressions. */
    enum Kind {
        /** One expression, alone. */
        SINGLE,
        /** From the start of the first expression to the end of the last. */
        FIRST_TO_LAST,
        /** From the start of the expression to {@code as_of}. */
        TO_NOW
    }

    /** A range of the sentence: its kind, its expressions (one or two) and its text (normalised). */
    record Group(Kind kind, int first, int last, String expression) {}

    /** The groups in sentence order, and the sentence masked again with each group as {@code #n#}. */
    record Joined(List<Group> groups, String masked) {}

    private RangeJoiner() {}

    static Joined join(String masked, List<String> expressions) {
        List<Group> groups = new ArrayList<>();
        StringBuilder remasked = new StringBuilder();
        Matcher range = RANGE.matcher(masked);
        int position = 0;
        while (range.find()) {
            singles(masked.substring(position, range.start()), expressions, groups, remasked);
            groups.add(group(range, unmask(range.group(), expressions)));
            remasked.append('#').append(groups.size() - 1).append('#');
            position = range.end();
        }
        singles(masked.substring(position), expressions, groups, remasked);
        return new Joined(List.copyOf(groups), remasked.toString());
    }

    /** Replaces every {@code #n#} with the n-th text. */
    static String unmask(String masked, List<String> texts) {
        Matcher read = Pattern.compile(READ).matcher(masked);
        StringBuilder out = new StringBuilder();
        while (read.find()) {
            read.appendReplacement(out, Matcher.quoteReplacement(texts.get(Integer.parseInt(read.group(1)))));
        }
        read.appendTail(out);
        return out.toString();
    }

    private static Group group(Matcher range, String expression) {
        // groups 1-2: between; 3-4: from/to; 5: since. An absent end is "now".
        if (range.group(1) != null) {
            return endingAt(index(range, 1), range.group(2), expression);
        }
        if (range.group(3) != null) {
            return endingAt(index(range, 3), range.group(4), expression);
        }
        return new Group(Kind.TO_NOW, index(range, 5), index(range, 5), expression);
    }

    private static Group endingAt(int first, String last, String expression) {
        return last == null
                ? new Group(Kind.TO_NOW, first, first, expression)
                : new Group(Kind.FIRST_TO_LAST, first, Integer.parseInt(last), expression);
    }

    private static int index(Matcher range, int group) {
        return Integer.parseInt(range.group(group));
    }

    private static void singles(String segment, List<String> expressions, List<Group> groups, StringBuilder remasked) {
        Matcher read = Pattern.compile(READ).matcher(segment);
        int position = 0;
        while (read.find()) {
            remasked.append(segment, position, read.start());
            int index = Integer.parseInt(read.group(1));
            groups.add(new Group(Kind.SINGLE, index, index, expressions.get(index)));
            remasked.append('#').append(groups.size() - 1).append('#');
            position = read.end();
        }
        remasked.append(segment.substring(position));
    }
}
