package dev.dynagate.tables;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Table descriptions and items the table tests share. */
public final class Fixtures {
    private Fixtures() {
    }

    public static TableDescription experiments() {
        TableDescription.KeySchema keys = new TableDescription.KeySchema(
                new TableDescription.Key("experimentId", KeyType.S), new TableDescription.Key("sampleId", KeyType.N));
        return new TableDescription("Experiments", "arn:aws:dynamodb:us-east-1:000000000000:table/Experiments",
                "ACTIVE", Instant.parse("2026-01-02T03:04:05Z"), keys, List.of(
                new TableDescription.Index("by-status", TableDescription.IndexKind.GSI, new TableDescription.KeySchema(
                        new TableDescription.Key("status", KeyType.S), new TableDescription.Key("takenAt", KeyType.S)),
                        "KEYS_ONLY", List.of()),
                new TableDescription.Index("by-site", TableDescription.IndexKind.LSI, new TableDescription.KeySchema(
                        new TableDescription.Key("experimentId", KeyType.S), new TableDescription.Key("site", KeyType.S)),
                        "ALL", List.of())),
                "PAY_PER_REQUEST", null, null, "expiresAt", "NEW_AND_OLD_IMAGES", 1234, 56789);
    }

    /** Experiments with one global index whose partition key has two attributes, which a copy cannot make. */
    public static TableDescription withWideIndex() {
        TableDescription base = experiments();
        TableDescription.KeySchema wide = new TableDescription.KeySchema(new TableDescription.Key("a", KeyType.S),
                null, List.of(new TableDescription.Key("a", KeyType.S), new TableDescription.Key("b", KeyType.S)),
                List.of());
        return new TableDescription(base.name(), base.arn(), base.status(), base.created(), base.keys(),
                List.of(new TableDescription.Index("wide", TableDescription.IndexKind.GSI, wide, "ALL", List.of())),
                base.billingMode(), null, null, null, null, 0, 0);
    }

    /** An item holding every DynamoDB type, including the awkward ones. */
    public static Map<String, Attr> everyType() {
        Map<String, Attr> nested = new LinkedHashMap<>();
        nested.put("deep", new Attr.L(List.of(new Attr.N("1.50"), new Attr.S(""), new Attr.Null(),
                new Attr.M(Map.of("flag", new Attr.Bool(false))))));
        nested.put("tags", new Attr.SS(new LinkedHashSet<>(List.of("x", "y"))));
        Map<String, Attr> item = new LinkedHashMap<>();
        item.put("experimentId", new Attr.S("exp-001"));
        item.put("sampleId", new Attr.N("12345678901234567890123456789012345678"));
        item.put("empty", new Attr.S(""));
        item.put("tiny", new Attr.N("-0.00000000000000000000000000000000000001"));
        item.put("exact", new Attr.N("1.50"));
        item.put("huge", new Attr.N("9.9999999999999999999999999999999999999E+125"));
        item.put("blob", new Attr.B(new byte[] {0, 1, 2, (byte) 0xff}));
        item.put("yes", new Attr.Bool(true));
        item.put("nothing", new Attr.Null());
        item.put("labels", new Attr.SS(new LinkedHashSet<>(List.of("alpha", "beta"))));
        item.put("readings", new Attr.NS(new LinkedHashSet<>(List.of("1", "2.50", "-3e2"))));
        item.put("blobs", new Attr.BS(new LinkedHashSet<>(List.of(new Attr.B(new byte[] {1}), new Attr.B(new byte[] {2, 3})))));
        item.put("list", new Attr.L(List.of(new Attr.S("a"), new Attr.N("2"), new Attr.L(List.of()))));
        item.put("map", new Attr.M(nested));
        item.put("emptyMap", new Attr.M(Map.of()));
        return item;
    }
}
