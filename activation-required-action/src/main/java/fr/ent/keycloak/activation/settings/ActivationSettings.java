package fr.ent.keycloak.activation.settings;

import fr.ent.keycloak.common.PublicAddress;
import fr.ent.keycloak.common.RealmSetting;
import fr.ent.keycloak.support.ConsoleSettings;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.Urls;

/**
 * The realm's activation settings, set in the admin console ({@link ConsoleSettings}: Authentication → Required
 * actions → "ENT : début de l’activation et réglages / start of activation and settings" → its gear; realm attributes
 * of the same names in realms set up before): nothing in code is specific to one university. A number that does not
 * parse, or is out of range, is refused ({@link fr.ent.keycloak.common.InvalidSettingException}), never replaced by the
 * default.
 *
 * @param linkLifespanSeconds how long an activation link works (entActivationLinkLifespanSeconds, 24 hours by default)
 * @param charterVersion the version of the IT charter in force; a new one asks everyone again (entCharterVersion)
 * @param portalUrl where a student lands after activation, or null (entPortalUrl)
 * @param portalClientId the client the activation runs for (entPortalClientId, {@code account-console} by default)
 * @param universityDomains the university's own mail domains, refused as forwarding addresses (entUniversityMailDomains)
 * @param helpdesk how to reach the helpdesk, as shown in pages and emails (entHelpdesk)
 */
public record ActivationSettings(
        int linkLifespanSeconds,
        String charterVersion,
        String portalUrl,
        String portalClientId,
        List<String> universityDomains,
        String helpdesk) {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ActivationSettings.class);

    public static ActivationSettings of(RealmModel realm) {
        java.util.function.Function<String, String> setting = ConsoleSettings.of(realm);
        String domains =
                RealmSetting.UNIVERSITY_MAIL_DOMAINS.text(setting.apply(RealmSetting.UNIVERSITY_MAIL_DOMAINS.key()));
        String helpdesk = RealmSetting.HELPDESK.text(setting.apply(RealmSetting.HELPDESK.key()));
        return new ActivationSettings(
                RealmSetting.LINK_LIFESPAN_SECONDS.number(setting.apply(RealmSetting.LINK_LIFESPAN_SECONDS.key())),
                RealmSetting.CHARTER_VERSION.text(setting.apply(RealmSetting.CHARTER_VERSION.key())),
                RealmSetting.PORTAL_URL.text(setting.apply(RealmSetting.PORTAL_URL.key())),
                RealmSetting.PORTAL_CLIENT.text(setting.apply(RealmSetting.PORTAL_CLIENT.key())),
                domains == null
                        ? List.of()
                        : Arrays.stream(domains.split("[,\\s]+"))
                                .filter(domain -> !domain.isBlank())
                                .toList(),
                helpdesk == null ? "" : helpdesk);
    }

    /** The server's public address for this realm when no request is at hand (a scheduled task), or null. */
    public static URI publicBaseUri(RealmModel realm) {
        return PublicAddress.of(realm.getAttribute(PublicAddress.REALM_ATTRIBUTE))
                .orElse(null);
    }

    /**
     * {@link #publicBaseUri}, or null after logging that {@code what} cannot be mailed to {@code due} students until the
     * realm's Frontend URL is set.
     */
    public static URI publicBaseUriOrLogged(RealmModel realm, String what, int due) {
        URI base = publicBaseUri(realm);
        if (base == null) {
            LOG.errorf(
                    "ENT: cannot mail %s to the %d student(s) due: set the Frontend URL of realm %s (Realm settings →"
                            + " General), the public address the links point to",
                    what, due, realm.getName());
        }
        return base;
    }

    /** Where "back to sign in" goes: the ENT portal, which asks to sign in, or the realm's account console. */
    public static String backUrl(KeycloakSession session, RealmModel realm) {
        String portal = of(realm).portalUrl();
        if (portal != null) {
            return portal;
        }
        return Urls.accountBase(session.getContext().getUri().getBaseUri())
                .build(realm.getName())
                .toString();
    }
}
