package fr.ent.keycloak.enrolment.core;

import fr.ent.keycloak.common.EntAttributes;
import java.util.Set;

/**
 * What the university vouches for on a student's account: the names and addresses that come from the enrolment
 * source, and the lifecycle's own record. No one edits them on a student of the source — not the student (account
 * console, its REST API, the update-profile and update-email steps), not an administrator (console, admin REST API):
 * the enrolment office corrects the source, and the next sync brings the correction. Everything else of the realm's
 * user profile (the language a student chose, attributes a university adds) keeps the realm's own permissions.
 */
public final class VouchedAttributes {

    private static final Set<String> READ_ONLY = Set.of(
            // Keycloak's own: the login, the names, and the personal address as Keycloak's email
            "username",
            "email",
            "firstName",
            "lastName",
            // from the source
            EntAttributes.STUDENT_NUMBER,
            EntAttributes.INE,
            EntAttributes.LAST_ACADEMIC_YEAR,
            EntAttributes.PERSONAL_EMAIL,
            EntAttributes.UNIVERSITY_MAIL,
            EntAttributes.DATE_OF_BIRTH,
            EntAttributes.AFFILIATION,
            EntAttributes.FEE_PAID_AT,
            // the lifecycle's record, written by the pack's own steps only
            EntAttributes.ACCOUNT_STATE,
            EntAttributes.CHARTER_VERSION,
            EntAttributes.CHARTER_ACCEPTED_AT,
            EntAttributes.MAIL_FORWARDING_ADDRESS,
            EntAttributes.ACTIVATION_LINK_ID,
            EntAttributes.MINIMISED_AT,
            EntAttributes.MINIMISED,
            EntAttributes.ALUMNI_UNTIL);

    private VouchedAttributes() {}

    /** Whether the user-profile attribute {@code name} is read-only on a student of an enrolment source. */
    public static boolean readOnly(String name) {
        return name != null && READ_ONLY.contains(name);
    }
}
