package dev.enrichment.security;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The admin and bot keys as configured, trimmed, with blank entries ({@code API_BOT_KEYS=a,,b}) left out. */
record ConfiguredKeys(List<String> admin, List<String> bot) {

    static ConfiguredKeys from(ApiKeysConfig config) {
        return new ConfiguredKeys(clean(config.adminKeys()), clean(config.botKeys()));
    }

    boolean none() {
        return admin.isEmpty() && bot.isEmpty();
    }

    long shorterThan(int length) {
        return all().stream().filter(key -> key.length() < length).count();
    }

    long inBothLists() {
        Set<String> admins = new HashSet<>(admin);
        return bot.stream().distinct().filter(admins::contains).count();
    }

    private List<String> all() {
        return Stream.concat(admin.stream(), bot.stream()).distinct().toList();
    }

    private static List<String> clean(Optional<List<String>> keys) {
        return keys.orElse(List.of()).stream()
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .toList();
    }
}
