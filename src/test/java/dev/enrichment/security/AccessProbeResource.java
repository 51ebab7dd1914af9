package dev.enrichment.security;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only endpoints with each access rule: bot by class, admin by method, and bot overriding an admin class. */
@Path("/api/v1/test-only/access")
@BotAccess
@Produces(MediaType.TEXT_PLAIN)
public class AccessProbeResource {

    private final ApiCaller caller;

    AccessProbeResource(ApiCaller caller) {
        this.caller = caller;
    }

    @GET
    @Path("read")
    public String read() {
        return caller.role().map(Enum::name).orElse("none");
    }

    @POST
    @Path("admin")
    @AdminAccess
    public String admin() {
        return "done";
    }

    /** Admin by class, bot by method: the method's annotation wins. */
    @Path("/api/v1/test-only/admin-class")
    @AdminAccess
    @Produces(MediaType.TEXT_PLAIN)
    public static class AdminClassResource {

        @GET
        public String admin() {
            return "admin";
        }

        @GET
        @Path("readable")
        @BotAccess
        public String readable() {
            return "readable";
        }
    }

    /** No access rule at all: closed to every key. */
    @Path("/api/v1/test-only/unannotated")
    @Produces(MediaType.TEXT_PLAIN)
    public static class UnannotatedResource {

        @GET
        public String get() {
            return "should never be served";
        }
    }
}
