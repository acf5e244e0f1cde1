package fr.ent.keycloak.activation.firstconnection;

import fr.ent.keycloak.support.RealmPages;

/** Registers the help pages ({@link HelpResource}) under {@code /realms/{realm}/ent-help}. */
public final class HelpResourceProvider extends RealmPages.Factory {

    static final String ID = "ent-help";

    public HelpResourceProvider() {
        super(ID, HelpResource::new);
    }
}
