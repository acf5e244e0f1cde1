package fr.ent.keycloak.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class of {@link EntServerTest} that starts the real relying parties ({@link RelyingParties}): where
 * Apache httpd or its modules are missing, its tests are skipped with the banner before anything starts, never
 * reported as errors.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface NeedsRelyingParties {}
