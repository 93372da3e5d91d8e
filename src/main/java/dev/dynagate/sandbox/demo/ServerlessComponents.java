package dev.dynagate.sandbox.demo;

import dev.dynagate.sandbox.SandboxComponent;
import dev.dynagate.sandbox.SandboxContext;
import dev.dynagate.sandbox.apigateway.ApiGatewayComponent;
import dev.dynagate.sandbox.dynamodb.DynamoDbComponent;
import dev.dynagate.sandbox.http.SandboxService;
import dev.dynagate.sandbox.lambda.LambdaComponent;
import dev.dynagate.sandbox.template.SamTemplateLoader;
import dev.dynagate.sandbox.triggers.TriggersComponent;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Lambda, its triggers on DynamoDB streams, API Gateway bound to that Lambda runtime, and, once everything serves,
 * the demo backend (with {@code --demo}) and a SAM template (with {@code --template}).
 */
public final class ServerlessComponents {
    private ServerlessComponents() {
    }

    /** The components, seeding the demo's table into {@code dynamoDb} (built earlier in the same start). */
    public static List<Function<SandboxContext, SandboxComponent>> standard(Supplier<DynamoDbComponent> dynamoDb) {
        LambdaComponent[] lambda = new LambdaComponent[1];
        TriggersComponent[] triggers = new TriggersComponent[1];
        ApiGatewayComponent[] apiGateway = new ApiGatewayComponent[1];
        return List.of(
                context -> lambda[0] = new LambdaComponent(context),
                context -> triggers[0] = new TriggersComponent(context, lambda[0].runtime(), dynamoDb.get()),
                context -> apiGateway[0] = new ApiGatewayComponent(context, lambda[0].runtime()),
                context -> new Seeding(apiGateway[0], triggers[0], dynamoDb));
    }

    /** Applies the demo and the template after every component serves. */
    private record Seeding(ApiGatewayComponent apiGateway, TriggersComponent triggers,
                           Supplier<DynamoDbComponent> dynamoDb)
            implements SandboxComponent {
        @Override
        public List<SandboxService> services() {
            return List.of();
        }

        @Override
        public void started(SandboxContext context) {
            if (context.options().demo()) {
                new DemoBackend(context, dynamoDb.get(), apiGateway.lambda(), apiGateway.definitions(), triggers)
                        .apply();
            }
            if (context.options().template() != null) {
                new SamTemplateLoader(context, apiGateway.lambda(), apiGateway.definitions(), triggers)
                        .load(context.options().template()).forEach(context.log());
            }
        }

        @Override
        public void close() {
        }
    }
}
