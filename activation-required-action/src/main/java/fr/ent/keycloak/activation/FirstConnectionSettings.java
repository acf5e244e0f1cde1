package fr.ent.keycloak.activation;

import fr.ent.keycloak.common.Settings;
import org.keycloak.models.RealmModel;

/**
 * The limits of "1ère connexion", as realm attributes. Every limit is counted across the cluster. The emails it sends
 * count in the student's daily quota of every path ({@code entStudentMailsPerDay}, see {@link StudentMail}).
 *
 * @param maxFailures failed attempts (wrong birth date) per student per 24 hours before the form stops answering for
 *     that student ({@value #MAX_FAILURES}, 5 by default)
 * @param maxPerAddress submissions per client IP address per hour ({@value #MAX_PER_ADDRESS}, 30 by default: a campus
 *     network shows many students behind one address)
 * @param maxWaiting requests waiting on one node for the background work ({@value #MAX_WAITING}, 500 by default): the
 *     next one is answered at once that the service is busy (503), instead of waiting behind them without bound
 */
record FirstConnectionSettings(int maxFailures, int maxPerAddress, int maxWaiting) {

    static final String MAX_FAILURES = "entFirstConnectionMaxFailures";
    static final String MAX_PER_ADDRESS = "entFirstConnectionMaxPerAddress";
    static final String MAX_WAITING = "entFirstConnectionMaxWaiting";

    static final int DEFAULT_MAX_WAITING = 500;
    static final int MAX_MAX_WAITING = 100_000;

    static final long DAY_SECONDS = 24 * 3600;
    static final long HOUR_SECONDS = 3600;

    static FirstConnectionSettings of(RealmModel realm) {
        return new FirstConnectionSettings(
                limit(MAX_FAILURES, realm, 5),
                limit(MAX_PER_ADDRESS, realm, 30),
                Settings.wholeNumber(
                        MAX_WAITING,
                        ConsoleSettings.value(realm, MAX_WAITING),
                        DEFAULT_MAX_WAITING,
                        1,
                        MAX_MAX_WAITING));
    }

    /** Whether a node with {@code waiting} requests already waiting for the background work takes one more. */
    boolean takesOneMore(int waiting) {
        return waiting < maxWaiting;
    }

    /** A limit between 1 and 1000 (each counted event is one entry in the shared store). */
    private static int limit(String name, RealmModel realm, int defaultValue) {
        return Settings.wholeNumber(name, ConsoleSettings.value(realm, name), defaultValue, 1, 1000);
    }
}
