package fr.ent.keycloak.support;

import fr.ent.keycloak.common.InvalidSettingException;
import fr.ent.keycloak.common.LifecycleSettings;
import fr.ent.keycloak.common.RealmSetting;
import fr.ent.keycloak.common.Settings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/**
 * The realm's settings ({@link RealmSetting}, the one table) in the admin console: the configuration of the required
 * action {@value LifecycleSettings#CONSOLE_HOLDER} (Authentication → Required actions → "ENT: start of activation" → its
 * gear), labelled in French and English ({@code <name>.label}, {@code <name>.help} in the activation jar's messages,
 * which Keycloak also gives the admin console), checked when saved with a message that says what is wrong. The one
 * place every module reads them from: a value saved there wins; a realm set up before keeps working from its realm
 * attributes of the same names, and the server log says, once at start, which of them to move to the console.
 */
public final class ConsoleSettings {

    private static final Logger LOG = Logger.getLogger(ConsoleSettings.class);

    private ConsoleSettings() {}

    /** The raw value of a setting in a realm: the console's, else the former realm attribute; null when neither. */
    public static String value(RealmModel realm, RealmSetting setting) {
        return of(realm).apply(setting.key());
    }

    /** A number setting of a realm, its default when unset. */
    public static int number(RealmModel realm, RealmSetting setting) {
        return setting.number(value(realm, setting));
    }

    /** Every setting of a realm, read from one lookup of its console configuration. */
    public static Function<String, String> of(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(LifecycleSettings.CONSOLE_HOLDER);
        return Settings.preferring(name -> config == null ? null : config.getConfigValue(name), realm::getAttribute);
    }

    /** What the console shows: labels and help texts are message keys. */
    public static List<ProviderConfigProperty> metadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (RealmSetting setting : RealmSetting.values()) {
            builder.property()
                    .name(setting.key())
                    .label(setting.key() + ".label")
                    .helpText(setting.key() + ".help")
                    .type(consoleType(setting.kind()))
                    .defaultValue(setting.defaultValue())
                    .add();
        }
        return builder.build();
    }

    /**
     * Checks what an administrator saves: the first wrong value is refused with a message key of the admin console
     * ({@code entSetting…}), naming the setting.
     *
     * @throws ValidationException for the first wrong setting
     */
    public static void validate(RequiredActionConfigModel config) {
        Map<String, String> values = config.getConfig() == null ? Map.of() : config.getConfig();
        for (RealmSetting setting : RealmSetting.values()) {
            try {
                setting.check(values.get(setting.key()));
            } catch (InvalidSettingException e) {
                throw new ValidationException(new ValidationError(
                        LifecycleSettings.CONSOLE_HOLDER,
                        setting.key(),
                        e.messageKey(),
                        e.parameters().toArray()));
            }
        }
    }

    /** The names of the settings a realm still holds as realm attributes and not in the console. */
    public static Set<String> stillInRealmAttributes(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(LifecycleSettings.CONSOLE_HOLDER);
        Set<String> names = new TreeSet<>();
        for (RealmSetting setting : RealmSetting.values()) {
            String attribute = realm.getAttribute(setting.key());
            String configured = config == null ? null : config.getConfigValue(setting.key());
            if (attribute != null && !attribute.isBlank() && (configured == null || configured.isBlank())) {
                names.add(setting.key());
            }
        }
        return names;
    }

    /** Once at start: which realms still hold settings as realm attributes, and where to move them. */
    public static void reportRealmAttributes(RealmModel realm) {
        Set<String> former = stillInRealmAttributes(realm);
        if (!former.isEmpty() && RealmPages.enabledIn(realm)) {
            LOG.warnf(
                    "ENT: realm %s holds settings as realm attributes (%s): they are read, but belong in the admin"
                            + " console now (Authentication → Required actions → « ENT : début de l’activation et"
                            + " réglages » → ⚙);"
                            + " save them there, then remove the attributes",
                    realm.getName(), String.join(", ", former));
        }
    }

    private static String consoleType(RealmSetting.Kind kind) {
        return switch (kind) {
            case NUMBER -> ProviderConfigProperty.INTEGER_TYPE;
            case YES_NO -> ProviderConfigProperty.BOOLEAN_TYPE;
            default -> ProviderConfigProperty.STRING_TYPE;
        };
    }
}
