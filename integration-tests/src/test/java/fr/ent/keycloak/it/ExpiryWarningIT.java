package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.ReceivedMail;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;

/**
 * Before an account closes: ten days before 31 December of the year the last academic year ends (the server's clock
 * moved there), an active student who has not enrolled again gets one warning at the personal address; a student
 * who enrolled again gets none.
 */
@EntServerTest
class ExpiryWarningIT {

    @Test
    void anActiveStudentWhoLeftIsWarnedOnceBeforeTheEnd(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        // the academic year whose access ends at the end of this calendar year
        int leavingYear = Students.LEAVING_YEAR;
        Instant end = Students.LEAVING_ACCESS_ENDS;
        try {
            try (Connection connection = database.connect()) {
                OffsetDateTime paid = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2);
                Students.insert(connection, "ent_enrolment", "71410001", "exleo", "Léo", "Partant", paid, leavingYear);
                Students.insert(
                        connection, "ent_enrolment", "71410002", "exmia", "Mia", "Restante", paid, leavingYear + 1);
            }
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "exleo", "Girafe-trombone-lanterne-8");
            Students.activate(server, "exmia", "Girafe-trombone-lanterne-8");
            Duration tenDaysBefore = Duration.between(Instant.now(), end.minus(Duration.ofDays(10)));
            if (tenDaysBefore.isNegative()) {
                tenDaysBefore = Duration.ZERO; // already within the last ten days of the year
            }
            server.setClockOffset(tenDaysBefore);

            ReceivedMail warning = mail.awaitSubject("exleo@example.org", SUBJECT, Duration.ofSeconds(60));
            assertThat(warning.text()).contains("exleo").contains("31/12/" + (leavingYear + 1));
            assertThat(Students.user(realm, "exleo").getAttributes())
                    .containsEntry("entExpiryWarnedFor", List.of(Integer.toString(leavingYear)));

            // two more runs of the task later: still one warning, and none for the re-enrolled student
            server.awaitMailTaskRuns(2);
            assertThat(warnings(mail, "exleo@example.org")).hasSize(1);
            assertThat(warnings(mail, "exmia@example.org")).isEmpty();
        } finally {
            server.setClockOffset(Duration.ZERO);
            Students.forget(realm, database, "exleo", "exmia");
        }
    }

    private static final String SUBJECT = "[ENT] Votre compte informatique fermera le 31 décembre";

    private static List<ReceivedMail> warnings(MailServer mail, String address) {
        return mail.messagesTo(address).stream()
                .filter(received -> SUBJECT.equals(received.subject()))
                .toList();
    }
}
