package fr.ent.keycloak.activation;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The warning before an account closes: some days before the end of access (31 December of the year in which the last
 * academic year ends), each active student whose last academic year is ending gets one email at the personal address,
 * saying when access ends, what to save, and that enrolling again keeps the account. Run with the activation emails,
 * on one node at a time; {@value #WARNED_FOR} records the academic year a student was warned for, so a student is
 * warned once per ending (and again, years later, after a re-enrolment that ends too).
 */
final class ExpiryWarnings {

    static final String WARNED_FOR = "entExpiryWarnedFor";
    /** Realm attribute: how many days before the end of access the warning goes out. */
    static final String WARNING_DAYS = "entExpiryWarningDays";

    static final int DEFAULT_WARNING_DAYS = 30;

    private static final Logger LOG = Logger.getLogger(ExpiryWarnings.class);

    /** Active, enabled students of the realm whose last academic year is {@code :year}, not yet warned for it. */
    private static final String DUE = "SELECT u.ID FROM USER_ENTITY u"
            + " JOIN USER_ATTRIBUTE s ON s.USER_ID = u.ID AND s.NAME = :state AND s.VALUE = 'ACTIVE'"
            + " JOIN USER_ATTRIBUTE y ON y.USER_ID = u.ID AND y.NAME = :lastYear AND y.VALUE = :year"
            + " WHERE u.REALM_ID = :realm AND u.ENABLED = :enabled"
            + " AND NOT EXISTS (SELECT 1 FROM USER_ATTRIBUTE w WHERE w.USER_ID = u.ID AND w.NAME = :warned"
            + " AND w.VALUE = :year)"
            + " ORDER BY u.CREATED_TIMESTAMP";

    private ExpiryWarnings() {}

    /** The last academic year whose end of access falls within the warning window after {@code now}, if any. */
    static Integer endingYear(AcademicCalendar calendar, Instant now, int warningDays) {
        int calendarYear = ZonedDateTime.ofInstant(now, calendar.zone()).getYear();
        for (int year = calendarYear - 2; year <= calendarYear; year++) {
            Instant end = calendar.expiresAt(year);
            if (end.isAfter(now) && !end.isAfter(now.plus(Duration.ofDays(warningDays)))) {
                return year;
            }
        }
        return null;
    }

    static void mailDue(KeycloakSession session, RealmModel realm, Instant now) {
        AcademicCalendar calendar = AcademicCalendar.defaults();
        Integer year = endingYear(calendar, now, warningDays(realm));
        if (year == null) {
            return;
        }
        List<UserModel> due = ActivationMailTask.dueStudents(
                session,
                realm,
                DUE,
                Map.of(
                        "state",
                        EntAttributes.ACCOUNT_STATE,
                        "lastYear",
                        EntAttributes.LAST_ACADEMIC_YEAR,
                        "year",
                        year.toString(),
                        "warned",
                        WARNED_FOR));
        Instant end = calendar.expiresAt(year);
        for (UserModel user : due) {
            if (Activation.state(user) != AccountState.ACTIVE) {
                continue;
            }
            String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
            try {
                ActivationMailer.sendExpiryWarning(session, realm, user, end);
                user.setSingleAttribute(WARNED_FOR, year.toString());
                LOG.infof("ENT: expiry warning sent to student %s (access ends %s)", number, end);
            } catch (EmailException | RuntimeException e) {
                LOG.warnf(
                        "ENT: the expiry warning of student %s failed (retried at the next run): %s",
                        number, e.getMessage());
            }
        }
    }

    private static int warningDays(RealmModel realm) {
        return ActivationSettings.integer(realm.getAttribute(WARNING_DAYS), DEFAULT_WARNING_DAYS, 1, 180);
    }
}
