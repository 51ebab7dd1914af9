package dev.enrichment.jobs;

import dev.enrichment.LowercaseEnumConverter;
import jakarta.persistence.Converter;

@Converter
class JobStatusConverter extends LowercaseEnumConverter<JobStatus> {

    JobStatusConverter() {
        super(JobStatus.class);
    }
}
