package dev.dynagate.sandbox.dynamodb.expr;

/** The operators DynamoDB allows on a sort key in a key condition. */
public enum SortOperator { EQ, LT, LE, GT, GE, BETWEEN, BEGINS_WITH }
