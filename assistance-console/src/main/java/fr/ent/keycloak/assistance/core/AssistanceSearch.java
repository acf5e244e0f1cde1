package fr.ent.keycloak.assistance.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the assistance console's text search looks at, and whom it may show.
 *
 * <p>The console masks the personal address, so its search must not find a student by it: Keycloak's own text search
 * matches the email (the personal address) and reads {@code *} as a wildcard, with which an operator could recover a
 * masked address one character at a time. The console's search matches the login and the names only, each word typed
 * as a plain piece of text (no wildcard: {@code *}, {@code %} and {@code _} are characters like the others), every word
 * in one of them.
 *
 * <p>Accounts that hold a privilege of the realm (the helpdesk's role, any role of the realm's administration) are
 * outside the console even when they carry a student number: an operator acts on students, not on colleagues or
 * administrators.
 */
public final class AssistanceSearch {

    /** The character that escapes {@code %}, {@code _} and itself in the terms' patterns. */
    public static final char ESCAPE = '!';

    /** At most this many words are looked at; more narrow nothing a helpdesk needs. */
    static final int MAX_WORDS = 4;

    /** Shorter words match too much to help. */
    static final int MIN_WORD = 2;

    private AssistanceSearch() {}

    /** Who an account is for the console. */
    public enum Reach {
        /** A student of the lifecycle: shown, and acted on. */
        STUDENT,
        /** An account with a privilege of the realm: never shown, never acted on. */
        PRIVILEGED,
        /** Not a student (no student number): not the console's. */
        NOT_A_STUDENT;

        public boolean shown() {
            return this == STUDENT;
        }
    }

    /**
     * @param student whether the account is a student's (it carries a student number)
     * @param privileged whether it holds the helpdesk's role or a role of the realm's administration
     */
    public static Reach reach(boolean student, boolean privileged) {
        if (privileged) {
            return Reach.PRIVILEGED;
        }
        return student ? Reach.STUDENT : Reach.NOT_A_STUDENT;
    }

    /**
     * The LIKE patterns (lower case, escaped with {@link #ESCAPE}, {@code %} around) of the words typed: each must be
     * found in the login, the first name or the last name. Empty when no word is long enough.
     */
    public static List<String> patterns(String typed) {
        List<String> patterns = new ArrayList<>();
        if (typed == null) {
            return patterns;
        }
        for (String word : typed.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
            if (word.length() < MIN_WORD || patterns.size() == MAX_WORDS) {
                continue;
            }
            StringBuilder pattern = new StringBuilder("%");
            for (char c : word.toCharArray()) {
                if (c == '%' || c == '_' || c == ESCAPE) {
                    pattern.append(ESCAPE);
                }
                pattern.append(c);
            }
            patterns.add(pattern.append('%').toString());
        }
        return patterns;
    }
}
