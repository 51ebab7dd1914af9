package dev.enrichment.summary;

/**
 * Why a summary is being replaced, and the provenance of the content it replaces (model, prompt version and
 * input hash of the analysis that wrote it; null when unknown, e.g. a row written by the old Python worker).
 */
public record RevisionNote(
        String reason, String previousModel, String previousPromptVersion, String previousInputHash) {}
