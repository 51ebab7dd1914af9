package dev.enrichment.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PresentedKeyTest {

    @Test
    void readsABearerKeyWhateverTheSchemeCaseAndTrimsIt() {
        assertThat(PresentedKey.from("Bearer abc", null)).contains("abc");
        assertThat(PresentedKey.from("bearer abc", null)).contains("abc");
        assertThat(PresentedKey.from("  BEARER    abc  ", null)).contains("abc");
    }

    @Test
    void readsXApiKeyTrimmed() {
        assertThat(PresentedKey.from(null, "  abc ")).contains("abc");
    }

    @Test
    void prefersTheBearerKeyOverXApiKey() {
        assertThat(PresentedKey.from("Bearer from-bearer", "from-header")).contains("from-bearer");
    }

    @Test
    void ignoresOtherAuthorizationSchemes() {
        assertThat(PresentedKey.from("Basic dXNlcjpwYXNz", null)).isEmpty();
        assertThat(PresentedKey.from("Basic dXNlcjpwYXNz", "from-header")).contains("from-header");
        assertThat(PresentedKey.from("Bearerabc", null)).isEmpty();
    }

    @Test
    void findsNoKeyInBlankHeaders() {
        assertThat(PresentedKey.from(null, null)).isEmpty();
        assertThat(PresentedKey.from("Bearer    ", "  ")).isEmpty();
        assertThat(PresentedKey.from("", "")).isEmpty();
    }
}
