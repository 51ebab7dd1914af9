package dev.enrichment.web;

import dev.enrichment.problem.ProblemException;

/** Shorthands for the problems a resource, at the HTTP edge, reports itself. */
public final class ApiProblem {

    private ApiProblem() {}

    /** 400 naming the offending field. */
    public static ProblemException badRequest(String field, String message) {
        return ProblemException.invalid(field, message);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(ProblemException.Kind.NOT_FOUND, detail);
    }
}
