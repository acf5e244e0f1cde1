package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.ent.keycloak.common.StudentLifecycle.AlumniOffer;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The alumni choice, as the lifecycle's owner decides it: the end of access with an extension, the SupAnn state it
 * gives, and when the choice is open.
 */
class AlumniChoiceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final StudentLifecycle OFFERING = StudentLifecycle.of(
            Map.of(LifecycleSettings.ALUMNI_CHOICE, "true", LifecycleSettings.ALUMNI_OFFER_DAYS, "45")::get);

    private static Instant paris(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), PARIS)
                .toInstant();
    }

    private static StudentFacts student(Integer lastYear, String alumniUntil, boolean enabled) {
        return new StudentFacts(
                enabled,
                lastYear,
                Instant.parse("2025-09-01T08:00:00Z"),
                Instant.parse("2025-09-02T08:00:00Z"),
                "lea@example.org",
                alumniUntil == null ? null : LocalDate.parse(alumniUntil));
    }

    /**
     * The end of access and the state, with and without an extension. Columns: last academic year, extended until
     * (empty = none), now (Paris) -> state, first instant without access (Paris), first day of the extension in force.
     */
    @ParameterizedTest(name = "[{index}] year={0} until={1} at {2}")
    @CsvSource({
        // no extension: 31 December 2026, midnight Paris time
        "2025, ,           2026-12-31T23:59:59, ACTIVE,  2027-01-01T00:00, ",
        "2025, ,           2027-01-01T00:00:00, EXPIRED, 2027-01-01T00:00, ",
        // a yes: one more year; the extension is in force (SupAnn {COMPTE}A:SupannSursis) from the yes, starting on the
        // plain end
        "2025, 2027-12-31, 2026-12-01T10:00:00, ACTIVE,  2028-01-01T00:00, 2027-01-01",
        "2025, 2027-12-31, 2027-01-01T00:00:00, ACTIVE,  2028-01-01T00:00, 2027-01-01",
        "2025, 2027-12-31, 2027-12-31T23:59:59, ACTIVE,  2028-01-01T00:00, 2027-01-01",
        "2025, 2027-12-31, 2028-01-01T00:00:00, EXPIRED, 2028-01-01T00:00, 2027-01-01",
        // renewed the next year
        "2025, 2028-12-31, 2028-06-01T10:00:00, ACTIVE,  2029-01-01T00:00, 2027-01-01",
        // enrolled again after the yes: the enrolment's own end wins, no extension in force
        "2027, 2027-12-31, 2027-06-01T10:00:00, ACTIVE,  2029-01-01T00:00, ",
        "2026, 2027-12-31, 2027-06-01T10:00:00, ACTIVE,  2028-01-01T00:00, ",
        // an extension older than the plain end counts for nothing
        "2025, 2025-12-31, 2026-12-31T23:59:59, ACTIVE,  2027-01-01T00:00, ",
    })
    void anExtensionMovesTheEndOfAccess(
            int year, String until, String now, AccountState state, String endsAt, String extendedFrom) {
        Standing standing = OFFERING.standing(student(year, until, true), paris(now));

        assertThat(standing.state()).isEqualTo(state);
        assertThat(standing.accessEndsAt()).isEqualTo(paris(endsAt + ":00"));
        assertThat(standing.extendedFrom()).isEqualTo(extendedFrom == null ? null : LocalDate.parse(extendedFrom));
        assertThat(standing.maySignIn()).isEqualTo(state == AccountState.ACTIVE);
    }

    @Test
    void theServicesReadTheExtensionAsAGracePeriod() {
        Standing standing = OFFERING.standing(student(2025, "2027-12-31", true), paris("2027-03-01T10:00:00"));

        SupannAccountState supann = SupannAccountState.of(
                standing.state(),
                Instant.parse("2025-09-02T08:00:00Z"),
                standing.accessEndsAt(),
                standing.extendedFrom(),
                PARIS);

        assertThat(supann.state()).isEqualTo("{COMPTE}A");
        assertThat(supann.dated()).isEqualTo("{COMPTE}A:SupannSursis:20270101:20271231");
    }

    @Test
    void anExtensionWithoutAKnownYearOpensNothing() {
        assertThat(OFFERING.standing(student(null, "2027-12-31", true), paris("2030-01-01T00:00:00"))
                        .accessEndsAt())
                .isNull();
    }

    @Test
    void anUnreadableExtensionCountsAsNone() {
        StudentFacts facts = StudentFacts.of(
                true,
                Map.of(
                        EntAttributes.LAST_ACADEMIC_YEAR, "2025",
                        EntAttributes.CHARTER_ACCEPTED_AT, "2025-09-02T08:00:00Z",
                        EntAttributes.ALUMNI_UNTIL, "31/12/2027")::get);

        assertThat(facts.alumniUntil()).isNull();
        assertThat(StudentFacts.of(true, Map.of(EntAttributes.ALUMNI_UNTIL, "2027-12-31")::get)
                        .alumniUntil())
                .isEqualTo(LocalDate.of(2027, 12, 31));
    }

    /**
     * When the choice is open. Columns: realm offers it, account enabled, activated, extended until (empty = none), now
     * (Paris) -> the last day the choice is about and the one a yes gives (empty = no choice open).
     */
    @ParameterizedTest(name = "[{index}] offered={0} enabled={1} activated={2} until={3} at {4}")
    @CsvSource({
        // 45 days before 1 January 2027, midnight: 17 November 2026
        "true,  true,  true,  ,           2026-11-16T23:59:59, ,           ",
        "true,  true,  true,  ,           2026-11-17T00:00:00, 2026-12-31, 2027-12-31",
        "true,  true,  true,  ,           2026-12-31T23:59:59, 2026-12-31, 2027-12-31",
        "true,  true,  true,  ,           2027-01-01T00:00:00, ,           ",
        // off by default, closed or not activated accounts: no choice
        "false, true,  true,  ,           2026-12-01T10:00:00, ,           ",
        "true,  false, true,  ,           2026-12-01T10:00:00, ,           ",
        "true,  true,  false, ,           2026-12-01T10:00:00, ,           ",
        // after a yes: nothing more this year, asked again before the new end
        "true,  true,  true,  2027-12-31, 2026-12-01T10:00:00, ,           ",
        "true,  true,  true,  2027-12-31, 2027-11-20T10:00:00, 2027-12-31, 2028-12-31",
    })
    void theChoiceIsOpenInTheWeeksBeforeTheEnd(
            boolean offered,
            boolean enabled,
            boolean activated,
            String until,
            String now,
            String lastDay,
            String next) {
        StudentLifecycle lifecycle = offered ? OFFERING : StudentLifecycle.of(name -> null);
        StudentFacts facts = new StudentFacts(
                enabled,
                2025,
                Instant.parse("2025-09-01T08:00:00Z"),
                activated ? Instant.parse("2025-09-02T08:00:00Z") : null,
                "lea@example.org",
                until == null ? null : LocalDate.parse(until));
        Instant at = paris(now);

        Optional<AlumniOffer> offer = lifecycle.alumniOffer(lifecycle.standing(facts, at), at);

        if (lastDay == null) {
            assertThat(offer).isEmpty();
        } else {
            assertThat(offer).isPresent();
            assertThat(offer.get().lastDay()).isEqualTo(LocalDate.parse(lastDay));
            assertThat(offer.get().extendedUntil()).isEqualTo(LocalDate.parse(next));
            assertThat(offer.get().closesAt())
                    .isEqualTo(LocalDate.parse(lastDay)
                            .plusDays(1)
                            .atStartOfDay(PARIS)
                            .toInstant());
        }
    }

    @Test
    void theSettingsAreOffAt45DaysByDefaultAndCheckedWhenSet() {
        LifecycleSettings defaults = LifecycleSettings.read(name -> null);
        assertThat(defaults.alumniChoice()).isFalse();
        assertThat(defaults.alumniOfferDays()).isEqualTo(45);

        assertThatThrownBy(() -> LifecycleSettings.read(Map.of(LifecycleSettings.ALUMNI_CHOICE, "oui")::get))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(LifecycleSettings.ALUMNI_CHOICE);
        assertThatThrownBy(() -> LifecycleSettings.read(Map.of(LifecycleSettings.ALUMNI_OFFER_DAYS, "0")::get))
                .isInstanceOf(InvalidSettingException.class);
        assertThat(LifecycleSettings.read(Map.of(LifecycleSettings.ALUMNI_CHOICE, " TRUE ")::get)
                        .alumniChoice())
                .isTrue();
    }
}
