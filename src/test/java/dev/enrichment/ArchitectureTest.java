package dev.enrichment;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The package rules of docs/style.md, checked against the service's own classes (tests excluded). */
class ArchitectureTest {

    private static final JavaClasses SERVICE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.enrichment");

    /** REST resources; a REST client interface carries @Path too but is a client, not a resource. */
    private static final DescribedPredicate<JavaClass> RESOURCES = DescribedPredicate.describe(
            "REST resources",
            type -> type.isAnnotatedWith(Path.class) && !type.isAnnotatedWith(RegisterRestClient.class));

    private static final String[] FEATURES = {
        "dev.enrichment.pipeline..",
        "dev.enrichment.summary..",
        "dev.enrichment.fact..",
        "dev.enrichment.preference..",
        "dev.enrichment.recap..",
        "dev.enrichment.context..",
        "dev.enrichment.search..",
        "dev.enrichment.jobs..",
        "dev.enrichment.security..",
        "dev.enrichment.web..",
        "dev.enrichment.health..",
        "dev.enrichment.demo.."
    };

    static final ArchRule featurePackagesFormNoCycles =
            slices().matching("dev.enrichment.(*)..").should().beFreeOfCycles();

    static final ArchRule qdrantAndLlmAreTheBottomLayer = noClasses()
            .that()
            .resideInAnyPackage("dev.enrichment.conversation..", "dev.enrichment.llm..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .because("conversation and llm import no other feature, only the root package");

    static final ArchRule securityImportsNoFeature = noClasses()
            .that()
            .resideInAPackage("dev.enrichment.security..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(without("dev.enrichment.security..", FEATURES));

    static final ArchRule problemIsFreeOfTheService = noClasses()
            .that()
            .resideInAPackage("dev.enrichment.problem..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(FEATURES)
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..")
            .because("problem is the error vocabulary, free of every feature and of HTTP");

    static final ArchRule webImportsNoFeatureButSecurity = noClasses()
            .that()
            .resideInAPackage("dev.enrichment.web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(without("dev.enrichment.web..", without("dev.enrichment.security..", FEATURES)));

    static final ArchRule nothingCallsIntoHealth = noClasses()
            .that()
            .resideOutsideOfPackage("dev.enrichment.health..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.enrichment.health..");

    static final ArchRule demoDataStaysOutOfTheServicePaths = noClasses()
            .that()
            .resideOutsideOfPackage("dev.enrichment.demo..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.enrichment.demo..");

    static final ArchRule servicesNeverImportResources =
            noClasses().that(are(not(RESOURCES))).should().dependOnClassesThat(RESOURCES);

    static final ArchRule resourcesContainNoSql = noClasses()
            .that(RESOURCES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.persistence..",
                    "java.sql..",
                    "javax.sql..",
                    "io.quarkus.hibernate..",
                    "io.quarkus.narayana..",
                    "org.hibernate..")
            .orShould()
            .dependOnClassesThat()
            .areAnnotatedWith(Entity.class)
            .because("a resource makes one service call; queries and transactions live in services");

    static final ArchRule entitiesStayInsideTheirFeature = classes()
            .should(new ArchCondition<JavaClass>("use only their own feature's entities") {
                @Override
                public void check(JavaClass origin, ConditionEvents events) {
                    for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                        JavaClass target = dependency.getTargetClass();
                        if (target.isAnnotatedWith(Entity.class)
                                && !feature(target).equals(feature(origin))) {
                            events.add(SimpleConditionEvent.violated(origin, dependency.getDescription()));
                        }
                    }
                }
            })
            .because("another feature reads and writes them through the owning feature's public services");

    static final ArchRule noHandMadeThreadsOrHttp = noClasses()
            .should()
            .callConstructorWhere(target(owner(assignableTo(Thread.class))))
            .orShould()
            .callMethodWhere(target(owner(equivalentTo(Executors.class))).and(target(nameStartingWith("new"))))
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.net.http..")
            .because("HTTP goes through the REST client and threads come from managed executors");

    // One test per rule, named after it, so a report says which boundary broke and where.
    @TestFactory
    Stream<DynamicTest> eachRuleHolds() {
        Map<String, ArchRule> rules = new LinkedHashMap<>();
        rules.put("feature packages form no cycles", featurePackagesFormNoCycles);
        rules.put("conversation and llm are the bottom layer", qdrantAndLlmAreTheBottomLayer);
        rules.put("security imports no feature", securityImportsNoFeature);
        rules.put("problem is free of the service and of HTTP", problemIsFreeOfTheService);
        rules.put("web imports no feature but security", webImportsNoFeatureButSecurity);
        rules.put("nothing calls into health", nothingCallsIntoHealth);
        rules.put("demo data stays out of the service's paths", demoDataStaysOutOfTheServicePaths);
        rules.put("services never import resources", servicesNeverImportResources);
        rules.put("resources contain no SQL", resourcesContainNoSql);
        rules.put("entities stay inside their feature", entitiesStayInsideTheirFeature);
        rules.put("no hand-made threads or HTTP", noHandMadeThreadsOrHttp);
        return rules.entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(
                        rule.getKey(), () -> rule.getValue().check(SERVICE)));
    }

    @Test
    void theRulesSeeTheWholeService() {
        // a wrong package name or import option would make every rule pass vacuously
        assertThat(SERVICE.stream().map(JavaClass::getPackageName).distinct())
                .contains("dev.enrichment", "dev.enrichment.pipeline", "dev.enrichment.web", "dev.enrichment.llm");
        assertThat(SERVICE.stream().filter(type -> type.getSimpleName().endsWith("Test")))
                .isEmpty();
    }

    /** The feature package a class belongs to: the segment after dev.enrichment, empty for the root package. */
    private static String feature(JavaClass type) {
        String rest = type.getPackageName().substring("dev.enrichment".length());
        return rest.isEmpty() ? "" : rest.substring(1).split("\\.")[0];
    }

    private static String[] without(String excluded, String[] packages) {
        return Arrays.stream(packages).filter(p -> !p.equals(excluded)).toArray(String[]::new);
    }
}
