package fr.ent.keycloak.activation.mail;

import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.support.StatelessFactory;
import fr.ent.keycloak.support.Students;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.events.Details;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventListenerTransaction;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Event listener {@value #ID}: when a student's password changes (forgotten password, a change in the account console,
 * a temporary password replaced), one email tells the student at the personal address, after the change is committed.
 * The password chosen during activation is announced by the activation's own confirmation instead.
 */
final class PasswordChangedListener implements EventListenerProvider {

    static final String ID = "ent-password-changed";
    private static final String SENT = "ent.passwordChangedMailSent";
    private static final Logger LOG = Logger.getLogger(PasswordChangedListener.class);

    private final KeycloakSession session;
    private final EventListenerTransaction afterCommit;

    PasswordChangedListener(KeycloakSession session) {
        this.session = session;
        this.afterCommit = new EventListenerTransaction((event, withRepresentation) -> {}, this::mail);
        session.getTransactionManager().enlistAfterCompletion(afterCommit);
    }

    @Override
    public void onEvent(Event event) {
        if (event.getUserId() == null) {
            return;
        }
        boolean password = event.getType() == EventType.UPDATE_PASSWORD
                || (event.getType() == EventType.UPDATE_CREDENTIAL
                        && event.getDetails() != null
                        && PasswordCredentialModel.TYPE.equals(
                                event.getDetails().get(Details.CREDENTIAL_TYPE)));
        if (password) {
            afterCommit.addEvent(event);
        }
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {}

    private void mail(Event event) {
        // Keycloak reports one change as UPDATE_PASSWORD and UPDATE_CREDENTIAL: one email per request
        if (session.getAttribute(SENT) != null) {
            return;
        }
        session.setAttribute(SENT, Boolean.TRUE);
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (!Students.isStudent(user)) {
            return;
        }
        try {
            StudentMails.sendPasswordChanged(session, realm, user);
        } catch (EmailException | RuntimeException e) {
            LOG.warnf(
                    "ENT: the password-changed email of student %s could not be sent (%s)",
                    user.getFirstAttribute(EntAttributes.STUDENT_NUMBER), CountedMail.describe(e));
        }
    }

    @Override
    public void close() {}

    /** The factory Keycloak finds through {@code META-INF/services}; enable {@value #ID} in the realm's event listeners. */
    public static final class Factory extends StatelessFactory<EventListenerProvider>
            implements EventListenerProviderFactory {
        public Factory() {
            super(ID);
        }

        @Override
        public EventListenerProvider create(KeycloakSession session) {
            return new PasswordChangedListener(session);
        }
    }
}
