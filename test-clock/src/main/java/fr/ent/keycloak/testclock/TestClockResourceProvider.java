package fr.ent.keycloak.testclock;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.common.util.Time;
import org.keycloak.services.resource.RealmResourceProvider;

/** GET reads the offset in seconds; PUT {@code ?seconds=N} sets it (0 puts the clock back). */
final class TestClockResourceProvider implements RealmResourceProvider {

    private final boolean enabled;

    TestClockResourceProvider(boolean enabled) {
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

    @Override
    public void close() {}
}
