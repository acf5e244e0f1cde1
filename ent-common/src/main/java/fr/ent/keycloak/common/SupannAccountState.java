package fr.ent.keycloak.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The account's state as SupAnn 2021 writes it for the services of the ENT: {@code supannRessourceEtat} (the resource
 * {@code {COMPTE}} and its state letter) and {@code supannRessourceEtatDate} ({@code {COMPTE}state:sub-state:start:end},
 * dates as {@code YYYYMMDD} in the university's time zone, an unknown date left empty). Derived from where the
 * lifecycle's owner says the student stands, never stored apart from it.
 *
 * <table>
 *   <caption>states</caption>
 *   <tr><th>lifecycle</th><th>supannRessourceEtat</th><th>supannRessourceEtatDate</th></tr>
 *   <tr><td>PENDING, ACTIVATABLE</td><td>{@code {COMPTE}I}</td><td>{@code {COMPTE}I:::<last day>}</td></tr>
 *   <tr><td>ACTIVE</td><td>{@code {COMPTE}A}</td><td>{@code {COMPTE}A:SupannActif:<activated>:<last day>}</td></tr>
 *   <tr><td>ACTIVE, extended as an alumnus</td><td>{@code {COMPTE}A}</td>
 *       <td>{@code {COMPTE}A:SupannSursis:<start of the extension>:<last day>}</td></tr>
 *   <tr><td>EXPIRED</td><td>{@code {COMPTE}I}</td><td>{@code {COMPTE}I:SupannExpire:<first day without access>:}</td></tr>
 * </table>
 *
 * An alumni extension is a grace period of an active account ({@code SupannSursis}, a sub-state of {@code A}), not
 * {@code S}: SupAnn's {@code S} (suspended) means the account exists but its owner has no access, and a service that
 * reads it would turn the former student away.
 *
 * @param state {@code supannRessourceEtat}
 * @param dated {@code supannRessourceEtatDate}
 */
public record SupannAccountState(String state, String dated) {

    public static final String STATE_ATTRIBUTE = "supannRessourceEtat";
    public static final String DATED_ATTRIBUTE = "supannRessourceEtatDate";

    private static final String RESOURCE = "{COMPTE}";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * The SupAnn state of a student.
     *
     * @param state where the lifecycle says the student stands
     * @param activatedAt when the student activated the account, or null
     * @param accessEndsAt the first instant without access, or null when unknown
     * @param extendedFrom the first day of an alumni extension in force, or null when there is none
     * @param zone the university's time zone, in which the days are counted
     */
    public static SupannAccountState of(
            AccountState state, Instant activatedAt, Instant accessEndsAt, LocalDate extendedFrom, ZoneId zone) {
        String lastDay = accessEndsAt == null ? "" : day(accessEndsAt.minusNanos(1), zone);
        return switch (state) {
            case PENDING, ACTIVATABLE -> new SupannAccountState(RESOURCE + "I", RESOURCE + "I:::" + lastDay);
            case ACTIVE ->
                extendedFrom != null
                        ? new SupannAccountState(
                                RESOURCE + "A", RESOURCE + "A:SupannSursis:" + DAY.format(extendedFrom) + ":" + lastDay)
                        : new SupannAccountState(
                                RESOURCE + "A", RESOURCE + "A:SupannActif:" + known(activatedAt, zone) + ":" + lastDay);
            case EXPIRED ->
                new SupannAccountState(
                        RESOURCE + "I",
                        RESOURCE + "I:SupannExpire:" + (accessEndsAt == null ? "" : day(accessEndsAt, zone)) + ":");
        };
    }

    /** A date of activation that was written by hand and does not parse is stored as the epoch: not a real date. */
    private static String known(Instant instant, ZoneId zone) {
        return instant == null || Instant.EPOCH.equals(instant) ? "" : day(instant, zone);
    }

    private static String day(Instant instant, ZoneId zone) {
        return DAY.format(LocalDate.ofInstant(instant, zone));
    }
}
