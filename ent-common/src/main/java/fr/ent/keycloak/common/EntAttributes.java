package fr.ent.keycloak.common;

/**
 * Names of the user attributes that the pack keeps on each student (see {@code DESIGN.md}). The SupAnn and eduPerson
 * names keep their standard spelling; the pack's own attributes start with {@code ent}.
 */
public final class EntAttributes {

    /** Student number ({@code student_number}). */
    public static final String STUDENT_NUMBER = "supannEtuId";
    /** National student identifier, 11 characters ({@code ine}). */
    public static final String INE = "supannCodeINE";
    /** Start year of the latest academic year of enrolment ({@code last_academic_year}). */
    public static final String LAST_ACADEMIC_YEAR = "supannEtuAnneeInscription";
    /** Personal email address, where activation mail goes ({@code personal_email}). */
    public static final String PERSONAL_EMAIL = "supannMailPerso";
    /**
     * The university address (SupAnn {@code mail}), built at import from the enrolment component's pattern: what
     * services receive as their email. The account's Keycloak email stays the personal address.
     */
    public static final String UNIVERSITY_MAIL = "mail";
    /** Birth date as {@code YYYYMMDD} ({@code birth_date}). */
    public static final String DATE_OF_BIRTH = "schacDateOfBirth";
    /** Always {@code student} for imported students. */
    public static final String AFFILIATION = "eduPersonAffiliation";
    /** The value of {@link #AFFILIATION} for students. */
    public static final String AFFILIATION_STUDENT = "student";
    /** Lifecycle state, one of {@link AccountState}. */
    public static final String ACCOUNT_STATE = "entAccountState";
    /** When the enrolment fee was paid, ISO-8601 instant ({@code fee_paid_at}). */
    public static final String FEE_PAID_AT = "entFeePaidAt";
    /** Version of the IT charter the student accepted. */
    public static final String CHARTER_VERSION = "entCharterVersion";
    /** When the student accepted the IT charter, ISO-8601 instant. */
    public static final String CHARTER_ACCEPTED_AT = "entCharterAcceptedAt";
    /** External address university mail is forwarded to; empty means no forwarding. */
    public static final String MAIL_FORWARDING_ADDRESS = "mailForwardingAddress";

    /**
     * The nonce of the student's latest activation link: any other link is void. Removed by the enrolment sync when
     * the personal address changes, so that a link mailed to the former address opens nothing.
     */
    public static final String ACTIVATION_LINK_ID = "entActivationLinkId";

    /** When the automatic activation email went out (ISO instant): it goes once. */
    public static final String ACTIVATION_MAIL_SENT_AT = "entActivationMailSentAt";

    /**
     * When the pack removed, at the end of the student's access, the data a closed account no longer needs (ISO-8601
     * instant); gone again when the student enrols again and the data comes back.
     */
    public static final String MINIMISED_AT = "entMinimisedAt";
    /** The names of what was removed then (one value each), not the values. */
    public static final String MINIMISED = "entMinimised";

    /**
     * The last day of access (ISO date, {@code 2027-12-31}) the student chose to keep the account until, as a former
     * student (the alumni choice, when the realm offers it): the end of access is the later of this day and the one the
     * last academic year gives. Written by the activation module when the student says yes; kept after the access ends,
     * since the retention counts from it.
     */
    public static final String ALUMNI_UNTIL = "entAlumniUntil";

    /** The token claim carrying {@link #ACCOUNT_STATE}. */
    public static final String ACCOUNT_STATE_CLAIM = "ent_account_state";

    private EntAttributes() {}
}
