package fr.ent.keycloak.it.support;

import java.util.HashMap;
import java.util.Map;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.RequiredActionConfigRepresentation;

/**
 * The realm's activation and lifecycle settings as an administrator saves them in the console (Authentication →
 * Required actions → "ENT : début de l’activation et réglages / start of activation and settings" → ⚙), through the
 * same REST call. A test reads them first and puts them back in a {@code finally}: the server is shared.
 */
public final class LifecycleConsole {

    /** The required action whose configuration holds the settings. */
    public static final String HOLDER = "ent-activation-start";

    private LifecycleConsole() {}

    /** The settings saved now. */
    public static Map<String, String> read(RealmResource realm) {
        Map<String, String> config =
                realm.flows().getRequiredActionConfig(HOLDER).getConfig();
        return config == null ? Map.of() : Map.copyOf(config);
    }

    /** Saves {@code base} with {@code name} set to {@code value}; the server checks it as the console's save does. */
    public static void save(RealmResource realm, Map<String, String> base, String name, String value) {
        Map<String, String> config = new HashMap<>(base);
        config.put(name, value);
        restore(realm, config);
    }

    /** Saves {@code settings} as they are (what {@link #read} returned before a test changed them). */
    public static void restore(RealmResource realm, Map<String, String> settings) {
        RequiredActionConfigRepresentation update = new RequiredActionConfigRepresentation();
        update.setConfig(new HashMap<>(settings));
        realm.flows().updateRequiredActionConfig(HOLDER, update);
    }
}
