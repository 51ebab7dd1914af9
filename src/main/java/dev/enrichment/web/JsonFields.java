package dev.enrichment.web;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Names the place in a JSON body where reading failed ({@code items[2].user_id}), as the client spelled it. */
final class JsonFields {

    private JsonFields() {}

    static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
