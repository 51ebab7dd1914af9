package dev.enrichment.testsupport.qdrant;

import dev.enrichment.testsupport.LogCapture;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For test classes whose tests make Qdrant calls fail on purpose: the client's ERROR line and stack trace for each
 * failed call stays off the build log ({@link QdrantTestDouble#expectedClientFailures()}) during every test.
 */
public final class ExpectQdrantClientFailures implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ExpectQdrantClientFailures.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put(LogCapture.class, QdrantTestDouble.expectedClientFailures());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        LogCapture capture = context.getStore(NAMESPACE).remove(LogCapture.class, LogCapture.class);
        if (capture != null) {
            capture.close();
        }
    }
}
