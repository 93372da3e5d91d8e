package dev.dynagate.sandbox.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import dev.dynagate.sandbox.apigateway.ApiGatewayComponent;
import dev.dynagate.sandbox.lambda.FunctionDefinition;
import dev.dynagate.sandbox.testing.SdkClients;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class SamTemplateLoaderTest {
    private static final String TEMPLATE = """
            AWSTemplateFormatVersion: '2010-09-09'
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Timeout: 12
                Environment:
                  Variables:
                    STAGE: test
            Resources:
              ItemsTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "${AWS::StackName}-items"
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - AttributeName: id
                      AttributeType: S
                  KeySchema:
                    - AttributeName: id
                      KeyType: HASH
              PlainTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions: [{AttributeName: pk, AttributeType: S}]
                  KeySchema: [{AttributeName: pk, KeyType: HASH}]
                  StreamSpecification:
                    StreamViewType: NEW_IMAGE
              ItemsApi:
                Type: AWS::Serverless::HttpApi
              Bucket:
                Type: AWS::S3::Bucket
              TableFunction:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: ext.TableName::handleRequest
                  CodeUri: build/handler.jar
                  Runtime: java17
                  Environment:
                    Variables:
                      TABLE: !Ref PlainTable
                      ROLE_ARN: !GetAtt SomeRole.Arn
                  Events:
                    Get:
                      Type: HttpApi
                      Properties:
                        ApiId: !Ref ItemsApi
                        Path: /items/{id}
                        Method: get
                    Rest:
                      Type: Api
                      Properties:
                        Path: /{proxy+}
                        Method: any
              Auditor:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: ext.TableName::handleRequest
                  CodeUri: build/handler.jar
                  Events:
                    Changes:
                      Type: DynamoDB
                      Properties:
                        Stream: !GetAtt PlainTable.StreamArn
                        StartingPosition: TRIM_HORIZON
                        BatchSize: 5
              MissingJar:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: ext.Nothing
                  CodeUri: build/missing.jar
              UnknownClass:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: ext.DoesNotExist::handleRequest
                  CodeUri: build/handler.jar
              Scheduled:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: ext.TableName::handleRequest
                  CodeUri: build/handler.jar
                  Events:
                    Nightly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 day)
            """;

    @TempDir
    Path folder;
    Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void loadsWhatItCanAndNamesFileAndResourceForTheRest() throws Exception {
        Path template = folder.resolve("app/template.yaml");
        Files.createDirectories(template.getParent().resolve("build"));
        Files.writeString(template, TEMPLATE);
        Files.write(template.getParent().resolve("build/handler.jar"), handlerJar());
        List<String> log = new ArrayList<>();
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")).withTemplate(template), log::add);

        assertThat(log).anySatisfy(l -> assertThat(l).contains("template.yaml").contains("resource MissingJar")
                .contains("CodeUri build/missing.jar not found"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("template.yaml").contains("resource UnknownClass")
                .contains("ext.DoesNotExist"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("template.yaml").contains("resource Bucket")
                .contains("AWS::S3::Bucket is not supported"));
        assertThat(log).anySatisfy(l -> assertThat(l).contains("resource Scheduled").contains("Schedule"));

        var lambda = sandbox.component(ApiGatewayComponent.class).lambda();
        assertThat(lambda.functions()).extracting(FunctionDefinition::name)
                .containsExactlyInAnyOrder("TableFunction", "Scheduled", "Auditor");
        assertThat(log).anySatisfy(l -> assertThat(l).contains("function Auditor triggered by arn:aws:dynamodb:")
                .contains(":table/PlainTable/stream/"));
        FunctionDefinition function = lambda.function("TableFunction").orElseThrow();
        assertThat(function.timeoutSeconds()).isEqualTo(12);
        assertThat(function.environment()).containsEntry("TABLE", "PlainTable").containsEntry("STAGE", "test")
                .containsEntry("ROLE_ARN", "SomeRole.Arn");

        try (SdkHttpClient sdkHttp = SdkClients.http();
             DynamoDbClient dynamo = SdkClients.build(DynamoDbClient.builder(), sandbox.endpoint(), sdkHttp);
             ApiGatewayV2Client v2 = SdkClients.build(ApiGatewayV2Client.builder(), sandbox.endpoint(), sdkHttp);
             ApiGatewayClient v1 = SdkClients.build(ApiGatewayClient.builder(), sandbox.endpoint(), sdkHttp)) {
            assertThat(dynamo.listTables().tableNames()).contains("PlainTable", "sandbox-items");
            dynamo.putItem(b -> b.tableName("PlainTable").item(java.util.Map.of("pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("changed"))));
            long deadline = System.currentTimeMillis() + 20_000;
            while (lambda.invocations("Auditor").isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            assertThat(lambda.invocations("Auditor")).as("the stream's change triggered the function").hasSize(1)
                    .allSatisfy(i -> assertThat(i.outcome()).isEqualTo(
                            dev.dynagate.sandbox.lambda.Invocation.Outcome.SUCCESS));
            var api = v2.getApis().items().stream().filter(a -> a.name().equals("ItemsApi")).findFirst().orElseThrow();
            assertThat(v2.getRoutes(b -> b.apiId(api.apiId())).items()).extracting(r -> r.routeKey())
                    .containsExactly("GET /items/{id}");
            var rest = v1.getRestApis().items().stream().filter(a -> a.name().equals("ServerlessRestApi"))
                    .findFirst().orElseThrow();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> viaHttpApi = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint()
                    + "/_aws/execute-api/" + api.apiId() + "/items/1")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(viaHttpApi.body()).isEqualTo("table PlainTable");
            HttpResponse<String> viaRest = http.send(HttpRequest.newBuilder(URI.create(sandbox.endpoint()
                    + "/_aws/execute-api/" + rest.id() + "/Prod/anything")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(viaRest.statusCode()).isEqualTo(200);
            assertThat(viaRest.body()).isEqualTo("table PlainTable");
        }

        sandbox.close();
        log.clear();
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")).withTemplate(template), log::add);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("table PlainTable exists; kept"));
        assertThat(log).as("loading again keeps one trigger").anySatisfy(l -> assertThat(l)
                .contains("function Auditor stays triggered by"));
        try (SdkHttpClient sdkHttp = SdkClients.http();
             ApiGatewayV2Client v2 = SdkClients.build(ApiGatewayV2Client.builder(), sandbox.endpoint(), sdkHttp)) {
            assertThat(v2.getApis().items()).filteredOn(a -> a.name().equals("ItemsApi")).hasSize(1);
        }
    }

    @Test
    void anUnreadableTemplateIsReportedNotFatal() throws Exception {
        Path template = folder.resolve("broken.yaml");
        Files.writeString(template, "Resources: [unclosed");
        List<String> log = new ArrayList<>();
        sandbox = Sandbox.start(SandboxOptions.of(0, folder.resolve("data")).withTemplate(template), log::add);
        assertThat(log).anySatisfy(l -> assertThat(l).contains("broken.yaml").contains("cannot read the template"));
    }

    private byte[] handlerJar() throws Exception {
        Path src = folder.resolve("src/ext/TableName.java");
        Path classes = folder.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, """
                package ext;
                import java.util.Map;
                public class TableName {
                    public Map<String, Object> handleRequest(Map<String, Object> event) {
                        return Map.of("statusCode", 200, "body",
                                "table " + dev.dynagate.sandbox.lambda.LambdaEnvironment.getenv("TABLE"));
                    }
                }
                """);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "-cp", System.getProperty("java.class.path"), src.toString());
        assertThat(status).isZero();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("ext/TableName.class"));
            zip.write(Files.readAllBytes(classes.resolve("ext/TableName.class")));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
