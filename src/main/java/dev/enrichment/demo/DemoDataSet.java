package dev.enrichment.demo;

import dev.enrichment.demo.DemoPeople.Profile;
import dev.enrichment.demo.DemoScript.Line;
import dev.enrichment.demo.DemoScript.Persona;
import dev.enrichment.demo.DemoScript.Preference;
import dev.enrichment.demo.DemoScript.Topic;
import dev.enrichment.demo.DemoScript.TopicLines;
import dev.enrichment.demo.WhisperEnginePoints.Malformation;
import io.qdrant.client.grpc.Points.PointStruct;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Demo data only: two weeks of WhisperEngine conversations between twenty people and three bots, as the bots would
 * have stored them in Qdrant. Deterministic: the same {@code lastDay} always gives the same conversations, the same
 * point ids and the same vectors; {@code notAfter} only cuts off what has not happened yet.
 *
 * <p>People keep to their own lives (job, pets, a trip, a family event...) across days and bots, plant facts and
 * preferences in their own words, and the bots answer in persona. The set also holds what a real collection holds
 * besides messages: the pair point of every exchange, emoji reactions, the legacy role {@code bot} in the older half
 * of one collection, one point of each {@link Malformation} kind, and days with fewer than five messages.
 */
public final class DemoDataSet {

    /** Days covered: {@code lastDay - 13} to {@code lastDay}, UTC. */
    public static final int DAYS = 14;

    /** A bot's collection and its points, oldest first; {@code messages} counts user and bot messages only. */
    public record DemoCollection(String name, String bot, List<PointStruct> points, int messages) {}

    /** One person of the demo, with the bots (as the service names them) they talk to. */
    public record DemoUser(String userId, String displayName, List<String> bots) {}

    /** One UTC day of one user with one bot: the service's summary window, and its number of messages. */
    public record DemoWindow(String bot, String userId, LocalDate day, int messages) {}

    private final LocalDate lastDay;
    private final Instant notAfter;
    private final List<DemoCollection> collections;
    private final List<DemoWindow> windows;
    private final int emojiReactions;
    private final int malformedPoints;

    private DemoDataSet(
            LocalDate lastDay,
            Instant notAfter,
            List<DemoCollection> collections,
            List<DemoWindow> windows,
            int emojiReactions,
            int malformedPoints) {
        this.lastDay = lastDay;
        this.notAfter = notAfter;
        this.collections = collections;
        this.windows = windows;
        this.emojiReactions = emojiReactions;
        this.malformedPoints = malformedPoints;
    }

    /**
     * Two weeks of conversations, {@code lastDay - 13} to {@code lastDay} (UTC days), leaving out every point later
     * than {@code notAfter}, so that "today" only holds what has already been said. The featured user talks to the
     * featured bot on {@code lastDay} early in the (UTC) morning.
     */
    public static DemoDataSet build(LocalDate lastDay, Instant notAfter) {
        return new Generator(lastDay, notAfter).run();
    }

    /** The names of the demo collections, without building the data. */
    public static List<String> collectionNames() {
        return DemoScript.PERSONAS.stream().map(Persona::collection).toList();
    }

    /** The three bot collections: elena, marcus (a legacy {@code _7d} collection) and dotty. */
    public List<DemoCollection> collections() {
        return collections;
    }

    public List<DemoUser> users() {
        return DemoPeople.PEOPLE.stream()
                .map(p -> new DemoUser(p.userId(), p.displayName(), p.bots()))
                .toList();
    }

    /** The user who talks to {@link #featuredBot()} on most days, for a "what did we talk about last week" demo. */
    public DemoUser featuredUser() {
        return users().stream()
                .filter(u -> u.userId().equals(DemoPeople.FEATURED_USER))
                .findFirst()
                .orElseThrow();
    }

    /** The featured bot's name as the service reports it. */
    public String featuredBot() {
        return DemoPeople.FEATURED_BOT;
    }

    /** User and bot messages; pair points, emoji reactions and malformed points are not messages. */
    public int messageCount() {
        return collections.stream().mapToInt(DemoCollection::messages).sum();
    }

    /** Every point of every collection. */
    public int pointCount() {
        return collections.stream().mapToInt(c -> c.points().size()).sum();
    }

    /** Emoji reactions (three points each, none of them a message). */
    public int emojiReactions() {
        return emojiReactions;
    }

