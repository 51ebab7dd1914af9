package dev.enrichment;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Callable;
import org.hibernate.FlushMode;
import org.hibernate.Session;

/**
 * Runs a request's reads in one new transaction, so that they share one pooled connection, with Hibernate told that
 * nothing will be written: entities are loaded read-only (no snapshot kept for dirty checking) and the session is
 * never flushed, neither before each native query nor at commit. Under load that flushing was a good share of a
 * read's CPU. A write attempted inside is not flushed, so only reads belong here.
 */
@ApplicationScoped
public class ReadTransaction {

    private final Session session;

    ReadTransaction(Session session) {
        this.session = session;
    }

    public <T> T call(Callable<T> reads) {
        return QuarkusTransaction.requiringNew().call(() -> {
            // the injected session is the transaction's own, so this holds for this transaction only
            session.setDefaultReadOnly(true);
            session.setHibernateFlushMode(FlushMode.MANUAL);
            return reads.call();
        });
    }
}
