package dev.enrichment.demo;

import io.qdrant.client.VectorsFactory;
import io.qdrant.client.grpc.Collections.CreateCollection;
import io.qdrant.client.grpc.Collections.Distance;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Collections.VectorParams;
import io.qdrant.client.grpc.Collections.VectorParamsMap;
import io.qdrant.client.grpc.Collections.VectorsConfig;
import io.qdrant.client.grpc.JsonWithInt.Value;
import io.qdrant.client.grpc.Points.PointStruct;
import io.qdrant.client.grpc.Points.Vector;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Demo and test data only: how a WhisperEngine bot's collection is laid out (reference §1.2). Three named vectors
 * ({@code content}, {@code emotion}, {@code semantic}) of 384 dimensions with cosine distance, and the payload indexes
 * the bots create in {@code _create_payload_indexes}. The service only reads such collections; the demo seeder
 * creates them so a fresh Qdrant looks like one a bot has been writing to.
 */
public final class DemoCollectionLayout {

    public static final String CONTENT_VECTOR = "content";
    public static final String EMOTION_VECTOR = "emotion";
    public static final String SEMANTIC_VECTOR = "semantic";
    public static final List<String> VECTOR_NAMES = List.of(CONTENT_VECTOR, EMOTION_VECTOR, SEMANTIC_VECTOR);

    /** The dimension of the bots' embedding model (all-MiniLM-L6-v2 via fastembed). */
    public static final int VECTOR_SIZE = 384;

    /** {@code _create_payload_indexes}: keyword on six fields, float on timestamp_unix, integer on content_hash. */
    public static final Map<String, PayloadSchemaType> PAYLOAD_INDEXES = payloadIndexes();

    private DemoCollectionLayout() {}

    /** The create request of a bot collection named {@code name}; payload indexes are created separately. */
    public static CreateCollection definition(String name) {
        VectorParams params = VectorParams.newBuilder()
                .setSize(VECTOR_SIZE)
                .setDistance(Distance.Cosine)
                .build();
        VectorParamsMap.Builder vectors = VectorParamsMap.newBuilder();
        VECTOR_NAMES.forEach(vectorName -> vectors.putMap(vectorName, params));
        return CreateCollection.newBuilder()
                .setCollectionName(name)
                .setVectorsConfig(VectorsConfig.newBuilder().setParamsMap(vectors))
                .build();
    }

    /**
     * The point with the three named vectors the collection declares, which a real Qdrant requires. There is no
     * embedding model here, so each vector is a deterministic stand-in: the words of the content hashed into the
     * 384 dimensions (signed feature hashing), normalised. Texts sharing words still come out similar, so a vector
     * search over demo data returns plausible neighbours, and the same content always gives the same vector.
     */
    public static PointStruct withVectors(PointStruct point) {
        Map<String, Value> payload = point.getPayloadMap();
        String content = text(payload.get("content"));
        if (content == null) {
            // Malformed demo points have no text content; any stable seed will do for them.
            content = point.getId().toString();
        }
        String emotion = text(payload.get("emotional_context"));
        Map<String, Vector> vectors = new LinkedHashMap<>();
        vectors.put(CONTENT_VECTOR, vector(pseudoEmbedding(CONTENT_VECTOR, content)));
        vectors.put(
                EMOTION_VECTOR,
                vector(pseudoEmbedding(
                        EMOTION_VECTOR, (emotion == null ? "" : emotion + " " + emotion + " ") + content)));
        vectors.put(SEMANTIC_VECTOR, vector(pseudoEmbedding(SEMANTIC_VECTOR, content)));
        return point.toBuilder()
                .setVectors(VectorsFactory.namedVectors(vectors))
                .build();
    }

    /**
     * A dense vector in the {@code data} field, which every Qdrant 1.x server reads; the client's
     * {@code VectorFactory} writes the newer {@code dense} field, which servers from before it do not know.
     */
    @SuppressWarnings("deprecation")
    private static Vector vector(float[] values) {
        Vector.Builder vector = Vector.newBuilder();
        for (float value : values) {
            vector.addData(value);
        }
        return vector.build();
    }

    /** A unit vector of {@link #VECTOR_SIZE} floats from the words of {@code text}; {@code salt} separates vectors. */
    static float[] pseudoEmbedding(String salt, String text) {
        float[] vector = new float[VECTOR_SIZE];
        for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            long hash = fnv1a(salt + ':' + word);
            int dimension = (int) Long.remainderUnsigned(hash, VECTOR_SIZE);
            vector[dimension] += (hash >>> 63) == 0 ? 1f : -1f;
        }
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            // No word at all (an emoji, say): a fixed dimension chosen by the whole text keeps the vector valid.
            vector[(int) Long.remainderUnsigned(fnv1a(salt + ':' + text), VECTOR_SIZE)] = 1f;
            return vector;
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return vector;
    }

    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static String text(Value value) {
        return value != null && value.getKindCase() == Value.KindCase.STRING_VALUE ? value.getStringValue() : null;
    }

    private static Map<String, PayloadSchemaType> payloadIndexes() {
        Map<String, PayloadSchemaType> indexes = new LinkedHashMap<>();
        for (String keyword : new String[] {
            "user_id", "memory_type", "semantic_key", "emotional_context", "channel_id", "channel_type"
        }) {
            indexes.put(keyword, PayloadSchemaType.Keyword);
        }
        indexes.put("timestamp_unix", PayloadSchemaType.Float);
        indexes.put("content_hash", PayloadSchemaType.Integer);
        return Collections.unmodifiableMap(indexes);
    }
}
