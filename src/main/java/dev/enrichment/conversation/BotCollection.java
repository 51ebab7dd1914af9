package dev.enrichment.conversation;

/** A Qdrant collection holding one bot's conversations, and that bot's name. */
public record BotCollection(String collectionName, String botName) {}
