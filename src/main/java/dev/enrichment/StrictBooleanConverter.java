package dev.enrichment;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads {@code true} or {@code false} and nothing else. The default converter turns any unknown word into
 * {@code false}, which would let a typo such as {@code QDRANT_USE_TLS=ture} silently disable TLS.
 */
public class StrictBooleanConverter implements Converter<Boolean> {

    @Override
    public Boolean convert(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (v.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("expected true or false, got \"" + value + "\"");
    }
}
