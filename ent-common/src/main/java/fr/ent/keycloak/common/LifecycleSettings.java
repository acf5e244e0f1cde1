package fr.ent.keycloak.common;

import java.time.Duration;
import java.util.function.Function;

/**
 * The realm's lifecycle settings, read in one place: the configuration of the required action {@value #CONSOLE_HOLDER}
 * in the admin console (or, for realms set up before, realm attributes of the same names). Their names, defaults and
 * ranges are those of the one table, {@link RealmSetting}. A value that does not parse is refused with
 * {@link InvalidSettingException}: never replaced by the default.
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

    public static final String ACTIVATION_DELAY_MINUTES = RealmSetting.ACTIVATION_DELAY_MINUTES.key();
    public static final String ACCESS_ENDS_ON = RealmSetting.ACCESS_ENDS_ON.key();
    public static final String TIME_ZONE = RealmSetting.TIME_ZONE.key();
    public static final String STUDENT_MAILS_PER_DAY = RealmSetting.STUDENT_MAILS_PER_DAY.key();
    public static final String ALUMNI_CHOICE = RealmSetting.ALUMNI_CHOICE.key();
    public static final String ALUMNI_OFFER_DAYS = RealmSetting.ALUMNI_OFFER_DAYS.key();
    public static final String RETENTION_MONTHS = RealmSetting.RETENTION_MONTHS.key();

    /** The former name of {@link #STUDENT_MAILS_PER_DAY}, when it capped "1ère connexion" alone: still read. */
    public static final String FORMER_STUDENT_MAILS_PER_DAY = "entFirstConnectionMaxEmails";

    public static final int DEFAULT_STUDENT_MAILS_PER_DAY = RealmSetting.STUDENT_MAILS_PER_DAY.number(null);
    public static final int DEFAULT_ALUMNI_OFFER_DAYS = RealmSetting.ALUMNI_OFFER_DAYS.number(null);
    public static final int DEFAULT_RETENTION_MONTHS = RealmSetting.RETENTION_MONTHS.number(null);

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
                Duration.ofMinutes(
                        RealmSetting.ACTIVATION_DELAY_MINUTES.number(realmAttribute.apply(ACTIVATION_DELAY_MINUTES))),
                RealmSetting.ACCESS_ENDS_ON.monthDay(realmAttribute.apply(ACCESS_ENDS_ON)),
                RealmSetting.TIME_ZONE.zone(realmAttribute.apply(TIME_ZONE)));
        String mailsValue = realmAttribute.apply(STUDENT_MAILS_PER_DAY);
        int mails;
        if (mailsValue == null || mailsValue.isBlank()) {
            mails = Settings.wholeNumber(
                    FORMER_STUDENT_MAILS_PER_DAY,
                    realmAttribute.apply(FORMER_STUDENT_MAILS_PER_DAY),
                    DEFAULT_STUDENT_MAILS_PER_DAY,
                    1,
                    20);
        } else {
            mails = RealmSetting.STUDENT_MAILS_PER_DAY.number(mailsValue);
        }
        return new LifecycleSettings(
                calendar,
                mails,
                RealmSetting.ALUMNI_CHOICE.yesNo(realmAttribute.apply(ALUMNI_CHOICE)),
                RealmSetting.ALUMNI_OFFER_DAYS.number(realmAttribute.apply(ALUMNI_OFFER_DAYS)),
                RealmSetting.RETENTION_MONTHS.number(realmAttribute.apply(RETENTION_MONTHS)));
    }
}
