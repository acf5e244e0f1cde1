package fr.ent.keycloak.services;

import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.common.SupannAccountState;
import fr.ent.keycloak.services.core.SupannClaims;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.util.List;
import java.util.Optional;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.representations.IDToken;

/**
 * The claims of the {@code supann} client scope ({@link SupannClaims}) for a student: eduPersonPrincipalName,
 * eduPersonAffiliation, eduPersonPrimaryAffiliation, supannEtuId, supannEtablissement, the account's state (the pack's
 * {@code ent_account_state} and SupAnn's {@code supannRessourceEtat} / {@code supannRessourceEtatDate}, both from where
 * the lifecycle's owner says the student stands now). Nothing for an account that is not a student. Its two settings are checked when saved.
 */
public final class SupannMapper extends StudentTokenMapper {

    public static final String ID = "ent-supann";
    static final String SCOPE = "entEppnScope";
    static final String ESTABLISHMENT = "entEstablishment";
    /** Whether former students in an alumni extension are still members of the establishment (off by default). */
    static final String ALUMNI_MEMBER = "entAlumniMember";

    /** The two settings, shared with the SAML mapper ({@link SupannSamlMapper}). */
    static final List<ProviderConfigProperty> SETTINGS = ProviderConfigurationBuilder.create()
            .property()
            .name(SCOPE)
            .label("entSupann.eppnScope.label")
            .helpText("entSupann.eppnScope.help")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(ESTABLISHMENT)
            .label("entSupann.establishment.label")
            .helpText("entSupann.establishment.help")
            .type(ProviderConfigProperty.STRING_TYPE)
            .add()
            .property()
            .name(ALUMNI_MEMBER)
            .label("entSupann.alumniMember.label")
            .helpText("entSupann.alumniMember.help")
            .type(ProviderConfigProperty.BOOLEAN_TYPE)
            .defaultValue("false")
            .add()
            .build();

    public SupannMapper() {
        super(ID, SETTINGS);
    }

    @Override
    public String getDisplayType() {
        return "ENT : attributs SupAnn / SupAnn attributes";
    }

    @Override
    public String getHelpText() {
        return "Étudiants : eduPersonPrincipalName, eduPersonAffiliation, eduPersonPrimaryAffiliation, supannEtuId,"
                + " supannEtablissement, supannRessourceEtat, supannRessourceEtatDate, ent_account_state. Students: the"
                + " SupAnn 2021 and eduPerson claims.";
    }

    @Override
    public void validateConfig(
            KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client, ProtocolMapperModel model)
            throws ProtocolMapperConfigException {
        check(model);
    }

    /** The student's affiliation today: {@code alum}, never {@code student}, during an alumni extension. */
    static SupannClaims.Affiliation affiliation(RealmModel realm, Standing standing, ProtocolMapperModel mapping) {
        return SupannClaims.Affiliation.on(
                java.time.LocalDate.ofInstant(RealmLifecycle.now(), RealmLifecycle.zone(realm)),
                standing.extendedFrom(),
                Boolean.parseBoolean(mapping.getConfig().get(ALUMNI_MEMBER)));
    }

    /** Refuses a setting that cannot make true claims, with the message that says which (admin's language). */
    static void check(ProtocolMapperModel model) throws ProtocolMapperConfigException {
        String scope = model.getConfig().get(SCOPE);
        Optional<String> scopeProblem = SupannClaims.scopeProblem(scope);
        if (scopeProblem.isPresent()) {
            throw new ProtocolMapperConfigException("wrong eduPersonPrincipalName scope", scopeProblem.get(), scope);
        }
        String establishment = model.getConfig().get(ESTABLISHMENT);
        Optional<String> establishmentProblem = SupannClaims.establishmentProblem(establishment);
        if (establishmentProblem.isPresent()) {
            throw new ProtocolMapperConfigException(
                    "wrong establishment code", establishmentProblem.get(), establishment);
        }
    }

    @Override
    protected void setClaim(
            IDToken token,
            ProtocolMapperModel mapping,
            UserSessionModel userSession,
            KeycloakSession session,
            ClientSessionContext clientSessionContext) {
        UserModel user = userSession.getUser();
        if (!Students.isStudent(user)) {
            return;
        }
        RealmModel realm = userSession.getRealm();
        Standing standing = RealmLifecycle.standing(realm, user);
        SupannClaims.of(
                        user.getUsername(),
                        user.getFirstAttribute(EntAttributes.STUDENT_NUMBER),
                        standing.state().name(),
                        mapping.getConfig().get(SCOPE),
                        mapping.getConfig().get(ESTABLISHMENT),
                        affiliation(realm, standing, mapping))
                .forEach(token.getOtherClaims()::put);
        SupannAccountState supann = RealmLifecycle.supann(realm, user, standing);
        token.getOtherClaims().put(SupannAccountState.STATE_ATTRIBUTE, supann.state());
        token.getOtherClaims().put(SupannAccountState.DATED_ATTRIBUTE, supann.dated());
    }
}
