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

    /** The characters of the sequences (a-z, 0-9) numbered from 0; -1 for every other ASCII character. */
    private static final byte[] INDEX = new byte[128];

    private static final int SYMBOLS = 36;
    /** STEPS[s][i * 36 + j]: +1 when j follows i in SEQUENCES[s], -1 when it precedes it, 0 otherwise. */
    private static final byte[][] STEPS = new byte[SEQUENCES.length][SYMBOLS * SYMBOLS];
    /** NEIGHBOURS[i * 36 + j]: whether i and j are neighbours in any sequence. */
    private static final boolean[] NEIGHBOURS = new boolean[SYMBOLS * SYMBOLS];

    static {
        java.util.Arrays.fill(INDEX, (byte) -1);
        for (char c = 'a'; c <= 'z'; c++) {
            INDEX[c] = (byte) (c - 'a');
        }
        for (char c = '0'; c <= '9'; c++) {
            INDEX[c] = (byte) (26 + c - '0');
        }
        for (int s = 0; s < SEQUENCES.length; s++) {
            String sequence = SEQUENCES[s];
            for (int i = 0; i + 1 < sequence.length(); i++) {
                int a = INDEX[sequence.charAt(i)];
                int b = INDEX[sequence.charAt(i + 1)];
                STEPS[s][a * SYMBOLS + b] = 1;
                STEPS[s][b * SYMBOLS + a] = -1;
                NEIGHBOURS[a * SYMBOLS + b] = true;
                NEIGHBOURS[b * SYMBOLS + a] = true;
            }
        }
    }

    /** The number of c in the sequences' alphabet, or -1. */
    private static int index(char c) {
        return c < 128 ? INDEX[c] : -1;
    }

    private KeyboardPatterns() {}

    /** How many characters of {@code folded} belong to a walk, a sequence or a repetition. */
    static int coveredLength(String folded) {
        char[] text = folded.toCharArray();
        int n = text.length;
        int[] symbols = new int[n];
        for (int i = 0; i < n; i++) {
            symbols[i] = index(text[i]);
        }
        boolean[] covered = new boolean[n];
        if (hasThreeNeighbours(symbols)) {
            for (byte[] steps : STEPS) {
                markRuns(symbols, steps, covered);
            }
        }
        markRepetitions(text, covered);
        markInterleaved(symbols, covered);
        int count = 0;
        for (boolean c : covered) {
            if (c) {
                count++;
            }
        }
        return count;
    }

    /** Whether some three consecutive characters are pairwise neighbours: without it no walk can be found. */
    private static boolean hasThreeNeighbours(int[] symbols) {
        for (int i = 2; i < symbols.length; i++) {
            if (neighbours(symbols[i - 2], symbols[i - 1]) && neighbours(symbols[i - 1], symbols[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean neighbours(int a, int b) {
        return a >= 0 && b >= 0 && NEIGHBOURS[a * SYMBOLS + b];
    }

    /** Marks the runs of at least {@link #MIN_RUN} characters that are neighbours in one sequence, one way. */
    private static void markRuns(int[] symbols, byte[] steps, boolean[] covered) {
        int runStart = 0;
        int direction = 0;
        for (int i = 1; i <= symbols.length; i++) {
            int step = 0;
            if (i < symbols.length && symbols[i - 1] >= 0 && symbols[i] >= 0) {
                step = steps[symbols[i - 1] * SYMBOLS + symbols[i]];
            }
            if (step != 0 && (direction == 0 || step == direction)) {
                direction = step;
                continue;
            }
            mark(covered, runStart, i);
            runStart = step != 0 ? i - 1 : i;
            direction = step;
        }
    }

    /** Marks repeated characters ({@code aaaa}) and repeated groups ({@code abcabc}, {@code 20242024}). */
    private static void markRepetitions(char[] text, boolean[] covered) {
        int n = text.length;
        for (int period = 1; period <= n / 2; period++) {
            // a block [blockStart, k) where text[k] == text[k - period] makes text[blockStart - period, k) periodic
            int blockStart = period;
            for (int k = period; k <= n; k++) {
                if (k < n && text[k] == text[k - period]) {
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
    private static void markInterleaved(int[] symbols, boolean[] covered) {
        int n = symbols.length;
        for (int start = 0; start + 2 * MIN_RUN <= n; start++) {
            int end = start;
            while (end + 2 < n && neighbours(symbols[end], symbols[end + 2])) {
                end++;
            }
            // every character of [start, end + 2) is a neighbour of the one two places before or after it
            if (end + 2 - start >= 2 * MIN_RUN) {
                mark(covered, start, end + 2);
                start = end;
            }
        }
    }

    private static void mark(boolean[] covered, int from, int to) {
        if (to - from >= MIN_RUN) {
            for (int i = from; i < to; i++) {
                covered[i] = true;
            }
        }
    }
}
