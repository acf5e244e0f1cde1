package fr.ent.keycloak.activation.afteraccess;

import fr.ent.keycloak.activation.core.AlumniStatus;
import fr.ent.keycloak.activation.core.ExpiryWindow;
import fr.ent.keycloak.activation.internals.KeycloakInternals;
import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.mail.StudentMails;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentFacts;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.common.StudentLifecycle.AlumniOffer;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/**
 * The alumni choice (arrêté of 30 November 2006 on ENTs, article 6): in a realm that offers it (off by default), an
 * active student whose access ends soon — who did not enrol again — is asked once per end, by email to the personal
 * address, whether to keep the account one more year. The lifecycle's owner decides when the choice is open
 * ({@link StudentLifecycle#alumniOffer}) and what a yes means ({@link EntAttributes#ALUMNI_UNTIL}); this class mails the
 * offer, makes its single-use link ({@link AlumniChoiceToken}, answered on {@link AlumniResource}), records the answer,
 * and says what the helpdesk's card shows. Run with the activation emails, on one node at a time.
 */
public final class AlumniChoices {

    /** The last day of access (ISO) the offer was mailed for: one offer per end. */
    static final String OFFERED_FOR = "entAlumniOfferedFor";
    /** The student's answer, {@code YES} or {@code NO}. */
    static final String CHOICE = "entAlumniChoice";
    /** The last day of access (ISO) the answer was about. */
    static final String CHOICE_FOR = "entAlumniChoiceFor";
    /** When the student answered (ISO instant). */
    static final String CHOICE_AT = "entAlumniChoiceAt";

    static final String YES = "YES";
    static final String NO = "NO";

    private static final Logger LOG = Logger.getLogger(AlumniChoices.class);

    private AlumniChoices() {}

    /** Mails the offer to each student whose choice opened and who was not asked for this end yet. */
    public static void mailDue(KeycloakSession session, RealmModel realm, Instant now) {
        StudentLifecycle lifecycle = RealmLifecycle.ofOrLogged(realm, "no alumni choice mailed");
        if (lifecycle == null || !lifecycle.settings().alumniChoice()) {
            return;
        }
        AcademicCalendar calendar = lifecycle.calendar();
        Integer year =
                ExpiryWindow.endingYear(calendar, now, lifecycle.settings().alumniOfferDays());
        if (year == null) {
            return;
        }
        LocalDate lastDay = calendar.lastDay(calendar.expiresAt(year));
        List<String> due =
                KeycloakInternals.activeEndingOn(session, realm, year, lastDay, OFFERED_FOR, lastDay.toString());
        if (due.isEmpty()) {
            return;
        }
        URI base = ActivationSettings.publicBaseUriOrLogged(realm, "the alumni choice", due.size());
        if (base == null) {
            return;
        }
        Students.forEachStudent(session, realm, due, "the alumni choice", (own, ownRealm, user) -> {
            Standing standing = RealmLifecycle.standing(lifecycle, user, now);
            Optional<AlumniOffer> offer = lifecycle.alumniOffer(standing, now);
            if (offer.isEmpty() || !offer.get().lastDay().equals(lastDay) || !standing.reachable()) {
                return;
            }
            String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
            if (!answered(user, lastDay)) {
                try {
                    StudentMails.sendAlumniOffer(
                            own, ownRealm, user, offer.get(), link(own, ownRealm, user, offer.get(), base));
                } catch (EmailException | RuntimeException e) {
                    LOG.warnf(
                            "ENT: the alumni choice of student %s failed (retried at the next run): %s",
                            number, CountedMail.describe(e));
                    return;
                }
                new EventBuilder(ownRealm, own)
                        .event(EventType.CUSTOM_REQUIRED_ACTION)
                        .user(user)
                        .detail("ent_step", "alumni_offer_sent")
                        .success();
                LOG.infof("ENT: alumni choice sent to student %s (access ends %s)", number, lastDay);
            }
            user.setSingleAttribute(OFFERED_FOR, lastDay.toString());
        });
    }

    /** A new single-use link to the choice {@code offer}, valid until the end of access it is about. */
    static String link(KeycloakSession session, RealmModel realm, UserModel user, AlumniOffer offer, URI base) {
        AlumniChoiceToken token = new AlumniChoiceToken(
                user.getId(), offer.lastDay(), offer.closesAt().getEpochSecond());
        token.issuedNow();
        token.issuer(Urls.realmIssuer(base, realm.getName()));
        return Urls.realmBase(base)
                .path(realm.getName())
                .path(AlumniResourceProvider.ID)
                .queryParam(AlumniResource.KEY, session.tokens().encode(token))
                .build()
                .toString();
    }

    /** The end of access the student's latest answer was about, if any. */
    static Optional<LocalDate> answeredFor(UserModel user) {
        if (user.getFirstAttribute(CHOICE) == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(StudentFacts.day(user.getFirstAttribute(CHOICE_FOR)));
    }

    /** Whether the student's latest answer was about the end {@code lastDay}. */
    static boolean answered(UserModel user, LocalDate lastDay) {
        return answeredFor(user).filter(lastDay::equals).isPresent();
    }

    /** Whether the student's latest answer, about the end {@code lastDay}, was no. */
    static boolean declined(UserModel user, LocalDate lastDay) {
        return answered(user, lastDay) && NO.equals(user.getFirstAttribute(CHOICE));
    }

    /** Records the answer; a yes moves the end of access to {@link AlumniOffer#extendedUntil()}. */
    static void record(UserModel user, AlumniOffer offer, boolean keep, Instant now) {
        user.setSingleAttribute(CHOICE, keep ? YES : NO);
        user.setSingleAttribute(CHOICE_FOR, offer.lastDay().toString());
        user.setSingleAttribute(CHOICE_AT, now.toString());
        if (keep) {
            user.setSingleAttribute(
                    EntAttributes.ALUMNI_UNTIL, offer.extendedUntil().toString());
        }
    }

    /**
     * What the helpdesk's card shows: {@code alumni} is {@code YES}, {@code NO}, {@code OFFERED} (mailed, no answer) or
     * empty (never asked), with the end the choice was about, when the student answered and the day a yes keeps the
     * account until.
     */
    public static Map<String, String> card(UserModel user, ZoneId zone) {
        Map<String, String> card = new LinkedHashMap<>();
        AlumniStatus.Status status = AlumniStatus.of(
                user.getFirstAttribute(CHOICE),
                StudentFacts.day(user.getFirstAttribute(OFFERED_FOR)),
                answeredFor(user).orElse(null));
        String state =
                status.state() == AlumniStatus.State.NONE ? "" : status.state().name();
        card.put("alumni", state);
        card.put("alumniFor", status.about() == null ? "" : RealmLifecycle.DAY.format(status.about()));
        Instant at = AcademicCalendar.parseInstant(user.getFirstAttribute(CHOICE_AT));
        card.put(
                "alumniAt",
                at == null || status.state() == AlumniStatus.State.OFFERED
                        ? ""
                        : RealmLifecycle.DAY.format(at.atZone(zone)));
        LocalDate until = StudentFacts.day(user.getFirstAttribute(EntAttributes.ALUMNI_UNTIL));
        card.put("alumniUntil", until == null ? "" : RealmLifecycle.DAY.format(until));
        return card;
    }
}
