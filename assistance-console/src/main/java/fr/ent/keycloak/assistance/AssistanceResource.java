package fr.ent.keycloak.assistance;

import fr.ent.keycloak.activation.ForHelpdesk;
import fr.ent.keycloak.assistance.core.AddressMask;
import fr.ent.keycloak.assistance.core.AssistanceAction;
import fr.ent.keycloak.assistance.core.AssistanceSearch;
import fr.ent.keycloak.assistance.core.OperatorReason;
import fr.ent.keycloak.assistance.core.TermDashboard;
import fr.ent.keycloak.assistance.core.Timeline;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.RealmSetting;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.support.ClusterLimiter;
import fr.ent.keycloak.support.ConsoleSettings;
import fr.ent.keycloak.support.PageLocale;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.ClientModel;
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
 * <p>Actions ({@link AssistanceAction}): each from a confirmation page where the operator types a reason, sent with a
 * token bound to the operator's session ({@link AssistanceForms}: a form forged on another site is refused), allowed
 * by the lifecycle, and recorded as an admin event ({@link AssistanceActions}). The timeline and the assistance code
 * come next (issue "admin side").
 */
public final class AssistanceResource {

    private static final Logger LOG = Logger.getLogger(AssistanceResource.class);

    static final String ROLE = "ent-helpdesk";
    static final String CLIENT = "ent-assistance";
    static final int MAX_RESULTS = 20;
    /** Rows the text search reads before leaving out the accounts that are not students or hold a privilege. */
    private static final int TEXT_SEARCH_ROWS = 100;

    static final int ENDING_SOON_DAYS = 30;

    /** The dashboard's pictures (SVG user units): bars of a row per value, columns of a day each. */
    private static final int BAR_LENGTH = 240;

    private static final int ROW_HEIGHT = 28;
    private static final int COLUMN_WIDTH = 44;
    private static final int COLUMN_TOP = 18;
    private static final int COLUMN_HEIGHT = 120;

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

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
    public Response student(
            @PathParam("id") String id, @QueryParam("done") String done, @QueryParam("result") String result) {
        PageLocale.apply(session);
        Response refused = refusal();
        if (refused != null) {
            return refused;
        }
        UserModel student = student(id);
        if (student == null) {
            return noSuchStudent();
        }
        LoginFormsProvider page = page();
        AssistanceAction.fromSlug(done).ifPresent(action -> {
            AssistanceActions.Outcome outcome = outcome(result);
            page.setAttribute("entDone", msgKey(action, outcome))
                    .setAttribute("entDoneOk", outcome == AssistanceActions.Outcome.DONE);
        });
        return cardPage(page, student).createForm("ent-assistance-student.ftl");
    }

