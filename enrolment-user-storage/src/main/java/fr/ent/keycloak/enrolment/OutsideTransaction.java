package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicReference;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Runs the reads of the enrolment database with Keycloak's JTA transaction suspended: a datasource configured on
 * the server would otherwise enlist in Keycloak's transaction (as an XA resource, or a second last resource, which
 * the transaction manager refuses), and the read-only work of the source has no place in Keycloak's commit.
 */
final class OutsideTransaction implements EnrolmentSource.Boundary {

    private final KeycloakSessionFactory sessionFactory;

    OutsideTransaction(KeycloakSessionFactory sessionFactory) {
        this.sessionFactory = sessionFactory;
    }

    @Override
    public <T> T run(EnrolmentSource.Work<T> work) throws SQLException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<SQLException> failure = new AtomicReference<>();
        KeycloakModelUtils.suspendJtaTransaction(sessionFactory, () -> {
            try {
                result.set(work.run());
            } catch (SQLException e) {
                failure.set(e);
            }
        });
        if (failure.get() != null) {
            throw failure.get();
        }
        return result.get();
    }
}
