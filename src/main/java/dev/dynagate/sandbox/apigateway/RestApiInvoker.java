package dev.dynagate.sandbox.apigateway;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Runs one method of a REST API outside any stage, for TestInvokeMethod. */
interface RestApiInvoker {
    /** Returns the TestInvokeMethod response shape: status, body, headers, multiValueHeaders, log, latency. */
    ObjectNode testInvoke(String restApiId, String resourceId, String httpMethod, ObjectNode request);
}