    /** Points the service reports as malformed: one of each {@link Malformation} kind. */
    public int malformedPoints() {
        return malformedPoints;
    }

    /** Every (bot, user, UTC day) with at least one message, in time order of the day. */
    public List<DemoWindow> windows() {
        return windows;
    }

    public LocalDate firstDay() {
        return lastDay.minusDays(DAYS - 1);
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** One exchange as it is said: the user's text, the bot's answer and the emotion label of both. */
    private record Turn(String emotion, String user, String bot) {}

    /** A conversation of one user with one bot on one UTC day: planned first, then given words, then points. */
    private static final class Conversation {
        final Profile profile;
        final Persona persona;
        final int dayOffset;
        final boolean checkIn;
        final int targetExchanges;
        final int localHour;
        LocalDateTime start;
        final List<Turn> turns = new ArrayList<>();
        final List<LocalDateTime> times = new ArrayList<>();
        int emojiAfter = -1;
        String emoji;
        Malformation malformation;

        Conversation(
                Profile profile, Persona persona, int dayOffset, boolean checkIn, int targetExchanges, int localHour) {
            this.profile = profile;
            this.persona = persona;
            this.dayOffset = dayOffset;
            this.checkIn = checkIn;
            this.targetExchanges = targetExchanges;
            this.localHour = localHour;
        }

        String key() {
            return profile.userId() + '|' + persona.bot();
        }
    }

    /** Points that happen together (an exchange, a reaction), kept or cut off by {@code notAfter} together. */
    private record Group(
            Instant latest,
            List<PointStruct> points,
            int messages,
            boolean reaction,
            boolean malformed,
            String user,
            LocalDate day) {}

    /** Builds one data set; all randomness comes from generators seeded by {@code lastDay}. */
    private static final class Generator {

        private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)\\}");
        /** The featured user's days without the featured bot, and the day they only check in briefly. */
        private static final Set<Integer> FEATURED_DAYS_OFF = Set.of(3, 9);

        private static final int FEATURED_CHECK_IN_DAY = 6;
        private static final double CHECK_IN_CHANCE = 0.1;
        private static final double EMOJI_CHANCE = 0.35;
        private static final double FLOURISH_CHANCE = 0.4;
        private static final double DETAILED_FLOURISH_CHANCE = 0.75;
        private static final double FOLLOW_UP_CHANCE = 0.3;
        /** The older half of the legacy {@code _7d} collection was written with the legacy role {@code bot}. */
        private static final String LEGACY_ROLE_BOT = "marcus";

        private static final int LEGACY_ROLE_DAYS = 7;

        private final LocalDate lastDay;
        private final LocalDate firstDay;
        private final Instant notAfter;
        private final long seed;
        private final Random plan;
        private final Random words;

        private final Set<String> introduced = new HashSet<>();
        private final Set<String> planted = new HashSet<>();
        private final Map<String, Integer> updateCursor = new HashMap<>();
        private final Map<String, Integer> aboutCursor = new HashMap<>();
        private final Map<String, Deque<Preference>> pendingPreferences = new HashMap<>();
        private final Map<String, Set<Preference>> statedPreferences = new HashMap<>();

        Generator(LocalDate lastDay, Instant notAfter) {
            this.lastDay = lastDay;
            this.firstDay = lastDay.minusDays(DAYS - 1);
            this.notAfter = notAfter;
            this.seed = lastDay.toEpochDay() * 0x9E3779B97F4A7C15L ^ 0x5DEECE66DL;
            this.plan = new Random(seed);
            this.words = new Random(seed ^ 0x2545F4914F6CDD1DL);
        }

        DemoDataSet run() {
            List<Conversation> conversations = plan();
            conversations.sort(Comparator.comparing((Conversation c) -> c.start).thenComparing(Conversation::key));
            // Words are given in time order, so a person's story moves forward across days and bots alike.
            conversations.forEach(this::giveWords);
            conversations.forEach(this::placeEmojiReaction);
            placeMalformedPoints(conversations);
            return render(conversations);
        }

