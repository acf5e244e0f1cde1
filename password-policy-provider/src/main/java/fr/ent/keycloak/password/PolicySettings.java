package fr.ent.keycloak.password;

import fr.ent.keycloak.common.EntAttributes;
import fr.ent.keycloak.common.InvalidSettingException;
import fr.ent.keycloak.common.Settings;
import fr.ent.keycloak.password.core.PasswordRulesConfig;
import fr.ent.keycloak.password.core.PersonalData;
import java.util.ArrayList;
import java.util.List;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;

/** Reads the ENT rules' settings from a realm's password policy, and the personal data from a user. */
final class PolicySettings {

    private PolicySettings() {}

    /** The realm's settings: each {@code entPassword…} policy present overrides its default. */
    static PasswordRulesConfig of(RealmModel realm) {
        PasswordPolicy policy = realm.getPasswordPolicy();
        PasswordRulesConfig config = PasswordRulesConfig.DEFAULTS;
        if (policy == null) {
            return config;
        }
        Integer min = policy.getPolicyConfig(EntPasswordPolicyProviderFactory.PROVIDER_ID);
        if (min != null) {
            config = config.withMinLength(min);
        }
        Integer recommended = policy.getPolicyConfig(SettingPolicyFactories.RecommendedLength.ID);
        if (recommended != null) {
            config = config.withRecommendedLength(recommended);
        }
        Integer max = policy.getPolicyConfig(SettingPolicyFactories.MaxLength.ID);
        if (max != null) {
            config = config.withMaxLength(Math.max(max, config.minLength()));
        }
        String forbidden = policy.getPolicyConfig(SettingPolicyFactories.ForbiddenCharacters.ID);
        if (forbidden != null) {
            config = config.withForbiddenCharacters(forbidden);
        }
        Integer coverage = policy.getPolicyConfig(SettingPolicyFactories.DictionaryCoverage.ID);
        if (coverage != null) {
            config = config.withCoveragePercent(coverage);
        }
        List<String> words = policy.getPolicyConfig(SettingPolicyFactories.ContextWords.ID);
        if (words != null) {
            config = config.withContextWords(words);
        }
        return config;
    }

    static PersonalData personalData(UserModel user) {
        if (user == null) {
            return PersonalData.NONE;
        }
        List<String> emails = new ArrayList<>();
        emails.add(user.getEmail());
        emails.add(user.getFirstAttribute(EntAttributes.PERSONAL_EMAIL));
        return new PersonalData(
                user.getUsername(),
                user.getFirstName(),
                user.getLastName(),
                user.getFirstAttribute(EntAttributes.STUDENT_NUMBER),
                user.getFirstAttribute(EntAttributes.DATE_OF_BIRTH),
                emails);
    }

    /** A whole-number policy value (the one reader of the pack, {@link Settings}), refused with the policy's message. */
    static int parseInt(String value, int defaultValue, int min, int max, String what) {
        try {
            return Settings.wholeNumber(what, value, defaultValue, min, max);
        } catch (InvalidSettingException e) {
            try {
                int parsed = Integer.parseInt(value.trim());
                throw new PasswordPolicyConfigException(
                        "The " + what + " must be between " + min + " and " + max + ", not " + parsed);
            } catch (NumberFormatException notANumber) {
                throw new PasswordPolicyConfigException(
                        "The " + what + " must be a whole number, not \"" + value + "\"");
            }
        }
    }
}
