package com.classentra.platform.db;

import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    /** Replaces Boot's default transaction manager; jOOQ's Spring transaction provider uses it too. */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource, ObjectProvider<CurrentScopeResolver> resolver) {
        return new TenantScopedTransactionManager(dataSource, resolver);
    }
}
