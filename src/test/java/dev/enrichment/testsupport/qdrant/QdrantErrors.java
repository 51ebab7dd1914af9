package dev.enrichment.testsupport.qdrant;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * The errors the double raises, worded and coded like Qdrant's own.
 *
 * <p>Qdrant maps its storage errors onto gRPC codes as: not found to NOT_FOUND, already exists to ALREADY_EXISTS,
 * bad request and wrong input to INVALID_ARGUMENT; the message is the error's display text
 * ("Not found: ...", "Bad request: ...", "Wrong input: ...").
 */
final class QdrantErrors {

    private QdrantErrors() {}

    static StatusRuntimeException collectionNotFound(String name) {
        return Status.NOT_FOUND
                .withDescription("Not found: Collection `" + name + "` doesn't exist!")
                .asRuntimeException();
    }

    static StatusRuntimeException collectionAlreadyExists(String name) {
        return Status.ALREADY_EXISTS
                .withDescription("Wrong input: Collection `" + name + "` already exists!")
                .asRuntimeException();
    }

    static StatusRuntimeException badRequest(String description) {
        return Status.INVALID_ARGUMENT
                .withDescription("Bad request: " + description)
                .asRuntimeException();
    }

    static StatusRuntimeException wrongInput(String description) {
        return Status.INVALID_ARGUMENT
                .withDescription("Wrong input: " + description)
                .asRuntimeException();
    }

    /** For request features the double deliberately leaves out, so a test fails loudly instead of passing wrongly. */
    static StatusRuntimeException unsupported(String feature) {
        return Status.UNIMPLEMENTED
                .withDescription("QdrantTestDouble does not support " + feature)
                .asRuntimeException();
    }
}
