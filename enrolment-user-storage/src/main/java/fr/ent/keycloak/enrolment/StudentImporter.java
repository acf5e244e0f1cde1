package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentFacts;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.enrolment.core.AccountOwnership;
import fr.ent.keycloak.enrolment.core.Minimisation;
import fr.ent.keycloak.enrolment.core.StudentRecord;
import fr.ent.keycloak.enrolment.core.UniversityAddress;
import fr.ent.keycloak.support.RealmLifecycle;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.cache.UserCache;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageUtil;

/** Writes a student's enrolment data onto the imported Keycloak account and computes the account's state. */
final class StudentImporter {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(StudentImporter.class);

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
    /** The realm's lifecycle; null when a lifecycle setting of the realm is wrong (then states are left as stored). */
    private final StudentLifecycle lifecycle;

    private final Clock clock;

    /** The component's pattern of university addresses ({@code mail}); empty: none. */
    private final String mailPattern;

    StudentImporter(
            KeycloakSession session,
            RealmModel realm,
            ComponentModel component,
            StudentLifecycle lifecycle,
            Clock clock) {
        this.session = session;
        this.realm = realm;
        this.componentId = component.getId();
        this.lifecycle = lifecycle;
        this.clock = clock;
        String pattern = component.get(EnrolmentConfig.MAIL_PATTERN);
        this.mailPattern = pattern == null ? "" : pattern.trim();
    }

    /**
     * The student's university address ({@code mail}), which services receive as their email: none when the component
     * has no pattern, or when this student's login cannot make one.
     */
    private String universityAddress(StudentRecord record) {
        return UniversityAddress.of(mailPattern, record.login(), record.studentNumber())
                .orElse(null);
    }

    /**
     * The realm's lifecycle, or null when one of its settings is wrong: then the server log says which, syncs stop
     * (nothing is written with a calendar the university did not set) and sign-ins keep the stored states.
     */
    static StudentLifecycle lifecycle(RealmModel realm) {
        return RealmLifecycle.ofOrLogged(realm, "account states are not recomputed");
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
        Map<String, UserModel> accounts = new HashMap<>();
        KeycloakInternals.accountIds(session, realm, usernames).forEach((username, id) -> {
            UserModel user = local().getUserById(realm, id);
            if (user != null) {
                accounts.put(username, user);
            }
        });
        return accounts;
    }

