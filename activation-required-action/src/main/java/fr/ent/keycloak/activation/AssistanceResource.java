package fr.ent.keycloak.activation;

import fr.ent.keycloak.activation.core.AddressMask;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The assistance console, {@code /realms/{realm}/ent-assistance}: the helpdesk finds a student and sees where the
 * student stands, without any right of Keycloak's admin console. Operators hold the realm role {@value #ROLE}; they
 * sign in through the realm's own login (the client {@value #CLIENT}), and the page then reads who they are from the
 * realm's sign-in cookie. Anyone else gets a 403 page. Server-rendered pages, no JavaScript; nothing secret is shown
 * (no password, no token, the personal address masked).
 *
 * <p>This slice is read-only: search and the student's card. The actions, the timeline and the assistance code come
 * next (issue "admin side").
 */
public final class AssistanceResource {

    static final String ROLE = "ent-helpdesk";
    static final String CLIENT = "ent-assistance";
    static final int MAX_RESULTS = 20;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final KeycloakSession session;
    private final RealmModel realm;

    AssistanceResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response search(@QueryParam("q") String query) {
        PageLocale.apply(session);
        Response refused = refusal();
        if (refused != null) {
            return refused;
        }
        String typed = query == null ? "" : query.trim();
        List<Map<String, String>> results = new ArrayList<>();
        if (!typed.isEmpty()) {
            find(typed).forEach(student -> results.add(row(student)));
        }
        return page().setAttribute("entQuery", typed.length() > 100 ? typed.substring(0, 100) : typed)
                .setAttribute("entSearched", !typed.isEmpty())
                .setAttribute("entResults", results)
                .createForm("ent-assistance.ftl");
    }

    @GET
    @Path("students/{id}")
    @Produces(MediaType.TEXT_HTML)
    public Response student(@PathParam("id") String id) {
        PageLocale.apply(session);
        Response refused = refusal();
        if (refused != null) {
            return refused;
        }
        UserModel student = id == null ? null : session.users().getUserById(realm, id);
        if (!Activation.isStudent(student)) {
            return page().setError("entAssistanceNoSuchStudent").createErrorPage(Response.Status.NOT_FOUND);
        }
        return page().setAttribute("entStudent", card(student)).createForm("ent-assistance-student.ftl");
    }

    /** Null when the caller is a signed-in operator; else the answer (sign in first, or 403). */
    private Response refusal() {
        AuthenticationManager.AuthResult auth = new AppAuthManager().authenticateIdentityCookie(session, realm);
        if (auth == null) {
            URI self = selfUri();
            URI login = Urls.realmBase(session.getContext().getUri().getBaseUri())
                    .path(realm.getName())
                    .path("protocol/openid-connect/auth")
                    .queryParam("client_id", CLIENT)
                    .queryParam("response_type", "code")
                    .queryParam("scope", "openid")
                    .queryParam("redirect_uri", self.toString())
                    .build();
            return Response.seeOther(login).build();
        }
        RoleModel role = realm.getRole(ROLE);
        if (role == null || !auth.user().hasRole(role)) {
            return page().setError("entAssistanceForbidden").createErrorPage(Response.Status.FORBIDDEN);
        }
        return null;
    }

    /** Students whose student number or INE is the text typed, then by login and name; at most 20. */
    private Stream<UserModel> find(String typed) {
        Stream<UserModel> exact = Stream.concat(
                session.users().searchForUserByUserAttributeStream(realm, EntAttributes.STUDENT_NUMBER, typed),
                session.users()
                        .searchForUserByUserAttributeStream(
                                realm, EntAttributes.INE, typed.toUpperCase(java.util.Locale.ROOT)));
        Stream<UserModel> byName = session.users()
                .searchForUserStream(
                        realm, Map.of(UserModel.SEARCH, typed, UserModel.INCLUDE_SERVICE_ACCOUNT, "false"), 0, 50);
        Map<String, UserModel> found = new LinkedHashMap<>();
        Stream.concat(exact, byName)
                .filter(Objects::nonNull)
                .filter(Activation::isStudent)
                .limit(200)
                .forEach(user -> found.putIfAbsent(user.getId(), user));
        return found.values().stream().limit(MAX_RESULTS);
    }

    private Map<String, String> row(UserModel student) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", student.getId());
        row.put("name", name(student));
        row.put("login", student.getUsername());
        row.put("number", value(student.getFirstAttribute(EntAttributes.STUDENT_NUMBER)));
        row.put("state", Lifecycle.standing(realm, student).state().name());
        row.put("url", selfUri().toString() + "/students/" + student.getId());
        return row;
    }

    private Map<String, String> card(UserModel student) {
        Standing standing = Lifecycle.standing(realm, student);
        ZoneId zone = Lifecycle.zone(realm);
        Map<String, String> card = new LinkedHashMap<>();
        card.put("name", name(student));
        card.put("login", student.getUsername());
        card.put("number", value(student.getFirstAttribute(EntAttributes.STUDENT_NUMBER)));
        card.put("ine", value(student.getFirstAttribute(EntAttributes.INE)));
        card.put("year", value(student.getFirstAttribute(EntAttributes.LAST_ACADEMIC_YEAR)));
        card.put("state", standing.state().name());
        card.put("enabled", Boolean.toString(student.isEnabled()));
        card.put("feePaidAt", when(student.getFirstAttribute(EntAttributes.FEE_PAID_AT), zone, DATE_TIME));
        card.put(
                "activatableFrom",
                standing.activatableFrom() == null
                        ? ""
                        : standing.activatableFrom().atZone(zone).format(DATE_TIME));
        card.put(
                "accessEndsOn",
                standing.accessEndsAt() == null
                        ? ""
                        : standing.accessEndsAt().minusSeconds(1).atZone(zone).format(DATE));
        card.put("personalEmail", AddressMask.mask(student.getFirstAttribute(EntAttributes.PERSONAL_EMAIL)));
        card.put("charterVersion", value(student.getFirstAttribute(EntAttributes.CHARTER_VERSION)));
        card.put(
                "charterAcceptedAt",
                when(student.getFirstAttribute(EntAttributes.CHARTER_ACCEPTED_AT), zone, DATE_TIME));
        card.put("activationMailSentAt", when(student.getFirstAttribute(Activation.MAIL_SENT_AT), zone, DATE_TIME));
        card.put("forwarding", AddressMask.mask(student.getFirstAttribute(EntAttributes.MAIL_FORWARDING_ADDRESS)));
        return card;
    }

    private LoginFormsProvider page() {
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("entAssistanceUrl", selfUri().toString())
                .setAttribute("entHelpdesk", ActivationSettings.of(realm).helpdesk());
    }

    private URI selfUri() {
        return Urls.realmBase(session.getContext().getUri().getBaseUri())
                .path(realm.getName())
                .path(AssistanceResourceProvider.ID)
                .build();
    }

    private static String name(UserModel user) {
        String first = user.getFirstName() == null ? "" : user.getFirstName();
        String last = user.getLastName() == null ? "" : user.getLastName();
        return (first + " " + last).trim();
    }

    private static String value(String stored) {
        return stored == null ? "" : stored;
    }

    private static String when(String stored, ZoneId zone, DateTimeFormatter format) {
        Instant at = fr.ent.keycloak.common.AcademicCalendar.parseInstant(stored);
        return at == null ? "" : at.atZone(zone).format(format);
    }
}
