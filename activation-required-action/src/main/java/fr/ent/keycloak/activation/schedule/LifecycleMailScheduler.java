package fr.ent.keycloak.activation.schedule;

import fr.ent.keycloak.common.MillisClock;
import fr.ent.keycloak.support.ConsoleSettings;
import org.keycloak.Config;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * Schedules {@link LifecycleMailTask} when the server starts, every
 * {@code --spi-required-action--ent-activation-start--mail-interval-seconds} seconds (environment variable
 * {@code KC_SPI_REQUIRED_ACTION__ENT_ACTIVATION_START__MAIL_INTERVAL_SECONDS}); 30 by default, so that a student is
 * mailed within a minute of becoming activatable.
 */
public final class LifecycleMailScheduler {

    public static final int DEFAULT_INTERVAL_SECONDS = 30;

    private LifecycleMailScheduler() {}

    public static int interval(Config.Scope config) {
        Integer seconds = config == null ? null : config.getInt("mail-interval-seconds", DEFAULT_INTERVAL_SECONDS);
        return seconds == null || seconds < 1 ? DEFAULT_INTERVAL_SECONDS : seconds;
    }

    /** Schedules the task once Keycloak has started (the timer needs a running server). */
    public static void scheduleWhenReady(KeycloakSessionFactory factory, int intervalSeconds) {
        factory.register((ProviderEvent event) -> {
            if (event instanceof org.keycloak.models.utils.PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(
                        factory,
                        session -> session.realms().getRealmsStream().forEach(ConsoleSettings::reportRealmAttributes));
                long interval = intervalSeconds * 1000L;
                KeycloakModelUtils.runJobInTransaction(
                        factory,
                        session -> session.getProvider(TimerProvider.class)
                                .schedule(
                                        new ClusterAwareScheduledTaskRunner(
                                                factory,
                                                new LifecycleMailTask(new MillisClock(Time::currentTimeMillis)),
                                                interval),
                                        interval));
            }
        });
    }
}
