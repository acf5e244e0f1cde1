package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentFacts;
import fr.ent.keycloak.enrolment.core.EventScrub;
import fr.ent.keycloak.enrolment.core.Retention;
import fr.ent.keycloak.enrolment.core.SyncPlan;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.models.jpa.UserAdapter;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * Every use the enrolment module makes of Keycloak's internals — its tables, its JPA entities, classes outside the
 * SPIs — in one place, each checked against Keycloak 26.7.0 (compiled) and 26.7.3 (run). They make a sync of 100,000
 * students take a minute instead of ten (docs/benchmarks.md); each has a test that fails first if an upgrade breaks it
 * (docs/testing.md). Everything else in the module goes through Keycloak's SPIs.
 *
 * <table>
 *   <caption>internals used</caption>
 *   <tr><th>use</th><th>what for</th><th>fails first</th></tr>
 *   <tr><td>native SQL on {@code USER_ENTITY}, {@code USER_ATTRIBUTE}</td><td>read what Keycloak holds of every
 *       imported student in one query ({@link #copies})</td><td>EnrolmentSyncIT</td></tr>
 *   <tr><td>JPQL on {@code UserEntity} with its attributes</td><td>the accounts of a batch in one query
 *       ({@link #accountIds})</td><td>EnrolmentSyncIT</td></tr>
 *   <tr><td>{@code UserAdapter.grantRoleImpl} + {@code RoleGrantedEvent}</td><td>the default role of a new account
 *       without asking whether it holds it ({@link #grantToNewAccount})</td><td>EnrolmentDatasourceIT</td></tr>
 *   <tr><td>{@code EntityManagers.runInBatch}</td><td>write a batch in JDBC statement batches, as Keycloak's realm
 *       import does ({@link #inBatch})</td><td>EnrolmentSyncIT</td></tr>
 *   <tr><td>native SQL on {@code USER_ENTITY}, {@code USER_ATTRIBUTE}</td><td>a source's accounts for the retention
 *       run ({@link #retentionAccounts})</td><td>AfterLeavingIT</td></tr>
 *   <tr><td>JPQL deletes on {@code EventEntity}, {@code AdminEventEntity}</td><td>a deleted student's events older
 *       than the retention ({@link #deleteEventsOf})</td><td>AfterLeavingIT</td></tr>
 *   <tr><td>JPQL updates on {@code EventEntity} ({@code detailsJson}, {@code detailsJsonLongValue},
 *       {@code ipAddress}) and {@code AdminEventEntity} ({@code representation})</td><td>a closed student's events lose
 *       what is personal ({@link #scrubEventsOf})</td><td>AfterLeavingIT</td></tr>
 *   <tr><td>{@code AuthenticationManager.backchannelLogout} (keycloak-services)</td><td>end an expired or departed
 *       student's sessions as Keycloak's own sign-out does, telling each service that takes back-channel logout
 *       ({@link #endSessions})</td><td>RelyingPartiesIT</td></tr>
 * </table>
 *
 * Also outside the SPIs, each in a class of its own because it is a whole mechanism: {@link OutsideTransaction}
 * ({@code KeycloakModelUtils.suspendJtaTransaction}), {@link ServerDataSources} (Quarkus' Agroal, by reflection) and
 * {@link BackgroundRequest} (a request for the logout of a run of Keycloak's timer, through the context's setters).
 */
final class KeycloakInternals {

    private static final String COPIES =
            "SELECT u.USERNAME, u.ENABLED, f.VALUE, s.VALUE, d.VALUE, c.VALUE, a.VALUE, y.VALUE"
                    + " FROM USER_ENTITY u"
                    + " LEFT JOIN USER_ATTRIBUTE f ON f.USER_ID = u.ID AND f.NAME = :fingerprint"
                    + " LEFT JOIN USER_ATTRIBUTE s ON s.USER_ID = u.ID AND s.NAME = :state"
                    + " LEFT JOIN USER_ATTRIBUTE d ON d.USER_ID = u.ID AND d.NAME = :reason"
                    + " LEFT JOIN USER_ATTRIBUTE c ON c.USER_ID = u.ID AND c.NAME = :charter"
                    + " LEFT JOIN USER_ATTRIBUTE a ON a.USER_ID = u.ID AND a.NAME = :alumni"
                    + " LEFT JOIN USER_ATTRIBUTE y ON y.USER_ID = u.ID AND y.NAME = :year"
                    + " WHERE u.REALM_ID = :realm AND u.FEDERATION_LINK = :component";

    private static final String RETENTION = "SELECT u.ID, u.ENABLED, n.VALUE, y.VALUE, a.VALUE, g.VALUE"
            + " FROM USER_ENTITY u"
            + " LEFT JOIN USER_ATTRIBUTE n ON n.USER_ID = u.ID AND n.NAME = :number"
            + " LEFT JOIN USER_ATTRIBUTE y ON y.USER_ID = u.ID AND y.NAME = :year"
            + " LEFT JOIN USER_ATTRIBUTE a ON a.USER_ID = u.ID AND a.NAME = :alumni"
            + " LEFT JOIN USER_ATTRIBUTE g ON g.USER_ID = u.ID AND g.NAME = :due"
            + " WHERE u.REALM_ID = :realm AND u.FEDERATION_LINK = :component";

    private KeycloakInternals() {}

    /**
     * Every account of a source as the retention run needs it (id, enabled, student number, end of access — an alumni
     * extension included —, since when a run found it due), in one native query: no account is loaded.
     */
    static List<Retention.Account> retentionAccounts(
            KeycloakSession session, String realmId, String componentId, AcademicCalendar calendar) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createNativeQuery(RETENTION)
                .setParameter("number", EntAttributes.STUDENT_NUMBER)
                .setParameter("year", EntAttributes.LAST_ACADEMIC_YEAR)
                .setParameter("alumni", EntAttributes.ALUMNI_UNTIL)
                .setParameter("due", RetentionRun.DUE_SINCE)
                .setParameter("realm", realmId)
                .setParameter("component", componentId)
                .getResultList();
        List<Retention.Account> accounts = new java.util.ArrayList<>(found.size());
        for (Object[] row : found) {
            Integer year = StudentFacts.academicYear((String) row[3]);
            accounts.add(new Retention.Account(
                    String.valueOf(row[0]),
                    (String) row[2],
                    Boolean.TRUE.equals(row[1]),
                    calendar.accessEndsAt(year, StudentFacts.day((String) row[4])),
                    AcademicCalendar.parseInstant((String) row[5])));
        }
        return accounts;
    }

    /**
     * Deletes the stored events of a student — sign-ins ({@code EventEntity} by user id) and administrators' actions on
     * the account ({@code AdminEventEntity} by resource path) — older than {@code before} (epoch milliseconds).
     */
    static void deleteEventsOf(KeycloakSession session, RealmModel realm, String userId, long before) {
        jakarta.persistence.EntityManager em =
                session.getProvider(JpaConnectionProvider.class).getEntityManager();
        em.createQuery("DELETE FROM EventEntity e WHERE e.realmId = :realm AND e.userId = :user AND e.time < :before")
                .setParameter("realm", realm.getId())
                .setParameter("user", userId)
                .setParameter("before", before)
                .executeUpdate();
        em.createQuery("DELETE FROM AdminEventEntity e WHERE e.realmId = :realm AND e.resourcePath LIKE :path"
                        + " AND e.time < :before")
                .setParameter("realm", realm.getId())
                .setParameter("path", "users/" + userId + "%")
                .setParameter("before", before)
                .executeUpdate();
    }

    /**
     * Removes from the stored events of a student what a closed account does not need ({@link EventScrub}): the details
     * that are not kept and the client's IP address of each user event, and the account's representation of each
     * administrator's action on it (JPQL updates on {@code EventEntity} and {@code AdminEventEntity}).
     */
    static void scrubEventsOf(KeycloakSession session, RealmModel realm, String userId) {
        jakarta.persistence.EntityManager em =
                session.getProvider(JpaConnectionProvider.class).getEntityManager();
        @SuppressWarnings("unchecked")
        List<Object[]> events = em.createQuery("SELECT e.id, e.detailsJson, e.detailsJsonLongValue FROM EventEntity e"
                        + " WHERE e.realmId = :realm AND e.userId = :user")
                .setParameter("realm", realm.getId())
                .setParameter("user", userId)
                .getResultList();
        for (Object[] event : events) {
            String json = event[2] != null ? (String) event[2] : (String) event[1];
            String kept = null;
            if (json != null) {
                try {
                    @SuppressWarnings("unchecked")
                    Map<String, String> details = org.keycloak.util.JsonSerialization.readValue(json, Map.class);
                    kept = org.keycloak.util.JsonSerialization.writeValueAsString(EventScrub.scrub(details));
                } catch (java.io.IOException | RuntimeException unreadable) {
                    kept = null;
                }
            }
            em.createQuery("UPDATE EventEntity e SET e.detailsJson = :details, e.detailsJsonLongValue = NULL,"
                            + " e.ipAddress = NULL WHERE e.id = :id")
                    .setParameter("details", kept)
                    .setParameter("id", event[0])
                    .executeUpdate();
        }
        em.createQuery("UPDATE AdminEventEntity e SET e.representation = NULL WHERE e.realmId = :realm"
                        + " AND e.resourcePath LIKE :path AND e.representation IS NOT NULL")
                .setParameter("realm", realm.getId())
                .setParameter("path", "users/" + userId + "%")
                .executeUpdate();
    }

    /** The copies of a component's students, by login, in one native query. */
    static Map<String, SyncPlan.Copy> copies(KeycloakSession session, String realmId, String componentId) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createNativeQuery(COPIES)
                .setParameter("fingerprint", StudentImporter.SOURCE_FINGERPRINT)
                .setParameter("state", EntAttributes.ACCOUNT_STATE)
                .setParameter("reason", StudentImporter.DISABLED_REASON)
                .setParameter("charter", EntAttributes.CHARTER_ACCEPTED_AT)
                .setParameter("alumni", EntAttributes.ALUMNI_UNTIL)
                .setParameter("year", EntAttributes.LAST_ACADEMIC_YEAR)
                .setParameter("realm", realmId)
                .setParameter("component", componentId)
                .getResultList();
        Map<String, SyncPlan.Copy> copies = new HashMap<>();
        for (Object[] row : found) {
            String charterAcceptedAt = (String) row[5];
            copies.put(
                    String.valueOf(row[0]),
                    new SyncPlan.Copy(
                            Boolean.TRUE.equals(row[1]),
                            (String) row[2],
                            (String) row[3],
                            (String) row[4],
                            StudentFacts.activatedAt(
                                    name -> EntAttributes.CHARTER_ACCEPTED_AT.equals(name) ? charterAcceptedAt : null),
                            StudentFacts.day((String) row[6]),
                            StudentFacts.academicYear((String) row[7])));
        }
        return copies;
    }

    /**
     * The ids of the accounts of a realm with these (lower-case) usernames, by username, in one JPQL query that also
     * brings their attributes into the persistence context: looking each one up by id then needs no query.
     */
    static Map<String, String> accountIds(KeycloakSession session, RealmModel realm, Collection<String> usernames) {
        List<UserEntity> found = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createQuery(
                        "SELECT DISTINCT u FROM UserEntity u LEFT JOIN FETCH u.attributes"
                                + " WHERE u.realmId = :realmId AND u.username IN :usernames",
                        UserEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("usernames", usernames)
                .getResultList();
        Map<String, String> ids = new HashMap<>();
        for (UserEntity entity : found) {
            ids.put(entity.getUsername(), entity.getId());
        }
        return ids;
    }

    /**
     * Grants {@code role} to an account created in this transaction, without the "already granted?" query of
     * {@code grantRole}; the event Keycloak fires on a grant is fired too.
     */
    static void grantToNewAccount(KeycloakSession session, UserModel user, RoleModel role) {
        if (user instanceof UserAdapter jpa) {
            jpa.grantRoleImpl(role);
            RoleModel.RoleGrantedEvent.fire(role, user, session);
        } else {
            user.grantRole(role);
        }
    }

    /**
     * Ends every session of the student: each browser session as Keycloak's own sign-out ends it (back-channel logout
     * to each OIDC service that registered a URL for it, SAML services told where they take it), then every other
     * session, offline ones included, on every node. A run of Keycloak's timer is given a request first
     * ({@link BackgroundRequest}): the logout token names the realm's public address as its issuer.
     */
    static void endSessions(KeycloakSession session, RealmModel realm, UserModel user) {
        List<UserSessionModel> online =
                session.sessions().getUserSessionsStream(realm, user).toList();
        if (!online.isEmpty()) {
            BackgroundRequest.ensure(session, realm);
            KeycloakContext context = session.getContext();
            for (UserSessionModel userSession : online) {
                AuthenticationManager.backchannelLogout(
                        session,
                        realm,
                        userSession,
                        context.getUri(),
                        context.getConnection(),
                        context.getHttpRequest().getHttpHeaders(),
                        true);
            }
        }
        session.sessions().removeUserSessions(realm, user);
    }

    /** Runs {@code work} in Keycloak's batch mode: rows written together when it ends, in statement batches. */
    static void inBatch(KeycloakSession session, Runnable work) {
        EntityManagers.runInBatch(session, work, true);
    }
}
