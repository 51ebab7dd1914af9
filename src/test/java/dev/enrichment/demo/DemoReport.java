package dev.enrichment.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Demo only: what the demo prints — the first cycle's figures, ready-to-paste API calls, a recap. */
final class DemoReport {

    private static final int SUMMARY_PREVIEW_CHARS = 240;

    private final PrintStream out;
    private final String baseUrl;
    private final String adminKey;
    private final String botKey;
    private final DemoDataSet data;

    DemoReport(PrintStream out, String baseUrl, String adminKey, String botKey, DemoDataSet data) {
        this.out = out;
        this.baseUrl = baseUrl;
        this.adminKey = adminKey;
        this.botKey = botKey;
        this.data = data;
    }

    /** What the database holds after the first cycle. */
    record Stored(int summaries, int placeholders, int facts, int usersWithPreferences) {

        static Stored read(Connection connection) throws SQLException {
            return new Stored(
                    count(
                            connection,
                            "SELECT count(*) FROM conversation_summaries WHERE key_topics IS DISTINCT FROM "
                                    + "'{general conversation}'"),
                    count(
                            connection,
                            "SELECT count(*) FROM conversation_summaries WHERE key_topics = "
                                    + "'{general conversation}'"),
                    count(
                            connection,
                            "SELECT count(*) FROM user_fact_relationships ufr JOIN fact_entities fe "
                                    + "ON fe.id = ufr.entity_id WHERE fe.entity_type <> '_processing_marker' "
                                    + "AND ufr.relationship_type NOT LIKE '\\_enrichment%'"),
                    count(
                            connection,
                            "SELECT count(*) FROM universal_users WHERE preferences IS NOT NULL "
                                    + "AND preferences <> '{}'::jsonb"));
        }

        private static int count(Connection connection, String sql) throws SQLException {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery(sql)) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    void cycle(JsonNode cycle, Stored stored, LegacyWhisperEngineState.Written legacy) {
        out.println();
        out.println("First enrichment cycle");
        row(
                "outcome",
                cycle.path("outcome").asText()
                        + (cycle.hasNonNull("error")
                                ? " (" + cycle.path("error").asText() + ")"
                                : ""));
        row("collections", cycle.path("collections").asText());
        row("messages discovered", cycle.path("new_messages").asText());
        row(
                "windows analysed",
                cycle.path("analysed").asText() + " (skipped, under the minimum: "
                        + cycle.path("skipped").asText() + ", failed: "
                        + cycle.path("failed").asText() + ")");
        row(
                "summaries stored",
                stored.summaries() + " (plus " + stored.placeholders()
                        + " placeholders from the old worker, left for the regeneration job)");
        row("facts", stored.facts() + " (" + legacy.oldFacts() + " from the old worker)");
        row("users with preferences", Integer.toString(stored.usersWithPreferences()));
        row("Qdrant requests", cycle.path("qdrant_requests").asText());
        row("LLM calls", cycle.path("llm_calls").asText());
        row("duration", cycle.path("duration_ms").asText() + " ms");
    }

    void curlBlock() {
        String user = data.featuredUser().userId();
        String bot = data.featuredBot();
        out.println();
        out.println("Try it (ready to paste):");
        out.println("  BOT_KEY=" + botKey + " ADMIN_KEY=" + adminKey + " BASE=" + baseUrl);
        out.println("  # a bot asks what it talked about with "
                + data.featuredUser().displayName() + " last week");
        out.println("  curl -s -H \"X-API-Key: $BOT_KEY\" \"$BASE" + recapPath(bot, user, DemoLauncher.RECAP_QUESTION)
                + "\"");
        out.println("  curl -s -H \"X-API-Key: $BOT_KEY\" \"$BASE/api/v1/summaries?bot=" + bot + "&user_id=" + user
                + "&limit=5\"");
        out.println("  curl -s -H \"X-API-Key: $BOT_KEY\" \"$BASE/api/v1/users/" + user + "/facts?bot=" + bot + "\"");
        out.println("  curl -s -H \"X-API-Key: $BOT_KEY\" \"$BASE/api/v1/users/" + user + "/preferences\"");
        out.println("  # an admin");
        out.println("  curl -s -H \"X-API-Key: $ADMIN_KEY\" \"$BASE/api/v1/admin/enrichment/status\"");
        out.println("  curl -s -X POST -H \"X-API-Key: $ADMIN_KEY\" -H 'Content-Type: application/json' "
                + "-d '{\"dry_run\": true}' \"$BASE/api/v1/admin/jobs/fact-timestamp-backfill\"");
        out.println("  curl -s -X POST -H \"X-API-Key: $ADMIN_KEY\" -H 'Content-Type: application/json' "
                + "-d '{\"dry_run\": true, \"only_placeholders\": true}' "
                + "\"$BASE/api/v1/admin/jobs/summary-regeneration\"");
        out.println("  curl -s -H \"X-API-Key: $ADMIN_KEY\" \"$BASE/api/v1/admin/jobs\"   # progress and results");
        out.println("  Swagger UI: " + baseUrl + "/q/swagger-ui   metrics: " + baseUrl + "/q/metrics");
    }

    /** Prints a recap answer; returns how many summaries it holds. */
    int recap(JsonNode recap, String question) {
        JsonNode range = recap.path("resolved_range");
        JsonNode summaries = recap.path("summaries");
        out.println();
        out.printf("Recap for %s with %s: \"%s\"%n", data.featuredUser().displayName(), data.featuredBot(), question);
        row(
                "resolved range",
                range.path("from").asText() + " .. " + range.path("to").asText() + " ("
                        + range.path("tz").asText() + ", read as \""
                        + range.path("expression").asText() + "\")");
        row(
                "status",
                recap.path("status").asText() + " (range by "
                        + recap.path("resolved_by").asText() + ")");
        row(
                "answer (" + recap.path("answer_source").asText() + ")",
                recap.path("answer").asText());
        row("summaries", summaries.size() + ", " + recap.path("message_count").asText() + " messages");
        StringBuilder topics = new StringBuilder();
        recap.path("key_topics")
                .forEach(t -> topics.append(topics.isEmpty() ? "" : ", ")
                        .append(t.path("topic").asText()));
        row("key topics", topics.toString());
        for (JsonNode summary : summaries) {
            String text = summary.path("summary").asText();
            out.printf(
                    "  %s  %s%n",
                    summary.path("start").asText(),
                    text.length() > SUMMARY_PREVIEW_CHARS ? text.substring(0, SUMMARY_PREVIEW_CHARS) + "..." : text);
        }
        return summaries.size();
    }

    static String recapPath(String bot, String userId, String question) {
        return "/api/v1/recap?bot=" + bot + "&user_id=" + userId + "&when="
                + URLEncoder.encode(question, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private void row(String label, String value) {
        out.printf("  %-24s %s%n", label, value);
    }
}
