package dev.enrichment.pipeline.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisSchemaTest {

    private final JsonNode schema = AnalysisFixtures.JSON.valueToTree(AnalysisSchema.SCHEMA);

    @Test
    void meetsStrictModeRulesOnEveryObject() {
        List<JsonNode> objects = new ArrayList<>();
        collectObjects(schema, objects);

        assertThat(objects).hasSize(3);
        assertThat(objects).allSatisfy(object -> {
            assertThat(object.get("additionalProperties").asBoolean(true)).isFalse();
            List<String> properties = new ArrayList<>();
            object.get("properties").fieldNames().forEachRemaining(properties::add);
            List<String> required = new ArrayList<>();
            object.get("required").forEach(name -> required.add(name.asText()));
            assertThat(required).containsExactlyElementsOf(properties);
        });
    }

    @Test
    void namesTheIssuesFieldsAndVocabularies() {
        assertThat(schema.get("required"))
                .extracting(JsonNode::asText)
                .containsExactly("summary", "key_topics", "emotional_tone", "confidence", "facts", "preferences");
        assertThat(schema.at("/properties/emotional_tone/enum"))
                .extracting(JsonNode::asText)
                .containsExactly("positive", "negative", "neutral", "mixed");
        assertThat(schema.at("/properties/facts/items/properties/entity_type/enum"))
                .hasSize(12);
        assertThat(schema.at("/properties/facts/items/properties/relationship_type/enum"))
                .hasSize(20);
        assertThat(schema.at("/properties/preferences/items/properties/preference_type/enum"))
                .hasSize(9);
        assertThat(AnalysisSchema.SCHEMA_JSON).isEqualTo(schema.toString());
    }

    private static void collectObjects(JsonNode node, List<JsonNode> objects) {
        if ("object".equals(node.path("type").asText())) {
            objects.add(node);
        }
        node.forEach(child -> collectObjects(child, objects));
    }
}
