package dev.enrichment.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Arrays;

import org.jboss.logging.Logger;

/**
 * The PostgreSQL server the tests use, one per JVM, started on first use.
 * <p>
 * With {@code QUARKUS_DATASOURCE_JDBC_URL} (and {@code _USERNAME}/{@code _PASSWORD}) set, that database is used and
 * nothing is started. Otherwise a throwaway cluster is created under {@code target/} from the local server binaries
 * ({@code pg_config --bindir}, else the newest {@code /usr/lib/postgresql/<version>/bin}; set
 * {@code TEST_POSTGRES_BIN_DIR} to use only that directory), run as an unprivileged OS user when the JVM is root,
 * and removed when the JVM exits. With neither, {@link #get()} fails with what to install or set.
 */
public final class TestPostgres {

    public static final String DATABASE = "enrichment_test";
    public static final String USERNAME = "enrichment";
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

    private TestPostgres(String jdbcUrl, String username, String password, boolean external, DatabaseAdmin admin,
            LocalCluster cluster, Object shared) {
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
                startFailure = e;
                throw e;
            }
        }
        return instance;
    }

    private static synchronized TestPostgres copyOf(Object sharedInstance) {
        if (instance == null || instance.shared != sharedInstance) {
            instance = new TestPostgres((String) call(sharedInstance, "jdbcUrl"),
                    (String) call(sharedInstance, "username"), (String) call(sharedInstance, "password"),
                    (Boolean) call(sharedInstance, "isExternal"), null, null, sharedInstance);
        }
        return instance;
    }

    private static TestPostgres start() {
        String url = System.getenv(URL_ENV);
        if (url != null && !url.isBlank()) {
            String user = System.getenv("QUARKUS_DATASOURCE_USERNAME");
            String password = System.getenv("QUARKUS_DATASOURCE_PASSWORD");
            LOG.infof("Tests use the PostgreSQL database from %s: %s", URL_ENV, url);
            return new TestPostgres(url, user, password, true, new DatabaseAdmin(url, user, password, null), null,
                    null);
        }
        long started = System.nanoTime();
        LocalCluster cluster = startCluster(PostgresBinaries.locate());
        try {
            DatabaseAdmin admin = new DatabaseAdmin(cluster.jdbcUrl("postgres"), LocalCluster.SUPERUSER,
                    cluster.superuserPassword(), USERNAME);
            String password = LocalCluster.randomPassword();
            admin.createLoginRole(USERNAME, password);
            admin.recreateDatabase(DATABASE);
            TestPostgres postgres = new TestPostgres(cluster.jdbcUrl(DATABASE), USERNAME, password, false, admin,
                    cluster, null);
            LOG.infof("Test PostgreSQL started in %d ms at %s (cluster %s, OS user %s)",
                    (System.nanoTime() - started) / 1_000_000, postgres.jdbcUrl, cluster.dir(), cluster.serverUser());
            return postgres;
        } catch (RuntimeException e) {
            cluster.stop();
            throw e;
        }
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
