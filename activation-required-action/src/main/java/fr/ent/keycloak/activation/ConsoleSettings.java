package fr.ent.keycloak.activation;

import fr.ent.keycloak.common.InvalidSettingException;
import fr.ent.keycloak.common.LifecycleSettings;
import fr.ent.keycloak.common.Settings;
import java.net.URI;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.jboss.logging.Logger;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RequiredActionConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.userprofile.ValidationException;
import org.keycloak.validate.ValidationError;

/**
 * Every setting of the activation and of the student's lifecycle, in the admin console: the configuration of the
 * required action {@value LifecycleSettings#CONSOLE_HOLDER} (Authentication → Required actions → "ENT: start of
 * activation" → its gear), labelled in French and English (the jar's {@code theme-resources/messages}, which Keycloak
 * also gives the admin console), checked when saved with
 * a message that says what is wrong. The one place the module reads them from: a value saved there wins; a realm
 * set up before keeps working from its realm attributes of the same names, and the server log says, once at start,
 * which of them to move to the console.
 */
final class ConsoleSettings {

    private static final Logger LOG = Logger.getLogger(ConsoleSettings.class);

    /** A setting: its name (also the former realm attribute), its type and its check. */
    private record Setting(String name, String type, String defaultValue, Consumer<String> check) {}

    private static final List<Setting> SETTINGS = List.of(
            new Setting(
                    LifecycleSettings.ACTIVATION_DELAY_MINUTES,
                    ProviderConfigProperty.INTEGER_TYPE,
                    "15",
                    value -> Settings.wholeNumber(LifecycleSettings.ACTIVATION_DELAY_MINUTES, value, 15, 0, 10080)),
            new Setting(
                    LifecycleSettings.ACCESS_ENDS_ON,
                    ProviderConfigProperty.STRING_TYPE,
                    "12-31",
                    value -> Settings.monthDay(LifecycleSettings.ACCESS_ENDS_ON, value, MonthDay.of(12, 31))),
            new Setting(
                    LifecycleSettings.TIME_ZONE,
                    ProviderConfigProperty.STRING_TYPE,
                    "Europe/Paris",
                    value -> Settings.zone(LifecycleSettings.TIME_ZONE, value, null)),
            new Setting(
                    LifecycleSettings.STUDENT_MAILS_PER_DAY,
                    ProviderConfigProperty.INTEGER_TYPE,
                    "3",
                    value -> Settings.wholeNumber(LifecycleSettings.STUDENT_MAILS_PER_DAY, value, 3, 1, 20)),
            new Setting(
                    ActivationSettings.LINK_LIFESPAN,
                    ProviderConfigProperty.INTEGER_TYPE,
                    Integer.toString(ActivationSettings.DEFAULT_LINK_LIFESPAN),
                    value -> Settings.wholeNumber(
                            ActivationSettings.LINK_LIFESPAN, value, 0, 300, ActivationSettings.MAX_LINK_LIFESPAN)),
            new Setting(ActivationSettings.CHARTER_VERSION, ProviderConfigProperty.STRING_TYPE, "1", value -> {}),
            new Setting(
                    ActivationSettings.PORTAL_URL, ProviderConfigProperty.STRING_TYPE, "", ConsoleSettings::checkUrl),
            new Setting(
                    ActivationSettings.PORTAL_CLIENT,
                    ProviderConfigProperty.STRING_TYPE,
                    "account-console",
                    value -> {}),
            new Setting(ActivationSettings.MAIL_DOMAINS, ProviderConfigProperty.STRING_TYPE, "", value -> {}),
            new Setting(ActivationSettings.HELPDESK, ProviderConfigProperty.STRING_TYPE, "", value -> {}),
            new Setting(
                    FirstConnectionSettings.MAX_FAILURES,
                    ProviderConfigProperty.INTEGER_TYPE,
                    "5",
                    value -> Settings.wholeNumber(FirstConnectionSettings.MAX_FAILURES, value, 5, 1, 1000)),
            new Setting(
                    FirstConnectionSettings.MAX_PER_ADDRESS,
                    ProviderConfigProperty.INTEGER_TYPE,
                    "30",
                    value -> Settings.wholeNumber(FirstConnectionSettings.MAX_PER_ADDRESS, value, 30, 1, 1000)),
            new Setting(
                    FirstConnectionSettings.MAX_WAITING,
                    ProviderConfigProperty.INTEGER_TYPE,
                    Integer.toString(FirstConnectionSettings.DEFAULT_MAX_WAITING),
                    value -> Settings.wholeNumber(
                            FirstConnectionSettings.MAX_WAITING,
                            value,
                            FirstConnectionSettings.DEFAULT_MAX_WAITING,
                            1,
                            FirstConnectionSettings.MAX_MAX_WAITING)),
            new Setting(
                    AssistanceResource.ACTIONS_PER_HOUR,
                    ProviderConfigProperty.INTEGER_TYPE,
                    Integer.toString(AssistanceResource.DEFAULT_ACTIONS_PER_HOUR),
                    value -> Settings.wholeNumber(
                            AssistanceResource.ACTIONS_PER_HOUR,
                            value,
                            AssistanceResource.DEFAULT_ACTIONS_PER_HOUR,
                            1,
                            1000)),
            new Setting(
                    LifecycleSettings.ALUMNI_CHOICE,
                    ProviderConfigProperty.BOOLEAN_TYPE,
                    "false",
                    value -> Settings.yesNo(LifecycleSettings.ALUMNI_CHOICE, value, false)),
            new Setting(
                    LifecycleSettings.ALUMNI_OFFER_DAYS,
                    ProviderConfigProperty.INTEGER_TYPE,
                    Integer.toString(LifecycleSettings.DEFAULT_ALUMNI_OFFER_DAYS),
                    value -> Settings.wholeNumber(
                            LifecycleSettings.ALUMNI_OFFER_DAYS,
                            value,
                            LifecycleSettings.DEFAULT_ALUMNI_OFFER_DAYS,
                            1,
                            LifecycleSettings.MAX_ALUMNI_OFFER_DAYS)),
            new Setting(
                    LifecycleSettings.RETENTION_MONTHS,
                    ProviderConfigProperty.INTEGER_TYPE,
                    Integer.toString(LifecycleSettings.DEFAULT_RETENTION_MONTHS),
                    value -> Settings.wholeNumber(
                            LifecycleSettings.RETENTION_MONTHS,
                            value,
                            LifecycleSettings.DEFAULT_RETENTION_MONTHS,
                            0,
                            LifecycleSettings.MAX_RETENTION_MONTHS)),
            new Setting(
                    ExpiryWarnings.WARNING_DAYS,
                    ProviderConfigProperty.INTEGER_TYPE,
                    Integer.toString(ExpiryWarnings.DEFAULT_WARNING_DAYS),
                    value -> Settings.wholeNumber(ExpiryWarnings.WARNING_DAYS, value, 30, 1, 180)));

