package fr.ent.keycloak.activation.internals;

import fr.ent.keycloak.common.EntAttributes;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * Every use the activation module makes of Keycloak's internals, in one place, each checked against Keycloak 26.7.0
 * (compiled) and 26.7.3 (run), with the test that fails first if an upgrade breaks it (docs/testing.md):
 *
 * <table>
 *   <caption>internals used</caption>
 *   <tr><th>use</th><th>what for</th><th>fails first</th></tr>
 *   <tr><td>native SQL on {@code USER_ENTITY}, {@code USER_ATTRIBUTE}</td><td>the students the scheduled task must
 *       look at, in one query instead of loading every account ({@link #paidAndNeverMailed},
 *       {@link #activeEndingOn}); the assistance dashboard's accounts ending soon ({@link #countEnding})</td>
 *       <td>ActivationJourneyIT, ExpiryWarningIT, AlumniChoiceIT</td></tr>
 *   <tr><td>{@code FreeMarkerEmailTemplateProvider} (keycloak-services), extended</td><td>Keycloak's own emails asked
 *       of the lifecycle: {@code mail.KeycloakMailGate}, a class of its own because it must extend it</td>
 *       <td>LifecyclePathsIT, ForgottenPasswordIT</td></tr>
 *   <tr><td>the message id {@code KC-SERVICES0029} of Keycloak's email sender</td><td>{@code mail.SmtpLogRedaction}</td>
 *       <td>LogPrivacyIT</td></tr>
 *   <tr><td>{@code ExecuteActionsActionToken}, {@code LoginActionsService.actionTokenProcessor}
 *       (keycloak-services)</td><td>the helpdesk's password link, built as the admin console's "send email" builds it
 *       ({@code ForHelpdesk.sendPasswordLink})</td><td>AssistanceActionsIT</td></tr>
 *   <tr><td>the executors provider's pools are {@code ThreadPoolExecutor}s (keycloak-services'
 *       {@code DefaultExecutorsProviderFactory}, whose queue has no bound)</td><td>how many "1ère connexion"
 *       requests wait on this node, to refuse the next one early ({@link #waiting})</td>
 *       <td>FirstConnectionBacklogIT</td></tr>
 * </table>
 */
public final class KeycloakInternals {

    /** At most this many students per run of the scheduled task. */
    public static final int PER_RUN = 500;

    /**
     * Students of the realm who paid, are not active, and were never sent the automatic email. Plain SQL on Keycloak's
     * tables, portable across the databases Keycloak supports (no boolean literal).
     */
    private static final String PAID_NEVER_MAILED = "SELECT u.ID FROM USER_ENTITY u"
            + " JOIN USER_ATTRIBUTE s ON s.USER_ID = u.ID AND s.NAME = :state AND s.VALUE IN ('PENDING', 'ACTIVATABLE')"
            + " JOIN USER_ATTRIBUTE p ON p.USER_ID = u.ID AND p.NAME = :paid"
            + " WHERE u.REALM_ID = :realm AND u.ENABLED = :enabled"
            + " AND NOT EXISTS (SELECT 1 FROM USER_ATTRIBUTE m WHERE m.USER_ID = u.ID AND m.NAME = :sent)"
            + " ORDER BY u.CREATED_TIMESTAMP";

    /**
     * A student {@code u} whose access ends with the access of academic year {@code :year} (last day {@code :lastDay}):
     * by the last academic year without a later alumni extension, or by an alumni extension to that day.
     */
    private static final String ENDING = "((EXISTS (SELECT 1 FROM USER_ATTRIBUTE y WHERE y.USER_ID = u.ID"
            + " AND y.NAME = :lastYear AND y.VALUE = :year)"
            + " AND NOT EXISTS (SELECT 1 FROM USER_ATTRIBUTE l WHERE l.USER_ID = u.ID AND l.NAME = :alumni"
            + " AND l.VALUE > :lastDay))"
            + " OR EXISTS (SELECT 1 FROM USER_ATTRIBUTE a WHERE a.USER_ID = u.ID AND a.NAME = :alumni"
            + " AND a.VALUE = :lastDay))";

    /** How many students of the realm have their access ending as {@link #ENDING} says. */
    private static final String COUNT_ENDING =
            "SELECT COUNT(*) FROM USER_ENTITY u WHERE u.REALM_ID = :realm AND " + ENDING;

    /**
     * Active, enabled students of the realm whose access ends at the end of {@code :year}'s access — by their last
     * academic year (without a later alumni extension), or by an alumni extension to {@code :lastDay} — and whose
     * attribute {@code :done} is not {@code :doneValue} yet (not yet warned, or asked, for this end). ISO days compare
     * as text.
     */
    private static final String ACTIVE_ENDING = "SELECT u.ID FROM USER_ENTITY u"
            + " JOIN USER_ATTRIBUTE s ON s.USER_ID = u.ID AND s.NAME = :state AND s.VALUE = 'ACTIVE'"
            + " WHERE u.REALM_ID = :realm AND u.ENABLED = :enabled"
            + " AND " + ENDING
            + " AND NOT EXISTS (SELECT 1 FROM USER_ATTRIBUTE w WHERE w.USER_ID = u.ID AND w.NAME = :done"
            + " AND w.VALUE = :doneValue)"
            + " ORDER BY u.CREATED_TIMESTAMP";

    private KeycloakInternals() {}

    /**
     * How many tasks wait in one of Keycloak's executors (not counting those running). Keycloak's executors provider
     * makes {@code ThreadPoolExecutor}s whose queue has no bound; any other kind counts as none waiting, which turns
     * the limit off (and FirstConnectionBacklogIT fails).
     */
    public static int waiting(ExecutorService executor) {
        return executor instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : 0;
    }

    /** The students the automatic activation email may be due to (the lifecycle decides for each). */
    public static List<String> paidAndNeverMailed(KeycloakSession session, RealmModel realm) {
        return students(
                session,
                realm,
                PAID_NEVER_MAILED,
                Map.of(
                        "state", EntAttributes.ACCOUNT_STATE,
                        "paid", EntAttributes.FEE_PAID_AT,
                        "sent", EntAttributes.ACTIVATION_MAIL_SENT_AT));
    }

    /**
     * The active students whose access ends with the access of academic year {@code year} (last day {@code lastDay}),
     * by their enrolment or by an alumni extension, and whose attribute {@code done} is not {@code doneValue} yet.
     */
    public static List<String> activeEndingOn(
            KeycloakSession session,
            RealmModel realm,
            int year,
            java.time.LocalDate lastDay,
            String done,
            String doneValue) {
        Map<String, Object> parameters = new java.util.HashMap<>(ending(year, lastDay));
        parameters.put("state", EntAttributes.ACCOUNT_STATE);
        parameters.put("done", done);
        parameters.put("doneValue", doneValue);
        return students(session, realm, ACTIVE_ENDING, parameters);
    }

    /** The parameters of {@link #ENDING}. */
    private static Map<String, Object> ending(int year, java.time.LocalDate lastDay) {
        return Map.of(
                "lastYear",
                EntAttributes.LAST_ACADEMIC_YEAR,
                "year",
                Integer.toString(year),
                "alumni",
                EntAttributes.ALUMNI_UNTIL,
                "lastDay",
                lastDay.toString());
    }

    /**
     * The ids of the enabled students of the realm that {@code sql} selects (parameters {@code :realm} and
     * {@code :enabled} are set here), in the query's order, at most {@value #PER_RUN}. Ids, not accounts: loading an
     * account lets Keycloak's validation write on it, and each student is then loaded in a transaction of its own
     * ({@code Students.forEachStudent}).
     */
    private static List<String> students(
            KeycloakSession session, RealmModel realm, String sql, Map<String, Object> parameters) {
        Query query = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createNativeQuery(sql)
                .setParameter("realm", realm.getId())
                .setParameter("enabled", true)
                .setMaxResults(PER_RUN);
        parameters.forEach(query::setParameter);
        List<String> ids = new ArrayList<>();
        for (Object id : query.getResultList()) {
            ids.add(id.toString());
        }
        return ids;
    }

    /**
     * How many students of the realm have their access ending with the access of academic year {@code year} (last
     * day {@code lastDay}), by their enrolment or an alumni extension.
     */
    public static long countEnding(KeycloakSession session, RealmModel realm, int year, java.time.LocalDate lastDay) {
        Query query = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createNativeQuery(COUNT_ENDING)
                .setParameter("realm", realm.getId());
        ending(year, lastDay).forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }
}
