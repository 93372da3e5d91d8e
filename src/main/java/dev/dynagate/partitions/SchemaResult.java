package dev.dynagate.partitions;

import java.util.List;

/** An inferred schema with its basis and the code generated from it. */
public record SchemaResult(List<AttributeProfile> attributes, long items, Basis basis, ScanStop stop,
                           ScanProgress progress, String dynamoose, String javaBean) {

    public SchemaResult {
        attributes = List.copyOf(attributes);
    }

    static SchemaResult of(SchemaProfiler profiler, TableLayout layout, ScanStop stop, ScanProgress progress,
                           boolean sampling) {
        long items = profiler.items();
        return new SchemaResult(profiler.profiles(), items,
                Basis.of(stop, items, layout.itemCountEstimate(), sampling, true), stop, progress,
                DynamooseModel.generate(layout, profiler.root(), items),
                EnhancedClientBean.generate(layout, profiler.root(), items));
    }
}
