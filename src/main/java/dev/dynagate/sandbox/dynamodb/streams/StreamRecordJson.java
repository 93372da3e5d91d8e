package dev.dynagate.sandbox.dynamodb.streams;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.dynamodb.storage.StoredItem;
import dev.dynagate.sandbox.dynamodb.value.AttrValueJson;

/** A stream record as GetRecords answers it, and as a Lambda function triggered by the stream receives it. */
public final class StreamRecordJson {
    private StreamRecordJson() {
    }

    /** As GetRecords answers it. */
    public static ObjectNode write(StreamRecord record, String viewType) {
        return write(record, viewType, false);
    }

    /**
     * As a function triggered by the stream receives it: the same record, but Lambda's event spells the members of
     * {@code userIdentity} in lower camel case ({@code type}, {@code principalId}).
     */
    public static ObjectNode event(StreamRecord record, String viewType) {
        return write(record, viewType, true);
    }

    private static ObjectNode write(StreamRecord record, String viewType, boolean event) {
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("eventID", record.eventId()).put("eventName", record.event().name()).put("eventVersion", "1.1")
                .put("eventSource", "aws:dynamodb").put("awsRegion", SandboxContext.REGION);
        ObjectNode d = out.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", record.createdMillis() / 1000);
        d.set("Keys", AttrValueJson.writeItem(record.keys()));
        image(d, "NewImage", record.newImage());
        image(d, "OldImage", record.oldImage());
        d.put("SequenceNumber", record.sequenceNumber()).put("SizeBytes", record.sizeBytes())
                .put("StreamViewType", viewType);
        if (record.expired()) {
            out.putObject("userIdentity").put(event ? "principalId" : "PrincipalId", "dynamodb.amazonaws.com")
                    .put(event ? "type" : "Type", "Service");
        }
        return out;
    }

    private static void image(ObjectNode d, String name, StoredItem item) {
        if (item != null) {
            d.set(name, AttrValueJson.writeItem(item.item()));
        }
    }
}
