package fr.ent.keycloak.enrolment.core;

/**
 * Whose is the account that already holds a student's login, when a source applies the student's row to it.
 *
 * <p>Keycloak's console offers, on a user federation's page, "Désassocier les utilisateurs / Unlink users": every
 * account the source imported becomes a local account of the realm, keeping its attributes. Left so, the lifecycle
 * would stop for all of them — never updated, never closed on 31 December, never minimised nor deleted — because a sync
 * leaves alone an account it did not import. An account that carries this pack's import (its fingerprint) and the
 * row's own student number, and belongs to no source, is the student's account unlinked: the source takes it back.
 * One that another source imported, or that was created by hand, stays someone else's.
 */
public enum AccountOwnership {
    /** Imported by this source: apply the row. */
    OURS,
    /** This student's account, unlinked from its source: link it again, then apply the row. */
    RECLAIM,
    /** Another source's, or a local account that shares the login: leave it, and report the row. */
    FOREIGN;

    /**
     * @param accountLink the account's federation link (the id of the source that imported it), null for a local one
     * @param sourceId the id of the source applying the row
     * @param importedByThePack whether the account holds the fingerprint of a row this pack applied
     * @param accountStudentNumber the student number stored on the account
     * @param rowStudentNumber the student number of the row
     */
    public static AccountOwnership of(
            String accountLink,
            String sourceId,
            boolean importedByThePack,
            String accountStudentNumber,
            String rowStudentNumber) {
        if (sourceId.equals(accountLink)) {
            return OURS;
        }
        if (accountLink == null
                && importedByThePack
                && accountStudentNumber != null
                && accountStudentNumber.equals(rowStudentNumber)) {
            return RECLAIM;
        }
        return FOREIGN;
    }

    /**
     * Whether the sign-in check ({@code ent-account-check}) looks at an account: one an enrolment source imported, and
     * one of this pack's students unlinked from its source (until the next full sync takes it back, the account is
     * still the student's, and closes on its end of access). Another source's account, or a local account made by
     * hand, is not the lifecycle's.
     *
     * @param linkedToAnEnrolmentSource whether the account's federation link names an enrolment source of the realm
     * @param accountLink the account's federation link, null for a local account
     * @param importedByThePack whether the account holds the fingerprint of a row this pack applied
     * @param accountStudentNumber the student number stored on the account
     */
    public static boolean checkedAtSignIn(
            boolean linkedToAnEnrolmentSource,
            String accountLink,
            boolean importedByThePack,
            String accountStudentNumber) {
        if (linkedToAnEnrolmentSource) {
            return true;
        }
        return accountLink == null && importedByThePack && accountStudentNumber != null;
    }
}
