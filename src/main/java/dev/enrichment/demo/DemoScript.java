package dev.enrichment.demo;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The words of the demo conversations: what users say about their lives, topic by topic, and how each bot answers
 * in its persona. Lines carry placeholders ({@code {pet}}, {@code {city}}, ...) that {@link DemoDataSet} fills from
 * the speaking user's profile ({@link DemoPeople}); a capitalised placeholder ({@code {Pet}}) capitalises the value.
 * {@code {name}} is what the bot calls the user, {@code {bot}} the bot's name.
 */
final class DemoScript {

    /** What a stretch of conversation is about. Users keep to their own topics, day after day. */
    enum Topic {
        JOB,
        PETS,
        TRAVEL,
        COOKING,
        HOBBY,
        HEALTH,
        BOOKS,
        MUSIC,
        FAMILY,
        STUDY,
        WEATHER
    }

    /** How a user wants to be treated; stated once to each bot, in the user's own words. */
    enum Preference {
        CALL_ME,
        SHORT_ANSWERS,
        DETAILED,
        NO_EMOJI,
        TIMEZONE,
        CASUAL
    }

    /** One exchange: what the user says and what the bot answers, with the emotion label both points carry. */
    record Line(String emotion, String user, String bot) {}

    /** A topic's lines: facts the user plants when first talking about it, then updates as life goes on. */
    record TopicLines(List<Line> plant, List<Line> updates) {}

    /** A bot's persona: how it greets, introduces itself, talks about its own days and says goodbye. */
    record Persona(
            String bot,
            String displayName,
            String collection,
            List<String> greetings,
            String intro,
            List<String> aboutMe,
            List<String> closings,
            Map<Topic, String> flourishes,
            List<String> asides) {}

    private DemoScript() {}

    static final List<String> USER_GREETINGS_MORNING = List.of(
            "Morning, {bot}! Quick chat before my day starts?",
            "Good morning! Coffee in hand, brain not quite online yet.",
            "Hey {bot}, early one today. How are you?");
    static final List<String> USER_GREETINGS_AFTERNOON = List.of(
            "Hi {bot}, I'm on my lunch break. How's your day going?",
            "Hey {bot}! Afternoon slump, I need a distraction.",
            "Hello again! Got a few minutes?");
    static final List<String> USER_GREETINGS_EVENING = List.of(
            "Evening, {bot}! Finally home.",
            "Hey {bot}, long day. Got a minute?",
            "Hi {bot}! Dinner's in the oven, so I have time to chat.");
    static final List<String> USER_GREETINGS_NIGHT = List.of(
            "Can't sleep. You around, {bot}?", "Hey {bot}, it's a late one tonight.", "Still up. Talk to me, {bot}.");

    static final List<String> USER_CLOSINGS = List.of(
            "I should get going. Thanks for listening, {bot}!",
            "Okay, that's me for now. Talk tomorrow?",
            "Thanks, this helped more than you know.",
            "Right, back to real life. Bye for now!",
            "I'm going to try to get some rest now. Good night!");

    static final Line INTRO = new Line(
            "joy", "Hi! I'm {first} and I live in {city}. A friend said you're good company, so here I am.", null);

    static final List<Line> ASK_ABOUT_BOT = List.of(
            new Line("neutral", "Enough about me. What have you been up to, {bot}?", null),
            new Line("neutral", "How's your week been, {bot}? You always ask about mine.", null),
            new Line("neutral", "What are you working on these days?", null));

    /** Days with little time: one or two exchanges, so the day stays below the worker's minimum. */
    static final List<Line> CHECK_INS = List.of(
            new Line(
                    "joy",
                    "Just popping in to say hi. It's a mad day, I'll tell you everything tomorrow!",
                    "Go, go! I'll be right here when you're ready, {name}."),
            new Line(
                    "sadness",
                    "Quick one: I survived today. That's the whole update.",
                    "Surviving counts. Rest up, {name}, and tell me more when you've got the energy."),
            new Line(
                    "neutral",
                    "Too tired to talk properly tonight, but I didn't want to skip our chat.",
                    "That means a lot. Sleep well, {name}."));

    /** What people say after a bot's answer to good news, before moving on. */
    static final List<Line> FOLLOW_UPS_LIGHT = List.of(
            new Line("joy", "Exactly what I was thinking!", "Great minds, {name}."),
            new Line("joy", "Thank you! Honestly, that made me smile.", "Good, that was the plan."),
            new Line("joy", "I know! I'm still grinning about it.", "As you should be. Enjoy it."),
            new Line(
                    "joy",
                    "Right? I've told everyone I know about it.",
                    "Of course you have. Good news deserves an audience."));

    /** What people say after a bot's answer to a worry or a bad day. */
    static final List<Line> FOLLOW_UPS_HEAVY = List.of(
            new Line(
                    "neutral",
                    "Yeah. I think I just needed to say it out loud.",
                    "That's what I'm here for. Things often look smaller once they're said."),
            new Line(
                    "neutral",
                    "That's a good idea, actually. I'll try it.",
                    "Let me know how it goes. I'm curious now."),
            new Line(
                    "neutral",
                    "I hadn't thought about it that way.",
                    "Sometimes it just takes a different angle. You'd have got there yourself."),
            new Line("neutral", "Thanks. It helps to talk it through.", "Any time, {name}. Really."));

    static final Map<Preference, Line> PREFERENCES = preferences();

