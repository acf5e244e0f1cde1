package fr.ent.keycloak.password.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The canonical forms the rules compare: Unicode compatibility forms folded (NFKC), case folded, accents removed,
 * look-alike Cyrillic and Greek letters mapped to Latin, and leetspeak read back as letters. PasswordDictionary entries and
 * passwords go through the same functions, so they meet in the same alphabet.
 */
public final class Canonical {

    /** At most 2^3 spellings are tried for the characters that stand for two letters (1 → i or l, ! → i or l). */
    private static final int MAX_AMBIGUOUS = 3;

    private Canonical() {}

    /** NFKC: full-width and other compatibility forms become their plain characters (＜ → <, ＡＢＣ → ABC). */
    public static String nfkc(String text) {
        if (isStableLatin(text)) {
            return text;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFKC)
                ? text
                : Normalizer.normalize(text, Normalizer.Form.NFKC);
    }

    /**
     * Lower case, without accents or other combining marks, with look-alike letters of other scripts and a few
     * ligatures mapped to Latin letters. Digits and symbols are kept.
     */
    public static String fold(String text) {
        String fast = foldLatin(text);
        return fast != null ? fast : foldSlowly(text);
    }

    /** {@link #fold} for any text, without the Latin fast path. */
    static String foldSlowly(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            String mapped = latin(cp);
            if (mapped != null) {
                out.append(mapped);
            } else {
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** The letter a leetspeak character stands for first ({@code 1 → i}), or the character itself. */
    public static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '|' -> 'l';
            case '3', '€' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7', '+' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '£' -> 'l';
            default -> c;
        };
    }

    /** The other letter an ambiguous leetspeak character stands for ({@code 1 → l}), or 0. */
    static char leetAlternative(char c) {
        return switch (c) {
            case '1', '!' -> 'l';
            case '|' -> 'i';
            default -> 0;
        };
    }

