package fr.ent.keycloak.it.support;

import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
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
 * {@link EnrolmentDatabase} and {@link WebDriver} (a new headless Chromium per test, quit after it).
 */
public final class EntServerExtension
        implements ExecutionCondition, BeforeEachCallback, AfterEachCallback, ParameterResolver, TestWatcher {

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

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getParent()
                .orElse(context)
                .getStore(NAMESPACE)
                .put(logKey(context), environment(context).keycloak.logPosition());
    }

    /** A test that moved the server's clock gets it back to the real time, whatever its outcome. */
    @Override
    public void afterEach(ExtensionContext context) {
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
        EntEnvironment environment = environment(context);
        Class<?> type = parameter.getParameter().getType();
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
        WebDriver driver = Browser.open();
        context.getStore(NAMESPACE).put(new Object(), (AutoCloseable) driver::quit);
        return driver;
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
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
