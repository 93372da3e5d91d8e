package dev.dynagate.tables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestBuilderTest {
    private final TableDescription table = Fixtures.experiments();

    @Test
    void autoScansWithoutAPartitionKeyAndSaysSo() {
        ReadRequest request = RequestBuilder.build(QuerySpec.scan("Experiments"), table);

        assertThat(request.operation()).isEqualTo(ReadRequest.Operation.SCAN);
        assertThat(request.keyCondition()).isNull();
        assertThat(request.plan()).startsWith("Auto: Scan");
    }

    @Test
    void autoQueriesWhenThePartitionKeyIsGivenAndSaysSo() {
        ReadRequest request = RequestBuilder.build(QuerySpec.scan("Experiments").withPartition(Attr.s("exp-1"))
                .withSort(new QuerySpec.SortCondition(SortOp.BETWEEN, Attr.n(1), Attr.n(9))).withAscending(false), table);

        assertThat(request.operation()).isEqualTo(ReadRequest.Operation.QUERY);
        assertThat(request.plan()).isEqualTo("Auto: Query, because the partition key experimentId is given.");
        assertThat(request.keyCondition()).isEqualTo("#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2");
        assertThat(request.names()).containsExactly(Map.entry("#n0", "experimentId"), Map.entry("#n1", "sampleId"));
        assertThat(request.values()).containsExactly(Map.entry(":v0", Attr.s("exp-1")), Map.entry(":v1", Attr.n(1)),
                Map.entry(":v2", Attr.n(9)));
        assertThat(request.ascending()).isFalse();
    }

    @Test
    void everySortOperatorRenders() {
        assertThat(keyCondition(SortOp.EQ)).endsWith("#n1 = :v1");
        assertThat(keyCondition(SortOp.LT)).endsWith("#n1 < :v1");
        assertThat(keyCondition(SortOp.LE)).endsWith("#n1 <= :v1");
        assertThat(keyCondition(SortOp.GT)).endsWith("#n1 > :v1");
        assertThat(keyCondition(SortOp.GE)).endsWith("#n1 >= :v1");
        assertThat(keyCondition(SortOp.BEGINS_WITH)).endsWith("begins_with(#n1, :v1)");
    }

    private String keyCondition(SortOp op) {
        return RequestBuilder.build(QuerySpec.scan("Experiments").withPartition(Attr.s("e"))
                .withSort(new QuerySpec.SortCondition(op, Attr.n(5), null)), table).keyCondition();
    }

    @Test
    void reservedWordsAndNestedPathsBecomePlaceholders() {
        QuerySpec spec = QuerySpec.scan("Experiments").withFilters(QuerySpec.Joiner.OR, List.of(
                new QuerySpec.Filter("status", FilterOp.EQ, List.of(Attr.s("open"))),
                new QuerySpec.Filter("data.values[0].size", FilterOp.GT, List.of(Attr.n(3))),
                new QuerySpec.Filter("status", FilterOp.NOT_EXISTS, List.of())));

        ReadRequest request = RequestBuilder.build(spec, table);

        assertThat(request.filter()).isEqualTo("(#n0 = :v0) OR (#n1.#n2[0].#n3 > :v1) OR (attribute_not_exists(#n0))");
        assertThat(request.names()).containsValues("status", "data", "values", "size");
    }

    @Test
    void everyFilterOperatorRenders() {
        assertThat(filter(FilterOp.EQ, Attr.n(1))).isEqualTo("#n0 = :v0");
        assertThat(filter(FilterOp.NE, Attr.n(1))).isEqualTo("#n0 <> :v0");
        assertThat(filter(FilterOp.LT, Attr.n(1))).isEqualTo("#n0 < :v0");
        assertThat(filter(FilterOp.LE, Attr.n(1))).isEqualTo("#n0 <= :v0");
        assertThat(filter(FilterOp.GT, Attr.n(1))).isEqualTo("#n0 > :v0");
        assertThat(filter(FilterOp.GE, Attr.n(1))).isEqualTo("#n0 >= :v0");
        assertThat(filter(FilterOp.BETWEEN, Attr.n(1), Attr.n(2))).isEqualTo("#n0 BETWEEN :v0 AND :v1");
        assertThat(filter(FilterOp.IN, Attr.n(1), Attr.n(2), Attr.n(3))).isEqualTo("#n0 IN (:v0, :v1, :v2)");
        assertThat(filter(FilterOp.BEGINS_WITH, Attr.s("a"))).isEqualTo("begins_with(#n0, :v0)");
        assertThat(filter(FilterOp.CONTAINS, Attr.s("a"))).isEqualTo("contains(#n0, :v0)");
        assertThat(filter(FilterOp.EXISTS)).isEqualTo("attribute_exists(#n0)");
        assertThat(filter(FilterOp.NOT_EXISTS)).isEqualTo("attribute_not_exists(#n0)");
        assertThat(filter(FilterOp.ATTRIBUTE_TYPE, Attr.s("SS"))).isEqualTo("attribute_type(#n0, :v0)");
        assertThat(filter(FilterOp.SIZE_GE, Attr.n(2))).isEqualTo("size(#n0) >= :v0");
        assertThat(filter(FilterOp.SIZE_BETWEEN, Attr.n(2), Attr.n(4))).isEqualTo("size(#n0) BETWEEN :v0 AND :v1");
    }

    private String filter(FilterOp op, Attr... values) {
        return RequestBuilder.build(QuerySpec.scan("Experiments").withFilters(QuerySpec.Joiner.AND,
                List.of(new QuerySpec.Filter("x", op, List.of(values)))), table).filter();
    }

    @Test
    void explicitQueryWithoutPartitionKeyIsRefusedWithAReason() {
        assertThatThrownBy(() -> RequestBuilder.build(QuerySpec.scan("Experiments").withMode(QuerySpec.Mode.QUERY), table))
                .hasMessageContaining("partition key experimentId");
    }

    @Test
    void indexQueryUsesTheIndexKeys() {
        ReadRequest request = RequestBuilder.build(QuerySpec.scan("Experiments").withIndex("by-status")
                .withPartition(Attr.s("open")), table);

        assertThat(request.index()).isEqualTo("by-status");
        assertThat(request.names()).containsEntry("#n0", "status");
    }

    @Test
    void snippetsCarryTheExactRequest() {
        ReadRequest request = RequestBuilder.build(QuerySpec.scan("Experiments").withPartition(Attr.s("it's"))
                .withAscending(false).withProjection(List.of("name", "sampleId")), table);

        String cli = RequestSnippets.cli(request, "http://127.0.0.1:8000", "us-east-1");
        assertThat(cli).contains("aws dynamodb query", "--key-condition-expression '#n0 = :v0'",
                "--expression-attribute-values '{\":v0\":{\"S\":\"it'\\''s\"}}'", "--no-scan-index-forward",
                "--endpoint-url http://127.0.0.1:8000");
        String java = RequestSnippets.java(request);
        assertThat(java).contains("QueryRequest.builder()", ".keyConditionExpression(\"#n0 = :v0\")",
                "AttributeValue.fromS(\"it's\")", ".scanIndexForward(false)", ".projectionExpression(\"#n1, #n2\")");
        assertThat(RequestSnippets.describe(request)).startsWith("Query {").contains("\"ScanIndexForward\" : false");
    }

    @Test
    void aStatementBecomesAnExecuteStatementCommandQuotedForTheShell() {
        assertThat(RequestSnippets.partiqlCli("SELECT * FROM \"Experiments\" WHERE pk = 'a'", "http://127.0.0.1:8000",
                "us-east-1")).isEqualTo("aws dynamodb execute-statement \\\n"
                + "  --statement 'SELECT * FROM \"Experiments\" WHERE pk = '\\''a'\\''' \\\n"
                + "  --region us-east-1 \\\n  --endpoint-url http://127.0.0.1:8000");
        assertThat(RequestSnippets.partiqlCli("SELECT 1", null, null))
                .isEqualTo("aws dynamodb execute-statement \\\n  --statement 'SELECT 1'");
    }

    /** Matches by tournament and zone; within one, by round and bracket. */
    static TableDescription withMultiAttributeIndex() {
        TableDescription.Key tournament = new TableDescription.Key("tournament", KeyType.S);
        TableDescription.Key zone = new TableDescription.Key("zone", KeyType.S);
        TableDescription.Key round = new TableDescription.Key("round", KeyType.N);
        TableDescription.Key bracket = new TableDescription.Key("bracket", KeyType.S);
        TableDescription base = Fixtures.experiments();
        return new TableDescription(base.name(), base.arn(), base.status(), base.created(), base.keys(),
                List.of(new TableDescription.Index("byTournament", TableDescription.IndexKind.GSI,
                        new TableDescription.KeySchema(tournament, round, List.of(tournament, zone),
                                List.of(round, bracket)), "ALL", List.of())),
                base.billingMode(), null, null, null, null, 0, 0);
    }

    private static QuerySpec byTournament(QuerySpec.SortCondition round, QuerySpec.SortCondition bracket,
                                          Attr zone) {
        return QuerySpec.scan("Experiments").withIndex("byTournament").withPartition(Attr.s("WINTER")).withSort(round)
                .withKeyParts(new QuerySpec.KeyParts(java.util.Arrays.asList(zone),
                        java.util.Arrays.asList(bracket)));
    }

    @Test
    void aMultiAttributeKeyIsQueriedWithEveryPartitionAttributeAndSortAttributesFromTheLeft() {
        TableDescription table = withMultiAttributeIndex();
        ReadRequest request = RequestBuilder.build(byTournament(new QuerySpec.SortCondition(SortOp.EQ, Attr.n(1),
                null), new QuerySpec.SortCondition(SortOp.BEGINS_WITH, Attr.s("up"), null), Attr.s("EU")), table);

        assertThat(request.operation()).isEqualTo(ReadRequest.Operation.QUERY);
        assertThat(request.keyCondition()).isEqualTo("#n0 = :v0 AND #n1 = :v1 AND #n2 = :v2 AND begins_with(#n3, :v3)");
        assertThat(request.names().values()).containsExactly("tournament", "zone", "round", "bracket");
        assertThat(request.plan()).isEqualTo("Auto: Query, because the partition keys tournament, zone are given.");
        assertThat(RequestBuilder.build(byTournament(null, null, Attr.s("EU")), table).keyCondition())
                .isEqualTo("#n0 = :v0 AND #n1 = :v1");
    }

    @Test
    void aMultiAttributeKeyConditionThatDynamoDbWouldRefuseIsExplainedFirst() {
        TableDescription table = withMultiAttributeIndex();
        assertThatThrownBy(() -> RequestBuilder.build(byTournament(null, null, null), table))
                .hasMessage("A Query of index byTournament needs a value for every partition attribute: zone is "
                        + "empty.");
        assertThatThrownBy(() -> RequestBuilder.build(byTournament(new QuerySpec.SortCondition(SortOp.GT, Attr.n(1),
                null), new QuerySpec.SortCondition(SortOp.EQ, Attr.s("upper"), null), Attr.s("EU")), table))
                .hasMessage("round needs = because bracket has a condition: DynamoDB reads the sort attributes from "
                        + "the left.");
        assertThatThrownBy(() -> RequestBuilder.build(byTournament(null,
                new QuerySpec.SortCondition(SortOp.EQ, Attr.s("upper"), null), Attr.s("EU")), table))
                .hasMessageStartingWith("round needs = because bracket has a condition");
        assertThat(RequestBuilder.build(QuerySpec.scan("Experiments").withIndex("byTournament"), table).operation())
                .isEqualTo(ReadRequest.Operation.SCAN);
    }
}