        private List<Conversation> plan() {
            List<Conversation> conversations = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (int offset = 0; offset < DAYS; offset++) {
                for (Profile profile : DemoPeople.PEOPLE) {
                    for (String bot : profile.bots()) {
                        Persona persona = persona(bot);
                        String key = profile.userId() + '|' + bot;
                        boolean featured = profile.userId().equals(DemoPeople.FEATURED_USER)
                                && bot.equals(DemoPeople.FEATURED_BOT);
                        boolean active =
                                featured ? !FEATURED_DAYS_OFF.contains(offset) : plan.nextDouble() < profile.activity();
                        if (!active) {
                            continue;
                        }
                        // A first conversation is always a real one: that is where the facts get planted.
                        boolean checkIn = seen.contains(key)
                                && (featured ? offset == FEATURED_CHECK_IN_DAY : plan.nextDouble() < CHECK_IN_CHANCE);
                        seen.add(key);
                        int exchanges = checkIn ? 1 + plan.nextInt(2) : 3 + plan.nextInt(7) + plan.nextInt(7);
                        int localHour = featured && offset == DAYS - 1
                                ? 8
                                : profile.localHours()
                                        .get(plan.nextInt(profile.localHours().size()));
                        Conversation conversation =
                                new Conversation(profile, persona, offset, checkIn, exchanges, localHour);
                        conversation.start = startOf(profile, firstDay.plusDays(offset), localHour);
                        conversations.add(conversation);
                    }
                }
            }
            return conversations;
        }

        /** The UTC time on {@code day} at which it is about {@code localHour} where the person lives. */
        private LocalDateTime startOf(Profile profile, LocalDate day, int localHour) {
            int offsetMinutes = profile.zone()
                            .getRules()
                            .getOffset(day.atTime(12, 0).toInstant(ZoneOffset.UTC))
                            .getTotalSeconds()
                    / 60;
            int minuteOfDay = Math.floorMod(localHour * 60 + plan.nextInt(60) - offsetMinutes, 24 * 60);
            return day.atStartOfDay()
                    .plusMinutes(minuteOfDay)
                    .plusSeconds(plan.nextInt(60))
                    .plusNanos(plan.nextInt(1_000_000) * 1_000L);
        }

        private void giveWords(Conversation c) {
            Map<String, String> vars = new HashMap<>(c.profile.attributes());
            vars.put("first", c.profile.first());
            vars.put("nick", c.profile.nick());
            vars.put("city", c.profile.city());
            vars.put("tz", c.profile.zone().getId());
            vars.put("bot", c.persona.displayName());
            Set<Preference> stated = statedPreferences.computeIfAbsent(c.key(), k -> new HashSet<>());
            vars.put("name", stated.contains(Preference.CALL_ME) ? c.profile.nick() : c.profile.first());

            if (c.checkIn) {
                if (c.targetExchanges == 2) {
                    say(c, vars, "joy", greeting(c), pick(c.persona.greetings()));
                }
                Line line = pick(DemoScript.CHECK_INS);
                say(c, vars, line.emotion(), line.user(), line.bot());
                timeTurns(c);
                return;
            }
            if (introduced.add(c.key())) {
                say(c, vars, DemoScript.INTRO.emotion(), DemoScript.INTRO.user(), c.persona.intro());
                pendingPreferences.put(c.key(), new ArrayDeque<>(c.profile.preferences()));
            } else {
                say(c, vars, "joy", greeting(c), pick(c.persona.greetings()));
            }
            // Preferences come out over the first conversations, at most two at a time, as people do.
            Deque<Preference> pending = pendingPreferences.get(c.key());
            for (int i = 0; i < 2 && !pending.isEmpty() && c.turns.size() < c.targetExchanges - 1; i++) {
                Preference preference = pending.poll();
                Line line = DemoScript.PREFERENCES.get(preference);
                say(c, vars, line.emotion(), line.user(), line.bot());
                stated.add(preference);
                if (preference == Preference.CALL_ME) {
                    vars.put("name", c.profile.nick());
                }
            }
            int budget = c.targetExchanges - 1;
            // Flourishes and follow-ups already said in this conversation, so none comes twice.
            Set<String> used = new HashSet<>();
            if (c.turns.size() + 2 < budget && words.nextDouble() < 0.3) {
                talkAbout(c, vars, stated, Topic.WEATHER, 1, used);
            }
            List<Topic> topics = c.profile.topics();
            int first = Math.floorMod(c.dayOffset + words.nextInt(topics.size()), topics.size());
            boolean askedAboutBot = false;
            for (int i = 0; i < topics.size() && c.turns.size() < budget; i++) {
                Topic topic = topics.get((first + i) % topics.size());
                talkAbout(c, vars, stated, topic, Math.min(budget - c.turns.size(), 2 + words.nextInt(3)), used);
                if (!askedAboutBot && c.turns.size() < budget && c.turns.size() > 2 && words.nextDouble() < 0.35) {
                    Line ask = pick(DemoScript.ASK_ABOUT_BOT);
                    say(c, vars, ask.emotion(), ask.user(), aboutBot(c));
                    askedAboutBot = true;
                }
            }
            if (c.turns.size() == 1) {
                // Everything this person had to tell is told: they ask about the bot's day instead.
                Line ask = pick(DemoScript.ASK_ABOUT_BOT);
                say(c, vars, ask.emotion(), ask.user(), aboutBot(c));
            }
            say(c, vars, "joy", closing(c), pick(c.persona.closings()));
            timeTurns(c);
        }

