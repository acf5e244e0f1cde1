package fr.ent.keycloak.testclock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resource.RealmResourceProvider;

/**
 * {@code offset}: GET reads the clock's offset in seconds; PUT {@code ?seconds=N} sets it (0 puts the clock back).
 * {@code activated/{username}}: PUT marks a student as having finished activation, as the last step of the journey
 * does (a fixture for tests about other things than activation).
 */
final class TestClockResourceProvider implements RealmResourceProvider {

    private final KeycloakSession session;
    private final boolean enabled;

    TestClockResourceProvider(KeycloakSession session, boolean enabled) {
        this.session = session;
        this.enabled = enabled;
    }

    @Override
    public Object getResource() {
        if (!enabled) {
            throw new NotFoundException();
        }
        return this;
    }

    @GET
    @Path("offset")
    @Produces(MediaType.TEXT_PLAIN)
    public String offset() {
        return Integer.toString(Time.getOffset());
    }

    @PUT
    @Path("offset")
    @Produces(MediaType.TEXT_PLAIN)
    public String setOffset(@QueryParam("seconds") int seconds) {
        Time.setOffset(seconds);
        return Integer.toString(Time.getOffset());
    }

    @PUT
    @Path("activated/{username}")
    @Produces(MediaType.TEXT_PLAIN)
    public String activated(@PathParam("username") String username) {
        RealmModel realm = session.getContext().getRealm();
        UserModel user = session.users().getUserByUsername(realm, username);
        if (user == null) {
            throw new NotFoundException();
        }
        // the charter in force: the console's setting (the configuration of ent-activation-start), else the realm
        // attribute of realms set up before
        org.keycloak.models.RequiredActionConfigModel console =
                realm.getRequiredActionConfigByAlias("ent-activation-start");
        String version = console == null ? null : console.getConfigValue("entCharterVersion");
        if (version == null || version.isBlank()) {
            version = realm.getAttribute("entCharterVersion");
        }
        user.setSingleAttribute("entCharterVersion", version == null ? "1" : version);
        user.setSingleAttribute(
                "entCharterAcceptedAt",
                Instant.ofEpochMilli(Time.currentTimeMillis()).toString());
        user.setSingleAttribute("entAccountState", "ACTIVE");
        // as the journey's last step: a pending activation link is spent
        user.removeAttribute("entActivationLinkId");
        return "ACTIVE";
    }

    @Override
    public void close() {}
}
