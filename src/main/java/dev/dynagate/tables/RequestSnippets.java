package dev.dynagate.tables;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link ReadRequest} as text people can read, paste into a shell (AWS CLI) or into Java (SDK v2). */
public final class RequestSnippets {
    private RequestSnippets() {
    }

    /** The request as its JSON body, the way DynamoDB receives it. */
    public static String describe(ReadRequest request) {
        ObjectNode body = ItemJson.MAPPER.createObjectNode();
        body.put("TableName", request.table());
        if (request.index() != null) {
            body.put("IndexName", request.index());
        }
        if (request.keyCondition() != null) {
            body.put("KeyConditionExpression", request.keyCondition());
        }
        if (request.filter() != null) {
            body.put("FilterExpression", request.filter());
        }
        if (request.projection() != null) {
            body.put("ProjectionExpression", request.projection());
        }
        if (!request.names().isEmpty()) {
            ObjectNode names = body.putObject("ExpressionAttributeNames");
            request.names().forEach(names::put);
        }
        if (!request.values().isEmpty()) {
            body.set("ExpressionAttributeValues", DynamoJson.toNode(request.values()));
        }
        if (request.isQuery() && !request.ascending()) {
            body.put("ScanIndexForward", false);
        }
        if (request.consistentRead()) {
            body.put("ConsistentRead", true);
        }
        body.put("Limit", request.limit());
        try {
            return (request.isQuery() ? "Query " : "Scan ")
                    + ItemJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An {@code aws dynamodb query|scan} command; single-quoted for POSIX shells. */
    public static String cli(ReadRequest request, String endpointUrl, String region) {
        List<String> parts = new ArrayList<>();
        parts.add("aws dynamodb " + (request.isQuery() ? "query" : "scan"));
        parts.add("--table-name " + quote(request.table()));
        if (request.index() != null) {
            parts.add("--index-name " + quote(request.index()));
        }
        if (request.keyCondition() != null) {
            parts.add("--key-condition-expression " + quote(request.keyCondition()));
        }
        if (request.filter() != null) {
            parts.add("--filter-expression " + quote(request.filter()));
        }
        if (request.projection() != null) {
            parts.add("--projection-expression " + quote(request.projection()));
        }
        if (!request.names().isEmpty()) {
            ObjectNode names = ItemJson.MAPPER.createObjectNode();
            request.names().forEach(names::put);
            parts.add("--expression-attribute-names " + quote(names.toString()));
        }
        if (!request.values().isEmpty()) {
            parts.add("--expression-attribute-values " + quote(DynamoJson.writeCompact(request.values())));
        }
        if (request.isQuery() && !request.ascending()) {
            parts.add("--no-scan-index-forward");
        }
        if (request.consistentRead()) {
            parts.add("--consistent-read");
        }
        parts.add("--page-size " + request.limit());
        if (region != null) {
            parts.add("--region " + region);
        }
        if (endpointUrl != null) {
            parts.add("--endpoint-url " + endpointUrl);
        }
        return String.join(" \\\n  ", parts);
    }

    /** An {@code aws dynamodb execute-statement} command for a PartiQL statement; single-quoted for POSIX shells. */
    public static String partiqlCli(String statement, String endpointUrl, String region) {
        List<String> parts = new ArrayList<>();
        parts.add("aws dynamodb execute-statement");
        parts.add("--statement " + quote(statement));
        if (region != null) {
            parts.add("--region " + region);
        }
        if (endpointUrl != null) {
            parts.add("--endpoint-url " + endpointUrl);
        }
        return String.join(" \\\n  ", parts);
    }

    /** Java code building the same request with the AWS SDK for Java v2. */
    public static String java(ReadRequest request) {
        String type = request.isQuery() ? "QueryRequest" : "ScanRequest";
        StringBuilder out = new StringBuilder();
        out.append(type).append(" request = ").append(type).append(".builder()\n");
        out.append("        .tableName(").append(literal(request.table())).append(")\n");
        if (request.index() != null) {
            out.append("        .indexName(").append(literal(request.index())).append(")\n");
        }
        if (request.keyCondition() != null) {
            out.append("        .keyConditionExpression(").append(literal(request.keyCondition())).append(")\n");
        }
        if (request.filter() != null) {
            out.append("        .filterExpression(").append(literal(request.filter())).append(")\n");
        }
        if (request.projection() != null) {
            out.append("        .projectionExpression(").append(literal(request.projection())).append(")\n");
        }
        if (!request.names().isEmpty()) {
            out.append("        .expressionAttributeNames(Map.of(");
            out.append(String.join(", ", request.names().entrySet().stream()
                    .map(e -> literal(e.getKey()) + ", " + literal(e.getValue())).toList()));
            out.append("))\n");
        }
        if (!request.values().isEmpty()) {
            out.append("        .expressionAttributeValues(Map.of(\n");
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, Attr> e : request.values().entrySet()) {
                values.add("                " + literal(e.getKey()) + ", " + javaValue(e.getValue()));
            }
            out.append(String.join(",\n", values)).append("))\n");
        }
        if (request.isQuery() && !request.ascending()) {
            out.append("        .scanIndexForward(false)\n");
        }
        if (request.consistentRead()) {
            out.append("        .consistentRead(true)\n");
        }
        out.append("        .limit(").append(request.limit()).append(")\n");
        out.append("        .build();\n");
        return out.toString();
    }

    private static String javaValue(Attr value) {
        if (value instanceof Attr.S s) {
            return "AttributeValue.fromS(" + literal(s.value()) + ")";
        } else if (value instanceof Attr.N n) {
            return "AttributeValue.fromN(" + literal(n.value()) + ")";
        } else if (value instanceof Attr.B b) {
            return "AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode(" + literal(b.base64()) + ")))";
        } else if (value instanceof Attr.Bool b) {
            return "AttributeValue.fromBool(" + b.value() + ")";
        } else if (value instanceof Attr.Null) {
            return "AttributeValue.fromNul(true)";
        }
        return "/* " + value.type() + " */ null";
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    private static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
