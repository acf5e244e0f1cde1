package fr.ent.keycloak.common;

import java.time.Duration;
import java.util.function.Function;

/**
 * The realm's lifecycle settings, read in one place: the configuration of the required action {@value #CONSOLE_HOLDER}
 * in the admin console (or, for realms set up before, realm attributes of the same names):
 *
 * <table>
 *   <caption>settings</caption>
 *   <tr><th>attribute</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@value #ACTIVATION_DELAY_MINUTES}</td><td>minutes between payment and activation (0–10080)</td><td>15</td></tr>
 *   <tr><td>{@value #ACCESS_ENDS_ON}</td><td>last day of access, {@code MM-DD}, in the year the last academic year
 *       ends</td><td>12-31</td></tr>
 *   <tr><td>{@value #TIME_ZONE}</td><td>the university's time zone</td><td>Europe/Paris</td></tr>
 *   <tr><td>{@value #STUDENT_MAILS_PER_DAY}</td><td>emails with a link or guidance per student per 24 hours, every
 *       path together (1–20)</td><td>3</td></tr>
 *   <tr><td>{@value #ALUMNI_CHOICE}</td><td>offer students who leave to keep their account one more year, asked each
 *       year</td><td>false</td></tr>
 *   <tr><td>{@value #ALUMNI_OFFER_DAYS}</td><td>how many days before the end of access the choice is offered
 *       (1–180)</td><td>45</td></tr>
 *   <tr><td>{@value #RETENTION_MONTHS}</td><td>calendar months after the end of access when a closed account is
 *       deleted (0–240; 0: never)</td><td>12</td></tr>
 * </table>
 *
 * A value that does not parse is refused with {@link InvalidSettingException}: never replaced by the default.
 *
 * @param calendar when a student becomes activatable and when the account expires
 * @param studentMailsPerDay at most this many link or guidance emails to one student in 24 hours
 * @param alumniChoice whether a student whose access ends may keep the account one more year (off by default)
 * @param alumniOfferDays how many days before the end of access the choice is offered
 * @param retentionMonths how many calendar months after the end of access a closed account is deleted; 0: never
 */
public record LifecycleSettings(
        AcademicCalendar calendar,
        int studentMailsPerDay,
        boolean alumniChoice,
        int alumniOfferDays,
        int retentionMonths) {

    /**
     * The required action whose configuration holds these settings (Authentication → Required actions → its gear, in
     * the admin console); a realm attribute of the same name is still read where the configuration has no value.
     */
    public static final String CONSOLE_HOLDER = "ent-activation-start";

    public static final String ACTIVATION_DELAY_MINUTES = "entActivationDelayMinutes";
    public static final String ACCESS_ENDS_ON = "entAccessEndsOn";
    public static final String TIME_ZONE = "entTimeZone";
    public static final String STUDENT_MAILS_PER_DAY = "entStudentMailsPerDay";
    public static final String ALUMNI_CHOICE = "entAlumniChoice";
    public static final String ALUMNI_OFFER_DAYS = "entAlumniOfferDays";
    public static final String RETENTION_MONTHS = "entRetentionMonths";

    /** The former name of {@link #STUDENT_MAILS_PER_DAY}, when it capped "1ère connexion" alone: still read. */
    public static final String FORMER_STUDENT_MAILS_PER_DAY = "entFirstConnectionMaxEmails";

    public static final int DEFAULT_STUDENT_MAILS_PER_DAY = 3;
    public static final int DEFAULT_ALUMNI_OFFER_DAYS = 45;
    public static final int MAX_ALUMNI_OFFER_DAYS = 180;
    public static final int DEFAULT_RETENTION_MONTHS = 12;
    public static final int MAX_RETENTION_MONTHS = 240;

    private static final LifecycleSettings DEFAULTS = new LifecycleSettings(
            AcademicCalendar.defaults(), DEFAULT_STUDENT_MAILS_PER_DAY, false, DEFAULT_ALUMNI_OFFER_DAYS);

    /** A lifecycle without the alumni choice. */
    public LifecycleSettings(AcademicCalendar calendar, int studentMailsPerDay) {
        this(calendar, studentMailsPerDay, false, DEFAULT_ALUMNI_OFFER_DAYS);
    }

    /** A lifecycle with the default retention. */
    public LifecycleSettings(
            AcademicCalendar calendar, int studentMailsPerDay, boolean alumniChoice, int alumniOfferDays) {
        this(calendar, studentMailsPerDay, alumniChoice, alumniOfferDays, DEFAULT_RETENTION_MONTHS);
    }

    /**
     * The university's defaults: 15 minutes, 31 December, Europe/Paris, 3 emails a day, no alumni choice, deletion 12
     * months after the end of access.
     */
    public static LifecycleSettings defaults() {
        return DEFAULTS;
    }

    /**
     * Reads the settings from the realm's attributes.
     *
     * @param realmAttribute the realm's attribute of that name, or null
     * @throws InvalidSettingException when a value is present and wrong
     */
    public static LifecycleSettings read(Function<String, String> realmAttribute) {
        AcademicCalendar calendar = new AcademicCalendar(
                Duration.ofMinutes(Settings.wholeNumber(
                        ACTIVATION_DELAY_MINUTES,
                        realmAttribute.apply(ACTIVATION_DELAY_MINUTES),
                        (int) AcademicCalendar.DEFAULT_ACTIVATION_DELAY.toMinutes(),
                        0,
                        7 * 24 * 60)),
                Settings.monthDay(
                        ACCESS_ENDS_ON, realmAttribute.apply(ACCESS_ENDS_ON), AcademicCalendar.DEFAULT_ACCESS_ENDS_ON),
                Settings.zone(TIME_ZONE, realmAttribute.apply(TIME_ZONE), AcademicCalendar.DEFAULT_ZONE));
        String mailsName = STUDENT_MAILS_PER_DAY;
        String mailsValue = realmAttribute.apply(STUDENT_MAILS_PER_DAY);
        if (mailsValue == null || mailsValue.isBlank()) {
            mailsName = FORMER_STUDENT_MAILS_PER_DAY;
            mailsValue = realmAttribute.apply(FORMER_STUDENT_MAILS_PER_DAY);
        }
        int mails = Settings.wholeNumber(mailsName, mailsValue, DEFAULT_STUDENT_MAILS_PER_DAY, 1, 20);
        boolean alumni = Settings.yesNo(ALUMNI_CHOICE, realmAttribute.apply(ALUMNI_CHOICE), false);
        int offerDays = Settings.wholeNumber(
                ALUMNI_OFFER_DAYS,
                realmAttribute.apply(ALUMNI_OFFER_DAYS),
                DEFAULT_ALUMNI_OFFER_DAYS,
                1,
                MAX_ALUMNI_OFFER_DAYS);
        int retention = Settings.wholeNumber(
                RETENTION_MONTHS,
                realmAttribute.apply(RETENTION_MONTHS),
                DEFAULT_RETENTION_MONTHS,
                0,
                MAX_RETENTION_MONTHS);
        return new LifecycleSettings(calendar, mails, alumni, offerDays, retention);
    }
}
