package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import fr.ent.keycloak.enrolment.core.RecordValidator;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;

/**
 * One per session and component. Imported students are served from Keycloak's own database; the enrolment database
 * is only asked about a login Keycloak does not know yet (a student enrolled after the last sync).
 */
final class EnrolmentUserStorageProvider implements UserStorageProvider, UserLookupProvider, ImportedUserValidation {

    private static final Logger LOG = Logger.getLogger(EnrolmentUserStorageProvider.class);

    private final KeycloakSession session;
    private final ComponentModel model;
    private final Clock clock;

    EnrolmentUserStorageProvider(KeycloakSession session, ComponentModel model, Clock clock) {
        this.session = session;
        this.model = model;
        this.clock = clock;
    }

    /** Each time Keycloak loads an imported student: the state follows the clock (expiry at 31 December). */
    @Override
    public UserModel validate(RealmModel realm, UserModel user) {
        importer(realm).refreshState(user, false);
        return user;
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        if (username == null || username.isBlank() || username.length() > 64) {
            return null;
        }
        EnrolmentConfig config = new EnrolmentConfig(model);
        EnrolmentSource source = config.source();
        Optional<EnrolmentSource.Row> row;
        try {
            row = source.find(username);
        } catch (SQLException e) {
            LOG.warnf(
                    "ENT enrolment: lookup of a login failed, the enrolment database is unavailable: %s",
                    source.describe(e));
            return null;
        }
        if (row.isEmpty()
                || row.get().record() == null
                || !username.equals(row.get().record().login())
                || new RecordValidator(clock).rejection(row.get().record()).isPresent()) {
            return null;
        }
        if (importer(realm).apply(row.get().record()) == StudentImporter.Outcome.CONFLICT) {
            return null;
        }
        LOG.debugf(
                "ENT enrolment: student %s imported at first lookup",
                row.get().record().studentNumber());
        return UserStoragePrivateUtil.userLocalStorage(session).getUserByUsername(realm, username);
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return null;
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null;
    }

    private StudentImporter importer(RealmModel realm) {
        return new StudentImporter(session, realm, model.getId(), AcademicCalendar.defaults(), clock);
    }

    @Override
    public void close() {}
}
