package fr.ent.keycloak.services.core;

import fr.ent.keycloak.common.SupannAccountState;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the {@code supann} scope tells a service about a student, with the names French universities exchange (SupAnn
 * 2021, eduPerson): who the student is for the federation ({@code eduPersonPrincipalName}, {@code login@scope}), that
 * they are a student and a member, their student number, their establishment, and the account's state (SupAnn's
 * {@code supannRessourceEtat} and {@code supannRessourceEtatDate}, and the pack's {@code ent_account_state} in OIDC).
 */
public final class SupannClaims {

    public static final String EPPN = "eduPersonPrincipalName";
    public static final String AFFILIATION = "eduPersonAffiliation";
    public static final String PRIMARY_AFFILIATION = "eduPersonPrimaryAffiliation";
    public static final String STUDENT_NUMBER = "supannEtuId";
    public static final String ESTABLISHMENT = "supannEtablissement";
    public static final String ACCOUNT_STATE = "ent_account_state";

    private static final Pattern DOMAIN =
            Pattern.compile("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");

    /** SupAnn's form of an establishment code: {@code {UAI}} and the 8 characters of the UAI, e.g. {UAI}0341088Y. */
    private static final Pattern ESTABLISHMENT_CODE = Pattern.compile("\\{UAI\\}[0-9]{7}[A-Z]");

    private SupannClaims() {}

    /**
     * What a student is for the federation ({@code eduPersonAffiliation}, {@code eduPersonPrimaryAffiliation}).
     *
     * @param values the affiliations
     * @param primary the primary one
     */
    public record Affiliation(List<String> values, String primary) {

        /** An enrolled student: a student and a member of the establishment. */
        public static final Affiliation STUDENT = new Affiliation(List.of("student", "member"), "student");

        /**
         * The affiliation on {@code today}: a student until the access their enrolment gives ends; from the first day
         * of an alumni extension ({@code extendedFrom}), a former student ({@code alum}) and never {@code student} —
         * services kept for students (licences, discounts) must not admit them —, a {@code member} too only where the
         * university says so ({@code alumniAreMembers}).
         *
         * @param extendedFrom the first day of the student's alumni extension, null when there is none
         */
        public static Affiliation on(LocalDate today, LocalDate extendedFrom, boolean alumniAreMembers) {
            if (extendedFrom == null || today.isBefore(extendedFrom)) {
                return STUDENT;
            }
            return new Affiliation(alumniAreMembers ? List.of("alum", "member") : List.of("alum"), "alum");
        }
    }

    /** One attribute of a SAML assertion: its {@code urn:oid:} name, its friendly name, its values. */
    public record SamlAttribute(String name, String friendlyName, List<String> values) {}

    /**
     * The standard names of what the {@code supann} scope tells: LDAP, eduPerson and SupAnn object identifiers (SupAnn's
     * under RENATER's arc 1.3.6.1.4.1.7135.1.2.1, as its LDAP schema numbers them: supannEtuId .10, supannEtablissement
     * .14, supannRessourceEtatDate .54, supannRessourceEtat .55).
     */
    public static final Map<String, String> OIDS = Map.ofEntries(
            Map.entry("mail", "urn:oid:0.9.2342.19200300.100.1.3"),
            Map.entry("givenName", "urn:oid:2.5.4.42"),
            Map.entry("sn", "urn:oid:2.5.4.4"),
            Map.entry("displayName", "urn:oid:2.16.840.1.113730.3.1.241"),
            Map.entry(EPPN, "urn:oid:1.3.6.1.4.1.5923.1.1.1.6"),
            Map.entry(AFFILIATION, "urn:oid:1.3.6.1.4.1.5923.1.1.1.1"),
            Map.entry(PRIMARY_AFFILIATION, "urn:oid:1.3.6.1.4.1.5923.1.1.1.5"),
            Map.entry(STUDENT_NUMBER, "urn:oid:1.3.6.1.4.1.7135.1.2.1.10"),
            Map.entry(ESTABLISHMENT, "urn:oid:1.3.6.1.4.1.7135.1.2.1.14"),
            Map.entry(SupannAccountState.DATED_ATTRIBUTE, "urn:oid:1.3.6.1.4.1.7135.1.2.1.54"),
            Map.entry(SupannAccountState.STATE_ATTRIBUTE, "urn:oid:1.3.6.1.4.1.7135.1.2.1.55"));

