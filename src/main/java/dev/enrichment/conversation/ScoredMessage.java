package dev.enrichment.conversation;

/**
 * A message found by a vector search.
 *
 * @param score the cosine similarity of the query and the message's text vector, -1 to 1
 */
public record ScoredMessage(Message message, float score) {}
