package fr.ent.keycloak.activation.firstconnection;

import fr.ent.keycloak.activation.core.AssistanceCode;
import fr.ent.keycloak.activation.core.ClientAddress;
import fr.ent.keycloak.activation.core.FirstConnectionRequest;
import fr.ent.keycloak.activation.internals.KeycloakInternals;
import fr.ent.keycloak.activation.mail.CountedMail;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.activation.settings.FirstConnectionSettings;
import fr.ent.keycloak.common.RealmSetting;
import fr.ent.keycloak.support.ClusterLimiter;
import fr.ent.keycloak.support.PageLocale;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.SlotLimiter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.jboss.logging.Logger;
import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.JsonWebToken;
import org.keycloak.services.Urls;

/**
 * "1ère connexion", {@code /realms/{realm}/ent-first-connection}: a student who got no activation email gives an
 * identifier (student number, INE or login) and the birth date, and the guidance goes to the personal address on record.
 *
 * <p>Whatever the identifier, the answer is the same page with the same status, produced by the same work: the request
 * only checks the form and hands the lookup, the checks and the email to a background job ({@link FirstConnectionJob}),
 * so neither the content nor the time of the answer depends on the account. The form is protected against cross-site
 * posts by a signed token bound to a same-site cookie, and limited per client address across the cluster.
 */
public final class FirstConnectionResource {

    static final String COOKIE = "ENT_FIRST_CONNECTION";
    static final String TOKEN_FIELD = "entFormToken";
    static final String TOKEN_TYPE = "ent-first-connection-form";
    /** How long a displayed form can be sent. */
    static final int FORM_LIFESPAN_SECONDS = 3600;

    static final String EXECUTOR = "ent-first-connection";
    static final String FORM_TEMPLATE = "ent-first-connection.ftl";
    static final String CODE_TEMPLATE = "ent-first-connection-code.ftl";
    static final String CODE_WAIT_TEMPLATE = "ent-first-connection-code-wait.ftl";
    /** The cookie that holds the ticket of a code being checked. */
    static final String TICKET_COOKIE = "ENT_CODE_TICKET";

