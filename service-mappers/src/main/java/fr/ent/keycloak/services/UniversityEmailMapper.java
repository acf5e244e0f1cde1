package fr.ent.keycloak.services;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.support.RealmLifecycle;
import fr.ent.keycloak.support.Students;
import java.util.List;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.IDToken;

/**
 * The {@code email} and {@code email_verified} claims of a realm whose students have a university address: a student's
 * {@code email} is the university address ({@code mail}), verified once the account is {@code ACTIVE}; a student
 * without one gets no {@code email} claim at all, never the personal address (the account's Keycloak email, which the
 * pack's and Keycloak's mails need). Anyone else (an operator, a member of staff) gets the account's email, as
 * Keycloak's own mapper gives it. Put in place of Keycloak's mappers in the {@code email} client scope.
 */
public final class UniversityEmailMapper extends StudentTokenMapper {

    public static final String ID = "ent-university-email";

    public UniversityEmailMapper() {
        super(ID, List.of());
    }

    @Override
    public String getDisplayType() {
        return "ENT : adresse universitaire (email) / university address";
    }

    @Override
    public String getHelpText() {
        return "Étudiants : email = adresse universitaire (attribut mail), vérifiée une fois le compte actif ; jamais"
                + " l’adresse personnelle. Students: email = the university address, never the personal one.";
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
            token.setEmail(user.getEmail());
            token.setEmailVerified(user.getEmail() == null ? null : user.isEmailVerified());
            return;
        }
        String university = user.getFirstAttribute(EntAttributes.UNIVERSITY_MAIL);
        if (university == null || university.isBlank()) {
            return;
        }
        token.setEmail(university);
        // verified once the lifecycle's owner says the account is active (the student then reads that mailbox)
        token.setEmailVerified(
                RealmLifecycle.standing(userSession.getRealm(), user).state() == AccountState.ACTIVE);
    }
}
