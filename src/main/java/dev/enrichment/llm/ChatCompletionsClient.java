package dev.enrichment.llm;

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
 * The OpenAI-compatible {@code POST <llm.api-url>/chat/completions}. Package-private: {@link LlmClient} builds it
 * from {@link LlmConfig} and decorates it with timeouts, retries, the concurrency limit and accounting.
 */
@RegisterRestClient(configKey = "llm-chat")
@Path("/chat/completions")
interface ChatCompletionsClient {

    /**
     * Any answer, whatever its status: {@link ReplyReader} reads errors and bodies itself. A {@link Uni}, because
     * cancelling it resets the connection, so an answer that took too long does not keep running.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> post(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body);
}
