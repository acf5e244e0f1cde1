package fr.ent.keycloak.activation;

import fr.ent.keycloak.activation.core.FirstConnectionGuidance;
import fr.ent.keycloak.activation.core.FirstConnectionRequest;
import fr.ent.keycloak.activation.core.SlotLimiter;
import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.locale.LocaleSelectorProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The work behind one "1ère connexion" form, done after the page is answered: find the student (importing one enrolled
 * since the last sync), check the birth date, count failures and emails against the cluster-wide limits, and send the
 * guidance to the personal address on record. Recorded as a user event ({@code CUSTOM_REQUIRED_ACTION}, detail
 * {@code ent_step=first_connection} with the outcome) when the student is known.
 */
final class FirstConnectionJob implements Runnable {

    private static final Logger LOG = Logger.getLogger(FirstConnectionJob.class);

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final FirstConnectionRequest request;
    private final URI baseUri;
    private final String clientAddress;
    private final String language;

    /**
     * @param language the language the form was shown in (a tag such as {@code fr}): the guidance email is written in
     *     it, whatever the account's own setting, since the student just read that page
     */
    FirstConnectionJob(
            KeycloakSessionFactory factory,
            String realmId,
            FirstConnectionRequest request,
            URI baseUri,
            String clientAddress,
            String language) {
        this.factory = factory;
        this.realmId = realmId;
        this.request = request;
        this.baseUri = baseUri;
        this.clientAddress = clientAddress;
        this.language = language;
    }

    @Override
    public void run() {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, this::handle);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "ENT first connection: a request could not be handled: %s: %s",
                    e.getClass().getSimpleName(), e.getMessage());
        }
    }

    /** The cluster-wide counters, in Keycloak's single-use object store. */
    static SlotLimiter limiter(KeycloakSession session) {
        return new SlotLimiter(new SlotLimiter.SlotStore() {
            @Override
            public boolean putIfAbsent(String key, long lifespanSeconds) {
                return session.singleUseObjects().putIfAbsent(key, lifespanSeconds);
            }

            @Override
            public boolean contains(String key) {
                return session.singleUseObjects().contains(key);
            }
        });
    }

    private void handle(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return;
        }
        session.getContext().setRealm(realm);
        if (language != null) {
            // Keycloak's locale selection reads a language asked for in this session first, as on its own pages
            session.setAttribute(LocaleSelectorProvider.USER_REQUEST_LOCALE, language);
        }
        UserModel user = find(session, realm);
        if (user == null || !Activation.isStudent(user)) {
            LOG.debugf("ENT first connection: no student matches an identifier given in realm %s", realm.getName());
            return;
        }
        String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        FirstConnectionSettings settings = FirstConnectionSettings.of(realm);
        SlotLimiter limiter = limiter(session);
        String failures = "ent-fc:failure:" + realm.getId() + ':' + user.getId();
        if (limiter.exhausted(failures, settings.maxFailures())) {
            record(session, realm, user, "throttled_failures");
            LOG.infof("ENT first connection: student %s reached the limit of failed attempts, nothing sent", number);
            return;
        }
        if (!request.bornOn(user.getFirstAttribute(EntAttributes.DATE_OF_BIRTH))) {
            limiter.tryAcquire(failures, settings.maxFailures(), FirstConnectionSettings.DAY_SECONDS);
            record(session, realm, user, "birth_date_mismatch");
            LOG.infof("ENT first connection: wrong birth date given for student %s", number);
            return;
        }
        Instant now = Instant.ofEpochMilli(Time.currentTimeMillis());
        String paid = user.getFirstAttribute(EntAttributes.FEE_PAID_AT);
        Instant feePaidAt = AcademicCalendar.parseInstant(paid);
        AccountState state = AcademicCalendar.defaults()
                .stateAt(
                        now,
                        user.getFirstAttribute(EntAttributes.LAST_ACADEMIC_YEAR),
                        paid,
                        Activation.state(user) == AccountState.ACTIVE);
        FirstConnectionGuidance guidance = FirstConnectionGuidance.of(state, feePaidAt != null, user.isEnabled());
        String personal = user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL);
        if (!guidance.sends() || personal == null || personal.isBlank()) {
            record(session, realm, user, "nothing_to_send_" + state.name().toLowerCase(Locale.ROOT));
            return;
        }
        if (!limiter.tryAcquire(
                "ent-fc:email:" + realm.getId() + ':' + user.getId(),
                settings.maxEmails(),
                FirstConnectionSettings.DAY_SECONDS)) {
            record(session, realm, user, "throttled_emails");
            LOG.infof("ENT first connection: student %s reached the daily limit of emails, nothing sent", number);
            return;
        }
        try {
            send(session, realm, user, guidance, feePaidAt);
            record(session, realm, user, "sent_" + guidance.name().toLowerCase(Locale.ROOT));
            LOG.infof("ENT first connection: %s sent to student %s", guidance, number);
        } catch (EmailException e) {
            record(session, realm, user, "email_failed");
            LOG.warnf("ENT first connection: the email to student %s failed: %s", number, e.getMessage());
        }
    }

    /** By login, then student number, then INE; the storage provider imports a student enrolled since the last sync. */
    private UserModel find(KeycloakSession session, RealmModel realm) {
        UserModel byLogin = session.users().getUserByUsername(realm, request.identifier());
        if (byLogin != null) {
            return byLogin;
        }
        UserModel byNumber = unique(session, realm, EntAttributes.STUDENT_NUMBER, request.identifier());
        if (byNumber != null || !request.looksLikeIne()) {
            return byNumber;
        }
        return unique(session, realm, EntAttributes.INE, request.ine());
    }

    private static UserModel unique(KeycloakSession session, RealmModel realm, String attribute, String value) {
        var found = session.users()
                .searchForUserByUserAttributeStream(realm, attribute, value)
                .filter(Objects::nonNull)
                .limit(2)
                .toList();
        return found.size() == 1 ? found.get(0) : null;
    }

    private void send(
            KeycloakSession session,
            RealmModel realm,
            UserModel user,
            FirstConnectionGuidance guidance,
            Instant feePaidAt)
            throws EmailException {
        switch (guidance) {
            case SEND_LINK -> {
                user.setSingleAttribute(EntAttributes.ACCOUNT_STATE, AccountState.ACTIVATABLE.name());
                ActivationMailer.sendLink(session, realm, user, baseUri);
                if (user.getFirstAttribute(Activation.MAIL_SENT_AT) == null) {
                    user.setSingleAttribute(
                            Activation.MAIL_SENT_AT,
                            Instant.ofEpochMilli(Time.currentTimeMillis()).toString());
                }
            }
            case SEND_READY_AT ->
                ActivationMailer.sendReadyAt(
                        session, realm, user, AcademicCalendar.defaults().activatableFrom(feePaidAt));
            case SEND_UNPAID -> ActivationMailer.sendUnpaid(session, realm, user);
            case SEND_ALREADY_ACTIVE -> ActivationMailer.sendAlreadyActive(session, realm, user, baseUri);
            case NOTHING -> {}
        }
    }

    private void record(KeycloakSession session, RealmModel realm, UserModel user, String outcome) {
        new EventBuilder(realm, session)
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .user(user)
                .ipAddress(clientAddress)
                .detail("ent_step", "first_connection")
                .detail("ent_outcome", outcome)
                .success();
    }
}
