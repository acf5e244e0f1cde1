package fr.ent.keycloak.support;

import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.locale.LocaleUpdaterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The language switch ({@code ?kc_locale=en}) on the pack's own pages, which have no authentication session: the
 * language chosen applies to this page and, through Keycloak's locale cookie, to the next ones.
 */
public final class PageLocale {

    public static final String PARAMETER = "kc_locale";

    private PageLocale() {}

    public static void apply(KeycloakSession session) {
        RealmModel realm = session.getContext().getRealm();
        String requested = session.getContext().getUri().getQueryParameters().getFirst(PARAMETER);
        if (requested == null || realm == null || !realm.isInternationalizationEnabled()) {
            return;
        }
        boolean supported = realm.getSupportedLocalesStream().anyMatch(requested::equals);
        if (!supported) {
            return;
        }
        session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, requested);
        session.getProvider(LocaleUpdaterProvider.class).updateLocaleCookie(requested);
    }
}
