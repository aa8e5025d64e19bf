package com.example.ats.messaging.db;

import java.time.Duration;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SharedSessionContract;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.Transaction;

/** Runs work in one Hibernate session and transaction: committed on success, rolled back otherwise. */
public final class Transactions {
    private static final Duration WAIT_FOR_DATABASE = Duration.ofSeconds(30);

    private final MessagingDatabase database;

    public Transactions(MessagingDatabase database) {
        this.database = database;
    }

    public <T> T inTransaction(Function<Session, T> work) {
        return run(SessionFactory::openSession, work);
    }

    /**
     * Whether a failure was a unique or foreign key violation (possibly wrapped by the commit),
     * i.e. a concurrent request got there first.
     */
    public static boolean isConstraintViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Read-only work of one statement in a stateless session, in auto-commit: no persistence
     * context to build and no begin/commit round trips, which matters on the hot read paths
     * (unread badge, lists, histories). Work that needs several statements to agree uses
     * {@link #inTransaction}.
     */
    public <T> T read(Function<StatelessSession, T> work) {
        try (StatelessSession session = database.sessionFactory(WAIT_FOR_DATABASE).openStatelessSession()) {
            return work.apply(session);
        }
    }

    private <S extends SharedSessionContract, T> T run(Function<SessionFactory, S> open, Function<S, T> work) {
        try (S session = open.apply(database.sessionFactory(WAIT_FOR_DATABASE))) {
            Transaction transaction = session.beginTransaction();
            try {
                T result = work.apply(session);
                transaction.commit();
                return result;
            } catch (RuntimeException | Error e) {
                if (transaction.isActive()) {
                    transaction.rollback();
                }
                throw e;
            }
        }
    }
}
