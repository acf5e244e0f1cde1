package fr.ent.keycloak.enrolment;

import fr.ent.keycloak.common.AcademicCalendar;
import fr.ent.keycloak.common.LifecycleSettings;
import fr.ent.keycloak.common.LogSafe;
import fr.ent.keycloak.enrolment.core.Retention;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

/**
 * Deletes the closed accounts of one source whose retention has passed ({@link Retention}), after each full sync (so
 * on the one node that runs it, and from the console's "Sync all users"). Each deletion is its own transaction and its
 * own admin event (student number, end of access; nothing else); the student's events older than the retention go
 * with the account. A run that would delete more than the allowed share deletes nothing and says so, in the log and in
 * an admin event; a dry run records the list of what it would delete. Running it again changes nothing.
 */
final class RetentionRun {

    private static final Logger LOG = Logger.getLogger(RetentionRun.class);
    /** The detail of the runs' admin events that says which run wrote them. */
    static final String ACTION = "entAction";
    /**
     * When a run first found the account closed and past its retention (ISO-8601 instant): the account is deleted by a
     * run at least the grace period later, never by the run that found it; removed if the account opens again.
     */
    static final String DUE_SINCE = "entDeletionDueSince";

    private final KeycloakSessionFactory sessionFactory;
    private final String realmId;
    private final ComponentModel model;
    private final EnrolmentConfig config;
    private final AcademicCalendar calendar;
    private final int months;
    private final Clock clock;

    RetentionRun(
            KeycloakSessionFactory sessionFactory,
            String realmId,
            ComponentModel model,
            LifecycleSettings lifecycle,
            Clock clock) {
        this.sessionFactory = sessionFactory;
        this.realmId = realmId;
        this.model = model;
        this.config = new EnrolmentConfig(model);
        this.calendar = lifecycle.calendar();
        this.months = lifecycle.retentionMonths();
        this.clock = clock;
    }

    /** What the run did, for the sync's log line and result: accounts deleted, and whether it was stopped. */
    record Outcome(int deleted, boolean refused) {
        static final Outcome NOTHING = new Outcome(0, false);
    }

    Outcome run() {
        if (model.get(EnrolmentConfig.FORMER_RETENTION_MONTHS) != null) {
            LOG.warnf(
                    "ENT enrolment: component %s still has retentionMonths=%s, which is no longer read: the retention"
                            + " is the realm's setting entRetentionMonths (%d months), with the lifecycle's other"
                            + " settings (Authentication → Required actions → « ENT : début de l’activation et"
                            + " réglages » → ⚙)",
                    model.getName(), model.get(EnrolmentConfig.FORMER_RETENTION_MONTHS), months);
        }
        if (months == 0) {
            return Outcome.NOTHING;
        }
        Instant now = clock.instant();
        Retention.Plan plan = KeycloakModelUtils.runJobInTransactionWithResult(sessionFactory, session -> {
            List<Retention.Account> accounts =
                    KeycloakInternals.retentionAccounts(session, realmId, model.getId(), calendar);
            return Retention.plan(
                    accounts, months, config.maxDeletePercent(), config.retentionGraceDays(), calendar.zone(), now);
        });
        boolean dryRun = config.retentionDryRun();
        if (dryRun) {
            if (plan.past().isEmpty()) {
                return Outcome.NOTHING;
            }
            LOG.infof(
                    "ENT enrolment retention of component %s (dry run): %d of %d accounts are past their retention and"
                            + " would be deleted (at the latest a grace of %d day(s) after a run first finds them so);"
                            + " the list is in the admin event ent-retention",
                    model.getName(), plan.past().size(), plan.accounts(), config.retentionGraceDays());
            KeycloakModelUtils.runJobInTransaction(
                    sessionFactory, session -> report(session, plan.past(), plan.accounts(), "DRY_RUN", months));
            return Outcome.NOTHING;
        }
        mark(plan, now);
        if (plan.due().isEmpty()) {
            return Outcome.NOTHING;
        }
        if (!plan.allowed()) {
            LOG.errorf(
                    "ENT enrolment retention of component %s would delete %d of %d accounts, more than %d %%:"
                            + " NOTHING was deleted. Check the server's clock and the retention setting, or raise"
                            + " the limit in the provider's settings if this is expected.",
                    model.getName(), plan.due().size(), plan.accounts(), config.maxDeletePercent());
            KeycloakModelUtils.runJobInTransaction(
                    sessionFactory, session -> report(session, plan.due(), plan.accounts(), "REFUSED", months));
            return new Outcome(0, true);
        }
        int deleted = 0;
        long eventsBefore = ZonedDateTime.ofInstant(now, calendar.zone())
                .minusMonths(months)
                .toInstant()
                .toEpochMilli();
        int failed = 0;
        for (Retention.Account account : plan.due()) {
            try {
                if (KeycloakModelUtils.runJobInTransactionWithResult(
                        sessionFactory, session -> delete(session, account, eventsBefore, months))) {
                    deleted++;
                }
            } catch (RuntimeException e) {
                // one account that cannot be deleted now does not stop the others; the next run tries again
                failed++;
                LOG.warnf(
                        "ENT enrolment retention of component %s: account %s not deleted this time: %s",
                        model.getName(), account.id(), LogSafe.describe(e));
            }
        }
        if (failed > 0) {
            LOG.warnf(
                    "ENT enrolment retention of component %s: %d account(s) could not be deleted; the next full sync"
                            + " tries again",
                    model.getName(), failed);
        }
        LOG.infof(
                "ENT enrolment retention of component %s: %d closed account(s) deleted, %d month(s) after the end of"
                        + " their access",
                model.getName(), deleted, months);
        return new Outcome(deleted, false);
    }

