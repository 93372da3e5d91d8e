package dev.dynagate.sandbox.apigateway;

import dev.dynagate.sandbox.http.SandboxResponse;

/**
 * A control-plane error as API Gateway sends it: the type in {@code x-amzn-ErrorType} (which the SDKs read) and
 * {@code {"message": ...}} as body.
 */
final class ApiGatewayError extends RuntimeException {
    private final int status;
    private final String type;

    ApiGatewayError(int status, String type, String message) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
    }

    static ApiGatewayError notFound(String message) {
        return new ApiGatewayError(404, "NotFoundException", message);
    }

    static ApiGatewayError badRequest(String message) {
        return new ApiGatewayError(400, "BadRequestException", message);
    }

    static ApiGatewayError conflict(String message) {
        return new ApiGatewayError(409, "ConflictException", message);
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    SandboxResponse response() {
        return ApiJson.respond(status, ApiJson.object().put("message", getMessage()))
                .with("x-amzn-ErrorType", type);
    }
}
