package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.it.support.ActivationJourney;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.MailServer;
import fr.ent.keycloak.it.support.NeedsRelyingParties;
import fr.ent.keycloak.it.support.Operators;
import fr.ent.keycloak.it.support.RelyingParties;
import fr.ent.keycloak.it.support.Students;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real services of the ENT, as a university connects them: Apache httpd with {@code mod_auth_openidc} (OIDC, scopes
 * {@code openid email profile supann}) and with {@code mod_auth_mellon} (SAML, the realm's {@code supann-saml}
 * scope), each printing what it received. A student activated through the journey signs in through the ENT login page
 * in Chromium: both services show the university address and the SupAnn values, the names intact and never markup,
 * never the personal address. A student whose access ended is stopped at the login page; a student signed out by the
 * helpdesk or by expiry is signed out of the OIDC service too (back-channel logout, seen in the service's log).
 */
@EntServerTest
@NeedsRelyingParties
class RelyingPartiesIT {

    private static final String PASSWORD = "Falaise-Cobalt-Ruisseau-47";
    private static final String SCOPES = "openid email profile supann";
    private static final String BACKCHANNEL_LOGOUT = "POST /oidc/redirect_uri?logout=backchannel 200";

    @Test
    void bothServicesGetTheUniversityAddressAndTheSupannValuesNeverThePersonalAddress(
            Keycloak admin, EnrolmentDatabase database, MailServer mail, KeycloakServer server, WebDriver browser)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71940001", "rpzoe", "Zoé-Anaïs", "L'Étoile <b>gras</b>");
        try (Services services = Services.start(realm, server)) {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            String link = ActivationJourney.link(mail.awaitMessagesTo("rpzoe@example.org", 1, Duration.ofSeconds(90))
                    .get(0));
            ActivationJourney journey = new ActivationJourney(browser);
            journey.open(link);
            journey.upToSummary(PASSWORD).activate();
            assertThat(Students.state(realm, "rpzoe")).isEqualTo("ACTIVE");

            browser.get(services.parties.oidcPage());
            Map<String, String> oidc = received(browser, "rpzoe");
            assertThat(oidc)
                    .containsEntry("OIDC_CLAIM_email", "rpzoe@etu.example.fr")
                    .containsEntry("OIDC_CLAIM_preferred_username", "rpzoe")
                    .containsEntry("OIDC_CLAIM_given_name", "Zoé-Anaïs")
                    .containsEntry("OIDC_CLAIM_family_name", "L'Étoile <b>gras</b>")
                    .containsEntry("OIDC_CLAIM_eduPersonPrincipalName", "rpzoe@example.fr")
                    .containsEntry("OIDC_CLAIM_eduPersonAffiliation", "student,member")
                    .containsEntry("OIDC_CLAIM_eduPersonPrimaryAffiliation", "student")
                    .containsEntry("OIDC_CLAIM_supannEtuId", "71940001")
                    .containsEntry("OIDC_CLAIM_ent_account_state", "ACTIVE")
                    .containsEntry("OIDC_CLAIM_supannRessourceEtat", "{COMPTE}A")
                    .doesNotContainKey("OIDC_CLAIM_supannCodeINE");
            assertThat(oidc.get("OIDC_CLAIM_supannRessourceEtatDate"))
                    .startsWith("{COMPTE}A:SupannActif:")
                    .endsWith(":" + (Students.CURRENT_ACADEMIC_YEAR + 1) + "1231");
            assertThat(oidc.get("OIDC_CLAIM_email_verified")).isIn("1", "true");
            assertThat(String.join("\n", oidc.values())).doesNotContain("rpzoe@example.org");
            assertThat(browser.findElements(By.tagName("b"))).isEmpty();

            // the SAML service: the same student, already signed in at the ENT (single sign-on)
            browser.get(services.parties.samlPage());
            Map<String, String> saml = received(browser, "rpzoe");
            assertThat(saml)
                    .containsEntry("MELLON_mail", "rpzoe@etu.example.fr")
                    .containsEntry("MELLON_givenName", "Zoé-Anaïs")
                    // mod_auth_mellon hands the application the XML text as written: escaped (docs/services.md)
                    .containsEntry("MELLON_sn", "L'Étoile &lt;b&gt;gras&lt;/b&gt;")
                    .containsEntry("MELLON_eduPersonPrincipalName", "rpzoe@example.fr")
                    .containsEntry("MELLON_eduPersonAffiliation", "student;member")
                    .containsEntry("MELLON_supannEtuId", "71940001")
                    .containsEntry("MELLON_supannEtablissement", "{UAI}0000000A")
                    .containsEntry("MELLON_supannRessourceEtat", "{COMPTE}A");
            assertThat(saml.get("MELLON_NAME_ID")).isNotBlank().doesNotContain("rpzoe");
            // the assertion itself carries the name escaped once: text, never markup, never escaped twice
            String response = new String(
                    java.util.Base64.getMimeDecoder().decode(saml.get("MELLON_SAML_RESPONSE")),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response)
                    .contains("&lt;b&gt;gras&lt;/b&gt;")
                    .doesNotContain("<b>")
                    .doesNotContain("&amp;lt;")
                    .doesNotContain("rpzoe@example.org");
            assertThat(String.join("\n", saml.values())).doesNotContain("rpzoe@example.org");
            assertThat(browser.findElements(By.tagName("b"))).isEmpty();
        } finally {
            Students.forget(realm, database, "rpzoe");
        }
    }

    @Test
    void theHelpdeskSigningAStudentOutSignsThemOutOfTheService(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver student, WebDriver operator)
            throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71940002", "rpleo", "Léo", "Servi");
        String operatorId = Operators.create(realm, "op-rp1");
        try (Services services = Services.start(realm, server)) {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "rpleo", PASSWORD);
            student.get(services.parties.oidcPage());
            assertThat(received(student, "rpleo")).containsEntry("OIDC_CLAIM_preferred_username", "rpleo");

            String card = server.realmUrl() + "/ent-assistance/students/"
                    + Students.user(realm, "rpleo").getId();
            Operators.signIn(operator, card, "op-rp1", Operators.PASSWORD);
            WebDriverWait wait = new WebDriverWait(operator, Duration.ofSeconds(30));
            Operators.act(operator, "sign-out", "Téléphone volé, appel de l'étudiant");
            assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("ent-assistance-done")))
                            .getText())
                    .contains("déconnecté partout");

            awaitBackchannelLogout(services.parties, Duration.ofSeconds(10));
            // the service's own session is gone: the next page goes back to the ENT login page
            student.get(services.parties.oidcPage());
            awaitLoginPage(student);
        } finally {
            realm.users().get(operatorId).remove();
            Students.forget(realm, database, "rpleo");
        }
    }

    @Test
    void expirySignsTheStudentOutOfTheServiceAndTheLoginPageStopsThemThere(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        Students.insertPaid(database, "71940003", "rpmax", "Max", "Parti");
        try (Services services = Services.start(realm, server)) {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "rpmax", PASSWORD);
            browser.get(services.parties.oidcPage());
            assertThat(received(browser, "rpmax")).containsEntry("OIDC_CLAIM_ent_account_state", "ACTIVE");

            // the student's last academic year ended two years ago: the periodic sync of changed rows (Keycloak's
            // timer, outside any request; every 5 s here) finds the access ended, disables the account and ends its
            // sessions
            try (Connection connection = database.connect();
                    PreparedStatement update = connection.prepareStatement("UPDATE ent_enrolment"
                            + " SET last_academic_year = ?, updated_at = now() WHERE login = 'rpmax'")) {
                update.setInt(1, Students.EXPIRED_YEAR);
                update.executeUpdate();
            }
            // (one student of the shared source, which other tests may have left nearly empty: the mass-change
            // guard's share set aside)
            String share = Students.settingValue(realm, Students.component(realm, "enrolment"), "maxDisablePercent");
            Students.setting(realm, Students.component(realm, "enrolment"), "maxDisablePercent", "100");
            Students.setting(realm, Students.component(realm, "enrolment"), "changedSyncPeriod", "5");
            try {
                awaitBackchannelLogout(services.parties, Duration.ofSeconds(60));
            } finally {
                Students.setting(realm, Students.component(realm, "enrolment"), "changedSyncPeriod", "-1");
                Students.setting(realm, Students.component(realm, "enrolment"), "maxDisablePercent", share);
            }
            assertThat(Students.state(realm, "rpmax")).isEqualTo("EXPIRED");

            // the service sends the student to the ENT login page, which stops them there and says why
            String answered = services.parties.accessLog().size() + "";
            browser.get(services.parties.oidcPage());
            awaitLoginPage(browser).sendKeys("rpmax");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            new WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.tagName("body"), "Votre compte est fermé"));
            assertThat(browser.getCurrentUrl()).startsWith(server.baseUrl());
            List<String> log = services.parties.accessLog();
            assertThat(log.subList(Integer.parseInt(answered), log.size()))
                    .noneMatch(line -> line.startsWith("GET /oidc/redirect_uri?") && line.contains("code="));
        } finally {
            Students.forget(realm, database, "rpmax");
        }
    }

    /**
     * What the protected page printed, by variable; signs {@code login} in through the ENT login page on the way if
     * the service sent the browser there.
     */
    private static Map<String, String> received(WebDriver browser, String login) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        try {
            wait.until(ExpectedConditions.or(
                    ExpectedConditions.presenceOfElementLocated(By.id("received")),
                    ExpectedConditions.presenceOfElementLocated(By.id("username"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError(
                    "neither the service's page nor the login page at " + browser.getCurrentUrl() + ":\n"
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
        if (!browser.findElements(By.id("username")).isEmpty()) {
            browser.findElement(By.id("username")).sendKeys(login);
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
        }
        String text = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("received")))
                .getText();
        Map<String, String> variables = new HashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return variables;
    }

    /** Waits until the OIDC service answered a back-channel logout with 200 (it found and ended its session). */
    private static void awaitBackchannelLogout(RelyingParties parties, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!parties.accessLog().contains(BACKCHANNEL_LOGOUT)
                && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        assertThat(parties.accessLog())
                .as("the service's log:\n%s", parties.errorLog())
                .contains(BACKCHANNEL_LOGOUT);
    }

    private static org.openqa.selenium.WebElement awaitLoginPage(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    /** The two services registered in the realm and running; closing stops httpd and removes the clients. */
    private record Services(RealmResource realm, RelyingParties parties, List<String> clientIds)
            implements AutoCloseable {

        static Services start(RealmResource realm, KeycloakServer server) {
            String secret = UUID.randomUUID().toString();
            RelyingParties parties = RelyingParties.start(server, secret, SCOPES);
            List<String> ids = new java.util.ArrayList<>();
            try {
                ClientRepresentation oidc = new ClientRepresentation();
                oidc.setClientId(RelyingParties.OIDC_CLIENT);
                oidc.setProtocol("openid-connect");
                oidc.setPublicClient(false);
                oidc.setSecret(secret);
                oidc.setStandardFlowEnabled(true);
                oidc.setRedirectUris(List.of(parties.oidcRedirectUri()));
                oidc.setFrontchannelLogout(false);
                Map<String, String> oidcAttributes = new HashMap<>();
                oidcAttributes.put("backchannel.logout.url", parties.backchannelLogoutUrl());
                oidcAttributes.put("backchannel.logout.session.required", "true");
                oidc.setAttributes(oidcAttributes);
                ids.add(create(realm, oidc));

                ClientRepresentation saml = new ClientRepresentation();
                saml.setClientId(RelyingParties.SAML_ENTITY);
                saml.setProtocol("saml");
                saml.setRedirectUris(List.of(parties.baseUrl() + "/saml/*"));
                Map<String, String> samlAttributes = new HashMap<>();
                samlAttributes.put("saml_assertion_consumer_url_post", parties.samlAssertionConsumer());
                samlAttributes.put("saml.client.signature", "true");
                samlAttributes.put("saml.signing.certificate", parties.samlCertificate());
                samlAttributes.put("saml.server.signature", "true");
                samlAttributes.put("saml.authnstatement", "true");
                samlAttributes.put("saml_name_id_format", "transient");
                samlAttributes.put("saml_force_name_id_format", "true");
                saml.setAttributes(samlAttributes);
                String samlId = create(realm, saml);
                ids.add(samlId);
                String supannSaml = realm.clientScopes().findAll().stream()
                        .filter(scope -> "supann-saml".equals(scope.getName()))
                        .findFirst()
                        .orElseThrow()
                        .getId();
                realm.clients().get(samlId).addDefaultClientScope(supannSaml);
            } catch (RuntimeException e) {
                parties.close();
                ids.forEach(id -> realm.clients().get(id).remove());
                throw e;
            }
            return new Services(realm, parties, ids);
        }

        private static String create(RealmResource realm, ClientRepresentation client) {
            try (jakarta.ws.rs.core.Response created = realm.clients().create(client)) {
                assertThat(created.getStatus()).isEqualTo(201);
            }
            return realm.clients().findByClientId(client.getClientId()).get(0).getId();
        }

        @Override
        public void close() {
            parties.close();
            clientIds.forEach(id -> realm.clients().get(id).remove());
        }
    }
}
