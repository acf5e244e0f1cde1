package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import fr.ent.keycloak.enrolment.core.MassDisableGuard;
import fr.ent.keycloak.enrolment.core.RecordValidator;
import fr.ent.keycloak.enrolment.core.StudentRecord;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.connections.jpa.support.EntityManagers;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserProvider;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.storage.UserStoragePrivateUtil;
import org.keycloak.storage.UserStorageProviderModel;
import org.keycloak.storage.user.SynchronizationResult;

/**
 * "Sync all users" and "Sync changed users": reads the enrolment relation, leaves alone the students whose row and
 * state did not change, imports or updates the others in transactions of {@value #BATCH} written in Keycloak's batch
 * mode (one lookup query per batch, rows sent in statement batches), on a few threads, and (full sync only) disables
 * the students who vanished from the source unless that would disable too many at once. Keycloak runs one sync of a
 * component at a time across the cluster.
 */
final class StudentSync {

    private static final Logger LOG = Logger.getLogger(StudentSync.class);
    private static final int BATCH = 500;
    /** Threads writing batches at once: one per core, at most four (Keycloak's database does the other half). */
    private static final int WORKERS =
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final KeycloakSessionFactory sessionFactory;
    private final String realmId;
    private final UserStorageProviderModel model;
    private final EnrolmentConfig config;
    private final ConnectionPools pools;
    private final Clock clock;

    StudentSync(
            KeycloakSessionFactory sessionFactory,
            String realmId,
            UserStorageProviderModel model,
            ConnectionPools pools,
            Clock clock) {
        this.pools = pools;
        this.sessionFactory = sessionFactory;
        this.realmId = realmId;
        this.model = model;
        this.config = new EnrolmentConfig(model);
        this.clock = clock;
    }

    SynchronizationResult full() {
        return run("full", null);
    }

    SynchronizationResult changedSince(Date since) {
        return run("changed", since);
    }

