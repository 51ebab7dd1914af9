package dev.enrichment.llm;

import dev.enrichment.llm.LlmException.Kind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts calls, attempts, tokens and cost, both for {@link LlmClient#usage()} and as Micrometer meters:
 * {@code llm.requests{outcome}}, {@code llm.retries{reason}}, {@code llm.tokens{type}} and {@code llm.cost}.
 */
final class UsageLedger {

    private final LongAdder calls = new LongAdder();
    private final LongAdder succeeded = new LongAdder();
    private final LongAdder attempts = new LongAdder();
    private final LongAdder promptTokens = new LongAdder();
    private final LongAdder completionTokens = new LongAdder();
    private final LongAdder totalTokens = new LongAdder();
    private final DoubleAdder cost = new DoubleAdder();
    private final Map<Kind, LongAdder> failures = new EnumMap<>(Kind.class);

    private final Counter successMeter;
    private final Map<Kind, Counter> failureMeters = new EnumMap<>(Kind.class);
    private final Map<Kind, Counter> retryMeters = new EnumMap<>(Kind.class);
    private final Counter promptTokenMeter;
    private final Counter completionTokenMeter;
    private final Counter costMeter;

    UsageLedger(MeterRegistry registry) {
        successMeter = requests(registry, "success");
        for (Kind kind : Kind.values()) {
            failures.put(kind, new LongAdder());
            failureMeters.put(kind, requests(registry, tag(kind)));
            retryMeters.put(
                    kind,
                    Counter.builder("llm.retries")
                            .description("LLM attempts that failed and were tried again, by reason")
                            .tag("reason", tag(kind))
                            .register(registry));
        }
        promptTokenMeter = tokens(registry, "prompt");
        completionTokenMeter = tokens(registry, "completion");
        costMeter = Counter.builder("llm.cost")
                .description("What the LLM provider reported charging (OpenRouter credits)")
                .register(registry);
    }

    void called() {
        calls.increment();
    }

    void attempted() {
        attempts.increment();
    }

    void retried(Kind reason) {
        retryMeters.get(reason).increment();
    }

    void succeeded(ChatCompletion completion) {
        succeeded.increment();
        successMeter.increment();
        TokenUsage usage = completion.usage();
        promptTokens.add(usage.promptTokens());
        completionTokens.add(usage.completionTokens());
        totalTokens.add(usage.totalTokens());
        promptTokenMeter.increment(usage.promptTokens());
        completionTokenMeter.increment(usage.completionTokens());
        if (completion.cost() != null) {
            cost.add(completion.cost());
            costMeter.increment(completion.cost());
        }
    }

    void failed(Kind kind) {
        failures.get(kind).increment();
        failureMeters.get(kind).increment();
    }

    UsageTotals totals() {
        Map<Kind, Long> byKind = new EnumMap<>(Kind.class);
        long failed = 0;
        for (Map.Entry<Kind, LongAdder> entry : failures.entrySet()) {
            long count = entry.getValue().sum();
            failed += count;
            if (count > 0) {
                byKind.put(entry.getKey(), count);
            }
        }
        return new UsageTotals(
                calls.sum(),
                succeeded.sum(),
                failed,
                attempts.sum(),
                promptTokens.sum(),
                completionTokens.sum(),
                totalTokens.sum(),
                cost.sum(),
                byKind);
    }

    private static Counter requests(MeterRegistry registry, String outcome) {
        return Counter.builder("llm.requests")
                .description("LLM calls by final outcome, after retries")
                .tag("outcome", outcome)
                .register(registry);
    }

    private static Counter tokens(MeterRegistry registry, String type) {
        return Counter.builder("llm.tokens")
                .description("Tokens used by successful LLM calls")
                .tag("type", type)
                .register(registry);
    }

    private static String tag(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