    /**
     * The same values for a SAML service, under their {@code urn:oid:} names with friendly names: the university
     * address as {@code mail}, the names, the claims of {@link #of} that have a standard name (the pack's own
     * {@code ent_account_state} has none), and the account's SupAnn state. A value the account lacks leaves its
     * attribute out.
     *
     * @param supann the account's SupAnn state, or null to leave it out
     */
    public static List<SamlAttribute> saml(
            String universityMail,
            String givenName,
            String familyName,
            String login,
            String studentNumber,
            String scope,
            String establishment,
            Affiliation affiliation,
            SupannAccountState supann) {
        List<SamlAttribute> attributes = new java.util.ArrayList<>();
        addSaml(attributes, "mail", universityMail);
        addSaml(attributes, "givenName", givenName);
        addSaml(attributes, "sn", familyName);
        String display = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
        addSaml(attributes, "displayName", display);
        of(login, studentNumber, null, scope, establishment, affiliation).forEach((claim, value) -> {
            if (OIDS.containsKey(claim)) {
                List<String> values = value instanceof List<?> list
                        ? list.stream().map(Object::toString).toList()
                        : List.of(value.toString());
                attributes.add(new SamlAttribute(OIDS.get(claim), claim, values));
            }
        });
        if (supann != null) {
            addSaml(attributes, SupannAccountState.STATE_ATTRIBUTE, supann.state());
            addSaml(attributes, SupannAccountState.DATED_ATTRIBUTE, supann.dated());
        }
        return attributes;
    }

    private static void addSaml(List<SamlAttribute> attributes, String friendlyName, String value) {
        if (value != null && !value.isBlank()) {
            attributes.add(new SamlAttribute(OIDS.get(friendlyName), friendlyName, List.of(value)));
        }
    }

    /** Why {@code scope} cannot follow the {@code @} of an eduPersonPrincipalName (a message key); empty when it can. */
    public static Optional<String> scopeProblem(String scope) {
        return scope != null
                        && DOMAIN.matcher(scope.trim().toLowerCase(Locale.ROOT)).matches()
                ? Optional.empty()
                : Optional.of("entSupannScopeInvalid");
    }

    /** Why {@code code} is not a SupAnn establishment code (a message key); empty when it is, or when there is none. */
    public static Optional<String> establishmentProblem(String code) {
        return code == null
                        || code.isBlank()
                        || ESTABLISHMENT_CODE.matcher(code.trim()).matches()
                ? Optional.empty()
                : Optional.of("entSupannEstablishmentInvalid");
    }

    /**
     * The claims of a student, in a stable order; a value the account lacks, or a setting that is wrong, leaves its
     * claim out rather than sending something false.
     */
    public static Map<String, Object> of(
            String login,
            String studentNumber,
            String accountState,
            String scope,
            String establishment,
            Affiliation affiliation) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (login != null && !login.isBlank() && scopeProblem(scope).isEmpty()) {
            claims.put(
                    EPPN,
                    login.trim().toLowerCase(Locale.ROOT) + '@' + scope.trim().toLowerCase(Locale.ROOT));
        }
        claims.put(AFFILIATION, affiliation.values());
        claims.put(PRIMARY_AFFILIATION, affiliation.primary());
        if (studentNumber != null && !studentNumber.isBlank()) {
            claims.put(STUDENT_NUMBER, studentNumber.trim());
        }
        if (establishment != null
                && !establishment.isBlank()
                && establishmentProblem(establishment).isEmpty()) {
            claims.put(ESTABLISHMENT, establishment.trim());
        }
        if (accountState != null && !accountState.isBlank()) {
            claims.put(ACCOUNT_STATE, accountState);
        }
        return claims;
    }
}
