package dev.enrichment.pipeline.analysis;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.enrichment.conversation.Message;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** SHA-256 over what an analysis read: prompt version, model, and each message's point id, time, role and text. */
final class InputHash {

    private InputHash() {}

    static String of(String promptVersion, String model, List<Message> messages) {
        MessageDigest digest = sha256();
        add(digest, promptVersion);
        add(digest, model);
        for (Message message : messages) {
            add(digest, message.pointId());
            add(digest, message.timestamp() == null ? null : message.timestamp().toString());
            add(digest, message.role() == null ? null : message.role().name());
            add(digest, message.content());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    // Length-prefixed, so that moving characters from one field to the next changes the hash.
    private static void add(MessageDigest digest, String value) {
        byte[] bytes = value == null ? new byte[0] : value.getBytes(UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES)
                .putInt(value == null ? -1 : bytes.length)
                .array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
