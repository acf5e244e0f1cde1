package fr.ent.keycloak.activation.mail;

import org.keycloak.authentication.actiontoken.DefaultActionToken;

/**
 * The link of the activation email: bound to one student and to the address it was mailed to, with its own lifespan,
 * used once (at the end of the activation), and voided by any newer link (its nonce must be the one recorded on the
 * student).
 */
public final class ActivationActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "ent-activation";

    /**
     * @param email the personal address the link is mailed to: the link works only while it is still the student's
     */
    ActivationActionToken(String userId, int absoluteExpirationInSecs, String email, String clientId) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        setEmail(email);
        this.issuedFor = clientId;
    }

    /** For JSON deserialisation. */
    private ActivationActionToken() {}
}
