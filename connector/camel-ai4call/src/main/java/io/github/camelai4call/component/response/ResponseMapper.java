package io.github.camelai4call.component.response;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.camel.Message;

import io.github.camelai4call.component.Ai4callConstants;
import io.github.camelai4call.component.Ai4callException;
import io.github.camelai4call.component.Ai4callOperation;
import io.github.camelai4call.component.Ai4callOutputType;
import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.support.JsonMapper;
import io.github.camelai4call.model.PageInfo;
import io.github.camelai4call.component.support.SecretMasker;

/**
 * Puts a successful answer on the message (body in the chosen output type, status and paging headers) and turns
 * an error answer into an {@link Ai4callException}.
 */
public final class ResponseMapper {

    private static final int MAX_ERROR_BODY = 4096;


    public void apply(Ai4callOperation op, Ai4callOutputType outputType, HttpCallResult result, Message message)
            throws Ai4callException {
        ObjectMapper mapper = JsonMapper.get();
        message.setHeader(Ai4callConstants.HTTP_STATUS, result.status());
        String requestId = result.header("x-request-id");
        if (requestId != null) {
            message.setHeader(Ai4callConstants.REQUEST_ID, requestId);
        }
        byte[] bytes = result.body();
        if (bytes.length == 0) {
            message.setBody(null);
            return;
        }
        try {
            boolean paged = op.paged();
            if (outputType == Ai4callOutputType.string) {
                message.setBody(new String(bytes, StandardCharsets.UTF_8));
                if (paged) {
                    pagingHeaders(mapper.readTree(bytes), message);
                }
                return;
            }
            if (outputType == Ai4callOutputType.model && op.responseType() != null) {
                Object model = JsonMapper.readerFor(op.responseType()).readValue(bytes);
                if (paged) {
                    pagingHeaders(PAGE_OF.get(op.responseType()).invoke(model), message);
                }
                message.setBody(model);
                return;
            }
            JsonNode tree = mapper.readTree(bytes);
            if (paged) {
                pagingHeaders(tree, message);
            }
            message.setBody(switch (outputType) {
                case jsonNode -> tree;
                case map -> mapper.convertValue(tree, Map.class);
                default -> op.responseType() == null ? tree : mapper.treeToValue(tree, op.responseType());
            });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new Ai4callException(op.name(), result.status(), "INVALID_RESPONSE",
                    "the response is not the JSON the contract describes: " + e.getClass().getSimpleName(), null,
                    null, 1, null);
        }
    }

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

    private static void pagingHeaders(Object pageInfo, Message message) {
        PageInfo page = (PageInfo) pageInfo;
        if (page != null && page.getNextCursor() != null) {
            message.setHeader(Ai4callConstants.NEXT_CURSOR, page.getNextCursor());
        } else {
            message.removeHeader(Ai4callConstants.NEXT_CURSOR);
        }
        message.setHeader(Ai4callConstants.HAS_MORE, page != null && Boolean.TRUE.equals(page.getHasMore()));
    }

    private static void pagingHeaders(JsonNode tree, Message message) {
        JsonNode page = tree.path("page");
        JsonNode next = page.path("nextCursor");
        if (next.isTextual()) {
            message.setHeader(Ai4callConstants.NEXT_CURSOR, next.asText());
        } else {
            message.removeHeader(Ai4callConstants.NEXT_CURSOR);
        }
        message.setHeader(Ai4callConstants.HAS_MORE, page.path("hasMore").asBoolean(false));
    }

    /** The exception for an error answer, with every secret of the request masked. */
    public Ai4callException toException(Ai4callOperation op, HttpCallResult result, int attempts, String[] secrets) {
        String body = new String(result.body(), 0, Math.min(result.body().length, MAX_ERROR_BODY), StandardCharsets.UTF_8);
        ObjectMapper mapper = JsonMapper.get();
        String code = null;
        String msg = null;
        String field = null;
        try {
            JsonNode error = mapper.readTree(result.body());
            if (error != null && error.isObject()) {
                code = text(error, "code");
                msg = text(error, "message");
                field = text(error, "field");
            }
        } catch (IOException e) {
            // not JSON: the status and the raw body are all there is
        }
        return new Ai4callException(op.name(), result.status(), code, SecretMasker.mask(msg, secrets), field,
                SecretMasker.mask(body, secrets), attempts, null);
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v == null || v.isNull() ? null : v.asText();
    }
}
