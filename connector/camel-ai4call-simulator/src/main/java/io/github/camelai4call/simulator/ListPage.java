package io.github.camelai4call.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** A page {items, page} of a small in-memory list; the cursor is the offset. */
final class ListPage {

    private ListPage() {
    }

    static Http.Response of(Http.Ctx c, List<? extends JsonNode> items) {
        int limit = limit(c);
        int offset = 0;
        String cursor = c.q("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            try {
                offset = Integer.parseInt(Cursor.decode(cursor, "o", 1, "list")[0]);
            } catch (NumberFormatException e) {
                offset = -1;
            }
            if (offset < 0) throw ApiException.badRequest("cursor is not a cursor of this list", "cursor");
        }
        ObjectNode o = Json.obj();
        ArrayNode arr = o.putArray("items");
        int end = Math.min(items.size(), offset + limit);
        for (int i = offset; i < end; i++) arr.add(items.get(i).deepCopy());
        boolean more = end < items.size();
        ObjectNode page = o.putObject("page");
        if (more) {
            page.put("nextCursor", Cursor.encode("o", end));
        } else {
            page.putNull("nextCursor");
        }
        page.put("hasMore", more);
        return Http.Response.ok(o);
    }

    /** The {@code limit} of a list or feed request: 1 to 1000, 100 when absent. */
    static int limit(Http.Ctx c) {
        String l = c.q("limit");
        if (l == null || l.isEmpty()) return 100;
        try {
            int v = Integer.parseInt(l);
            if (v < 1 || v > 1000) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit must be an integer between 1 and 1000", "limit");
        }
    }
}
