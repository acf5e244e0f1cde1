package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import fr.ent.keycloak.enrolment.core.RecordValidator;
import fr.ent.keycloak.enrolment.core.Retention;
import fr.ent.keycloak.enrolment.core.StudentRecord;
import fr.ent.keycloak.enrolment.core.VouchedAttributes;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProvider;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.ImportedUserValidation;
import org.keycloak.storage.user.UserLookupProvider;
import org.keycloak.storage.user.UserQueryMethodsProvider;
import org.keycloak.storage.user.UserRegistrationProvider;
import org.keycloak.userprofile.AttributeMetadata;
import org.keycloak.userprofile.UserProfileDecorator;
import org.keycloak.userprofile.UserProfileMetadata;

/**
 * One per session and component. Imported students are served from Keycloak's own database. The enrolment database
 * is asked only about a student Keycloak does not know yet (a login, student number or INE enrolled after the last
 * sync), and about a student signing in while the local copy is stale (no sync started within the freshness window).
 * Searches and lists in the admin console never reach it.
 */
final class EnrolmentUserStorageProvider
        implements UserStorageProvider,
                UserLookupProvider,
                UserQueryMethodsProvider,
                UserRegistrationProvider,
                ImportedUserValidation,
                UserProfileDecorator {

    private static final Logger LOG = Logger.getLogger(EnrolmentUserStorageProvider.class);
    private static final int MAX_IDENTIFIER_LENGTH = 64;

    private final KeycloakSession session;
    private final UserStorageProviderModel model;
    private final EnrolmentConfig config;
    private final ConnectionPools pools;
    private final Clock clock;
    /** Students re-read from the source during this request (a request looks a student up several times). */
    private final Set<String> refreshed = new HashSet<>();

    EnrolmentUserStorageProvider(KeycloakSession session, ComponentModel model, ConnectionPools pools, Clock clock) {
        this.session = session;
        this.pools = pools;
        this.model = new UserStorageProviderModel(model);
        this.config = new EnrolmentConfig(model);
        this.clock = clock;
    }

    /**
     * Each time Keycloak loads an imported student from its database: an account whose access has ended is closed at
     * once (expiry at 31 December; {@link StudentImporter#closeIfEnded}), and a student signing in while the copy is
     * stale is re-read from the source first.
     */
    @Override
    public UserModel validate(RealmModel realm, UserModel user) {
        StudentImporter importer = importer(realm);
        importer.closeIfEnded(user);
        if (signingIn() && isStale() && refreshed.add(user.getId())) {
            refresh(realm, user, importer);
        }
        return user;
    }

    /** A sign-in, first connection or password reset is in progress in this request. */
    private boolean signingIn() {
        try {
            return session.getContext().getAuthenticationSession() != null;
        } catch (RuntimeException outsideARequest) {
            return false;
        }
    }

    /** No sync started within the freshness window (Keycloak records the start of each sync on the component). */
    private boolean isStale() {
        long sinceLastSync = clock.instant().getEpochSecond() - model.getLastSync();
        return sinceLastSync > config.freshnessSeconds();
    }

    private void refresh(RealmModel realm, UserModel user, StudentImporter importer) {
        String studentNumber = user.getFirstAttribute(EntAttributes.STUDENT_NUMBER);
        if (studentNumber == null) {
            return;
        }
        read(studentNumber)
                .filter(record -> studentNumber.equals(record.studentNumber()))
                .filter(record -> user.getUsername().equals(record.login()))
                .ifPresent(record -> {
                    importer.apply(record);
                    LOG.debugf("ENT enrolment: student %s re-read from the source at sign-in", studentNumber);
                });
    }

    /**
     * Keycloak asks this for each account of this source whose profile is read or written (the account console and its
     * REST API, the update-profile and update-email steps, the admin console and its REST API): what the university
     * vouches for ({@link VouchedAttributes}) is read-only there, whatever the realm's user-profile settings say.
     * The pack's own import and steps write through the account itself, not through the profile.
     */
    @Override
    public List<AttributeMetadata> decorateUserProfile(String providerId, UserProfileMetadata metadata) {
        Map<String, AttributeMetadata> readOnly = new LinkedHashMap<>();
        for (AttributeMetadata attribute : metadata.getAttributes()) {
            if (VouchedAttributes.readOnly(attribute.getName())) {
                // the last declaration of a name wins, as in Keycloak's own view of the profile
                readOnly.put(attribute.getName(), attribute.clone().addWriteCondition(AttributeMetadata.ALWAYS_FALSE));
            }
        }
        return List.copyOf(readOnly.values());
    }

    @Override
    public UserModel getUserByUsername(RealmModel realm, String username) {
        return importFromSource(realm, username, record -> username.equals(record.login()))
                .orElse(null);
    }

    /**
     * Finds a student by student number ({@code supannEtuId}) or INE ({@code supannCodeINE}), as the first-connection
     * form does: Keycloak's copy answers when it has the student; otherwise the source is asked and the student
     * imported at once.
     */
    @Override
    public Stream<UserModel> searchForUserByUserAttributeStream(RealmModel realm, String name, String value) {
        boolean byNumber = EntAttributes.STUDENT_NUMBER.equals(name);
        if (!byNumber && !EntAttributes.INE.equals(name)) {
            return Stream.empty();
        }
        if (local().searchForUserByUserAttributeStream(realm, name, value)
                .findAny()
                .isPresent()) {
            return Stream.empty();
        }
        return importFromSource(realm, value, record -> value.equals(byNumber ? record.studentNumber() : record.ine()))
                .stream();
    }

    /** The enrolment database is never searched for lists: the admin console searches Keycloak's copy. */
    @Override
    public Stream<UserModel> searchForUserStream(
            RealmModel realm, Map<String, String> params, Integer firstResult, Integer maxResults) {
        return Stream.empty();
    }

    @Override
    public Stream<UserModel> getGroupMembersStream(
            RealmModel realm, GroupModel group, Integer firstResult, Integer maxResults) {
        return Stream.empty();
    }

    /** Imports the student whose row answers to {@code identifier} and {@code matches}, and returns the account. */
    private Optional<UserModel> importFromSource(
            RealmModel realm, String identifier, Predicate<StudentRecord> matches) {
        if (identifier == null || identifier.isBlank() || identifier.length() > MAX_IDENTIFIER_LENGTH) {
            return Optional.empty();
        }
        Optional<StudentRecord> record = read(identifier).filter(matches);
        if (record.isEmpty()
                || new RecordValidator(clock).rejection(record.get()).isPresent()
                || retentionPassed(realm, record.get())
                || importAlone(realm, record.get()) == StudentImporter.Outcome.CONFLICT) {
            return Optional.empty();
        }
        LOG.debugf(
                "ENT enrolment: student %s imported at first lookup",
                record.get().studentNumber());
        UserModel user = local().getUserByUsername(realm, record.get().login());
        if (user != null) {
            // just read: no second query when Keycloak validates the account it gets back
            refreshed.add(user.getId());
        }
        return Optional.ofNullable(user);
    }

    /**
     * Whether the student's retention after the end of access has passed: such a row is not imported again, at a
     * lookup as at a sync (the account was deleted after the retention; importing it would start the loop again).
     */
    private boolean retentionPassed(RealmModel realm, StudentRecord record) {
        StudentLifecycle lifecycle = StudentImporter.lifecycle(realm);
        if (lifecycle == null || record.lastAcademicYear() == null) {
            return false;
        }
        return Retention.passed(
                lifecycle.calendar().expiresAt(record.lastAcademicYear()),
                lifecycle.settings().retentionMonths(),
                lifecycle.calendar().zone(),
                clock.instant());
    }

    /**
     * Imports one student in a transaction of its own, so that a sync or another node importing the same student at
     * the same moment cannot spoil the sign-in's transaction: the loser of that race finds the winner's account.
     *
     * @return the outcome, or null when both attempts lost a race (the account then exists)
     */
    private StudentImporter.Outcome importAlone(RealmModel realm, StudentRecord record) {
        String realmId = realm.getId();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), own -> {
                    RealmModel ownRealm = own.realms().getRealm(realmId);
                    own.getContext().setRealm(ownRealm);
                    return new StudentImporter(own, ownRealm, model, StudentImporter.lifecycle(ownRealm), clock)
                            .apply(record);
                });
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LOG.debugf(
                "ENT enrolment: student %s was imported elsewhere at the same moment (%s)",
                record.studentNumber(), fr.ent.keycloak.common.LogSafe.describe(last));
        return null;
    }

    /** The row whose login, student number or INE is {@code identifier}; empty when absent or unreadable. */
    private Optional<StudentRecord> read(String identifier) {
        EnrolmentSource source = config.source(pools, session.getKeycloakSessionFactory());
        try {
            return source.find(identifier).map(EnrolmentSource.Row::record);
        } catch (SQLException e) {
            LOG.warnf(
                    "ENT enrolment: a lookup failed, the enrolment database is unavailable (Keycloak's copy is used):"
                            + " %s",
                    source.describe(e));
            return Optional.empty();
        }
    }

    /** Accounts created in Keycloak (staff, test accounts) stay in Keycloak: the enrolment database is read-only. */
    @Override
    public UserModel addUser(RealmModel realm, String username) {
        return null;
    }

    /**
     * An administrator may delete a student's account in Keycloak, and the retention run deletes closed accounts; the
     * enrolment database is never written to. A student still enrolled comes back at the next sync as a new account,
     * to be activated again; one whose retention has passed does not.
     */
    @Override
    public boolean removeUser(RealmModel realm, UserModel user) {
        LOG.infof(
                "ENT enrolment: the Keycloak account of student %s was deleted",
                user.getFirstAttribute(EntAttributes.STUDENT_NUMBER));
        return true;
    }

    @Override
    public UserModel getUserById(RealmModel realm, String id) {
        return null;
    }

    @Override
    public UserModel getUserByEmail(RealmModel realm, String email) {
        return null;
    }

    private UserProvider local() {
        return UserStoragePrivateUtil.userLocalStorage(session);
    }

    private StudentImporter importer(RealmModel realm) {
        return new StudentImporter(session, realm, model, StudentImporter.lifecycle(realm), clock);
    }

    @Override
    public void close() {}
}
