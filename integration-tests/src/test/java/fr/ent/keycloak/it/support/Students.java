package fr.ent.keycloak.it.support;

import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.representations.idm.ComponentRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

/** Rows of the enrolment relation, students as the admin API shows them, and sign-ins, for the tests. */
public final class Students {

    /** The start year of the current academic year (September to August, Paris time): 2026 for 2026-2027. */
    public static final int CURRENT_ACADEMIC_YEAR = currentAcademicYear(today());

    /**
     * The last academic year of a student whose access ends on the coming 31 December (Paris time): a student in their
     * last year, or who left this year.
     */
    public static final int LEAVING_YEAR = leavingYear(today());

    /**
     * The first instant without access for a {@link #LEAVING_YEAR} student: 1 January after the coming 31 December,
     * midnight Paris time.
     */
    public static final java.time.Instant LEAVING_ACCESS_ENDS = java.time.LocalDate.of(LEAVING_YEAR + 2, 1, 1)
            .atStartOfDay(java.time.ZoneId.of("Europe/Paris"))
            .toInstant();

    /**
     * The last academic year of a student whose access ended on the last 31 December: the account is closed and its
     * retention (12 months by default) has not passed, whatever the day the tests run.
     */
    public static final int EXPIRED_YEAR = expiredYear(today());

    private static java.time.LocalDate today() {
        return java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    }

    static int currentAcademicYear(java.time.LocalDate day) {
        return day.getMonthValue() >= 9 ? day.getYear() : day.getYear() - 1;
    }

    /** The academic year that started in the previous calendar year: it ends, and access with it, in this one. */
    static int leavingYear(java.time.LocalDate day) {
        return day.getYear() - 1;
    }

    static int expiredYear(java.time.LocalDate day) {
        return leavingYear(day) - 1;
    }

    private Students() {}

