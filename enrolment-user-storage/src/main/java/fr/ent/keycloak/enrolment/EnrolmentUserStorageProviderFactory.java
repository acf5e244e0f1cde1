package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.MillisClock;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import org.keycloak.common.util.Time;
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

    private final Clock clock = new MillisClock(Time::currentTimeMillis);
    private final ConnectionPools pools = new ConnectionPools();
    /**
     * Server option {@code spi-storage--ent-enrolment--allow-h2} (env {@code KC_SPI_STORAGE__ENT_ENROLMENT__ALLOW_H2}):
     * whether an H2 enrolment database is accepted. Off by default: H2 is the demo's; {@code ./start.sh} turns it on.
     */
    private boolean allowH2;

    @Override
    public void init(org.keycloak.Config.Scope config) {
        allowH2 = config != null && config.getBoolean("allow-h2", false);
    }

    @Override
    public EnrolmentUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new EnrolmentUserStorageProvider(session, model, pools, clock);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        if (!EnrolmentConfig.sourceSettings(oldModel).equals(EnrolmentConfig.sourceSettings(newModel))) {
            pools.close(newModel.getId());
        }
    }

    @Override
    public void preRemove(KeycloakSession session, RealmModel realm, ComponentModel model) {
        pools.close(model.getId());
    }

    @Override
    public void close() {
        pools.close();
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
        EnrolmentConfig.validate(model, allowH2);
        // when an administrator saves (an HTTP request), the database must answer with every mapped column; a realm
        // imported at start-up is not refused because the enrolment database is down at that moment
        if (!isHttpRequest(session) || !changesTheSource(realm, model)) {
            return;
        }
        EnrolmentConfig config = new EnrolmentConfig(model);
        config.checkDatasource();
        config.unpooledSource(session.getKeycloakSessionFactory()).check().ifPresent(problem -> {
            throw new ComponentValidationException("entEnrolmentUnreadable", problem);
        });
    }

    /**
     * Whether the saved settings point somewhere new (database, account, relation or columns). Keycloak also saves
     * the component at the start of each sync (its last-sync time): that must not probe a database that may be down.
     */
    private static boolean changesTheSource(RealmModel realm, ComponentModel model) {
        ComponentModel stored = model.getId() == null ? null : realm.getComponent(model.getId());
        return stored == null || !EnrolmentConfig.sourceSettings(stored).equals(EnrolmentConfig.sourceSettings(model));
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
        return new StudentSync(sessionFactory, realmId, model, pools, clock).full();
    }

    @Override
    public SynchronizationResult syncSince(
            Date lastSync, KeycloakSessionFactory sessionFactory, String realmId, UserStorageProviderModel model) {
        return new StudentSync(sessionFactory, realmId, model, pools, clock).changedSince(lastSync);
    }
}
