package dev.enrichment.fact;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class FactChangeConverter implements AttributeConverter<FactChange, String> {

    @Override
    public String convertToDatabaseColumn(FactChange change) {
        return change == null ? null : change.dbValue();
    }

    @Override
    public FactChange convertToEntityAttribute(String value) {
        return value == null ? null : FactChange.fromDbValue(value);
    }
}
