package fr.ent.keycloak.password.core;

/**
 * Lockout that a stranger cannot use as a weapon (OWASP's "device cookies"). Student logins are guessable (often
 * first.last), and Keycloak's brute-force detection locks the <em>account</em>: anyone could lock a student out at the
 * start of term by typing wrong passwords. A browser the student signed in from before carries a signed cookie naming
 * the account (a known device): its sign-ins and failures are judged on that device alone, so the account's lockout,
 * which the stranger's failures cause, does not stop it; a stranger's browser has no such cookie and meets the
 * account's lockout as before. A known device is locked on its own after as many failures as the realm allows.
 */
public final class KnownDevice {

    private KnownDevice() {}

    /** Where a failed sign-in is counted. */
    public enum Counter {
        /** The known device's own counter. */
        DEVICE,
        /** The account's (Keycloak's brute-force detection). */
        ACCOUNT
    }

    /** @param known whether the request carries a valid device cookie for the account */
    public static Counter countedOn(boolean known) {
        return known ? Counter.DEVICE : Counter.ACCOUNT;
    }

    /**
     * Whether a sign-in is refused as locked.
     *
     * @param known whether the request carries a valid device cookie for the account
     * @param deviceLocked whether that device's own failures reached the realm's limit
     * @param accountLocked whether Keycloak's detection locks the account
     */
    public static boolean locked(boolean known, boolean deviceLocked, boolean accountLocked) {
        return known ? deviceLocked : accountLocked;
    }

    /**
     * Whether a correct sign-in clears the account's failures: not from a known device, so that a stranger's failures
     * keep the stranger locked out while the student signs in.
     */
    public static boolean clearsAccountFailures(boolean known) {
        return !known;
    }
}
