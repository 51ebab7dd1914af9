package dev.enrichment.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hostile values by class, generated from a fixed seed so that a failure is reproduced by running the test again.
 * Each value is text; {@link #jsonValues} adds what only a JSON body can carry (wrong types, nesting, lone
 * surrogates).
 */
public final class FuzzValues {

    /** A value and the class it was drawn from, which a failure report names. */
    public record Value(String kind, String text) {}

    /** A raw JSON fragment and its class. */
    public record JsonValue(String kind, String json) {}

    public static final int HUNDRED_KB = 100 * 1024;

    private final Random random;

    public FuzzValues(long seed) {
        this.random = new Random(seed);
    }

    /** Text values for a parameter or a string field; {@code longest} caps the long class (a URL has limits). */
    public List<Value> texts(int longest) {
        List<Value> values = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            values.add(new Value("random ascii", randomAscii(1 + random.nextInt(40))));
            values.add(new Value("random unicode", randomUnicode(1 + random.nextInt(20))));
        }
        values.add(new Value("long", "a".repeat(longest)));
        // 9 bytes of UTF-8, 27 characters once percent-encoded in a URL
        values.add(new Value("long unicode", "ж🙂".repeat(longest / 27)));
        values.add(new Value("empty", ""));
        values.add(new Value("blank", "   "));
        values.add(new Value("right-to-left and combining", "\u202Eabc\u0301\u0336 ‮"));
        values.add(new Value("sql", "' OR '1'='1"));
        values.add(new Value("sql", "1; DROP TABLE conversation_summaries; --"));
        values.add(new Value("sql", "%' UNION SELECT password FROM pg_shadow --"));
        values.add(new Value("sql", "$$; SELECT pg_sleep(0) $$"));
        values.add(new Value("sql", "\\'; \\x00"));
        values.add(new Value("path traversal", "../../../../etc/passwd"));
        values.add(new Value("path traversal", "..%2F..%2Fetc%2Fpasswd"));
        values.add(new Value("path traversal", "..\\..\\windows\\win.ini"));
        values.add(new Value("path traversal", "/etc/passwd%00.json"));
        values.add(new Value("header injection", "a\r\nSet-Cookie: injected=1"));
        values.add(new Value("header injection", "a%0d%0aX-Injected: 1"));
        values.add(new Value("template", "${jndi:ldap://127.0.0.1/x}"));
        values.add(new Value("template", "{{7*7}}%s%n%x"));
        values.add(new Value("number", "-1"));
        values.add(new Value("number", "0"));
        values.add(new Value("number", "2147483648"));
        values.add(new Value("number", "99999999999999999999999"));
        values.add(new Value("number", "1e309"));
        values.add(new Value("number", "NaN"));
        values.add(new Value("number", "-0.0"));
        values.add(new Value("time", "2025-13-45T25:61:61Z"));
        values.add(new Value("time", "+999999999-12-31T23:59:59Z"));
        values.add(new Value("time", "-999999999-01-01T00:00:00Z"));
        values.add(new Value("zone", "Mars/Olympus_Mons"));
        return values;
    }

    /** Text values as JSON strings, plus values of every other JSON type and shape. */
    public List<JsonValue> jsonValues() {
        List<JsonValue> values = new ArrayList<>();
        for (Value text : texts(HUNDRED_KB)) {
            values.add(new JsonValue(text.kind(), quoted(text.text())));
        }
        values.add(new JsonValue("lone surrogate", "\"a\\ud800b\""));
        values.add(new JsonValue("escaped NUL", "\"a\\u0000b\""));
        values.add(new JsonValue("number", "1e999"));
        values.add(new JsonValue("number", "-99999999999999999999999999"));
        values.add(new JsonValue("number", "3.5"));
        values.add(new JsonValue("boolean", "true"));
        values.add(new JsonValue("object", "{\"a\":{\"b\":[1,2,{}]}}"));
        values.add(new JsonValue("array", "[1,\"x\",null,{}]"));
        values.add(new JsonValue("array of long strings", "[" + quoted("b".repeat(HUNDRED_KB)) + "]"));
        values.add(new JsonValue("deep nesting", "[".repeat(5000) + "]".repeat(5000)));
        values.add(new JsonValue("long array", "[" + "\"x\",".repeat(20_000) + "\"x\"]"));
        return values;
    }

    /** Whole bodies that are not JSON, or not the JSON an operation reads. */
    public static List<Value> malformedBodies() {
        return List.of(
                new Value("empty", ""),
                new Value("truncated", "{\"dry_run\": true"),
                new Value("unclosed array", "{\"bots\": [}"),
                new Value("trailing comma", "{\"dry_run\": true,}"),
                new Value("two documents", "{}{}"),
                new Value("not JSON", "dry_run=true"),
                new Value("bare word", "nul"),
                new Value("array", "[]"),
                new Value("string", "\"x\""),
                new Value("number", "1"),
                new Value("null", "null"),
                new Value("byte order mark", "\uFEFF{}"),
                new Value("comment", "/* x */ {}"),
                new Value("single quotes", "{'dry_run': true}"),
                new Value("unquoted key", "{dry_run: true}"),
                new Value("duplicate key", "{\"bots\": [\"a\"], \"bots\": 5}"),
                new Value("deep nesting", "{\"bots\":" + "[".repeat(5000) + "]".repeat(5000) + "}"),
                new Value("100 KB of garbage", "{" + "x".repeat(HUNDRED_KB)),
                new Value("xml", "<?xml version=\"1.0\"?><a/>"),
                new Value("control characters", "{\"bot\u0000\": \u0001}"));
    }

    /** Content types an operation that reads JSON must refuse, or read as JSON without harm. */
    public static List<String> wrongContentTypes() {
        return List.of(
                "text/plain",
                "application/xml",
                "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=xyz",
                "application/octet-stream",
                "application/json; charset=x-unknown",
                "application/json-patch+json",
                "text/html; charset=utf-8",
                "*/*",
                "garbage",
                "");
    }

    private String randomAscii(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return text.toString();
    }

    private String randomUnicode(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int codePoint = random.nextInt(0x2FFFF);
            // no control characters (their 400 is ControlCharacterParametersTest's) and no lone surrogates
            if (Character.isDefined(codePoint)
                    && !Character.isISOControl(codePoint)
                    && Character.getType(codePoint) != Character.SURROGATE) {
                text.appendCodePoint(codePoint);
            }
        }
        return text.toString();
    }

    private static String quoted(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