    /** The start-of-term dashboard ({@link TermDashboard}): a few grouped queries, no account loaded. */
    @GET
    @Path("dashboard")
    @Produces(MediaType.TEXT_HTML)
    public Response dashboard() {
        PageLocale.apply(session);
        Response refused = refusal();
        if (refused != null) {
            return refused;
        }
        Instant now = RealmLifecycle.now();
        ZoneId zone = RealmLifecycle.zone(realm);
        TermDashboard figures = new TermDashboard(
                TermDashboard.states(KeycloakInternals.countByValue(session, realm, EntAttributes.ACCOUNT_STATE)),
                TermDashboard.perDay(
                        KeycloakInternals.countByHour(
                                session,
                                realm,
                                EntAttributes.CHARTER_ACCEPTED_AT,
                                TermDashboard.since(now, TermDashboard.DAYS)),
                        now,
                        zone,
                        TermDashboard.DAYS),
                KeycloakInternals.countHolding(session, realm, EntAttributes.FEE_PAID_AT),
                KeycloakInternals.countHolding(session, realm, ForHelpdesk.MAIL_SENT_AT),
                KeycloakInternals.countHolding(session, realm, EntAttributes.CHARTER_ACCEPTED_AT),
                KeycloakInternals.countHolding(session, realm, ForHelpdesk.MAIL_FAILURES),
                endingSoon(now));
        List<Map<String, String>> states = new ArrayList<>();
        List<Integer> stateBars =
                TermDashboard.lengths(List.copyOf(figures.perState().values()), BAR_LENGTH);
        int row = 0;
        for (Map.Entry<fr.ent.keycloak.common.AccountState, Long> state :
                figures.perState().entrySet()) {
            states.add(Map.of(
                    "state", state.getKey().name(),
                    "count", state.getValue().toString(),
                    "bar", Integer.toString(stateBars.get(row)),
                    "y", Integer.toString(row * ROW_HEIGHT)));
            row++;
        }
        List<Long> funnelCounts = List.of(figures.paid(), figures.mailed(), figures.activated());
        List<Integer> funnelBars = TermDashboard.lengths(funnelCounts, BAR_LENGTH);
        List<Map<String, String>> funnel = new ArrayList<>();
        String[] funnelKeys = {"entDashboardPaid", "entDashboardMailed", "entDashboardActivated"};
        for (int i = 0; i < funnelKeys.length; i++) {
            funnel.add(Map.of(
                    "key", funnelKeys[i],
                    "count", funnelCounts.get(i).toString(),
                    "bar", Integer.toString(funnelBars.get(i)),
                    "y", Integer.toString(i * ROW_HEIGHT)));
        }
        List<Map<String, String>> days = new ArrayList<>();
        List<Integer> columns = TermDashboard.lengths(
                figures.activationsPerDay().stream()
                        .map(TermDashboard.Day::count)
                        .toList(),
                COLUMN_HEIGHT);
        int column = 0;
        for (TermDashboard.Day day : figures.activationsPerDay()) {
            int height = columns.get(column);
            days.add(Map.of(
                    "date", day.date().format(RealmLifecycle.DAY),
                    "short", day.date().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM")),
                    "iso", day.date().toString(),
                    "count", Long.toString(day.count()),
                    "x", Integer.toString(column * COLUMN_WIDTH),
                    "height", Integer.toString(height),
                    "y", Integer.toString(COLUMN_TOP + COLUMN_HEIGHT - height)));
            column++;
        }
        return page().setAttribute("entStates", states)
                .setAttribute("entFunnel", funnel)
                .setAttribute("entPaid", figures.paid())
                .setAttribute(
                        "entChart",
                        Map.of(
                                "barLength", BAR_LENGTH,
                                "rowHeight", ROW_HEIGHT,
                                "columnWidth", COLUMN_WIDTH,
                                "columnTop", COLUMN_TOP,
                                "columnHeight", COLUMN_HEIGHT,
                                "width",
                                        COLUMN_WIDTH
                                                * figures.activationsPerDay().size()))
                .setAttribute("entTotal", figures.total())
                .setAttribute("entDays", days)
                .setAttribute("entMailed", figures.mailed())
                .setAttribute("entActivated", figures.activated())
                .setAttribute("entFailing", figures.failingMails())
                .setAttribute("entEndingSoon", figures.endingSoon())
                .setAttribute("entEndingWindow", ENDING_SOON_DAYS)
                .setAttribute("entUpdatedAt", now.atZone(zone).format(DATE_TIME))
                .createForm("ent-assistance-dashboard.ftl");
    }

    /**
     * Students whose access ends within {@value #ENDING_SOON_DAYS} days: their last academic year ends then, or the
     * alumni extension they chose.
     */
    private long endingSoon(Instant now) {
        fr.ent.keycloak.common.AcademicCalendar calendar;
        try {
            calendar = RealmLifecycle.of(realm).calendar();
        } catch (fr.ent.keycloak.common.InvalidSettingException e) {
            return 0;
        }
        return ForHelpdesk.endingWithin(session, realm, calendar, now, ENDING_SOON_DAYS);
    }

