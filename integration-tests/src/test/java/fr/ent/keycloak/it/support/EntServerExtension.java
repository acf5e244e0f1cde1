package fr.ent.keycloak.it.support;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;
import org.keycloak.admin.client.Keycloak;
import org.openqa.selenium.WebDriver;

/**
 * Starts the {@link EntEnvironment} once per test JVM (the first test that runs starts it; it stops when the run
 * ends), injects its parts into test methods and constructors, and prints what the server logged during a
 * test that failed.
 *
 * <p>Parameters it resolves: {@link KeycloakServer}, {@link Keycloak} (admin client), {@link MailServer},
 * {@link EnrolmentDatabase} and {@link WebDriver} (a headless Chromium per test class, handed to each test without
 * cookies, on a blank page, at 1280×900, and quit after the class).
 */
public final class EntServerExtension
        implements ExecutionCondition,
                BeforeAllCallback,
                BeforeEachCallback,
                AfterEachCallback,
                ParameterResolver,
                TestWatcher {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EntServerExtension.class);
    private static final Set<Class<?>> RESOLVED =
            Set.of(KeycloakServer.class, Keycloak.class, MailServer.class, EnrolmentDatabase.class, WebDriver.class);

    /**
     * A test that takes a browser where Chromium or its driver is missing, or of a class that needs the real relying
     * parties where Apache httpd or its modules are missing, is skipped with the banner, before anything starts (the
     * environment starts with the first test that runs): reported as skipped, never as an error.
     */
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // decided for each test (not for the class), so that each one is reported skipped with the banner
        boolean needsRelyingParties = context.getTestMethod().isPresent()
                && context.getRequiredTestClass().isAnnotationPresent(NeedsRelyingParties.class);
        if (needsRelyingParties) {
            java.util.Optional<String> missing = RelyingParties.missing();
            if (missing.isPresent()) {
                System.err.println(missing.get());
                return ConditionEvaluationResult.disabled(missing.get());
            }
        }
        boolean needsBrowser = context.getTestMethod()
                .map(method -> Arrays.stream(method.getParameterTypes()).anyMatch(WebDriver.class::equals))
                .orElse(false);
        if (needsBrowser) {
            java.util.Optional<String> missing = Browser.missing();
            if (missing.isPresent()) {
                System.err.println(missing.get());
                return ConditionEvaluationResult.disabled(missing.get());
            }
        }
        return ConditionEvaluationResult.enabled("");
    }

    /**
     * A class that runs alongside the others starts its servers once the shared one is up: two Keycloaks starting at
     * once on two cores each took twice as long, and the shared server's tests, which set the pace of the run, waited.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (alongside(context)) {
            environment(context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (alongside(context)) {
            return;
        }
        context.getParent()
                .orElse(context)
                .getStore(NAMESPACE)
                .put(logKey(context), environment(context).keycloak.logPosition());
    }

    /** A test that moved the server's clock gets it back to the real time, whatever its outcome. */
    @Override
    public void afterEach(ExtensionContext context) {
        if (alongside(context)) {
            return;
        }
        KeycloakServer keycloak = environment(context).keycloak;
        if (!keycloak.clockOffset().isZero()) {
            keycloak.setClockOffset(java.time.Duration.ZERO);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return RESOLVED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (alongside(context) && type != WebDriver.class) {
            return ownResources(context).resolve(type);
        }
        EntEnvironment environment = environment(context);
        if (type == KeycloakServer.class) {
            return environment.keycloak;
        }
        if (type == Keycloak.class) {
            return environment.keycloak.admin();
        }
        if (type == MailServer.class) {
            return environment.mail;
        }
        if (type == EnrolmentDatabase.class) {
            return environment.enrolmentDatabase;
        }
        // one Chromium per test class (starting one takes a second or two), handed to each test as new: no cookie,
        // a blank page, the default size
        ExtensionContext owner =
                context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        // a test that takes two browsers (a student and an operator) gets two: the n-th of each test is the same one
        long ordinal = Arrays.stream(parameter.getDeclaringExecutable().getParameterTypes())
                .limit(parameter.getIndex())
                .filter(WebDriver.class::equals)
                .count();
        ClassBrowser browser = owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        "browser-" + ordinal, key -> new ClassBrowser(Browser.open()), ClassBrowser.class);
        browser.reset();
        return browser.driver;
    }

    /** The browser of a test class, quit when the class ends. */
    private static final class ClassBrowser implements AutoCloseable {
        private final WebDriver driver;
        private boolean used;

        ClassBrowser(WebDriver driver) {
            this.driver = driver;
        }

        /** As a new browser: every cookie of every site gone, a blank page, 1280×900. */
        void reset() {
            if (used) {
                driver.get("about:blank");
                ((org.openqa.selenium.chromium.HasCdp) driver)
                        .executeCdpCommand("Network.clearBrowserCookies", java.util.Map.of());
                ((org.openqa.selenium.chromium.HasCdp) driver)
                        .executeCdpCommand(
                                "Storage.clearDataForOrigin", java.util.Map.of("origin", "*", "storageTypes", "all"));
                driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            }
            used = true;
        }

        @Override
        public void close() {
            driver.quit();
        }
    }

    /** Whether the test's class runs alongside the others, with servers, a database and a mail server of its own. */
    private static boolean alongside(ExtensionContext context) {
        return context.getRequiredTestClass().isAnnotationPresent(RunsAlongside.class);
    }

    /** The enrolment database and the mail server of a class that runs alongside, closed when the class ends. */
    private static OwnResources ownResources(ExtensionContext context) {
        ExtensionContext owner =
                context.getTestMethod().isPresent() ? context.getParent().orElse(context) : context;
        return owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(OwnResources.class, key -> OwnResources.start(), OwnResources.class);
    }

    private record OwnResources(EnrolmentDatabase database, MailServer mail) implements AutoCloseable {
        static OwnResources start() {
            EnrolmentDatabase database = EnrolmentDatabase.start(ItSettings.enrolmentDdl());
            try {
                return new OwnResources(database, MailServer.start());
            } catch (RuntimeException e) {
                database.close();
                throw e;
            }
        }

        Object resolve(Class<?> type) {
            if (type == EnrolmentDatabase.class) {
                return database;
            }
            if (type == MailServer.class) {
                return mail;
            }
            throw new org.junit.jupiter.api.extension.ParameterResolutionException(
                    "a class that runs alongside the others has servers of its own, not the shared " + type.getName());
        }

        @Override
        public void close() {
            mail.close();
            database.close();
        }
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        if (alongside(context)) {
            return;
        }
        Long position = context.getParent().orElse(context).getStore(NAMESPACE).get(logKey(context), Long.class);
        EntEnvironment environment =
                context.getRoot().getStore(NAMESPACE).get(EntEnvironment.class, EntEnvironment.class);
        if (position == null || environment == null) {
            return;
        }
        System.err.printf(
                "%n===== Keycloak server log during %s (whole log: %s) =====%n%s%n===== end of server log =====%n",
                context.getDisplayName(), environment.keycloak.log(), environment.keycloak.tail(position, 300));
        System.err.printf(
                "%n===== the server's task and pack threads =====%n%s===== end of threads =====%n",
                environment.keycloak.packThreads());
    }

    private static EntEnvironment environment(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(EntEnvironment.class, key -> EntEnvironment.start(), EntEnvironment.class);
    }

    private static String logKey(ExtensionContext context) {
        return "log-position:" + context.getUniqueId();
    }
}
