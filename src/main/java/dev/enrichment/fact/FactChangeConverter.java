package dev.enrichment.fact;

import dev.enrichment.LowercaseEnumConverter;
import jakarta.persistence.Converter;

@Converter
class FactChangeConverter extends LowercaseEnumConverter<FactChange> {

    FactChangeConverter() {
        super(FactChange.class);
    }
}
