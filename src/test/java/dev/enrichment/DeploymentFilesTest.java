package dev.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * DEPLOYMENT FILES CHECK. Run alone with
 * {@code ./mvnw -B -q -Dtest=DeploymentFilesTest -Dsurefire.failIfNoSpecifiedTests=false test}.
 *
 * <p>Users configure the compose deployment through .env, so every variable it takes must be explained where they
 * look: the README's configuration table, as a row starting {@code | `VAR` |}. Also keeps compose.yaml, .env.example
 * and the Dockerfiles pointing at each other, since no daemon is there to try them in CI.
 */
@Tag("deployment")
@DisplayName("Deployment files: compose.yaml, .env.example, Dockerfiles and README agree")
class DeploymentFilesTest {

    private static final Path COMPOSE = Path.of("src/main/docker/compose.yaml");
    private static final Path ENV_EXAMPLE = Path.of(".env.example");
    private static final Path README = Path.of("README.md");

    /** {@code ${VAR}}, {@code ${VAR:-default}}, {@code ${VAR:?message}}; {@code $${VAR}} is for the container's shell. */
    private static final Pattern SUBSTITUTION = Pattern.compile("(?<!\\$)\\$\\{([A-Za-z_][A-Za-z0-9_]*)");

    private static final Pattern FULL_LINE_COMMENT = Pattern.compile("(?m)^\\s*#.*$");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Za-z_][A-Za-z0-9_]*)=", Pattern.MULTILINE);
    private static final Pattern TABLE_ROW = Pattern.compile("^\\|\\s*`([A-Z][A-Z0-9_]*)`\\s*\\|", Pattern.MULTILINE);

    @Test
    void readmeConfigurationTableHasARowForEveryDeploymentVariable() throws IOException {
        Set<String> required = new TreeSet<>();
        required.addAll(composeSubstitutions());
        required.addAll(enrichmentEnvironment().keySet());
        required.addAll(serviceVariables(envExampleVariables()));

        assertThat(readmeRows())
                .as(
                        "README.md needs a configuration table row `| `VAR` | default | meaning |` for each of %s",
                        required)
                .containsAll(required);
    }

    @Test
    void envExampleDefinesEveryVariableComposeSubstitutes() throws IOException {
        assertThat(envExampleVariables()).containsAll(composeSubstitutions());
    }

    @Test
    void composeBuildsTheNativeDockerfileFromTheRepositoryRoot() throws IOException {
        Map<String, Object> build = map(service("enrichment").get("build"));
        Path context =
                COMPOSE.getParent().resolve((String) build.get("context")).normalize();

        assertThat(context).isEqualTo(Path.of(""));
        assertThat(context.resolve((String) build.get("dockerfile")))
                .isEqualTo(Path.of("src/main/docker/Dockerfile.native"))
                .isRegularFile();
    }

    @Test
    void healthCheckRunsTheBinaryWhereTheDockerfilesPutIt() throws IOException {
        Object test = map(service("enrichment").get("healthcheck")).get("test");
        assertThat(test).isEqualTo(List.of("CMD", "/work/application", "healthcheck"));

        for (String dockerfile : List.of("Dockerfile.native", "Dockerfile.native-micro")) {
            assertThat(Files.readString(COMPOSE.resolveSibling(dockerfile)))
                    .as(dockerfile)
                    .containsPattern("(?m)^COPY .*\\*-runner /work/application$")
                    .contains("USER 1001");
        }
    }

    @Test
    void everyServiceRestartsIsLimitedAndHasAHealthCheck() throws IOException {
        for (String name : List.of("postgres", "qdrant", "enrichment")) {
            Map<String, Object> service = service(name);
            assertThat(service)
                    .as(name)
                    .containsEntry("restart", "unless-stopped")
                    .containsKeys("mem_limit", "healthcheck");
        }
        assertThat(map(service("enrichment").get("depends_on")))
                .containsEntry("postgres", Map.of("condition", "service_healthy"))
                .containsEntry("qdrant", Map.of("condition", "service_healthy"));
    }

    @Test
    void buildContextLetsInTheSourcesAndKeepsSecretsOut() throws IOException {
        List<String> ignore = Files.readAllLines(Path.of(".dockerignore"));
        assertThat(ignore).contains("*", "!mvnw", "!.mvn/", "!pom.xml", "!src/main/");
        assertThat(ignore).noneMatch(line -> line.startsWith("!") && line.contains(".env"));
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains(".env");
    }

    private static Set<String> readmeRows() throws IOException {
        return matches(TABLE_ROW, Files.readString(README));
    }

    private static Set<String> composeSubstitutions() throws IOException {
        return matches(
                SUBSTITUTION,
                FULL_LINE_COMMENT.matcher(Files.readString(COMPOSE)).replaceAll(""));
    }

    private static Set<String> envExampleVariables() throws IOException {
        return matches(ASSIGNMENT, Files.readString(ENV_EXAMPLE));
    }

    /** COMPOSE_* variables configure Compose itself, not the service, so the README's table has no place for them. */
    private static Set<String> serviceVariables(Set<String> variables) {
        Set<String> service = new TreeSet<>(variables);
        service.removeIf(name -> name.startsWith("COMPOSE_"));
        return service;
    }

    private static Map<String, Object> enrichmentEnvironment() throws IOException {
        return map(service("enrichment").get("environment"));
    }

    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
        return map(map(compose.get("services")).get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static Set<String> matches(Pattern pattern, String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
