package fr.ent.keycloak.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.EventRepresentation;

/** The user events the pack records, as an administrator reads them (Realm settings → Events → User events). */
public final class UserEvents {

    private UserEvents() {}

    /** The outcomes of "1ère connexion" recorded for a student, newest first. */
    public static List<String> firstConnectionOutcomes(RealmResource realm, String username) {
        String id = Students.user(realm, username).getId();
        return realm.getEvents(List.of("CUSTOM_REQUIRED_ACTION"), null, id, null, null, null, 0, 100).stream()
                .map(EventRepresentation::getDetails)
                .filter(details -> details != null && "first_connection".equals(details.get("ent_step")))
                .map(details -> details.get("ent_outcome"))
                .toList();
    }

    /** Waits until {@code count} "1ère connexion" events with this outcome are recorded for the student. */
    public static void awaitFirstConnectionOutcome(RealmResource realm, String username, String outcome, int count)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            if (realm.users().searchByUsername(username, true).size() == 1
                    && firstConnectionOutcomes(realm, username).stream()
                                    .filter(outcome::equals)
                                    .count()
                            >= count) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " event(s) " + outcome + " for " + username + ", got "
                + (realm.users().searchByUsername(username, true).isEmpty()
                        ? "no account"
                        : firstConnectionOutcomes(realm, username)));
    }
}
