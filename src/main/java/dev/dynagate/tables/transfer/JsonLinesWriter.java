package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import dev.dynagate.tables.DynamoJson;
import dev.dynagate.tables.PlainJson;
import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/** One JSON object per line: plain JSON, or DynamoDB JSON wrapped as DynamoDB's export wraps it. */
final class JsonLinesWriter implements ItemWriter {
    private final Writer out;
    private final boolean typed;

    JsonLinesWriter(Writer out, boolean typed) {
        this.out = out;
        this.typed = typed;
    }

    @Override
    public void write(Map<String, Attr> item) throws IOException {
        if (typed) {
            out.write("{\"Item\":");
            out.write(DynamoJson.writeCompact(item));
            out.write("}\n");
        } else {
            out.write(PlainJson.writeCompact(item));
            out.write('\n');
        }
    }

    @Override
    public void finish() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
