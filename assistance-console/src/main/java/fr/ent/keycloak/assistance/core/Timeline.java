package fr.ent.keycloak.assistance.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The student's timeline on the assistance card: what Keycloak's events (user and admin) and the account's dates say
 * happened, in words an operator reads (message keys), newest first. Only what the helpdesk needs: no address (not
 * even masked), no IP address, no token, no reason typed by another operator; an event the pack does not know is left
 * out rather than shown raw.
 */
public final class Timeline {

    /** What happened, as stored: a user event, an admin event on the account, or a date of the account. */
    public record Fact(Instant at, Kind kind, String type, Map<String, String> details) {
        public Fact {
            details = details == null ? Map.of() : Map.copyOf(details);
        }
    }

    public enum Kind {
        USER_EVENT,
        ADMIN_EVENT,
        ACCOUNT
    }

    /** One line of the timeline: a message key and its arguments. */
    public record Entry(Instant at, String messageKey, List<String> arguments) {}

    /** The account's own dates ({@link Kind#ACCOUNT}). */
    public static final String IMPORTED = "imported";

    public static final String ACTIVATION_MAIL = "activation_mail";

    /** The detail that names the operator of an admin event (the pack puts their login there, not their id). */
    public static final String OPERATOR = "operator";

    public static final int MAX_ENTRIES = 50;

    private static final Set<String> STEPS = Set.of(
            "started",
            "alumni_offer_sent",
            "alumni_yes",
            "alumni_no",
            "link_opened",
            "charter_accepted",
            "password_chosen",
            "password_refused",
            "forwarding_set",
            "forwarding_none",
            "forwarding_refused",
            "activated",
            "incomplete",
            "not_activated",
            "link_refused_at_summary",
            "activation_link_sent",
            "expiry_warning_sent");

    private static final Set<String> FIRST_CONNECTION = Set.of(
            "sent_send_link",
            "sent_send_ready_at",
            "sent_send_unpaid",
            "sent_send_already_active",
            "birth_date_mismatch",
            "throttled_failures",
            "throttled_emails",
            "email_failed",
            "nothing_to_send_pending",
            "nothing_to_send_activatable",
            "nothing_to_send_active",
            "nothing_to_send_expired",
            "code_accepted",
            "code_refused",
            "code_throttled",
            "code_not_activatable");

    private static final Map<String, String> USER_EVENTS = Map.of(
            "LOGIN", "entTimeline.login",
            "LOGIN_ERROR", "entTimeline.loginError",
            "LOGOUT", "entTimeline.logout",
            "UPDATE_PASSWORD", "entTimeline.passwordChanged",
            "UPDATE_CREDENTIAL", "entTimeline.passwordChanged",
            "RESET_PASSWORD", "entTimeline.passwordChanged",
            "SEND_RESET_PASSWORD", "entTimeline.resetLinkSent",
            "EXECUTE_ACTIONS", "entTimeline.actionsEmailSent");

    private static final Set<String> HELPDESK_ACTIONS =
            Set.of("new-link", "issue-code", "reset-link", "clear-limits", "sign-out");

    private Timeline() {}

    /** Every message key a line of the timeline may have: the pack's bundles hold each, in French and English. */
    public static Set<String> messageKeys() {
        Set<String> keys = new java.util.TreeSet<>(USER_EVENTS.values());
        keys.addAll(List.of(
                "entTimeline.imported",
                "entTimeline.activationMail",
                "entTimeline.fc.other",
                "entTimeline.admin.update",
                "entTimeline.admin.action",
                "entTimeline.admin.create"));
        STEPS.forEach(step -> keys.add("entTimeline.step." + step));
        FIRST_CONNECTION.forEach(outcome -> keys.add("entTimeline.fc." + outcome));
        HELPDESK_ACTIONS.forEach(action -> {
            keys.add("entTimeline.helpdesk." + action);
            keys.add("entTimeline.helpdesk." + action + ".notDone");
        });
        return keys;
    }

    /** The timeline of {@code facts}: newest first, at most {@value #MAX_ENTRIES} lines. */
    public static List<Entry> of(List<Fact> facts) {
        List<Entry> entries = new ArrayList<>();
        for (Fact fact : facts) {
            entry(fact).ifPresent(entries::add);
        }
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries.size() > MAX_ENTRIES ? List.copyOf(entries.subList(0, MAX_ENTRIES)) : List.copyOf(entries);
    }

    static Optional<Entry> entry(Fact fact) {
        if (fact.at() == null) {
            return Optional.empty();
        }
        return switch (fact.kind()) {
            case ACCOUNT ->
                switch (fact.type()) {
                    case IMPORTED -> line(fact, "entTimeline.imported");
                    case ACTIVATION_MAIL -> line(fact, "entTimeline.activationMail");
                    default -> Optional.empty();
                };
            case USER_EVENT -> userEvent(fact);
            case ADMIN_EVENT -> adminEvent(fact);
        };
    }

    private static Optional<Entry> userEvent(Fact fact) {
        String step = fact.details().get("ent_step");
        String type = fact.type();
        if ("first_connection".equals(step)) {
            String outcome = fact.details().getOrDefault("ent_outcome", "");
            return line(fact, "entTimeline.fc." + (FIRST_CONNECTION.contains(outcome) ? outcome : "other"));
        }
        if (step != null && STEPS.contains(step)) {
            if ("charter_accepted".equals(step)) {
                return line(fact, "entTimeline.step.charter_accepted", value(fact, "ent_charter_version"));
            }
            return line(fact, "entTimeline.step." + step);
        }
        String key = USER_EVENTS.get(type);
        return key == null ? Optional.empty() : line(fact, key);
    }

    private static Optional<Entry> adminEvent(Fact fact) {
        String operator = value(fact, OPERATOR);
        String action = fact.details().get("entAction");
        if ("ACTION".equals(fact.type()) && action != null && HELPDESK_ACTIONS.contains(action)) {
            String outcome = fact.details().getOrDefault("entOutcome", "DONE");
            String key = "entTimeline.helpdesk." + action + ("DONE".equals(outcome) ? "" : ".notDone");
            return line(fact, key, operator);
        }
        return switch (fact.type()) {
            case "UPDATE" -> line(fact, "entTimeline.admin.update", operator);
            case "ACTION" -> line(fact, "entTimeline.admin.action", operator);
            case "CREATE" -> line(fact, "entTimeline.admin.create", operator);
            default -> Optional.empty();
        };
    }

    private static String value(Fact fact, String detail) {
        String value = fact.details().get(detail);
        return value == null || value.isBlank() ? "?" : value;
    }

    private static Optional<Entry> line(Fact fact, String key, String... arguments) {
        return Optional.of(new Entry(fact.at(), key, List.of(arguments)));
    }
}
