package dev.dynagate.sandbox.demo.handlers;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Map;

/** {@code GET /experiments/{experimentId}/samples} of the experiments HTTP API. */
public final class ListSamplesHandler extends HttpApiFunction {
    @Override
    ApiResult handle(ExperimentsApi api, APIGatewayV2HTTPEvent event, Map<String, String> path) {
        return api.listSamples(path.get("experimentId"), event.getQueryStringParameters());
    }
}
