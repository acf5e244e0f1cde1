package fr.ent.keycloak.activation;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
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

    private static final Logger LOG = Logger.getLogger(ActivationAdminResource.class);

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
        if (!Activation.isStudent(user) || Activation.state(user) != AccountState.ACTIVATABLE) {
            return Response.status(Response.Status.CONFLICT)
                    .entity(Map.of(
                            "error",
                            "not_activatable",
                            "error_description",
                            "Only a student in state ACTIVATABLE can receive an activation link; this account is "
                                    + (Activation.isStudent(user)
                                            ? Activation.state(user).name()
                                            : "not a student")
                                    + "."))
                    .build();
        }
        URI base = session.getContext().getUri().getBaseUri();
        try {
            ActivationMailer.sendLink(session, realm, user, base);
        } catch (EmailException e) {
            LOG.warnf(
                    "ENT activation: the activation link for student %s could not be sent: %s",
                    user.getFirstAttribute(EntAttributes.STUDENT_NUMBER), e.getMessage());
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
