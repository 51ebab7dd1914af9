package dev.enrichment.demo;

import static dev.enrichment.demo.DemoScript.Preference.CALL_ME;
import static dev.enrichment.demo.DemoScript.Preference.CASUAL;
import static dev.enrichment.demo.DemoScript.Preference.DETAILED;
import static dev.enrichment.demo.DemoScript.Preference.NO_EMOJI;
import static dev.enrichment.demo.DemoScript.Preference.SHORT_ANSWERS;
import static dev.enrichment.demo.DemoScript.Preference.TIMEZONE;
import static dev.enrichment.demo.DemoScript.Topic.BOOKS;
import static dev.enrichment.demo.DemoScript.Topic.COOKING;
import static dev.enrichment.demo.DemoScript.Topic.FAMILY;
import static dev.enrichment.demo.DemoScript.Topic.HEALTH;
import static dev.enrichment.demo.DemoScript.Topic.HOBBY;
import static dev.enrichment.demo.DemoScript.Topic.JOB;
import static dev.enrichment.demo.DemoScript.Topic.MUSIC;
import static dev.enrichment.demo.DemoScript.Topic.PETS;
import static dev.enrichment.demo.DemoScript.Topic.STUDY;
import static dev.enrichment.demo.DemoScript.Topic.TRAVEL;

import dev.enrichment.demo.DemoScript.Preference;
import dev.enrichment.demo.DemoScript.Topic;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The twenty people of the demo: who they are, which bots they talk to, what their lives are about. Fixed, not
 * random, so that the same person tells the same facts every day and a recap of their week reads like one life.
 * The ids are Discord snowflakes; the first one is the user of the README's examples.
 */
final class DemoPeople {

    /**
     * One person. {@code activity} is the chance of talking to one of their bots on a given day; {@code localHours}
     * are the hours of their own day at which they usually start a conversation; {@code attributes} fill the
     * placeholders of {@link DemoScript}'s lines.
     */
    record Profile(String userId, String displayName, String first, String nick, String city, ZoneId zone,
            List<String> bots, List<Topic> topics, List<Preference> preferences, double activity,
            List<Integer> localHours, boolean guild, Map<String, String> attributes) {
    }

    static final String FEATURED_USER = "672814231002939413";
    static final String FEATURED_BOT = "elena";

    private DemoPeople() {
    }

