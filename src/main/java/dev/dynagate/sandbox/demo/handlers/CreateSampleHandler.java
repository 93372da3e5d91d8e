package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** {@code POST /experiments/{experimentId}/samples} of the experiments HTTP API. */
public final class CreateSampleHandler extends HttpApiFunction {
    @Override
    ApiResult handle(ExperimentsApi api, APIGatewayV2HTTPEvent event, Map<String, String> path) {
        return api.createSample(path.get("experimentId"), body(event));
    }
}
