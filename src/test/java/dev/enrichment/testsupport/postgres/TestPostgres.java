package dev.enrichment.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The PostgreSQL server the tests use, one per JVM, started on first use.
 * <p>
 * With {@code QUARKUS_DATASOURCE_JDBC_URL} (and {@code _USERNAME}/{@code _PASSWORD}) set, that database is used and
 * nothing is started. Otherwise a throwaway cluster is created under {@code target/}, run as an unprivileged OS user
 * when the JVM is root, and removed when the JVM exits. Its server programs come from {@code TEST_POSTGRES}:
 * <ul>
 * <li>{@code local}: the machine's ({@code pg_config --bindir}, else the newest
 * {@code /usr/lib/postgresql/<version>/bin}; {@code TEST_POSTGRES_BIN_DIR} names one directory instead);</li>
 * <li>{@code embedded}: the binaries published on Maven Central, a test dependency ({@link EmbeddedBinaries});</li>
 * <li>unset: the machine's when installed, else the embedded ones.</li>
 * </ul>
 * When no server can be had, {@link #get()} fails with one line saying what to install or set.
 */
public final class TestPostgres {

    public static final String DATABASE = "enrichment_test";
    public static final String USERNAME = "enrichment";
    static final String SOURCE_ENV = "TEST_POSTGRES";
    private static final String URL_ENV = "QUARKUS_DATASOURCE_JDBC_URL";
    private static final Logger LOG = Logger.getLogger(TestPostgres.class);

    private static TestPostgres instance;
    private static RuntimeException startFailure;

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final boolean external;
    private final DatabaseAdmin admin;
    private final LocalCluster cluster;
    private final Object shared;

    private TestPostgres(
            String jdbcUrl,
            String username,
            String password,
            boolean external,
            DatabaseAdmin admin,
            LocalCluster cluster,
            Object shared) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.external = external;
        this.admin = admin;
        this.cluster = cluster;
        this.shared = shared;
    }

    /** The server, started on the first call; a failed start fails every later call the same way. */
    public static TestPostgres get() {
        Class<?> sharedClass = sharedClass();
        return sharedClass == TestPostgres.class ? getOwn() : copyOf(call(sharedClass, "get"));
    }

    /** Fails, saying what to install or set, when {@link #get()} could not start a server for lack of programs. */
    static void checkCanStart() {
        String url = System.getenv(URL_ENV);
        if (url == null || url.isBlank()) {
            Path binaries = serverBinaries(System.getenv(SOURCE_ENV));
            // as root the server runs as another OS user, found (with runuser or setpriv) here
            OsCommands.forThisProcess();
            LOG.infof("Test PostgreSQL will run from %s", binaries);
        }
    }

    /** The main test database. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Another database on the same server, e.g. one made by {@link #recreateDatabase(String)}. */
    public String jdbcUrl(String database) {
        return JdbcUrls.withDatabase(jdbcUrl, DatabaseAdmin.checkedName(database));
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public boolean isExternal() {
        return external;
    }

    /** Drops the database if it exists (closing its connections) and creates it empty, owned by {@link #username()}. */
    public void recreateDatabase(String name) {
        if (shared != null) {
            call(shared, "recreateDatabase", name);
        } else {
            admin.recreateDatabase(name);
        }
    }

    /** Stops the local cluster and deletes its directory; the next {@link #get()} starts a new one. */
    public void stop() {
        if (shared != null) {
            call(shared, "stop");
            return;
        }
        synchronized (TestPostgres.class) {
            if (cluster != null) {
                cluster.stop();
            }
            if (instance == this) {
                instance = null;
            }
        }
    }

    /**
     * Stops this instance's own cluster without removing it, for tests of a database that goes away; only for a
     * cluster this JVM started ({@link #throwaway()}), never a shared or external one.
     */
    public void stopServerKeepingData() {
        ownCluster("stop").stopServerKeepingDataUnchecked();
    }

    /** Starts the cluster stopped by {@link #stopServerKeepingData()} again, on the same port. */
    public void restartServer() {
        ownCluster("restart").restartServerUnchecked();
    }

    private LocalCluster ownCluster(String action) {
        if (cluster == null || shared != null) {
            throw new IllegalStateException("Only a cluster of this JVM's own can be told to " + action);
        }
        return cluster;
    }

    // Quarkus loads test classes again in a class loader per application start, each with its own statics; the JVM
    // must still run one server, so copies defer to this class as loaded by the system class loader.
    private static Class<?> sharedClass() {
        try {
            return Class.forName(TestPostgres.class.getName(), true, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException e) {
            return TestPostgres.class;
        }
    }

    private static synchronized TestPostgres getOwn() {
        if (startFailure != null) {
            throw startFailure;
        }
        if (instance == null) {
            try {
                instance = start();
            } catch (RuntimeException e) {
                // Quarkus reports a failed test resource several wrappers deep; this line is the one to read
                startFailure = new IllegalStateException("No PostgreSQL for the tests: " + e.getMessage(), e);
                LOG.error(firstLine(startFailure.getMessage()));
                throw startFailure;
            }
        }
        return instance;
    }

    private static synchronized TestPostgres copyOf(Object sharedInstance) {
        if (instance == null || instance.shared != sharedInstance) {
            instance = new TestPostgres(
                    (String) call(sharedInstance, "jdbcUrl"),
                    (String) call(sharedInstance, "username"),
                    (String) call(sharedInstance, "password"),
                    (Boolean) call(sharedInstance, "isExternal"),
                    null,
                    null,
                    sharedInstance);
        }
        return instance;
    }

    private static TestPostgres start() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            String user = System.getenv("QUARKUS_DATASOURCE_USERNAME");
            String password = System.getenv("QUARKUS_DATASOURCE_PASSWORD");
            LOG.infof("Tests use the PostgreSQL database from %s: %s", URL_ENV, url);
            return new TestPostgres(
                    url, user, password, true, new DatabaseAdmin(url, user, password, null), null, null);
        }
        return throwaway();
    }

    /**
     * A new cluster of its own, whatever {@code QUARKUS_DATASOURCE_JDBC_URL} says (the demo uses this: it must never
     * touch a database the user owns); stopped by {@link #stop()} or when the JVM exits.
     */
    public static TestPostgres throwaway() {
        long started = System.nanoTime();
        Path binaries = serverBinaries(System.getenv(SOURCE_ENV));
        LocalCluster cluster = startCluster(binaries);
        try {
            DatabaseAdmin admin = new DatabaseAdmin(
                    cluster.jdbcUrl("postgres"), LocalCluster.SUPERUSER, cluster.superuserPassword(), USERNAME);
            String password = LocalCluster.randomPassword();
            admin.createLoginRole(USERNAME, password);
            admin.recreateDatabase(DATABASE);
            TestPostgres postgres =
                    new TestPostgres(cluster.jdbcUrl(DATABASE), USERNAME, password, false, admin, cluster, null);
            LOG.infof(
                    "Test PostgreSQL started in %d ms at %s (programs %s, cluster %s, OS user %s)",
                    (System.nanoTime() - started) / 1_000_000,
                    postgres.jdbcUrl,
                    binaries,
                    cluster.dir(),
                    cluster.serverUser());
            return postgres;
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
    }

    /** The directory holding initdb, pg_ctl and postgres, chosen by {@code TEST_POSTGRES}. */
    static Path serverBinaries(String source) {
        String choice = source == null ? "" : source.trim().toLowerCase(Locale.ROOT);
        return switch (choice) {
            case "local" -> PostgresBinaries.locate();
            case "embedded" -> embeddedBinaries();
            case "" ->
                System.getenv(PostgresBinaries.BIN_DIR_ENV) != null
                        ? PostgresBinaries.locate()
                        : PostgresBinaries.installed().orElseGet(TestPostgres::embeddedBinaries);
            default ->
                throw new IllegalStateException(
                        SOURCE_ENV + " must be `local` or `embedded` (or unset), not `" + source + "`");
        };
    }

    private static Path embeddedBinaries() {
        Path bin = EmbeddedBinaries.unpack(Path.of("target").toAbsolutePath());
        try {
            if (OsCommands.forThisProcess().serverUserCanRun(bin.resolve("postgres"))) {
                return bin;
            }
        } catch (IOException e) {
            LOG.debugf(e, "Could not check who can run %s", bin);
        }
        // e.g. a checkout under /root, which the unprivileged server user cannot enter
        return EmbeddedBinaries.unpack(Path.of(System.getProperty("java.io.tmpdir")));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    private static LocalCluster startCluster(Path binDir) {
        try {
            return LocalCluster.start(binDir, Path.of("target").toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the test PostgreSQL cluster", e);
        }
    }

    /** Calls a public method that takes only strings: on a class (static) or on an instance. */
    private static Object call(Object target, String method, String... args) {
        Class<?> type = target instanceof Class<?> c ? c : target.getClass();
        Class<?>[] parameterTypes = new Class<?>[args.length];
        Arrays.fill(parameterTypes, String.class);
        try {
            return type.getMethod(method, parameterTypes).invoke(target == type ? null : target, (Object[]) args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot reach the shared TestPostgres", e);
        }
    }
}
