package dev.dynagate.sandbox.dynamodb.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dynagate.sandbox.Sandbox;
import dev.dynagate.sandbox.SandboxOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real AWS CLI v2 against the sandbox with {@code --endpoint-url}: a table's whole life, as a user would drive it
 * from a shell. The steps share one table and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AwsCliConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TABLE = "Experiments";
    private static final String BIG = "12345678901234567890123456789012345678";

    @TempDir
    static Path temp;
    static Sandbox sandbox;
    static AwsCli aws;

    @BeforeAll
    static void start() throws Exception {
        Path executable = ConformancePeers.awsCli();
        Path home = Files.createDirectories(temp.resolve("home"));
        sandbox = Sandbox.start(SandboxOptions.of(0, temp.resolve("data")), line -> { });
        aws = new AwsCli(executable, sandbox.endpoint(), home);
    }

    @AfterAll
    static void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    @Order(1)
    void createTableWithGlobalIndexAndWaitForIt() throws Exception {
        AwsCli.Result created = aws.dynamodb("create-table", "--table-name", TABLE,
                "--attribute-definitions", "AttributeName=pk,AttributeType=S", "AttributeName=sk,AttributeType=S",
                "AttributeName=state,AttributeType=S",
                "--key-schema", "AttributeName=pk,KeyType=HASH", "AttributeName=sk,KeyType=RANGE",
                "--global-secondary-indexes", aws.file("gsi.json", "[{\"IndexName\":\"byState\",\"KeySchema\":"
                        + "[{\"AttributeName\":\"state\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]"),
                "--billing-mode", "PAY_PER_REQUEST");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        JsonNode table = created.json().path("TableDescription");
        assertThat(table.path("TableName").asText()).isEqualTo(TABLE);
        assertThat(table.path("TableStatus").asText()).isIn("CREATING", "ACTIVE");
        assertThat(table.path("BillingModeSummary").path("BillingMode").asText()).isEqualTo("PAY_PER_REQUEST");
        assertThat(table.path("GlobalSecondaryIndexes").get(0).path("IndexName").asText()).isEqualTo("byState");
        assertThat(table.path("TableArn").asText()).startsWith("arn:aws:dynamodb:").endsWith(":table/" + TABLE);

        AwsCli.Result waited = aws.dynamodb("wait", "table-exists", "--table-name", TABLE);
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        AwsCli.Result described = aws.dynamodb("describe-table", "--table-name", TABLE);
        assertThat(described.json().path("Table").path("TableStatus").asText()).isEqualTo("ACTIVE");
    }

    @Test
    @Order(2)
    void putItemWithSetsAndBigNumbersThenGetItBackExactly() throws Exception {
        String item = "{\"pk\":{\"S\":\"exp-1\"},\"sk\":{\"S\":\"sample-000\"},\"state\":{\"S\":\"running\"},"
                + "\"big\":{\"N\":\"" + BIG + "\"},\"neg\":{\"N\":\"-0012.50\"},\"tiny\":{\"N\":\"1E-130\"},"
                + "\"tags\":{\"SS\":[\"blood\",\"urine\"]},\"doses\":{\"NS\":[\"0.5\",\"10\",\"" + BIG + "\"]},"
                + "\"blobs\":{\"BS\":[\"AAEC\",\"/w==\"]},\"raw\":{\"B\":\"3q2+7w==\"},\"ok\":{\"BOOL\":true},\"none\":{\"NULL\":true},"
                + "\"empty\":{\"S\":\"\"},\"nested\":{\"M\":{\"list\":{\"L\":[{\"N\":\"1\"},{\"S\":\"two\"},{\"M\":{}}]},"
                + "\"unicode\":{\"S\":\"\u00e9\u4e2d\ud83d\ude00\"}}}}";
        AwsCli.Result put = aws.dynamodb("put-item", "--table-name", TABLE, "--item", aws.file("item.json", item));
        assertThat(put.exitCode()).as(put.toString()).isZero();
        assertThat(put.stdout().isBlank() || put.json().isEmpty()).as("put-item prints nothing: " + put.stdout()).isTrue();

        AwsCli.Result got = aws.dynamodb("get-item", "--table-name", TABLE, "--consistent-read",
                "--key", aws.file("key.json", "{\"pk\":{\"S\":\"exp-1\"},\"sk\":{\"S\":\"sample-000\"}}"));
        assertThat(got.exitCode()).as(got.toString()).isZero();
        String expected = item.replace("-0012.50", "-12.5").replace("1E-130", "0." + "0".repeat(129) + "1");
        assertThat(setsSorted(got.json())).isEqualTo(setsSorted(JSON.readTree("{\"Item\":" + expected + "}")));
    }

    @Test
    @Order(3)
    void queryWithKeyConditionOnTableAndIndex() throws Exception {
        for (int i = 1; i <= 5; i++) {
            String item = "{\"pk\":{\"S\":\"exp-1\"},\"sk\":{\"S\":\"sample-00" + i + "\"},\"state\":{\"S\":\""
                    + (i % 2 == 0 ? "done" : "running") + "\"},\"n\":{\"N\":\"" + i + "\"}}";
            assertThat(aws.dynamodb("put-item", "--table-name", TABLE, "--item", aws.file("q" + i + ".json", item))
                    .exitCode()).isZero();
        }
        AwsCli.Result query = aws.dynamodb("query", "--table-name", TABLE,
                "--key-condition-expression", "pk = :p AND sk BETWEEN :a AND :b",
                "--expression-attribute-values", aws.file("qv.json",
                        "{\":p\":{\"S\":\"exp-1\"},\":a\":{\"S\":\"sample-002\"},\":b\":{\"S\":\"sample-004\"}}"),
                "--no-scan-index-forward");
        assertThat(query.exitCode()).as(query.toString()).isZero();
        assertThat(query.json().path("Count").asInt()).isEqualTo(3);
        assertThat(sortKeys(query.json())).containsExactly("sample-004", "sample-003", "sample-002");

        AwsCli.Result byIndex = aws.dynamodb("query", "--table-name", TABLE, "--index-name", "byState",
                "--key-condition-expression", "#s = :s", "--expression-attribute-names", "{\"#s\":\"state\"}",
                "--expression-attribute-values", aws.file("qi.json", "{\":s\":{\"S\":\"running\"}}"));
        assertThat(byIndex.exitCode()).as(byIndex.toString()).isZero();
        assertThat(sortKeys(byIndex.json())).containsExactly("sample-000", "sample-001", "sample-003", "sample-005");
    }

    @Test
    @Order(4)
    void scanFollowsPagesAndPaginationTokens() throws Exception {
        StringBuilder requests = new StringBuilder("{\"" + TABLE + "\":[");
        for (int i = 0; i < 25; i++) {
            requests.append(i == 0 ? "" : ",").append("{\"PutRequest\":{\"Item\":{\"pk\":{\"S\":\"exp-2\"},\"sk\":{\"S\":\"s")
                    .append(String.format("%02d", i)).append("\"}}}}");
        }
        requests.append("]}");
        AwsCli.Result batch = aws.dynamodb("batch-write-item", "--request-items", aws.file("batch.json", requests.toString()));
        assertThat(batch.exitCode()).as(batch.toString()).isZero();
        assertThat(batch.json().path("UnprocessedItems").isEmpty()).isTrue();

        AwsCli.Result scan = aws.dynamodb("scan", "--table-name", TABLE, "--page-size", "4");
        assertThat(scan.exitCode()).as(scan.toString()).isZero();
        assertThat(scan.json().path("Count").asInt()).isEqualTo(31);
        assertThat(scan.json().path("Items")).hasSize(31);
        assertThat(scan.json().has("NextToken")).isFalse();

        AwsCli.Result firstTen = aws.dynamodb("scan", "--table-name", TABLE, "--page-size", "3", "--max-items", "10");
        assertThat(firstTen.json().path("Items")).hasSize(10);
        String token = firstTen.json().path("NextToken").asText();
        assertThat(token).isNotBlank();
        AwsCli.Result rest = aws.dynamodb("scan", "--table-name", TABLE, "--page-size", "3", "--starting-token", token);
        assertThat(rest.exitCode()).as(rest.toString()).isZero();
        List<String> seen = new ArrayList<>(keys(firstTen.json()));
        seen.addAll(keys(rest.json()));
        assertThat(seen).hasSize(31).doesNotHaveDuplicates();
    }

    @Test
    @Order(5)
    void updateItemReturnsTheNewValues() throws Exception {
        AwsCli.Result updated = aws.dynamodb("update-item", "--table-name", TABLE,
                "--key", aws.file("uk.json", "{\"pk\":{\"S\":\"exp-1\"},\"sk\":{\"S\":\"sample-001\"}}"),
                "--update-expression", "SET n = n + :d, notes = list_append(if_not_exists(notes, :e), :v) ADD tags :t REMOVE #s",
                "--condition-expression", "n = :one",
                "--expression-attribute-names", "{\"#s\":\"state\"}",
                "--expression-attribute-values", aws.file("uv.json", "{\":d\":{\"N\":\"0.25\"},\":e\":{\"L\":[]},"
                        + "\":v\":{\"L\":[{\"S\":\"checked\"}]},\":t\":{\"SS\":[\"x\"]},\":one\":{\"N\":\"1\"}}"),
                "--return-values", "ALL_NEW");
        assertThat(updated.exitCode()).as(updated.toString()).isZero();
        assertThat(updated.json()).isEqualTo(JSON.readTree("{\"Attributes\":{\"pk\":{\"S\":\"exp-1\"},"
                + "\"sk\":{\"S\":\"sample-001\"},\"n\":{\"N\":\"1.25\"},\"notes\":{\"L\":[{\"S\":\"checked\"}]},"
                + "\"tags\":{\"SS\":[\"x\"]}}}"));

        AwsCli.Result old = aws.dynamodb("update-item", "--table-name", TABLE,
                "--key", aws.file("uk.json", "{\"pk\":{\"S\":\"exp-1\"},\"sk\":{\"S\":\"sample-001\"}}"),
                "--update-expression", "SET n = :v", "--expression-attribute-values", "{\":v\":{\"N\":\"7\"}}",
                "--return-values", "UPDATED_OLD");
        assertThat(old.json()).isEqualTo(JSON.readTree("{\"Attributes\":{\"n\":{\"N\":\"1.25\"}}}"));
    }

    @Test
    @Order(6)
    void transactionWithFailingConditionIsCancelledWhole() throws Exception {
        String items = "[{\"Put\":{\"TableName\":\"" + TABLE + "\",\"Item\":{\"pk\":{\"S\":\"exp-3\"},\"sk\":{\"S\":\"a\"}}}},"
                + "{\"ConditionCheck\":{\"TableName\":\"" + TABLE + "\",\"Key\":{\"pk\":{\"S\":\"exp-1\"},\"sk\":{\"S\":\"sample-001\"}},"
                + "\"ConditionExpression\":\"n = :n\",\"ExpressionAttributeValues\":{\":n\":{\"N\":\"-1\"}}}}]";
        AwsCli.Result cancelled = aws.dynamodb("transact-write-items", "--transact-items", aws.file("tx.json", items));
        assertThat(cancelled.exitCode()).as(cancelled.toString()).isEqualTo(254);
        assertThat(cancelled.stderr()).contains("TransactionCanceledException")
                .contains("Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]");
        AwsCli.Result notWritten = aws.dynamodb("get-item", "--table-name", TABLE,
                "--key", "{\"pk\":{\"S\":\"exp-3\"},\"sk\":{\"S\":\"a\"}}");
        assertThat(notWritten.exitCode()).isZero();
        assertThat(notWritten.stdout().isBlank() || !notWritten.json().has("Item")).as(notWritten.stdout()).isTrue();

        AwsCli.Result committed = aws.dynamodb("transact-write-items", "--transact-items",
                aws.file("tx2.json", items.replace("\"N\":\"-1\"", "\"N\":\"7\"")));
        assertThat(committed.exitCode()).as(committed.toString()).isZero();
        assertThat(aws.dynamodb("get-item", "--table-name", TABLE, "--key",
                "{\"pk\":{\"S\":\"exp-3\"},\"sk\":{\"S\":\"a\"}}").json().has("Item")).isTrue();
    }

    @Test
    @Order(7)
    void deleteTableThenItIsGone() throws Exception {
        AwsCli.Result deleted = aws.dynamodb("delete-table", "--table-name", TABLE);
        assertThat(deleted.exitCode()).as(deleted.toString()).isZero();
        assertThat(deleted.json().path("TableDescription").path("TableName").asText()).isEqualTo(TABLE);
        AwsCli.Result waited = aws.dynamodb("wait", "table-not-exists", "--table-name", TABLE);
        assertThat(waited.exitCode()).as(waited.toString()).isZero();
        AwsCli.Result missing = aws.dynamodb("describe-table", "--table-name", TABLE);
        assertThat(missing.exitCode()).isEqualTo(254);
        assertThat(missing.stderr()).contains("ResourceNotFoundException");
        AwsCli.Result listed = aws.dynamodb("list-tables");
        assertThat(listed.json().path("TableNames")).isEmpty();
    }

    private static List<String> sortKeys(JsonNode response) {
        List<String> keys = new ArrayList<>();
        response.path("Items").forEach(item -> keys.add(item.path("sk").path("S").asText()));
        return keys;
    }

    private static List<String> keys(JsonNode response) {
        List<String> keys = new ArrayList<>();
        response.path("Items").forEach(item -> keys.add(item.path("pk").path("S").asText() + "/" + item.path("sk").path("S").asText()));
        return keys;
    }

    /** DynamoDB sets are unordered: compare them as sorted lists, everything else exactly. */
    private static JsonNode setsSorted(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                boolean set = field.getKey().equals("SS") || field.getKey().equals("NS") || field.getKey().equals("BS");
                copy.set(field.getKey(), set ? sorted((ArrayNode) field.getValue()) : setsSorted(field.getValue()));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(element -> copy.add(setsSorted(element)));
            return copy;
        }
        return node;
    }

    private static ArrayNode sorted(ArrayNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        values.sort(String::compareTo);
        ArrayNode copy = JSON.createArrayNode();
        values.forEach(copy::add);
        return copy;
    }

    /** A global index keyed by two HASH and two RANGE attributes, created and queried from the shell. */
    @Test
    @Order(8)
    void multiAttributeIndexKeyFromTheCli() throws Exception {
        AwsCli.Result created = aws.dynamodb("create-table", "--table-name", "Matches",
                "--attribute-definitions", "AttributeName=id,AttributeType=S", "AttributeName=cup,AttributeType=S",
                "AttributeName=zone,AttributeType=S", "AttributeName=roundNo,AttributeType=N",
                "AttributeName=bracket,AttributeType=S",
                "--key-schema", "AttributeName=id,KeyType=HASH",
                "--global-secondary-indexes", aws.file("multi-gsi.json", "[{\"IndexName\":\"byCup\",\"KeySchema\":["
                        + "{\"AttributeName\":\"cup\",\"KeyType\":\"HASH\"},"
                        + "{\"AttributeName\":\"zone\",\"KeyType\":\"HASH\"},"
                        + "{\"AttributeName\":\"roundNo\",\"KeyType\":\"RANGE\"},"
                        + "{\"AttributeName\":\"bracket\",\"KeyType\":\"RANGE\"}],"
                        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]"),
                "--billing-mode", "PAY_PER_REQUEST");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        assertThat(created.json().path("TableDescription").path("GlobalSecondaryIndexes").get(0).path("KeySchema"))
                .hasSize(4);
        String[][] matches = {{"m1", "1", "upper"}, {"m2", "1", "lower"}, {"m3", "2", "upper"}};
        for (String[] m : matches) {
            AwsCli.Result put = aws.dynamodb("put-item", "--table-name", "Matches", "--item", aws.file(m[0] + ".json",
                    "{\"id\":{\"S\":\"" + m[0] + "\"},\"cup\":{\"S\":\"WINTER\"},\"zone\":{\"S\":\"EU\"},"
                            + "\"roundNo\":{\"N\":\"" + m[1] + "\"},\"bracket\":{\"S\":\"" + m[2] + "\"}}"));
            assertThat(put.exitCode()).as(put.toString()).isZero();
        }

        AwsCli.Result query = aws.dynamodb("query", "--table-name", "Matches", "--index-name", "byCup",
                "--key-condition-expression", "cup = :c AND #z = :z AND roundNo = :r",
                "--expression-attribute-names", "{\"#z\":\"zone\"}",
                "--expression-attribute-values", aws.file("multi-values.json",
                        "{\":c\":{\"S\":\"WINTER\"},\":z\":{\"S\":\"EU\"},\":r\":{\"N\":\"1\"}}"));
        assertThat(query.exitCode()).as(query.toString()).isZero();
        List<String> ids = new ArrayList<>();
        query.json().path("Items").forEach(item -> ids.add(item.path("id").path("S").asText()));
        assertThat(ids).containsExactly("m2", "m1");

        AwsCli.Result partial = aws.dynamodb("query", "--table-name", "Matches", "--index-name", "byCup",
                "--key-condition-expression", "cup = :c",
                "--expression-attribute-values", aws.file("partial-values.json", "{\":c\":{\"S\":\"WINTER\"}}"));
        assertThat(partial.exitCode()).isNotZero();
        assertThat(partial.stderr()).contains("ValidationException")
                .contains("HASH key attributes zone must have equality conditions specified in the query");
    }

    /** PartiQL from the shell: an INSERT with a parameter, then a SELECT that queries by the partition key. */
    @Test
    @Order(9)
    void partiqlStatementsFromTheCli() throws Exception {
        AwsCli.Result inserted = aws.dynamodb("execute-statement", "--statement",
                "INSERT INTO \"Matches\" VALUE {'id': 'ql-1', 'big': ?}",
                "--parameters", aws.file("ql-params.json", "[{\"N\":\"" + BIG + "\"}]"));
        assertThat(inserted.exitCode()).as(inserted.toString()).isZero();

        AwsCli.Result selected = aws.dynamodb("execute-statement", "--statement",
                "SELECT id, big FROM \"Matches\" WHERE id = 'ql-1'");
        assertThat(selected.exitCode()).as(selected.toString()).isZero();
        assertThat(selected.json().path("Items")).hasSize(1);
        assertThat(selected.json().path("Items").get(0).path("big").path("N").asText()).isEqualTo(BIG);

        AwsCli.Result again = aws.dynamodb("execute-statement", "--statement",
                "INSERT INTO \"Matches\" VALUE {'id': 'ql-1'}");
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.stderr()).contains("DuplicateItemException").contains("Duplicate primary key exists in table");
    }

    /** A table's stream from the shell: the stream ARN DescribeTable gives, its shard, and the change records. */
    @Test
    @Order(10)
    void streamRecordsFromTheCli() throws Exception {
        AwsCli.Result created = aws.dynamodb("create-table", "--table-name", "Watched",
                "--attribute-definitions", "AttributeName=id,AttributeType=S",
                "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST",
                "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
        assertThat(created.exitCode()).as(created.toString()).isZero();
        String arn = created.json().path("TableDescription").path("LatestStreamArn").asText();
        assertThat(aws.dynamodb("put-item", "--table-name", "Watched", "--item",
                "{\"id\":{\"S\":\"w-1\"},\"big\":{\"N\":\"" + BIG + "\"}}").exitCode()).isZero();
        assertThat(aws.dynamodb("delete-item", "--table-name", "Watched", "--key", "{\"id\":{\"S\":\"w-1\"}}")
                .exitCode()).isZero();

        AwsCli.Result listed = aws.streams("list-streams", "--table-name", "Watched");
        assertThat(listed.exitCode()).as(listed.toString()).isZero();
        assertThat(listed.json().path("Streams").get(0).path("StreamArn").asText()).isEqualTo(arn);
        AwsCli.Result described = aws.streams("describe-stream", "--stream-arn", arn);
        assertThat(described.exitCode()).as(described.toString()).isZero();
        JsonNode stream = described.json().path("StreamDescription");
        assertThat(stream.path("StreamStatus").asText()).isEqualTo("ENABLED");
        String shard = stream.path("Shards").get(0).path("ShardId").asText();
        AwsCli.Result iterator = aws.streams("get-shard-iterator", "--stream-arn", arn, "--shard-id", shard,
                "--shard-iterator-type", "TRIM_HORIZON");
        assertThat(iterator.exitCode()).as(iterator.toString()).isZero();
        AwsCli.Result records = aws.streams("get-records", "--shard-iterator",
                iterator.json().path("ShardIterator").asText());
        assertThat(records.exitCode()).as(records.toString()).isZero();
        JsonNode list = records.json().path("Records");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("eventName").asText()).isEqualTo("INSERT");
        assertThat(list.get(0).path("dynamodb").path("NewImage").path("big").path("N").asText()).isEqualTo(BIG);
        assertThat(list.get(1).path("eventName").asText()).isEqualTo("REMOVE");
        assertThat(list.get(1).path("dynamodb").path("OldImage").path("id").path("S").asText()).isEqualTo("w-1");
        assertThat(records.json().path("NextShardIterator").asText()).isNotEmpty();
    }
}
