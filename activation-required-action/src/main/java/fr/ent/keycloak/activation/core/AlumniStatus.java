package fr.ent.keycloak.activation.core;

import java.time.LocalDate;

/**
 * Where a student stands with the alumni choice, as the helpdesk's card shows it: never asked, asked and not answered
 * yet, or the latest answer — about which end of access.
 */
public final class AlumniStatus {

    /** The card's state; {@link #NONE} is shown as nothing. */
    public enum State {
        NONE,
        /** Mailed for an end the student has not answered about. */
        OFFERED,
        YES,
        NO
    }

    /**
     * @param about the last day of access the offer or the answer is about, null for {@link State#NONE}
     */
    public record Status(State state, LocalDate about) {}

    private AlumniStatus() {}

    /**
     * @param choice the stored answer ({@code YES}, {@code NO}), or null
     * @param offeredFor the end of access the latest offer was mailed for, or null
     * @param answeredFor the end of access the latest answer was about, or null
     */
    public static Status of(String choice, LocalDate offeredFor, LocalDate answeredFor) {
        boolean answered = answeredFor != null && ("YES".equals(choice) || "NO".equals(choice));
        if (offeredFor != null && (!answered || offeredFor.isAfter(answeredFor))) {
            return new Status(State.OFFERED, offeredFor);
        }
        if (answered) {
            return new Status(State.valueOf(choice), answeredFor);
        }
        return new Status(State.NONE, null);
    }
}