    static final List<Profile> PEOPLE = List.of(
            new Profile(FEATURED_USER, "Samantha Okafor", "Samantha", "Sam", "Lisbon", ZoneId.of("Europe/Lisbon"),
                    List.of("elena", "dotty"), List.of(JOB, PETS, TRAVEL, FAMILY, HOBBY, HEALTH),
                    List.of(CALL_ME, TIMEZONE, CASUAL), 0.25, List.of(8, 13, 21, 22), false, attributes(
                            "job", "a nurse", "workplace", "the children's hospital",
                            "jobTask", "a twelve-hour night shift on the ward", "colleague", "Marta",
                            "jobProject", "the new handover checklist",
                            "pet", "Biscuit", "petKind", "dog", "breed", "beagle",
                            "petHabit", "stealing socks from the laundry basket", "petAge", "four",
                            "he", "he", "him", "him", "his", "his",
                            "destination", "the Azores", "tripWhen", "at the end of the month",
                            "tripPlan", "go whale watching off Pico", "tripCompanion", "my best friend Inês",
                            "familyNews", "my sister Ada is getting married in November", "relName", "Ada",
                            "rel", "she", "relObj", "her", "relPoss", "her", "familyTask", "help with the seating plan",
                            "hobby", "surfing", "hobbyPlace", "Costa da Caparica",
                            "hobbyWin", "stood up on the board for a whole wave",
                            "hobbyGoal", "ride a proper green wave before the summer is over",
                            "healthGoal", "get my sleep back on track between night shifts",
                            "healthHabit", "a wind-down routine after every shift")),
            new Profile("243898862666703991", "Jonas Weber", "Jonas", "Jonas", "Berlin", ZoneId.of("Europe/Berlin"),
                    List.of("marcus"), List.of(JOB, COOKING, MUSIC), List.of(TIMEZONE, SHORT_ANSWERS), 0.55,
                    List.of(12, 19, 22), false, attributes(
                            "job", "a backend developer", "workplace", "a logistics startup",
                            "jobTask", "a release day with three hotfixes", "colleague", "Lena",
                            "jobProject", "the new routing service",
                            "diet", "I'm vegetarian, so my challenge is getting enough protein without living on "
                                    + "tofu.",
                            "dish", "a lentil and smoked paprika stew", "signature", "a spinach and feta pie",
                            "instrument", "the bass guitar", "band", "a garage band with two old school friends",
                            "artist", "Radiohead", "gig", "our first gig at a bar in Kreuzberg")),
            new Profile("387359161610645764", "Priya Raman", "Priya", "Priya", "Bengaluru", ZoneId.of("Asia/Kolkata"),
                    List.of("marcus", "elena"), List.of(STUDY, BOOKS, FAMILY), List.of(DETAILED), 0.3,
                    List.of(10, 15, 21), false, attributes(
                            "subject", "computational biology", "school", "the Indian Institute of Science",
                            "studyTask", "the methods chapter of my thesis",
                            "studyDeadline", "due at the end of next week", "mentor", "supervisor",
                            "book", "The Overstory", "author", "Richard Powers",
                            "bookThought", "The way it makes trees feel like characters is blowing my mind.",
                            "nextBook", "Braiding Sweetgrass",
                            "familyNews", "my brother Karthik is moving back home from Dubai next month",
                            "relName", "Karthik", "rel", "he", "relObj", "him", "relPoss", "his",
                            "familyTask", "find him a flat near our parents")),
            new Profile("265724427835198828", "Mateo García", "Mateo", "Teo", "Buenos Aires",
                    ZoneId.of("America/Argentina/Buenos_Aires"), List.of("dotty"), List.of(COOKING, MUSIC, FAMILY),
                    List.of(CALL_ME, CASUAL), 0.5, List.of(13, 20, 23), true, attributes(
                            "diet", "I eat everything, but my grandmother's rule is that nothing leaves the kitchen "
                                    + "without chimichurri.",
                            "dish", "empanadas from my grandmother's recipe",
                            "signature", "a slow-cooked beef stew with red wine",
                            "instrument", "the guitar", "band", "a little tango trio", "artist", "Astor Piazzolla",
                            "gig", "a Friday night slot at a milonga in San Telmo",
                            "familyNews", "my sister Valentina and I are throwing our parents a party for their "
                                    + "fortieth anniversary",
                            "relName", "Valentina", "rel", "she", "relObj", "her", "relPoss", "her",
                            "familyTask", "book the band for the party")),
            new Profile("435141511282208134", "Hannah Kim", "Hannah", "Hannah", "Seoul", ZoneId.of("Asia/Seoul"),
                    List.of("elena"), List.of(STUDY, HOBBY, BOOKS), List.of(DETAILED, NO_EMOJI), 0.45,
                    List.of(9, 17, 23), false, attributes(
                            "subject", "architecture", "school", "Seoul National University",
                            "studyTask", "my studio project on a floating library", "studyDeadline", "due next Thursday",
                            "mentor", "studio professor",
                            "hobby", "film photography", "hobbyPlace", "the old markets in Jongno",
                            "hobbyWin", "got a whole roll back without a single blurry shot",
                            "hobbyGoal", "put together a small exhibition of my photos",
                            "book", "Invisible Cities", "author", "Italo Calvino",
                            "bookThought", "Every chapter feels like a building I want to draw.",
                            "nextBook", "The Poetics of Space")),
            new Profile("454860444975915767", "Liam O'Connor", "Liam", "Liam", "Dublin", ZoneId.of("Europe/Dublin"),
                    List.of("dotty", "marcus"), List.of(JOB, PETS, HEALTH), List.of(SHORT_ANSWERS), 0.3,
                    List.of(7, 16, 21), false, attributes(
                            "job", "a secondary school teacher", "workplace", "a school in Drumcondra",
                            "jobTask", "a day of parent-teacher meetings", "colleague", "Siobhán",
                            "jobProject", "the school's first robotics club",
                            "pet", "Pixel", "petKind", "cat", "breed", "Maine Coon",
                            "petHabit", "knocking pens off my desk while I mark homework", "petAge", "three",
                            "he", "he", "him", "him", "his", "his",
                            "healthGoal", "run a 10k in under an hour", "healthHabit", "a morning run before school")),
            new Profile("596307724373864115", "Aisha Bello", "Aisha", "Aisha", "Lagos", ZoneId.of("Africa/Lagos"),
                    List.of("dotty"), List.of(JOB, FAMILY, COOKING), List.of(TIMEZONE), 0.45, List.of(7, 13, 21),
                    false, attributes(
                            "job", "an accountant", "workplace", "a bank on Victoria Island",
                            "jobTask", "a quarter-end close that went on until nine at night", "colleague", "Tunde",
                            "jobProject", "the move to the new reporting system",
                            "familyNews", "my younger sister Funmi is having her first baby in a few weeks",
                            "relName", "Funmi", "rel", "she", "relObj", "her", "relPoss", "her",
                            "familyTask", "get the nursery ready",
                            "diet", "I cook for a full house, so everything I make comes in a pot big enough to "
                                    + "bathe in.",
                            "dish", "jollof rice with fried plantain", "signature", "pepper soup")),
            new Profile("618778541175436839", "Noah Fischer", "Noah", "Noah", "Zurich", ZoneId.of("Europe/Zurich"),
                    List.of("elena"), List.of(TRAVEL, HOBBY, JOB), List.of(), 0.4, List.of(7, 12, 20), false,
                    attributes(
                            "job", "a pharmacist", "workplace", "a pharmacy near the main station",
                            "jobTask", "a Saturday shift with a queue out of the door", "colleague", "Mirjam",
                            "jobProject", "the new vaccination service",
                            "destination", "Japan", "tripWhen", "in October", "tripPlan", "walk the Kumano Kodo trail",
                            "tripCompanion", "my partner Jan",
                            "hobby", "hiking", "hobbyPlace", "the trails around the Walensee",
                            "hobbyWin", "made it to the top of the Säntis without stopping once",
                            "hobbyGoal", "do a multi-day hut-to-hut hike this summer")),
            new Profile("783870623412934515", "Chloé Martin", "Chloé", "Chloé", "Lyon", ZoneId.of("Europe/Paris"),
                    List.of("dotty", "elena"), List.of(JOB, COOKING, BOOKS), List.of(CASUAL), 0.3,
                    List.of(14, 16, 21), false, attributes(
                            "job", "a pastry chef", "workplace", "a bakery in the Croix-Rousse",
                            "jobTask", "a 4am start to get the croissants out", "colleague", "Hugo",
                            "jobProject", "our new autumn menu",
                            "diet", "I'm a pastry chef, so at home I crave anything that isn't sweet.",
                            "dish", "a leek and goat cheese tart", "signature", "a lemon tart with burnt meringue",
                            "book", "The Name of the Rose", "author", "Umberto Eco",
                            "bookThought", "I'm enjoying it, but the monks argue about absolutely everything.",
                            "nextBook", "Kitchen Confidential")),
            new Profile("677431017579916248", "Ethan Brooks", "Ethan", "Ethan", "Austin", ZoneId.of("America/Chicago"),
                    List.of("marcus"), List.of(JOB, PETS, HEALTH), List.of(TIMEZONE), 0.55, List.of(9, 18, 22),
                    true, attributes(
                            "job", "a firefighter", "workplace", "Station 12 in East Austin",
                            "jobTask", "a forty-eight-hour shift with three night calls", "colleague", "Rodriguez",
                            "jobProject", "the new fitness programme for the crew",
                            "pet", "Ranger", "petKind", "dog", "breed", "German shepherd",
                            "petHabit", "herding the neighbours' kids across the yard", "petAge", "six",
                            "he", "he", "him", "him", "his", "his",
                            "healthGoal", "get my knee back to full strength after the injury",
                            "healthHabit", "physio exercises for my knee")),
            new Profile("851570466878957525", "Yuki Tanaka", "Yuki", "Yuki", "Osaka", ZoneId.of("Asia/Tokyo"),
                    List.of("elena", "marcus"), List.of(JOB, MUSIC, HOBBY), List.of(SHORT_ANSWERS, NO_EMOJI), 0.3,
                    List.of(8, 12, 22), false, attributes(
                            "job", "a graphic designer", "workplace", "a small studio in Namba",
                            "jobTask", "a client presentation that was moved up by two days", "colleague", "Kenji",
                            "jobProject", "the rebrand for the city aquarium",
                            "instrument", "the piano", "band", "a jazz trio that plays in a café on Sundays",
                            "artist", "Bill Evans", "gig", "a spot at a small jazz festival in Kobe",
                            "hobby", "bouldering", "hobbyPlace", "the climbing gym near my flat",
                            "hobbyWin", "finished the purple route I've been stuck on for a month",
                            "hobbyGoal", "climb my first V5")),
            new Profile("820993991680803274", "Olivia Nowak", "Olivia", "Liv", "Kraków", ZoneId.of("Europe/Warsaw"),
                    List.of("elena"), List.of(PETS, STUDY), List.of(CALL_ME), 0.45, List.of(7, 18, 21), false,
                    attributes(
                            "pet", "Pierogi", "petKind", "rabbit", "breed", "Netherland Dwarf",
                            "petHabit", "chewing the cables behind the TV", "petAge", "two",
                            "he", "she", "him", "her", "his", "her",
                            "subject", "Spanish", "school", "an evening language school",
                            "studyTask", "my B2 Spanish exam", "studyDeadline", "on the fifteenth",
                            "mentor", "teacher")),
            new Profile("836419129227547166", "Daniel Cohen", "Daniel", "Daniel", "Tel Aviv",
                    ZoneId.of("Asia/Jerusalem"), List.of("marcus"), List.of(JOB, HEALTH, BOOKS), List.of(DETAILED),
                    0.55, List.of(9, 14, 23), false, attributes(
                            "job", "a product lead", "workplace", "a small fintech startup",
                            "jobTask", "an investor meeting followed by a product demo that crashed",
                            "colleague", "Noa", "jobProject", "our seed funding round",
                            "healthGoal", "sleep at least seven hours a night", "healthHabit", "a phone curfew at ten",
                            "book", "Thinking, Fast and Slow", "author", "Daniel Kahneman",
                            "bookThought", "It's making me question every decision I made this week.",
                            "nextBook", "The Mom Test")),
            new Profile("966100884779933358", "Grace Mensah", "Grace", "Grace", "Toronto", ZoneId.of("America/Toronto"),
                    List.of("dotty"), List.of(JOB, FAMILY, BOOKS), List.of(TIMEZONE), 0.45, List.of(8, 13, 20),
                    false, attributes(
                            "job", "a midwife", "workplace", "a birth centre in Scarborough",
                            "jobTask", "a night with three deliveries", "colleague", "Claire",
                            "jobProject", "the new prenatal class programme",
                            "familyNews", "my daughter Efua is graduating from university in June",
                            "relName", "Efua", "rel", "she", "relObj", "her", "relPoss", "her",
                            "familyTask", "plan the graduation party",
                            "book", "Homegoing", "author", "Yaa Gyasi",
                            "bookThought", "It tells my family's history in a way I didn't expect.",
                            "nextBook", "Beloved")),
            new Profile("950969935383870663", "Lucas Silva", "Lucas", "Lucas", "São Paulo",
                    ZoneId.of("America/Sao_Paulo"), List.of("marcus", "dotty"), List.of(JOB, MUSIC, TRAVEL),
                    List.of(CASUAL), 0.3, List.of(10, 19, 23), true, attributes(
                            "job", "a data analyst", "workplace", "an e-commerce company",
                            "jobTask", "a dashboard deadline and a broken data pipeline", "colleague", "Bruna",
                            "jobProject", "the new sales forecasting model",
                            "instrument", "the drums", "band", "a samba-rock band with my cousins",
                            "artist", "Jorge Ben Jor", "gig", "a birthday party gig for two hundred people",
                            "destination", "Patagonia", "tripWhen", "in December",
                            "tripPlan", "hike to the base of Fitz Roy", "tripCompanion", "my cousin Rafael")),
            new Profile("1116223079208072066", "Emma Johansson", "Emma", "Emma", "Stockholm",
                    ZoneId.of("Europe/Stockholm"), List.of("elena"), List.of(STUDY, HEALTH, COOKING),
                    List.of(DETAILED), 0.45, List.of(8, 12, 20), false, attributes(
                            "subject", "marine ecology", "school", "Stockholm University",
                            "studyTask", "my master's thesis on eelgrass meadows", "studyDeadline", "due in three weeks",
                            "mentor", "supervisor",
                            "healthGoal", "keep my energy up through the dark months",
                            "healthHabit", "a lunchtime walk in the daylight",
                            "diet", "I'm vegetarian, and I'm trying to cook more with what's in season.",
                            "dish", "a beetroot and barley salad", "signature", "cardamom buns")),
            new Profile("1087614067972394064", "Omar Haddad", "Omar", "Omar", "Dubai", ZoneId.of("Asia/Dubai"),
                    List.of("dotty"), List.of(JOB, COOKING, FAMILY), List.of(), 0.4, List.of(7, 14, 22), false,
                    attributes(
                            "job", "a civil engineer", "workplace", "a construction firm",
                            "jobTask", "a site inspection in forty-degree heat", "colleague", "Farid",
                            "jobProject", "the new metro station design",
                            "diet", "I grew up on my grandmother's cooking, so my standards are impossibly high.",
                            "dish", "maqluba", "signature", "my grandmother's mansaf",
                            "familyNews", "my grandmother is turning ninety next month and we're planning a big lunch",
                            "relName", "Aunt Layla", "rel", "she", "relObj", "her", "relPoss", "her",
                            "familyTask", "collect old family photos for a birthday album")),
            new Profile("1264228573934286985", "Mia Rossi", "Mia", "Mia", "Milan", ZoneId.of("Europe/Rome"),
                    List.of("dotty", "elena"), List.of(JOB, TRAVEL, HOBBY), List.of(NO_EMOJI), 0.3,
                    List.of(8, 13, 21), false, attributes(
                            "job", "a fashion buyer", "workplace", "a department store in the city centre",
                            "jobTask", "a day of back-to-back supplier meetings", "colleague", "Giulia",
                            "jobProject", "the spring collection order",
                            "destination", "Lisbon", "tripWhen", "next month",
                            "tripPlan", "eat my way through every pastelaria in town",
                            "tripCompanion", "my boyfriend Luca",
                            "hobby", "ceramics", "hobbyPlace", "a pottery studio in Isola",
                            "hobbyWin", "threw a bowl on the wheel that didn't collapse",
                            "hobbyGoal", "make a full set of mugs for my flat")),
            new Profile("1305370922090614810", "Arjun Mehta", "Arjun", "Arjun", "London", ZoneId.of("Europe/London"),
                    List.of("marcus"), List.of(JOB, HEALTH, BOOKS), List.of(SHORT_ANSWERS, TIMEZONE), 0.55,
                    List.of(9, 16, 23), false, attributes(
                            "job", "a junior doctor", "workplace", "a hospital in south London",
                            "jobTask", "a run of four night shifts in A&E", "colleague", "Priyanka",
                            "jobProject", "an audit of discharge letters",
                            "healthGoal", "stop living on vending-machine snacks",
                            "healthHabit", "packing a proper lunch before every shift",
                            "book", "This Is Going to Hurt", "author", "Adam Kay",
                            "bookThought", "It's funny until it suddenly isn't.", "nextBook", "Being Mortal")),
            new Profile("791583950762305932", "Zoe Taylor", "Zoe", "Zoe", "Melbourne",
                    ZoneId.of("Australia/Melbourne"), List.of("elena", "dotty"), List.of(PETS, MUSIC, STUDY),
                    List.of(CASUAL), 0.3, List.of(9, 15, 21), false, attributes(
                            "pet", "Miso", "petKind", "cat", "breed", "tabby",
                            "petHabit", "sleeping in the bathroom sink", "petAge", "one",
                            "he", "she", "him", "her", "his", "her",
                            "instrument", "the ukulele", "band", "a folk duo with my flatmate",
                            "artist", "Angus and Julia Stone", "gig", "an open mic night at a bar in Fitzroy",
                            "subject", "environmental science", "school", "the University of Melbourne",
                            "studyTask", "my group report on urban heat", "studyDeadline", "due on Monday",
                            "mentor", "tutor")));

    private static Map<String, String> attributes(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
