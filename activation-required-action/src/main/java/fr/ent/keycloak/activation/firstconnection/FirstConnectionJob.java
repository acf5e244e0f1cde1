package fr.ent.keycloak.activation.firstconnection;

import fr.ent.keycloak.activation.core.BirthDateCheck;
import fr.ent.keycloak.activation.core.FirstConnectionRequest;
import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.settings.FirstConnectionSettings;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle.Guidance;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.support.ClusterLimiter;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import org.jboss.logging.Logger;
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
public final class FirstConnectionJob implements Runnable {

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
            LOG.warnf("ENT first connection: a request could not be handled (%s)", CountedMail.describe(e));
        }
    }

    /** The key of a student's "1ère connexion" failures in the cluster's counters ({@link fr.ent.keycloak.support.ClusterLimiter}). */
    public static String failureKey(RealmModel realm, UserModel user) {
        return "ent-fc:failure:" + realm.getId() + ':' + user.getId();
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
        if (user == null || !Students.isStudent(user)) {
            LOG.debugf("ENT first connection: no student matches an identifier given in realm %s", realm.getName());
            return;
        }
        String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        FirstConnectionSettings settings = FirstConnectionSettings.of(realm);
        BirthDateCheck.Outcome check = new BirthDateCheck(ClusterLimiter.of(session))
                .attempt(
                        failureKey(realm, user),
                        settings.maxFailures(),
                        FirstConnectionSettings.DAY_SECONDS,
                        () -> request.bornOn(user.getFirstAttribute(EntAttributes.DATE_OF_BIRTH)));
        if (check == BirthDateCheck.Outcome.THROTTLED) {
            record(session, realm, user, "throttled_failures");
            LOG.infof("ENT first connection: student %s reached the limit of failed attempts, nothing sent", number);
            return;
        }
        if (check == BirthDateCheck.Outcome.MISMATCH) {
            record(session, realm, user, "birth_date_mismatch");
            LOG.infof("ENT first connection: wrong birth date given for student %s", number);
            return;
        }
        Standing standing = RealmLifecycle.standing(realm, user);
        Guidance guidance = standing.guidance();
        if (!guidance.sends()) {
            record(
                    session,
                    realm,
                    user,
                    "nothing_to_send_" + standing.state().name().toLowerCase(Locale.ROOT));
            return;
        }
        String outcome = CountedMail.guidanceName(guidance);
        switch (CountedMail.counted(
                session,
                realm,
                user,
                "first connection " + outcome,
                CountedMail.guidance(session, realm, user, standing, baseUri))) {
            case SENT -> {
                record(session, realm, user, "sent_" + outcome);
                LOG.infof("ENT first connection: %s sent to student %s", outcome, number);
            }
            case THROTTLED -> record(session, realm, user, "throttled_emails");
            case FAILED -> record(session, realm, user, "email_failed");
        }
    }

    /** By login, then student number, then INE; the storage provider imports a student enrolled since the last sync. */
    private UserModel find(KeycloakSession session, RealmModel realm) {
        return find(session, realm, request);
    }

    /** The student an identifier names (login, student number or INE), or null when none or several. */
    static UserModel find(KeycloakSession session, RealmModel realm, FirstConnectionRequest request) {
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

    private void record(KeycloakSession session, RealmModel realm, UserModel user, String outcome) {
        record(session, realm, user, clientAddress, outcome);
    }

    /** A user event of "1ère connexion" (type CUSTOM_REQUIRED_ACTION, {@code ent_step=first_connection}). */
    static void record(
            KeycloakSession session, RealmModel realm, UserModel user, String clientAddress, String outcome) {
        new EventBuilder(realm, session)
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .user(user)
                .ipAddress(clientAddress)
                .detail("ent_step", "first_connection")
                .detail("ent_outcome", outcome)
                .success();
    }
}
