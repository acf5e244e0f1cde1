package fr.ent.keycloak.enrolment.core;

/**
 * Refuses a sync that would disable too many students at once: a broken export (an empty view, a wrong filter) must
 * not lock a university out. The sync then changes nothing and reports why.
 */
public final class MassDisableGuard {

    /** Default largest share of the imported students a sync may disable: 10 %. */
    public static final int DEFAULT_MAX_PERCENT = 10;

    private MassDisableGuard() {}

    /**
     * @param imported students imported from this source and still enabled
     * @param toDisable students of those the sync would disable (vanished from the source)
     * @param maxPercent the largest share allowed, 0 to 100
     * @return whether the sync may go on
     */
    public static boolean allows(int imported, int toDisable, int maxPercent) {
        if (toDisable == 0) {
            return true;
        }
        if (imported <= 0) {
            return false;
        }
        return (long) toDisable * 100 <= (long) imported * maxPercent;
    }
}
