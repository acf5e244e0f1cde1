package fr.ent.keycloak.activation.afteraccess;

import fr.ent.keycloak.support.RealmPages;

/** Registers the alumni choice's page ({@link AlumniResource}) under {@code /realms/{realm}/ent-alumni}. */
public final class AlumniResourceProvider extends RealmPages.Factory {

    static final String ID = "ent-alumni";

    public AlumniResourceProvider() {
        super(ID, AlumniResource::new);
    }
}
