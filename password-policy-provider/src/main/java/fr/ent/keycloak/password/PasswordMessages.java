package fr.ent.keycloak.password;

import fr.ent.keycloak.password.core.Violation;
import java.io.IOException;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PolicyError;
import org.keycloak.theme.Theme;

/**
 * Writes the answer to a refused password in the user's language: one message listing every rule broken.
 *
 * <p>Keycloak shows one {@link PolicyError} per password, formatted with {@link MessageFormat} from a message key. To
 * list several rules, the message is composed here from the keys of the pack's bundles (in
 * {@code theme-resources/messages}, so every theme has them, and realm localization texts can override them) and
 * returned as the single parameter of the key {@code {0}}, whose pattern is {@code {0}} in those bundles: the login
 * pages (which only format keys their bundle knows) and the admin REST API (which falls back to the key as pattern)
 * both show it as it is.
 */
final class PasswordMessages {

    static final String REFUSED = "entPasswordRefused";
    static final String UNAVAILABLE = "entPasswordUnavailable";
    private static final String AS_IS = "{0}";

    private static final Logger LOG = Logger.getLogger(PasswordMessages.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final UserModel user;

    PasswordMessages(KeycloakSession session, RealmModel realm, UserModel user) {
        this.session = session;
        this.realm = realm;
        this.user = user;
    }

    PolicyError refused(List<Violation> violations) {
        Locale locale = locale();
        Properties bundle = bundle(locale);
        StringBuilder text = new StringBuilder(format(bundle, locale, REFUSED));
        for (Violation violation : violations) {
            text.append(' ')
                    .append(format(
                            bundle, locale, violation.key(), violation.params().toArray()));
        }
        return new PolicyError(AS_IS, text.toString());
    }

    PolicyError unavailable() {
        Locale locale = locale();
        return new PolicyError(AS_IS, format(bundle(locale), locale, UNAVAILABLE));
    }

    private Locale locale() {
        Locale locale = session.getContext().resolveLocale(user);
        return locale == null ? Locale.FRENCH : locale;
    }

    private Properties bundle(Locale locale) {
        try {
            Theme theme = session.theme().getTheme(Theme.Type.LOGIN);
            return realm == null ? theme.getMessages(locale) : theme.getEnhancedMessages(realm, locale);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("ENT password messages unavailable (%s): answering with message keys", e.getMessage());
            return new Properties();
        }
    }

    private static String format(Properties bundle, Locale locale, String key, Object... params) {
        String pattern = bundle.getProperty(key, key);
        try {
            return new MessageFormat(pattern, locale).format(params);
        } catch (IllegalArgumentException e) {
            return pattern;
        }
    }
}
