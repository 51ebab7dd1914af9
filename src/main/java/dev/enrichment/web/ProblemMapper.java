package dev.enrichment.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.enrichment.problem.FieldError;
import dev.enrichment.problem.ProblemException;
import dev.enrichment.security.AccessDeniedException;
import io.quarkus.logging.Log;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place where failures become responses: every error leaves as an RFC 9457 {@code application/problem+json}
 * body. Features throw {@link ProblemException}s, which say what kind of problem it is; the status, type and title
 * are decided here. Bodies never carry a stack trace, an exception class or text from a prompt; an unexpected
 * failure is logged with its stack trace under a random error id, and only the id is sent.
 */
class ProblemMapper {

    static final String MALFORMED_BODY = "the request body is not valid JSON";

    @ServerExceptionMapper
    Response problem(ProblemException e, ContainerRequestContext request) {
        ProblemType type = ProblemType.valueOf(e.problemKind().name());
        if (type.status() >= 500) {
            Log.warnf("%s %s: %s", request.getMethod(), path(request), e.logText());
        }
        return Problem.of(type, e.detail(), instance(request))
                .withFields(e.fields())
                .toResponse()
                .build();
    }

    @ServerExceptionMapper
    Response accessDenied(AccessDeniedException e, ContainerRequestContext request) {
        if (e.status() == 401) {
            String challenge = e.reason() == AccessDeniedException.Reason.INVALID_KEY
                    ? "Bearer error=\"invalid_token\""
                    : "Bearer";
            return Problem.of(ProblemType.UNAUTHORIZED, e.detail(), instance(request))
                    .toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge)
                    .build();
        }
        return Problem.of(ProblemType.FORBIDDEN, e.detail(), instance(request))
                .toResponse()
                .build();
    }

    @ServerExceptionMapper
    Response validation(ValidationException e, ContainerRequestContext request) {
        if (e instanceof ConstraintViolationException violation
                && !ViolationFields.concernsReturnValue(violation.getConstraintViolations())) {
            List<FieldError> fields = ViolationFields.of(violation.getConstraintViolations());
            String detail =
                    fields.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
            return Problem.of(ProblemType.INVALID_REQUEST, detail, instance(request))
                    .withFields(fields)
                    .toResponse()
                    .build();
        }
        // A bad return value or a bad constraint declaration is a bug here, not in the request.
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e, ContainerRequestContext request) {
        return invalidBody(e, request);
    }

    @ServerExceptionMapper
    Response unreadableJson(JacksonException e, ContainerRequestContext request) {
        return invalidBody(e, request);
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, ContainerRequestContext request) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500 && status != 503) {
            return unexpected(e, request);
        }
        if (e.getCause() instanceof ProblemException refusal) {
            // A parameter converter refused a value, naming the parameter (see QueryParamConverters).
            return problem(refusal, request);
        }
        if (e.getCause() instanceof JacksonException jackson) {
            return invalidBody(jackson, request);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // Quarkus (as JAX-RS says) answers 404 when a path or query parameter cannot be converted; the resource
            // exists, so it is the request that is wrong. Quarkus's own converters do not say which parameter failed.
            return Problem.of(ProblemType.INVALID_REQUEST, WebApplicationDetails.INVALID_PARAMETER, instance(request))
                    .toResponse()
                    .build();
        }
        ProblemType type = ProblemType.forStatus(status).orElse(null);
        String detail = WebApplicationDetails.detail(e, request);
        Problem problem = type == null
                ? new Problem("about:blank", reasonPhrase(status), status, detail, instance(request), null, null)
                : Problem.of(type, detail, instance(request));
        Response.ResponseBuilder response = problem.toResponse();
        for (String header : List.of(HttpHeaders.ALLOW, HttpHeaders.RETRY_AFTER)) {
            String value = original.getHeaderString(header);
            if (value != null) {
                response.header(header, value);
            }
        }
        return response.build();
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, ContainerRequestContext request) {
        String errorId = UUID.randomUUID().toString();
        Log.errorf(e, "Internal error %s on %s %s", errorId, request.getMethod(), path(request));
        String detail = "an internal error occurred; quote error id " + errorId + " when reporting it";
        return Problem.of(ProblemType.INTERNAL_ERROR, detail, instance(request))
                .withErrorId(errorId)
                .toResponse()
                .build();
    }

    private static Response invalidBody(JacksonException e, ContainerRequestContext request) {
        Problem problem = Problem.of(ProblemType.INVALID_REQUEST, MALFORMED_BODY, instance(request));
        if (e instanceof JsonMappingException mapping) {
            String field = JsonFields.path(mapping);
            if (!field.isEmpty()) {
                String message = "has an invalid value or type";
                problem = Problem.of(ProblemType.INVALID_REQUEST, field + ": " + message, instance(request))
                        .withFields(List.of(new FieldError(field, message)));
            }
        }
        return problem.toResponse().build();
    }

    private static String reasonPhrase(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String instance(ContainerRequestContext request) {
        return request.getUriInfo().getRequestUri().getRawPath();
    }

    private static String path(ContainerRequestContext request) {
        return request.getUriInfo().getPath();
    }
}
