package fr.ent.keycloak.activation.afteraccess;

import fr.ent.keycloak.activation.core.ExpiryWindow;
import fr.ent.keycloak.activation.internals.KeycloakInternals;
import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.mail.StudentMails;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.RealmSetting;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.common.StudentLifecycle.AlumniOffer;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.support.ConsoleSettings;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The warning before an account closes: some days before the end of access (31 December of the year in which the last
 * academic year ends), each active student whose last academic year is ending gets one email at the personal address,
 * saying when access ends, what to save, and that enrolling again keeps the account. Run with the activation emails,
 * on one node at a time; {@value #WARNED_FOR} records the academic year a student was warned for, so a student is
 * warned once per ending (and again, years later, after a re-enrolment that ends too). Where the realm offers the
 * alumni choice ({@link AlumniChoices}), the warning carries a link to it while the student has not answered, or
 * recalls the no; a former student whose extension ends is warned the same way.
 */
public final class ExpiryWarnings {

    static final String WARNED_FOR = "entExpiryWarnedFor";

    private static final Logger LOG = Logger.getLogger(ExpiryWarnings.class);

    private ExpiryWarnings() {}

    public static void mailDue(KeycloakSession session, RealmModel realm, Instant now) {
        StudentLifecycle lifecycle = RealmLifecycle.ofOrLogged(realm, "no expiry warning");
        if (lifecycle == null) {
            return;
        }
        AcademicCalendar calendar = lifecycle.calendar();
        Integer year = ExpiryWindow.endingYear(calendar, now, warningDays(realm));
        if (year == null) {
            return;
        }
        Instant end = calendar.expiresAt(year);
        LocalDate lastDay = calendar.lastDay(end);
        List<String> due = KeycloakInternals.activeEndingOn(session, realm, year, lastDay, WARNED_FOR, year.toString());
        URI base = ActivationSettings.publicBaseUri(realm);
        Students.forEachStudent(session, realm, due, "the expiry warning", (own, ownRealm, user) -> {
            Standing standing = RealmLifecycle.standing(lifecycle, user, now);
            if (!standing.maySignIn() || !end.equals(standing.accessEndsAt())) {
                return;
            }
            // where the realm offers the alumni choice: a link to it while unanswered, or the no recalled
            Optional<AlumniOffer> offer = lifecycle.alumniOffer(standing, now);
            String alumniLink = null;
            boolean declined = false;
            if (offer.isPresent()) {
                declined = AlumniChoices.declined(user, lastDay);
                if (!AlumniChoices.answered(user, lastDay) && base != null) {
                    alumniLink = AlumniChoices.link(own, ownRealm, user, offer.get(), base);
                }
            }
            String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
            try {
                StudentMails.sendExpiryWarning(
                        own,
                        ownRealm,
                        user,
                        end,
                        alumniLink,
                        offer.map(AlumniOffer::extendedUntil).orElse(null),
                        declined);
                user.setSingleAttribute(WARNED_FOR, year.toString());
                new EventBuilder(ownRealm, own)
                        .event(EventType.CUSTOM_REQUIRED_ACTION)
                        .user(user)
                        .detail("ent_step", "expiry_warning_sent")
                        .success();
                LOG.infof("ENT: expiry warning sent to student %s (access ends %s)", number, end);
            } catch (EmailException | RuntimeException e) {
                LOG.warnf(
                        "ENT: the expiry warning of student %s failed (retried at the next run): %s",
                        number, CountedMail.describe(e));
            }
        });
    }

    private static int warningDays(RealmModel realm) {
        return ConsoleSettings.number(realm, RealmSetting.EXPIRY_WARNING_DAYS);
    }
}
