package dev.enrichment.web;

import dev.enrichment.security.AdminAccess;
import dev.enrichment.security.ApiRole;
import dev.enrichment.security.BotAccess;
import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.ClassInfo;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;

/**
 * Writes each operation's key requirement into {@code /q/openapi} at build time: the role it needs (from
 * {@link BotAccess} / {@link AdminAccess}, read from the class index) in its description, and the problem responses
 * every protected operation can give: 400 when it takes input, 401, 403 when it needs an admin key, and 500.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class OpenApiAccessFilter implements OASFilter {

    private static final DotName PATH = DotName.createSimple("jakarta.ws.rs.Path");
    private static final DotName ADMIN = DotName.createSimple(AdminAccess.class.getName());
    private static final DotName BOT = DotName.createSimple(BotAccess.class.getName());
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

    private final Map<String, ApiRole> roles;

    /** SmallRye calls this constructor with the application's class index. */
    public OpenApiAccessFilter(IndexView index) {
        this.roles = rolesByOperation(index);
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths()
                .getPathItems()
                .forEach((path, item) -> item.getOperations().forEach((method, op) -> {
                    ApiRole role = roles.get(key(method.name(), path));
                    if (role != null) {
                        describe(op, role);
                    }
                }));
    }

    private static void describe(Operation op, ApiRole role) {
        String needs = role == ApiRole.ADMIN ? "Needs an admin key." : "Needs a bot key or an admin key.";
        op.setDescription(
                op.getDescription() == null || op.getDescription().isBlank()
                        ? needs
                        : op.getDescription().strip() + "\n\n" + needs);
        if (op.getResponses() == null) {
            op.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = op.getResponses();
        if (hasInput(op)) {
            APIResponse badRequest = responses.getAPIResponse("400");
            // Quarkus adds a bare "Bad Request" for validated input; ours carries the schema and examples.
            if (badRequest == null || badRequest.getRef() == null && badRequest.getContent() == null) {
                responses.addAPIResponse("400", OASFactory.createAPIResponse().ref(ProblemResponses.BAD_REQUEST));
            }
        }
        addIfAbsent(responses, "401", ProblemResponses.UNAUTHORIZED);
        if (role == ApiRole.ADMIN) {
            addIfAbsent(responses, "403", ProblemResponses.FORBIDDEN);
        }
        addIfAbsent(responses, "500", ProblemResponses.INTERNAL_ERROR);
    }

    private static boolean hasInput(Operation op) {
        return op.getRequestBody() != null
                || op.getParameters() != null && !op.getParameters().isEmpty();
    }

    private static void addIfAbsent(APIResponses responses, String status, String reference) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(reference));
        }
    }

    private static Map<String, ApiRole> rolesByOperation(IndexView index) {
        Map<String, ApiRole> roles = new HashMap<>();
        for (AnnotationInstance classPath : index.getAnnotations(PATH)) {
            if (classPath.target().kind() != AnnotationTarget.Kind.CLASS) {
                continue;
            }
            ClassInfo resource = classPath.target().asClass();
            ApiRole classRole = role(resource.hasDeclaredAnnotation(ADMIN), resource.hasDeclaredAnnotation(BOT));
            for (MethodInfo method : resource.methods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                ApiRole methodRole = role(method.hasDeclaredAnnotation(ADMIN), method.hasDeclaredAnnotation(BOT));
                ApiRole role = methodRole != null ? methodRole : classRole;
                if (role != null) {
                    AnnotationInstance methodPath = method.declaredAnnotation(PATH);
                    String path = classPath.value().asString() + "/"
                            + (methodPath == null ? "" : methodPath.value().asString());
                    roles.put(key(httpMethod, path), role);
                }
            }
        }
        return roles;
    }

    private static ApiRole role(boolean admin, boolean bot) {
        return admin ? ApiRole.ADMIN : bot ? ApiRole.BOT : null;
    }

    private static String httpMethod(MethodInfo method) {
        for (AnnotationInstance annotation : method.declaredAnnotations()) {
            DotName name = annotation.name();
            if (name.packagePrefix() != null
                    && name.packagePrefix().equals("jakarta.ws.rs")
                    && HTTP_METHODS.contains(name.local())) {
                return name.local();
            }
        }
        return null;
    }

    /** {@code GET /api/v1/x/{id}}: slashes collapsed, no trailing slash, path-parameter regexes dropped. */
    static String key(String httpMethod, String path) {
        String normalized =
                ("/" + path).replaceAll("\\{\\s*([^}:\\s]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        if (normalized.length() > 1 && normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return httpMethod.toUpperCase(Locale.ROOT) + " " + normalized;
    }
}
