package dev.enrichment.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BotNamesTest {

    private final BotNames names = new BotNames(List.of("whisperengine_memory_", "chat_memories_"));

    @Test
    void stripsPrefixAndLegacySevenDaySuffix() {
        assertThat(names.botNameOf("whisperengine_memory_elena_7d")).contains("elena");
        assertThat(names.botNameOf("whisperengine_memory_dotty")).contains("dotty");
    }

    @Test
    void stripsTheChatMemoriesPrefixToo() {
        assertThat(names.botNameOf("chat_memories_marcus")).contains("marcus");
    }

    @Test
    void keepsSevenDayInsideTheName() {
        assertThat(names.botNameOf("whisperengine_memory_a_7d_b")).contains("a_7d_b");
    }

    @Test
    void ignoresCollectionsWithoutAPrefixOrWithoutABotName() {
        assertThat(names.botNameOf("whisperengine_memory")).isEmpty();
        assertThat(names.botNameOf("whisperengine_memory_")).isEmpty();
        assertThat(names.botNameOf("whisperengine_memory__7d")).isEmpty();
        assertThat(names.botNameOf("other_collection")).isEmpty();
    }

    @Test
    void prefersTheLongestMatchingPrefix() {
        BotNames nested = new BotNames(List.of("memory_", "memory_bot_"));
        assertThat(nested.botNameOf("memory_bot_jake")).contains("jake");
    }

    @Test
    void neverClaimsAnExcludedCollectionWhateverThePrefix() {
        BotNames broad = new BotNames(List.of("enrichment_"), java.util.Set.of("enrichment_summaries"));
        assertThat(broad.botNameOf("enrichment_summaries")).isEmpty();
        assertThat(broad.botNameOf("enrichment_elena")).contains("elena");
    }
}