    /**
     * {@code folded} with each leetspeak character read as its first letter. Digits in a run of three or more stay
     * digits: {@code 2024} or {@code 123} is a number, not {@code zoza} or {@code ize}.
     */
    public static String leet(String folded) {
        char[] chars = folded.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (isLeet(folded, i)) {
                chars[i] = leet(chars[i]);
            }
        }
        return new String(chars);
    }

    /**
     * Every reading of {@code folded} as letters: each leetspeak character replaced by the letter it stands for, the
     * first few ambiguous ones ({@code 1}, {@code !}, {@code |}) in both readings.
     */
    public static List<String> leetVariants(String folded) {
        char[] primary = folded.toCharArray();
        int[] ambiguous = new int[MAX_AMBIGUOUS];
        int count = 0;
        for (int i = 0; i < primary.length; i++) {
            char c = primary[i];
            if (!isLeet(folded, i)) {
                continue;
            }
            if (count < MAX_AMBIGUOUS && leetAlternative(c) != 0) {
                ambiguous[count++] = i;
            }
            primary[i] = leet(c);
        }
        if (count == 0) {
            return List.of(new String(primary));
        }
        List<String> variants = new ArrayList<>(1 << count);
        for (int mask = 0; mask < (1 << count); mask++) {
            char[] variant = primary.clone();
            for (int bit = 0; bit < count; bit++) {
                if ((mask & (1 << bit)) != 0) {
                    variant[ambiguous[bit]] = leetAlternative(folded.charAt(ambiguous[bit]));
                }
            }
            variants.add(new String(variant));
        }
        return variants;
    }

    /**
     * Whether the character at {@code i} is read as a letter. Leetspeak characters and digits come in runs ({@code p@$$w0rd}
     * has the runs {@code @$$} and {@code 0}); a run is read as letters when it touches a letter, except its digits
     * when it holds three digits or more. So {@code 2024}, {@code 123} and the {@code 11} of {@code "chat tapis 11"} stay as they are.
     */
    private static boolean isLeet(String text, int i) {
        if (leet(text.charAt(i)) == text.charAt(i)) {
            return false;
        }
        int start = i;
        while (start > 0 && isLeetOrDigit(text.charAt(start - 1))) {
            start--;
        }
        int end = i + 1;
        while (end < text.length() && isLeetOrDigit(text.charAt(end))) {
            end++;
        }
        boolean touchesLetter = (start > 0 && Character.isLetter(text.charAt(start - 1)))
                || (end < text.length() && Character.isLetter(text.charAt(end)));
        if (!touchesLetter) {
            return false;
        }
        if (!isAsciiDigit(text.charAt(i))) {
            return true;
        }
        int digits = 0;
        for (int k = start; k < end; k++) {
            if (isAsciiDigit(text.charAt(k))) {
                digits++;
            }
        }
        return digits < 3;
    }

    private static boolean isLeetOrDigit(char c) {
        return leet(c) != c || isAsciiDigit(c);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code folded} without its leading and trailing characters that are not letters ({@code Soleil2024!} → soleil). */
    public static String core(String folded) {
        int start = 0;
        int end = folded.length();
        while (start < end && !Character.isLetter(folded.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(folded.charAt(end - 1))) {
            end--;
        }
        return folded.substring(start, end);
    }

    /** The canonical form of a dictionary entry or a personal word: folded, leetspeak read as letters. */
    public static String word(String text) {
        return leet(fold(nfkc(text.strip())));
    }

    /*
     * Fast paths for Latin text (almost every dictionary entry and password): below U+0250 no character combines
     * with its neighbours, so NFKC and folding can be decided one character at a time from tables computed once
     * with the slow, general functions.
     */
    private static final int LATIN_END = 0x250;
    private static final boolean[] NFKC_STABLE = new boolean[LATIN_END];
    private static final String[] FOLDED = new String[LATIN_END];

    static {
        for (char c = 0; c < LATIN_END; c++) {
            String one = String.valueOf(c);
            NFKC_STABLE[c] = Normalizer.normalize(one, Normalizer.Form.NFKC).equals(one);
            FOLDED[c] = foldSlowly(one);
        }
    }

    private static boolean isStableLatin(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LATIN_END || !NFKC_STABLE[c]) {
                return false;
            }
        }
        return true;
    }

    /** {@link #fold} for text below U+0250, or null for other text. */
    private static String foldLatin(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= LATIN_END) {
                return null;
            }
            String folded = FOLDED[c];
            if (out == null && (folded.length() != 1 || folded.charAt(0) != c)) {
                out = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            if (out != null) {
                out.append(folded);
            }
        }
        return out == null ? text : out.toString();
    }

    /** Latin letters for the look-alikes and ligatures that NFD does not decompose. */
    private static String latin(int cp) {
        return switch (cp) {
            case 'ß' -> "ss";
            case 'œ' -> "oe";
            case 'æ' -> "ae";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'ı' -> "i";
            case 'þ' -> "th";
            // Cyrillic look-alikes
            case 'а' -> "a";
            case 'в' -> "b";
            case 'е', 'ё', 'є' -> "e";
            case 'к' -> "k";
            case 'м' -> "m";
            case 'н' -> "h";
            case 'о' -> "o";
            case 'р' -> "p";
            case 'с' -> "c";
            case 'т' -> "t";
            case 'у' -> "y";
            case 'х' -> "x";
            case 'і', 'ї' -> "i";
            case 'ј' -> "j";
            case 'ѕ' -> "s";
            case 'ԁ' -> "d";
            case 'ԛ' -> "q";
            case 'ԝ' -> "w";
            // Greek look-alikes
            case 'α' -> "a";
            case 'β' -> "b";
            case 'ε' -> "e";
            case 'ι' -> "i";
            case 'κ' -> "k";
            case 'ν' -> "v";
            case 'ο' -> "o";
            case 'ρ' -> "p";
            case 'τ' -> "t";
            case 'υ' -> "u";
            case 'χ' -> "x";
            default -> null;
        };
    }
}
