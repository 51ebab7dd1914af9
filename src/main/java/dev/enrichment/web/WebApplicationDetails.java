package dev.enrichment.web;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Client-facing details for the JAX-RS exceptions Quarkus throws itself (no route, wrong method, bad parameter). */
final class WebApplicationDetails {

    static final String INVALID_PARAMETER = "invalid request parameter";

    private WebApplicationDetails() {}

    static String detail(WebApplicationException e, ContainerRequestContext request) {
        return switch (e.getResponse().getStatus()) {
            case 400 -> INVALID_PARAMETER;
            case 401 -> "an API key is required";
            case 403 -> "not allowed";
            case 404 -> "nothing at " + request.getUriInfo().getRequestUri().getRawPath();
            case 405 -> request.getMethod() + " is not supported here";
            case 406 -> "none of the media types in Accept can be produced here";
            case 415 -> "this media type is not accepted here";
            default -> "the request cannot be served";
        };
    }
}
