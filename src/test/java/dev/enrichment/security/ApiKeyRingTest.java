package dev.enrichment.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyRingTest {

    private final ApiKeyRing ring = ApiKeyRing.of(new ConfiguredKeys(
            List.of("admin-key-0123456789", "shared-key-0123456789"),
            List.of("bot-key-0123456789", "shared-key-0123456789")));

    @Test
    void findsTheRoleOfEachConfiguredKey() {
        assertThat(ring.roleOf("admin-key-0123456789")).contains(ApiRole.ADMIN);
        assertThat(ring.roleOf("bot-key-0123456789")).contains(ApiRole.BOT);
    }

    @Test
    void givesAKeyInBothListsTheAdminRole() {
        assertThat(ring.roleOf("shared-key-0123456789")).contains(ApiRole.ADMIN);
    }

    @Test
    void rejectsPrefixesExtensionsAndOtherCases() {
        assertThat(ring.roleOf("bot-key-012345678")).isEmpty();
        assertThat(ring.roleOf("bot-key-01234567890")).isEmpty();
        assertThat(ring.roleOf("BOT-KEY-0123456789")).isEmpty();
        assertThat(ring.roleOf("")).isEmpty();
    }

    @Test
    void knowsNoKeyWhenNoneIsConfigured() {
        ApiKeyRing empty = ApiKeyRing.of(new ConfiguredKeys(List.of(), List.of()));

        assertThat(empty.roleOf("")).isEmpty();
        assertThat(empty.roleOf("anything")).isEmpty();
    }

    @Test
    void comparesKeysOfAnyLengthIncludingNonAscii() {
        String longKey = "k".repeat(500) + "é";
        ApiKeyRing withLongKey = ApiKeyRing.of(new ConfiguredKeys(List.of(longKey), List.of()));

        assertThat(withLongKey.roleOf(longKey)).contains(ApiRole.ADMIN);
        assertThat(withLongKey.roleOf("k".repeat(500) + "e")).isEmpty();
    }
}
