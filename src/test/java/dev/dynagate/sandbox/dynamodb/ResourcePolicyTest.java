package dev.dynagate.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** A table's resource-based policy, kept and answered with revisions as AWS-verified tests record DynamoDB doing. */
class ResourcePolicyTest extends EngineTest {
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";
    private static final String NOT_FOUND = "Resource-based policy not found for the provided ResourceArn: ";

    @BeforeEach
    void setUp() throws Exception {
        engine.createTable("Guarded", null);
    }

    private static String policy(String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Principal\":{\"AWS\":\"000000000000\"},"
                + "\"Effect\":\"Allow\",\"Action\":[\"" + action + "\"],\"Resource\":\"*\"}]}";
    }

    private String put(String action, String expected) {
        return engine.client.putResourcePolicy(b -> b.resourceArn(ARN + "Guarded").policy(policy(action))
                .expectedRevisionId(expected)).revisionId();
    }

    @Test
    void aPolicyIsKeptWithRevisionsThatOnlyAChangeAdvances() throws Exception {
        assertThatThrownBy(() -> engine.client.getResourcePolicy(b -> b.resourceArn(ARN + "Guarded")))
                .isInstanceOf(PolicyNotFoundException.class).hasMessageStartingWith(NOT_FOUND + ARN + "Guarded");
        String first = put("dynamodb:*", "NO_POLICY");
        assertThat(put("dynamodb:*", null)).as("the same policy again keeps its revision").isEqualTo(first);
        String second = put("dynamodb:PutItem", first);
        assertThat(Long.parseLong(second)).isGreaterThan(Long.parseLong(first));
        var answer = engine.client.getResourcePolicy(b -> b.resourceArn(ARN + "Guarded"));
        assertThat(answer.revisionId()).isEqualTo(second);
        assertThat(answer.policy()).contains("dynamodb:PutItem");

        engine = engine.restart();
        assertThat(engine.client.getResourcePolicy(b -> b.resourceArn(ARN + "Guarded")).revisionId())
                .as("kept in the data folder").isEqualTo(second);
    }

    @Test
    void aStaleOrUnexpectedRevisionIsRefused() {
        String first = put("dynamodb:*", null);
        String second = put("dynamodb:PutItem", first);
        assertThatThrownBy(() -> put("dynamodb:GetItem", first)).isInstanceOf(PolicyNotFoundException.class)
                .hasMessageStartingWith(NOT_FOUND + "Requested update for policy with revision id " + first
                        + ", but the policy associated to target table Guarded has revision id " + second + ".");
        assertThatThrownBy(() -> put("dynamodb:GetItem", "NO_POLICY")).isInstanceOf(PolicyNotFoundException.class)
                .hasMessageStartingWith(NOT_FOUND + "Requested policy update expecting none to be present for table "
                        + "Guarded, but a policy exists with revision id " + second + ".");
        assertThatThrownBy(() -> engine.client.deleteResourcePolicy(b -> b.resourceArn(ARN + "Guarded")
                .expectedRevisionId("unknown"))).isInstanceOf(PolicyNotFoundException.class)
                .hasMessageContaining("revision id unknown, but");
        assertThat(engine.client.deleteResourcePolicy(b -> b.resourceArn(ARN + "Guarded").expectedRevisionId(second))
                .revisionId()).isEqualTo(second);
        assertThatThrownBy(() -> engine.client.getResourcePolicy(b -> b.resourceArn(ARN + "Guarded")))
                .isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void anUnknownTableOrAMalformedPolicyIsRefused() {
        assertThatThrownBy(() -> engine.client.putResourcePolicy(b -> b.resourceArn(ARN + "Guarded_")
                .policy(policy("dynamodb:*")))).isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: Guarded_ not found");
        assertThatThrownBy(() -> engine.client.deleteResourcePolicy(b -> b.resourceArn(ARN + "Gone")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> engine.client.putResourcePolicy(b -> b.resourceArn(ARN + "Guarded").policy("{")))
                .isInstanceOf(DynamoDbException.class).hasMessageContaining("This policy contains invalid Json");
        assertThatThrownBy(() -> engine.client.getResourcePolicy(b -> b.resourceArn(ARN + "Guarded/index/x")))
                .hasMessageContaining("only table or stream is accepted");
    }
}
