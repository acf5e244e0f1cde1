package fr.ent.keycloak.enrolment;

import java.util.List;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.storage.UserStorageProviderFactory;

/**
 * Registers the enrolment database as a user federation provider ({@value #PROVIDER_ID}, listed under User
 * federation in the admin console).
 *
 * <p>Foundation skeleton: the provider can be added to a realm and its connection settings are validated; import and
 * synchronisation come with the enrolment storage issue.
 */
public final class EnrolmentUserStorageProviderFactory
        implements UserStorageProviderFactory<EnrolmentUserStorageProvider> {

    public static final String PROVIDER_ID = "ent-enrolment";

    @Override
    public EnrolmentUserStorageProvider create(KeycloakSession session, ComponentModel model) {
        return new EnrolmentUserStorageProvider();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Students imported from the enrolment database (JDBC).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return EnrolmentConfig.PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model)
            throws ComponentValidationException {
        EnrolmentConfig.validate(model);
    }
}
