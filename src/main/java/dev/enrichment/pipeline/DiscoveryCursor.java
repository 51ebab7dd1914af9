package dev.enrichment.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How far discovery has read one Qdrant collection ({@code enrichment_discovery_cursors}). */
@Entity
@Table(name = "enrichment_discovery_cursors")
public class DiscoveryCursor extends PanacheEntityBase {

    @Id
    @Column(name = "collection_name")
    public String collectionName;

    @Column(name = "bot_name", nullable = false)
    public String botName;

    /** The newest {@code timestamp_unix} ingested from the collection. */
    @Column(name = "cursor_at", nullable = false)
    public Instant cursorAt;

    /** Ids of the points just below the cursor that were already accounted for (see V3). */
    @Column(name = "overlap_point_ids", nullable = false)
    public List<String> overlapPointIds = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Why the last discovery of the collection failed; cleared by the next one that succeeds. */
    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_error_at")
    public Instant lastErrorAt;
}
