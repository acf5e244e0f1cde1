package fr.ent.keycloak.assistance;

import fr.ent.keycloak.assistance.core.AssistanceSearch;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Every use the assistance console makes of Keycloak's internals, in one place, each checked against Keycloak 26.7.0
 * (compiled) and 26.7.3 (run), with the test that fails first if an upgrade breaks it (docs/testing.md):
 *
 * <table>
 *   <caption>internals used</caption>
 *   <tr><th>use</th><th>what for</th><th>fails first</th></tr>
 *   <tr><td>{@code AppAuthManager.authenticateIdentityCookie} (keycloak-services)</td><td>who is signed in
 *       ({@link AssistanceResource})</td><td>AssistanceConsoleIT</td></tr>
 *   <tr><td>JPQL on {@code UserAttributeEntity} (keycloak-model-jpa)</td><td>the start-of-term dashboard's counts,
 *       grouped in the database ({@link #countByValue}, {@link #countByHour}, {@link #countHolding}); the search's
 *       exact lookups ({@link #idsWithAttribute}); JPQL on {@code UserEntity}'s login and names for its text search
 *       ({@link #idsByNameOrLogin})</td><td>AssistanceConsoleIT, AssistanceActionsIT</td></tr>
 *   <tr><td>{@code AdminEventBuilder} and {@code AdminAuth} (keycloak-services)</td><td>the console's actions
 *       recorded as admin events under the operator's name ({@link AssistanceActions})</td>
 *       <td>AssistanceActionsIT</td></tr>
 *   <tr><td>{@code AuthenticationManager.backchannelLogout}, {@code UserSessionManager} (keycloak-services)</td>
 *       <td>signing a student out everywhere, as the admin console's "sign out" does ({@link AssistanceActions})</td>
 *       <td>AssistanceActionsIT</td></tr>
 * </table>
 */
final class KeycloakInternals {

    private KeycloakInternals() {}

    /**
     * The ids of the realm's accounts whose {@code attribute} is exactly {@code value} (JPQL on the name and value,
     * which Keycloak's index covers; its own attribute search compares in lower case, and scans), at most {@code max}.
     */
    static List<String> idsWithAttribute(
            KeycloakSession session, RealmModel realm, String attribute, String value, int max) {
        if (value == null || value.isEmpty() || value.length() > 255) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (Object id : session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createQuery("SELECT a.user.id FROM UserAttributeEntity a WHERE a.name = :name AND a.value = :value"
                        + " AND a.user.realmId = :realm")
                .setParameter("name", attribute)
                .setParameter("value", value)
                .setParameter("realm", realm.getId())
                .setMaxResults(max)
                .getResultList()) {
            ids.add(id.toString());
        }
        return ids;
    }

    /**
     * The ids of the realm's accounts (service accounts aside) where each of {@code patterns} is found in the login, the
     * first name or the last name (JPQL on {@code UserEntity}, lower case, {@link AssistanceSearch#ESCAPE} as the
     * escape), by login, at most {@code max}: the assistance console's text search, which must not look at the email
     * as Keycloak's own does.
     */
    static List<String> idsByNameOrLogin(KeycloakSession session, RealmModel realm, List<String> patterns, int max) {
        if (patterns.isEmpty()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder(
                "SELECT u.id FROM UserEntity u WHERE u.realmId = :realm AND u.serviceAccountClientLink IS NULL");
        for (int i = 0; i < patterns.size(); i++) {
            String term = ":t" + i + " ESCAPE '" + AssistanceSearch.ESCAPE + "'";
            jpql.append(" AND (u.username LIKE ")
                    .append(term)
                    .append(" OR lower(u.firstName) LIKE ")
                    .append(term)
                    .append(" OR lower(u.lastName) LIKE ")
                    .append(term)
                    .append(')');
        }
        jpql.append(" ORDER BY u.username");
        Query query = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createQuery(jpql.toString())
                .setParameter("realm", realm.getId())
                .setMaxResults(max);
        for (int i = 0; i < patterns.size(); i++) {
            query.setParameter("t" + i, patterns.get(i));
        }
        List<String> ids = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ids.add(id.toString());
        }
        return ids;
    }

    /** How many students of the realm hold each value of {@code attribute} (JPQL, one grouped query). */
    static Map<String, Long> countByValue(KeycloakSession session, RealmModel realm, String attribute) {
        return grouped(
                session,
                "SELECT a.value, COUNT(a) FROM UserAttributeEntity a WHERE a.name = :name AND a.user.realmId = :realm"
                        + " GROUP BY a.value",
                realm,
                attribute,
                null);
    }

    /**
     * How many students of the realm hold an ISO instant in {@code attribute} at or after {@code since}, per UTC hour
     * (the value's first 13 characters): one grouped query, the day of the university computed in the core.
     */
    static Map<String, Long> countByHour(KeycloakSession session, RealmModel realm, String attribute, String since) {
        return grouped(
                session,
                "SELECT SUBSTRING(a.value, 1, 13), COUNT(a) FROM UserAttributeEntity a WHERE a.name = :name"
                        + " AND a.user.realmId = :realm AND a.value >= :since GROUP BY SUBSTRING(a.value, 1, 13)",
                realm,
                attribute,
                since);
    }

    /** How many students of the realm hold {@code attribute} at all. */
    static long countHolding(KeycloakSession session, RealmModel realm, String attribute) {
        Object count = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createQuery("SELECT COUNT(a) FROM UserAttributeEntity a WHERE a.name = :name"
                        + " AND a.user.realmId = :realm")
                .setParameter("name", attribute)
                .setParameter("realm", realm.getId())
                .getSingleResult();
        return ((Number) count).longValue();
    }

    private static Map<String, Long> grouped(
            KeycloakSession session, String jpql, RealmModel realm, String attribute, String since) {
        Query query = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createQuery(jpql)
                .setParameter("name", attribute)
                .setParameter("realm", realm.getId());
        if (since != null) {
            query.setParameter("since", since);
        }
        Map<String, Long> counts = new java.util.HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            if (columns[0] != null) {
                counts.merge(columns[0].toString(), ((Number) columns[1]).longValue(), Long::sum);
            }
        }
        return counts;
    }
}
