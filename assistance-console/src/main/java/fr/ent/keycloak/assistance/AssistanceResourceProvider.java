package fr.ent.keycloak.assistance;

import fr.ent.keycloak.support.RealmPages;

/** Registers the assistance console ({@link AssistanceResource}) under {@code /realms/{realm}/ent-assistance}. */
public final class AssistanceResourceProvider extends RealmPages.Factory {

    static final String ID = "ent-assistance";

    public AssistanceResourceProvider() {
        super(ID, AssistanceResource::new);
    }
}
