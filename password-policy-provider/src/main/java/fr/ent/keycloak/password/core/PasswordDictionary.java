package fr.ent.keycloak.password.core;

/**
 * The dictionary of words a password must not be built on: French and English words, common passwords, first names
 * and surnames, French towns, and the administrator's own lists. Entries are kept in canonical form
 * ({@link Canonical#word}) in a {@link WordSet}. Immutable once built; shared by every realm and request.
 */
public final class PasswordDictionary {

    /** Words shorter than this are not kept: they would match by chance. */
    public static final int MIN_ENTRY_LENGTH = 3;
    /** A word must have at least this many letters to refuse a password it only covers in part. */
    public static final int MIN_COVERING_WORD = 4;

    private final WordSet words;

    PasswordDictionary(WordSet words) {
        this.words = words;
    }

    /** An empty dictionary, for tests and for rules that do not need one. */
    public static PasswordDictionary empty() {
        return new PasswordDictionary(new WordSet(16));
    }

    public int size() {
        return words.size();
    }

    public long footprintBytes() {
        return words.footprintBytes();
    }

    /** Whether {@code canonical} is an entry. */
    public boolean contains(String canonical) {
        return canonical.length() >= MIN_ENTRY_LENGTH && words.contains(canonical);
    }

    /**
     * Whether one entry of at least {@link #MIN_COVERING_WORD} letters and at least {@code minLength} characters
     * appears in {@code text} as a word: a run of letters, hyphens and apostrophes that starts with a letter.
     */
    public boolean containsWordOfAtLeast(String text, int minLength) {
        int min = Math.max(minLength, MIN_COVERING_WORD);
        char[] chars = text.toCharArray();
        int n = chars.length;
        for (int start = 0; start + min <= n; start++) {
            if (!Character.isLetter(chars[start])) {
                continue;
            }
            long hash = WordSet.OFFSET;
            for (int end = start; end < n; end++) {
                char c = chars[end];
                // a word is made of letters, hyphens and apostrophes (Saint-Jean-de-Luz, aujourd'hui)
                if (!Character.isLetter(c) && c != '-' && c != '\'') {
                    break;
                }
                hash = WordSet.step(hash, c);
                if (end - start + 1 >= min && words.containsHash(hash, end - start + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