    /** Adds a student to {@code relation}, born on 14 March 2006, with {@code login@example.org} as address. */
    public static void insert(
            Connection connection,
            String relation,
            String number,
            String login,
            String first,
            String last,
            OffsetDateTime paidAt,
            int lastYear)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + relation
                + " (student_number, login, ine, first_name, last_name, birth_date,"
                + " personal_email, last_academic_year, program_label, fee_paid_at, updated_at)"
                + " VALUES (?, ?, NULL, ?, ?, DATE '2006-03-14', ?, ?, 'Licence', ?, now())")) {
            insert.setString(1, number);
            insert.setString(2, login);
            insert.setString(3, first);
            insert.setString(4, last);
            insert.setString(5, (login.isEmpty() ? number : login) + "@example.org");
            insert.setInt(6, lastYear);
            insert.setObject(7, paidAt);
            insert.executeUpdate();
        }
    }

    /** Adds a student of the current academic year who paid the fee yesterday (activatable) to {@code ent_enrolment}. */
    public static void insertPaid(EnrolmentDatabase database, String number, String login, String first, String last)
            throws SQLException {
        try (Connection connection = database.connect()) {
            insert(
                    connection,
                    "ent_enrolment",
                    number,
                    login,
                    first,
                    last,
                    OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(1),
                    CURRENT_ACADEMIC_YEAR);
        }
    }

    /**
     * Removes students from the enrolment relation and from Keycloak, so that tests sharing the server do not see
     * each other's students.
     */
    public static void forget(RealmResource realm, EnrolmentDatabase database, String... logins) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM ent_enrolment WHERE login = ?")) {
            for (String login : logins) {
                delete.setString(1, login);
                delete.executeUpdate();
            }
        }
        for (String login : logins) {
            realm.users()
                    .searchByUsername(login, true)
                    .forEach(user -> realm.users().delete(user.getId()).close());
        }
    }

    /** A sign-in with the password grant of the realm's admin-cli client: the HTTP status. */
    public static int signIn(KeycloakServer server, String username, String password)
            throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/protocol/openid-connect/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli"
                                        + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                                        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** Gives the student a password (as an administrator would), to test sign-ins before activation exists. */
    public static void setPassword(RealmResource realm, String username, String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        realm.users().get(user(realm, username).getId()).resetPassword(credential);
    }

    /**
     * Gives the student a password and marks the account as activated (charter and state, as the last step of the
     * journey does), for tests about other things than activation: a student who is not active must go through
     * activation at sign-in.
     *
     * <p>It first lets the automatic activation email's task finish two runs: a student synced a moment ago is mailed
     * by then, and no run is still writing to the account when the fixture marks it active. (A real student finishes
     * activation minutes after that email, with its link; the fixture does it within milliseconds of the sync. Once, in
     * AlumniChoiceIT, a student activated so while the task was mailing them was not found active afterwards; the cause
     * is not pinned down.)
     */
    public static void activate(KeycloakServer server, String username, String password)
            throws IOException, InterruptedException {
        server.awaitMailTaskRuns(2);
        RealmResource realm = server.admin().realm(KeycloakServer.REALM);
        setPassword(realm, username, password);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(server.realmUrl() + "/ent-test-clock/activated/"
                                        + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                                .PUT(HttpRequest.BodyPublishers.noBody())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("could not mark " + username + " activated: " + response.statusCode());
        }
    }

    /** The account named {@code username}, which must exist. */
    public static UserRepresentation user(RealmResource realm, String username) {
        List<UserRepresentation> found = realm.users().searchByUsername(username, true);
        if (found.size() != 1) {
            throw new AssertionError("expected one account " + username + ", found " + found.size());
        }
        return found.get(0);
    }

    /** {@code entAccountState} of the account named {@code username}. */
    public static String state(RealmResource realm, String username) {
        return user(realm, username).getAttributes().get("entAccountState").get(0);
    }

    /**
     * Adds an {@code ent-enrolment} component reading {@code relation} (query timeout 2 s, no periodic sync, cached
     * copies living one hour as in the realm the pack ships); remove it after the test, which removes its students.
     *
     * @return its id
     */
    public static String createComponent(
            RealmResource realm, String name, String jdbcUrl, String user, String password, String relation) {
        ComponentRepresentation component = new ComponentRepresentation();
        component.setName(name);
        component.setProviderId("ent-enrolment");
        component.setProviderType("org.keycloak.storage.UserStorageProvider");
        component.setParentId(realm.toRepresentation().getId());
        MultivaluedHashMap<String, String> config = new MultivaluedHashMap<>();
        config.putSingle("enabled", "true");
        config.putSingle("priority", "10");
        config.putSingle("importEnabled", "true");
        config.putSingle("jdbcUrl", jdbcUrl);
        config.putSingle("dbUser", user);
        config.putSingle("dbPassword", password);
        config.putSingle("relation", relation);
        config.putSingle("queryTimeoutSeconds", "2");
        config.putSingle("fullSyncPeriod", "-1");
        config.putSingle("changedSyncPeriod", "-1");
        config.putSingle("cachePolicy", "MAX_LIFESPAN");
        config.putSingle("maxLifespan", "3600000");
        component.setConfig(config);
        try (Response created = realm.components().add(component)) {
            if (created.getStatus() != 201) {
                throw new AssertionError("component " + name + " refused: " + created.getStatus() + " "
                        + created.readEntity(String.class));
            }
            String location = created.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }

    /** Sets (or, with null, removes) one setting of an {@code ent-enrolment} component, as the console saves it. */
    public static void setting(RealmResource realm, String componentId, String name, String value) {
        org.keycloak.representations.idm.ComponentRepresentation component =
                realm.components().component(componentId).toRepresentation();
        if (value == null) {
            component.getConfig().remove(name);
        } else {
            component.getConfig().putSingle(name, value);
        }
        realm.components().component(componentId).update(component);
    }

    /**
     * The value of one setting of an {@code ent-enrolment} component, null when it has none: read it before changing a
     * setting of the shared component, and set it back after ({@link #setting} with null does not remove a key that
     * the realm's component holds: Keycloak's update keeps keys the representation leaves out).
     */
    public static String settingValue(RealmResource realm, String componentId, String name) {
        List<String> values = realm.components()
                .component(componentId)
                .toRepresentation()
                .getConfig()
                .get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The id of the realm's {@code ent-enrolment} component named {@code name}. */
    public static String component(RealmResource realm, String name) {
        return realm.components().query(null, "org.keycloak.storage.UserStorageProvider").stream()
                .filter(c ->
                        c.getProviderId().equals("ent-enrolment") && c.getName().equals(name))
                .map(ComponentRepresentation::getId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ent-enrolment component named " + name));
    }

    /**
     * Removes an enrolment source a test added, its students one at a time first: removing a source deletes its
     * accounts in one bulk statement, which the server's own task (the activation mail, writing to these very accounts
     * every second in the tests) can make fail meanwhile with a 500, as it would for an administrator.
     */
    public static void removeSource(RealmResource realm, String component) throws InterruptedException {
        for (UserRepresentation user : realm.users().list(0, 100_000)) {
            if (component.equals(user.getFederationLink())) {
                retried(() -> realm.users().get(user.getId()).remove());
            }
        }
        retried(() -> realm.components().component(component).remove());
    }

    private static void retried(Runnable call) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return;
            } catch (jakarta.ws.rs.NotFoundException gone) {
                return;
            } catch (jakarta.ws.rs.WebApplicationException raced) {
                if (attempt == 3) {
                    throw raced;
                }
                Thread.sleep(500);
            }
        }
    }
}
