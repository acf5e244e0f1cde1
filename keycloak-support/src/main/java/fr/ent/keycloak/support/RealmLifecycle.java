package fr.ent.keycloak.support;

import fr.ent.keycloak.common.InvalidSettingException;
import fr.ent.keycloak.common.StudentFacts;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.common.SupannAccountState;
import java.time.Instant;
import java.time.ZoneId;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Every module's door to the lifecycle's owner ({@link StudentLifecycle} in ent-common), the one realm-lifecycle lookup: the realm's settings,
 * the student's stored facts and Keycloak's clock (which the tests move). A wrong lifecycle setting is never replaced
 * by a default: the student is then treated as closed (no mail, no link, no sign-in) and the server log names the
 * setting, until an administrator corrects it.
 */
public final class RealmLifecycle {

    private static final Logger LOG = Logger.getLogger(RealmLifecycle.class);

    private RealmLifecycle() {}

    /** How pages, the helpdesk's card and emails write a day (31/12/2027). */
    public static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Keycloak's clock. */
    public static Instant now() {
        return Instant.ofEpochMilli(Time.currentTimeMillis());
    }

    /**
     * The lifecycle of the realm.
     *
     * @throws InvalidSettingException when a lifecycle setting of the realm is wrong
     */
    public static StudentLifecycle of(RealmModel realm) {
        return StudentLifecycle.of(ConsoleSettings.of(realm));
    }

    /**
     * The lifecycle of the realm for a scheduled run, or null when a setting is wrong: then the server log says that
     * {@code what} waits until it is corrected (never a default in its place).
     */
    public static StudentLifecycle ofOrLogged(RealmModel realm, String what) {
        try {
            return of(realm);
        } catch (InvalidSettingException e) {
            LOG.errorf("ENT: %s in realm %s until a setting is corrected: %s", what, realm.getName(), e.getMessage());
            return null;
        }
    }

    /**
     * Where the student stands at {@code now} in a lifecycle already read: a scheduled run reads the realm's settings
     * once, not once per student.
     */
    public static Standing standing(StudentLifecycle lifecycle, UserModel user, Instant now) {
        return lifecycle.standing(StudentFacts.of(user.isEnabled(), user::getFirstAttribute), now);
    }

    /** Where the student stands now; a closed standing when the realm's settings are wrong. */
    public static Standing standing(RealmModel realm, UserModel user) {
        StudentFacts facts = StudentFacts.of(user.isEnabled(), user::getFirstAttribute);
        try {
            return of(realm).standing(facts, now());
        } catch (InvalidSettingException e) {
            LOG.errorf(
                    "ENT: realm %s has a wrong lifecycle setting, so no student of it is mailed, activated or let in"
                            + " until it is corrected: %s",
                    realm.getName(), e.getMessage());
            return new Standing(Students.state(user), false, facts.feePaidAt() != null, false, null, null);
        }
    }

    /** The student's account state as SupAnn writes it, from {@code standing} (where they stand now). */
    public static SupannAccountState supann(RealmModel realm, UserModel user, Standing standing) {
        return SupannAccountState.of(
                standing.state(),
                StudentFacts.activatedAt(user::getFirstAttribute),
                standing.accessEndsAt(),
                standing.extendedFrom(),
                zone(realm));
    }

    /**
     * The university's time zone, in which dates and times are shown. Display only: with a wrong lifecycle setting
     * nothing is mailed nor decided ({@link #standing} is closed, and the error logged there), and a page that only
     * shows a date uses Europe/Paris rather than failing.
     */
    public static ZoneId zone(RealmModel realm) {
        try {
            return of(realm).calendar().zone();
        } catch (InvalidSettingException e) {
            return fr.ent.keycloak.common.AcademicCalendar.DEFAULT_ZONE;
        }
    }
}
