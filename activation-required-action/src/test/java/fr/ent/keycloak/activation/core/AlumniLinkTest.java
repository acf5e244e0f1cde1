package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.activation.core.AlumniLink.Verdict;
import fr.ent.keycloak.common.StudentLifecycle.AlumniOffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlumniLinkTest {

    /**
     * Columns: the link is genuine, the end it is about, the end the latest answer was about (empty = none), the end of
     * the choice open now (empty = none) -> what the page shows.
     */
    @ParameterizedTest(name = "[{index}] genuine={0} about={1} answered={2} open={3} → {4}")
    @CsvSource({
        "true,  2026-12-31, ,           2026-12-31, OPEN",
        // forged, expired, or the student is gone
        "false, 2026-12-31, ,           2026-12-31, INVALID",
        "true,  ,           ,           2026-12-31, INVALID",
        // answered through this link or another one (the offer's, the warning's): once per end
        "true,  2026-12-31, 2026-12-31, 2026-12-31, ANSWERED",
        "true,  2026-12-31, 2026-12-31, ,           ANSWERED",
        // last year's answer does not count for this year's end
        "true,  2027-12-31, 2026-12-31, 2027-12-31, OPEN",
        // no longer open: enrolled again, closed, the realm stopped offering it
        "true,  2026-12-31, ,           ,           CLOSED",
        // last year's link, once the account was kept: this year's choice is another one
        "true,  2026-12-31, ,           2027-12-31, CLOSED",
    })
    void thePageFollowsTheLinkTheAnswerAndTheLifecycle(
            boolean genuine, String about, String answeredFor, String open, Verdict verdict) {
        Optional<AlumniOffer> offer = Optional.ofNullable(open)
                .map(LocalDate::parse)
                .map(day -> new AlumniOffer(day, day.plusYears(1), Instant.EPOCH));

        assertThat(AlumniLink.verdict(
                        genuine,
                        about == null ? null : LocalDate.parse(about),
                        Optional.ofNullable(answeredFor).map(LocalDate::parse),
                        offer))
                .isEqualTo(verdict);
    }
}
