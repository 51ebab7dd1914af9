package dev.enrichment.llm;

import dev.enrichment.problem.ProblemException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one way an LLM call fails. Its message holds no prompt text, answer text or API key: only the kind, the status,
 * the attempts and at most the provider's own short {@code error.message}.
 */
public final class LlmException extends ProblemException {

    /** What went wrong, coarse enough for a caller to decide what to do next. */
    public enum Kind {
        /** No API key is configured; no request was sent. */
        NOT_CONFIGURED(false),
        /** HTTP 429 on the last attempt. */
        RATE_LIMITED(true),
        /** HTTP 5xx on the last attempt, or an error the provider reported inside a 200 answer. */
        SERVER_ERROR(true),
        /** HTTP 4xx other than 408 and 429, e.g. a 400 for an unsupported {@code response_format}: not retried. */
        CLIENT_ERROR(false),
        /** No complete answer within the connect or read timeout, or HTTP 408. */
        TIMEOUT(true),
        /** The connection failed or broke. */
        TRANSPORT(true),
        /** A 2xx answer that is not JSON, has no choices or has no content. */
        MALFORMED_RESPONSE(false),
        /** The calling thread was interrupted while waiting; its interrupt flag is set again. */
        INTERRUPTED(false);

        private final boolean transientFailure;

        Kind(boolean transientFailure) {
            this.transientFailure = transientFailure;
        }
    }

    private static final int MAX_PROVIDER_MESSAGE_CHARS = 300;

    private final Kind kind;
    private final Integer httpStatus;
    private final String providerMessage;
    private final int attempts;
    private final transient Duration retryAfter;

    /** For test doubles in other packages: a failure after one attempt. */
    public LlmException(Kind kind, Integer httpStatus, String providerMessage) {
        this(kind, describe(kind, httpStatus, 1), httpStatus, providerMessage, 1, null, null);
    }

    LlmException(
            Kind kind,
            String message,
            Integer httpStatus,
            String providerMessage,
            int attempts,
            Duration retryAfter,
            Throwable cause) {
        super(
                ProblemException.Kind.LLM_UNAVAILABLE,
                "the LLM is unavailable; try again later",
                withProviderMessage(message, shorten(providerMessage)),
                cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.providerMessage = shorten(providerMessage);
        this.attempts = attempts;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or for an error OpenRouter reports inside a 200 answer the code it gives there. */
    public OptionalInt httpStatus() {
        return httpStatus == null ? OptionalInt.empty() : OptionalInt.of(httpStatus);
    }

    /** The provider's own {@code error.message}, shortened; never the request or the raw body. */
    public Optional<String> providerMessage() {
        return Optional.ofNullable(providerMessage);
    }

    /** HTTP attempts made before giving up (0 when nothing was sent). */
    public int attempts() {
        return attempts;
    }

    /** True when the same request may succeed later; the client has already retried it {@code llm.max-retries} times. */
    public boolean retryable() {
        return kind.transientFailure;
    }

    /** The wait the server asked for ({@code Retry-After}), if any. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    static String describe(Kind kind, Integer httpStatus, int attempts) {
        String status = httpStatus == null ? "" : ", HTTP " + httpStatus;
        return "LLM call failed (" + kind + status + ") after " + attempts + (attempts == 1 ? " attempt" : " attempts");
    }

    private static String withProviderMessage(String message, String providerMessage) {
        return providerMessage == null ? message : message + ": " + providerMessage;
    }

    private static String shorten(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.length() <= MAX_PROVIDER_MESSAGE_CHARS
                ? oneLine
                : oneLine.substring(0, MAX_PROVIDER_MESSAGE_CHARS) + "...";
    }
}
