package dev.enrichment.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.enrichment.security.AccessDeniedException.Reason;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeyCheckTest {

    private static final ApiKeyRing KEYS = ApiKeyRing.of(new ConfiguredKeys(List.of("admin"), List.of("bot")));
    private static final Optional<ApiRole> BOT = Optional.of(ApiRole.BOT);
    private static final Optional<ApiRole> ADMIN = Optional.of(ApiRole.ADMIN);

    private final ApiKeyCheck check = new ApiKeyCheck(KEYS, false);

    @Test
    void letsABotKeyReadAndAnAdminKeyDoEverything() {
        assertThat(check.authorize(BOT, Optional.of("bot"))).contains(ApiRole.BOT);
        assertThat(check.authorize(BOT, Optional.of("admin"))).contains(ApiRole.ADMIN);
        assertThat(check.authorize(ADMIN, Optional.of("admin"))).contains(ApiRole.ADMIN);
    }

    @Test
    void refusesAMissingKeyWith401() {
        assertThat(refusal(BOT, Optional.empty())).isEqualTo(Reason.MISSING_KEY);
        assertThat(new AccessDeniedException(Reason.MISSING_KEY).status()).isEqualTo(401);
    }

    @Test
    void refusesAnUnknownKeyWith401() {
        assertThat(refusal(BOT, Optional.of("guess"))).isEqualTo(Reason.INVALID_KEY);
        assertThat(new AccessDeniedException(Reason.INVALID_KEY).status()).isEqualTo(401);
    }

    @Test
    void refusesABotKeyOnAnAdminEndpointWith403() {
        assertThat(refusal(ADMIN, Optional.of("bot"))).isEqualTo(Reason.ROLE_MISSING);
        assertThat(new AccessDeniedException(Reason.ROLE_MISSING).status()).isEqualTo(403);
    }

    @Test
    void closesAnEndpointWithoutRuleToValidKeysButStillAsks401WithoutAKey() {
        assertThat(refusal(Optional.empty(), Optional.of("admin"))).isEqualTo(Reason.NO_ACCESS_RULE);
        assertThat(refusal(Optional.empty(), Optional.empty())).isEqualTo(Reason.MISSING_KEY);
    }

    @Test
    void letsEverythingThroughWhenDisabled() {
        ApiKeyCheck disabled = new ApiKeyCheck(ApiKeyRing.of(new ConfiguredKeys(List.of(), List.of())), true);

        assertThat(disabled.authorize(ADMIN, Optional.empty())).isEmpty();
        assertThat(disabled.authorize(Optional.empty(), Optional.of("anything")))
                .isEmpty();
    }

    @Test
    void neverPutsTheKeyIntoTheRefusal() {
        AccessDeniedException refused = catchThrowableOfType(
                AccessDeniedException.class, () -> check.authorize(BOT, Optional.of("secret-guess-42")));

        assertThat(refused.getMessage()).doesNotContain("secret-guess-42");
        assertThat(refused.getStackTrace()).isEmpty();
    }

    private Reason refusal(Optional<ApiRole> required, Optional<String> key) {
        return catchThrowableOfType(AccessDeniedException.class, () -> check.authorize(required, key))
                .reason();
    }
}
