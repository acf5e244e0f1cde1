package fr.ent.keycloak.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import fr.ent.keycloak.it.support.EnrolmentDatabase;
import fr.ent.keycloak.it.support.EntServerTest;
import fr.ent.keycloak.it.support.KeycloakServer;
import fr.ent.keycloak.it.support.Students;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A SAML service receives the student through the realm's {@code supann-saml} scope: the university address as
 * {@code mail} and the SupAnn / eduPerson values under their {@code urn:oid:} names with friendly names, names intact
 * (an apostrophe and markup stay text), a persistent NameID proper to the service, never the personal address. The
 * service here is a stub assertion consumer on loopback, which keeps what Keycloak posts to it; the student signs in
 * through the ENT login page in Chromium (IdP-initiated SSO).
 */
@EntServerTest
class SamlServiceIT {

    private static final String PASSWORD = "Ormeau-Cuivre-Lanterne-62";
    private static final String PERSONAL = "paul.saml-canary@example.net";
    private static final String SP = "urn:ent:test:saml-sp";

    /**
     * What a federation's registry (RENATER) and an SP read from the IdP's metadata: the entity id (the realm's
     * issuer), a signing certificate, single sign-on over HTTP-Redirect and HTTP-POST, single logout, the persistent and
     * transient NameID formats. {@code RelyingPartiesIT} proves a real SP (mod_auth_mellon) reads it.
     */
    @Test
    void theIdpMetadataHoldsWhatAFederationRegistryReads(KeycloakServer server) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(server.realmUrl() + "/protocol/saml/descriptor"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document metadata = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        String md = "urn:oasis:names:tc:SAML:2.0:metadata";
        Element entity = metadata.getDocumentElement();
        assertThat(entity.getLocalName()).isEqualTo("EntityDescriptor");
        assertThat(entity.getAttribute("entityID")).isEqualTo(server.realmUrl());
        Element idp = (Element)
                metadata.getElementsByTagNameNS(md, "IDPSSODescriptor").item(0);
        assertThat(idp.getAttribute("protocolSupportEnumeration")).contains("urn:oasis:names:tc:SAML:2.0:protocol");

        NodeList keys = idp.getElementsByTagNameNS(md, "KeyDescriptor");
        boolean signing = false;
        for (int i = 0; i < keys.getLength(); i++) {
            Element key = (Element) keys.item(i);
            signing |= "signing".equals(key.getAttribute("use"))
                    && key.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "X509Certificate")
                                    .item(0)
                                    .getTextContent()
                                    .strip()
                                    .length()
                            > 100;
        }
        assertThat(signing).as("a signing certificate").isTrue();

        assertThat(bindings(idp, md, "SingleSignOnService"))
                .contains(
                        "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect",
                        "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST");
        assertThat(bindings(idp, md, "SingleLogoutService")).isNotEmpty();
        List<String> formats = new ArrayList<>();
        NodeList found = idp.getElementsByTagNameNS(md, "NameIDFormat");
        for (int i = 0; i < found.getLength(); i++) {
            formats.add(found.item(i).getTextContent().strip());
        }
        assertThat(formats)
                .contains(
                        "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                        "urn:oasis:names:tc:SAML:2.0:nameid-format:transient");
    }

    /** The bindings of the IdP's endpoints named {@code endpoint}, each at an address of the realm. */
    private static List<String> bindings(Element idp, String md, String endpoint) {
        List<String> bindings = new ArrayList<>();
        NodeList found = idp.getElementsByTagNameNS(md, endpoint);
        for (int i = 0; i < found.getLength(); i++) {
            Element service = (Element) found.item(i);
            assertThat(service.getAttribute("Location")).contains("/realms/" + KeycloakServer.REALM + "/protocol/saml");
            bindings.add(service.getAttribute("Binding"));
        }
        return bindings;
    }

