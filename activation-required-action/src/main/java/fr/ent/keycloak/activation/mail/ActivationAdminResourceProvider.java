package fr.ent.keycloak.activation.mail;

import fr.ent.keycloak.support.StatelessFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** Registers {@link ActivationAdminResource} under {@code /admin/realms/{realm}/ent-activation}. */
public final class ActivationAdminResourceProvider extends StatelessFactory<AdminRealmResourceProvider>
        implements AdminRealmResourceProvider, AdminRealmResourceProviderFactory {

    static final String ID = "ent-activation";

    public ActivationAdminResourceProvider() {
        super(ID);
    }

    @Override
    public Object getResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        return new ActivationAdminResource(session, realm, auth, adminEvent);
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return this;
    }
}
