package dev.enrichment.web;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error the API reports to its caller as {@code application/problem+json} (RFC 9457). Services and resources
 * throw it; one exception mapper turns it, and every other failure, into the response.
 */
public class ApiProblem extends RuntimeException {

    /** One offending request field, for validation errors. */
    @RegisterForReflection
    @Schema(name = "ProblemField", description = "One offending request field")
    public record FieldError(
            @Schema(description = "The field, as named on the wire", example = "user_id") String field,
            @Schema(description = "What is wrong with it", example = "must not be blank") String message) {
    }

    private final int status;
    private final String title;
    private final List<FieldError> fields;

    public ApiProblem(int status, String title, String detail, List<FieldError> fields) {
        super(detail);
        this.status = status;
        this.title = title;
        this.fields = List.copyOf(fields);
    }

    /** 400 naming the offending field. */
    public static ApiProblem badRequest(String field, String message) {
        return new ApiProblem(400, "Invalid request", field + ": " + message, List.of(new FieldError(field, message)));
    }

    /** 400 with several offending fields. */
    public static ApiProblem badRequest(List<FieldError> fields) {
        String detail = fields.stream().map(f -> f.field() + ": " + f.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return new ApiProblem(400, "Invalid request", detail, fields);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "Not found", detail, List.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(409, "Conflict", detail, List.of());
    }

    public static ApiProblem unavailable(String detail) {
        return new ApiProblem(503, "Service unavailable", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }

    public List<FieldError> fields() {
        return fields;
    }
}