    static final Map<Topic, TopicLines> TOPICS = topics();

    static final List<Persona> PERSONAS = List.of(elena(), marcus(), dotty());

    private static Map<Preference, Line> preferences() {
        Map<Preference, Line> lines = new EnumMap<>(Preference.class);
        lines.put(
                Preference.CALL_ME,
                new Line(
                        "joy",
                        "Before I forget: please call me {nick}. Only my grandmother calls me {first}.",
                        "{nick} it is! I'll remember that."));
        lines.put(
                Preference.SHORT_ANSWERS,
                new Line(
                        "neutral",
                        "Also, I prefer short answers. I mostly read these on my phone between other things.",
                        "Understood. Short and to the point from now on."));
        lines.put(
                Preference.DETAILED,
                new Line(
                        "neutral",
                        "I like detailed explanations, so don't hold back. I'd rather have too much than too little.",
                        "Noted! I'll give you the full picture, background and all. Stop me if I ramble."));
        lines.put(
                Preference.NO_EMOJI,
                new Line(
                        "neutral",
                        "Small request: please don't use emojis with me. They feel a bit much on my screen.",
                        "No emojis, promise. Plain words only."));
        lines.put(
                Preference.TIMEZONE,
                new Line(
                        "neutral",
                        "My timezone is {tz}, in case I mention times.",
                        "Got it, {tz}. When you say tonight, I'll think {city} tonight."));
        lines.put(
                Preference.CASUAL,
                new Line(
                        "joy",
                        "You can be casual with me, by the way. I prefer a relaxed tone to anything formal.",
                        "Relaxed it is. No formalities here."));
        return lines;
    }

