package dev.dynagate.tables.transfer;

import dev.dynagate.tables.Attr;
import java.io.IOException;
import java.util.Map;

/** Writes exported items in one format. Called by one thread at a time. */
public interface ItemWriter extends AutoCloseable {

    void write(Map<String, Attr> item) throws IOException;

    /** Called once every item is written: completes the output (a CSV writes its rows now, header first). */
    void finish() throws IOException;

    /** Releases what the writer holds, finished or not. */
    @Override
    void close() throws IOException;
}
