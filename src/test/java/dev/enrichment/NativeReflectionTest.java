package dev.enrichment;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import dev.enrichment.fact.FactJsonSamples;
import dev.enrichment.jobs.JobJsonSamples;
import dev.enrichment.llm.LlmJsonSamples;
import dev.enrichment.pipeline.CycleStarted;
import dev.enrichment.preference.PreferenceJsonSamples;
import dev.enrichment.problem.FieldError;
import dev.enrichment.web.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * NATIVE REFLECTION CHECK. Run alone with
 * {@code ./mvnw -B -Dtest=NativeReflectionTest -Dsurefire.failIfNoSpecifiedTests=false test}.
 *
 * <p>The native executable can (de)serialise with Jackson only classes registered for reflection. Quarkus registers
 * the types of REST resource signatures itself; every other class of ours that Jackson handles needs
 * {@code @RegisterForReflection}, or the native image writes it as {@code {}} or cannot read it, while every JVM test
 * passes. There is no GraalVM here, so this test watches Jackson instead: a module records each class of ours that
 * Jackson builds a (de)serialiser for while the uses outside REST signatures run, with mappers set up like the real
 * ones. A source scan makes sure no file that calls Jackson is left out of those uses.
 */
class NativeReflectionTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/enrichment");

    /** A Jackson data-binding call, or an entity put into a JAX-RS response, where no signature shows its type. */
    private static final Pattern JACKSON_CALL = Pattern.compile("\\.(readValues?|readTree|treeToValue|convertValue"
            + "|valueToTree|writeValue|writeValueAsString|writeValueAsBytes|readerFor|writerFor)\\("
            + "|Response\\.(ok|accepted)\\((?!\\))|\\.entity\\((?!\\))");

    /**
     * Every main source file with a {@link #JACKSON_CALL}, and where {@link #runJacksonUses} covers it. JSON columns
     * need no entry: their field types are read off the classes.
     */
    private static final Map<String, String> JACKSON_CALLERS = Map.ofEntries(
            entry("llm/LlmClient.java", "the request records: LlmJsonSamples.roundTrip"),
            entry("llm/ReplyReader.java", "the reply records: LlmJsonSamples.roundTrip"),
            entry("web/Problem.java", "every error body: problem()"),
            entry("pipeline/EnrichmentAdminResource.java", "the 202 body of a manual cycle: CycleStarted"),
            entry("jobs/JobResource.java", "the 202 bodies of job start and cancel: JobJsonSamples.backfillView"),
            entry("jobs/JobStore.java", "the job kinds' records: JobJsonSamples.storedRecords"),
            entry("fact/FactStore.java", "context_metadata: FactJsonSamples; reads only trees and plain maps"),
            entry("preference/PreferenceWriter.java", "preference entries: PreferenceJsonSamples; reads plain maps"),
            entry("preference/PreferenceReader.java", "nothing of ours: trees and plain maps"),
            entry("fact/FactReader.java", "nothing of ours: a tree"),
            entry("recap/LlmTimeFallback.java", "nothing of ours: the model's range, read as a tree"),
            entry("summary/SummaryWriter.java", "nothing of ours: key topics, a list of strings"),
            entry("pipeline/analysis/AnswerValidator.java", "nothing of ours: the model's answer, read as a tree"),
            entry("pipeline/analysis/AnalysisSchema.java", "nothing of ours: the schema, plain maps and lists"));

    private static List<Class<?>> mainClasses;
    /** Classes of ours that Jackson built a serialiser or deserialiser for while {@link #runJacksonUses} ran. */
    private static final Set<Class<?>> handled = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void runJacksonUses() throws Exception {
        mainClasses = mainClasses();
        Module recorder = recorder();

        // The OpenAI wire format, through the real writer and reader, on a copy of WireJson's own mapper.
        LlmJsonSamples.roundTrip(recorder);

        ObjectMapper app = applicationMapper(recorder);
        // Bodies put into a Response (the exception mapper's included): Quarkus only registers what signatures show.
        app.writeValueAsString(problem());
        app.writeValueAsString(new CycleStarted("enrichment cycle started", "/api/v1/admin/enrichment/status"));
        app.writeValueAsString(JobJsonSamples.backfillView(app));
        // The job kinds' records in the jobs' JSON columns, written and read back as JobStore does.
        for (Record stored : JobJsonSamples.storedRecords()) {
            app.convertValue(app.valueToTree(stored), stored.getClass());
        }
        // JSON the stores write by hand, and what goes into the jobs' JSON columns (carried by the view above).
        app.writeValueAsString(FactJsonSamples.contextMetadata());
        app.writeValueAsString(PreferenceJsonSamples.entries());
        // Every JSON column's declared type. readerFor and writerFor build their (de)serialisers at once, and a
        // deserialiser resolves every type nested in it.
        List<Type> columns = jsonColumnTypes();
        assertThat(columns)
                .as("@JdbcTypeCode(SqlTypes.JSON) fields of the compiled main classes")
                .isNotEmpty();
        for (Type column : columns) {
            JavaType type = app.constructType(column);
            app.readerFor(type);
            app.writerFor(type);
        }
    }

    @Test
    void registersEveryTypeJacksonHandlesOutsideRestSignatures() {
        assertThat(handled).as("types of ours that Jackson handled").isNotEmpty();
        // Exempt: GraalVM keeps every enum's constants, all Jackson needs of a plain enum; an interface is never built.
        List<String> unregistered = handled.stream()
                .filter(type -> !type.isEnum() && !type.isInterface())
                .filter(type -> !type.isAnnotationPresent(RegisterForReflection.class))
                .map(Class::getName)
                .sorted()
                .toList();

        assertThat(unregistered)
                .withFailMessage(
                        "Jackson (de)serialises %s outside REST resource signatures, where "
                                + "Quarkus does not register types for reflection: the native executable would write them as {} or "
                                + "fail to read them. Annotate each with @io.quarkus.runtime.annotations.RegisterForReflection "
                                + "(a nested record on its own, too).",
                        unregistered)
                .isEmpty();
    }

    @Test
    void registersOnlyTypesJacksonHandles() {
        // The service reflects on nothing by name (docs/stack-notes.md), so every registration is for Jackson.
        List<String> unused = mainClasses.stream()
                .filter(type -> type.isAnnotationPresent(RegisterForReflection.class))
                .filter(type -> !handled.contains(type))
                .map(Class::getName)
                .sorted()
                .toList();

        assertThat(unused)
                .withFailMessage(
                        "%s carry @RegisterForReflection, but none of the Jackson uses in "
                                + "NativeReflectionTest.runJacksonUses handles them: add the code path that (de)serialises them "
                                + "there, or remove the annotation if nothing does any more.",
                        unused)
                .isEmpty();
    }

    @Test
    void exercisesEveryFileThatCallsJackson() throws IOException {
        Map<String, String> callers = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                Files.readAllLines(file).stream()
                        .filter(line -> JACKSON_CALL.matcher(line).find())
                        .findFirst()
                        .ifPresent(line -> callers.put(
                                SOURCES.relativize(file).toString().replace(File.separatorChar, '/'), line.strip()));
            }
        }
        Map<String, String> unknown = new TreeMap<>(callers);
        unknown.keySet().removeAll(JACKSON_CALLERS.keySet());
        Set<String> gone = new TreeSet<>(JACKSON_CALLERS.keySet());
        gone.removeAll(callers.keySet());

        assertThat(unknown)
                .withFailMessage(
                        "These files hand Jackson values or types (first call shown) that "
                                + "NativeReflectionTest does not exercise: %s. Run what they (de)serialise in runJacksonUses() "
                                + "and list each file in JACKSON_CALLERS.",
                        unknown)
                .isEmpty();
        assertThat(gone)
                .withFailMessage(
                        "%s no longer call Jackson: remove them from "
                                + "NativeReflectionTest.JACKSON_CALLERS (and their uses, if nothing else needs them).",
                        gone)
                .isEmpty();
    }

    /** Adds every class of ours that Jackson builds a bean serialiser or deserialiser for to {@link #handled}. */
    private static Module recorder() {
        SimpleModule module = new SimpleModule("native-reflection-recorder");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public JsonSerializer<?> modifySerializer(
                    SerializationConfig config, BeanDescription bean, JsonSerializer<?> serializer) {
                record(bean.getBeanClass());
                return serializer;
            }
        });
        module.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public JsonDeserializer<?> modifyDeserializer(
                    DeserializationConfig config, BeanDescription bean, JsonDeserializer<?> deserializer) {
                record(bean.getBeanClass());
                return deserializer;
            }
        });
        return module;
    }

    private static void record(Class<?> type) {
        if (type.getName().startsWith("dev.enrichment.")) {
            handled.add(type);
        }
    }

    /**
     * Set up like Quarkus' application mapper (the REST layer and the stores' hand-written JSON). Hibernate's own
     * mapper for JSON columns differs in the naming strategy, which does not change the classes Jackson handles.
     */
    private static ObjectMapper applicationMapper(Module recorder) {
        return JsonMapper.builder()
                .findAndAddModules()
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .addModule(recorder)
                .build();
    }

    /** An error body with every part present; its fields are records of ours too. */
    private static Problem problem() {
        return new Problem(
                "https://enrichment.dev/problems/invalid-request",
                "Invalid request",
                400,
                "user_id: must not be blank",
                "/api/v1/facts",
                List.of(new FieldError("user_id", "must not be blank")),
                "5f0c1a52-8d0e-4c59-9a51-0d3c8f1e2b7a");
    }

    /** The declared types of every {@code @JdbcTypeCode(SqlTypes.JSON)} field: Hibernate maps them with Jackson. */
    private static List<Type> jsonColumnTypes() {
        return mainClasses.stream()
                .flatMap(type -> Arrays.stream(type.getDeclaredFields()))
                .filter(field -> field.isAnnotationPresent(JdbcTypeCode.class)
                        && field.getAnnotation(JdbcTypeCode.class).value() == SqlTypes.JSON)
                .map(Field::getGenericType)
                .toList();
    }

    /** Every class compiled from src/main/java, loaded without running its static initialiser. */
    private static List<Class<?>> mainClasses() throws Exception {
        Path root = Path.of(EnrichmentMain.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(file -> root.relativize(file).toString())
                    .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
                    .map(name ->
                            name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.'))
                    .<Class<?>>map(NativeReflectionTest::load)
                    .toList();
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, NativeReflectionTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
