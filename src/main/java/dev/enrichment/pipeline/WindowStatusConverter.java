package dev.enrichment.pipeline;

import dev.enrichment.LowercaseEnumConverter;
import jakarta.persistence.Converter;

@Converter
class WindowStatusConverter extends LowercaseEnumConverter<WindowStatus> {

    WindowStatusConverter() {
        super(WindowStatus.class);
    }
}
