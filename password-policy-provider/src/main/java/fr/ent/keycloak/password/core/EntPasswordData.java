package fr.ent.keycloak.password.core;

import java.util.List;
import org.passay.PasswordData;

/** A password under check with the forms every rule reads, computed once. */
final class EntPasswordData extends PasswordData {

    final PasswordRulesConfig config;
    final PersonalData personal;
    /** NFKC form: what lengths, classes and forbidden characters are checked on. */
    final String nfkc;
    /** Case and accents folded, digits and symbols kept: what walks and dates are checked on. */
    final String folded;
    /** Every leetspeak reading of {@link #folded}: what words are looked for in. */
    final List<String> variants;
    /** Every leetspeak reading of {@link #folded} without its leading and trailing digits and symbols. */
    final List<String> coreVariants;
    /** {@code length} in code points of the NFKC form. */
    final int length;

    EntPasswordData(String nfkc, PasswordRulesConfig config, PersonalData personal) {
        super(personal.username() == null ? "" : personal.username(), nfkc);
        this.config = config;
        this.personal = personal;
        this.nfkc = nfkc;
        this.length = nfkc.codePointCount(0, nfkc.length());
        this.folded = Canonical.fold(nfkc);
        this.variants = Canonical.leetVariants(folded);
        this.coreVariants = Canonical.leetVariants(Canonical.core(folded));
    }

    /** How many characters of the folded form a match must cover to count as "the password is built on it". */
    int coveringLength() {
        return config.coveringLength(folded.length());
    }
}
