package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.enrolment.core.StudentRecord;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.jpa.UserAdapter;
import org.keycloak.models.jpa.entities.UserEntity;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;

/** Writes a student's enrolment data onto the imported Keycloak account and computes the account's state. */
final class StudentImporter {

    /** What happened to one row. */
    enum Outcome {
        ADDED,
        UPDATED,
        UNCHANGED,
        /** The login belongs to an account that this source did not import. */
        CONFLICT
    }

    /** The fingerprint of the row last applied: a sync leaves a student whose row did not change alone. */
    static final String SOURCE_FINGERPRINT = "entSourceFingerprint";
    /** Why this provider disabled an account. */
    static final String DISABLED_REASON = "entDisabledReason";
    /** The student's access ended (31 December after the last academic year). */
    static final String EXPIRED = "EXPIRED";
    /** The student is no longer in the enrolment relation. */
    static final String LEFT = "LEFT";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final String componentId;
    private final AcademicCalendar calendar;
    private final Clock clock;

    StudentImporter(
            KeycloakSession session, RealmModel realm, String componentId, AcademicCalendar calendar, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.componentId = componentId;
        this.calendar = calendar;
        this.clock = clock;
    }

    private UserProvider local() {
        return UserStoragePrivateUtil.userLocalStorage(session);
    }

    /** Imports or updates one student, looking the account up by login. */
    Outcome apply(StudentRecord record) {
        return apply(record, local().getUserByUsername(realm, record.login()));
    }

