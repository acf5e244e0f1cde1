package fr.ent.keycloak.assistance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.keycloak.models.UserSessionModel;

/**
 * The assistance console's defence against forged forms (CSRF): every form carries a random token kept on the
 * operator's own session (a note of Keycloak's user session, shared by the cluster). The sign-in cookie travels with a
 * request forged on another site; the token does not, since no other site can read the console's pages.
 */
final class AssistanceForms {

    /** The form field that carries the token. */
    static final String FIELD = "ent_form_token";

    private static final String NOTE = "ent.assistance.formToken";
    private static final SecureRandom RANDOM = new SecureRandom();

    private AssistanceForms() {}

    /** The operator's token, made on first use. */
    static String token(UserSessionModel operatorSession) {
        String token = operatorSession.getNote(NOTE);
        if (token == null) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            operatorSession.setNote(NOTE, token);
        }
        return token;
    }

    /** Whether a form came from a page of the console shown to this operator. */
    static boolean genuine(UserSessionModel operatorSession, String sent) {
        String expected = operatorSession == null ? null : operatorSession.getNote(NOTE);
        return expected != null
                && sent != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
