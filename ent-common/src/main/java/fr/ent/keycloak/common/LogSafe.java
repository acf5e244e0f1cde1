package fr.ent.keycloak.common;

/**
 * What the pack writes to the server log about a failure: the kinds of the exception and of its root cause, never
 * their messages. Messages of the layers below quote data: an SMTP refusal names the recipient, a unique-constraint
 * violation quotes the duplicated value (an email address), a driver error the SQL parameters. The log must hold no
 * personal address, birth date, name, password or token (RGPD), so none of them is ever logged.
 */
public final class LogSafe {

    private LogSafe() {}

    /** {@code EmailException caused by SMTPAddressFailedException}, or the kind alone when there is no other cause. */
    public static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable root = failure;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 20) {
            root = root.getCause();
        }
        String kind = failure.getClass().getSimpleName();
        return root == failure ? kind : kind + " caused by " + root.getClass().getSimpleName();
    }
}
