package io.github.camelai4call.component.feed.tx;

import java.sql.Connection;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * One transaction of the feed state's database, bound to the polling thread the way Spring binds one: whatever runs on
 * that thread and takes its connection through Spring ({@code camel-sql}'s JdbcTemplate, {@code DataSourceUtils}) from
 * the same DataSource works inside it, and the feed state write commits it all at once.
 */
public final class StateTransaction {

    private final DataSource dataSource;
    private final DataSourceTransactionManager manager;
    private TransactionStatus status;

    public StateTransaction(DataSource dataSource) {
        this.dataSource = dataSource;
        this.manager = new DataSourceTransactionManager(dataSource);
    }

    /** Starts the transaction unless one is open. */
    public void begin() {
        if (status == null) {
            status = manager.getTransaction(new DefaultTransactionDefinition());
        }
    }

    public boolean active() {
        return status != null;
    }

    /** The transaction's connection; give it back with {@link #release(Connection)}, never close or commit it. */
    public Connection connection() {
        return DataSourceUtils.getConnection(dataSource);
    }

    public void release(Connection connection) {
        DataSourceUtils.releaseConnection(connection, dataSource);
    }

    public void commit() {
        TransactionStatus open = status;
        status = null;
        if (open != null) {
            manager.commit(open);
        }
    }

    /** Rolls back what the route and the state did since {@link #begin()}; nothing when no transaction is open. */
    public void rollback() {
        TransactionStatus open = status;
        status = null;
        if (open != null) {
            manager.rollback(open);
        }
    }
}
