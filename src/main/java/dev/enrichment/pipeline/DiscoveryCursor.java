package dev.enrichment.pipeline;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

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

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
