package dev.dynagate.sandbox.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.time.Instant;
import java.util.Date;

/**
 * How Lambda's serializer reads a DynamoDB stream record's ApproximateCreationDateTime into the events library's
 * {@code StreamRecord}: the event carries seconds since the epoch, where a plain mapper would read milliseconds and
 * land in January 1970.
 */
abstract class StreamRecordDates {
    @JsonDeserialize(using = EpochSeconds.class)
    abstract void setApproximateCreationDateTime(Date date);

    static final class EpochSeconds extends JsonDeserializer<Date> {
        @Override
        public Date deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken().isNumeric()) {
                return new Date(Math.round(parser.getDoubleValue() * 1000));
            }
            return Date.from(Instant.parse(parser.getText()));
        }
    }
}
