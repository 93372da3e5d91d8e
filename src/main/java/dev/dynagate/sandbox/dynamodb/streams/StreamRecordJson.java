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

    public static ObjectNode write(StreamRecord record, String viewType) {
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
            out.putObject("userIdentity").put("PrincipalId", "dynamodb.amazonaws.com").put("Type", "Service");
        }
        return out;
    }

    private static void image(ObjectNode d, String name, StoredItem item) {
        if (item != null) {
            d.set(name, AttrValueJson.writeItem(item.item()));
        }
    }
}
