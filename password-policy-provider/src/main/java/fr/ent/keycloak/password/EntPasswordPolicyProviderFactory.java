package fr.ent.keycloak.password;

import fr.ent.keycloak.password.core.DictionaryLoader;
import fr.ent.keycloak.password.core.PasswordChecker;
import fr.ent.keycloak.password.core.PasswordDictionary;
import fr.ent.keycloak.password.core.PasswordRulesConfig;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PasswordPolicyProviderFactory;

/**
 * The ENT password rules, {@value #PROVIDER_ID} under Authentication → Policies → Password policy; its value is the
 * minimum length. It checks every rule at once (length, a letter and a digit, forbidden and control characters,
 * dictionary words, keyboard walks, personal data, context words) and lists every rule the password breaks. The other
 * {@code entPassword…} policies only tune it.
 *
 * <p>The dictionary is loaded once per server, when Keycloak starts: the lists shipped in the jar, every {@code .txt}
 * or {@code .txt.gz} file of the folder {@code conf/ent-password-dictionaries} of the Keycloak installation (or the
 * folder named by the SPI option {@code dictionary-folder}) and the files named by the SPI option
 * {@code dictionaries} (comma-separated). If a list cannot be read, the policy fails closed: every password is
 * refused with a message that says so, the policy's name in the admin console says it is unavailable, and the server
 * log names the cause. Realms still load and students still sign in: only setting a password is blocked.
 */
public final class EntPasswordPolicyProviderFactory implements PasswordPolicyProviderFactory {

    public static final String PROVIDER_ID = "entPassword";

    private static final Logger LOG = Logger.getLogger(EntPasswordPolicyProviderFactory.class);

    private Path dictionaryFolder;
    private List<Path> dictionaryFiles = List.of();
    private volatile PasswordChecker checker;
    private volatile String loadFailure;

    @Override
    public PasswordPolicyProvider create(KeycloakSession session) {
        return new EntPasswordPolicyProvider(session, this);
    }

    @Override
    public void init(Config.Scope config) {
        String home = System.getProperty("kc.home.dir", ".");
        dictionaryFolder = Path.of(config.get(
                "dictionary-folder",
                Path.of(home, "conf", "ent-password-dictionaries").toString()));
        String files = config.get("dictionaries", "");
        dictionaryFiles = Arrays.stream(files.split(","))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .map(Path::of)
                .toList();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        long start = System.nanoTime();
        try {
            DictionaryLoader loader = new DictionaryLoader().addBuiltIn().addFolder(dictionaryFolder);
            for (Path file : dictionaryFiles) {
                loader.addFile(file);
            }
            PasswordDictionary dictionary = loader.build();
            checker = new PasswordChecker(dictionary);
            loadFailure = null;
            LOG.infof(
                    "ENT password dictionary: %d entries from %d lists (%s) in %d ms",
                    dictionary.size(),
                    loader.sources().size(),
                    loader.sources().size() > DictionaryLoader.BUILT_IN.size() ? "with local lists" : "built-in lists",
                    (System.nanoTime() - start) / 1_000_000);
        } catch (Exception | OutOfMemoryError e) {
            checker = null;
            loadFailure = e.getMessage();
            LOG.errorf(
                    e,
                    "ENT password dictionary could not be loaded (%s): every password will be refused until it is"
                            + " fixed and Keycloak restarted. Folder: %s, files: %s",
                    e.getMessage(),
                    dictionaryFolder,
                    dictionaryFiles);
        }
    }

    /** The checker, or null when the dictionary could not be loaded (fail closed). */
    PasswordChecker checker() {
        return checker;
    }

    String loadFailure() {
        return loadFailure;
    }

    @Override
    public void close() {}

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayName() {
        return checker == null
                ? "ENT password rules (minimum length) - UNAVAILABLE: the dictionary could not be loaded, see the"
                        + " server log; every password is refused"
                : "ENT password rules (minimum length)";
    }

    @Override
    public String getConfigType() {
        return PasswordPolicyProvider.INT_CONFIG_TYPE;
    }

    @Override
    public String getDefaultConfigValue() {
        return Integer.toString(PasswordRulesConfig.DEFAULT_MIN_LENGTH);
    }

    @Override
    public boolean isMultiplSupported() {
        return false;
    }

    /**
     * Parses the minimum length. Never fails because of the dictionary: Keycloak parses the policy whenever it loads a
     * realm, and a realm that cannot load would lock every student out.
     */
    Integer parseMinLength(String value) {
        return PolicySettings.parseInt(value, PasswordRulesConfig.DEFAULT_MIN_LENGTH, 1, 64, "minimum length");
    }
}
