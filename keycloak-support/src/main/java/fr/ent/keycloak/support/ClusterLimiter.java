package fr.ent.keycloak.support;

import org.keycloak.models.KeycloakSession;

/**
 * The cluster-wide counters of the pack (emails per student, "1ère connexion" limits, operators' actions), in
 * Keycloak's single-use object store, which every node of a cluster shares.
 */
public final class ClusterLimiter {

    private ClusterLimiter() {}

    public static SlotLimiter of(KeycloakSession session) {
        return new SlotLimiter(new SlotLimiter.SlotStore() {
            @Override
            public boolean putIfAbsent(String key, long lifespanSeconds) {
                return session.singleUseObjects().putIfAbsent(key, lifespanSeconds);
            }

            @Override
            public boolean contains(String key) {
                return session.singleUseObjects().contains(key);
            }

            @Override
            public void remove(String key) {
                session.singleUseObjects().remove(key);
            }
        });
    }
}
