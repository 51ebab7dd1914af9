package dev.enrichment.conversation;

import java.util.List;

/** The message marks of one scroll page, in the order of the read, and the points that cannot be enriched. */
public record MarkPage(List<MessageMark> marks, List<RejectedPoint> rejected, ReadStats stats) {}
