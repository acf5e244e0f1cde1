package fr.ent.keycloak.password.core;

import java.text.Normalizer;

/**
 * A password as the person meant it, whatever the keyboard sent: Unicode compatibility normalisation (NFKC), as NIST
 * SP 800-63B asks of a verifier that accepts Unicode. "é" typed as one character or as "e" and a combining accent (as
 * some Apple keyboards send it), a full-width "Ａ" and "A", the ligature "ﬁ" and "fi": the same password, hashed and
 * checked the same way on every path that sets or checks it.
 */
public final class PasswordText {

    private PasswordText() {}

    /** The NFKC form of {@code typed}; null stays null. */
    public static String normalise(String typed) {
        if (typed == null || Normalizer.isNormalized(typed, Normalizer.Form.NFKC)) {
            return typed;
        }
        return Normalizer.normalize(typed, Normalizer.Form.NFKC);
    }
}
