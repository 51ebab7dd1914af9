package dev.enrichment.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.enrichment.conversation.ConversationRules;
import dev.enrichment.conversation.ConversationRules.Reading;
import dev.enrichment.demo.DemoDataSet.DemoCollection;
import dev.enrichment.demo.DemoDataSet.DemoUser;
import dev.enrichment.demo.DemoDataSet.DemoWindow;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoDataSetTest {

    /** A Wednesday; the featured-user test also walks every other weekday. */
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 10, 22);

    private static final Instant NOT_AFTER = Instant.parse("2025-10-22T12:00:00Z");

    private final DemoDataSet data = DemoDataSet.build(LAST_DAY, NOT_AFTER);

    @Test
    void sameLastDayGivesTheSameDataAndAnotherDayOtherData() {
        DemoDataSet again = DemoDataSet.build(LAST_DAY, NOT_AFTER);
        DemoDataSet dayBefore = DemoDataSet.build(LAST_DAY.minusDays(1), NOT_AFTER);

        assertThat(again.collections()).isEqualTo(data.collections());
        assertThat(again.windows()).isEqualTo(data.windows());
        assertThat(dayBefore.collections().get(0).points())
                .isNotEqualTo(data.collections().get(0).points());
    }

    @Test
    void cuttingOffEarlierOnlyDropsPointsItKeepsTheRestUnchanged() {
        DemoDataSet wholeDay =
                DemoDataSet.build(LAST_DAY, LAST_DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));

        for (int i = 0; i < data.collections().size(); i++) {
            assertThat(wholeDay.collections().get(i).points())
                    .containsAll(data.collections().get(i).points());
        }
        assertThat(wholeDay.messageCount()).isGreaterThan(data.messageCount());
    }

    @Test
    void spansExactlyTheFourteenUtcDaysAndNothingAfterNotAfter() {
        Set<LocalDate> daysWithMessages = new TreeSet<>();
        for (DemoCollection collection : data.collections()) {
            for (PointStruct point : collection.points()) {
                Instant at = ConversationRules.timestampOf(point);
                if (at == null) {
                    continue; // the malformed points without a usable time
                }
                assertThat(at).isBetween(LAST_DAY.minusDays(13).atStartOfDay().toInstant(ZoneOffset.UTC), NOT_AFTER);
                if (reading(collection, point).kind().equals("MESSAGE")) {
                    daysWithMessages.add(LocalDate.ofInstant(at, ZoneOffset.UTC));
                }
            }
        }
        assertThat(daysWithMessages).hasSize(DemoDataSet.DAYS).first().isEqualTo(LAST_DAY.minusDays(13));
        assertThat(daysWithMessages).last().isEqualTo(LAST_DAY);
        assertThat(data.firstDay()).isEqualTo(LAST_DAY.minusDays(13));
    }

    @Test
    void noPointIsLaterThanNotAfterWhereverTheCutFalls() {
        for (String cut : List.of(
                "2025-10-22T00:00:00Z", "2025-10-22T07:30:00Z", "2025-10-22T19:45:10.5Z", "2025-10-21T12:00:00Z")) {
            Instant notAfter = Instant.parse(cut);
            DemoDataSet cutOff = DemoDataSet.build(LAST_DAY, notAfter);
            cutOff.collections().stream()
                    .flatMap(c -> c.points().stream())
                    .map(ConversationRules::timestampOf)
                    .filter(at -> at != null)
                    .forEach(at -> assertThat(at).as("cut at %s", cut).isBeforeOrEqualTo(notAfter));
        }
    }

    @Test
    void featuredUserTalksToTheFeaturedBotInThisWeekAndTheTwoWeeksBefore() {
        for (int shift = 0; shift < 7; shift++) {
            LocalDate lastDay = LAST_DAY.plusDays(shift);
            DemoDataSet set = DemoDataSet.build(lastDay, lastDay.atTime(12, 0).toInstant(ZoneOffset.UTC));
            Set<LocalDate> days = set.windows().stream()
                    .filter(w -> w.bot().equals(set.featuredBot())
                            && w.userId().equals(set.featuredUser().userId()))
                    .map(DemoWindow::day)
                    .collect(Collectors.toCollection(TreeSet::new));

            LocalDate thisMonday = lastDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            assertThat(days).as("%s: this week", lastDay).anyMatch(d -> !d.isBefore(thisMonday));
            assertThat(days)
                    .as("%s: last week", lastDay)
                    .anyMatch(d -> !d.isBefore(thisMonday.minusWeeks(1)) && d.isBefore(thisMonday));
            if (set.firstDay().isBefore(thisMonday.minusWeeks(1))) {
                // The week before last is only partly inside the fourteen days (not at all when lastDay is a Sunday).
                assertThat(days)
                        .as("%s: the week before last", lastDay)
                        .anyMatch(d -> d.isBefore(thisMonday.minusWeeks(1)));
            }
            assertThat(days).as("%s: most days", lastDay).hasSizeGreaterThanOrEqualTo(10);
        }
        assertThat(data.featuredBot()).isEqualTo("elena");
        assertThat(data.featuredUser().bots()).contains("elena");
    }

    @Test
    void featuredUserPlantsFactsAndPreferencesInTheirOwnWords() {
        String said = userMessages(data.featuredUser().userId(), "elena");

        assertThat(said)
                .contains(
                        "please call me Sam",
                        "My timezone is Europe/Lisbon",
                        "I work as a nurse at the children's hospital",
                        "Biscuit is a beagle",
                        "I live in Lisbon");
    }

    @Test
    void everyCollectionIsABotCollectionOfTheServiceAndNamesItsBot() {
        List<String> prefixes = defaultCollectionPrefixes();

        assertThat(data.collections())
                .extracting(DemoCollection::name)
                .containsExactly(
                        "whisperengine_memory_elena", "whisperengine_memory_marcus_7d", "whisperengine_memory_dotty");
        assertThat(DemoDataSet.collectionNames())
                .isEqualTo(data.collections().stream().map(DemoCollection::name).toList());
        for (DemoCollection collection : data.collections()) {
            assertThat(ConversationRules.botNameOf(prefixes, collection.name())).contains(collection.bot());
        }
        assertThat(data.collections()).extracting(DemoCollection::bot).containsExactly("elena", "marcus", "dotty");
    }

    @Test
    void everyPointParsesExceptOneMalformedPointOfEachKind() {
        Map<String, Integer> kinds = new HashMap<>();
        List<String> malformedReasons = new ArrayList<>();
        for (DemoCollection collection : data.collections()) {
            int messages = 0;
            for (PointStruct point : collection.points()) {
                Reading reading = reading(collection, point);
                kinds.merge(reading.kind(), 1, Integer::sum);
                if (reading.kind().equals("MESSAGE")) {
                    messages++;
                } else if (reading.kind().equals("MALFORMED")) {
                    malformedReasons.add(reading.reason());
                }
            }
            assertThat(collection.messages()).as(collection.name()).isEqualTo(messages);
        }
        assertThat(kinds.get("MALFORMED")).isEqualTo(6).isEqualTo(data.malformedPoints());
        assertThat(malformedReasons)
                .containsExactlyInAnyOrder(
                        "no user_id",
                        "no usable timestamp",
                        "no usable timestamp",
                        "content is not text",
                        "content is not text",
                        "content is not text");
        assertThat(kinds.get("MESSAGE")).isEqualTo(data.messageCount());
        assertThat(kinds.get("NOT_A_MESSAGE"))
                .as("a pair point per exchange, three points per emoji reaction")
                .isEqualTo(data.messageCount() / 2 + 3 * data.emojiReactions());
        assertThat(data.pointCount())
                .isEqualTo(kinds.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void holdsEmojiReactionsPairPointsAndBothBotRoles() {
        long reactionPoints = allPoints().stream()
                .filter(p -> "emoji_reaction".equals(text(p, "interaction_type")))
                .count();
        long pairPoints = allPoints().stream()
                .filter(p -> "conversation_pair".equals(text(p, "role"))
                        && !"emoji_reaction".equals(text(p, "interaction_type")))
                .count();

        assertThat(data.emojiReactions()).isPositive();
        assertThat(reactionPoints).isEqualTo(3L * data.emojiReactions());
        assertThat(pairPoints).isEqualTo(data.messageCount() / 2);
        for (DemoCollection collection : data.collections()) {
            Set<String> roles = collection.points().stream()
                    .map(p -> text(p, "role"))
                    .filter(r -> r != null)
                    .collect(Collectors.toSet());
            if (collection.bot().equals("marcus")) {
                assertThat(roles).as(collection.name()).contains("assistant", "bot");
            } else {
                assertThat(roles).as(collection.name()).contains("assistant").doesNotContain("bot");
            }
        }
    }

    @Test
    void sizeAndWindowsAreAsDocumented() {
        assertThat(data.messageCount()).isBetween(1_500, 3_000);
        assertThat(data.users()).hasSize(20);
        assertThat(data.windows()).extracting(DemoWindow::messages).allMatch(m -> m > 0);
        assertThat(data.windows().stream().mapToInt(DemoWindow::messages).sum()).isEqualTo(data.messageCount());
        assertThat(data.windows()).filteredOn(w -> w.messages() < 5).isNotEmpty();
        assertThat(data.windows())
                .filteredOn(w -> w.messages() >= 5)
                .hasSizeGreaterThan(data.windows().size() * 3 / 4);

        Map<String, Integer> recounted = new HashMap<>();
        for (DemoCollection collection : data.collections()) {
            for (PointStruct point : collection.points()) {
                Reading reading = reading(collection, point);
                if (reading.kind().equals("MESSAGE")) {
                    recounted.merge(
                            collection.bot()
                                    + '|'
                                    + reading.userId()
                                    + '|'
                                    + LocalDate.ofInstant(reading.timestamp(), ZoneOffset.UTC),
                            1,
                            Integer::sum);
                }
            }
        }
        assertThat(data.windows().stream()
                        .collect(Collectors.toMap(
                                w -> w.bot() + '|' + w.userId() + '|' + w.day(), DemoWindow::messages)))
                .isEqualTo(recounted);
        for (DemoCollection collection : data.collections()) {
            int exchangesPerWindowMax = data.windows().stream()
                    .filter(w -> w.bot().equals(collection.bot()))
                    .mapToInt(w -> w.messages() / 2)
                    .max()
                    .orElse(0);
            assertThat(exchangesPerWindowMax).as(collection.name()).isLessThanOrEqualTo(15);
        }
    }

    @Test
    void usersHaveSnowflakeIdsAndTalkToOneOrTwoBots() {
        assertThat(data.users())
                .extracting(DemoUser::userId)
                .doesNotHaveDuplicates()
                .allMatch(id -> id.matches("[1-9][0-9]{17,18}"));
        assertThat(data.users()).allSatisfy(user -> {
            assertThat(user.bots()).hasSizeBetween(1, 2);
            assertThat(user.displayName()).isNotBlank();
        });
        Set<String> speakers = allPoints().stream()
                .map(p -> text(p, "user_id"))
                .filter(id -> id != null)
                .collect(Collectors.toSet());
        assertThat(speakers)
                .isEqualTo(data.users().stream().map(DemoUser::userId).collect(Collectors.toSet()));
    }

    @Test
    void everyTemplateIsFilledIn() {
        assertThat(allPoints()).allSatisfy(point -> {
            String content = text(point, "content");
            if (content != null) {
                assertThat(content).doesNotContain("{", "}").isNotBlank();
            }
        });
    }

    private String userMessages(String userId, String bot) {
        return data.collections().stream()
                .filter(c -> c.bot().equals(bot))
                .flatMap(c -> c.points().stream())
                .filter(p -> userId.equals(text(p, "user_id")) && "user".equals(text(p, "role")))
                .map(p -> text(p, "content"))
                .collect(Collectors.joining("\n"));
    }

    private List<PointStruct> allPoints() {
        return data.collections().stream().flatMap(c -> c.points().stream()).toList();
    }

    private static Reading reading(DemoCollection collection, PointStruct point) {
        return ConversationRules.read(collection.bot(), point);
    }

    private static String text(PointStruct point, String key) {
        Value value = point.getPayloadMap().get(key);
        return value != null && value.getKindCase() == Value.KindCase.STRING_VALUE ? value.getStringValue() : null;
    }

    /** The service's default {@code QDRANT_COLLECTION_PREFIXES}, read from application.properties itself. */
    private static List<String> defaultCollectionPrefixes() {
        Properties properties = new Properties();
        try (InputStream in = DemoDataSetTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        String expression = properties.getProperty("qdrant.collection-prefixes");
        String defaults = expression.substring(expression.indexOf(':') + 1, expression.lastIndexOf('}'));
        return Arrays.stream(defaults.split(",")).map(String::trim).toList();
    }
}
