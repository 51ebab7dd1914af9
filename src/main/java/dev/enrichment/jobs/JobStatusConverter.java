package dev.enrichment.jobs;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

@Converter
class JobStatusConverter implements AttributeConverter<JobStatus, String> {

    @Override
    public String convertToDatabaseColumn(JobStatus status) {
        return status == null ? null : status.dbValue();
    }

    @Override
    public JobStatus convertToEntityAttribute(String value) {
        return value == null ? null : JobStatus.fromDbValue(value);
    }
}
