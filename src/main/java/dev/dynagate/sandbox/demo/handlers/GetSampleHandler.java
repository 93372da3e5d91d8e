package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** {@code GET /experiments/{experimentId}/samples/{sampleId}} of the experiments HTTP API. */
public final class GetSampleHandler extends HttpApiFunction {
    @Override
    ApiResult handle(ExperimentsApi api, APIGatewayV2HTTPEvent event, Map<String, String> path) {
        return api.getSample(path.get("experimentId"), path.get("sampleId"));
    }
}