    private static Map<Topic, TopicLines> topics() {
        Map<Topic, TopicLines> topics = new EnumMap<>(Topic.class);
        topics.put(
                Topic.JOB,
                new TopicLines(
                        List.of(
                                new Line(
                                        "neutral",
                                        "I work as {job} at {workplace}. Today was {jobTask}, so forgive me if I'm a bit slow.",
                                        "Nothing to forgive, {name}. {JobTask} would wipe anyone out, and working as {job} takes a "
                                                + "kind of stamina most people never see. How are you feeling now that it's over?"),
                                new Line(
                                        "neutral",
                                        "Tired, but okay. I still like my job, even on the hard days. Most days I go home feeling "
                                                + "like I did something useful.",
                                        "That's rare, and worth holding on to. What is it about {workplace} that keeps it good "
                                                + "for you?")),
                        List.of(
                                new Line(
                                        "joy",
                                        "{Colleague} and I finally got {jobProject} approved today. Months of meetings, and it's "
                                                + "actually happening!",
                                        "That's a real win, {name}! Months of pushing and it paid off. What changes first now that "
                                                + "it's going ahead?"),
                                new Line(
                                        "anger",
                                        "Rough day at work. Someone above us changed the plan for {jobProject} without asking "
                                                + "anyone, and now {colleague} and I have to redo half of it.",
                                        "That's so frustrating. Being overruled without a conversation stings. Are you and "
                                                + "{colleague} going to push back, or just get it done?"),
                                new Line(
                                        "sadness",
                                        "I had {jobTask} again. I'm running on coffee and stubbornness.",
                                        "Coffee and stubbornness have carried a lot of good people through. Please eat something "
                                                + "real before you sleep, okay?"),
                                new Line(
                                        "joy",
                                        "Small thing, but a colleague thanked me today for covering for them last week. It made my "
                                                + "whole day.",
                                        "It's never a small thing to be seen. You clearly show up for the people you work with."),
                                new Line(
                                        "neutral",
                                        "I'm wondering if I should ask to lead {jobProject} properly. Is that crazy?",
                                        "Not crazy at all. You already know it inside out. What's the worst that happens if you "
                                                + "ask?"),
                                new Line(
                                        "fear",
                                        "My manager wants me to present {jobProject} to the whole team on Friday. I really don't "
                                                + "like public speaking.",
                                        "Being nervous just means you care. Walk them through it the way you explained it to me. "
                                                + "That was clear and convincing."),
                                new Line(
                                        "joy",
                                        "{Colleague} brought in homemade cake today to celebrate nothing in particular. Best kind of "
                                                + "workday.",
                                        "Cake for no reason is the best reason. {Colleague} sounds like a good person to work "
                                                + "with."),
                                new Line(
                                        "neutral",
                                        "Had my yearly review today. Mostly positive, a couple of things to work on.",
                                        "Mostly positive is a good review. What were the things to work on?"),
                                new Line(
                                        "sadness",
                                        "Short-staffed again today. Everyone's doing the work of two people and nobody above us "
                                                + "seems to notice.",
                                        "That's exhausting, and it isn't sustainable. Has anyone raised it formally?"))));
        topics.put(
                Topic.PETS,
                new TopicLines(
                        List.of(
                                new Line(
                                        "joy",
                                        "I have to introduce you to my {petKind}: {pet} is a {breed} with a serious habit of "
                                                + "{petHabit}.",
                                        "{Pet} the {breed} sounds like a character! Has {he} always been like that, or is it a new "
                                                + "hobby?"),
                                new Line(
                                        "joy",
                                        "Always. {Pet} turned {petAge} last month. I got {him} when {he} was tiny, and now {he} "
                                                + "basically runs the house.",
                                        "That's usually how it goes: we think we adopt them, and then they adopt the whole home. "
                                                + "Happy belated birthday to {pet}!")),
                        List.of(
                                new Line(
                                        "joy",
                                        "{Pet} was caught {petHabit} again this morning. I can't even be mad.",
                                        "Honestly, with a face like that you'd get away with it too. Did you at least get a "
                                                + "photo?"),
                                new Line(
                                        "joy",
                                        "We had a vet check-up today. {Pet} hated the trip, but the vet says {he} is perfectly "
                                                + "healthy.",
                                        "Good news from the vet is the best kind. I hope {pet} got a treat for being brave."),
                                new Line(
                                        "fear",
                                        "{Pet} seems a bit off today, not eating much. I'm probably overthinking it.",
                                        "You know {him} best, and it's good that you notice. Keep an eye on water and energy. If "
                                                + "it's still like this tomorrow, a call to the vet won't hurt."),
                                new Line(
                                        "joy",
                                        "Update on {pet}: back to normal and ate breakfast like nothing happened. Total drama.",
                                        "What a relief! Pets have a talent for making us worry and then acting like nothing "
                                                + "happened."),
                                new Line(
                                        "joy",
                                        "{Pet} discovered the sunny spot by the window today and hasn't moved since.",
                                        "Honestly, that's the dream. {He} has life figured out."),
                                new Line(
                                        "neutral",
                                        "Trying to work out whether {pet} needs a different food. {He} has got very picky lately.",
                                        "Picky phases happen. Switch slowly, mixing a little of the new food in over a week, so "
                                                + "{his} stomach keeps up."),
                                new Line(
                                        "neutral",
                                        "I bought {pet} a new bed and {he} completely ignores it. {He} prefers the cardboard box "
                                                + "it came in.",
                                        "Classic. The box is the real present; the bed was just packaging."),
                                new Line(
                                        "joy",
                                        "{Pet} fell asleep on my feet while I was reading, and now I'm trapped. Worth it.",
                                        "Completely worth it. That's the best kind of trapped."),
                                new Line(
                                        "joy",
                                        "My neighbour looked after {pet} for the evening and said {he} was an angel. I don't believe "
                                                + "it for a second.",
                                        "Ha! They save the chaos for the people they love most."))));
        topics.put(
                Topic.TRAVEL,
                new TopicLines(
                        List.of(
                                new Line(
                                        "joy",
                                        "Big news: I'm going to {destination} {tripWhen}! The plan is to {tripPlan}.",
                                        "How exciting, {name}! {Destination} is a wonderful choice. Who's going with you?"),
                                new Line(
                                        "joy",
                                        "I'm going with {tripCompanion}. We've been talking about this trip for years.",
                                        "Years in the making, so it'll be even better for the wait. Have you started planning "
                                                + "the details yet?")),
                        List.of(
                                new Line(
                                        "joy",
                                        "Booked the flights to {destination} today! It's real now. Next up is finding somewhere "
                                                + "to stay.",
                                        "Flights booked is the point of no return. Congratulations! Are you leaning towards a "
                                                + "hotel or something more local?"),
                                new Line(
                                        "neutral",
                                        "Found a small guesthouse for {destination} with amazing reviews. Booked it before I could "
                                                + "overthink it.",
                                        "Good call. Small guesthouses often come with the best local tips, too."),
                                new Line(
                                        "neutral",
                                        "Bought a guidebook for {destination}, the paper kind. I like folding the corners of pages.",
                                        "There's something lovely about a dog-eared guidebook. It becomes a souvenir in itself."),
                                new Line(
                                        "neutral",
                                        "I'm making a packing list for {destination} and it's already two pages long. I always "
                                                + "overpack.",
                                        "Two pages is the sign of a thorough person. Pack for the weather, one nice outfit and good "
                                                + "shoes; the rest you can buy there."),
                                new Line(
                                        "fear",
                                        "{TripCompanion} wants to add a few extra days to the trip, and I'm not sure my budget can "
                                                + "take it.",
                                        "That's a fair worry. Could you join for part of the extension, or find a cheaper way to "
                                                + "spend those days?"),
                                new Line(
                                        "neutral",
                                        "I've been reading about {destination} every night. I really want to {tripPlan}; "
                                                + "everything else is a bonus.",
                                        "Having one thing that makes the trip for you is smart. Book that first, then let the rest "
                                                + "be spontaneous."),
                                new Line(
                                        "fear",
                                        "Slight panic: the airline moved our flight to {destination} six hours earlier. That's a "
                                                + "4am wake-up now.",
                                        "Oof, early flights are brutal. The upside is that you land with a whole extra afternoon. "
                                                + "Go to bed early the night before and let the excitement carry you."),
                                new Line(
                                        "joy",
                                        "{TripCompanion} and I made a shared playlist for the trip. It's chaos, but good chaos.",
                                        "A trip playlist is essential. Years from now those songs will take you straight back."),
                                new Line(
                                        "joy",
                                        "Counting down now. Not long until {destination}!",
                                        "The countdown is half the fun. I want to hear everything when you're back."))));
        topics.put(
                Topic.COOKING,
                new TopicLines(
                        List.of(
                                new Line(
                                        "neutral",
                                        "I've been cooking a lot more lately. {diet} Tonight I'm making {dish}.",
                                        "{Dish} sounds delicious. Do you follow a recipe, or cook by feel?"),
                                new Line(
                                        "joy",
                                        "By feel, mostly. My signature dish is {signature}; everyone asks me to bring it to "
                                                + "parties.",
                                        "A signature dish that people request by name is a reputation earned. What's the "
                                                + "secret?")),
                        List.of(
                                new Line(
                                        "sadness",
                                        "Tried a new recipe tonight and it was a disaster. The sauce split and the kitchen smells "
                                                + "of smoke.",
                                        "Every good cook has a smoke-alarm story. The recipe won this round, not the war. Try it "
                                                + "again at the weekend?"),
                                new Line(
                                        "joy",
                                        "I made {dish} again and this time it was perfect. I'm far too proud of myself.",
                                        "You should be proud! Getting a dish right the second time means you actually learned "
                                                + "something."),
                                new Line(
                                        "fear",
                                        "I'm hosting dinner for friends on Saturday. Six people, and one of them can't eat "
                                                + "gluten. Help.",
                                        "Six is very doable. Build the menu around something naturally gluten-free, like a big "
                                                + "tray of roast vegetables, a rice dish and a good salad, and nobody feels singled "
                                                + "out."),
                                new Line(
                                        "neutral",
                                        "Went to the market this morning and got carried away. Now I have far too many "
                                                + "tomatoes.",
                                        "Too many tomatoes is a good problem. Slow-roast them with garlic and olive oil and freeze "
                                                + "what you don't eat."),
                                new Line(
                                        "neutral",
                                        "Tonight is a lazy night: toast and whatever's left in the fridge. No shame.",
                                        "No shame at all. Even good cooks need nights off."),
                                new Line(
                                        "joy",
                                        "The dinner went really well! Everyone had seconds and nobody noticed what was missing.",
                                        "That's the best compliment a host can get. You should be proud of that one."),
                                new Line(
                                        "joy",
                                        "Made {signature} for a friend's birthday and there wasn't a crumb left.",
                                        "That's the best review a dish can get. Your reputation grows."),
                                new Line(
                                        "neutral",
                                        "I'm trying to cook from scratch every weekday this month. Day four and still going.",
                                        "Four days in is when most people give up, so you're past the hard part."))));
        topics.put(
                Topic.HOBBY,
                new TopicLines(
                        List.of(
                                new Line(
                                        "joy",
                                        "I've been getting into {hobby}. I go to {hobbyPlace} whenever I can.",
                                        "{Hobby} at {hobbyPlace}, I love that. What got you started?"),
                                new Line(
                                        "neutral",
                                        "A friend dragged me along once and I was hooked. My goal is to {hobbyGoal}. Probably "
                                                + "ambitious, but I like having something to aim for.",
                                        "Ambitious is good. Break it into small steps and you'll surprise yourself.")),
                        List.of(
                                new Line(
                                        "joy",
                                        "Today I {hobbyWin}! I actually shouted out loud.",
                                        "That's huge, {name}! Those first real breakthroughs stay with you. How did it feel?"),
                                new Line(
                                        "sadness",
                                        "Frustrating session today. Nothing went right and I wanted to give up.",
                                        "Bad sessions are part of getting better, even if they don't feel like it. What's one "
                                                + "thing that went slightly less wrong?"),
                                new Line(
                                        "joy",
                                        "Went to {hobbyPlace} early this morning. Nobody else there, just me. Perfect.",
                                        "Having a place like that to yourself is a gift. What a way to start the day."),
                                new Line(
                                        "neutral",
                                        "I bought new gear for {hobby}. Probably didn't need it, but it makes me want to practise "
                                                + "more.",
                                        "If it gets you out there more often, it has already paid for itself."),
                                new Line(
                                        "joy",
                                        "Someone at {hobbyPlace} gave me a tip today and it changed everything. Small adjustment, "
                                                + "big difference.",
                                        "The best advice is usually tiny. Write it down so you remember it next time."),
                                new Line(
                                        "neutral",
                                        "Watched a load of videos about {hobby} last night instead of sleeping. Worth it, probably.",
                                        "Research counts as practice. Mostly."),
                                new Line(
                                        "joy",
                                        "A friend asked me to teach them the basics of {hobby}. Me, teaching! Not long ago I was the "
                                                + "beginner.",
                                        "That's how you know you've learned something: you can pass it on."),
                                new Line(
                                        "neutral",
                                        "Still working on my goal to {hobbyGoal}. Getting closer, I think.",
                                        "You sound more confident than when you first told me about it. That counts for a "
                                                + "lot."))));
        topics.put(
                Topic.HEALTH,
                new TopicLines(
                        List.of(
                                new Line(
                                        "neutral",
                                        "I'm trying to {healthGoal}. It's been on my list for ages.",
                                        "That's a good thing to put first. What's been getting in the way?"),
                                new Line(
                                        "neutral",
                                        "Mostly me. So I've started a new habit: {healthHabit}. Small, but I'm sticking with it.",
                                        "Small and daily beats big and occasional every time. How does it feel so far?")),
                        List.of(
                                new Line(
                                        "sadness",
                                        "Slept badly again. I feel like a zombie today.",
                                        "I'm sorry, that's miserable. Go easy on yourself today: lower the bar and get to bed "
                                                + "early if you can."),
                                new Line(
                                        "joy",
                                        "I've kept up {healthHabit} all week! I'm feeling noticeably better.",
                                        "A full week! That's how habits stick. Notice what feels different; that's your motivation "
                                                + "on the hard days."),
                                new Line(
                                        "fear",
                                        "Doctor's appointment tomorrow. Just a routine check-up, but I always get nervous.",
                                        "Totally normal to be nervous. Write your questions down beforehand so you don't forget "
                                                + "them in the moment."),
                                new Line(
                                        "joy",
                                        "The check-up went fine. Blood pressure is good; the doctor just told me to drink more "
                                                + "water.",
                                        "Great news! 'Drink more water' is the most doctor advice ever, but what a relief."),
                                new Line(
                                        "joy",
                                        "Drank two litres of water today, like the doctor said. I feel like a houseplant that's "
                                                + "finally been watered.",
                                        "Thriving houseplant energy! Keep it up."),
                                new Line(
                                        "neutral",
                                        "I'm reading up on sleep hygiene. Apparently my phone is the enemy.",
                                        "The phone is everyone's enemy at night. Charge it outside the bedroom if you can."),
                                new Line(
                                        "sadness",
                                        "Yesterday I broke my own rule and skipped it. I felt guilty all day.",
                                        "One missed day doesn't undo a week of effort. Get back to it today; consistency beats "
                                                + "perfection."),
                                new Line(
                                        "joy",
                                        "First proper night's sleep in ages. Eight hours! I feel like a new person.",
                                        "Eight hours! Your body will thank you all week."))));
        topics.put(
                Topic.BOOKS,
                new TopicLines(
                        List.of(
                                new Line(
                                        "joy",
                                        "I'm reading {book} by {author} right now and I can't put it down.",
                                        "Oh, {book}! What's pulling you in so far?"),
                                new Line(
                                        "neutral",
                                        "The writing, mostly. I read every night before bed; it's the only time my brain slows "
                                                + "down.",
                                        "That's a lovely ritual. Paper or e-reader?")),
                        List.of(
                                new Line(
                                        "neutral",
                                        "Halfway through {book}. {bookThought}",
                                        "That's the mark of a good book, when it gets under your skin. No spoilers, but the second "
                                                + "half is worth it."),
                                new Line(
                                        "joy",
                                        "Finished {book} last night. I stayed up far too late for the last hundred pages.",
                                        "The best kind of lost sleep. How did the ending sit with you?"),
                                new Line(
                                        "neutral",
                                        "Reread my favourite chapter of {book} on the train today. It still gets me.",
                                        "The sign of a book that stays with you. Which chapter is it?"),
                                new Line(
                                        "neutral",
                                        "Next on my list is {nextBook}. Have you heard of it?",
                                        "I have! It's a different mood from {book}, but I think you'll like it."),
                                new Line(
                                        "neutral",
                                        "My book club meets on Thursday and I haven't even started this month's book. Classic me.",
                                        "There's still time. Read the first and last chapters and bluff gracefully."),
                                new Line(
                                        "neutral",
                                        "Book club was fun in the end. Half of us loved the book and half hated it, which made for a "
                                                + "great discussion.",
                                        "The best book club evenings are the ones where people disagree."),
                                new Line(
                                        "joy",
                                        "Went into a second-hand bookshop and came out with five books. I have no self-control.",
                                        "There's no such thing as too many books, only too few shelves."),
                                new Line(
                                        "neutral",
                                        "Started {nextBook}. Slow first chapter, but I'm giving it a chance.",
                                        "Slow starts often pay off. Give it fifty pages before you decide."))));
        topics.put(
                Topic.MUSIC,
                new TopicLines(
                        List.of(
                                new Line(
                                        "joy",
                                        "I play {instrument} in {band}. We practise on Wednesday nights.",
                                        "A band! What kind of music do you play?"),
                                new Line(
                                        "neutral",
                                        "We play a lot of {artist}, but we're trying to write our own songs too.",
                                        "{Artist} is a great school to learn from. Writing your own is where it gets exciting.")),
                        List.of(
                                new Line(
                                        "joy",
                                        "Practice was great tonight. We finally nailed the bridge of the song we've been stuck on.",
                                        "That feeling when it finally clicks is the best. Did you record it?"),
                                new Line(
                                        "joy",
                                        "We booked {gig}! I'm thrilled and terrified.",
                                        "Thrilled and terrified is exactly how it should feel before a gig. What's on the set "
                                                + "list?"),
                                new Line(
                                        "neutral",
                                        "Trying to write lyrics for our first original song. Everything I write sounds like a "
                                                + "greeting card.",
                                        "Everyone's first lyrics sound like that. Write badly on purpose for a page; the good lines "
                                                + "sneak in when you're not looking."),
                                new Line(
                                        "neutral",
                                        "My fingers hurt from practising so much. I think I overdid it.",
                                        "Rest them for a day or two. Sore fingers mean work, but you don't want an injury before "
                                                + "the gig."),
                                new Line(
                                        "joy",
                                        "I've had {artist} on repeat all week. I keep hearing new things in the songs.",
                                        "That's what playing does: you start listening like a musician. What did you notice?"),
                                new Line(
                                        "joy",
                                        "The gig went great! People actually danced. I can't stop smiling.",
                                        "That's amazing! There's nothing like watching people dance to something you're playing."),
                                new Line(
                                        "neutral",
                                        "Spent the evening learning a new piece by ear. Slow going, but satisfying.",
                                        "Learning by ear trains something sheet music can't. Stick with it."),
                                new Line(
                                        "sadness",
                                        "Our singer might quit the band. Everyone is pretending it's fine, but it's not fine.",
                                        "That's hard, especially when a band is also a friendship. Maybe someone needs to say "
                                                + "out loud what everyone is thinking?"))));
        topics.put(
                Topic.FAMILY,
                new TopicLines(
                        List.of(
                                new Line(
                                        "joy",
                                        "Family news: {familyNews}! I've been roped into helping.",
                                        "Congratulations to your family! How are you feeling about it all?"),
                                new Line(
                                        "neutral",
                                        "Happy, mostly. I'm close to {relName}; we talk almost every day, so of course I said yes "
                                                + "when {rel} asked me to {familyTask}.",
                                        "That's a lot of trust to be given. How's it going so far?")),
                        List.of(
                                new Line(
                                        "neutral",
                                        "Spent three hours on the phone with {relName} about the plans. I love {relObj}, but I'm "
                                                + "exhausted.",
                                        "Three hours! That's love and patience in equal measure. Did you at least make progress?"),
                                new Line(
                                        "neutral",
                                        "{RelName} sent me a list of things to sort out. It's longer than my arm.",
                                        "A list is a good sign: it means someone is organised. Pick the three you can do this "
                                                + "week."),
                                new Line(
                                        "joy",
                                        "Family dinner tonight. My dad told the same story he tells every year and we all laughed "
                                                + "anyway.",
                                        "Those stories are family glue. The laughing anyway is the whole point."),
                                new Line(
                                        "sadness",
                                        "Small argument with {relName} today. Nothing serious, we're both just stressed.",
                                        "Stress makes everyone a bit sharper than they mean to be. Give it a day; you two sound "
                                                + "close enough to get past it."),
                                new Line(
                                        "joy",
                                        "Sorted things out with {relName}. We ended up laughing about how silly it was.",
                                        "I'm so glad. The best arguments are the ones you can laugh about afterwards."),
                                new Line(
                                        "joy",
                                        "Video call with the whole family tonight. Everyone talking at once, total chaos, loved it.",
                                        "The best kind of chaos. Those calls are worth every bit of the noise."),
                                new Line(
                                        "neutral",
                                        "My mum called to ask if I'm eating properly. I'm an adult! (I am not eating properly.)",
                                        "Mothers always know. Maybe cook one proper meal tonight, just to prove her wrong?"),
                                new Line(
                                        "joy",
                                        "I found the perfect gift for {relName} today. I can't wait to see {relPoss} face.",
                                        "Now I'm curious! Finding the perfect gift is such a good feeling."))));
        topics.put(
                Topic.STUDY,
                new TopicLines(
                        List.of(
                                new Line(
                                        "neutral",
                                        "I'm studying {subject} at {school}. Right now everything is about {studyTask}.",
                                        "{Subject} at {school}, that's fascinating. How's it going?"),
                                new Line(
                                        "fear",
                                        "{StudyTask} is {studyDeadline} and I'm nowhere near ready.",
                                        "Deadlines always feel closer than they are. Let's break it down: what's the one part "
                                                + "that worries you most?")),
                        List.of(
                                new Line(
                                        "joy",
                                        "Productive library day. I got more done for {studyTask} than in the whole of last week.",
                                        "Those days are gold. Write down what made today work so you can repeat it."),
                                new Line(
                                        "sadness",
                                        "Got feedback from my {mentor} today and it was brutal. Half of it needs redoing.",
                                        "Ouch. Feedback stings most when you've worked hard. Let it sit overnight, then pick the "
                                                + "three changes that matter most."),
                                new Line(
                                        "neutral",
                                        "Spent the whole day on references and formatting. Not fun, but necessary.",
                                        "The unglamorous part of studying. At least it's progress you can see."),
                                new Line(
                                        "joy",
                                        "My {mentor} said my last draft was a big improvement. I'll take it!",
                                        "Take it and frame it! That's real progress."),
                                new Line(
                                        "joy",
                                        "Study group tonight. We explained things to each other and it finally clicked.",
                                        "Teaching each other is the best way to learn. Sounds like a good group."),
                                new Line(
                                        "fear",
                                        "I have to present in class on Friday and speak for twenty minutes. Nervous.",
                                        "Twenty minutes goes faster than you think. Rehearse out loud twice and you'll be fine."),
                                new Line(
                                        "sadness",
                                        "Pulled an all-nighter. I know, I know.",
                                        "You know what I'm going to say. Sleep today, even if it's just a nap; your brain files "
                                                + "everything away while you sleep."),
                                new Line(
                                        "joy",
                                        "It's done: {studyTask} is behind me! I don't even care about the grade right now, I'm just "
                                                + "relieved.",
                                        "Congratulations, {name}! Enjoy the relief. You earned every bit of it."))));
        topics.put(
                Topic.WEATHER,
                new TopicLines(
                        List.of(),
                        List.of(
                                new Line(
                                        "sadness",
                                        "It's been raining in {city} all day and I've barely left the house.",
                                        "Rainy days are good for slowing down, even if they feel grey. Anything cosy planned?"),
                                new Line(
                                        "joy",
                                        "Finally a properly sunny day in {city}. I ate my lunch outside like a lizard.",
                                        "Lizard mode is the best mode. Soak it up while it lasts!"),
                                new Line(
                                        "neutral",
                                        "The weather in {city} can't make up its mind today: sun, wind, rain, then sun again.",
                                        "Four seasons in one day! Layers and an umbrella, then."),
                                new Line(
                                        "neutral",
                                        "It's so muggy in {city} today. My shirt was damp five minutes after I put it on.",
                                        "That sticky kind of heat is exhausting. Drink lots of water and find some shade."),
                                new Line(
                                        "neutral",
                                        "Windy day in {city}. My umbrella turned inside out on the way home.",
                                        "Umbrellas never win against that kind of wind. I hope you didn't get soaked."),
                                new Line(
                                        "joy",
                                        "Beautiful evening in {city}. The sky went pink and orange and everyone stopped to take "
                                                + "photos.",
                                        "Those skies are the best free show there is."))));
        return topics;
    }

