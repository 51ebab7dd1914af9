package dev.enrichment.pipeline.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enrichment.fact.NewFact;
import dev.enrichment.preference.NewPreference;
import java.util.List;

/** One validated answer of the model, for a whole window, a chunk of it or a merge of chunks. */
record Answer(
        String summary,
        List<String> keyTopics,
        String emotionalTone,
        double confidence,
        List<NewFact> facts,
        List<NewPreference> preferences) {

    Answer {
        keyTopics = List.copyOf(keyTopics);
        facts = List.copyOf(facts);
        preferences = List.copyOf(preferences);
    }

    /** The answer in the schema's own shape, as the merge prompt shows it. */
    ObjectNode toJson() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("summary", summary);
        ArrayNode topics = node.putArray("key_topics");
        keyTopics.forEach(topics::add);
        node.put("emotional_tone", emotionalTone);
        node.put("confidence", confidence);
        ArrayNode factNodes = node.putArray("facts");
        for (NewFact fact : facts) {
            ObjectNode item = factNodes.addObject();
            item.put("entity_name", fact.entityName());
            item.put("entity_type", fact.entityType());
            item.put("relationship_type", fact.relationshipType());
            item.put("confidence", fact.confidence());
            item.put("reasoning", fact.reasoning());
        }
        ArrayNode preferenceNodes = node.putArray("preferences");
        for (NewPreference preference : preferences) {
            ObjectNode item = preferenceNodes.addObject();
            item.put("preference_type", preference.type());
            item.put("preference_value", preference.value());
            item.put("confidence", preference.confidence());
            item.put("is_explicit", preference.explicit());
            item.put("is_preference_change", preference.preferenceChange());
            item.put("reasoning", preference.reasoning());
        }
        return node;
    }
}
