package dev.dynagate.tables;

import dev.dynagate.ui.ErrorDescriber;
import dev.dynagate.ui.UserMessage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Our own refusals speak for themselves; everything else goes through the connection's error describer. */
final class Problems {
    private Problems() {
    }

    static UserMessage describe(ErrorDescriber errors, Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof ReadOnlyRefusal || cause instanceof ConflictException) {
            return new UserMessage(cause.getMessage(), "", false);
        }
        return errors.describe(cause);
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
