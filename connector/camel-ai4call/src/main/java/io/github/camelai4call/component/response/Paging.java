package io.github.camelai4call.component.response;

import java.lang.reflect.Method;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelai4call.model.PageInfo;

/**
 * Where a paged answer goes on: the {@code page} object of the contract's page schemas, read from whatever the
 * answer was converted to (a page model, a JSON tree or a Map).
 *
 * @param nextCursor the cursor of the next page, or null on the last page
 * @param hasMore    whether another page follows
 */
public record Paging(String nextCursor, boolean hasMore) {

    /** The getPage() accessor of each generated page model (AssistantPage, CallRecordPage...). */
    private static final ClassValue<Method> PAGE_OF = new ClassValue<>() {
        @Override
        protected Method computeValue(Class<?> type) {
            try {
                return type.getMethod("getPage");
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getSimpleName() + " is not a page model", e);
            }
        }
    };

    /** The paging of a page model. */
    public static Paging ofModel(Object pageModel) {
        try {
            PageInfo page = (PageInfo) PAGE_OF.get(pageModel.getClass()).invoke(pageModel);
            return page == null ? new Paging(null, false)
                    : new Paging(page.getNextCursor(), Boolean.TRUE.equals(page.getHasMore()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The paging of a page as a JSON tree. */
    public static Paging ofTree(JsonNode tree) {
        JsonNode page = tree.path("page");
        JsonNode next = page.path("nextCursor");
        return new Paging(next.isTextual() ? next.asText() : null, page.path("hasMore").asBoolean(false));
    }

    /** The paging of a page as a Map. */
    public static Paging ofMap(Map<?, ?> map) {
        Object page = map.get("page");
        if (!(page instanceof Map<?, ?> p)) {
            return new Paging(null, false);
        }
        Object next = p.get("nextCursor");
        return new Paging(next instanceof String s ? s : null, Boolean.TRUE.equals(p.get("hasMore")));
    }
}
