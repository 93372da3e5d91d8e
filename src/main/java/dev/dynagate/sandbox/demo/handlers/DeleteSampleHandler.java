package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** {@code DELETE /experiments/{experimentId}/samples/{sampleId}} of the experiments HTTP API. */
public final class DeleteSampleHandler extends HttpApiFunction {
    @Override
    ApiResult handle(ExperimentsApi api, APIGatewayV2HTTPEvent event, Map<String, String> path) {
        return api.deleteSample(path.get("experimentId"), path.get("sampleId"));
    }
}