        /**
         * Up to {@code max} exchanges on one topic: the facts first if this bot has not heard them, otherwise one or two
         * pieces of news, so that a story unfolds over several days; now and then the user reacts to the answer.
         */
        private void talkAbout(
                Conversation c,
                Map<String, String> vars,
                Set<Preference> stated,
                Topic topic,
                int max,
                Set<String> used) {
            TopicLines lines = DemoScript.TOPICS.get(topic);
            List<Line> next = new ArrayList<>();
            String plantKey = c.key() + '|' + topic;
            int news;
            if (!planted.contains(plantKey)) {
                if (max < lines.plant().size()) {
                    // The facts are told together or not yet; a conversation never stops halfway through them.
                    return;
                }
                planted.add(plantKey);
                next.addAll(lines.plant());
                news = words.nextDouble() < 0.4 ? 1 : 0;
            } else {
                news = 1 + words.nextInt(2);
            }
            String cursorKey = c.profile.userId() + '|' + topic;
            int cursor = updateCursor.getOrDefault(cursorKey, 0);
            if (topic == Topic.WEATHER && cursor >= lines.updates().size()) {
                // The weather never runs out of news; it may come round again.
                cursor = 0;
            }
            for (int i = 0;
                    i < news && next.size() < max && cursor < lines.updates().size();
                    i++) {
                next.add(lines.updates().get(cursor++));
            }
            updateCursor.put(cursorKey, cursor);
            boolean shortAnswers = stated.contains(Preference.SHORT_ANSWERS);
            double flourishChance = stated.contains(Preference.DETAILED) ? DETAILED_FLOURISH_CHANCE : FLOURISH_CHANCE;
            int said = 0;
            boolean followedUp = false;
            for (Line line : next) {
                String bot = line.bot();
                String flourish = c.persona.flourishes().get(topic);
                if (!shortAnswers && flourish != null && used.add(flourish) && words.nextDouble() < flourishChance) {
                    bot = bot + ' ' + flourish;
                }
                say(c, vars, line.emotion(), line.user(), bot);
                said++;
                // A follow-up answers advice or sympathy; after a question the user would answer the question.
                if (!followedUp && said < max && !line.bot().endsWith("?") && words.nextDouble() < FOLLOW_UP_CHANCE) {
                    Line followUp = pick(
                            "joy".equals(line.emotion()) ? DemoScript.FOLLOW_UPS_LIGHT : DemoScript.FOLLOW_UPS_HEAVY);
                    if (used.add(followUp.user())) {
                        say(c, vars, followUp.emotion(), followUp.user(), followUp.bot());
                        said++;
                        followedUp = true;
                    }
                }
            }
        }

        private String aboutBot(Conversation c) {
            List<String> stories = c.persona.aboutMe();
            int cursor = aboutCursor.merge(c.key(), 1, Integer::sum) - 1;
            return stories.get(Math.floorMod(cursor + c.profile.userId().hashCode(), stories.size()));
        }

        private void say(Conversation c, Map<String, String> vars, String emotion, String user, String bot) {
            c.turns.add(new Turn(emotion, fill(user, vars, c), fill(bot, vars, c)));
        }