    /** The confirmation of an action: what it does, the reason to type, Confirm or Cancel. */
    @GET
    @Path("students/{id}/actions/{action}")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("id") String id, @PathParam("action") String slug) {
        PageLocale.apply(session);
        Gate gate = gate();
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        UserModel student = student(id);
        java.util.Optional<AssistanceAction> action = AssistanceAction.fromSlug(slug);
        if (student == null || action.isEmpty()) {
            return noSuchStudent();
        }
        Standing standing = RealmLifecycle.standing(realm, student);
        java.util.Optional<String> refused = action.get().refusal(standing);
        if (refused.isPresent()) {
            return refusedAction(student, standing, refused.get());
        }
        return confirmation(gate.operator(), student, action.get(), "", null, Response.Status.OK);
    }

    /** The card, saying why the action asked for is not possible for this student now (409). */
    private Response refusedAction(UserModel student, Standing standing, String why) {
        return cardPage(page(), student, standing)
                .setAttribute("entDone", why)
                .setAttribute("entDoneOk", false)
                .setStatus(Response.Status.CONFLICT)
                .createForm("ent-assistance-student.ftl");
    }

    /**
     * Carries out an action, after the form's token (proof that the operator's own console page sent it), the action's
     * allowance for the student and the reason were checked; then back to the card, with what happened.
     */
    @POST
    @Path("students/{id}/actions/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("id") String id, @PathParam("action") String slug) {
        PageLocale.apply(session);
        Gate gate = gate();
        if (gate.refusal() != null) {
            return gate.refusal();
        }
        MultivaluedMap<String, String> form =
                session.getContext().getHttpRequest().getDecodedFormParameters();
        if (!AssistanceForms.genuine(gate.operator().session(), form.getFirst(AssistanceForms.FIELD))) {
            return page().setError("entAssistanceForgedForm").createErrorPage(Response.Status.FORBIDDEN);
        }
        UserModel student = student(id);
        java.util.Optional<AssistanceAction> found = AssistanceAction.fromSlug(slug);
        if (student == null || found.isEmpty()) {
            return noSuchStudent();
        }
        AssistanceAction action = found.get();
        Standing standing = RealmLifecycle.standing(realm, student);
        java.util.Optional<String> refused = action.refusal(standing);
        if (refused.isPresent()) {
            return refusedAction(student, standing, refused.get());
        }
        String typed = form.getFirst("reason");
        java.util.Optional<String> problem = OperatorReason.problem(typed);
        if (problem.isPresent()) {
            return confirmation(
                    gate.operator(),
                    student,
                    action,
                    typed == null ? "" : typed,
                    problem.get(),
                    Response.Status.BAD_REQUEST);
        }
        if (!withinOperatorLimit(gate.operator().user())) {
            return cardPage(page(), student, standing)
                    .setAttribute("entDone", "entAssistanceOperatorLimit")
                    .setAttribute("entDoneOk", false)
                    .setStatus(Response.Status.TOO_MANY_REQUESTS)
                    .createForm("ent-assistance-student.ftl");
        }
        AssistanceActions.Result result = new AssistanceActions(session, realm)
                .perform(
                        action,
                        student,
                        gate.operator().user(),
                        gate.operator().token(),
                        OperatorReason.normalise(typed));
        AssistanceActions.Outcome outcome = result.outcome();
        if (result.code() != null) {
            // shown once, in this answer only: never in an address, a log or an event
            return confirmationPage(student, action)
                    .setAttribute("entCode", result.code().shown())
                    .setAttribute(
                            "entCodeExpiresAt",
                            result.code()
                                    .expiresAt()
                                    .atZone(RealmLifecycle.zone(realm))
                                    .format(DateTimeFormatter.ofPattern("HH:mm")))
                    .setAttribute("entCodeMinutes", result.code().minutes())
                    .createForm("ent-assistance-code.ftl");
        }
        URI card = UriBuilder.fromUri(selfUri())
                .path("students")
                .path(student.getId())
                .queryParam("done", action.slug())
                .queryParam("result", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .build();
        return Response.seeOther(card).build();
    }

    /**
     * Takes one of the operator's actions of the hour, across the cluster; false (nothing done, logged with the
     * operator's login and the limit) when they are used up.
     */
    private boolean withinOperatorLimit(UserModel operator) {
        int limit = ConsoleSettings.number(realm, RealmSetting.ASSISTANCE_ACTIONS_PER_HOUR);
        if (ClusterLimiter.of(session)
                .tryAcquire("ent-operator-actions:" + realm.getId() + ':' + operator.getId(), limit, 3600)) {
            return true;
        }
        LOG.warnf(
                "ENT assistance: operator %s reached the limit of %d actions an hour; nothing done",
                operator.getUsername(), limit);
        return false;
    }

    /** The signed-in operator, or the answer to give instead (sign in first, or 403). */
    private record Gate(AuthenticationManager.AuthResult operator, Response refusal) {}

    private Gate gate() {
        AuthenticationManager.AuthResult auth = new AppAuthManager().authenticateIdentityCookie(session, realm);
        if (auth == null) {
            // back to the page asked for (a card, a confirmation) after signing in; a form is not sent again
            URI self = "GET".equals(session.getContext().getHttpRequest().getHttpMethod())
                    ? UriBuilder.fromUri(session.getContext().getUri().getRequestUri())
                            .replaceQueryParam("code")
                            .replaceQueryParam("state")
                            .replaceQueryParam("session_state")
                            .replaceQueryParam("iss")
                            .build()
                    : selfUri();
            URI login = Urls.realmBase(session.getContext().getUri().getBaseUri())
                    .path(realm.getName())
                    .path("protocol/openid-connect/auth")
                    .queryParam("client_id", CLIENT)
                    .queryParam("response_type", "code")
                    .queryParam("scope", "openid")
                    .queryParam("redirect_uri", self.toString())
                    .build();
            return new Gate(null, Response.seeOther(login).build());
        }
        RoleModel role = realm.getRole(ROLE);
        if (role == null || !auth.user().hasRole(role)) {
            return new Gate(null, page().setError("entAssistanceForbidden").createErrorPage(Response.Status.FORBIDDEN));
        }
        return new Gate(auth, null);
    }

    /** Null when the caller is a signed-in operator; else the answer (sign in first, or 403). */
    private Response refusal() {
        return gate().refusal();
    }

    /**
     * Students whose login, student number or INE is the text typed, with indexed exact lookups; only when none is,
     * students whose login or names contain every word typed ({@link AssistanceSearch}: never the email, which is the
     * personal address the card masks); at most 20, privileged accounts left out.
     */
    private Stream<UserModel> find(String typed) {
        Map<String, UserModel> found = new LinkedHashMap<>();
        add(found, session.users().getUserByUsername(realm, typed));
        for (String id :
                KeycloakInternals.idsWithAttribute(session, realm, EntAttributes.STUDENT_NUMBER, typed, MAX_RESULTS)) {
            add(found, session.users().getUserById(realm, id));
        }
        String ine = typed.toUpperCase(java.util.Locale.ROOT);
        for (String id : KeycloakInternals.idsWithAttribute(session, realm, EntAttributes.INE, ine, MAX_RESULTS)) {
            add(found, session.users().getUserById(realm, id));
        }
        if (found.isEmpty() && IDENTIFIER.matcher(typed).matches()) {
            // a student enrolled since the last sync: Keycloak asks the enrolment database, which imports them
            Stream.concat(
                            session.users()
                                    .searchForUserByUserAttributeStream(realm, EntAttributes.STUDENT_NUMBER, typed),
                            session.users().searchForUserByUserAttributeStream(realm, EntAttributes.INE, ine))
                    .limit(MAX_RESULTS)
                    .forEach(user -> add(found, user));
        }
        if (!found.isEmpty()) {
            return found.values().stream().limit(MAX_RESULTS);
        }
        // the login and the names only, never the email (the personal address the card masks), no wildcard
        for (String id : KeycloakInternals.idsByNameOrLogin(
                session, realm, AssistanceSearch.patterns(typed), TEXT_SEARCH_ROWS)) {
            add(found, session.users().getUserById(realm, id));
            if (found.size() == MAX_RESULTS) {
                break;
            }
        }
        return found.values().stream();
    }

    /** A student number or an INE: letters and digits with at least one digit. */
    private static final java.util.regex.Pattern IDENTIFIER =
            java.util.regex.Pattern.compile("(?=.*[0-9])[0-9A-Za-z]{5,20}");

    private void add(Map<String, UserModel> found, UserModel user) {
        if (reachable(user)) {
            found.putIfAbsent(user.getId(), user);
        }
    }

    /**
     * Whether the console may show and act on the account: a student's, holding neither the helpdesk's role nor a role
     * of the realm's administration ({@link AssistanceSearch#reach}).
     */
    private boolean reachable(UserModel user) {
        boolean student = Students.isStudent(user);
        return AssistanceSearch.reach(student, student && privileged(user)).shown();
    }

    private boolean privileged(UserModel user) {
        RoleModel helpdesk = realm.getRole(ROLE);
        if (helpdesk != null && user.hasRole(helpdesk)) {
            return true;
        }
        ClientModel management = realm.getClientByClientId(org.keycloak.models.Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null && management.getRolesStream().anyMatch(user::hasRole);
    }

    private Map<String, String> row(UserModel student) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", student.getId());
        row.put("name", name(student));
        row.put("login", student.getUsername());
        row.put("number", value(student.getFirstAttribute(EntAttributes.STUDENT_NUMBER)));
        row.put("state", RealmLifecycle.standing(realm, student).state().name());
        row.put("url", selfUri().toString() + "/students/" + student.getId());
        return row;
    }

    private Map<String, String> card(UserModel student, Standing standing) {
        ZoneId zone = RealmLifecycle.zone(realm);
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
                        : standing.accessEndsAt().minusSeconds(1).atZone(zone).format(RealmLifecycle.DAY));
        card.put("personalEmail", AddressMask.mask(student.getFirstAttribute(EntAttributes.PERSONAL_EMAIL)));
        card.put("universityEmail", value(student.getFirstAttribute(EntAttributes.UNIVERSITY_MAIL)));
        card.put("charterVersion", value(student.getFirstAttribute(EntAttributes.CHARTER_VERSION)));
        card.put(
                "charterAcceptedAt",
                when(student.getFirstAttribute(EntAttributes.CHARTER_ACCEPTED_AT), zone, DATE_TIME));
        card.put("activationMailSentAt", when(student.getFirstAttribute(ForHelpdesk.MAIL_SENT_AT), zone, DATE_TIME));
        card.put("forwarding", AddressMask.mask(student.getFirstAttribute(EntAttributes.MAIL_FORWARDING_ADDRESS)));
        // what the services read, and when the data a closed account no longer needs was removed
        card.put("supannState", RealmLifecycle.supann(realm, student, standing).dated());
        card.put("minimisedAt", when(student.getFirstAttribute(EntAttributes.MINIMISED_AT), zone, DATE_TIME));
        // the alumni choice: asked, answered yes or no, and the day a yes keeps the account until
        card.putAll(ForHelpdesk.alumniCard(student, zone));
        return card;
    }

    /** The student an id names, or null when it names no student. */
    private UserModel student(String id) {
        UserModel user = id == null || id.length() > 64 ? null : session.users().getUserById(realm, id);
        return reachable(user) ? user : null;
    }

    private Response noSuchStudent() {
        return page().setError("entAssistanceNoSuchStudent").createErrorPage(Response.Status.NOT_FOUND);
    }

    /** The card, and the actions: a button for each one the lifecycle allows, the reason for each other one. */
    private LoginFormsProvider cardPage(LoginFormsProvider page, UserModel student) {
        return cardPage(page, student, RealmLifecycle.standing(realm, student));
    }

    private LoginFormsProvider cardPage(LoginFormsProvider page, UserModel student, Standing standing) {
        List<Map<String, String>> actions = new ArrayList<>();
        for (AssistanceAction action : AssistanceAction.values()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("slug", action.slug());
            row.put("url", actionUri(student, action).toString());
            row.put("refusal", action.refusal(standing).orElse(""));
            actions.add(row);
        }
        return page.setAttribute("entStudent", card(student, standing))
                .setAttribute("entActions", actions)
                .setAttribute("entTimeline", timeline(student))
                .setAttribute("entEventsSaved", realm.isEventsEnabled());
    }

    /** The student's timeline ({@link Timeline}), from Keycloak's stored events and the account's dates. */
    private List<Map<String, String>> timeline(UserModel student) {
        List<Timeline.Fact> facts = new ArrayList<>();
        if (student.getCreatedTimestamp() != null) {
            facts.add(new Timeline.Fact(
                    Instant.ofEpochMilli(student.getCreatedTimestamp()),
                    Timeline.Kind.ACCOUNT,
                    Timeline.IMPORTED,
                    Map.of()));
        }
        Instant mailed = fr.ent.keycloak.common.AcademicCalendar.parseInstant(
                student.getFirstAttribute(ForHelpdesk.MAIL_SENT_AT));
        if (mailed != null) {
            facts.add(new Timeline.Fact(mailed, Timeline.Kind.ACCOUNT, Timeline.ACTIVATION_MAIL, Map.of()));
        }
        EventStoreProvider store = session.getProvider(EventStoreProvider.class);
        if (store != null) {
            store.createQuery()
                    .realm(realm.getId())
                    .user(student.getId())
                    .maxResults(2 * Timeline.MAX_ENTRIES)
                    .getResultStream()
                    .forEach(event -> facts.add(new Timeline.Fact(
                            Instant.ofEpochMilli(event.getTime()),
                            Timeline.Kind.USER_EVENT,
                            event.getType().name(),
                            event.getDetails())));
            Map<String, String> operators = new java.util.HashMap<>();
            store.createAdminQuery()
                    .realm(realm.getId())
                    .resourcePath("users/" + student.getId())
                    .maxResults(Timeline.MAX_ENTRIES)
                    .getResultStream()
                    .forEach(event -> {
                        Map<String, String> details = new java.util.HashMap<>();
                        if (event.getDetails() != null) {
                            details.putAll(event.getDetails());
                        }
                        details.put(Timeline.OPERATOR, operatorName(event.getAuthDetails(), operators));
                        facts.add(new Timeline.Fact(
                                Instant.ofEpochMilli(event.getTime()),
                                Timeline.Kind.ADMIN_EVENT,
                                event.getOperationType().name(),
                                details));
                    });
        }
        ZoneId zone = RealmLifecycle.zone(realm);
        List<Map<String, String>> lines = new ArrayList<>();
        for (Timeline.Entry entry : Timeline.of(facts)) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("at", entry.at().atZone(zone).format(DATE_TIME));
            line.put("iso", entry.at().toString());
            line.put("key", entry.messageKey());
            line.put("arg", entry.arguments().isEmpty() ? "" : entry.arguments().get(0));
            lines.add(line);
        }
        return lines;
    }

    /** The login of whoever made an admin event (an operator, an administrator of any realm), or "?". */
    private String operatorName(AuthDetails auth, Map<String, String> known) {
        if (auth == null || auth.getUserId() == null) {
            return "?";
        }
        return known.computeIfAbsent(auth.getUserId(), id -> {
            RealmModel of = auth.getRealmId() == null ? realm : session.realms().getRealm(auth.getRealmId());
            UserModel user = of == null ? null : session.users().getUserById(of, id);
            return user == null ? "?" : user.getUsername();
        });
    }

    private LoginFormsProvider confirmationPage(UserModel student, AssistanceAction action) {
        return page().setAttribute("entStudent", card(student, RealmLifecycle.standing(realm, student)))
                .setAttribute("entAction", action.slug())
                .setAttribute("entActionUrl", actionUri(student, action).toString())
                .setAttribute("entCardUrl", selfUri() + "/students/" + student.getId());
    }

    private Response confirmation(
            AuthenticationManager.AuthResult operator,
            UserModel student,
            AssistanceAction action,
            String reason,
            String problem,
            Response.Status status) {
        LoginFormsProvider page = confirmationPage(student, action)
                .setAttribute("entFormToken", AssistanceForms.token(operator.session()))
                .setAttribute("entFormField", AssistanceForms.FIELD)
                .setAttribute("entReason", reason.length() > 400 ? reason.substring(0, 400) : reason)
                .setAttribute("entReasonMax", OperatorReason.MAX_LENGTH)
                .setStatus(status);
        if (problem != null) {
            page.setAttribute("entReasonProblem", problem);
        }
        return page.createForm("ent-assistance-action.ftl");
    }

    private URI actionUri(UserModel student, AssistanceAction action) {
        return UriBuilder.fromUri(selfUri())
                .path("students")
                .path(student.getId())
                .path("actions")
                .path(action.slug())
                .build();
    }

    private static AssistanceActions.Outcome outcome(String result) {
        for (AssistanceActions.Outcome outcome : AssistanceActions.Outcome.values()) {
            if (outcome.name().equalsIgnoreCase(result)) {
                return outcome;
            }
        }
        return AssistanceActions.Outcome.DONE;
    }

    /** The message that says what an action did: {@code entAssistanceDone.new-link}, {@code …Throttled}, … */
    private static String msgKey(AssistanceAction action, AssistanceActions.Outcome outcome) {
        return switch (outcome) {
            case DONE -> "entAssistanceDone." + action.slug();
            case THROTTLED ->
                action == AssistanceAction.ISSUE_CODE ? "entAssistanceCodeThrottled" : "entAssistanceThrottled";
            case FAILED -> "entAssistanceMailFailed";
        };
    }

    private LoginFormsProvider page() {
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("entAssistanceUrl", selfUri().toString())
                .setAttribute("entHelpdesk", ForHelpdesk.helpdesk(realm));
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
