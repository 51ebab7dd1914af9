package dev.enrichment.testsupport.postgres;

/**
 * Run by the build before the tests: checks that {@link TestPostgres} will find server programs it can run (or a
 * database of the user's own), so a machine without any fails the build with one line saying what to install or
 * set, rather than every Quarkus test failing with that reason several wrappers deep.
 */
public final class PostgresPreflight {

    private PostgresPreflight() {}

    public static void main(String[] args) {
        try {
            TestPostgres.checkCanStart();
        } catch (RuntimeException e) {
            throw new IllegalStateException("No PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }
}
