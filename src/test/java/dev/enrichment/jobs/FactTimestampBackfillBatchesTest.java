package dev.enrichment.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.jobs.FactTimestampBackfill.Candidate;
import dev.enrichment.jobs.FactTimestampBackfill.GroupBatch;
import dev.enrichment.jobs.FactTimestampBackfill.GroupKey;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FactTimestampBackfillBatchesTest {

    @Test
    void cutsTheGroupsInOrderAtEachBotAndAtTheUsersPerScan() {
        TreeMap<GroupKey, List<Candidate>> groups = new TreeMap<>();
        for (String key : List.of("elena/u1", "elena/u2", "elena/u3", "elena_7d/u1", "marcus/u1", "marcus/u2")) {
            String[] parts = key.split("/");
            groups.put(
                    new GroupKey(parts[0], parts[1]),
                    List.of(new Candidate(UUID.randomUUID(), parts[0], parts[1], Instant.EPOCH)));
        }

        List<GroupBatch> batches = FactTimestampBackfill.batches(groups, 2);

        assertThat(batches)
                .extracting(batch -> batch.bot() + ":"
                        + batch.groups().stream()
                                .map(group -> group.getKey().userId())
                                .toList())
                .containsExactly("elena:[u1, u2]", "elena:[u3]", "elena_7d:[u1]", "marcus:[u1, u2]");
    }
}