    private ConsoleSettings() {}

    /** The value of a setting in a realm: the console's, else the former realm attribute; null when neither is set. */
    static String value(RealmModel realm, String name) {
        return of(realm).apply(name);
    }

    /** Every setting of a realm, read from one lookup of its console configuration. */
    static java.util.function.Function<String, String> of(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(LifecycleSettings.CONSOLE_HOLDER);
        return Settings.preferring(name -> config == null ? null : config.getConfigValue(name), realm::getAttribute);
    }

    /** What the console shows: labels and help texts are message keys (the jar's {@code theme-resources/messages}). */
    static List<ProviderConfigProperty> metadata() {
        ProviderConfigurationBuilder builder = ProviderConfigurationBuilder.create();
        for (Setting setting : SETTINGS) {
            builder.property()
                    .name(setting.name())
                    .label(setting.name() + ".label")
                    .helpText(setting.name() + ".help")
                    .type(setting.type())
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
    static void validate(RequiredActionConfigModel config) {
        Map<String, String> values = config.getConfig() == null ? Map.of() : config.getConfig();
        for (Setting setting : SETTINGS) {
            try {
                setting.check().accept(values.get(setting.name()));
            } catch (InvalidSettingException e) {
                throw new ValidationException(new ValidationError(
                        LifecycleSettings.CONSOLE_HOLDER,
                        setting.name(),
                        e.messageKey(),
                        e.parameters().toArray()));
            }
        }
    }

    /** The names of the settings a realm still holds as realm attributes and not in the console. */
    static Set<String> stillInRealmAttributes(RealmModel realm) {
        RequiredActionConfigModel config = realm.getRequiredActionConfigByAlias(LifecycleSettings.CONSOLE_HOLDER);
        Set<String> names = new TreeSet<>();
        for (Setting setting : SETTINGS) {
            String attribute = realm.getAttribute(setting.name());
            String configured = config == null ? null : config.getConfigValue(setting.name());
            if (attribute != null && !attribute.isBlank() && (configured == null || configured.isBlank())) {
                names.add(setting.name());
            }
        }
        return names;
    }

    /** Once at start: which realms still hold settings as realm attributes, and where to move them. */
    static void reportRealmAttributes(RealmModel realm) {
        Set<String> former = stillInRealmAttributes(realm);
        if (!former.isEmpty() && Activation.enabledIn(realm)) {
            LOG.warnf(
                    "ENT: realm %s holds settings as realm attributes (%s): they are read, but belong in the admin"
                            + " console now (Authentication → Required actions → « ENT : début de l’activation et"
                            + " réglages » → ⚙);"
                            + " save them there, then remove the attributes",
                    realm.getName(), String.join(", ", former));
        }
    }

    private static void checkUrl(String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        try {
            URI uri = URI.create(value.trim());
            if (uri.isAbsolute() && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return;
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new InvalidSettingException(
                ActivationSettings.PORTAL_URL,
                value.trim(),
                "entSettingUrl",
                "an absolute http(s) address",
                ActivationSettings.PORTAL_URL,
                value.trim());
    }
}