        private String greeting(Conversation c) {
            int h = c.localHour;
            List<String> greetings = h >= 5 && h < 12
                    ? DemoScript.USER_GREETINGS_MORNING
                    : h >= 12 && h < 18
                            ? DemoScript.USER_GREETINGS_AFTERNOON
                            : h >= 18 && h < 23 ? DemoScript.USER_GREETINGS_EVENING : DemoScript.USER_GREETINGS_NIGHT;
            return pick(greetings);
        }

        private String closing(Conversation c) {
            List<String> closings = DemoScript.USER_CLOSINGS;
            boolean late = c.localHour >= 20 || c.localHour < 5;
            // The last closing says good night, which only fits late in the person's day.
            return closings.get(words.nextInt(late ? closings.size() : closings.size() - 1));
        }

        /** Minutes between exchanges, now and then a longer pause; the day's conversation stays within its day. */
        private void timeTurns(Conversation c) {
            List<Long> gaps = new ArrayList<>();
            long total = 0;
            for (int i = 1; i < c.turns.size(); i++) {
                long gap = words.nextDouble() < 0.1 ? 480 + words.nextInt(1_020) : 40 + words.nextInt(300);
                gaps.add(gap);
                total += gap;
            }
            LocalDateTime dayEnd = c.start.toLocalDate().plusDays(1).atStartOfDay();
            if (!c.start.plusSeconds(total).isBefore(dayEnd.minusMinutes(1))) {
                c.start = dayEnd.minusSeconds(total).minusMinutes(5 + words.nextInt(30));
            }
            LocalDateTime at = c.start;
            c.times.add(at);
            for (long gap : gaps) {
                at = at.plusSeconds(gap).plusNanos(words.nextInt(1_000_000) * 1_000L);
                c.times.add(at);
            }
        }

        private void placeEmojiReaction(Conversation c) {
            if (c.checkIn || c.turns.size() < 3 || words.nextDouble() >= EMOJI_CHANCE) {
                return;
            }
            c.emojiAfter = 1 + words.nextInt(c.turns.size() - 2);
            String emotion = c.turns.get(c.emojiAfter).emotion();
            List<String> emojis = switch (emotion) {
                case "sadness", "fear" -> List.of("❤️", "🙏", "😢");
                case "joy" -> List.of("😂", "❤️", "🥰", "👍");
                default -> List.of("👍", "❤️");
            };
            c.emoji = pick(emojis);
        }

        /** One point of each defect, spread over the collections, inside ordinary conversations of past days. */
        private void placeMalformedPoints(List<Conversation> conversations) {
            Malformation[] kinds = Malformation.values();
            for (int i = 0; i < kinds.length; i++) {
                String bot =
                        DemoScript.PERSONAS.get(i % DemoScript.PERSONAS.size()).bot();
                List<Conversation> candidates = conversations.stream()
                        .filter(c -> c.persona.bot().equals(bot) && !c.checkIn && c.malformation == null)
                        .filter(c -> c.dayOffset >= 1 && c.dayOffset <= DAYS - 3 && c.turns.size() >= 3)
                        .toList();
                candidates.get(plan.nextInt(candidates.size())).malformation = kinds[i];
            }
        }

        private DemoDataSet render(List<Conversation> conversations) {
            List<DemoCollection> collections = new ArrayList<>();
            Map<String, Integer> windowMessages = new LinkedHashMap<>();
            int reactions = 0;
            int malformed = 0;
            for (Persona persona : DemoScript.PERSONAS) {
                WhisperEnginePoints writer = WhisperEnginePoints.writer()
                        .seeded(seed ^ persona.collection().hashCode());
                List<Group> groups = new ArrayList<>();
                for (Conversation c : conversations) {
                    if (c.persona == persona) {
                        groups.addAll(pointsOf(c, writer));
                    }
                }
                List<PointStruct> points = new ArrayList<>();
                int messages = 0;
                // Everything is built before the cut, so point ids do not depend on notAfter.
                for (Group group : groups) {
                    if (group.latest().isAfter(notAfter)) {
                        continue;
                    }
                    points.addAll(group.points());
                    messages += group.messages();
                    reactions += group.reaction() ? 1 : 0;
                    malformed += group.malformed() ? 1 : 0;
                    if (group.messages() > 0) {
                        windowMessages.merge(
                                persona.bot() + '|' + group.user() + '|' + group.day(), group.messages(), Integer::sum);
                    }
                }
                collections.add(new DemoCollection(persona.collection(), persona.bot(), List.copyOf(points), messages));
            }
            List<DemoWindow> windows = new ArrayList<>();
            windowMessages.forEach((key, messages) -> {
                String[] parts = key.split("\\|");
                windows.add(new DemoWindow(parts[0], parts[1], LocalDate.parse(parts[2]), messages));
            });
            windows.sort(Comparator.comparing(DemoWindow::day)
                    .thenComparing(DemoWindow::bot)
                    .thenComparing(DemoWindow::userId));
            return new DemoDataSet(
                    lastDay, notAfter, List.copyOf(collections), List.copyOf(windows), reactions, malformed);
        }

