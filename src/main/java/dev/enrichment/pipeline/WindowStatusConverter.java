package dev.enrichment.pipeline;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class WindowStatusConverter implements AttributeConverter<WindowStatus, String> {

    @Override
    public String convertToDatabaseColumn(WindowStatus status) {
        return status == null ? null : status.dbValue();
    }

    @Override
    public WindowStatus convertToEntityAttribute(String value) {
        return value == null ? null : WindowStatus.fromDbValue(value);
    }
}
