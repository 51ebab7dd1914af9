package dev.enrichment.jobs;

import dev.enrichment.conversation.BotCollection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the backfill found for one (bot, user) group, kept until its checkpoint: the tally counts it only when its
 * writes commit, so a checkpoint that fails or never comes leaves the saved counts as they were.
 *
 * @param planned fact to the timestamp it gets
 * @param readError why the group's messages could not be read (none of its facts is decided); null when they were
 * @param writeError why the group's planned facts could not be written; null when they were (or are still to be)
 */
record BackfillGroupOutcome(
        FactTimestampBackfill.GroupKey key,
        String canonicalBot,
        List<BotCollection> collections,
        int facts,
        Map<UUID, Instant> planned,
        String readError,
        String writeError) {

    static BackfillGroupOutcome read(
            FactTimestampBackfill.GroupKey key,
            String canonicalBot,
            List<BotCollection> collections,
            int facts,
            Map<UUID, Instant> planned) {
        return new BackfillGroupOutcome(key, canonicalBot, collections, facts, planned, null, null);
    }

    static BackfillGroupOutcome unreadable(
            FactTimestampBackfill.GroupKey key,
            String canonicalBot,
            List<BotCollection> collections,
            int facts,
            String error) {
        return new BackfillGroupOutcome(key, canonicalBot, collections, facts, Map.of(), error, null);
    }

    /** The same group, its writes having failed: none of its planned facts is updated. */
    BackfillGroupOutcome writeFailed(String error) {
        return new BackfillGroupOutcome(key, canonicalBot, collections, facts, planned, readError, error);
    }

    void countInto(BackfillTally tally) {
        String bot = key.bot();
        tally.found(bot, canonicalBot, collections, facts);
        if (collections.isEmpty()) {
            tally.noCollection(bot, facts);
        } else if (readError != null) {
            tally.failed(bot, facts, key.userId() + ": " + readError);
        } else {
            tally.noMessages(bot, facts - planned.size());
            if (writeError == null) {
                tally.updated(bot, planned.size());
            } else {
                tally.failed(bot, planned.size(), key.userId() + ": " + writeError);
            }
        }
    }
}