        private List<Group> pointsOf(Conversation c, WhisperEnginePoints collectionWriter) {
            String userId = c.profile.userId();
            WhisperEnginePoints writer = c.profile.guild()
                    ? collectionWriter.channel(guildChannel(c.persona), "guild")
                    : collectionWriter.channel(dmChannel(c), "dm");
            if (c.persona.bot().equals(LEGACY_ROLE_BOT) && c.dayOffset < LEGACY_ROLE_DAYS) {
                writer = writer.legacyBotRole();
            }
            List<Group> groups = new ArrayList<>();
            for (int i = 0; i < c.turns.size(); i++) {
                Turn turn = c.turns.get(i);
                LocalDateTime at = c.times.get(i);
                WhisperEnginePoints speaking = writer.emotion(turn.emotion());
                groups.add(new Group(
                        instant(at.plus(1, ChronoUnit.MILLIS)),
                        speaking.exchange(userId, at, turn.user(), turn.bot()),
                        2,
                        false,
                        false,
                        userId,
                        at.toLocalDate()));
                LocalDateTime next = i + 1 < c.times.size() ? c.times.get(i + 1) : at.plusMinutes(2);
                long gapMillis = Duration.between(at, next).toMillis();
                if (i == c.emojiAfter) {
                    LocalDateTime reactedAt = at.plus(gapMillis / 2, ChronoUnit.MILLIS);
                    groups.add(new Group(
                            instant(reactedAt.plus(1, ChronoUnit.MILLIS)),
                            speaking.emojiReaction(userId, reactedAt, c.emoji),
                            0,
                            true,
                            false,
                            userId,
                            reactedAt.toLocalDate()));
                }
                if (i == 0 && c.malformation != null) {
                    // A bot bug mid-conversation: one point written wrongly between two good exchanges.
                    LocalDateTime brokenAt = at.plus(gapMillis / 3, ChronoUnit.MILLIS);
                    groups.add(new Group(
                            instant(brokenAt),
                            List.of(speaking.malformed(c.malformation, userId, brokenAt)),
                            0,
                            false,
                            true,
                            userId,
                            brokenAt.toLocalDate()));
                }
            }
            return groups;
        }

        private String fill(String template, Map<String, String> vars, Conversation c) {
            Matcher m = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String value = vars.get(key);
                if (value == null && Character.isUpperCase(key.charAt(0))) {
                    String lower = vars.get(Character.toLowerCase(key.charAt(0)) + key.substring(1));
                    value = lower == null ? null : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
                }
                if (value == null) {
                    throw new IllegalStateException("Demo line needs {" + key + "}, which " + c.profile.displayName()
                            + " does not have: " + template);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return out.toString();
        }

        private <T> T pick(List<T> options) {
            return options.get(words.nextInt(options.size()));
        }

        private static Persona persona(String bot) {
            return DemoScript.PERSONAS.stream()
                    .filter(p -> p.bot().equals(bot))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No demo persona for bot " + bot));
        }

        private static Instant instant(LocalDateTime naiveUtc) {
            return naiveUtc.toInstant(ZoneOffset.UTC);
        }

        /** A stable snowflake-like id of the direct-message channel between a user and a bot. */
        private static String dmChannel(Conversation c) {
            long hash = 0xcbf29ce484222325L;
            for (char ch : c.key().toCharArray()) {
                hash ^= ch;
                hash *= 0x100000001b3L;
            }
            return Long.toString(1_100_000_000_000_000_000L + Math.floorMod(hash, 100_000_000_000_000_000L));
        }

        private static String guildChannel(Persona persona) {
            return switch (persona.bot()) {
                case "elena" -> "1019284756102938475";
                case "marcus" -> "1019284756102938476";
                default -> "1019284756102938477";
            };
        }
    }
}
