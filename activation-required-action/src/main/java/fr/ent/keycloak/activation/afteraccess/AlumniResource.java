package fr.ent.keycloak.activation.afteraccess;

import fr.ent.keycloak.activation.core.AlumniLink;
import fr.ent.keycloak.activation.core.AlumniLink.Verdict;
import fr.ent.keycloak.activation.settings.ActivationSettings;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.InvalidSettingException;
import fr.ent.keycloak.common.StudentLifecycle.AlumniOffer;
import fr.ent.keycloak.support.PageLocale;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The page of the alumni choice's link, {@code /realms/{realm}/ent-alumni?key=…}: opening it (a mail scanner may) only
 * shows the choice; the student's answer is a form sent back with the link's key, which then works no more. What the
 * page shows is {@link AlumniLink#verdict}; the lifecycle's owner says whether the choice is still open.
 */
public final class AlumniResource {

    static final String KEY = "key";
    /** The link's id in the cluster's single-use store once answered. */
    private static final String USED = "ent-alumni-used:";

    private static final Logger LOG = Logger.getLogger(AlumniResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;

    AlumniResource(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response show(@QueryParam(KEY) String key) {
        PageLocale.apply(session);
        Link link = read(key);
        return page(link, link.verdict(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response answer(MultivaluedMap<String, String> form) {
        Link link = read(form.getFirst(KEY));
        String choice = form.getFirst("choice");
        boolean keep = "keep".equals(choice);
        if (link.verdict() != Verdict.OPEN) {
            return page(link, link.verdict(), null);
        }
        if (!keep && !"close".equals(choice)) {
            return page(link, Verdict.OPEN, "entAlumniChooseOne");
        }
        long lifespan = Math.max(60, link.token().getExp() - Time.currentTime());
        if (!session.singleUseObjects().putIfAbsent(USED + link.token().getId(), lifespan)) {
            return page(link, Verdict.ANSWERED, null);
        }
        AlumniOffer offer = link.offer().orElseThrow();
        AlumniChoices.record(link.student(), offer, keep, RealmLifecycle.now());
        new EventBuilder(realm, session, session.getContext().getConnection())
                .event(EventType.CUSTOM_REQUIRED_ACTION)
                .user(link.student())
                .detail("ent_step", keep ? "alumni_yes" : "alumni_no")
                .success();
        LOG.infof(
                "ENT: student %s answered the alumni choice for the end of %s: %s",
                link.student().getFirstAttribute(EntAttributes.STUDENT_NUMBER),
                offer.lastDay(),
                keep ? "keep" : "close");
        return page(link, Verdict.ANSWERED, null);
    }

    /** What a key names: the link, its student, the choice the lifecycle leaves open, and the verdict. */
    private record Link(
            String key, AlumniChoiceToken token, UserModel student, Optional<AlumniOffer> offer, Verdict verdict) {}

    private Link read(String key) {
        AlumniChoiceToken token = decode(key);
        UserModel student = token == null || token.getSubject() == null
                ? null
                : session.users().getUserById(realm, token.getSubject());
        boolean genuine = token != null
                && AlumniChoiceToken.TOKEN_TYPE.equals(token.getType())
                && token.isActive()
                && Students.isStudent(student);
        if (!genuine) {
            return new Link(null, token, null, Optional.empty(), Verdict.INVALID);
        }
        Optional<AlumniOffer> offer;
        try {
            offer = RealmLifecycle.of(realm).alumniOffer(RealmLifecycle.standing(realm, student), RealmLifecycle.now());
        } catch (InvalidSettingException e) {
            // the standing logged the setting; nothing is decided with a calendar the university did not set
            offer = Optional.empty();
        }
        return new Link(
                key.trim(),
                token,
                student,
                offer,
                AlumniLink.verdict(true, token.lastDay(), AlumniChoices.answeredFor(student), offer));
    }

    private AlumniChoiceToken decode(String key) {
        if (key == null || key.isBlank() || key.length() > 4096) {
            return null;
        }
        try {
            return session.tokens().decode(key.trim(), AlumniChoiceToken.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private Response page(Link link, Verdict verdict, String error) {
        LoginFormsProvider forms = session.getProvider(LoginFormsProvider.class)
                .setAttribute("entAlumniPage", verdict.name().toLowerCase(java.util.Locale.ROOT))
                .setAttribute("entHelpdesk", ActivationSettings.of(realm).helpdesk())
                .setAttribute("entBackUrl", ActivationSettings.backUrl(session, realm))
                .setStatus(verdict == Verdict.INVALID ? Response.Status.BAD_REQUEST : Response.Status.OK);
        if (link.student() != null) {
            UserModel student = link.student();
            forms.setAttribute("entUsername", student.getUsername());
            link.offer().ifPresent(offer -> {
                forms.setAttribute("entAccessEndsOn", RealmLifecycle.DAY.format(offer.lastDay()));
                forms.setAttribute("entAlumniUntil", RealmLifecycle.DAY.format(offer.extendedUntil()));
            });
            if (verdict == Verdict.OPEN) {
                forms.setAttribute("entAlumniKey", link.key());
                forms.setAttribute(
                        "entAlumniAction",
                        session.getContext()
                                .getUri()
                                .getRequestUriBuilder()
                                .replaceQuery(null)
                                .build()
                                .toString());
            }
            if (verdict == Verdict.ANSWERED) {
                // the answer as recorded, whichever link gave it
                boolean kept = AlumniChoices.YES.equals(student.getFirstAttribute(AlumniChoices.CHOICE));
                forms.setAttribute("entAlumniKept", kept);
                LocalDate until =
                        fr.ent.keycloak.common.StudentFacts.day(student.getFirstAttribute(EntAttributes.ALUMNI_UNTIL));
                forms.setAttribute("entAlumniUntil", until == null ? "" : RealmLifecycle.DAY.format(until));
                LocalDate about = AlumniChoices.answeredFor(student).orElse(null);
                forms.setAttribute("entAccessEndsOn", about == null ? "" : RealmLifecycle.DAY.format(about));
            }
        }
        if (error != null) {
            forms.addError(new org.keycloak.models.utils.FormMessage(null, error));
        }
        return forms.createForm("ent-alumni.ftl");
    }
}
