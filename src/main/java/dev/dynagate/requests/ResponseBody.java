package dev.dynagate.requests;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dynagate.requests.model.ResponseRecord;

/**
 * A response body ready to show: pretty JSON when it is JSON, the raw text, and whether the display is cut. Made
 * off the UI thread: pretty-printing megabytes takes time.
 */
public record ResponseBody(String pretty, String raw, JsonNode tree) {
    /** Characters shown before "load all": a text area with megabytes of text freezes the window. */
    public static final int DISPLAY_LIMIT = 200_000;

    public static ResponseBody of(ResponseRecord response) {
        String raw = response.bodyText();
        JsonNode tree = response.truncated() ? null : JsonText.parse(raw).orElse(null);
        return new ResponseBody(tree == null ? raw : JsonText.pretty(tree), raw, tree);
    }

    public boolean json() {
        return tree != null;
    }

    public static String shown(String text, boolean all) {
        return all || text.length() <= DISPLAY_LIMIT ? text : text.substring(0, DISPLAY_LIMIT);
    }

    public static boolean cut(String text) {
        return text.length() > DISPLAY_LIMIT;
    }
}
