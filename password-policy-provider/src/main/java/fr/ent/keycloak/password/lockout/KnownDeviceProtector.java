package fr.ent.keycloak.password.lockout;

import fr.ent.keycloak.password.core.KnownDevice;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * One per session. A known device is a browser holding the account's device cookie: a token signed with the realm's
 * keys naming the account and the device, set at each correct sign-in, living {@code lifetimeSeconds}. Its failures
 * are counted in the cluster's single-use store under the device (one entry per failure, expiring after the realm's
 * longest wait), never on the account; its correct sign-ins do not clear the account's failures. Any other request
 * goes to Keycloak's protector unchanged.
 */
final class KnownDeviceProtector implements BruteForceProtector {

    private static final Logger LOG = Logger.getLogger(KnownDeviceProtector.class);
    private static final String COOKIE_PREFIX = "ENT_DEVICE_";
    private static final String TYPE = "ent-device";

    private final KeycloakSession session;
    private final BruteForceProtector keycloaks;
    private final long lifetimeSeconds;

    KnownDeviceProtector(KeycloakSession session, BruteForceProtector keycloaks, long lifetimeSeconds) {
        this.session = session;
        this.keycloaks = keycloaks;
        this.lifetimeSeconds = lifetimeSeconds;
    }

    @Override
    public void failedLogin(
            RealmModel realm, UserModel user, ClientConnection connection, UriInfo uri, Set<String> categories) {
        String device = device(realm, user);
        if (KnownDevice.countedOn(device != null) == KnownDevice.Counter.DEVICE) {
            countFailure(realm, user, device);
        } else {
            keycloaks.failedLogin(realm, user, connection, uri, categories);
        }
    }

    @Override
    public void successfulLogin(
            RealmModel realm, UserModel user, ClientConnection connection, UriInfo uri, Set<String> categories) {
        String device = device(realm, user);
        if (KnownDevice.clearsAccountFailures(device != null)) {
            keycloaks.successfulLogin(realm, user, connection, uri, categories);
        }
        remember(realm, user, device);
    }

    @Override
    public boolean isTemporarilyDisabled(KeycloakSession session, RealmModel realm, UserModel user) {
        String device = device(realm, user);
        boolean known = device != null;
        return KnownDevice.locked(
                known,
                known && deviceLocked(realm, user, device),
                !known && keycloaks.isTemporarilyDisabled(session, realm, user));
    }

    @Override
    public boolean isPermanentlyLockedOut(KeycloakSession session, RealmModel realm, UserModel user) {
        String device = device(realm, user);
        boolean known = device != null;
        return KnownDevice.locked(known, false, !known && keycloaks.isPermanentlyLockedOut(session, realm, user));
    }

    @Override
    public void cleanUpPermanentLockout(KeycloakSession session, RealmModel realm, UserModel user) {
        keycloaks.cleanUpPermanentLockout(session, realm, user);
    }

    @Override
    public void close() {}

    /** The device id of the request's valid cookie for {@code user}, or null when the browser is not known. */
    private String device(RealmModel realm, UserModel user) {
        if (user == null || session.getContext().getRequestHeaders() == null) {
            return null;
        }
        Map<String, Cookie> cookies = session.getContext().getRequestHeaders().getCookies();
        Cookie cookie = cookies == null ? null : cookies.get(cookieName(user));
        if (cookie == null || cookie.getValue() == null || cookie.getValue().isBlank()) {
            return null;
        }
        JsonWebToken token;
        try {
            token = session.tokens().decode(cookie.getValue(), JsonWebToken.class);
        } catch (RuntimeException unreadable) {
            return null;
        }
        if (token == null
                || !TYPE.equals(token.getType())
                || !user.getId().equals(token.getSubject())
                || !token.isActive()
                || token.getId() == null) {
            return null;
        }
        return token.getId();
    }

    /** Sets, or renews, the device cookie of {@code user} on this browser. */
    private void remember(RealmModel realm, UserModel user, String device) {
        if (session.getContext().getHttpResponse() == null
                || session.getContext().getUri() == null) {
            return;
        }
        JsonWebToken token = new JsonWebToken();
        token.id(device != null ? device : KeycloakModelUtils.generateId());
        token.type(TYPE);
        token.subject(user.getId());
        token.issuedNow();
        token.exp((long) token.getIat() + lifetimeSeconds);
        boolean secure = "https"
                .equalsIgnoreCase(session.getContext().getUri().getBaseUri().getScheme());
        session.getContext()
                .getHttpResponse()
                .setCookieIfAbsent(new NewCookie.Builder(cookieName(user))
                        .value(session.tokens().encode(token))
                        .path(session.getContext()
                                        .getUri()
                                        .getBaseUri()
                                        .getPath()
                                        .replaceAll("/$", "") + "/realms/" + realm.getName() + "/")
                        .maxAge((int) Math.min(Integer.MAX_VALUE, lifetimeSeconds))
                        .httpOnly(true)
                        .secure(secure)
                        .sameSite(NewCookie.SameSite.STRICT)
                        .build());
    }

    private void countFailure(RealmModel realm, UserModel user, String device) {
        String key = failureKey(realm, user, device);
        int limit = limit(realm);
        for (int slot = 0; slot < limit; slot++) {
            if (session.singleUseObjects().putIfAbsent(key + slot, window(realm))) {
                return;
            }
        }
        LOG.debugf("ENT known devices: a known device of account %s is locked by its own failures", user.getId());
    }

    private boolean deviceLocked(RealmModel realm, UserModel user, String device) {
        return session.singleUseObjects().contains(failureKey(realm, user, device) + (limit(realm) - 1));
    }

    private static int limit(RealmModel realm) {
        return Math.max(1, realm.getFailureFactor());
    }

    /** How long a known device's failure counts: the realm's longest wait, at least a minute. */
    private static long window(RealmModel realm) {
        return Math.max(60, realm.getMaxFailureWaitSeconds());
    }

    private static String failureKey(RealmModel realm, UserModel user, String device) {
        return "ent-device-failure:" + realm.getId() + ':' + user.getId() + ':' + device + ':';
    }

    /** One cookie per account on a browser (a shared computer may know several students). */
    static String cookieName(UserModel user) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-256").digest(user.getId().getBytes(StandardCharsets.UTF_8));
            return COOKIE_PREFIX + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
