package fr.ent.keycloak.activation.firstconnection;

import fr.ent.keycloak.support.RealmPages;

/** Registers "1ère connexion" ({@link FirstConnectionResource}) under {@code /realms/{realm}/ent-first-connection}. */
public final class FirstConnectionResourceProvider extends RealmPages.Factory {

    static final String ID = "ent-first-connection";

    public FirstConnectionResourceProvider() {
        super(ID, FirstConnectionResource::new);
    }
}
