package fr.ent.keycloak.activation.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The assistance code: what a helpdesk operator gives a student whose personal address is wrong or unreadable, once
 * the student's identity is checked by phone or at the desk. Eight characters from an alphabet without the ones read
 * or heard alike (no 0/O, 1/I/L), shown {@code ABCD-EFGH}, typed in any case with or without the dash; valid
 * {@link #LIFESPAN}, used once, at most {@link #PER_DAY} a day per student, the newer voiding the older. Only its
 * digest, salted with the student's account id, is kept.
 */
public final class AssistanceCode {

    public static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;
    public static final Duration LIFESPAN = Duration.ofMinutes(30);
    public static final int PER_DAY = 3;
    /**
     * Wrong attempts (code or birth date) one code allows, counted for that code alone: past them it opens nothing and
     * the student asks the helpdesk for a new one.
     */
    public static final int MAX_ATTEMPTS = 5;

    private AssistanceCode() {}

    /** A new code, drawn with {@code random} (a {@code SecureRandom} in production). */
    public static String generate(RandomGenerator random) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** How the operator reads it out: {@code ABCD-EFGH}. */
    public static String display(String code) {
        return code.substring(0, LENGTH / 2) + '-' + code.substring(LENGTH / 2);
    }

    /**
     * The code a student typed, in the form it was issued: upper case, without spaces and dashes; empty when it cannot
     * be a code (wrong length, a character outside the alphabet).
     */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 4 * LENGTH) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s\\-]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH || code.chars().anyMatch(c -> ALPHABET.indexOf(c) < 0)) {
            return Optional.empty();
        }
        return Optional.of(code);
    }

    /** What is kept of a code: its SHA-256 digest salted with the student's account id, in hex. */
    public static String digest(String code, String salt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code typed} is the code whose digest was kept (compared in constant time). */
    public static boolean matches(String keptDigest, String typed, String salt) {
        if (keptDigest == null) {
            return false;
        }
        Optional<String> code = normalise(typed);
        return code.isPresent()
                && MessageDigest.isEqual(
                        keptDigest.getBytes(StandardCharsets.UTF_8),
                        digest(code.get(), salt).getBytes(StandardCharsets.UTF_8));
    }
}
