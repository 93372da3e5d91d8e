package dev.dynagate.requests.model;

/**
 * Takes a value from a response into a variable, to chain requests (create → read → delete).
 *
 * @param source JSON_PATH (expression in {@code path}) or HEADER (name in {@code path})
 */
public record Capture(String variable, Source source, String path) {

    public enum Source { JSON_PATH, HEADER }
}
