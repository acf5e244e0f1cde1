package fr.ent.keycloak.activation.mail;

import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle.AlumniOffer;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;

/** The activation emails, always to the student's personal address ({@code supannMailPerso}). */
public final class StudentMails {

    private StudentMails() {}

    /**
     * Issues a new activation link (voiding every older one) and mails it. The link's nonce, and the state
     * {@code ACTIVATABLE}, are committed in a transaction of their own before the email leaves: a mailed link is never
     * one that a rolled-back transaction left unknown. The link is bound to the personal address it is mailed to.
     *
     * @param baseUri the server's public address (the request's, or the realm's frontend URL)
     */
    public static void sendLink(KeycloakSession session, RealmModel realm, UserModel user, URI baseUri)
            throws EmailException {
        String address = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        if (address == null || address.isBlank()) {
            throw new EmailException("no personal address on record");
        }
        String link = issueLink(session, realm, user, baseUri);
        if (link == null) {
            throw new EmailException(
                    "the account can no longer receive an activation link (removed, or activated meanwhile)");
        }
        ActivationSettings settings = ActivationSettings.of(realm);
        Map<String, Object> attributes = common(realm, user, settings);
        attributes.put("link", link);
        attributes.put("linkExpirationHours", settings.linkLifespanSeconds() / 3600);
        attributes.put("linkExpirationMinutes", settings.linkLifespanSeconds() / 60);
        email(session, realm, user).send("entActivationSubject", List.of(), "ent-activation.ftl", attributes, address);
        // the student has a link: the automatic email must not follow with another one (which would void this one)
        Students.inOwnTransaction(session, realm.getId(), user.getId(), mailed -> {
            if (mailed.getFirstAttribute(EntAttributes.ACTIVATION_MAIL_SENT_AT) == null) {
                mailed.setSingleAttribute(
                        EntAttributes.ACTIVATION_MAIL_SENT_AT,
                        RealmLifecycle.now().toString());
            }
        });
    }

    /**
     * A new activation link (voiding every older one), committed in a transaction of its own, bound to the personal
     * address on record (which may be empty: the assistance code opens the journey without any email). Null when the
     * account is gone, or may no longer activate: the lifecycle is asked again on the account as stored now, in the
     * transaction that writes, because the caller's copy may be older than an activation finished meanwhile (the
     * automatic email's run reads its students before it mails them one by one) — writing {@code ACTIVATABLE} over
     * {@code ACTIVE} would send an active student back to activation.
     */
    public static String issueLink(KeycloakSession session, RealmModel realm, UserModel user, URI baseUri) {
        String address = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        ActivationSettings settings = ActivationSettings.of(realm);
        int expiresAt = Time.currentTime() + settings.linkLifespanSeconds();
        ActivationActionToken token =
                new ActivationActionToken(user.getId(), expiresAt, address, settings.portalClientId());
        token.issuedNow();
        token.issuer(Urls.realmIssuer(baseUri, realm.getName()));
        String nonce = token.getActionVerificationNonce().toString();
        java.util.concurrent.atomic.AtomicBoolean issued = new java.util.concurrent.atomic.AtomicBoolean();
        Students.inOwnTransaction(session, realm.getId(), user.getId(), stored -> {
            if (!RealmLifecycle.standing(realm, stored).mayActivate()) {
                return;
            }
            issued.set(true);
            stored.setSingleAttribute(EntAttributes.ACTIVATION_LINK_ID, nonce);
            if (Students.state(stored) != AccountState.ACTIVATABLE) {
                stored.setSingleAttribute(EntAttributes.ACCOUNT_STATE, AccountState.ACTIVATABLE.name());
            }
        });
        if (!issued.get()) {
            return null;
        }
        return Urls.actionTokenBuilder(baseUri, session.tokens().encode(token), settings.portalClientId(), "", "")
                .build(realm.getName())
                .toString();
    }

    /** Confirms a finished activation. */
    public static void sendActivated(KeycloakSession session, RealmModel realm, UserModel user) throws EmailException {
        String address = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        if (address == null || address.isBlank()) {
            return;
        }
        Map<String, Object> attributes = common(realm, user, ActivationSettings.of(realm));
        String forwarding = user.getFirstAttribute(EntAttributes.MAIL_FORWARDING_ADDRESS);
        attributes.put("forwardingAddress", forwarding == null ? "" : forwarding);
        email(session, realm, user).send("entActivatedSubject", List.of(), "ent-activated.ftl", attributes, address);
    }

    /** "1ère connexion" for a student who paid less than the activation delay ago: ready at HH:MM. */
    static void sendReadyAt(KeycloakSession session, RealmModel realm, UserModel user, Instant readyAt)
            throws EmailException {
        ZonedDateTime local = readyAt.atZone(RealmLifecycle.zone(realm));
        Map<String, Object> attributes = common(realm, user, ActivationSettings.of(realm));
        attributes.put("entReadyAtTime", local.format(DateTimeFormatter.ofPattern("HH:mm")));
        attributes.put("entReadyAtDate", local.format(RealmLifecycle.DAY));
        send(session, realm, user, "entReadyAtSubject", "ent-ready-at.ftl", attributes);
    }

