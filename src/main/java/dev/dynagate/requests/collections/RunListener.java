package dev.dynagate.requests.collections;

/** Follows a run as it goes: the CLI prints progress lines, the GUI fills its table. Called on the run's thread. */
public interface RunListener {

    default void started(RunPlan plan, int total) {
    }

    default void requestStarted(int iteration, int index, PlannedRequest request) {
    }

    default void requestFinished(RequestResult result) {
    }

    /**
     * Asked before a mutating request (POST, PUT, PATCH, DELETE) is sent with a production environment; false skips
     * it. The GUI asks the user; the CLI warns and goes on.
     */
    default boolean confirmProductionRequest(PlannedRequest request, Environment environment) {
        return true;
    }

    RunListener NONE = new RunListener() {
    };
}
