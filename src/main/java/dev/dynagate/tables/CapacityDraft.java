package dev.dynagate.tables;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;

/** On demand, or provisioned read and write units, as the table forms hold them while the user chooses. */
public final class CapacityDraft {
    private final BooleanProperty onDemand;
    private final LongProperty readUnits;
    private final LongProperty writeUnits;

    public CapacityDraft(boolean onDemand, long readUnits, long writeUnits) {
        this.onDemand = new SimpleBooleanProperty(onDemand);
        this.readUnits = new SimpleLongProperty(readUnits);
        this.writeUnits = new SimpleLongProperty(writeUnits);
    }

    public BooleanProperty onDemand() {
        return onDemand;
    }

    public LongProperty readUnits() {
        return readUnits;
    }

    public LongProperty writeUnits() {
        return writeUnits;
    }

    /** Everything a change of which must check the form again. */
    Observable[] observables() {
        return new Observable[] {onDemand, readUnits, writeUnits};
    }

    /** DynamoDB's floor for provisioned units, in words; null when they pass or the table is on demand. */
    String unitsProblem() {
        return !onDemand.get() && (readUnits.get() < 1 || writeUnits.get() < 1)
                ? "Provisioned capacity is at least 1 read and 1 write unit." : null;
    }
}
