package dev.dynagate.sandbox;

import java.util.List;
import java.util.function.Function;

/** The components a full sandbox runs, in dispatch order: the most specific protocols first. */
public final class SandboxComponents {
    private SandboxComponents() {
    }

    public static List<Function<SandboxContext, SandboxComponent>> standard() {
        return List.of(dev.dynagate.sandbox.dynamodb.DynamoDbComponent::new, HealthComponent::new);
    }
}