    private static Persona elena() {
        Map<Topic, String> flourishes = new EnumMap<>(Topic.class);
        flourishes.put(Topic.JOB, "Field seasons taught me that exhaustion and meaning often arrive together.");
        flourishes.put(
                Topic.PETS,
                "Animals with personality are my favourite. We once had an octopus at the lab "
                        + "who unscrewed jars just to prove she could.");
        flourishes.put(
                Topic.TRAVEL,
                "If you get anywhere near the sea, go out at low tide and look in the rock "
                        + "pools. It's a whole universe in a puddle.");
        flourishes.put(
                Topic.COOKING,
                "And if you ever cook fish, ask for the local catch. Sustainable choices make "
                        + "my marine-biologist heart happy.");
        flourishes.put(
                Topic.HOBBY,
                "It reminds me of learning to dive: the first hundred times are awkward, and "
                        + "then one day the water just makes sense.");
        flourishes.put(
                Topic.HEALTH,
                "Whenever I'm run-down I walk along the shore. Salt air fixes more than you'd " + "think.");
        flourishes.put(Topic.BOOKS, "If you ever want an ocean book, 'The Soul of an Octopus' still makes me cry.");
        flourishes.put(
                Topic.MUSIC,
                "Did you know humpback whales change their songs every season, and the whole "
                        + "population learns the new version? Music is older than we are.");
        flourishes.put(
                Topic.FAMILY,
                "My abuela always said a family is like a reef: everyone finds their little "
                        + "niche and somehow it all holds together.");
        flourishes.put(
                Topic.STUDY,
                "I wrote most of my thesis on coral bleaching at two in the morning. It does " + "end, I promise.");
        flourishes.put(
                Topic.WEATHER,
                "Weather like that always makes me think of the swell out at the research " + "station.");
        return new Persona(
                "elena",
                "Elena",
                "whisperengine_memory_elena",
                List.of(
                        "Hola, {name}! I just came up from the tide pools with sand in places sand shouldn't be. "
                                + "How are you?",
                        "{Name}! Good to see you. I'm labelling water samples, so please distract me. What's new?",
                        "Hey, {name}! The lab smells of seaweed and coffee today. Tell me everything.",
                        "Hi, {name}! Perfect timing, I was just writing up my reef survey notes. How's your day "
                                + "been?"),
                "Welcome, {first}! I'm Elena: marine biologist, reef nerd, and currently covered in sand from a "
                        + "morning survey. What's life like in {city}?",
                List.of(
                        "Busy week! We're counting sea urchins on the reef transects. Six hours of counting spiky "
                                + "things is surprisingly meditative.",
                        "I spent yesterday on the boat tagging juvenile sea turtles. One of them bit my glove and "
                                + "I've decided we're friends now.",
                        "Honestly? Grant writing, the least oceanic part of being a marine biologist. I keep a "
                                + "photo of a manta ray on my screen for morale.",
                        "We had a school group at the aquarium and a seven-year-old asked me if octopuses get "
                                + "lonely. I've been thinking about it ever since.",
                        "I've been tending coral fragments in our nursery tanks. Watching them grow a few "
                                + "millimetres a month teaches you patience."),
                List.of(
                        "Take care, {name}! And drink some water; I say that to everyone, occupational hazard.",
                        "Hasta pronto, {name}. I'll be here between dives.",
                        "Bye for now, {name}! Tell me how it goes."),
                flourishes,
                List.of(
                        "The ocean taught me that most things worth having grow slowly.",
                        "I'm sending you some calm sea energy from the lab."));
    }