    /** "1ère connexion" for a student whose enrolment fee is not recorded as paid. */
    static void sendUnpaid(KeycloakSession session, RealmModel realm, UserModel user) throws EmailException {
        send(
                session,
                realm,
                user,
                "entUnpaidSubject",
                "ent-unpaid.ftl",
                common(realm, user, ActivationSettings.of(realm)));
    }

    /** "1ère connexion" for an active student: the identifier, and where to reset the password. */
    static void sendAlreadyActive(KeycloakSession session, RealmModel realm, UserModel user, URI baseUri)
            throws EmailException {
        ActivationSettings settings = ActivationSettings.of(realm);
        Map<String, Object> attributes = common(realm, user, settings);
        attributes.put(
                "entResetPasswordUrl",
                Urls.loginResetCredentialsBuilder(baseUri)
                        .queryParam("client_id", settings.portalClientId())
                        .build(realm.getName())
                        .toString());
        send(session, realm, user, "entAlreadyActiveSubject", "ent-already-active.ftl", attributes);
    }

    /**
     * Before an account closes: the day and time access ends, what to save, and that enrolling again keeps it; where the
     * realm offers the alumni choice, a link to it ({@code alumniLink}) or the student's no recalled.
     *
     * @param alumniLink the single-use link to the alumni choice, null when none goes with this warning
     * @param alumniUntil the last day a yes keeps the account until, null when the choice is not open
     * @param declined whether the student said no to keeping the account
     */
    public static void sendExpiryWarning(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            Instant end,
            String alumniLink,
            LocalDate alumniUntil,
            boolean declined)
            throws EmailException {
        Map<String, Object> attributes = common(realm, user, ActivationSettings.of(realm));
        attributes.put("entAccessEndsOn", lastDay(realm, end));
        attributes.put("entAlumniLink", alumniLink == null ? "" : alumniLink);
        attributes.put("entAlumniUntil", alumniUntil == null ? "" : alumniUntil.format(RealmLifecycle.DAY));
        attributes.put("entAlumniDeclined", declined);
        send(session, realm, user, "entExpiryWarningSubject", "ent-expiry-warning.ftl", attributes);
    }

    /**
     * The alumni choice: access ends on the last day of {@code offer}; one link (single-use, valid until then) to keep
     * the account until {@link AlumniOffer#extendedUntil()} or to let it close.
     */
    public static void sendAlumniOffer(
            KeycloakSession session, RealmModel realm, UserModel user, AlumniOffer offer, String link)
            throws EmailException {
        Map<String, Object> attributes = common(realm, user, ActivationSettings.of(realm));
        attributes.put("entAccessEndsOn", offer.lastDay().format(RealmLifecycle.DAY));
        attributes.put("entAlumniUntil", offer.extendedUntil().format(RealmLifecycle.DAY));
        attributes.put("link", link);
        send(session, realm, user, "entAlumniOfferSubject", "ent-alumni-offer.ftl", attributes);
    }

    /** The last day of an access ending at {@code end} (exclusive), as the cut-off day (31/12/YYYY), Paris time. */
    private static String lastDay(RealmModel realm, Instant end) {
        return end.minusSeconds(1).atZone(RealmLifecycle.zone(realm)).format(RealmLifecycle.DAY);
    }

    /** After a password change: when it happened, and what to do if it was not the student. */
    static void sendPasswordChanged(KeycloakSession session, RealmModel realm, UserModel user) throws EmailException {
        ZonedDateTime now = RealmLifecycle.now().atZone(RealmLifecycle.zone(realm));
        Map<String, Object> attributes = common(realm, user, ActivationSettings.of(realm));
        attributes.put("entChangedOn", now.format(RealmLifecycle.DAY));
        attributes.put("entChangedAt", now.format(DateTimeFormatter.ofPattern("HH:mm")));
        send(session, realm, user, "entPasswordChangedSubject", "ent-password-changed.ftl", attributes);
    }

    private static void send(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            String subjectKey,
            String template,
            Map<String, Object> attributes)
            throws EmailException {
        String address = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        if (address == null || address.isBlank()) {
            throw new EmailException("no personal address on record");
        }
        email(session, realm, user).send(subjectKey, List.of(), template, attributes, address);
    }

    private static Map<String, Object> common(RealmModel realm, UserModel user, ActivationSettings settings) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("entUsername", user.getUsername());
        attributes.put("entFirstName", user.getFirstName() == null ? "" : user.getFirstName());
        attributes.put("entHelpdesk", settings.helpdesk());
        attributes.put("entPortalUrl", settings.portalUrl() == null ? "" : settings.portalUrl());
        attributes.put(
                "entSentAt", Instant.ofEpochMilli(Time.currentTimeMillis()).toString());
        return attributes;
    }

    private static EmailTemplateProvider email(KeycloakSession session, RealmModel realm, UserModel user) {
        return session.getProvider(EmailTemplateProvider.class).setRealm(realm).setUser(user);
    }
}