    private static final Logger LOG = Logger.getLogger(FirstConnectionResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    FirstConnectionResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response form() {
        PageLocale.apply(session);
        return form(Response.Status.OK, null, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response submit() {
        MultivaluedMap<String, String> form =
                session.getContext().getHttpRequest().getDecodedFormParameters();
        Checked checked = check(FORM_TEMPLATE, form);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        String address = checked.address();
        URI base = session.getContext().getUri().getBaseUri();
        FirstConnectionJob job = new FirstConnectionJob(
                session.getKeycloakSessionFactory(),
                realm.getId(),
                checked.request(),
                base,
                address,
                session.getContext().resolveLocale(null).toLanguageTag());
        if (!admitted(job)) {
            return busy(form);
        }
        return session.getProvider(LoginFormsProvider.class)
                .setAttribute("entBackUrl", backUrl())
                .setAttribute("entHelpdesk", ActivationSettings.of(realm).helpdesk())
                .createForm("ent-first-connection-sent.ftl");
    }

    /** The form again, with "too many requests right now, try again in a few minutes" (503). */
    private Response busy(MultivaluedMap<String, String> form) {
        return form(Response.Status.SERVICE_UNAVAILABLE, form, new FormMessage(null, "entFirstConnectionBusy"));
    }

    /** "J'ai un code d'assistance": the student number, the birth date and the code the helpdesk gave. */
    @GET
    @Path("code")
    @Produces(MediaType.TEXT_HTML)
    public Response codeForm() {
        PageLocale.apply(session);
        return form(CODE_TEMPLATE, Response.Status.OK, null, null);
    }

    /**
     * Answered at once, before any lookup (its time tells nothing), like the other form: the checks that depend on the
     * text alone, then the work — find the student, compare the birth date and the code against that code's own
     * counter ({@link AssistanceCode#MAX_ATTEMPTS}, apart from the birth-date failures of the other form, which
     * strangers can use up) — goes to the same bounded queue ({@link CodeRedemptionJob}), under a ticket kept in a
     * cookie of this browser; the student then presses "Continuer" ({@link #codeOutcome}). The form is limited per
     * client address like the other one; a full queue answers at once that the service is busy.
     */
    @POST
    @Path("code")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response redeemCode() {
        MultivaluedMap<String, String> form =
                session.getContext().getHttpRequest().getDecodedFormParameters();
        Checked checked = check(CODE_TEMPLATE, form);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        String typedCode = form.getFirst("code");
        if (AssistanceCode.normalise(typedCode).isEmpty()) {
            return form(CODE_TEMPLATE, Response.Status.OK, form, new FormMessage("code", "entCodeInvalidFormat"));
        }
        String ticket = KeycloakModelUtils.generateId();
        session.singleUseObjects()
                .put(
                        CodeRedemptionJob.key(realm.getId(), ticket),
                        CodeRedemptionJob.TICKET_SECONDS,
                        Map.of(CodeRedemptionJob.STATE, CodeRedemptionJob.PENDING));
        CodeRedemptionJob job = new CodeRedemptionJob(
                session.getKeycloakSessionFactory(),
                realm.getId(),
                checked.request(),
                typedCode,
                session.getContext().getUri().getBaseUri(),
                checked.address(),
                ticket);
        if (!admitted(job)) {
            session.singleUseObjects().remove(CodeRedemptionJob.key(realm.getId(), ticket));
            return form(
                    CODE_TEMPLATE,
                    Response.Status.SERVICE_UNAVAILABLE,
                    form,
                    new FormMessage(null, "entFirstConnectionBusy"));
        }
        return Response.seeOther(waitUri()).cookie(ticketCookie(ticket, false)).build();
    }

    /**
     * Where the browser comes back for the outcome of its code: still being checked (the page again, with
     * "Continuer"), the activation journey (the ticket used up), or the code form with the same message whatever was
     * wrong or whether the student exists.
     */
    @GET
    @Path("code/wait")
    @Produces(MediaType.TEXT_HTML)
    public Response codeOutcome() {
        PageLocale.apply(session);
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(TICKET_COOKIE);
        String ticket = cookie == null ? null : cookie.getValue();
        if (ticket == null || !ticket.matches("[0-9a-f-]{36}")) {
            return form(CODE_TEMPLATE, Response.Status.OK, null, null);
        }
        String key = CodeRedemptionJob.key(realm.getId(), ticket);
        Map<String, String> kept = session.singleUseObjects().get(key);
        if (kept != null && CodeRedemptionJob.PENDING.equals(kept.get(CodeRedemptionJob.STATE))) {
            return session.getProvider(LoginFormsProvider.class)
                    .setAttribute("entWaitUrl", waitUri().toString())
                    .setAttribute("entBackUrl", backUrl())
                    .createForm(CODE_WAIT_TEMPLATE);
        }
        Map<String, String> outcome =
                kept == null ? null : session.singleUseObjects().remove(key);
        String link = outcome == null ? null : outcome.get(CodeRedemptionJob.LINK);
        Response answer = link == null
                ? form(CODE_TEMPLATE, Response.Status.OK, null, new FormMessage(null, "entCodeRefused"))
                : Response.seeOther(URI.create(link)).build();
        return Response.fromResponse(answer).cookie(ticketCookie("", true)).build();
    }

    /**
     * Hands a job to the bounded queue of "1ère connexion"; false when the requests waiting on this node fill the cap
     * or the server refuses it (then the caller answers at once that the service is busy).
     */
    private boolean admitted(Runnable job) {
        ExecutorService executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        FirstConnectionSettings settings = FirstConnectionSettings.of(realm);
        int waiting = KeycloakInternals.waiting(executor);
        if (!settings.takesOneMore(waiting)) {
            // refused early rather than queued behind a backlog that only grows (a flood, a slow enrolment database)
            LOG.warnf(
                    "ENT first connection: request refused, %d requests are waiting on this node (limit %d, setting %s)",
                    waiting, settings.maxWaiting(), RealmSetting.FIRST_CONNECTION_MAX_WAITING.key());
            return false;
        }
        try {
            executor.execute(job);
            return true;
        } catch (RejectedExecutionException e) {
            // never dropped in silence: the student is told to try again
            LOG.warnf("ENT first connection: request refused, the server is overloaded (%s)", CountedMail.describe(e));
            return false;
        }
    }

    private URI waitUri() {
        return UriBuilder.fromUri(selfUri()).path("code").path("wait").build();
    }

    /** The browser's ticket: this realm's "1ère connexion" pages only, not readable by scripts, same site only. */
    private NewCookie ticketCookie(String ticket, boolean expired) {
        return new NewCookie.Builder(TICKET_COOKIE)
                .value(ticket)
                .path(selfUri().getPath())
                .maxAge(expired ? 0 : (int) CodeRedemptionJob.TICKET_SECONDS)
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(selfUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    /** A form that passed the checks both forms share, or the answer to give instead. */
    private record Checked(Response refusal, FirstConnectionRequest request, String address) {}

    /**
     * What both forms check first: the anti-forgery token, the client network's hourly limit, then the identifier and
     * the birth date as typed (answered at once: they depend on the text alone).
     */
    private Checked check(String template, MultivaluedMap<String, String> form) {
        if (!validFormToken(form.getFirst(TOKEN_FIELD))) {
            return new Checked(
                    form(
                            template,
                            Response.Status.BAD_REQUEST,
                            null,
                            new FormMessage(null, "entFirstConnectionFormExpired")),
                    null,
                    null);
        }
        String address = session.getContext().getConnection().getRemoteAddr();
        if (!withinAddressLimit(address)) {
            return new Checked(
                    form(
                            template,
                            Response.Status.TOO_MANY_REQUESTS,
                            form,
                            new FormMessage(null, "entFirstConnectionTooManyAttempts")),
                    null,
                    null);
        }
        LocalDate today =
                LocalDate.ofInstant(Instant.ofEpochMilli(Time.currentTimeMillis()), RealmLifecycle.zone(realm));
        FirstConnectionRequest.Parsed parsed =
                FirstConnectionRequest.parse(form.getFirst("identifier"), form.getFirst("birthDate"), today);
        if (parsed.problem().isPresent()) {
            FirstConnectionRequest.Problem problem = parsed.problem().get();
            return new Checked(
                    form(template, Response.Status.OK, form, new FormMessage(problem.field(), problem.messageKey())),
                    null,
                    null);
        }
        return new Checked(null, parsed.request().get(), address);
    }

    private boolean withinAddressLimit(String address) {
        if (limiter()
                .tryAcquire(
                        "ent-fc:address:" + realm.getId() + ':' + ClientAddress.limitKey(address),
                        FirstConnectionSettings.of(realm).maxPerAddress(),
                        FirstConnectionSettings.HOUR_SECONDS)) {
            return true;
        }
        LOG.infof(
                "ENT first connection: network %s reached its hourly limit in realm %s",
                ClientAddress.limitKey(address), realm.getName());
        return false;
    }

    private Response form(Response.Status status, MultivaluedMap<String, String> data, FormMessage error) {
        return form(FORM_TEMPLATE, status, data, error);
    }

    private Response form(
            String template, Response.Status status, MultivaluedMap<String, String> data, FormMessage error) {
        String nonce = currentNonce();
        if (nonce == null) {
            nonce = SecretGenerator.getInstance().randomString(32);
        }
        LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class)
                .setAttribute("entFormAction", selfUri().toString())
                .setAttribute("entFormToken", formToken(nonce))
                .setAttribute("entBackUrl", backUrl())
                .setAttribute("entHelpdesk", ActivationSettings.of(realm).helpdesk())
                .setStatus(status);
        if (data != null) {
            // what was typed, shown again (escaped by the template); the token is never echoed, the page has a fresh
            // one
            forms.setAttribute("entIdentifier", shortened(data.getFirst("identifier")));
            forms.setAttribute("entBirthDate", shortened(data.getFirst("birthDate")));
        }
        if (error != null) {
            forms.addError(error);
        }
        Response page = forms.createForm(template);
        return Response.fromResponse(page).cookie(cookie(nonce)).build();
    }

    private static String shortened(String typed) {
        if (typed == null) {
            return "";
        }
        return typed.length() > 100 ? typed.substring(0, 100) : typed;
    }

    /** A signed token naming the nonce of the browser's cookie: a page from another site can have neither. */
    private String formToken(String nonce) {
        JsonWebToken token = new JsonWebToken();
        token.id(nonce);
        token.type(TOKEN_TYPE);
        token.issuedNow();
        token.exp((long) Time.currentTime() + FORM_LIFESPAN_SECONDS);
        token.issuer(Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
        return session.tokens().encode(token);
    }

    private boolean validFormToken(String value) {
        String nonce = currentNonce();
        if (value == null || value.isBlank() || nonce == null) {
            return false;
        }
        JsonWebToken token;
        try {
            token = session.tokens().decode(value, JsonWebToken.class);
        } catch (RuntimeException e) {
            return false;
        }
        return token != null
                && TOKEN_TYPE.equals(token.getType())
                && token.getExp() != null
                && token.getExp() > Time.currentTime()
                && token.getId() != null
                && MessageDigest.isEqual(
                        token.getId().getBytes(StandardCharsets.UTF_8), nonce.getBytes(StandardCharsets.UTF_8));
    }

    private String currentNonce() {
        Cookie cookie = session.getContext().getRequestHeaders().getCookies().get(COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        return value != null && value.matches("[A-Za-z0-9]{32}") ? value : null;
    }

    private NewCookie cookie(String nonce) {
        URI self = selfUri();
        return new NewCookie.Builder(COOKIE)
                .value(nonce)
                .path(self.getRawPath())
                .httpOnly(true)
                .secure("https".equalsIgnoreCase(self.getScheme()))
                .sameSite(NewCookie.SameSite.STRICT)
                .build();
    }

    private URI selfUri() {
        return Urls.realmBase(session.getContext().getUri().getBaseUri())
                .path(realm.getName())
                .path(FirstConnectionResourceProvider.ID)
                .build();
    }

    private String backUrl() {
        return ActivationSettings.backUrl(session, realm);
    }

    private SlotLimiter limiter() {
        return ClusterLimiter.of(session);
    }
}
