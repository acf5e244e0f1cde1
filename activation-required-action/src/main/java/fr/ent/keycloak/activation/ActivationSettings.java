package fr.ent.keycloak.activation;

import fr.ent.keycloak.common.PublicAddress;
import fr.ent.keycloak.common.Settings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.keycloak.models.RealmModel;

/**
 * The realm's activation settings, set in the admin console ({@link ConsoleSettings}: Authentication → Required
 * actions → "ENT : début de l’activation et réglages / start of activation and settings" → its gear; realm attributes
 * of the same names in realms set up before): nothing in code is specific to one university. A number that does not
 * parse, or is out of range, is refused ({@link fr.ent.keycloak.common.InvalidSettingException}), never replaced by the
 * default.
 *
 * @param linkLifespanSeconds how long an activation link works ({@value #LINK_LIFESPAN}, 24 hours by default)
 * @param charterVersion the version of the IT charter in force; a new one asks everyone again ({@value #CHARTER_VERSION})
 * @param portalUrl where a student lands after activation, or null ({@value #PORTAL_URL})
 * @param portalClientId the client the activation runs for ({@value #PORTAL_CLIENT}, {@code account-console} by default)
 * @param universityDomains the university's own mail domains, refused as forwarding addresses ({@value #MAIL_DOMAINS})
 * @param helpdesk how to reach the helpdesk, as shown in pages and emails ({@value #HELPDESK})
 */
record ActivationSettings(
        int linkLifespanSeconds,
        String charterVersion,
        String portalUrl,
        String portalClientId,
        List<String> universityDomains,
        String helpdesk) {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ActivationSettings.class);

    static final String LINK_LIFESPAN = "entActivationLinkLifespanSeconds";
    static final String CHARTER_VERSION = "entCharterVersion";
    static final String PORTAL_URL = "entPortalUrl";
    static final String PORTAL_CLIENT = "entPortalClientId";
    static final String MAIL_DOMAINS = "entUniversityMailDomains";
    static final String HELPDESK = "entHelpdesk";
    /** Keycloak's own realm setting, also used for links sent outside any request. */
    static final int DEFAULT_LINK_LIFESPAN = 24 * 3600;

    static final int MAX_LINK_LIFESPAN = 30 * 24 * 3600;

    static ActivationSettings of(RealmModel realm) {
        java.util.function.Function<String, String> setting = ConsoleSettings.of(realm);
        return new ActivationSettings(
                Settings.wholeNumber(
                        LINK_LIFESPAN, setting.apply(LINK_LIFESPAN), DEFAULT_LINK_LIFESPAN, 300, MAX_LINK_LIFESPAN),
                text(setting.apply(CHARTER_VERSION), "1"),
                text(setting.apply(PORTAL_URL), null),
                text(setting.apply(PORTAL_CLIENT), "account-console"),
                Arrays.stream(text(setting.apply(MAIL_DOMAINS), "").split("[,\\s]+"))
                        .filter(domain -> !domain.isBlank())
                        .toList(),
                text(setting.apply(HELPDESK), ""));
    }

    /** The server's public address for this realm when no request is at hand (a scheduled task), or null. */
    static URI publicBaseUri(RealmModel realm) {
        return PublicAddress.of(realm.getAttribute(PublicAddress.REALM_ATTRIBUTE))
                .orElse(null);
    }

    /**
     * {@link #publicBaseUri}, or null after logging that {@code what} cannot be mailed to {@code due} students until the
     * realm's Frontend URL is set.
     */
    static URI publicBaseUriOrLogged(RealmModel realm, String what, int due) {
        URI base = publicBaseUri(realm);
        if (base == null) {
            LOG.errorf(
                    "ENT: cannot mail %s to the %d student(s) due: set the Frontend URL of realm %s (Realm settings →"
                            + " General), the public address the links point to",
                    what, due, realm.getName());
        }
        return base;
    }

    private static String text(String value, String defaultValue) {
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }
}
