package dev.dynagate.tables;

/** What the navigator shows beside a table name: DynamoDB's approximate item count and size (about 6-hourly). */
public record TableSummary(long itemCount, long sizeBytes) {

    public String text() {
        if (itemCount < 0 || sizeBytes < 0) {
            return "";
        }
        return "~" + Cells.number(itemCount) + (itemCount == 1 ? " item · " : " items · ") + Cells.bytes(sizeBytes);
    }
}
