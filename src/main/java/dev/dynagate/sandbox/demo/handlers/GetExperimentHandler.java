package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** {@code GET /experiments/{experimentId}} of the experiments HTTP API. */
public final class GetExperimentHandler extends HttpApiFunction {
    @Override
    ApiResult handle(ExperimentsApi api, APIGatewayV2HTTPEvent event, Map<String, String> path) {
        return api.getExperiment(path.get("experimentId"));
    }
}
