package fr.ent.keycloak.common;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The owner of the student's lifecycle: every path of the pack and every Keycloak flow that sets a credential, mails a
 * student or lets one in asks it. Pure Java: the adapters pass the realm's settings, the student's stored facts and
 * Keycloak's clock.
 */
public final class StudentLifecycle {

    private final LifecycleSettings settings;

    public StudentLifecycle(LifecycleSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The lifecycle of a realm.
     *
     * @param realmAttribute the realm's attribute of that name, or null
     * @throws InvalidSettingException when a lifecycle setting of the realm is wrong
     */
    public static StudentLifecycle of(Function<String, String> realmAttribute) {
        return new StudentLifecycle(LifecycleSettings.read(realmAttribute));
    }

    public LifecycleSettings settings() {
        return settings;
    }

    public AcademicCalendar calendar() {
        return settings.calendar();
    }

    /**
     * Where a student stands at {@code now}, and what each path may do for them. The end of access is the one the last
     * academic year gives, or a later one the student chose as a former student (the alumni choice): an extension
     * holds even if the realm stops offering the choice later.
     */
    public Standing standing(StudentFacts student, Instant now) {
        Instant accessEndsAt = calendar().accessEndsAt(student.lastAcademicYear(), student.alumniUntil());
        AccountState state = accessEndsAt != null && !now.isBefore(accessEndsAt)
                ? AccountState.EXPIRED
                : calendar().stateAt(now, (Integer) null, student.feePaidAt(), student.activated());
        Instant activatableFrom =
                student.feePaidAt() == null ? null : calendar().activatableFrom(student.feePaidAt());
        LocalDate extendedFrom = null;
        if (accessEndsAt != null) {
            Instant plainEnd = calendar().expiresAt(student.lastAcademicYear());
            if (accessEndsAt.isAfter(plainEnd)) {
                extendedFrom = LocalDate.ofInstant(plainEnd, calendar().zone());
            }
        }
        return new Standing(
                state,
                student.enabled(),
                student.feePaidAt() != null,
                student.personalEmail() != null,
                activatableFrom,
                accessEndsAt,
                extendedFrom);
    }

    /**
     * The alumni choice open to a student now, if any: the realm offers it, the account is active and enabled, and its
     * access ends within {@link LifecycleSettings#alumniOfferDays()} days. The choice is about that end: a yes moves it
     * to the same day of the next year; asked again before the new end, it may be renewed year after year.
     */
    public Optional<AlumniOffer> alumniOffer(Standing standing, Instant now) {
        if (!settings.alumniChoice()
                || !standing.enabled()
                || standing.state() != AccountState.ACTIVE
                || standing.accessEndsAt() == null
                || !standing.accessEndsAt().isAfter(now)
                || standing.accessEndsAt().isAfter(now.plus(Duration.ofDays(settings.alumniOfferDays())))) {
            return Optional.empty();
        }
        LocalDate lastDay = calendar().lastDay(standing.accessEndsAt());
        return Optional.of(new AlumniOffer(lastDay, calendar().oneYearAfter(lastDay), standing.accessEndsAt()));
    }

    /**
     * The alumni choice offered to a student.
     *
     * @param lastDay the last day of access now: the choice is about this end
     * @param extendedUntil the last day of access after a yes
     * @param closesAt when the choice can no longer be made (the end of access)
     */
    public record AlumniOffer(LocalDate lastDay, LocalDate extendedUntil, Instant closesAt) {}

    /**
     * Where a student stands, and the answers to the questions every path asks.
     *
     * @param state the state at that instant
     * @param enabled whether the account is enabled
     * @param feePaid whether the fee is recorded as paid
     * @param reachable whether a personal address is on record
     * @param activatableFrom when activation becomes possible, null when the fee is not paid
     * @param accessEndsAt the first instant without access, null when the last academic year is unknown
     * @param extendedFrom the first day of an alumni extension (the day the access would have ended without it), null
     *     when none is in force
     */
    public record Standing(
            AccountState state,
            boolean enabled,
            boolean feePaid,
            boolean reachable,
            Instant activatableFrom,
            Instant accessEndsAt,
            LocalDate extendedFrom) {

        /** A standing without an alumni extension. */
        public Standing(
                AccountState state,
                boolean enabled,
                boolean feePaid,
                boolean reachable,
                Instant activatableFrom,
                Instant accessEndsAt) {
            this(state, enabled, feePaid, reachable, activatableFrom, accessEndsAt, null);
        }

        /** May the student sign in with a password (and so, use one)? Only an active, enabled account. */
        public boolean maySignIn() {
            return enabled && state == AccountState.ACTIVE;
        }

        /**
         * May a password-reset link (Keycloak's "forgot password", an admin's "update password" email, the account
         * console) go to this student? Only to an active account: any other gets the activation guidance instead.
         */
        public boolean mayReceiveResetLink() {
            return maySignIn() && reachable;
        }

        /** May an activation link go out (and may an open activation finish)? Only to an activatable account. */
        public boolean mayReceiveActivationLink() {
            return enabled && reachable && state == AccountState.ACTIVATABLE;
        }

        /** May the activation journey run for this student right now? */
        public boolean mayActivate() {
            return enabled && state == AccountState.ACTIVATABLE;
        }

        /** What a student who asks for help signing in ("1ère connexion", "forgot password") is sent. */
        public Guidance guidance() {
            if (!enabled || !reachable) {
                return Guidance.NOTHING;
            }
            return switch (state) {
                case ACTIVATABLE -> Guidance.ACTIVATION_LINK;
                case PENDING -> feePaid ? Guidance.READY_AT : Guidance.UNPAID;
                case ACTIVE -> Guidance.ALREADY_ACTIVE;
                case EXPIRED -> Guidance.NOTHING;
            };
        }
    }

    /**
     * The email a student who asks for help signing in gets. The person at the form never learns which: it goes to the
     * personal address on record, and the page is the same in every case.
     */
    public enum Guidance {
        /** Activatable: a new activation link, voiding the older ones. */
        ACTIVATION_LINK,
        /** Paid less than the activation delay ago: "your account will be ready at HH:MM". */
        READY_AT,
        /** Fee not paid: the account becomes activatable after payment. */
        UNPAID,
        /** Already active: the identifier and how to reset the password. */
        ALREADY_ACTIVE,
        /** Nothing to send: closed or disabled account, or no personal address. */
        NOTHING;

        public boolean sends() {
            return this != NOTHING;
        }
    }
}
