package dev.dynagate.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.connections.Connection;
import dev.dynagate.ui.UserMessage;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;

class AwsErrorMessagesTest {
    private final Connection dev = Connection.profile("dev-sso", "eu-west-1");
    private final Connection stack = Connection.endpoint("LocalStack", URI.create("http://localhost:4566"), "us-east-1");

    private static DynamoDbException service(int status, String code, String message) {
        return (DynamoDbException) DynamoDbException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).build()).build();
    }

    @Test
    void expiredSsoSaysWhichLoginToRun() {
        SdkClientException error = SdkClientException.create("The SSO session associated with this profile has expired "
                + "or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.");

        UserMessage message = AwsErrorMessages.describe(new CompletionException(error), dev);

        assertThat(message.text()).isEqualTo("The SSO session for profile 'dev-sso' has expired or was never started.");
        assertThat(message.fix()).startsWith("Run: aws sso login --profile dev-sso");
        assertThat(message.retryable()).isTrue();
    }

    @Test
    void missingCredentials() {
        SdkClientException error = SdkClientException.create("Unable to load credentials from any of the providers "
                + "in the chain AwsCredentialsProviderChain(...)");

        UserMessage message = AwsErrorMessages.describe(error, dev);

        assertThat(message.text()).isEqualTo("No AWS credentials were found for profile 'dev-sso'.");
        assertThat(message.fix()).contains("aws configure");
    }

    @Test
    void accessDeniedNamesTheAction() {
        DynamoDbException error = service(400, "AccessDeniedException", "User: arn:aws:sts::1:assumed-role/Dev/alice is "
                + "not authorized to perform: dynamodb:ListTables on resource: arn:aws:dynamodb:eu-west-1:1:table/*");

        UserMessage message = AwsErrorMessages.describe(error, dev);

        assertThat(message.text()).isEqualTo("Access denied: profile 'dev-sso' is not allowed dynamodb:ListTables.");
        assertThat(message.retryable()).isFalse();
    }

    @Test
    void connectionRefusedNamesTheEndpoint() {
        SdkClientException error = SdkClientException.builder().message("Unable to execute HTTP request: Connect failed")
                .cause(new ConnectException("Connection refused")).build();

        UserMessage message = AwsErrorMessages.describe(error, stack);

        assertThat(message.text()).isEqualTo("Nothing answers at http://localhost:4566 (LocalStack) (connection refused).");
    }

    @Test
    void unknownHostSuggestsCheckingTheRegion() {
        SdkClientException error = SdkClientException.builder().message("Unable to execute HTTP request")
                .cause(new UnknownHostException("dynamodb.eu-west-1.amazonaws.com: Name or service not known")).build();

        UserMessage message = AwsErrorMessages.describe(error, dev);

        assertThat(message.text()).isEqualTo("The host dynamodb.eu-west-1.amazonaws.com could not be found (dev-sso).");
        assertThat(message.fix()).contains("region (eu-west-1)");
    }

    @Test
    void throttlingIsRetried() {
        UserMessage message = AwsErrorMessages.describe(service(400, "ThrottlingException", "Rate exceeded"), dev);

        assertThat(message.text()).contains("throttling").contains("retrying");
        assertThat(message.retryable()).isTrue();
    }

    @Test
    void theCommandLineGetsAdviceInItsOwnTerms() {
        assertThat(AwsErrorMessages.forCommandLine(service(400, "ProvisionedThroughputExceededException",
                "The level of configured provisioned throughput for the table was exceeded"), stack))
                .isEqualTo("AWS kept throttling these requests (ProvisionedThroughputExceededException) through "
                        + "every retry. If it persists, lower --segments (export) or --writers (import), or raise the "
                        + "table's capacity.");
        assertThat(AwsErrorMessages.forCommandLine(service(400, "ResourceNotFoundException",
                "Requested resource not found: Table: Orders not found"), stack))
                .isEqualTo("Requested resource not found: Table: Orders not found. Check the name, --region and "
                        + "--endpoint-url.");
        assertThat(AwsErrorMessages.forCommandLine(SdkClientException.create("whatever"), dev.withRegion("eu-wst-1")))
                .isEqualTo("'eu-wst-1' is not an AWS region code (dev-sso). Pass a region such as us-east-1 or "
                        + "eu-west-1 with --region.");
    }

    @Test
    void expiredOrRejectedEnvironmentKeysSayToStartAgainWithFreshOnes() {
        Connection keys = Connection.environmentKeys("eu-west-1");

        UserMessage expired = AwsErrorMessages.describe(service(400, "ExpiredTokenException",
                "The security token included in the request is expired"), keys);
        assertThat(expired.text()).isEqualTo("The AWS credentials in the environment have expired.");
        assertThat(expired.fix()).isEqualTo("Start Dynagate again with fresh AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY "
                + "and AWS_SESSION_TOKEN, or pick a profile instead.");
        assertThat(expired.retryable()).as("retrying sends the same keys").isFalse();
        assertThat(AwsErrorMessages.forCommandLine(service(400, "UnrecognizedClientException",
                "The security token included in the request is invalid."), keys))
                .isEqualTo("AWS rejected the credentials (UnrecognizedClientException). Set fresh AWS_ACCESS_KEY_ID, "
                        + "AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, or pass --profile.");
        assertThat(AwsErrorMessages.describe(service(400, "AccessDeniedException", "User: arn:aws:sts::1:assumed-role/ci"
                + " is not authorized to perform: dynamodb:Scan on resource"), keys).text())
                .isEqualTo("Access denied: the environment's AWS_ACCESS_KEY_ID is not allowed dynamodb:Scan.");
    }

    @Test
    void invalidRegionIsCaughtBeforeTheNetwork() {
        UserMessage message = AwsErrorMessages.describe(SdkClientException.create("whatever"), dev.withRegion("eu-wst-1"));

        assertThat(message.text()).isEqualTo("'eu-wst-1' is not an AWS region code (dev-sso).");
    }

    @Test
    void expiredTokenFromTheService() {
        UserMessage message = AwsErrorMessages.describe(service(400, "ExpiredTokenException",
                "The security token included in the request is expired"), dev);

        assertThat(message.text()).isEqualTo("The AWS credentials have expired.");
        assertThat(message.fix()).contains("aws sso login --profile dev-sso");
    }

    @Test
    void otherServiceErrorsKeepTheirFirstSentenceAndCode() {
        UserMessage message = AwsErrorMessages.describe(service(400, "ValidationException",
                "One or more parameter values were invalid: Missing the key id in the item (Service: DynamoDb, Status Code: 400)"), dev);

        assertThat(message.text()).isEqualTo("One or more parameter values were invalid: Missing the key id in the item (ValidationException)");
    }

    @Test
    void aWrapperThatQuotesItsCauseIsSaidOnce() {
        java.io.IOException cause = new java.io.IOException("The data folder /d is in use by another Dynagate sandbox "
                + "(process 42 at http://127.0.0.1:8000). Stop that one first.");
        IllegalStateException wrapper = new IllegalStateException("The built-in sandbox could not start: "
                + cause.getMessage(), cause);

        UserMessage message = AwsErrorMessages.describe(new CompletionException(wrapper), Connection.sandbox());

        assertThat(message.text()).isEqualTo("The built-in sandbox could not start: The data folder /d is in use by "
                + "another Dynagate sandbox (process 42 at http://127.0.0.1:8000). Stop that one first");
    }
}
