package fr.ent.keycloak.activation.firstconnection;

import fr.ent.keycloak.activation.core.AssistanceCode;
import fr.ent.keycloak.support.ClusterLimiter;
import fr.ent.keycloak.support.RealmLifecycle;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Where the assistance codes live ({@link AssistanceCode}): in the cluster's single-use object store, one per student
 * (a newer code replaces the older), as a salted digest, for 30 minutes; used up atomically, so two browsers typing
 * the same code cannot both open the activation. Nothing of a code is written on the account.
 */
public final class AssistanceCodes {

    /** A code just issued, to show the operator once. */
    public record Issued(String code, Instant expiresAt) {}

    private static final String DIGEST = "digest";
    /** A random id of each code issued: its wrong attempts are counted under it, apart from any other counter. */
    private static final String ISSUE = "issue";

    private static final long DAY_SECONDS = 24 * 3600;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AssistanceCodes() {}

    /** A new code for the student, voiding the former one; null when the student's codes of the day are used up. */
    public static Issued issue(KeycloakSession session, RealmModel realm, UserModel student) {
        if (!ClusterLimiter.of(session).tryAcquire(issuedKey(realm, student), AssistanceCode.PER_DAY, DAY_SECONDS)) {
            return null;
        }
        String code = AssistanceCode.generate(RANDOM);
        long lifespan = AssistanceCode.LIFESPAN.toSeconds();
        session.singleUseObjects()
                .put(
                        key(realm, student),
                        lifespan,
                        Map.of(
                                DIGEST,
                                AssistanceCode.digest(code, student.getId()),
                                ISSUE,
                                org.keycloak.models.utils.KeycloakModelUtils.generateId()));
        return new Issued(code, RealmLifecycle.now().plusSeconds(lifespan));
    }

    /** Uses up the student's current code if {@code typed} is it; false otherwise (none, another, used, expired). */
    static boolean redeem(KeycloakSession session, RealmModel realm, UserModel student, String typed) {
        String key = key(realm, student);
        Map<String, String> kept = session.singleUseObjects().get(key);
        if (kept == null || !AssistanceCode.matches(kept.get(DIGEST), typed, student.getId())) {
            return false;
        }
        return session.singleUseObjects().remove(key) != null;
    }

    /**
     * The counter of wrong attempts at the student's current code, or null when the student has none: each code issued
     * gets its own, so neither the birth-date failures of "1ère connexion" (which strangers who know a student number
     * can use up) nor the attempts at an older code stop a code the helpdesk has just given.
     */
    static String attemptsKey(KeycloakSession session, RealmModel realm, UserModel student) {
        Map<String, String> kept = session.singleUseObjects().get(key(realm, student));
        if (kept == null || kept.get(ISSUE) == null) {
            return null;
        }
        return "ent-code-attempts:" + realm.getId() + ':' + student.getId() + ':' + kept.get(ISSUE);
    }

    private static String key(RealmModel realm, UserModel student) {
        return "ent-code:" + realm.getId() + ':' + student.getId();
    }

    private static String issuedKey(RealmModel realm, UserModel student) {
        return "ent-code-issued:" + realm.getId() + ':' + student.getId();
    }
}
