package dev.enrichment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names the environment variables behind a failed start-up. It reads which variable feeds which property from
 * {@code application.properties} itself ({@code qdrant.grpc-port=${QDRANT_GRPC_PORT:6334}}), so the two never
 * drift apart, and looks for those property names in the failure's messages.
 */
final class ConfigFailureExplainer {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    private final Map<String, List<String>> variablesByProperty;

    ConfigFailureExplainer(Properties properties) {
        Map<String, List<String>> byProperty = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith("%")) {
                continue;
            }
            Matcher m = VARIABLE.matcher(properties.getProperty(name));
            List<String> variables = new ArrayList<>();
            while (m.find()) {
                variables.add(m.group(1));
            }
            if (!variables.isEmpty()) {
                byProperty.put(name, variables);
            }
        }
        this.variablesByProperty = byProperty;
    }

    static ConfigFailureExplainer fromClasspath() {
        Properties properties = new Properties();
        try (InputStream in = ConfigFailureExplainer.class.getResourceAsStream("/application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfigFailureExplainer(properties);
    }

    /** A sentence naming the variables whose properties the failure mentions, or empty when it mentions none. */
    Optional<String> explain(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        String text = messages.toString();
        List<String> culprits = new ArrayList<>();
        variablesByProperty.forEach((property, variables) -> {
            if (mentions(text, property)) {
                culprits.add(String.join(" / ", variables) + " (property " + property + ")");
            }
        });
        if (culprits.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Invalid configuration: check the environment variable" + (culprits.size() > 1 ? "s " : " ")
                + String.join(", ", culprits) + ". See the configuration table in the README.");
    }

    /** A whole-name match, so that {@code llm.max-retries} is not reported for {@code llm.max-retries-x}. */
    private static boolean mentions(String text, String property) {
        int from = 0;
        int at;
        while ((at = text.indexOf(property, from)) >= 0) {
            int end = at + property.length();
            boolean startOk = at == 0 || !isNameChar(text.charAt(at - 1));
            boolean endOk = end == text.length() || !continuesName(text, end);
            if (startOk && endOk) {
                return true;
            }
            from = end;
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.' || c == '_';
    }

    /** Whether the property name goes on at {@code i}; a full stop that ends a sentence does not continue it. */
    private static boolean continuesName(String text, int i) {
        char c = text.charAt(i);
        if (c == '.') {
            return i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1));
        }
        return isNameChar(c);
    }
}
