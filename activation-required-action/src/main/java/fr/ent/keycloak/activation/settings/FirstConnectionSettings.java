package fr.ent.keycloak.activation.settings;

import fr.ent.keycloak.common.RealmSetting;
import fr.ent.keycloak.support.ConsoleSettings;
import org.keycloak.models.RealmModel;

/**
 * The limits of "1ère connexion", as realm attributes. Every limit is counted across the cluster. The emails it sends
 * count in the student's daily quota of every path ({@code entStudentMailsPerDay}, see {@code CountedMail}).
 *
 * @param maxFailures failed attempts (wrong birth date) per student per 24 hours before the form stops answering for
 *     that student (entFirstConnectionMaxFailures)
 * @param maxPerAddress submissions per client IP address per hour (entFirstConnectionMaxPerAddress: a campus
 *     network shows many students behind one address)
 * @param maxWaiting requests waiting on one node for the background work (entFirstConnectionMaxWaiting): the
 *     next one is answered at once that the service is busy (503), instead of waiting behind them without bound
 */
public record FirstConnectionSettings(int maxFailures, int maxPerAddress, int maxWaiting) {

    public static final long DAY_SECONDS = 24 * 3600;
    public static final long HOUR_SECONDS = 3600;

    public static FirstConnectionSettings of(RealmModel realm) {
        return new FirstConnectionSettings(
                ConsoleSettings.number(realm, RealmSetting.FIRST_CONNECTION_MAX_FAILURES),
                ConsoleSettings.number(realm, RealmSetting.FIRST_CONNECTION_MAX_PER_ADDRESS),
                ConsoleSettings.number(realm, RealmSetting.FIRST_CONNECTION_MAX_WAITING));
    }

    /** Whether a node with {@code waiting} requests already waiting for the background work takes one more. */
    public boolean takesOneMore(int waiting) {
        return waiting < maxWaiting;
    }
}
