package fr.ent.keycloak.services;

import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import fr.ent.keycloak.services.core.SupannClaims;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.util.List;
import org.keycloak.dom.saml.v2.assertion.AttributeStatementType;
import org.keycloak.dom.saml.v2.assertion.AttributeType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperContainerModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.ProtocolMapperConfigException;
import org.keycloak.protocol.saml.mappers.AbstractSAMLProtocolMapper;
import org.keycloak.protocol.saml.mappers.AttributeStatementHelper;
import org.keycloak.protocol.saml.mappers.SAMLAttributeStatementMapper;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

/**
 * The SAML side of the {@code supann} scope ({@link SupannClaims#saml}): the university address as {@code mail}, the
 * names, eduPersonPrincipalName, the affiliations, supannEtuId, supannEtablissement and the account's SupAnn state
 * (where the lifecycle's owner says the student stands at that moment), each under its {@code urn:oid:}
 * name (name format {@code uri}, as RENATER's federation expects) with its friendly name. Never the personal address;
 * nothing for an account that is not a student. The same two settings as {@link SupannMapper}, checked when saved.
 */
public final class SupannSamlMapper extends AbstractSAMLProtocolMapper implements SAMLAttributeStatementMapper {

    public static final String ID = "ent-supann-saml";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayCategory() {
        return AttributeStatementHelper.ATTRIBUTE_STATEMENT_CATEGORY;
    }

    @Override
    public String getDisplayType() {
        return "ENT : attributs SupAnn (SAML) / SupAnn attributes";
    }

    @Override
    public String getHelpText() {
        return "Étudiants : mail (adresse universitaire), givenName, sn, displayName, eduPersonPrincipalName,"
                + " eduPersonAffiliation, eduPersonPrimaryAffiliation, supannEtuId, supannEtablissement,"
                + " supannRessourceEtat, supannRessourceEtatDate, sous leurs noms"
                + " urn:oid. Students: the same values under their urn:oid names.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return SupannMapper.SETTINGS;
    }

    @Override
    public void validateConfig(
            KeycloakSession session, RealmModel realm, ProtocolMapperContainerModel client, ProtocolMapperModel model)
            throws ProtocolMapperConfigException {
        SupannMapper.check(model);
    }

    @Override
    public void transformAttributeStatement(
            AttributeStatementType statement,
            ProtocolMapperModel mapping,
            KeycloakSession session,
            UserSessionModel userSession,
            AuthenticatedClientSessionModel clientSession) {
        UserModel user = userSession.getUser();
        if (!Students.isStudent(user)) {
            return;
        }
        RealmModel realm = userSession.getRealm();
        Standing standing = RealmLifecycle.standing(realm, user);
        for (SupannClaims.SamlAttribute attribute : SupannClaims.saml(
                user.getFirstAttribute(EntAttributes.UNIVERSITY_MAIL),
                user.getFirstName(),
                user.getLastName(),
                user.getUsername(),
                user.getFirstAttribute(EntAttributes.STUDENT_NUMBER),
                mapping.getConfig().get(SupannMapper.SCOPE),
                mapping.getConfig().get(SupannMapper.ESTABLISHMENT),
                SupannMapper.affiliation(realm, standing, mapping),
                RealmLifecycle.supann(realm, user, standing))) {
            AttributeType saml = new AttributeType(attribute.name());
            saml.setFriendlyName(attribute.friendlyName());
            saml.setNameFormat(JBossSAMLURIConstants.ATTRIBUTE_FORMAT_URI.get());
            attribute.values().forEach(saml::addAttributeValue);
            statement.addAttribute(new AttributeStatementType.ASTChoiceType(saml));
        }
    }
}