    @Test
    void aSamlServiceGetsTheSupannAttributesAndNeverThePersonalAddress(
            Keycloak admin, EnrolmentDatabase database, KeycloakServer server, WebDriver browser) throws Exception {
        RealmResource realm = admin.realm(KeycloakServer.REALM);
        try (Connection connection = database.connect();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO ent_enrolment"
                        + " (student_number, login, ine, first_name, last_name, birth_date, personal_email,"
                        + " last_academic_year, program_label, fee_paid_at, updated_at)"
                        + " VALUES ('71930001', 'samlpaul', '1234567890A', 'Paul-Élie', 'L''Hôte <i>', DATE '2004-05-06',"
                        + " ?, ?, 'Master', ?, now())")) {
            insert.setString(1, PERSONAL);
            insert.setInt(2, Students.CURRENT_ACADEMIC_YEAR);
            insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1));
            insert.executeUpdate();
        }
        CompletableFuture<String> posted = new CompletableFuture<>();
        HttpServer acs = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        acs.createContext("/acs", exchange -> {
            String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            for (String pair : form.split("&")) {
                if (pair.startsWith("SAMLResponse=")) {
                    posted.complete(
                            URLDecoder.decode(pair.substring("SAMLResponse=".length()), StandardCharsets.UTF_8));
                }
            }
            byte[] ok = "received".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        acs.start();
        String acsUrl = "http://127.0.0.1:" + acs.getAddress().getPort() + "/acs";
        String clientId = null;
        try {
            realm.userStorage().syncUsers(Students.component(realm, "enrolment"), "triggerFullSync");
            Students.activate(server, "samlpaul", PASSWORD);

            ClientRepresentation sp = new ClientRepresentation();
            sp.setClientId(SP);
            sp.setProtocol("saml");
            sp.setRedirectUris(List.of(acsUrl));
            Map<String, String> attributes = new HashMap<>();
            attributes.put("saml_idp_initiated_sso_url_name", "test-sp");
            attributes.put("saml_assertion_consumer_url_post", acsUrl);
            attributes.put("saml.client.signature", "false");
            attributes.put("saml_name_id_format", "persistent");
            sp.setAttributes(attributes);
            try (jakarta.ws.rs.core.Response created = realm.clients().create(sp)) {
                assertThat(created.getStatus()).isEqualTo(201);
            }
            clientId = realm.clients().findByClientId(SP).get(0).getId();
            String supannSaml = realm.clientScopes().findAll().stream()
                    .filter(scope -> "supann-saml".equals(scope.getName()))
                    .findFirst()
                    .orElseThrow()
                    .getId();
            realm.clients().get(clientId).addDefaultClientScope(supannSaml);

            browser.get(server.realmUrl() + "/protocol/saml/clients/test-sp");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")))
                    .sendKeys("samlpaul");
            browser.findElement(By.id("password")).sendKeys(PASSWORD);
            browser.findElement(By.id("kc-login")).click();
            String xml = new String(
                    Base64.getMimeDecoder().decode(posted.get(30, TimeUnit.SECONDS)), StandardCharsets.UTF_8);

            Map<String, List<String>> byName = new HashMap<>();
            Map<String, String> friendly = new HashMap<>();
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            Document assertion =
                    factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList found = assertion.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Attribute");
            for (int i = 0; i < found.getLength(); i++) {
                Element attribute = (Element) found.item(i);
                List<String> values = new ArrayList<>();
                NodeList valueNodes =
                        attribute.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "AttributeValue");
                for (int j = 0; j < valueNodes.getLength(); j++) {
                    values.add(valueNodes.item(j).getTextContent());
                }
                byName.put(attribute.getAttribute("Name"), values);
                friendly.put(attribute.getAttribute("Name"), attribute.getAttribute("FriendlyName"));
            }
            assertThat(byName)
                    .containsEntry("urn:oid:0.9.2342.19200300.100.1.3", List.of("samlpaul@etu.example.fr"))
                    .containsEntry("urn:oid:2.5.4.42", List.of("Paul-Élie"))
                    .containsEntry("urn:oid:2.5.4.4", List.of("L'Hôte <i>"))
                    .containsEntry("urn:oid:1.3.6.1.4.1.5923.1.1.1.6", List.of("samlpaul@example.fr"))
                    .containsEntry("urn:oid:1.3.6.1.4.1.5923.1.1.1.1", List.of("student", "member"))
                    .containsEntry("urn:oid:1.3.6.1.4.1.5923.1.1.1.5", List.of("student"))
                    .containsEntry("urn:oid:1.3.6.1.4.1.7135.1.2.1.10", List.of("71930001"))
                    .containsEntry("urn:oid:1.3.6.1.4.1.7135.1.2.1.14", List.of("{UAI}0000000A"))
                    // the account's SupAnn state, where the lifecycle says the student stands: active since today
                    .containsEntry("urn:oid:1.3.6.1.4.1.7135.1.2.1.55", List.of("{COMPTE}A"));
            assertThat(byName.get("urn:oid:1.3.6.1.4.1.7135.1.2.1.54"))
                    .singleElement()
                    .asString()
                    .startsWith("{COMPTE}A:SupannActif:"
                            + java.time.LocalDate.now(java.time.ZoneId.of("Europe/Paris"))
                                    .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));
            // supannEtuId under its own number, not supannEmpId's (.11)
            assertThat(byName).doesNotContainKey("urn:oid:1.3.6.1.4.1.7135.1.2.1.11");
            assertThat(friendly)
                    .containsEntry("urn:oid:0.9.2342.19200300.100.1.3", "mail")
                    .containsEntry("urn:oid:1.3.6.1.4.1.5923.1.1.1.6", "eduPersonPrincipalName");
            // neither the personal address, nor the INE, nor markup made of the names
            assertThat(xml)
                    .doesNotContain("saml-canary")
                    .doesNotContain("1234567890A")
                    .doesNotContain("<i>");

            Element nameId = (Element) assertion
                    .getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "NameID")
                    .item(0);
            assertThat(nameId.getAttribute("Format")).isEqualTo("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
            assertThat(nameId.getTextContent()).doesNotContain("samlpaul").doesNotContain("@");
        } finally {
            acs.stop(0);
            if (clientId != null) {
                realm.clients().get(clientId).remove();
            }
            Students.forget(realm, database, "samlpaul");
        }
    }
}
