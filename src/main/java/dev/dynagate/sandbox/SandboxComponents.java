package dev.dynagate.sandbox;

import dev.dynagate.sandbox.demo.ServerlessComponents;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The components a full sandbox runs, in dispatch order: the most specific protocols first. */
public final class SandboxComponents {
    private SandboxComponents() {
    }

    public static List<Function<SandboxContext, SandboxComponent>> standard() {
        List<Function<SandboxContext, SandboxComponent>> components = new ArrayList<>(
                List.of(dev.dynagate.sandbox.dynamodb.DynamoDbComponent::new, HealthComponent::new));
        components.addAll(ServerlessComponents.standard());
        return components;
    }
}
