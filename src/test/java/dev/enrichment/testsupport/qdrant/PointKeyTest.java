package dev.enrichment.testsupport.qdrant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.qdrant.client.grpc.Common.PointId;
import org.junit.jupiter.api.Test;

/** Point ids are read in every form Qdrant accepts and answered in the hyphenated lowercase form. */
class PointKeyTest {

    private static final String HYPHENATED = "5d0e6f2a-1c3b-4a5d-9e8f-0a1b2c3d4e5f";

    @Test
    void uuidFormsNormaliseToLowercaseHyphenated() {
        for (String form : new String[] {
            HYPHENATED,
            HYPHENATED.toUpperCase(),
            HYPHENATED.replace("-", ""),
            "{" + HYPHENATED + "}",
            "urn:uuid:" + HYPHENATED
        }) {
            assertThat(PointKey.of(PointId.newBuilder().setUuid(form).build())
                            .toPointId()
                            .getUuid())
                    .as(form)
                    .isEqualTo(HYPHENATED);
        }
    }

    @Test
    void malformedUuidIsInvalidArgument() {
        assertThatThrownBy(() ->
                        PointKey.of(PointId.newBuilder().setUuid("1-2-3-4-5").build()))
                .isInstanceOfSatisfying(
                        StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    @Test
    void integersAreUnsignedAndPrecedeUuids() {
        PointKey small = PointKey.of(PointId.newBuilder().setNum(1).build());
        PointKey huge = PointKey.of(PointId.newBuilder().setNum(-1L).build());
        PointKey uuid = PointKey.of(PointId.newBuilder()
                .setUuid("00000000-0000-0000-0000-000000000000")
                .build());

        assertThat(small).isLessThan(huge);
        assertThat(huge).isLessThan(uuid);
    }
}
