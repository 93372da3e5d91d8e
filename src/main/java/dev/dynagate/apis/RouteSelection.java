package dev.dynagate.apis;

/**
 * A route picked in the explorer, with the API and stage it was picked under.
 *
 * @param stage null when the API has no deployed stage
 */
public record RouteSelection(ApiDetail api, Stage stage, Route route, String invokeUrl) {
}
