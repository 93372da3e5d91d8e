package dev.dynagate.apis;

import java.util.List;

/**
 * The APIs of one connection, read from the API Gateway control planes (v1 and v2). Calls block; callers run them
 * in the background. Implementations stop between pages when the thread is interrupted.
 */
public interface RouteCatalog {

    /** REST, HTTP and WebSocket APIs, all pages. */
    List<ApiSummary> listApis();

    /** Stages, routes with their integrations, authorizers and keys of one API. */
    ApiDetail describe(ApiSummary api);
}
