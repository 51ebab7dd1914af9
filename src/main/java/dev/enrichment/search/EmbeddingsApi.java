package dev.enrichment.search;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The OpenAI-compatible {@code POST <EMBEDDINGS_API_URL>/embeddings}. Package-private: {@link ApiEmbedder} builds it
 * and guards it with a timeout, retries and a concurrency limit, as {@code LlmClient} does for chat.
 */
@RegisterRestClient(configKey = "embeddings")
@Path("/embeddings")
interface EmbeddingsApi {

    /** Any answer, whatever its status; a {@link Uni}, so that a timed-out call can be cancelled. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, EmbeddingsRequest body);
}
