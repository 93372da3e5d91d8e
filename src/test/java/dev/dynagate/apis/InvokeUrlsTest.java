package dev.dynagate.apis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InvokeUrlsTest {
    private static final ApiSummary REST = new ApiSummary("abc123", "orders", ApiKind.REST, null, null);
    private static final ApiSummary HTTP = new ApiSummary("h77", "items", ApiKind.HTTP,
            "https://h77.execute-api.eu-west-1.amazonaws.com", null);
    private static final Route ITEM = new Route("r", "GET", "/items/{id}", "NONE", null, List.of(), false, Map.of(), null);
    private static final Route DEFAULT = new Route("d", null, "$default", "NONE", null, List.of(), false, Map.of(), null);

    @Test
    void awsUrlsCarryTheStageExceptForDefault() {
        assertThat(InvokeUrls.of(REST, new Stage("prod", null, false, null), ITEM, "eu-west-1", null))
                .isEqualTo("https://abc123.execute-api.eu-west-1.amazonaws.com/prod/items/{id}");
        assertThat(InvokeUrls.of(HTTP, new Stage("$default", null, true, null), ITEM, "eu-west-1", null))
                .isEqualTo("https://h77.execute-api.eu-west-1.amazonaws.com/items/{id}");
        assertThat(InvokeUrls.of(HTTP, new Stage("$default", null, true, null), DEFAULT, "eu-west-1", null))
                .isEqualTo("https://h77.execute-api.eu-west-1.amazonaws.com/");
    }

    @Test
    void localUrlsUseThePathStyle() {
        URI local = URI.create("http://127.0.0.1:4566/");
        assertThat(InvokeUrls.of(REST, new Stage("dev", null, false, null), ITEM, "us-east-1", local))
                .isEqualTo("http://127.0.0.1:4566/_aws/execute-api/abc123/dev/items/{id}");
        assertThat(InvokeUrls.of(HTTP, new Stage("$default", null, true, null), ITEM, "us-east-1", local))
                .isEqualTo("http://127.0.0.1:4566/_aws/execute-api/h77/items/{id}");
    }

    @Test
    void integrationTargetsNameTheFunctionAliasUrlOrService() {
        Integration lambda = IntegrationTargets.read("AWS_PROXY", "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/"
                + "functions/arn:aws:lambda:us-east-1:1:function:orders:live/invocations", null, "1.0", 29000);
        assertThat(lambda.kind()).isEqualTo(Integration.Kind.LAMBDA);
        assertThat(lambda.target()).isEqualTo("orders:live");
        assertThat(IntegrationTargets.read("AWS_PROXY", "arn:aws:lambda:us-east-1:1:function:items", null, "2.0", null)
                .target()).isEqualTo("items");
        assertThat(IntegrationTargets.read("AWS", "arn:aws:apigateway:us-east-1:sqs:path/1/queue", null, null, null)
                .target()).isEqualTo("sqs 1/queue");
        assertThat(IntegrationTargets.read("AWS_PROXY", null, "SQS-SendMessage", "1.0", null).kind())
                .isEqualTo(Integration.Kind.AWS_SERVICE);
        assertThat(IntegrationTargets.read("HTTP_PROXY", "https://b.internal/x", null, null, null).target())
                .isEqualTo("https://b.internal/x");
        assertThat(IntegrationTargets.read("MOCK", null, null, null, null).kind()).isEqualTo(Integration.Kind.MOCK);
    }

    @Test
    void catchAllRoutesAndPathParameters() {
        Route proxy = new Route("p", "ANY", "/{proxy+}", null, null, null, false, null, null);
        assertThat(proxy.isCatchAll()).isTrue();
        assertThat(proxy.pathParameters()).containsExactly("proxy");
        assertThat(DEFAULT.isCatchAll()).isTrue();
        assertThat(ITEM.isCatchAll()).isFalse();
        assertThat(ITEM.pathParameters()).containsExactly("id");
    }
}
