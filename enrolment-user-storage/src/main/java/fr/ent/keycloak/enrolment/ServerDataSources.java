package fr.ent.keycloak.enrolment;

import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The datasources an administrator configured on the server with Keycloak's options for additional datasources
 * ({@code --db-kind-<name>}, {@code --db-url-full-<name>}, {@code --db-username-<name>}, {@code --db-password-<name>},
 * {@code --db-pool-max-size-<name>}...). Quarkus creates and pools them; they are looked up by name through its
 * Agroal extension, by reflection so that this provider is not compiled against the Quarkus version of one
 * distribution. Keycloak's own database ({@code <default>}) is never offered.
 */
final class ServerDataSources {

    private static final String UTIL = "io.quarkus.agroal.runtime.AgroalDataSourceUtil";

    /** A datasource's kind in the server's configuration: Keycloak's option, or Quarkus' own property. */
    private static final Pattern DB_KIND =
            Pattern.compile("kc\\.db-kind-(.+)|quarkus\\.datasource\\.\"?([^\".]+)\"?\\.db-kind");

    /** Quarkus' lookup by name, found once (each read of the source asks for its datasource); null elsewhere. */
    private static final Method LOOKUP = lookup();

    private ServerDataSources() {}

    /** The active datasource of that name, or empty when the server has none (or is not a Quarkus server). */
    static Optional<DataSource> find(String name) {
        if (LOOKUP == null || name == null || name.isBlank() || name.startsWith("<")) {
            return Optional.empty();
        }
        try {
            Optional<?> found = (Optional<?>) LOOKUP.invoke(null, name);
            return found.filter(DataSource.class::isInstance).map(DataSource.class::cast);
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return Optional.empty();
        }
    }

    private static Method lookup() {
        try {
            return Class.forName(UTIL, true, loader()).getMethod("dataSourceIfActive", String.class);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notAQuarkusServer) {
            return null;
        }
    }

    /**
     * The names of the server's additional datasources, sorted, for an administrator's error message: read from the
     * server's configuration, keeping those that exist (Quarkus' own list of active datasources holds only its
     * default one).
     */
    static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try {
            Class<?> configType = Class.forName("org.eclipse.microprofile.config.Config", true, loader());
            Object config = Class.forName("org.eclipse.microprofile.config.ConfigProvider", true, loader())
                    .getMethod("getConfig")
                    .invoke(null);
            for (Object key :
                    (Iterable<?>) configType.getMethod("getPropertyNames").invoke(config)) {
                Matcher matcher = DB_KIND.matcher(String.valueOf(key));
                if (matcher.matches()) {
                    String name = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                    if (find(name).isPresent()) {
                        names.add(name);
                    }
                }
            }
        } catch (ReflectiveOperationException | LinkageError | RuntimeException notThere) {
            // none to offer
        }
        return names;
    }

    /** Keycloak's class loader, which sees Quarkus and its configuration. */
    private static ClassLoader loader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : ServerDataSources.class.getClassLoader();
    }
}
