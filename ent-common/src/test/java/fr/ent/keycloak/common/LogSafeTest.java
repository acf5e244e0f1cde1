package fr.ent.keycloak.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void namesTheKindsNeverTheMessages() {
        Exception smtp = new IllegalStateException(
                "Failed to send email",
                new IOException("550 5.1.1 <lea.martin@example.org>: Recipient address rejected"));
        assertThat(LogSafe.describe(smtp))
                .isEqualTo("IllegalStateException caused by IOException")
                .doesNotContain("lea.martin", "@");
        assertThat(LogSafe.describe(new SQLException("Key (email)=(zoe@example.org) already exists")))
                .isEqualTo("SQLException");
        assertThat(LogSafe.describe(null)).isEqualTo("unknown failure");
    }
}
