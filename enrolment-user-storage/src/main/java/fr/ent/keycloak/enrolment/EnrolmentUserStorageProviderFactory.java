package fr.ent.keycloak.enrolment;

import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.UserStorageProviderFactory;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.ImportSynchronization;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * The enrolment database as a user federation provider ({@value #PROVIDER_ID}, under User federation in the admin
 * console). Students are imported into Keycloak ("Sync all users", "Sync changed users", periodic syncs, or at the
 * first lookup of a login), kept in sync, and their account state follows the academic calendar.
 */
public final class EnrolmentUserStorageProviderFactory
        implements UserStorageProviderFactory<EnrolmentUserStorageProvider>, ImportSynchronization {

    public static final String PROVIDER_ID = "ent-enrolment";

    private final Clock clock = Clock.systemUTC();

    @Override
    public EnrolmentUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new EnrolmentUserStorageProvider(session, model, clock);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Students imported from the enrolment database (JDBC) and kept in sync.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return EnrolmentConfig.PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        EnrolmentConfig.validate(model);
        // when an administrator saves (an HTTP request), the database must answer with every mapped column; a realm
        // imported at start-up is not refused because the enrolment database is down at that moment
        if (!isHttpRequest(session)) {
            return;
        }
        new EnrolmentConfig(model).source().check().ifPresent(problem -> {
            throw new ComponentValidationException("The enrolment database cannot be read: " + problem);
        });
    }

    private static boolean isHttpRequest(KeycloakSession session) {
        try {
            return session.getContext().getHttpRequest() != null;
        } catch (RuntimeException outsideARequest) {
            return false;
        }
    }

    @Override
    public SynchronizationResult sync(
            KeycloakSessionFactory sessionFactory, String realmId, UserStorageProviderModel model) {
        return new StudentSync(sessionFactory, realmId, model, clock).full();
    }

    @Override
    public SynchronizationResult syncSince(
            Date lastSync, KeycloakSessionFactory sessionFactory, String realmId, UserStorageProviderModel model) {
        return new StudentSync(sessionFactory, realmId, model, clock).changedSince(lastSync);
    }
}
