package dev.dynagate.sandbox.dynamodb.schema;

/** A key attribute: its name and scalar type (S, N or B). */
public record KeyAttr(String name, String type) {
}
