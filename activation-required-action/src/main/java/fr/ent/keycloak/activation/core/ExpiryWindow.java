package fr.ent.keycloak.activation.core;

import fr.ent.keycloak.common.AcademicCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/** When the expiry warning goes out: the academic year whose end of access falls within the window after now. */
public final class ExpiryWindow {

    private ExpiryWindow() {}

    /**
     * @param warningDays how many days before the end of access the warning goes out
     * @return the last academic year (start year) of the students to warn now, or null when none ends within the window
     */
    public static Integer endingYear(AcademicCalendar calendar, Instant now, int warningDays) {
        int calendarYear = ZonedDateTime.ofInstant(now, calendar.zone()).getYear();
        for (int year = calendarYear - 2; year <= calendarYear; year++) {
            Instant end = calendar.expiresAt(year);
            if (end.isAfter(now) && !end.isAfter(now.plus(Duration.ofDays(warningDays)))) {
                return year;
            }
        }
        return null;
    }
}
