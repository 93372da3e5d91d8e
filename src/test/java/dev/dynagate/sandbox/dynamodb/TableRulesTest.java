package dev.dynagate.sandbox.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The table-level rules and their wording as recorded from live DynamoDB by a public catalogue of its answers
 * (2026-10): UpdateTable's checks before the table is looked up, the changes one request may not combine, index
 * updates, streams, on-demand limits, tags and table ARNs in place of names.
 */
class TableRulesTest extends EngineTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String ARN = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    @BeforeEach
    void setUp() throws Exception {
        ok("CreateTable", """
                {"TableName":"Prov","BillingMode":"PROVISIONED",
                 "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},
                   {"AttributeName":"sk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
                 "GlobalSecondaryIndexes":[{"IndexName":"gsi1","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"ALL"},
                   "ProvisionedThroughput":{"ReadCapacityUnits":2,"WriteCapacityUnits":2}}],
                 "LocalSecondaryIndexes":[{"IndexName":"lsi1","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
                   {"AttributeName":"g","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}]}""");
        ok("CreateTable", """
                {"TableName":"Ondemand","BillingMode":"PAY_PER_REQUEST",
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},
                   {"AttributeName":"g","AttributeType":"S"}],
                 "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                 "GlobalSecondaryIndexes":[{"IndexName":"gsi1","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
                   "Projection":{"ProjectionType":"ALL"}}]}""");
    }

    @Test
    void aTableArnStandsForItsName() throws Exception {
        assertThat(ok("DescribeTable", "{\"TableName\":\"" + ARN + "Prov\"}").at("/Table/TableName").asText())
                .isEqualTo("Prov");
        ok("PutItem", "{\"TableName\":\"" + ARN + "Ondemand\",\"Item\":{\"pk\":{\"S\":\"a\"}}}");
        assertThat(ok("GetItem", "{\"TableName\":\"Ondemand\",\"Key\":{\"pk\":{\"S\":\"a\"}}}").has("Item")).isTrue();
        ok("UpdateTable", "{\"TableName\":\"" + ARN + "Ondemand\",\"DeletionProtectionEnabled\":false}");
        assertThat(error("DescribeTable", "{\"TableName\":\"" + ARN + "Nope\"}"))
                .isEqualTo("ResourceNotFoundException: Requested resource not found: Table: Nope not found");
        assertThat(ok("GetItem", "{\"TableName\":\"" + ARN + "Ondemand\",\"Key\":{\"pk\":{\"S\":\"a\"}},"
                + "\"ReturnConsumedCapacity\":\"TOTAL\"}").at("/ConsumedCapacity/TableName").asText())
                .as("the table is named back as the request named it").isEqualTo(ARN + "Ondemand");
        JsonNode batch = ok("BatchGetItem", "{\"RequestItems\":{\"" + ARN + "Ondemand\":{\"Keys\":[{\"pk\":{\"S\":"
                + "\"a\"}}]},\"Prov\":{\"Keys\":[{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"b\"}}]}}}");
        assertThat(batch.at("/Responses/" + ARN.replace("/", "~1") + "Ondemand")).hasSize(1);
        assertThat(batch.at("/Responses/Prov")).isEmpty();
        JsonNode twice = ok("BatchGetItem", "{\"RequestItems\":{\"" + ARN + "Ondemand\":{\"Keys\":[{\"pk\":{\"S\":"
                + "\"a\"}}]},\"Ondemand\":{\"Keys\":[{\"pk\":{\"S\":\"a\"}}]}}}");
        assertThat(twice.get("Responses").size()).as("one table named twice is one entry").isEqualTo(1);
        ok("BatchWriteItem", "{\"RequestItems\":{\"" + ARN + "Ondemand\":[{\"PutRequest\":{\"Item\":{\"pk\":"
                + "{\"S\":\"b\"}}}}]}}");
        assertThat(ok("TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"" + ARN + "Ondemand\","
                + "\"Key\":{\"pk\":{\"S\":\"b\"}}}}]}").at("/Responses/0/Item/pk/S").asText()).isEqualTo("b");
        assertThat(error("GetItem", "{\"TableName\":\"" + ARN + "Ondemand/index/gsi1\",\"Key\":{\"pk\":{\"S\":"
                + "\"a\"}}}")).startsWith("ValidationException: ");
        ok("DeleteTable", "{\"TableName\":\"" + ARN + "Ondemand\"}");
    }

    @Test
    void batchGetRefusesTheSameKeyTwiceBeforeLookingForTheTable() throws Exception {
        assertThat(error("BatchGetItem", "{\"RequestItems\":{\"Absent\":{\"Keys\":[{\"a\":{\"S\":\"k\"}},"
                + "{\"a\":{\"S\":\"k\"}}]}}}"))
                .isEqualTo("ValidationException: Provided list of item keys contains duplicates");
    }

    @Test
    void aTableNameIsCheckedWithTheRequestsOtherMembers() throws Exception {
        assertThat(error("DescribeTable", "{\"TableName\":\"ab\"}")).isEqualTo("ValidationException: 1 validation "
                + "error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length "
                + "greater than or equal to 3");
        assertThat(error("PutItem", "{\"TableName\":\"\",\"Item\":{\"pk\":{\"S\":\"a\"}}}"))
                .isEqualTo("ValidationException: 1 validation error detected: Value at 'TableName' failed to "
                        + "satisfy constraint: Member must have length greater than or equal to 1");
        assertThat(error("CreateTable", "{\"TableName\":\"ab\",\"BillingMode\":\"FOO\",\"AttributeDefinitions\":[],"
                + "\"KeySchema\":[]}")).startsWith("ValidationException: 2 validation errors detected: ");
    }

    @Test
    void updateTableChecksTheRequestBeforeLookingForTheTable() throws Exception {
        assertThat(error("UpdateTable", "{\"TableName\":\"Missing\",\"ProvisionedThroughput\":"
                + "{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":0}}")).isEqualTo("ValidationException: 1 "
                + "validation error detected: Value '0' at 'provisionedThroughput.writeCapacityUnits' failed to "
                + "satisfy constraint: Member must have value greater than or equal to 1");
        assertThat(error("UpdateTable", "{\"TableName\":\"Missing\",\"BillingMode\":\"FOO\"}"))
                .startsWith("ValidationException: 1 validation error detected: Value 'FOO' at 'billingMode'");
        assertThat(error("UpdateTable", "{\"TableName\":\"Missing\",\"GlobalSecondaryIndexUpdates\":[{\"Update\":"
                + "{\"IndexName\":\"gsi1\",\"WarmThroughput\":{}}}]}")).isEqualTo("ValidationException: " + INVALID
                + "WarmThroughput must have at least one of ReadUnitsPerSecond or WriteUnitsPerSecond specified for "
                + "index: gsi1");
        assertThat(error("UpdateTable", "{\"TableName\":\"Missing\",\"DeletionProtectionEnabled\":true}"))
                .isEqualTo("ResourceNotFoundException: Requested resource not found: Table: Missing not found");
    }

    @Test
    void someChangesMustComeAlone() throws Exception {
        String throughput = "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":9,\"WriteCapacityUnits\":9}";
        String stream = "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}";
        String create = "\"AttributeDefinitions\":[{\"AttributeName\":\"h\",\"AttributeType\":\"S\"}],"
                + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"g2\","
                + "\"KeySchema\":[{\"AttributeName\":"
                + "\"h\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"},"
                + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}}]";
        assertThat(updateProv(throughput + "," + stream))
                .isEqualTo(INVALID + "You cannot modify stream status while updating table IOPS");
        assertThat(updateProv(throughput + "," + create))
                .isEqualTo(INVALID + "You cannot create or delete index while updating table IOPS");
        assertThat(updateProv(stream + "," + create))
                .isEqualTo(INVALID + "You cannot create or delete index while changing stream status");
        assertThat(updateProv(throughput + ",\"DeletionProtectionEnabled\":true"))
                .isEqualTo(INVALID + "DeletionProtection modification must be the only operation in the request");
        assertThat(updateProv(throughput + ",\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\""))
                .isEqualTo(INVALID + "TableClass modification must be the only operation in the request");
        assertThat(updateProv("\"WarmThroughput\":{},\"DeletionProtectionEnabled\":false")).isEqualTo("(accepted)");
        assertThat(updateProv("\"TableClass\":\"standard\"")).isEqualTo("Invalid table-class parameter provided. Please "
                + "try again with a valid table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
        assertThat(update("Ondemand", "\"WarmThroughput\":{}," + throughput)).isEqualTo(INVALID + "Neither "
                + "ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST");
        assertThat(updateProv("")).isEqualTo("At least one of ProvisionedThroughput, BillingMode, "
                + "UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
                + "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, "
                + "OnDemandThroughput, WarmThroughput or TableClass is required");
    }

    @Test
    void streamsAreWordedForEachOperation() throws Exception {
        assertThat(updateProv("\"StreamSpecification\":{\"StreamEnabled\":true}"))
                .isEqualTo(INVALID + "If stream is being enabled then UpdateViewType is required");
        assertThat(updateProv("\"StreamSpecification\":{\"StreamEnabled\":false,\"StreamViewType\":\"KEYS_ONLY\"}"))
                .isEqualTo(INVALID + "If stream is being disabled, then UpdateViewType must not be specified");
        assertThat(updateProv("\"StreamSpecification\":{\"StreamEnabled\":false}"))
                .isEqualTo("Table has no stream to disable: TableName: Prov");
        updateProv("\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}");
        assertThat(updateProv("\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}"))
                .isEqualTo("Table already has an enabled stream: TableName: Prov");
        assertThat(error("CreateTable", "{\"TableName\":\"Streamed\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],\"KeySchema\":"
                + "[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],"
                + "\"StreamSpecification\":{\"StreamEnabled\":true}}"))
                .endsWith(INVALID + "Table is being created with a stream enabled, UpdateViewType is required");
    }

    @Test
    void indexUpdatesFollowDynamoDbsRules() throws Exception {
        assertThat(updateProv("\"GlobalSecondaryIndexUpdates\":[]"))
                .isEqualTo(INVALID + "List of GlobalSecondaryIndexUpdates is empty");
        assertThat(updateProv("\"GlobalSecondaryIndexUpdates\":[{}]")).isEqualTo(INVALID + "One of "
                + "GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                + "GlobalSecondaryIndexUpdate.Delete must not be null");
        assertThat(updateProv("\"GlobalSecondaryIndexUpdates\":[{\"Delete\":{\"IndexName\":\"gsi1\"},"
                + "\"Update\":{\"IndexName\":\"gsi1\"}}]")).isEqualTo(INVALID + "Only one global secondary index "
                + "action is allowed per GlobalSecondaryIndexUpdate object");
        assertThat(update("Ondemand", "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"g2\","
                + "\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":"
                + "\"ALL\"}}}]")).isEqualTo(INVALID + "AttributeDefinitions is not specified for index: g2");
        assertThat(updateProv("\"GlobalSecondaryIndexUpdates\":[{\"Delete\":{\"IndexName\":\"lsi1\"}}]"))
                .isEqualTo("Cannot delete an index that is not a GlobalSecondaryIndex: lsi1");
        assertThat(error("UpdateTable", "{\"TableName\":\"Prov\",\"GlobalSecondaryIndexUpdates\":[{\"Delete\":"
                + "{\"IndexName\":\"ghost\"}}]}"))
                .isEqualTo("ResourceNotFoundException: Requested resource not found: Index ghost for table Prov");
        assertThat(updateProv("\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":\"gsi1\","
                + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":2,\"WriteCapacityUnits\":2}}}]"))
                .startsWith("The provisioned throughput for the index gsi1 will not change. The requested value "
                        + "equals the current value.");
        assertThat(update("Ondemand", "\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":\"gsi1\"}}]"))
                .isEqualTo(INVALID + "The only Updates for index: gsi1 when TableThroughputMode is PAY_PER_REQUEST "
                        + "can be to OnDemandThroughput, WarmThroughput");
        assertThat(update("Ondemand", "\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":\"gsi1\","
                + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":2,\"WriteCapacityUnits\":2}}}]"))
                .isEqualTo(INVALID + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: "
                        + "gsi1 when BillingMode is PAY_PER_REQUEST");
        ok("UpdateTable", "{\"TableName\":\"Ondemand\",\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":"
                + "\"gsi1\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":10}}}]}");
    }

    @Test
    void onDemandLimitsAreInRangeAndOnlyForOnDemandTables() throws Exception {
        assertThat(update("Ondemand", "\"OnDemandThroughput\":{\"MaxReadRequestUnits\":0}"))
                .isEqualTo(INVALID + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of "
                        + "valid range");
        assertThat(updateProv("\"OnDemandThroughput\":{\"MaxWriteRequestUnits\":5}"))
                .isEqualTo(INVALID + "MaxWriteRequestUnits for OnDemandThroughput cannot be specified when the table "
                        + "BillingMode is PROVISIONED");
        ok("UpdateTable", "{\"TableName\":\"Ondemand\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":-1}}");
    }

    @Test
    void tagsAreCheckedInTheTaggingOperationsWords() throws Exception {
        String table = ARN + "Prov";
        assertThat(tag(table, "[{\"Key\":\"aws:x\",\"Value\":\"1\"}]"))
                .isEqualTo("Tag Key cannot be prefixed with aws:, Key: aws:x");
        assertThat(tag(table, "[{\"Key\":\"dup\",\"Value\":\"1\"},{\"Key\":\"dup\",\"Value\":\"2\"}]"))
                .isEqualTo("Duplicate Tag Keys provided as input: Duplicate Tag Key found dup");
        assertThat(tag(table, "[{\"Key\":\"k\",\"Value\":\"100%\"}]"))
                .isEqualTo("The Tag Value provided is invalid, Value: 100%");
        assertThat(tag(table, "[{\"Key\":\"bad#char\",\"Value\":\"v\"}]"))
                .isEqualTo("The Tag Key provided is invalid, Key: bad#char");
        assertThat(tag(table, "[{}]")).isEqualTo("The Tag Key provided is invalid, Key: null");
        assertThat(tag(table, "[{\"Key\":\"good\",\"Value\":\"ok\"},{\"Key\":\"AWS:x\",\"Value\":\"1\"}]"))
                .startsWith("Tag Key cannot be prefixed");
        assertThat(ok("ListTagsOfResource", "{\"ResourceArn\":\"" + table + "\"}").get("Tags")).isEmpty();
        assertThat(engine.raw("TagResource", "{\"ResourceArn\":\"" + table + "\",\"Tags\":[{\"Key\":\"Team name\","
                + "\"Value\":\"café: a/b=c+d-e@f_g.h\"}]}"))
                .as("DynamoDB answers tagging with an empty body").isEmpty();
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            big.append(i == 0 ? "" : ",").append("{\"Key\":\"k").append(i).append("\",\"Value\":\"")
                    .append("v".repeat(256)).append("\"}");
        }
        assertThat(tag(table, "[" + big + "]")).matches("Tag set size \\d+ bytes is above max size limit of 10240 "
                + "bytes");
        assertThat(error("UntagResource", "{\"ResourceArn\":\"" + table + "\",\"TagKeys\":[]}"))
                .isEqualTo("ValidationException: Atleast one Tag Key needs to be provided as Input.");
        assertThat(error("UntagResource", "{\"ResourceArn\":\"" + table + "\",\"TagKeys\":[\"aws:foo\"]}"))
                .isEqualTo("ValidationException: Tag Key cannot be prefixed with aws:, Key: aws:foo");
        assertThat(error("ListTagsOfResource", "{\"ResourceArn\":\"not-an-arn\"}"))
                .isEqualTo("ValidationException: " + INVALID + "ARNs must start with 'arn:': not-an-arn");
        assertThat(error("ListTagsOfResource", "{\"ResourceArn\":\"" + table + "/index/gsi1\"}"))
                .isEqualTo("ValidationException: " + INVALID + "Invalid resource arn provided, only table or stream "
                        + "is accepted. Provided resource arn: " + table + "/index/gsi1");
        assertThat(error("ListTagsOfResource", "{\"ResourceArn\":\"arn:aws:s3:::bucket\"}"))
                .isEqualTo("ValidationException: " + INVALID + "Provided Arn is not a DynamoDB resource arn: "
                        + "arn:aws:s3:::bucket");
        assertThat(error("ListTagsOfResource", "{\"ResourceArn\":\"" + ARN + "None\"}"))
                .isEqualTo("ResourceNotFoundException: Requested resource not found: ResourceArn: " + ARN
                        + "None not found");
    }

    /** As measured against DynamoDB: TableThroughputMode is BillingMode's alias, BillingMode winning when both come. */
    @Test
    void tableThroughputModeStandsInForBillingMode() throws Exception {
        String key = "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]";
        JsonNode created = ok("CreateTable", "{\"TableName\":\"Alias\"," + key + ",\"TableThroughputMode\":"
                + "\"PAY_PER_REQUEST\"}").get("TableDescription");
        assertThat(created.at("/BillingModeSummary/BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(created.at("/TableThroughputModeSummary/TableThroughputMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(created.at("/TableThroughputModeSummary/LastUpdateToPayPerRequestDateTime"))
                .isEqualTo(created.at("/BillingModeSummary/LastUpdateToPayPerRequestDateTime"));
        assertThat(error("CreateTable", "{\"TableName\":\"Bogus\"," + key + ",\"BillingMode\":\"BOGUS1\","
                + "\"TableThroughputMode\":\"BOGUS2\"}"))
                .isEqualTo("ValidationException: 2 validation errors detected: "
                + "Value 'BOGUS1' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[PROVISIONED, PAY_PER_REQUEST]; Value 'BOGUS2' at 'tableThroughputMode' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]");
        assertThat(error("UpdateTable", "{\"TableName\":\"Missing\",\"TableThroughputMode\":\"BOGUS\"}"))
                .startsWith("ValidationException: 1 validation error detected: Value 'BOGUS' at 'tableThroughputMode'");
        ok("UpdateTable", "{\"TableName\":\"Prov\",\"TableThroughputMode\":\"PAY_PER_REQUEST\"}");
        assertThat(ok("DescribeTable", "{\"TableName\":\"Prov\"}").at("/Table/TableThroughputModeSummary/"
                + "TableThroughputMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(update("Alias", "\"TableThroughputMode\":\"PROVISIONED\""))
                .isEqualTo(update("Alias", "\"BillingMode\":\"PROVISIONED\""))
                .isEqualTo(INVALID + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
        ok("UpdateTable", "{\"TableName\":\"Alias\",\"BillingMode\":\"PROVISIONED\",\"TableThroughputMode\":"
                + "\"PAY_PER_REQUEST\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":2,\"WriteCapacityUnits\":2}}");
        JsonNode switched = ok("DescribeTable", "{\"TableName\":\"Alias\"}").get("Table");
        assertThat(switched.has("BillingModeSummary") || switched.has("TableThroughputModeSummary")).isFalse();
    }

    @Test
    void unusedAttributeDefinitionsAreNamedWhenTheTableHasIndexes() throws Exception {
        assertThat(error("CreateTable", "{\"TableName\":\"Unused\",\"BillingMode\":\"PAY_PER_REQUEST\","
                + "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"x\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"GlobalSecondaryIndexes\":"
                + "[{\"IndexName\":\"byG\",\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]}")).isEqualTo("ValidationException: " + INVALID
                + "Some AttributeDefinitions are not used. AttributeDefinitions: [pk, g, x], keys used: [pk, g]");
    }

    /** As tests run against DynamoDB record: warm throughput is kept, described, and never lowered. */
    @Test
    void warmThroughputIsDescribedAndNeverLowered() throws Exception {
        String key = "\"AttributeDefinitions\":[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"";
        assertThat(error("CreateTable", "{\"TableName\":\"Cold\"," + key + ",\"WarmThroughput\":"
                + "{\"ReadUnitsPerSecond\":11999}}"))
                .contains("ReadUnitsPerSecond for WarmThroughput for table (11999) is lower than");
        JsonNode created = ok("CreateTable", "{\"TableName\":\"Warm\"," + key + ",\"WarmThroughput\":"
                + "{\"ReadUnitsPerSecond\":12240}}").at("/TableDescription/WarmThroughput");
        assertThat(created.get("ReadUnitsPerSecond").asLong()).isEqualTo(12_240);
        assertThat(created.get("WriteUnitsPerSecond").asLong()).as("the unit not given").isEqualTo(4_000);
        ok("UpdateTable", "{\"TableName\":\"Warm\",\"WarmThroughput\":{\"WriteUnitsPerSecond\":4080}}");
        JsonNode described = ok("DescribeTable", "{\"TableName\":\"Warm\"}").at("/Table/WarmThroughput");
        assertThat(described.get("WriteUnitsPerSecond").asLong()).isEqualTo(4_080);
        assertThat(described.get("Status").asText()).isEqualTo("ACTIVE");
        assertThat(update("Warm", "\"WarmThroughput\":{\"ReadUnitsPerSecond\":12120}")).isEqualTo(INVALID
                + "Requested ReadUnitsPerSecond for WarmThroughput for table is lower than current WarmThroughput, "
                + "decreasing WarmThroughput is not supported");
        ok("UpdateTable", "{\"TableName\":\"Warm\",\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"}");
        assertThat(ok("DescribeTable", "{\"TableName\":\"Warm\"}").at("/Table/TableClassSummary")
                .has("LastUpdateDateTime")).as("when the class last changed").isTrue();
    }

    /**
     * As tests run against DynamoDB record: a new index may not give an existing key attribute another type, and
     * filling it leaves out items whose key values a write to it would have been refused for.
     */
    @Test
    void aNewIndexKeepsKeyTypesAndLeavesOutItemsWithUnusableKeys() throws Exception {
        assertThat(update("Ondemand", "\"AttributeDefinitions\":[{\"AttributeName\":\"g\",\"AttributeType\":\"N\"}],"
                + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"gTwo\","
                + "\"KeySchema\":[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}}]"))
                .isEqualTo(INVALID + "Attributes cannot be redefined. Please check that your attribute has the same "
                        + "type as previously defined. Existing schema: Schema:[SchemaElement: key{g:S:HASH}] New "
                        + "schema: Schema:[SchemaElement: key{g:N:HASH}]");
        for (String x : List.of("fine", "", "x".repeat(2049), "y".repeat(2048))) {
            ok("PutItem", "{\"TableName\":\"Ondemand\",\"Item\":{\"pk\":{\"S\":\"k" + x.length() + "\"},"
                    + "\"x\":{\"S\":\"" + x + "\"}}}");
        }
        ok("UpdateTable", "{\"TableName\":\"Ondemand\",\"AttributeDefinitions\":[{\"AttributeName\":\"x\","
                + "\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byX\","
                + "\"KeySchema\":[{\"AttributeName\":\"x\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":"
                + "\"KEYS_ONLY\"}}}]}");
        JsonNode indexed = ok("Scan", "{\"TableName\":\"Ondemand\",\"IndexName\":\"byX\"}").get("Items");
        assertThat(indexed.findValuesAsText("S")).filteredOn(v -> v.startsWith("k"))
                .containsExactlyInAnyOrder("k4", "k2048");
    }

    @Test
    void describeLimitsReportsDynamoDbsDefaultQuotas() {
        var limits = engine.client.describeLimits(b -> { });
        assertThat(limits.accountMaxReadCapacityUnits()).isEqualTo(80_000L);
        assertThat(limits.tableMaxWriteCapacityUnits()).isEqualTo(40_000L);
    }

    @Test
    void timeToLiveNamesTheAttributeItIsOn() throws Exception {
        ok("UpdateTimeToLive", "{\"TableName\":\"Prov\",\"TimeToLiveSpecification\":{\"Enabled\":true,"
                + "\"AttributeName\":\"ttl\"}}");
        assertThat(error("UpdateTimeToLive", "{\"TableName\":\"Prov\",\"TimeToLiveSpecification\":{\"Enabled\":true,"
                + "\"AttributeName\":\"other\"}}")).isEqualTo("ValidationException: TimeToLive is active on a "
                + "different AttributeName: current AttributeName is ttl");
        assertThat(error("UpdateTimeToLive", "{\"TableName\":\"Prov\",\"TimeToLiveSpecification\":{\"Enabled\":true}}"))
                .isEqualTo("ValidationException: 1 validation error detected: Value null at "
                        + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must not be "
                        + "null");
    }

    private String updateProv(String members) throws Exception {
        return update("Prov", members);
    }

    /** An UpdateTable that must fail with a ValidationException: its message. */
    private String update(String table, String members) throws Exception {
        String body = "{\"TableName\":\"" + table + "\"" + (members.isEmpty() ? "" : "," + members) + "}";
        JsonNode answer = JSON.readTree(engine.raw("UpdateTable", body));
        if (!answer.has("__type")) {
            return "(accepted)";
        }
        assertThat(answer.get("__type").asText()).endsWith("#ValidationException");
        return answer.get("message").asText();
    }

    private String tag(String arn, String tags) throws Exception {
        String answer = error("TagResource", "{\"ResourceArn\":\"" + arn + "\",\"Tags\":" + tags + "}");
        assertThat(answer).startsWith("ValidationException: ");
        return answer.substring("ValidationException: ".length());
    }

    /** The error's name and message, {@code Name: message}. */
    private JsonNode ok(String operation, String body) throws Exception {
        JsonNode answer = JSON.readTree(engine.raw(operation, body));
        assertThat(answer.has("__type")).as("%s %s answered %s", operation, body, answer).isFalse();
        return answer;
    }
}
