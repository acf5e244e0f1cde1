package fr.ent.keycloak.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that runs servers of its own and runs alongside the others (put {@code @Execution(CONCURRENT)} and
 * {@code @ResourceLock(SERVERS_OF_THEIR_OWN)} on it too): the shared server is never touched by it, and the {@link EnrolmentDatabase} and {@link MailServer} it takes are
 * its own (a database created for the class on the same PostgreSQL, a GreenMail on free ports), so that a sync or a
 * purge of the other tests never meets its rows or its mails. The test JVM runs at most two classes at once: the
 * shared server's tests one after another, and these beside them, on a machine whose second core they leave idle
 * otherwise (docs/testing.md).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface RunsAlongside {

    /**
     * The lock such classes hold ({@code @ResourceLock}): one at a time beside the shared server's tests, since each
     * starts servers of its own and two cores do not start three Keycloaks at once any faster.
     */
    String SERVERS_OF_THEIR_OWN = "servers-of-their-own";
}
