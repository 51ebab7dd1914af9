package dev.enrichment.recap;

import dev.enrichment.SqlRow;
import dev.enrichment.fact.LearnedFact;
import dev.enrichment.llm.ChatMessage;
import dev.enrichment.llm.ChatRequest;
import dev.enrichment.llm.LlmClient;
import dev.enrichment.llm.LlmException;
import dev.enrichment.summary.SummaryView;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The recap's answer paragraph: written by the LLM once per distinct set of sources and kept in the database, or
 * extracted from the summaries when there is no LLM, no summary, or the call fails.
 */
@ApplicationScoped
class RecapAnswers {

    private static final int MAX_TOKENS = 300;

    private final LlmClient llm;
    private final RecapConfig config;
    private final EntityManager em;
    private final Clock clock;

    RecapAnswers(LlmClient llm, RecapConfig config, EntityManager em, Clock clock) {
        this.llm = llm;
        this.config = config;
        this.em = em;
        this.clock = clock;
    }

    /** The answer stored for exactly these sources, if any; runs in the caller's (read) transaction. */
    Optional<RecapAnswer> cached(RecapInputs inputs) {
        if (!usesLlm(inputs)) {
            return Optional.empty();
        }
        return SqlRow.first(SqlRow.query(em, "SELECT answer FROM enrichment_recap_answers WHERE cache_key = :key")
                        .setParameter("key", key(inputs)))
                .map(row -> new RecapAnswer(row.text("answer"), RecapAnswer.Source.LLM));
    }

    /** A new answer; call outside any transaction, since it may wait for the LLM. */
    RecapAnswer write(RecapInputs inputs) {
        AnswerVoice voice = config.answerVoice();
        if (!usesLlm(inputs)) {
            return new RecapAnswer(ExtractiveAnswer.write(inputs, voice), RecapAnswer.Source.EXTRACTIVE);
        }
        try {
            String answer = llm.complete(ChatRequest.of(
                                    ChatMessage.system(RecapPrompts.system(voice)),
                                    ChatMessage.user(RecapPrompts.sources(inputs)))
                            .withTemperature(0.2)
                            .withMaxTokens(MAX_TOKENS))
                    .content()
                    .strip();
            if (answer.isEmpty()) {
                throw new IllegalStateException("the LLM wrote an empty answer");
            }
            store(inputs, answer);
            return new RecapAnswer(answer, RecapAnswer.Source.LLM);
        } catch (LlmException | IllegalStateException e) {
            Log.warnf(
                    "Recap: no LLM answer for bot %s (%s); answering from the summaries' own sentences",
                    inputs.bot(), e instanceof LlmException l ? l.kind() : e.getMessage());
            return new RecapAnswer(ExtractiveAnswer.write(inputs, voice), RecapAnswer.Source.EXTRACTIVE);
        }
    }

    private boolean usesLlm(RecapInputs inputs) {
        return config.answerLlm() && llm.isConfigured() && !inputs.summaries().isEmpty();
    }

    private void store(RecapInputs inputs, String answer) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    DELETE FROM enrichment_recap_answers
                     WHERE bot_name = :bot AND user_id = :user AND range_from = :from AND range_to = :to""")
                    .setParameter("bot", inputs.bot())
                    .setParameter("user", inputs.userId())
                    .setParameter("from", inputs.from())
                    .setParameter("to", inputs.to())
                    .executeUpdate();
            em.createNativeQuery("""
                    INSERT INTO enrichment_recap_answers
                           (cache_key, bot_name, user_id, range_from, range_to, answer, model, created_at)
                    VALUES (:key, :bot, :user, :from, :to, :answer, :model, :now)
                    ON CONFLICT (cache_key) DO NOTHING""")
                    .setParameter("key", key(inputs))
                    .setParameter("bot", inputs.bot())
                    .setParameter("user", inputs.userId())
                    .setParameter("from", inputs.from())
                    .setParameter("to", inputs.to())
                    .setParameter("answer", answer)
                    .setParameter("model", llm.defaultModel())
                    .setParameter("now", clock.instant())
                    .executeUpdate();
        });
    }

    /** Changes whenever a summary or fact of the range is rewritten, the voice or the model changes. */
    private String key(RecapInputs inputs) {
        StringBuilder sources = new StringBuilder()
                .append(inputs.bot())
                .append('\n')
                .append(inputs.userId())
                .append('\n')
                .append(inputs.from())
                .append('\n')
                .append(inputs.to())
                .append('\n')
                .append(config.answerVoice())
                .append('\n')
                .append(llm.defaultModel())
                .append('\n')
                .append(inputs.zone().getId())
                .append('\n');
        for (SummaryView summary : inputs.summaries()) {
            sources.append("s ")
                    .append(summary.id())
                    .append(' ')
                    .append(summary.updatedAt())
                    .append('\n');
        }
        for (LearnedFact fact : inputs.facts()) {
            sources.append("f ")
                    .append(fact.id())
                    .append(' ')
                    .append(fact.confidence())
                    .append('\n');
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(sources.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
