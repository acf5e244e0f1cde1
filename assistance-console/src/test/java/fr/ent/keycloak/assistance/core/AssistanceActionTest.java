package fr.ent.keycloak.assistance.core;

import static org.assertj.core.api.Assertions.assertThat;

import fr.ent.keycloak.common.AccountState;
import fr.ent.keycloak.common.StudentLifecycle.Standing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssistanceActionTest {

    /** The refusal of each action (empty: allowed) for each standing: state, enabled, reachable. */
    @ParameterizedTest
    @CsvSource({
        // state,     enabled, reachable, new-link,                      issue-code,               reset-link
        "PENDING,     true,    true,      entAssistanceRefusedNewLink,   entAssistanceRefusedCode, entAssistanceRefusedResetLink",
        "ACTIVATABLE, true,    true,      '',                            '',                       entAssistanceRefusedResetLink",
        "ACTIVATABLE, true,    false,     entAssistanceRefusedNoAddress, '',                       entAssistanceRefusedResetLink",
        "ACTIVATABLE, false,   true,      entAssistanceRefusedNewLink,   entAssistanceRefusedCode, entAssistanceRefusedResetLink",
        "ACTIVE,      true,    true,      entAssistanceRefusedNewLink,   entAssistanceRefusedCode, ''",
        "ACTIVE,      true,    false,     entAssistanceRefusedNewLink,   entAssistanceRefusedCode, entAssistanceRefusedNoAddress",
        "ACTIVE,      false,   true,      entAssistanceRefusedNewLink,   entAssistanceRefusedCode, entAssistanceRefusedResetLink",
        "EXPIRED,     false,   true,      entAssistanceRefusedNewLink,   entAssistanceRefusedCode, entAssistanceRefusedResetLink",
    })
    void theLifecycleDecidesWhatTheConsoleOffers(
            AccountState state,
            boolean enabled,
            boolean reachable,
            String newLink,
            String issueCode,
            String resetLink) {
        Standing standing = new Standing(state, enabled, true, reachable, null, null);
        assertThat(AssistanceAction.NEW_LINK.refusal(standing).orElse("")).isEqualTo(newLink);
        assertThat(AssistanceAction.ISSUE_CODE.refusal(standing).orElse("")).isEqualTo(issueCode);
        assertThat(AssistanceAction.RESET_LINK.refusal(standing).orElse("")).isEqualTo(resetLink);
        assertThat(AssistanceAction.CLEAR_LIMITS.refusal(standing)).isEmpty();
        assertThat(AssistanceAction.SIGN_OUT.refusal(standing)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "new-link, NEW_LINK",
        "issue-code, ISSUE_CODE",
        "reset-link, RESET_LINK",
        "clear-limits, CLEAR_LIMITS",
        "sign-out, SIGN_OUT"
    })
    void slugsNameTheActions(String slug, AssistanceAction action) {
        assertThat(action.slug()).isEqualTo(slug);
        assertThat(AssistanceAction.fromSlug(slug)).contains(action);
    }

    @ParameterizedTest
    @CsvSource({"NEW_LINK", "new_link", "delete", "''", "new-link/"})
    void anythingElseNamesNoAction(String slug) {
        assertThat(AssistanceAction.fromSlug(slug)).isEmpty();
    }
}
