package dev.enrichment.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.enrichment.conversation.ConversationSourceException;
import dev.enrichment.llm.LlmException;
import dev.enrichment.pipeline.AnalysisFailedException;
import dev.enrichment.pipeline.CycleAlreadyRunningException;
import dev.enrichment.pipeline.WindowBusyException;
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
 * body. Bodies never carry a stack trace, an exception class or text from a prompt; an unexpected failure is logged
 * with its stack trace under a random error id, and only the id is sent.
 */
class ProblemMapper {

    static final String LLM_UNAVAILABLE = "the LLM is unavailable; try again later";
    static final String LLM_UNUSABLE = "the LLM gave no usable analysis; try again later";
    static final String SOURCE_UNAVAILABLE =
            "the conversation source (Qdrant) cannot be read right now; try again later";
    static final String MALFORMED_BODY = "the request body is not valid JSON";

    @ServerExceptionMapper
    Response apiProblem(ApiProblem e, ContainerRequestContext request) {
        String type = ProblemType.forStatus(e.status()).map(ProblemType::uri).orElse("about:blank");
        return new Problem(type, e.title(), e.status(), e.detail(), instance(request), e.fields(), null)
                .toResponse().build();
    }

    @ServerExceptionMapper
    Response accessDenied(AccessDeniedException e, ContainerRequestContext request) {
        if (e.status() == 401) {
            String challenge = e.reason() == AccessDeniedException.Reason.INVALID_KEY
                    ? "Bearer error=\"invalid_token\""
                    : "Bearer";
            return Problem.of(ProblemType.UNAUTHORIZED, e.detail(), instance(request)).toResponse()
                    .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
        }
        return Problem.of(ProblemType.FORBIDDEN, e.detail(), instance(request)).toResponse().build();
    }

    @ServerExceptionMapper
    Response validation(ValidationException e, ContainerRequestContext request) {
        if (e instanceof ConstraintViolationException violation
                && !ViolationFields.concernsReturnValue(violation.getConstraintViolations())) {
            List<ApiProblem.FieldError> fields = ViolationFields.of(violation.getConstraintViolations());
            String detail = fields.stream().map(f -> f.field() + ": " + f.message())
                    .collect(Collectors.joining("; "));
            return Problem.of(ProblemType.INVALID_REQUEST, detail, instance(request)).withFields(fields)
                    .toResponse().build();
        }
        // A bad return value or a bad constraint declaration is a bug here, not in the request.
        return unexpected(e, request);
    }

    @ServerExceptionMapper
    Response cycleRunning(CycleAlreadyRunningException e, ContainerRequestContext request) {
        return Problem.of(ProblemType.CONFLICT, e.getMessage(), instance(request)).toResponse().build();
    }

    @ServerExceptionMapper
    Response windowBusy(WindowBusyException e, ContainerRequestContext request) {
        return Problem.of(ProblemType.CONFLICT, e.getMessage(), instance(request)).toResponse().build();
    }

    @ServerExceptionMapper
    Response analysisFailed(AnalysisFailedException e, ContainerRequestContext request) {
        // The exception's own message may quote the model's answer; the caller gets a fixed sentence.
        Log.warnf("%s %s: analysis failed (llm unavailable: %s)", request.getMethod(), path(request),
                e.llmUnavailable());
        String detail = e.llmUnavailable() ? LLM_UNAVAILABLE : LLM_UNUSABLE;
        return Problem.of(ProblemType.LLM_UNAVAILABLE, detail, instance(request)).toResponse().build();
    }

    @ServerExceptionMapper
    Response llmFailed(LlmException e, ContainerRequestContext request) {
        Log.warnf("%s %s: LLM call failed: %s", request.getMethod(), path(request), e.getMessage());
        return Problem.of(ProblemType.LLM_UNAVAILABLE, LLM_UNAVAILABLE, instance(request)).toResponse().build();
    }

    @ServerExceptionMapper
    Response sourceUnavailable(ConversationSourceException e, ContainerRequestContext request) {
        Log.warnf("%s %s: Qdrant unavailable: %s", request.getMethod(), path(request), e.getMessage());
        return Problem.of(ProblemType.SOURCE_UNAVAILABLE, SOURCE_UNAVAILABLE, instance(request)).toResponse()
                .build();
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
        if (e.getCause() instanceof JacksonException jackson) {
            return invalidBody(jackson, request);
        }
        if (e instanceof NotFoundException && e.getCause() != null) {
            // Quarkus (as JAX-RS says) answers 404 when a path or query parameter cannot be converted; the resource
            // exists, so it is the request that is wrong. Quarkus does not say which parameter failed.
            return Problem.of(ProblemType.INVALID_REQUEST, WebApplicationDetails.INVALID_PARAMETER, instance(request))
                    .toResponse().build();
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
        return Problem.of(ProblemType.INTERNAL_ERROR, detail, instance(request)).withErrorId(errorId)
                .toResponse().build();
    }

    private static Response invalidBody(JacksonException e, ContainerRequestContext request) {
        Problem problem = Problem.of(ProblemType.INVALID_REQUEST, MALFORMED_BODY, instance(request));
        if (e instanceof JsonMappingException mapping) {
            String field = JsonFields.path(mapping);
            if (!field.isEmpty()) {
                String message = "has an invalid value or type";
                problem = Problem.of(ProblemType.INVALID_REQUEST, field + ": " + message, instance(request))
                        .withFields(List.of(new ApiProblem.FieldError(field, message)));
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
