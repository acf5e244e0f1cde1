package fr.ent.keycloak.activation.afteraccess;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import org.keycloak.representations.JsonWebToken;

/**
 * The link of the alumni choice: signed with the realm's key, bound to one student and to the end of access it is
 * about, valid until that end; used once (its id in the cluster's single-use store when the student answers).
 */
public final class AlumniChoiceToken extends JsonWebToken {

    static final String TOKEN_TYPE = "ent-alumni";

    /** The last day of access the choice is about, ISO. */
    @JsonProperty("ent_last_day")
    private String lastDay;

    AlumniChoiceToken(String userId, LocalDate lastDay, long expiresAt) {
        subject(userId);
        type(TOKEN_TYPE);
        id(java.util.UUID.randomUUID().toString());
        exp(expiresAt);
        this.lastDay = lastDay.toString();
    }

    /** For JSON deserialisation. */
    private AlumniChoiceToken() {}

    /** The end of access the choice is about; null when the claim does not parse. */
    LocalDate lastDay() {
        return fr.ent.keycloak.common.StudentFacts.day(lastDay);
    }
}
