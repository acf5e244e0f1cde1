package fr.ent.keycloak.password.core;

/**
 * Finds keyboard walks (AZERTY and QWERTY rows and columns), alphabetical and numerical sequences (forwards or
 * backwards), repeated characters and repeated groups, and two such runs interleaved ({@code a1z2e3r4}).
 */
final class KeyboardPatterns {

    /** The orders in which neighbouring characters make a walk or a sequence. */
    private static final String[] SEQUENCES = {
        "abcdefghijklmnopqrstuvwxyz",
        "01234567890",
        // AZERTY rows and columns
        "azertyuiop",
        "qsdfghjklm",
        "wxcvbn",
        "1aqw2zsx3edc4rfv5tgb6yhn7uj8ik9ol0pm",
        // QWERTY rows and columns
        "qwertyuiop",
        "asdfghjkl",
        "zxcvbnm",
        "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    };

    /** A run of neighbours must be at least this long to count. */
    private static final int MIN_RUN = 3;

    private KeyboardPatterns() {}

    /** How many characters of {@code folded} belong to a walk, a sequence or a repetition. */
    static int coveredLength(String folded) {
        int n = folded.length();
        boolean[] covered = new boolean[n];
        for (String sequence : SEQUENCES) {
            markRuns(folded, sequence, covered);
        }
        markRepetitions(folded, covered);
        markInterleaved(folded, covered);
        int count = 0;
        for (boolean c : covered) {
            if (c) {
                count++;
            }
        }
        return count;
    }

    /** Marks the runs of at least {@link #MIN_RUN} characters that are neighbours in {@code sequence}, one way. */
    private static void markRuns(String text, String sequence, boolean[] covered) {
        int runStart = 0;
        int direction = 0;
        for (int i = 1; i <= text.length(); i++) {
            int step = i < text.length() ? neighbourStep(sequence, text.charAt(i - 1), text.charAt(i)) : 0;
            if (step != 0 && (direction == 0 || step == direction)) {
                direction = step;
                continue;
            }
            mark(covered, runStart, i);
            runStart = step != 0 ? i - 1 : i;
            direction = step;
        }
    }

    /** +1 when {@code b} follows {@code a} in {@code sequence}, -1 when it precedes it, 0 otherwise. */
    private static int neighbourStep(String sequence, char a, char b) {
        for (int i = sequence.indexOf(a); i >= 0; i = sequence.indexOf(a, i + 1)) {
            if (i + 1 < sequence.length() && sequence.charAt(i + 1) == b) {
                return 1;
            }
            if (i > 0 && sequence.charAt(i - 1) == b) {
                return -1;
            }
        }
        return 0;
    }

    /** Marks repeated characters ({@code aaaa}) and repeated groups ({@code abcabc}, {@code 20242024}). */
    private static void markRepetitions(String text, boolean[] covered) {
        int n = text.length();
        for (int period = 1; period <= n / 2; period++) {
            // a block [blockStart, k) where text[k] == text[k - period] makes text[blockStart - period, k) periodic
            int blockStart = period;
            for (int k = period; k <= n; k++) {
                if (k < n && text.charAt(k) == text.charAt(k - period)) {
                    continue;
                }
                if (k - blockStart >= period) {
                    mark(covered, blockStart - period, k);
                }
                blockStart = k + 1;
            }
        }
    }

    /** Marks {@code a1z2e3r4}: the characters at even and at odd positions are each a walk or sequence. */
    private static void markInterleaved(String text, boolean[] covered) {
        int n = text.length();
        for (int start = 0; start + 2 * MIN_RUN <= n; start++) {
            int end = start;
            while (isInterleavedStep(text, end)) {
                end++;
            }
            // every character of text[start, end + 2) is a neighbour of the one two places before or after it
            if (end + 2 - start >= 2 * MIN_RUN) {
                mark(covered, start, end + 2);
                start = end;
            }
        }
    }

    /** Whether text[i] → text[i + 2] are neighbours in some sequence. */
    private static boolean isInterleavedStep(String text, int i) {
        if (i + 2 >= text.length()) {
            return false;
        }
        for (String sequence : SEQUENCES) {
            if (neighbourStep(sequence, text.charAt(i), text.charAt(i + 2)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static void mark(boolean[] covered, int from, int to) {
        if (to - from >= MIN_RUN) {
            for (int i = from; i < to; i++) {
                covered[i] = true;
            }
        }
    }
}
