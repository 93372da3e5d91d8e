package dev.dynagate.sandbox;

import dev.dynagate.sandbox.demo.ServerlessComponents;
import dev.dynagate.sandbox.dynamodb.DynamoDbComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The components a full sandbox runs, in dispatch order: the most specific protocols first. */
public final class SandboxComponents {
    private SandboxComponents() {
    }

    public static List<Function<SandboxContext, SandboxComponent>> standard() {
        DynamoDbComponent[] dynamoDb = new DynamoDbComponent[1];
        List<Function<SandboxContext, SandboxComponent>> components = new ArrayList<>(
                List.of(context -> dynamoDb[0] = new DynamoDbComponent(context), HealthComponent::new));
        components.addAll(ServerlessComponents.standard(() -> dynamoDb[0]));
        return components;
    }
}
