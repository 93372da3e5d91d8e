package dev.dynagate.requests;

import dev.dynagate.requests.model.ResponseRecord;

/**
 * A response body ready to show: pretty JSON when it is JSON, the raw text, and whether the display is cut. Made
 * off the UI thread: pretty-printing megabytes takes time.
 */
public record ResponseBody(String pretty, String raw, boolean json) {
    /** Characters shown before "load all": a text area with megabytes of text freezes the window. */
    public static final int DISPLAY_LIMIT = 200_000;

    public static ResponseBody of(ResponseRecord response) {
        String raw = response.bodyText();
        boolean json = !response.truncated() && JsonText.parse(raw).isPresent();
        return new ResponseBody(json ? JsonText.pretty(raw) : raw, raw, json);
    }

    public static String shown(String text, boolean all) {
        return all || text.length() <= DISPLAY_LIMIT ? text : text.substring(0, DISPLAY_LIMIT);
    }

    public static boolean cut(String text) {
        return text.length() > DISPLAY_LIMIT;
    }
}
