package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import fr.ent.keycloak.enrolment.core.JdbcConnections;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.sql.Driver;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * One small connection pool per {@code ent-enrolment} component on this node, with Agroal (the pool Keycloak itself
 * uses, shipped in the distribution). A pool holds no student data, only open connections: it starts empty, keeps at
 * most {@value #MAX_SIZE} connections, closes those idle for {@link #IDLE} and renews each after {@link #LIFETIME}.
 * It is replaced when the component's database settings change, and closed when the component goes.
 */
final class ConnectionPools implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ConnectionPools.class);

    static final int MAX_SIZE = 8;
    static final Duration IDLE = Duration.ofMinutes(5);
    static final Duration LIFETIME = Duration.ofMinutes(30);

    private record Pool(Map<String, String> settings, AgroalDataSource dataSource) {}

    private final Map<String, Pool> pools = new ConcurrentHashMap<>();

    /** Connections of the component's pool (created at first use, or again after its settings changed). */
    EnrolmentSource.ConnectionSupplier connections(
            String componentId, Map<String, String> settings, JdbcConnections jdbc) {
        Pool pool = pools.compute(componentId, (id, current) -> {
            if (current != null && current.settings().equals(settings)) {
                return current;
            }
            if (current != null) {
                current.dataSource().close();
            }
            return new Pool(settings, create(jdbc));
        });
        AgroalDataSource dataSource = pool.dataSource();
        return dataSource == null ? jdbc::open : dataSource::getConnection;
    }

    /** Closes the component's pool, when the component is removed or its settings change. */
    void close(String componentId) {
        Pool pool = pools.remove(componentId);
        if (pool != null && pool.dataSource() != null) {
            pool.dataSource().close();
        }
    }

    /** A pool for {@code jdbc}, or null when this Keycloak has no driver for its URL (the source then says so). */
    private static AgroalDataSource create(JdbcConnections jdbc) {
        Class<? extends Driver> driver = jdbc.driverClass();
        if (driver == null) {
            return null;
        }
        Duration timeout = Duration.ofSeconds(jdbc.timeoutSeconds());
        AgroalDataSourceConfigurationSupplier configuration = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.initialSize(0)
                        .minSize(0)
                        .maxSize(MAX_SIZE)
                        .acquisitionTimeout(timeout)
                        .reapTimeout(IDLE)
                        .maxLifetime(LIFETIME)
                        .validateOnBorrow(true)
                        .validationTimeout(Duration.ofMinutes(2))
                        .connectionValidator(
                                AgroalConnectionPoolConfiguration.ConnectionValidator.defaultValidatorWithTimeout(
                                        jdbc.timeoutSeconds()))
                        .exceptionSorter(AgroalConnectionPoolConfiguration.ExceptionSorter.defaultExceptionSorter())
                        .connectionFactoryConfiguration(factory -> {
                            factory.jdbcUrl(jdbc.url())
                                    .connectionProviderClass(driver)
                                    .loginTimeout(timeout);
                            if (jdbc.user() != null && !jdbc.user().isBlank()) {
                                factory.principal(new NamePrincipal(jdbc.user()));
                            }
                            if (jdbc.password() != null && !jdbc.password().isEmpty()) {
                                factory.credential(new SimplePassword(jdbc.password()));
                            }
                            Properties properties = jdbc.properties();
                            properties
                                    .stringPropertyNames()
                                    .forEach(name -> factory.jdbcProperty(name, properties.getProperty(name)));
                            return factory;
                        }));
        try {
            return new io.agroal.pool.DataSource(configuration.get());
        } catch (RuntimeException e) {
            LOG.warnf("ENT enrolment: no connection pool (%s); connections are opened one by one", e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        pools.keySet().forEach(this::close);
    }
}
