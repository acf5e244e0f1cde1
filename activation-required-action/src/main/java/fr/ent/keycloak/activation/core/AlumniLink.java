package fr.ent.keycloak.activation.core;

import fr.ent.keycloak.common.StudentLifecycle.AlumniOffer;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the link of the alumni choice (keep the account one more year, or let it close) does when a former student
 * opens it: the link names the end of access it is about, and works once, while that choice is open.
 */
public final class AlumniLink {

    /** What the page shows. */
    public enum Verdict {
        /** Not a link of this realm, tampered with, past its end, or its student is gone. */
        INVALID,
        /** The student already answered for this end (through this link or another one). */
        ANSWERED,
        /** The choice is no longer open: enrolled again, account closed or disabled, the realm stopped offering it. */
        CLOSED,
        /** The choice: yes or no. */
        OPEN
    }

    private AlumniLink() {}

    /**
     * @param genuine whether the link is one the realm signed, still within its lifespan, for an existing student
     * @param about the last day of access the link is about
     * @param answeredFor the last day of access the student's latest answer was about, if any
     * @param offer the choice the lifecycle leaves open now, if any
     */
    public static Verdict verdict(
            boolean genuine, LocalDate about, Optional<LocalDate> answeredFor, Optional<AlumniOffer> offer) {
        if (!genuine || about == null) {
            return Verdict.INVALID;
        }
        if (answeredFor.filter(about::equals).isPresent()) {
            return Verdict.ANSWERED;
        }
        if (offer.isEmpty() || !offer.get().lastDay().equals(about)) {
            return Verdict.CLOSED;
        }
        return Verdict.OPEN;
    }
}
