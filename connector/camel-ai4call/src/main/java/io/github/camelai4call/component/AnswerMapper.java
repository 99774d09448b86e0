package io.github.camelai4call.component;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.camel.Message;

import io.github.camelai4call.component.http.HttpCallResult;
import io.github.camelai4call.component.response.Paging;
import io.github.camelai4call.component.support.JsonMapper;

/**
 * Puts a successful answer on the message: the body in the endpoint's output type, the status and request id
 * headers, and the paging headers of paged operations.
 */
final class AnswerMapper {

    private AnswerMapper() {
    }

    static void apply(Ai4callOperation op, Ai4callOutputType outputType, HttpCallResult result, Message message)
            throws Ai4callException {
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
        Object body;
        try {
            body = outputType.read(bytes, op.responseType());
            if (op.paged()) {
                paging(pagingOf(body, bytes), message);
            }
        } catch (IOException e) {
            throw Ai4callException.invalidAnswer(op.name(), result.status(), "the response", null);
        }
        message.setBody(body);
    }

    private static Paging pagingOf(Object body, byte[] bytes) throws IOException {
        if (body instanceof JsonNode tree) {
            return Paging.ofTree(tree);
        }
        if (body instanceof Map<?, ?> map) {
            return Paging.ofMap(map);
        }
        if (body instanceof String) {
            return Paging.ofTree(JsonMapper.get().readTree(bytes));
        }
        return Paging.ofModel(body);
    }

    private static void paging(Paging paging, Message message) {
        if (paging.nextCursor() != null) {
            message.setHeader(Ai4callConstants.NEXT_CURSOR, paging.nextCursor());
        } else {
            message.removeHeader(Ai4callConstants.NEXT_CURSOR);
        }
        message.setHeader(Ai4callConstants.HAS_MORE, paging.hasMore());
    }
}