    private SynchronizationResult run(String kind, Date since) {
        long start = System.nanoTime();
        SynchronizationResult result = new SynchronizationResult();
        EnrolmentSource source = config.source(pools, sessionFactory);
        List<EnrolmentSource.Row> rows;
        try {
            rows = since == null ? source.readAll() : source.readChangedSince(since.toInstant());
        } catch (SQLException e) {
            LOG.errorf(
                    "ENT enrolment sync (%s) of component %s failed, nothing changed; next attempt at the next"
                            + " period: %s",
                    kind, model.getName(), source.describe(e));
            result.increaseFailed();
            rewindLastSync(since);
            return result;
        }

        List<StudentRecord> valid = validate(rows, result);
        List<StudentRecord> changed = changed(valid);
        List<List<StudentRecord>> batches = new ArrayList<>();
        for (int from = 0; from < changed.size(); from += BATCH) {
            batches.add(changed.subList(from, Math.min(changed.size(), from + BATCH)));
        }
        boolean batchFailed = !applyAll(kind, batches, result);
        if (batchFailed) {
            rewindLastSync(since);
        }
        if (since == null) {
            Set<String> logins = new HashSet<>();
            valid.forEach(record -> logins.add(record.login()));
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> disableVanished(session, logins, result));
        }
        LOG.infof(
                "ENT enrolment sync (%s) of component %s: %d read, %d added, %d updated, %d disabled, %d rejected or"
                        + " failed, in %d ms",
                kind,
                model.getName(),
                rows.size(),
                result.getAdded(),
                result.getUpdated(),
                result.getRemoved(),
                result.getFailed(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /**
     * Applies the batches, each in a transaction of its own, on up to {@link #WORKERS} threads (the batches hold
     * different students; a first import is bound by the work of writing them), and adds their counts to
     * {@code result}.
     *
     * @return false when a student could not be written (the next sync tries again)
     */
    private boolean applyAll(String kind, List<List<StudentRecord>> batches, SynchronizationResult result) {
        int workers = Math.min(WORKERS, batches.size());
        if (workers <= 1) {
            boolean ok = true;
            for (List<StudentRecord> batch : batches) {
                ok &= apply(kind, batch, result);
            }
            return ok;
        }
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(workers, task -> {
            Thread thread = new Thread(task, "ent-enrolment-sync-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (List<StudentRecord> batch : batches) {
                done.add(executor.submit(() -> apply(kind, batch, result)));
            }
            boolean ok = true;
            for (Future<Boolean> batch : done) {
                ok &= batch.get();
            }
            return ok;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("ENT enrolment sync interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("ENT enrolment sync failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
    }

    /** One batch in one transaction; when it is rolled back, its students one at a time. */
    private boolean apply(String kind, List<StudentRecord> batch, SynchronizationResult result) {
        try {
            SynchronizationResult part = KeycloakModelUtils.runJobInTransactionWithResult(
                    sessionFactory, session -> importBatch(session, batch));
            synchronized (result) {
                result.add(part);
            }
            return true;
        } catch (RuntimeException e) {
            // typically a student imported at sign-in on another node meanwhile: one at a time, each is found
            LOG.warnf(
                    "ENT enrolment sync (%s): a batch of %d students was rolled back (%s: %s); importing them one"
                            + " at a time",
                    kind, batch.size(), e.getClass().getSimpleName(), e.getMessage());
            boolean ok = true;
            for (StudentRecord record : batch) {
                ok &= importAlone(record, result);
            }
            return ok;
        }
    }

    /**
     * Keycloak records the start of a sync as the component's last sync before running it, and the next "changed
     * users" sync reads the rows changed after that time. When this sync could not do its work, the time goes back
     * (to the previous sync for a changed-users sync, to never for a full one) so that the next sync at the next period
     * reads again everything this one missed, and sign-ins treat the copy as stale meanwhile.
     */
    private void rewindLastSync(Date since) {
        int to = since == null ? 0 : (int) (since.getTime() / 1000);
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                ComponentModel stored = realm == null ? null : realm.getComponent(model.getId());
                if (stored != null) {
                    UserStorageProviderModel persistent = new UserStorageProviderModel(stored);
                    persistent.setLastSync(to);
                    realm.updateComponent(persistent);
                }
            });
            model.setLastSync(to);
        } catch (RuntimeException e) {
            LOG.warnf(e, "ENT enrolment: could not record that the sync of %s must be run again", model.getName());
        }
    }

    /** What Keycloak holds of one imported student, read for all of them in one query. */
    private record Copy(boolean enabled, String fingerprint, String state, String disabledReason) {}

    /** Keycloak's copies as read before this sync's writes, by login; null when they could not be read at once. */
    private Map<String, Copy> copies;

    private static final String COPIES = "SELECT u.USERNAME, u.ENABLED, f.VALUE, s.VALUE, d.VALUE FROM USER_ENTITY u"
            + " LEFT JOIN USER_ATTRIBUTE f ON f.USER_ID = u.ID AND f.NAME = :fingerprint"
            + " LEFT JOIN USER_ATTRIBUTE s ON s.USER_ID = u.ID AND s.NAME = :state"
            + " LEFT JOIN USER_ATTRIBUTE d ON d.USER_ID = u.ID AND d.NAME = :reason"
            + " WHERE u.REALM_ID = :realm AND u.FEDERATION_LINK = :component";

    /**
     * The rows that need work: new students, changed rows, and students whose state the clock changed (activatable,
     * expired) or whose account is not enabled as it should be. The others (most of a nightly sync) are left alone,
     * after one query that reads what Keycloak holds of every imported student.
     */
    private List<StudentRecord> changed(List<StudentRecord> valid) {
        Map<String, Copy> copies = new HashMap<>();
        try {
            KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
                @SuppressWarnings("unchecked")
                List<Object[]> found = session.getProvider(JpaConnectionProvider.class)
                        .getEntityManager()
                        .createNativeQuery(COPIES)
                        .setParameter("fingerprint", StudentImporter.SOURCE_FINGERPRINT)
                        .setParameter("state", EntAttributes.ACCOUNT_STATE)
                        .setParameter("reason", StudentImporter.DISABLED_REASON)
                        .setParameter("realm", realmId)
                        .setParameter("component", model.getId())
                        .getResultList();
                for (Object[] row : found) {
                    copies.put(
                            String.valueOf(row[0]),
                            new Copy(Boolean.TRUE.equals(row[1]), (String) row[2], (String) row[3], (String) row[4]));
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf(
                    "ENT enrolment: could not read Keycloak's copies at once (%s); every row is checked one by one",
                    e.getMessage());
            return valid;
        }
        this.copies = copies;
        AcademicCalendar calendar = AcademicCalendar.defaults();
        Instant now = clock.instant();
        List<StudentRecord> changed = new ArrayList<>();
        for (StudentRecord record : valid) {
            Copy copy = copies.get(record.login());
            if (copy == null || !record.fingerprint().equals(copy.fingerprint())) {
                changed.add(record);
                continue;
            }
            boolean activated = AccountState.ACTIVE.name().equals(copy.state());
            AccountState state = calendar.stateAt(now, record.lastAcademicYear(), record.feePaidAt(), activated);
            boolean shouldBeEnabled = state != AccountState.EXPIRED;
            boolean adminDisabled = !copy.enabled() && copy.disabledReason() == null;
            if (!state.name().equals(copy.state()) || (copy.enabled() != shouldBeEnabled && !adminDisabled)) {
                changed.add(record);
            }
        }
        return changed;
    }

    /** The rows that can become accounts; the others are counted as failed and logged by student number. */
    private List<StudentRecord> validate(List<EnrolmentSource.Row> rows, SynchronizationResult result) {
        RecordValidator validator = new RecordValidator(clock);
        Set<String> numbers = new HashSet<>();
        Set<String> logins = new HashSet<>();
        List<StudentRecord> valid = new ArrayList<>(rows.size());
        for (EnrolmentSource.Row row : rows) {
            String reason = row.error();
            StudentRecord record = row.record();
            if (reason == null) {
                reason = validator.rejection(record).orElse(null);
            }
            if (reason == null && !numbers.add(record.studentNumber())) {
                reason = "duplicate student number";
            }
            if (reason == null && !logins.add(record.login())) {
                reason = "duplicate login";
            }
            if (reason != null) {
                LOG.warnf("ENT enrolment: row of student %s skipped: %s", safe(row.studentNumber()), reason);
                result.increaseFailed();
            } else {
                valid.add(record);
            }
        }
        return valid;
    }

    /** One student in a transaction of its own, tried twice; false (counted as failed) when both attempts fail. */
    private boolean importAlone(StudentRecord record, SynchronizationResult result) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                SynchronizationResult part = KeycloakModelUtils.runJobInTransactionWithResult(
                        sessionFactory, session -> importBatch(session, List.of(record)));
                synchronized (result) {
                    result.add(part);
                }
                return true;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        LOG.errorf(
                last,
                "ENT enrolment sync: student %s could not be imported; next attempt at the next sync",
                safe(record.studentNumber()));
        synchronized (result) {
            result.increaseFailed();
        }
        return false;
    }

    private SynchronizationResult importBatch(KeycloakSession session, List<StudentRecord> batch) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        StudentImporter importer =
                new StudentImporter(session, realm, model.getId(), AcademicCalendar.defaults(), clock);
        SynchronizationResult part = new SynchronizationResult();
        // Keycloak's batch mode: the accounts' rows are written together when the batch ends (statement batches of
        // Keycloak's persistence settings), instead of a flush for each account, role grant and lookup
        EntityManagers.runInBatch(session, () -> importAll(importer, batch, part), true);
        return part;
    }

    private void importAll(StudentImporter importer, List<StudentRecord> batch, SynchronizationResult part) {
        Map<String, UserModel> accounts =
                importer.accounts(batch.stream().map(StudentRecord::login).toList());
        for (StudentRecord record : batch) {
            UserModel account = accounts.get(record.login().toLowerCase(Locale.ROOT));
            switch (importer.apply(record, account)) {
                case ADDED -> part.increaseAdded();
                case UPDATED -> part.increaseUpdated();
                case UNCHANGED -> {}
                case CONFLICT -> {
                    LOG.warnf(
                            "ENT enrolment: student %s skipped: the login belongs to an account this source did not"
                                    + " import",
                            safe(record.studentNumber()));
                    part.increaseFailed();
                }
            }
        }
    }

    private void disableVanished(KeycloakSession session, Set<String> present, SynchronizationResult result) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        // the enabled students of this source: from the copies read at the start (no account loaded), else from a scan
        List<String> imported = copies != null
                ? copies.entrySet().stream()
                        .filter(copy -> copy.getValue().enabled())
                        .map(Map.Entry::getKey)
                        .toList()
                : local.searchForUserStream(realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"))
                        .filter(user -> model.getId().equals(user.getFederationLink()))
                        .filter(UserModel::isEnabled)
                        .map(UserModel::getUsername)
                        .toList();
        List<String> vanished =
                imported.stream().filter(login -> !present.contains(login)).toList();
        if (!MassDisableGuard.allows(imported.size(), vanished.size(), config.maxDisablePercent())) {
            LOG.errorf(
                    "ENT enrolment sync of component %s would disable %d of %d students who vanished from the source,"
                            + " more than %d %%: NOTHING was disabled. Check the enrolment export, or raise the limit"
                            + " in the provider's settings if this is expected.",
                    model.getName(), vanished.size(), imported.size(), config.maxDisablePercent());
            result.increaseFailed();
            return;
        }
        StudentImporter importer =
                new StudentImporter(session, realm, model.getId(), AcademicCalendar.defaults(), clock);
        for (String login : vanished) {
            UserModel user = local.getUserByUsername(realm, login);
            if (user != null && user.isEnabled() && model.getId().equals(user.getFederationLink())) {
                importer.disable(user, StudentImporter.LEFT);
                result.increaseRemoved();
            }
        }
    }

    /** A student number fit for the log: only the characters a student number has. */
    private static String safe(String studentNumber) {
        return studentNumber == null ? "(unknown)" : studentNumber.replaceAll("[^A-Za-z0-9-]", "?");
    }
}