    /**
     * The accounts of a batch of logins, in one query with their attributes, by lower-case login (as Keycloak stores
     * it): the batch then reads and writes each student without a query of its own. Logins without an account are
     * absent.
     */
    Map<String, UserModel> accounts(Collection<String> logins) {
        if (logins.isEmpty()) {
            return Map.of();
        }
        List<String> usernames = logins.stream()
                .map(login -> login.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
        // Keycloak's own mapping of its tables: the entities come into the persistence context, where the lookup
        // by id below finds them without another query
        List<UserEntity> found = session.getProvider(JpaConnectionProvider.class)
                .getEntityManager()
                .createQuery(
                        "SELECT DISTINCT u FROM UserEntity u LEFT JOIN FETCH u.attributes"
                                + " WHERE u.realmId = :realmId AND u.username IN :usernames",
                        UserEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("usernames", usernames)
                .getResultList();
        Map<String, UserModel> accounts = new HashMap<>();
        for (UserEntity entity : found) {
            UserModel user = local().getUserById(realm, entity.getId());
            if (user != null) {
                accounts.put(entity.getUsername(), user);
            }
        }
        return accounts;
    }

    /**
     * Imports the student when {@code user} is null (no account has the login), else updates the account if this
     * source imported it.
     */
    Outcome apply(StudentRecord record, UserModel user) {
        Outcome outcome;
        if (user == null) {
            user = create(record.login());
            user.setFederationLink(componentId);
            // a new account starts enabled; refreshState disables it at once if the student's access already ended
            user.setEnabled(true);
            outcome = Outcome.ADDED;
        } else if (!componentId.equals(user.getFederationLink())) {
            return Outcome.CONFLICT;
        } else {
            outcome = Outcome.UNCHANGED;
        }
        boolean changed = false;
        changed |= set(user, UserModel.EMAIL, record.personalEmail());
        changed |= set(user, UserModel.FIRST_NAME, record.firstName());
        changed |= set(user, UserModel.LAST_NAME, record.lastName());
        changed |= set(user, EntAttributes.STUDENT_NUMBER, record.studentNumber());
        changed |= set(user, EntAttributes.INE, blankToNull(record.ine()));
        changed |= set(user, EntAttributes.PERSONAL_EMAIL, record.personalEmail());
        changed |= set(
                user,
                EntAttributes.DATE_OF_BIRTH,
                record.birthDate() == null ? null : record.birthDate().format(DateTimeFormatter.BASIC_ISO_DATE));
        changed |= set(
                user,
                EntAttributes.LAST_ACADEMIC_YEAR,
                record.lastAcademicYear() == null
                        ? null
                        : record.lastAcademicYear().toString());
        changed |= set(
                user,
                EntAttributes.FEE_PAID_AT,
                record.feePaidAt() == null ? null : record.feePaidAt().toString());
        changed |= set(user, EntAttributes.AFFILIATION, EntAttributes.AFFILIATION_STUDENT);
        changed |= set(user, SOURCE_FINGERPRINT, record.fingerprint());
        changed |= refreshState(user, true, outcome == Outcome.ADDED);
        if (changed && outcome == Outcome.UNCHANGED) {
            evict(user);
        }
        return outcome == Outcome.UNCHANGED && changed ? Outcome.UPDATED : outcome;
    }

    /**
     * A new account, as Keycloak's {@code addUser} makes it (default roles and groups, default required actions),
     * without asking the database whether a brand-new account already holds the default role: one query less for
     * each student of a first import.
     */
    private UserModel create(String login) {
        RoleModel defaultRole = realm.getDefaultRole();
        UserModel user = local().addUser(realm, KeycloakModelUtils.generateId(), login, false, true);
        if (defaultRole != null) {
            if (user instanceof UserAdapter jpa) {
                jpa.grantRoleImpl(defaultRole);
                RoleModel.RoleGrantedEvent.fire(defaultRole, user, session);
            } else {
                user.grantRole(defaultRole);
            }
        }
        realm.getDefaultGroupsStream().forEach(user::joinGroup);
        return user;
    }

    /**
     * Recomputes {@code entAccountState} from the stored attributes and the clock, and disables an expired account.
     * Needs no database query: it also runs each time Keycloak loads an imported student.
     *
     * @param mayEnable whether the account may be enabled again (only a row present in the source does that; a
     *     student who vanished from the source stays disabled)
     * @return whether something changed
     */
    boolean refreshState(UserModel user, boolean mayEnable) {
        return refreshState(user, mayEnable, false);
    }

    private boolean refreshState(UserModel user, boolean mayEnable, boolean created) {
        boolean activated = user.getFirstAttribute(EntAttributes.CHARTER_ACCEPTED_AT) != null
                || AccountState.parse(user.getFirstAttribute(EntAttributes.ACCOUNT_STATE))
                                .orElse(null)
                        == AccountState.ACTIVE;
        AccountState state = calendar.stateAt(
                clock.instant(),
                user.getFirstAttribute(EntAttributes.LAST_ACADEMIC_YEAR),
                user.getFirstAttribute(EntAttributes.FEE_PAID_AT),
                activated);
        boolean changed = set(user, EntAttributes.ACCOUNT_STATE, state.name());
        boolean enabled = state != AccountState.EXPIRED;
        if (user.isEnabled() && !enabled) {
            if (created) {
                // a new account has no session and no cache entry yet
                user.setSingleAttribute(DISABLED_REASON, AccountState.EXPIRED.name());
                user.setEnabled(false);
            } else {
                disable(user, AccountState.EXPIRED.name());
            }
            changed = true;
        } else if (!user.isEnabled() && enabled && mayEnable && user.getFirstAttribute(DISABLED_REASON) != null) {
            // only an account this provider disabled comes back; one an administrator disabled stays so
            user.setEnabled(true);
            user.removeAttribute(DISABLED_REASON);
            changed = true;
        }
        return changed;
    }

    /**
     * Disables the account, records why ({@value #EXPIRED} or {@value #LEFT}: an account disabled by this provider may
     * come back, one disabled by an administrator never does), and ends its sessions on every node.
     */
    void disable(UserModel user, String reason) {
        user.setSingleAttribute(DISABLED_REASON, reason);
        user.setEnabled(false);
        session.sessions().removeUserSessions(realm, user);
        evict(user);
    }

    /**
     * Keycloak's copy is written here directly (not through its user cache, which a sync would flood): the cache of
     * every node forgets the student, so that the next read sees the change.
     */
    private void evict(UserModel user) {
        UserCache cache = UserStorageUtil.userCache(session);
        if (cache != null) {
            cache.evict(realm, user);
        }
    }

    private static boolean set(UserModel user, String name, String value) {
        String current = switch (name) {
            case UserModel.FIRST_NAME -> user.getFirstName();
            case UserModel.LAST_NAME -> user.getLastName();
            case UserModel.EMAIL -> user.getEmail();
            default -> user.getFirstAttribute(name);
        };
        if (Objects.equals(current, value)) {
            return false;
        }
        switch (name) {
            case UserModel.FIRST_NAME -> user.setFirstName(value);
            case UserModel.LAST_NAME -> user.setLastName(value);
            case UserModel.EMAIL -> user.setEmail(value);
            default -> {
                if (value == null) {
                    user.removeAttribute(name);
                } else {
                    // the single-value setter updates the row in place; the list setter deletes and re-inserts
                    user.setSingleAttribute(name, value);
                }
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
