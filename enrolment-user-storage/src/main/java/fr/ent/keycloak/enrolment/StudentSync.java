package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.LogSafe;
import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.enrolment.core.EnrolmentSource;
import fr.ent.keycloak.enrolment.core.RecordValidator;
import fr.ent.keycloak.enrolment.core.Retention;
import fr.ent.keycloak.enrolment.core.StudentRecord;
import fr.ent.keycloak.enrolment.core.SyncPlan;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Date;
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
    /** The realm's lifecycle, read once per sync; null when a lifecycle setting is wrong (then nothing is synced). */
    private final StudentLifecycle lifecycle;

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
        this.lifecycle = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            return realm == null ? null : StudentImporter.lifecycle(realm);
        });
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
        if (lifecycle == null) {
            LOG.errorf(
                    "ENT enrolment sync (%s) of component %s not run: a lifecycle setting of the realm is wrong (the"
                            + " log line above says which)",
                    kind, model.getName());
            result.increaseFailed();
            rewindLastSync(since);
            return result;
        }
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

        Map<String, SyncPlan.Copy> copies = copies();
        List<StudentRecord> read = validate(rows, result);
        // a student whose account was deleted after the retention is not imported again
        List<StudentRecord> valid = copies == null
                ? read
                : Retention.toImport(
                        read,
                        copies::containsKey,
                        lifecycle.calendar()::expiresAt,
                        lifecycle.settings().retentionMonths(),
                        lifecycle.calendar().zone(),
                        clock.instant());
        List<StudentRecord> changed =
                copies == null ? valid : SyncPlan.changed(valid, copies, lifecycle, clock.instant());
        SyncPlan.Closures closures = closures(since == null, valid, changed, copies);
        boolean refused = !closures.allowed();
        if (refused) {
            LOG.errorf(
                    "ENT enrolment sync (%s) of component %s would close %d of %d open accounts (%d vanished from the"
                            + " source, %d whose row moved their last academic year into the past), more than %d %%:"
                            + " NONE of them was closed and nothing is deleted after this sync; the other changes are"
                            + " applied. Check the enrolment export, or raise the limit in the provider's settings if"
                            + " this is expected.",
                    kind,
                    model.getName(),
                    closures.count(),
                    closures.open(),
                    closures.vanished().size(),
                    closures.closedByChange().size(),
                    closures.maxPercent());
            result.increaseFailed();
            Set<String> kept = new HashSet<>(closures.closedByChange());
            changed = changed.stream()
                    .filter(record -> !kept.contains(record.login()))
                    .toList();
        }
        List<List<StudentRecord>> batches = new ArrayList<>();
        for (int from = 0; from < changed.size(); from += BATCH) {
            batches.add(changed.subList(from, Math.min(changed.size(), from + BATCH)));
        }
        boolean batchFailed = !applyAll(kind, batches, result);
        if (batchFailed) {
            rewindLastSync(since);
        }
        if (since == null && !refused) {
            KeycloakModelUtils.runJobInTransaction(
                    sessionFactory, session -> disableVanished(session, closures.vanished(), result));
        }
        // deletions follow a full sync that saw the whole source and wrote all of it: never one that failed in part
        // (its copies are stale) or that the guard stopped
        RetentionRun.Outcome retention =
                since == null && !refused && !batchFailed ? retention() : RetentionRun.Outcome.NOTHING;
        if (since == null && batchFailed) {
            LOG.warnf(
                    "ENT enrolment sync of component %s: a batch failed, so nothing is deleted after this sync; the"
                            + " next full sync tries again",
                    model.getName());
        }
        if (retention.refused()) {
            result.increaseFailed();
        }
        LOG.infof(
                "ENT enrolment sync (%s) of component %s: %d read, %d added, %d updated, %d disabled, %d rejected or"
                        + " failed, %d not imported again (retention passed), %d deleted after the retention, in %d ms",
                kind,
                model.getName(),
                rows.size(),
                result.getAdded(),
                result.getUpdated(),
                result.getRemoved(),
                result.getFailed(),
                read.size() - valid.size(),
                retention.deleted(),
                (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    /** The deletions after the retention that follow a full sync; a failure there leaves the sync's work done. */
    private RetentionRun.Outcome retention() {
        try {
            return new RetentionRun(sessionFactory, realmId, model, lifecycle.settings(), clock).run();
        } catch (RuntimeException e) {
            LOG.errorf(
                    "ENT enrolment retention of component %s not run, nothing deleted; next attempt after the next full"
                            + " sync: %s",
                    model.getName(), LogSafe.describe(e));
            return new RetentionRun.Outcome(0, true);
        }
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
            throw new IllegalStateException(
                    "ENT enrolment sync failed: " + LogSafe.describe(e.getCause()), e.getCause());
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
                    "ENT enrolment sync (%s): a batch of %d students was rolled back (%s); importing them one"
                            + " at a time",
                    kind, batch.size(), LogSafe.describe(e));
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

    /** Keycloak's copies of this source's students, by login, in one query; null when they could not be read. */
    private Map<String, SyncPlan.Copy> copies() {
        try {
            return KeycloakModelUtils.runJobInTransactionWithResult(
                    sessionFactory, session -> KeycloakInternals.copies(session, realmId, model.getId()));
        } catch (RuntimeException e) {
            LOG.warnf(
                    "ENT enrolment: could not read Keycloak's copies at once (%s); every row is checked one by one",
                    LogSafe.describe(e));
            return null;
        }
    }

    /** The rows that can become accounts; the others are counted as failed and logged by student number. */
    private List<StudentRecord> validate(List<EnrolmentSource.Row> rows, SynchronizationResult result) {
        SyncPlan.Validated validated = SyncPlan.validate(rows, new RecordValidator(clock));
        for (SyncPlan.Rejection rejection : validated.rejected()) {
            LOG.warnf(
                    "ENT enrolment: row of student %s skipped: %s",
                    safe(rejection.studentNumber()), rejection.reason());
            result.increaseFailed();
        }
        return validated.valid();
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
                "ENT enrolment sync: student %s could not be imported (%s); next attempt at the next sync",
                safe(record.studentNumber()), LogSafe.describe(last));
        synchronized (result) {
            result.increaseFailed();
        }
        return false;
    }

    private SynchronizationResult importBatch(KeycloakSession session, List<StudentRecord> batch) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        StudentImporter importer = new StudentImporter(session, realm, model, lifecycle, clock);
        SynchronizationResult part = new SynchronizationResult();
        // Keycloak's batch mode: the accounts' rows are written together when the batch ends (statement batches of
        // Keycloak's persistence settings), instead of a flush for each account, role grant and lookup
        KeycloakInternals.inBatch(session, () -> importAll(importer, batch, part));
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

    /**
     * What this sync would close, for the mass-change guard: the students who vanished from the source (full sync
     * only) and those whose changed row closes them, against the source's open accounts. From the copies read at the
     * start (no account loaded), else from a scan of the enabled accounts (then a changed row is not judged).
     */
    private SyncPlan.Closures closures(
            boolean full, List<StudentRecord> valid, List<StudentRecord> changed, Map<String, SyncPlan.Copy> copies) {
        if (!full && copies == null) {
            // nothing to judge (no vanished students in a changed-users sync, no copies to compare): no scan
            return new SyncPlan.Closures(0, List.of(), List.of(), config.maxDisablePercent());
        }
        List<String> enabled = copies != null
                ? copies.entrySet().stream()
                        .filter(copy -> copy.getValue().enabled())
                        .map(Map.Entry::getKey)
                        .toList()
                : KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, this::enabledAccounts);
        List<String> vanished = List.of();
        if (full) {
            Set<String> present = new HashSet<>();
            valid.forEach(record -> present.add(record.login()));
            vanished = SyncPlan.vanished(enabled, present, config.maxDisablePercent())
                    .logins();
        }
        List<String> byChange =
                copies == null ? List.of() : SyncPlan.closedByChange(changed, copies, lifecycle, clock.instant());
        return new SyncPlan.Closures(enabled.size(), vanished, byChange, config.maxDisablePercent());
    }

    private List<String> enabledAccounts(KeycloakSession session) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        return UserStoragePrivateUtil.userLocalStorage(session)
                .searchForUserStream(realm, Map.of(UserModel.INCLUDE_SERVICE_ACCOUNT, "false"))
                .filter(user -> model.getId().equals(user.getFederationLink()))
                .filter(UserModel::isEnabled)
                .map(UserModel::getUsername)
                .toList();
    }

    /** Disables the students who vanished from the source (the guard allowed it). */
    private void disableVanished(KeycloakSession session, List<String> vanished, SynchronizationResult result) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        UserProvider local = UserStoragePrivateUtil.userLocalStorage(session);
        StudentImporter importer = new StudentImporter(session, realm, model, lifecycle, clock);
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