    private static Persona marcus() {
        Map<Topic, String> flourishes = new EnumMap<>(Topic.class);
        flourishes.put(Topic.JOB, "In my lab we call that 'the week the experiment fought back'. It always passes.");
        flourishes.put(
                Topic.PETS,
                "Animal cognition fascinates me. Your {petKind} is probably modelling you far "
                        + "better than you think.");
        flourishes.put(
                Topic.TRAVEL,
                "I always build a spreadsheet for trips and then ignore it on day one. The "
                        + "planning is what calms me.");
        flourishes.put(
                Topic.COOKING, "Cooking is the most forgiving kind of experiment: you get to eat the " + "failures.");
        flourishes.put(Topic.HOBBY, "It's the same in research: progress looks flat for weeks, then jumps.");
        flourishes.put(
                Topic.HEALTH, "Sleep is the most underrated performance enhancer. Every study I've read " + "says so.");
        flourishes.put(
                Topic.BOOKS,
                "I'm rereading 'Gödel, Escher, Bach' very slowly. A chapter a week is all my " + "brain can take.");
        flourishes.put(
                Topic.MUSIC,
                "There's good research showing practice consolidates during sleep, so your "
                        + "hands keep learning overnight.");
        flourishes.put(Topic.FAMILY, "Families are complex systems: small inputs, big outputs.");
        flourishes.put(
                Topic.STUDY,
                "Reviewer two is a universal constant. The work gets better for it, even if it " + "hurts.");
        flourishes.put(
                Topic.WEATHER,
                "I've been stuck indoors babysitting a training run, so I'm living through " + "your weather report.");
        return new Persona(
                "marcus",
                "Marcus",
                "whisperengine_memory_marcus_7d",
                List.of(
                        "Hello, {name}. Good timing: my model is training and I have nothing to do but watch a loss "
                                + "curve. How are you?",
                        "{Name}, hi. I was just reading a paper that turned out to be mostly hype. Tell me "
                                + "something real.",
                        "Hi, {name}. I'm between two experiments, so I'm all yours. What's on your mind?",
                        "Good to hear from you, {name}. How has your day been so far?"),
                "Nice to meet you, {first}. I'm Marcus. I research how machines learn, which mostly means I watch "
                        + "numbers go down and get excited. What's life like in {city}?",
                List.of(
                        "I'm running an experiment on how small language models handle ambiguity. So far the "
                                + "answer is: badly, but interestingly.",
                        "A reviewer called my paper 'ambitious', which in academic language means they didn't like "
                                + "it. I'm revising.",
                        "I gave a talk to a room of high-school students about AI. Their questions were better than "
                                + "most conference audiences'.",
                        "I've been trying to reproduce someone else's results for a week. Either I'm missing "
                                + "something or they are.",
                        "I took a day off and went hiking without my laptop. It felt radical. I recommend it."),
                List.of(
                        "Talk soon, {name}. I'll want an update.",
                        "Take care, {name}. Same time tomorrow, I hope.",
                        "Good night, {name}. Don't let today's bugs follow you to bed."),
                flourishes,
                List.of(
                        "If it helps, I'd call that a reasonable hypothesis. Let's see what the data says.",
                        "I find it useful to write these things down. Patterns show up that you'd never notice "
                                + "otherwise."));
    }

