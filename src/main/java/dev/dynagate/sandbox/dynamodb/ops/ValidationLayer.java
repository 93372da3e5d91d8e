package dev.dynagate.sandbox.dynamodb.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.sandbox.dynamodb.DynamoDbError;
import dev.dynagate.sandbox.dynamodb.LayeredRefusal;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * DynamoDB's two request-validation layers, and which operations answer in which (see {@link LayeredRefusal}).
 * Since its 2026 roll-out the current layer reads PutItem, UpdateItem and DeleteItem in every region but two, and
 * wraps what it finds in the request alone in a "1 validation error detected: " envelope; GetItem, BatchGetItem and
 * Query word values the current way, bare; BatchWriteItem, the transactions and Scan keep the older layer.
 */
public final class ValidationLayer {
    static final String ENVELOPE = "1 validation error detected: ";
    /** Past about 62 nested levels the single-item operations read a request in the older layer (both regions). */
    private static final int OLDER_FROM_DEPTH = 63;
    private static final Pattern COUNTED = Pattern.compile("^\\d+ validation errors? detected: .*", Pattern.DOTALL);

    private ValidationLayer() {
    }

    /** GetItem, BatchGetItem and Query: the current layer's wording, without the envelope. */
    public static Operation bare(Operation operation) {
        return request -> {
            try {
                return operation.handle(request);
            } catch (LayeredRefusal e) {
                throw DynamoDbError.validation(e.current());
            }
        };
    }

    /**
     * What PutItem, UpdateItem or DeleteItem answers for a refusal found in the request alone, before its table is
     * read: the current wording in the envelope, or the older wording as it is for a request the older layer reads.
     * A refusal that already counts its errors, or that is not a ValidationException, is left as it is.
     */
    static DynamoDbError enveloped(Request request, DynamoDbError e) {
        if (!e.code().equals("ValidationException") || readsOlder(request)) {
            return e;
        }
        String message = e instanceof LayeredRefusal layered ? layered.current() : e.getMessage();
        return COUNTED.matcher(message).matches() ? e : DynamoDbError.validation(ENVELOPE + message);
    }

    /** Whether a single-item request holds a value nested so deep that DynamoDB reads it in the older layer. */
    static boolean readsOlder(Request request) {
        for (Iterator<Map.Entry<String, JsonNode>> it = request.body().fields(); it.hasNext(); ) {
            if (nesting(it.next().getValue(), 0) >= OLDER_FROM_DEPTH) {
                return true;
            }
        }
        return false;
    }

    /** The most maps and lists (M and L members) found one inside another in a JSON value, up to the threshold. */
    private static int nesting(JsonNode node, int depth) {
        if (depth >= OLDER_FROM_DEPTH || !node.isContainerNode()) {
            return depth;
        }
        int deepest = depth;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            boolean level = field.getKey().equals("M") || field.getKey().equals("L");
            deepest = Math.max(deepest, nesting(field.getValue(), level ? depth + 1 : depth));
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                deepest = Math.max(deepest, nesting(element, depth));
            }
        }
        return deepest;
    }
}
