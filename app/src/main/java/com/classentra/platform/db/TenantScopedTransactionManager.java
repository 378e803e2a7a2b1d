package com.classentra.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * The one place that tells PostgreSQL whom a transaction acts for. Every transaction, whether started by
 * {@code @Transactional}, a TransactionTemplate or jOOQ's {@code transactionResult}, begins with
 * {@code set_config(..., true)} (transaction-local, like SET LOCAL), so the settings vanish at commit and
 * never leak to the next user of the pooled connection. Without a scope the settings are empty and every
 * tenant policy matches no row.
 */
public class TenantScopedTransactionManager extends JdbcTransactionManager {

    private final transient ObjectProvider<CurrentScopeResolver> resolver;

    public TenantScopedTransactionManager(DataSource dataSource, ObjectProvider<CurrentScopeResolver> resolver) {
        super(dataSource);
        this.resolver = resolver;
    }

    @Override
    protected void prepareTransactionalConnection(Connection connection, TransactionDefinition definition) throws SQLException {
        super.prepareTransactionalConnection(connection, definition);
        DbScope scope = DbScope.CURRENT.isBound() ? DbScope.CURRENT.get() : resolved();
        try (PreparedStatement statement = connection.prepareStatement(
                "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true), "
                        + "set_config('app.platform_scope', ?, true)")) {
            statement.setString(1, scope == null || scope.tenantId() == null ? "" : scope.tenantId().toString());
            statement.setString(2, scope == null || scope.userId() == null ? "" : scope.userId().toString());
            statement.setString(3, scope != null && scope.platform() ? "on" : "off");
            statement.execute();
        }
    }

    private DbScope resolved() {
        CurrentScopeResolver current = resolver.getIfAvailable();
        return current == null ? null : current.fromSignedInUser().orElse(null);
    }
}
