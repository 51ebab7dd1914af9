package dev.enrichment.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.enrichment.testsupport.LogCapture;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiKeysStartupCheckTest {

    record StubConfig(
            Optional<List<String>> adminKeys,
            Optional<List<String>> botKeys,
            boolean authDisabled,
            boolean authDisabledOnAllInterfaces)
            implements ApiKeysConfig {}

    private static final String STRONG_ADMIN = "a3f1c9e07b5d4e2f8a6c1b0d9e7f5a3c";
    private static final String STRONG_BOT = "0d9e7f5a3ca3f1c9e07b5d4e2f8a6c1b";

    private final LogCapture log = LogCapture.of("dev.enrichment.security");

    @AfterEach
    void stopCapturing() {
        log.close();
    }

    @Test
    void refusesToStartWithoutAnyKeyAndNamesTheVariables() {
        Throwable failure = catchThrowable(() -> check(Optional.empty(), Optional.empty(), false));

        assertThat(failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("API_ADMIN_KEYS")
                .hasMessageContaining("API_BOT_KEYS")
                .hasMessageContaining("API_AUTH_DISABLED=true");
    }

    @Test
    void countsBlankEntriesAsNoKey() {
        Throwable failure =
                catchThrowable(() -> check(Optional.of(List.of(" ", "")), Optional.of(List.of("  ")), false));

        assertThat(failure).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startsWithOnlyBotKeysOrOnlyAdminKeys() {
        assertThatCode(() -> check(Optional.empty(), Optional.of(List.of(STRONG_BOT)), false))
                .doesNotThrowAnyException();
        assertThatCode(() -> check(Optional.of(List.of(STRONG_ADMIN)), Optional.empty(), false))
                .doesNotThrowAnyException();
        assertThat(warnings()).isEmpty();
    }

    @Test
    void startsWithoutKeysWhenAuthIsDisabledAndWarns() {
        assertThatCode(() -> check(Optional.empty(), Optional.empty(), true)).doesNotThrowAnyException();

        assertThat(warnings()).singleElement().asString().contains("API_AUTH_DISABLED=true");
    }

    @Test
    void refusesToServeWithoutKeysBeyondLoopbackUnlessConfirmed() {
        StubConfig disabled = new StubConfig(Optional.empty(), Optional.empty(), true, false);
        Throwable failure = catchThrowable(() -> new ApiKeysStartupCheck(disabled, "0.0.0.0").check());

        assertThat(failure)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("0.0.0.0")
                .hasMessageContaining("API_AUTH_DISABLED_ON_ALL_INTERFACES=true");
        StubConfig confirmed = new StubConfig(Optional.empty(), Optional.empty(), true, true);
        assertThatCode(() -> new ApiKeysStartupCheck(confirmed, "0.0.0.0").check())
                .doesNotThrowAnyException();
        assertThatCode(() -> new ApiKeysStartupCheck(disabled, "localhost").check())
                .doesNotThrowAnyException();
    }

    @Test
    void warnsAboutShortKeysWithoutNamingThem() {
        check(Optional.of(List.of("short-admin")), Optional.of(List.of(STRONG_BOT)), false);

        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("1 API key(s)")
                .contains("shorter than 16")
                .doesNotContain("short-admin");
    }

    @Test
    void warnsAboutAKeyInBothListsWithoutNamingIt() {
        check(Optional.of(List.of(STRONG_ADMIN)), Optional.of(List.of(STRONG_ADMIN, STRONG_BOT)), false);

        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("both API_ADMIN_KEYS and API_BOT_KEYS")
                .doesNotContain(STRONG_ADMIN);
    }

    private static void check(Optional<List<String>> admin, Optional<List<String>> bot, boolean disabled) {
        new ApiKeysStartupCheck(new StubConfig(admin, bot, disabled, false), "127.0.0.1").check();
    }

    private List<String> warnings() {
        return log.entries().stream()
                .filter(entry -> entry.level().intValue() >= Level.WARNING.intValue())
                .map(LogCapture.Entry::message)
                .toList();
    }
}
