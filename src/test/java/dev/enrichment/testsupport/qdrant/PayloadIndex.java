package dev.enrichment.testsupport.qdrant;

import io.qdrant.client.grpc.Collections.PayloadIndexParams;
import io.qdrant.client.grpc.Collections.PayloadSchemaType;
import io.qdrant.client.grpc.Points.CreateFieldIndexCollection;
import java.util.Optional;

/** A payload index recorded by {@code CreateFieldIndex}: its schema type and the parameters it was created with. */
record PayloadIndex(PayloadSchemaType type, Optional<PayloadIndexParams> params) {

    static PayloadIndex from(CreateFieldIndexCollection request) {
        Optional<PayloadIndexParams> params =
                request.hasFieldIndexParams() ? Optional.of(request.getFieldIndexParams()) : Optional.empty();
        if (request.hasFieldType()) {
            return new PayloadIndex(schemaType(request.getFieldType()), params);
        }
        return new PayloadIndex(
                params.map(PayloadIndex::schemaType)
                        .orElseThrow(() -> QdrantErrors.wrongInput("field_type or field_index_params is required")),
                params);
    }

    /**
     * Whether {@code order_by} may use this index: Qdrant requires an index that supports Range conditions, which are
     * the integer (unless created with {@code range=false}), float and datetime indexes.
     */
    boolean supportsRange() {
        return switch (type) {
            case Float, Datetime -> true;
            case Integer ->
                params.filter(PayloadIndexParams::hasIntegerIndexParams)
                        .map(p -> !p.getIntegerIndexParams().hasRange()
                                || p.getIntegerIndexParams().getRange())
                        .orElse(true);
            default -> false;
        };
    }

    private static PayloadSchemaType schemaType(io.qdrant.client.grpc.Points.FieldType fieldType) {
        return switch (fieldType) {
            case FieldTypeKeyword -> PayloadSchemaType.Keyword;
            case FieldTypeInteger -> PayloadSchemaType.Integer;
            case FieldTypeFloat -> PayloadSchemaType.Float;
            case FieldTypeGeo -> PayloadSchemaType.Geo;
            case FieldTypeText -> PayloadSchemaType.Text;
            case FieldTypeBool -> PayloadSchemaType.Bool;
            case FieldTypeDatetime -> PayloadSchemaType.Datetime;
            case FieldTypeUuid -> PayloadSchemaType.Uuid;
            case UNRECOGNIZED -> throw QdrantErrors.wrongInput("unknown field type");
        };
    }

    private static PayloadSchemaType schemaType(PayloadIndexParams params) {
        return switch (params.getIndexParamsCase()) {
            case KEYWORD_INDEX_PARAMS -> PayloadSchemaType.Keyword;
            case INTEGER_INDEX_PARAMS -> PayloadSchemaType.Integer;
            case FLOAT_INDEX_PARAMS -> PayloadSchemaType.Float;
            case GEO_INDEX_PARAMS -> PayloadSchemaType.Geo;
            case TEXT_INDEX_PARAMS -> PayloadSchemaType.Text;
            case BOOL_INDEX_PARAMS -> PayloadSchemaType.Bool;
            case DATETIME_INDEX_PARAMS -> PayloadSchemaType.Datetime;
            case UUID_INDEX_PARAMS -> PayloadSchemaType.Uuid;
            case INDEXPARAMS_NOT_SET -> throw QdrantErrors.wrongInput("field_index_params is empty");
        };
    }
}
