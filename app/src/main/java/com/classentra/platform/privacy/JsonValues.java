package com.classentra.platform.privacy;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jooq.JSON;
import org.jooq.JSONB;
import tools.jackson.core.JsonGenerator;

/** A database value as JSON in an export: times in UTC ISO 8601, JSON columns as JSON, arrays as arrays. */
final class JsonValues {

    private JsonValues() {
    }

    static void write(JsonGenerator generator, Object value) {
        switch (value) {
            case null -> generator.writeNull();
            case String text -> generator.writeString(text);
            case Boolean flag -> generator.writeBoolean(flag);
            case Integer number -> generator.writeNumber(number);
            case Long number -> generator.writeNumber(number);
            case Short number -> generator.writeNumber(number);
            case BigDecimal number -> generator.writeNumber(number);
            case Double number -> generator.writeNumber(number);
            case OffsetDateTime time -> generator.writeString(time.withOffsetSameInstant(ZoneOffset.UTC).toString());
            case JSONB document -> generator.writeRawValue(document.data());
            case JSON document -> generator.writeRawValue(document.data());
            case byte[] bytes -> generator.writeString(Base64.getEncoder().encodeToString(bytes));
            case Object[] items -> {
                generator.writeStartArray();
                for (Object item : items) {
                    write(generator, item);
                }
                generator.writeEndArray();
            }
            default -> generator.writeString(value.toString());
        }
    }
}
