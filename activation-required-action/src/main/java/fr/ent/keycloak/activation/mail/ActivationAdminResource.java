package fr.ent.keycloak.activation.mail;

import fr.ent.keycloak.common.StudentLifecycle;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code POST /admin/realms/{realm}/ent-activation/users/{id}/activation-link}: the helpdesk sends a student a new
 * activation link (voiding every older one), at the personal address on record. Needs the right to manage the user;
 * recorded as an admin event. Answers 409 with a reason for a student who is not activatable.
 */
public final class ActivationAdminResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    ActivationAdminResource(
            KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent.resource(ResourceType.USER);
    }

    @POST
    @Path("users/{id}/activation-link")
    @Produces(MediaType.APPLICATION_JSON)
    public Response sendActivationLink(@PathParam("id") String id) {
        UserModel user = session.users().getUserById(realm, id);
        if (user == null) {
            auth.users().requireManage();
            throw new NotFoundException("User not found");
        }
        auth.users().requireManage(user);
        StudentLifecycle.Standing standing = Students.isStudent(user) ? RealmLifecycle.standing(realm, user) : null;
        if (standing == null || !standing.mayReceiveActivationLink()) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of(
                            "error",
                            "not_activatable",
                            "error_description",
                            "Only a student in state ACTIVATABLE can receive an activation link; this account is "
                                    + (standing == null
                                            ? "not a student"
                                            : standing.state().name())
                                    + "."))
                    .build();
        }
        URI base = session.getContext().getUri().getBaseUri();
        CountedMail.Outcome outcome =
                CountedMail.activationLink(session, realm, user, base, "the helpdesk's activation link");
        if (outcome == CountedMail.Outcome.THROTTLED) {
            return Response.status(Response.Status.TOO_MANY_REQUESTS)
                    .entity(Map.of(
                            "error",
                            "too_many_emails",
                            "error_description",
                            "This student already received the most emails allowed in 24 hours"
                                    + " (realm setting entStudentMailsPerDay); try again later."))
                    .build();
        }
        if (outcome == CountedMail.Outcome.FAILED) {
            return Response.status(Response.Status.BAD_GATEWAY)
                    .entity(Map.of(
                            "error", "email_failed",
                            "error_description", "The email could not be sent; check the realm's email settings."))
                    .build();
        }
        adminEvent
                .operation(OperationType.ACTION)
                .resourcePath(session.getContext().getUri())
                .detail("ent_step", "activation_link_sent")
                .success();
        return Response.ok(Map.of("sent", true)).build();
    }
}