    /**
     * Records on each account a run finds past its retention for the first time that it did, and removes the record
     * from the accounts open again; one transaction for all (a few attributes).
     */
    private void mark(Retention.Plan plan, Instant now) {
        if (plan.toMark().isEmpty() && plan.toUnmark().isEmpty()) {
            return;
        }
        KeycloakModelUtils.runJobInTransaction(sessionFactory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            session.getContext().setRealm(realm);
            for (Retention.Account account : plan.toMark()) {
                UserModel user = session.users().getUserById(realm, account.id());
                if (user != null) {
                    user.setSingleAttribute(DUE_SINCE, now.toString());
                }
            }
            for (Retention.Account account : plan.toUnmark()) {
                UserModel user = session.users().getUserById(realm, account.id());
                if (user != null) {
                    user.removeAttribute(DUE_SINCE);
                }
            }
        });
        if (!plan.toMark().isEmpty()) {
            LOG.infof(
                    "ENT enrolment retention of component %s: %d closed account(s) past their retention, deleted by a"
                            + " run at least %d day(s) from now if they are still closed then",
                    model.getName(), plan.toMark().size(), config.retentionGraceDays());
        }
    }

    private boolean delete(KeycloakSession session, Retention.Account account, long eventsBefore, int months) {
        RealmModel realm = session.realms().getRealm(realmId);
        session.getContext().setRealm(realm);
        UserModel user = session.users().getUserById(realm, account.id());
        if (user == null || user.isEnabled() || !model.getId().equals(user.getFederationLink())) {
            return false;
        }
        KeycloakInternals.deleteEventsOf(session, realm, account.id(), eventsBefore);
        // the more recent ones stay for the realm's own expiration, without anything personal
        KeycloakInternals.scrubEventsOf(session, realm, account.id());
        session.users().removeUser(realm, user);
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ACTION, "retention-delete");
        details.put("entStudentNumber", account.studentNumber() == null ? "" : account.studentNumber());
        details.put("entAccessEnded", lastDay(account.accessEndsAt()).toString());
        details.put("entRetentionMonths", Integer.toString(months));
        store(session, realm, OperationType.DELETE, ResourceType.USER, "users/" + account.id(), details, null);
        return true;
    }

    /** One admin event listing what the run would delete (dry run) or refused to delete (guard). */
    private void report(
            KeycloakSession session, List<Retention.Account> due, int accounts, String outcome, int months) {
        RealmModel realm = session.realms().getRealm(realmId);
        List<Map<String, String>> listed = due.stream()
                .map(account -> Map.of(
                        "studentNumber",
                        account.studentNumber() == null ? "" : account.studentNumber(),
                        "accessEnded",
                        lastDay(account.accessEndsAt()).toString()))
                .toList();
        Map<String, String> details = new LinkedHashMap<>();
        details.put(ACTION, "retention");
        details.put("entOutcome", outcome);
        details.put("entDue", Integer.toString(due.size()));
        details.put("entAccounts", Integer.toString(accounts));
        details.put("entRetentionMonths", Integer.toString(months));
        String representation;
        try {
            representation = JsonSerialization.writeValueAsString(listed);
        } catch (java.io.IOException e) {
            representation = null;
        }
        store(
                session,
                realm,
                OperationType.ACTION,
                ResourceType.COMPONENT,
                "components/" + model.getId() + "/ent-retention",
                details,
                representation);
    }

    /** The last day of access, in the university's time zone. */
    private LocalDate lastDay(Instant accessEndsAt) {
        return LocalDate.ofInstant(accessEndsAt.minusNanos(1), calendar.zone());
    }

    /**
     * An admin event recorded by the pack itself (no administrator at the origin: the run follows a sync), when the
     * realm records admin events.
     */
    private void store(
            KeycloakSession session,
            RealmModel realm,
            OperationType operation,
            ResourceType resource,
            String path,
            Map<String, String> details,
            String representation) {
        if (realm == null || !realm.isAdminEventsEnabled()) {
            return;
        }
        AdminEvent event = new AdminEvent();
        event.setId(KeycloakModelUtils.generateId());
        event.setTime(clock.millis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        auth.setIpAddress("127.0.0.1");
        event.setAuthDetails(auth);
        event.setOperationType(operation);
        event.setResourceType(resource);
        event.setResourcePath(path);
        event.setDetails(details);
        event.setRepresentation(representation);
        session.getProvider(EventStoreProvider.class).onEvent(event, representation != null);
    }
}
