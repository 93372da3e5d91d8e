package dev.dynagate.sandbox.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.http.SandboxResponse;
import java.util.UUID;

/** An error in Lambda's wire form: the type in {@code x-amzn-ErrorType}, {@code {"Type","message"}} as body. */
public final class LambdaApiError extends RuntimeException {
    private final int status;
    private final String type;

    public LambdaApiError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    public SandboxResponse response() {
        ObjectNode body = LambdaJson.MAPPER.createObjectNode().put("Type", "User").put("message", getMessage());
        return SandboxResponse.json(status, body.toString()).with("x-amzn-ErrorType", type)
                .with("x-amzn-RequestId", UUID.randomUUID().toString());
    }
}