    /**
     * Imports the student when {@code user} is null (no account has the login), else updates the account if this
     * source imported it, or if it is this student's account unlinked from its source ({@link AccountOwnership}).
     */
    Outcome apply(StudentRecord record, UserModel user) {
        Outcome outcome;
        if (user == null) {
            user = create(record.login());
            user.setFederationLink(componentId);
            // a new account starts enabled; refreshState disables it at once if the student's access already ended
            user.setEnabled(true);
            outcome = Outcome.ADDED;
        } else {
            switch (AccountOwnership.of(
                    user.getFederationLink(),
                    componentId,
                    user.getFirstAttribute(SOURCE_FINGERPRINT) != null,
                    user.getFirstAttribute(EntAttributes.STUDENT_NUMBER),
                    record.studentNumber())) {
                case FOREIGN -> {
                    return Outcome.CONFLICT;
                }
                case RECLAIM -> {
                    user.setFederationLink(componentId);
                    // written to the database directly: the cached copy still says local
                    evict(user);
                    LOG.infof(
                            "ENT enrolment: student %s: the account had been unlinked from its source; linked again",
                            record.studentNumber());
                    outcome = Outcome.UPDATED;
                }
                default -> outcome = Outcome.UNCHANGED;
            }
        }
        if (outcome == Outcome.UNCHANGED && stillMinimised(record, user)) {
            // the source has not changed since the data was removed, and the access is still over: the data stays out
            boolean changed = set(user, SOURCE_FINGERPRINT, record.minimisedFingerprint());
            changed |= refreshState(user, true, false);
            if (changed) {
                evict(user);
            }
            return changed ? Outcome.UPDATED : Outcome.UNCHANGED;
        }
        boolean changed = false;
        changed |= set(user, UserModel.EMAIL, record.personalEmail());
        changed |= set(user, EntAttributes.UNIVERSITY_MAIL, universityAddress(record));
        changed |= set(user, UserModel.FIRST_NAME, record.firstName());
        changed |= set(user, UserModel.LAST_NAME, record.lastName());
        changed |= set(user, EntAttributes.STUDENT_NUMBER, record.studentNumber());
        changed |= set(user, EntAttributes.INE, blankToNull(record.ine()));
        if (set(user, EntAttributes.PERSONAL_EMAIL, record.personalEmail())) {
            changed = true;
            // a link mailed to the former address must not activate the account: it is void from now on
            set(user, EntAttributes.ACTIVATION_LINK_ID, null);
        }
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
        // the data is back from the source: a closed account loses it again just below, with a new record
        changed |= set(user, EntAttributes.MINIMISED_AT, null);
        if (user.getFirstAttribute(EntAttributes.MINIMISED) != null) {
            user.removeAttribute(EntAttributes.MINIMISED);
        }
        changed |= refreshState(user, true, outcome == Outcome.ADDED);
        if (StudentRecord.isMinimisedForm(user.getFirstAttribute(SOURCE_FINGERPRINT))) {
            // closed and minimised just now: the row's own minimised fingerprint, which the next sync compares
            set(user, SOURCE_FINGERPRINT, record.minimisedFingerprint());
        }
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
            KeycloakInternals.grantToNewAccount(session, user, defaultRole);
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

    /**
     * When Keycloak loads an account, or a student signs in: closes it if the student's access has ended (state,
     * disabled, sessions ended, data removed) and writes nothing otherwise. A load happens inside transactions that a
     * nested one may follow on the same account (an activation link's nonce is committed before its email leaves): if
     * both wrote the account's state, the nested one would wait for the outer one for ever. The other states are
     * written by the syncs and by the activation's own steps; every decision computes the standing from the facts.
     *
     * @return whether something changed
     */
    boolean closeIfEnded(UserModel user) {
        if (lifecycle == null || stateNow(user) != AccountState.EXPIRED) {
            return false;
        }
        return refreshState(user, false);
    }

    private boolean refreshState(UserModel user, boolean mayEnable, boolean created) {
        if (lifecycle == null) {
            return false;
        }
        AccountState state = stateNow(user);
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
        changed |= minimise(user, state);
        return changed;
    }

    /**
     * Whether the account's data was removed when its access ended, its row is the one it was imported from, and the
     * access is still over: then a sync or a sign-in must not write the data back (and remove it again).
     */
    private boolean stillMinimised(StudentRecord record, UserModel user) {
        if (lifecycle == null
                || user.getFirstAttribute(EntAttributes.MINIMISED_AT) == null
                || !record.matches(user.getFirstAttribute(SOURCE_FINGERPRINT))) {
            return false;
        }
        return stateNow(user) == AccountState.EXPIRED;
    }

    /** The row as a minimised account still holds it: what its minimised fingerprint is computed over. */
    private static StudentRecord kept(UserModel user) {
        return new StudentRecord(
                user.getFirstAttribute(EntAttributes.STUDENT_NUMBER),
                user.getUsername(),
                null,
                user.getFirstName(),
                user.getLastName(),
                null,
                null,
                StudentFacts.academicYear(user.getFirstAttribute(EntAttributes.LAST_ACADEMIC_YEAR)),
                null,
                fr.ent.keycloak.common.AcademicCalendar.parseInstant(user.getFirstAttribute(EntAttributes.FEE_PAID_AT)),
                null);
    }

    /** Where the lifecycle says the student stands now, from the account's stored facts (lifecycle not null). */
    private AccountState stateNow(UserModel user) {
        return lifecycle
                .standing(StudentFacts.of(user.isEnabled(), user::getFirstAttribute), clock.instant())
                .state();
    }

    /**
     * Removes what a closed account no longer needs ({@link Minimisation}), and records when and what (names only):
     * on every path that finds the access ended — a sync, a sign-in, Keycloak loading the account.
     */
    private boolean minimise(UserModel user, AccountState state) {
        List<String> removed = Minimisation.toRemove(state, user::getFirstAttribute, user.getEmail());
        if (removed.isEmpty()) {
            return false;
        }
        for (String name : removed) {
            if (Minimisation.EMAIL.equals(name)) {
                user.setEmail(null);
            } else {
                user.removeAttribute(name);
            }
        }
        user.setSingleAttribute(EntAttributes.MINIMISED_AT, clock.instant().toString());
        user.setAttribute(EntAttributes.MINIMISED, removed);
        // the fingerprint of the row loses what was removed too, and so do the account's stored events
        user.setSingleAttribute(SOURCE_FINGERPRINT, kept(user).minimisedFingerprint());
        KeycloakInternals.scrubEventsOf(session, realm, user.getId());
        LOG.infof(
                "ENT enrolment: access of account %s ended; removed what it no longer needs: %s",
                user.getId(), String.join(", ", removed));
        return true;
    }

    /**
     * Disables the account, records why ({@value #EXPIRED} or {@value #LEFT}: an account disabled by this provider may
     * come back, one disabled by an administrator never does), and ends its sessions on every node, telling the services
     * that take back-channel logout.
     */
    void disable(UserModel user, String reason) {
        user.setSingleAttribute(DISABLED_REASON, reason);
        user.setEnabled(false);
        KeycloakInternals.endSessions(session, realm, user);
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
