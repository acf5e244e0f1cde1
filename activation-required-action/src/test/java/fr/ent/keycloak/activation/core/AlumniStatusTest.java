package fr.ent.keycloak.activation.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.activation.core.AlumniStatus.State;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlumniStatusTest {

    @ParameterizedTest(name = "choice {0}, offered for {1}, answered for {2} → {3} about {4}")
    @CsvSource(
            value = {
                // never asked
                "NULL, NULL,       NULL,       NONE,    NULL",
                // mailed, no answer yet
                "NULL, 2026-12-31, NULL,       OFFERED, 2026-12-31",
                // answered for the end it was mailed for
                "YES,  2026-12-31, 2026-12-31, YES,     2026-12-31",
                "NO,   2026-12-31, 2026-12-31, NO,      2026-12-31",
                // a yes last year, asked again for the new end and not answered yet
                "YES,  2027-12-31, 2026-12-31, OFFERED, 2027-12-31",
                // answered through a link of the expiry warning, with no offer of its own on record
                "NO,   NULL,       2026-12-31, NO,      2026-12-31",
                // a stored answer that is not one, or without the end it was about: shown as never answered
                "MAYBE, NULL,      2026-12-31, NONE,    NULL",
                "YES,  NULL,       NULL,       NONE,    NULL",
                "MAYBE, 2026-12-31, 2026-12-31, OFFERED, 2026-12-31"
            },
            nullValues = "NULL")
    void theCardShowsTheLatestOfferOrAnswer(
            String choice, LocalDate offeredFor, LocalDate answeredFor, State state, LocalDate about) {
        AlumniStatus.Status status = AlumniStatus.of(choice, offeredFor, answeredFor);
        assertThat(status.state()).isEqualTo(state);
        assertThat(status.about()).isEqualTo(about);
    }
}
