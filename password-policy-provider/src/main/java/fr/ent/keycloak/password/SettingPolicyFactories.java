package fr.ent.keycloak.password;

import fr.ent.keycloak.password.core.Canonical;
import fr.ent.keycloak.password.core.PasswordRulesConfig;
import fr.ent.keycloak.support.StatelessFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.policy.PasswordPolicyConfigException;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;
import org.keycloak.policy.PolicyError;

/**
 * The policies that tune the ENT rules checked by {@code entPassword}; each one alone checks nothing. Their values are
 * parsed and validated once, when the admin saves the realm's password policy.
 */
public final class SettingPolicyFactories {

    private SettingPolicyFactories() {}

    /** The length advised to students (12); shorter passwords are accepted from the minimum on. */
    public static final class RecommendedLength extends SettingFactory {
        static final String ID = "entPasswordRecommendedLength";

        public RecommendedLength() {
            super(
                    ID,
                    "ENT password rules: recommended length",
                    PasswordPolicyProvider.INT_CONFIG_TYPE,
                    Integer.toString(PasswordRulesConfig.DEFAULT_RECOMMENDED_LENGTH),
                    value -> PolicySettings.parseInt(
                            value, PasswordRulesConfig.DEFAULT_RECOMMENDED_LENGTH, 1, 256, "recommended length"));
        }
    }

    /** The hard maximum, in characters (128; at least 64). */
    public static final class MaxLength extends SettingFactory {
        static final String ID = "entPasswordMaxLength";

        public MaxLength() {
            super(
                    ID,
                    "ENT password rules: maximum length",
                    PasswordPolicyProvider.INT_CONFIG_TYPE,
                    Integer.toString(PasswordRulesConfig.DEFAULT_MAX_LENGTH),
                    value -> PolicySettings.parseInt(
                            value,
                            PasswordRulesConfig.DEFAULT_MAX_LENGTH,
                            PasswordRulesConfig.LOWEST_MAX_LENGTH,
                            4096,
                            "maximum length"));
        }
    }

    /** The characters refused, written one after the other ({@code <>"'$}). */
    public static final class ForbiddenCharacters extends SettingFactory {
        static final String ID = "entPasswordForbiddenCharacters";

        public ForbiddenCharacters() {
            super(
                    ID,
                    "ENT password rules: forbidden characters",
                    PasswordPolicyProvider.STRING_CONFIG_TYPE,
                    PasswordRulesConfig.DEFAULT_FORBIDDEN_CHARACTERS,
                    value -> value == null ? PasswordRulesConfig.DEFAULT_FORBIDDEN_CHARACTERS : value.strip());
        }
    }

    /** The share of a password (in %) a dictionary word, walk or personal word must cover to refuse it (50). */
    public static final class DictionaryCoverage extends SettingFactory {
        static final String ID = "entPasswordDictionaryCoverage";

        public DictionaryCoverage() {
            super(
                    ID,
                    "ENT password rules: dictionary word coverage (%)",
                    PasswordPolicyProvider.INT_CONFIG_TYPE,
                    Integer.toString(PasswordRulesConfig.DEFAULT_COVERAGE_PERCENT),
                    value -> PolicySettings.parseInt(
                            value, PasswordRulesConfig.DEFAULT_COVERAGE_PERCENT, 1, 100, "dictionary coverage"));
        }
    }

    /** Words of the realm's context, comma-separated: university name, city, "ent"… */
    public static final class ContextWords extends SettingFactory {
        static final String ID = "entPasswordContextWords";

        public ContextWords() {
            super(
                    ID,
                    "ENT password rules: context words (comma-separated)",
                    PasswordPolicyProvider.STRING_CONFIG_TYPE,
                    "ent,universite",
                    ContextWords::parse);
        }

        static List<String> parse(String value) {
            if (value == null) {
                return List.of();
            }
            return Arrays.stream(value.split(","))
                    .map(String::strip)
                    .filter(word -> !word.isEmpty())
                    .map(Canonical::word)
                    .distinct()
                    .toList();
        }
    }

    /** A policy that only carries a parsed setting. */
    abstract static class SettingFactory extends StatelessFactory<PasswordPolicyProvider>
            implements PasswordPolicyProviderFactory, PasswordPolicyProvider {
        private final String displayName;
        private final String configType;
        private final String defaultValue;
        private final Function<String, Object> parser;

        SettingFactory(
                String id,
                String displayName,
                String configType,
                String defaultValue,
                Function<String, Object> parser) {
            super(id);
            this.displayName = displayName;
            this.configType = configType;
            this.defaultValue = defaultValue;
            this.parser = parser;
        }

        @Override
        public PasswordPolicyProvider create(KeycloakSession session) {
            return this;
        }

        @Override
        public PolicyError validate(RealmModel realm, UserModel user, String password) {
            return null;
        }

        @Override
        public PolicyError validate(String user, String password) {
            return null;
        }

        @Override
        public Object parseConfig(String value) {
            try {
                return parser.apply(value);
            } catch (PasswordPolicyConfigException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new PasswordPolicyConfigException(displayName + ": invalid value \"" + value + "\"");
            }
        }

        @Override
        public String getDisplayName() {
            return displayName;
        }

        @Override
        public String getConfigType() {
            return configType;
        }

        @Override
        public String getDefaultConfigValue() {
            return defaultValue;
        }

        @Override
        public boolean isMultiplSupported() {
            return false;
        }
    }
}
