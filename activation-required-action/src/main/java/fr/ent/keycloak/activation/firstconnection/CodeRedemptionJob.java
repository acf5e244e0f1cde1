package fr.ent.keycloak.activation.firstconnection;

import fr.ent.keycloak.activation.core.AssistanceCode;
import fr.ent.keycloak.activation.core.BirthDateCheck;
import fr.ent.keycloak.activation.core.FirstConnectionRequest;
import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.mail.StudentMails;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.support.ClusterLimiter;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.net.URI;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The work behind one "J'ai un code d'assistance" form, done after the page is answered, in the same bounded queue as
 * the other form's: find the student (importing one enrolled since the last sync), check the birth date and the code
 * against the code's own counter, and leave the outcome — the activation link, or a refusal — under the request's
 * ticket in the cluster's single-use store, where the student's browser finds it ({@link FirstConnectionResource}).
 * The time the answer takes tells nothing: the form is answered before any lookup.
 */
final class CodeRedemptionJob implements Runnable {

    private static final Logger LOG = Logger.getLogger(CodeRedemptionJob.class);

    /** The ticket's notes: its state, and the link once opened. */
    static final String STATE = "state";

    static final String LINK = "link";
    static final String PENDING = "pending";
    static final String OPENED = "opened";
    static final String REFUSED = "refused";
    /** How long a ticket and its outcome wait for the browser. */
    static final long TICKET_SECONDS = 300;

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final FirstConnectionRequest request;
    private final String typedCode;
    private final URI baseUri;
    private final String clientAddress;
    private final String ticket;

    CodeRedemptionJob(
            KeycloakSessionFactory factory,
            String realmId,
            FirstConnectionRequest request,
            String typedCode,
            URI baseUri,
            String clientAddress,
            String ticket) {
        this.factory = factory;
        this.realmId = realmId;
        this.request = request;
        this.typedCode = typedCode;
        this.baseUri = baseUri;
        this.clientAddress = clientAddress;
        this.ticket = ticket;
    }

    /** The store key of a ticket. */
    static String key(String realmId, String ticket) {
        return "ent-code-ticket:" + realmId + ':' + ticket;
    }

    @Override
    public void run() {
        String link = null;
        try {
            link = KeycloakModelUtils.runJobInTransactionWithResult(factory, this::redeem);
        } catch (RuntimeException e) {
            LOG.warnf("ENT first connection: an assistance code could not be checked (%s)", CountedMail.describe(e));
        }
        String outcome = link;
        try {
            KeycloakModelUtils.runJobInTransaction(
                    factory,
                    session -> session.singleUseObjects()
                            .replace(
                                    key(realmId, ticket),
                                    outcome == null ? Map.of(STATE, REFUSED) : Map.of(STATE, OPENED, LINK, outcome)));
        } catch (RuntimeException e) {
            LOG.warnf("ENT first connection: the outcome of a code could not be kept (%s)", CountedMail.describe(e));
        }
    }

    /** The activation link the code opens, or null (the reason is in the events and the log, never in the answer). */
    private String redeem(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        if (realm == null) {
            return null;
        }
        session.getContext().setRealm(realm);
        UserModel user = FirstConnectionJob.find(session, realm, request);
        if (!Students.isStudent(user)) {
            return null;
        }
        String number = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        // without a code issued, nothing is compared (the form is no way to guess a birth date); with one, its own
        // counter: the birth-date failures of the other form do not stop a code the helpdesk has just given
        String attempts = AssistanceCodes.attemptsKey(session, realm, user);
        BirthDateCheck.Outcome check = attempts == null
                ? BirthDateCheck.Outcome.MISMATCH
                : new BirthDateCheck(ClusterLimiter.of(session))
                        .attempt(
                                attempts,
                                AssistanceCode.MAX_ATTEMPTS,
                                AssistanceCode.LIFESPAN.toSeconds(),
                                () -> request.bornOn(user.getFirstAttribute(EntAttributes.DATE_OF_BIRTH))
                                        && AssistanceCodes.redeem(session, realm, user, typedCode));
        if (check != BirthDateCheck.Outcome.MATCH) {
            String outcome = check == BirthDateCheck.Outcome.THROTTLED ? "code_throttled" : "code_refused";
            FirstConnectionJob.record(session, realm, user, clientAddress, outcome);
            LOG.infof("ENT first connection: assistance code of student %s not accepted (%s)", number, outcome);
            return null;
        }
        if (!RealmLifecycle.standing(realm, user).mayActivate()) {
            FirstConnectionJob.record(session, realm, user, clientAddress, "code_not_activatable");
            return null;
        }
        String link = StudentMails.issueLink(session, realm, user, baseUri);
        FirstConnectionJob.record(session, realm, user, clientAddress, "code_accepted");
        LOG.infof("ENT first connection: student %s opened the activation with an assistance code", number);
        return link;
    }
}
