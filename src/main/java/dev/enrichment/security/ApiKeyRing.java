package dev.enrichment.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The configured API keys, held only as SHA-256 digests and compared in constant time. */
final class ApiKeyRing {

    private record Entry(byte[] digest, ApiRole role) {}

    private final List<Entry> entries;

    private ApiKeyRing(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    static ApiKeyRing of(ConfiguredKeys keys) {
        List<Entry> entries = new ArrayList<>();
        keys.admin().forEach(key -> entries.add(new Entry(sha256(key), ApiRole.ADMIN)));
        keys.bot().forEach(key -> entries.add(new Entry(sha256(key), ApiRole.BOT)));
        return new ApiKeyRing(entries);
    }

    /** The role of the presented key; a key listed as both admin and bot is an admin key. */
    Optional<ApiRole> roleOf(String presented) {
        // Digests have one length whatever the keys' lengths, and every entry is compared without an early exit,
        // so the time taken says nothing about how much of a key was right or which key matched.
        byte[] digest = sha256(presented);
        ApiRole found = null;
        for (Entry entry : entries) {
            boolean matches = MessageDigest.isEqual(entry.digest(), digest);
            if (matches && (found == null || entry.role() == ApiRole.ADMIN)) {
                found = entry.role();
            }
        }
        return Optional.ofNullable(found);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