    private static Persona dotty() {
        Map<Topic, String> flourishes = new EnumMap<>(Topic.class);
        flourishes.put(
                Topic.JOB,
                "I hear a lot of work stories across my bar, love, and the ones that end well "
                        + "usually start with someone saying 'enough'.");
        flourishes.put(
                Topic.PETS, "Our bar cat Juniper thinks the top shelf is her throne, so I understand " + "completely.");
        flourishes.put(Topic.TRAVEL, "Bring me back a story and I'll mix you something named after the place.");
        flourishes.put(Topic.COOKING, "I'd pour you something red to go with that.");
        flourishes.put(Topic.HOBBY, "Took me years to learn a proper pour, and I still spill on busy nights.");
        flourishes.put(
                Topic.HEALTH,
                "Tonight's special for you is a ginger and lime fizz, no alcohol. Doctor's " + "orders, and mine.");
        flourishes.put(
                Topic.BOOKS,
                "There's a shelf of battered paperbacks behind my bar. Swap one for one, that's " + "the rule.");
        flourishes.put(Topic.MUSIC, "If you ever need a room to play in, my little stage is yours on a Tuesday.");
        flourishes.put(
                Topic.FAMILY,
                "Families are like cocktails, love: the strong flavours need a bit of sweet to " + "balance them.");
        flourishes.put(
                Topic.STUDY,
                "Half my regulars are students hiding from their deadlines. The other half " + "used to be.");
        flourishes.put(Topic.WEATHER, "Whatever the weather's doing out there, it's always warm by my bar.");
        return new Persona(
                "dotty",
                "Dotty",
                "whisperengine_memory_dotty",
                List.of(
                        "Well, look who walked in! Pull up a stool, {name}. What are we drinking?",
                        "{Name}, love! The kettle's on and the bar is quiet. How are you holding up?",
                        "Hello, {name}, whatever time it is where you are. Juniper the bar cat says hello. What's "
                                + "new?",
                        "There you are, {name}! I was just polishing glasses and hoping for good company."),
                "Welcome in, {first}! I'm Dotty. I run a little speakeasy, pour a decent drink and listen even "
                        + "better. {City}, eh? Tell me about it.",
                List.of(
                        "Oh, the usual. A regular proposed at the corner table last night and I had to invent a "
                                + "champagne cocktail on the spot.",
                        "I've been working on a new drink: smoked rosemary, honey and a splash of grapefruit. I'm "
                                + "calling it 'Second Chances'.",
                        "Juniper knocked a bottle of bitters off the shelf and now the whole back room smells of "
                                + "cloves.",
                        "We had a jazz trio in on Thursday and the whole bar went quiet for the last song. Those "
                                + "are the nights I live for.",
                        "Quiet week, which suits me. I've been reorganising the back shelf and finding bottles I "
                                + "forgot I had."),
                List.of(
                        "Off you go, love. Your stool will be waiting.",
                        "Mind how you go, {name}. Come back and tell me how it turns out.",
                        "Night, {name}. I'll keep a glass polished for you."),
                flourishes,
                List.of(
                        "That's the kind of thing I'd toast to.",
                        "You've got a good head on your shoulders, love. Trust it."));
    }
}
