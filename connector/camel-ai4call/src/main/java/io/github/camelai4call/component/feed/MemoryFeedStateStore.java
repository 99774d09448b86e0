package io.github.camelai4call.component.feed;

import java.util.Map;

/** The default: the state lives as long as the consumer's CamelContext, in the consumer's own memory. */
public final class MemoryFeedStateStore implements FeedStateStore {

    @Override
    public FeedState load(String key, FeedState current) {
        return current != null ? current : new FeedState(null, Map.of(), 0);
    }

    @Override
    public void save(String key, FeedState state) {
        state.written(state.version() + 1);
    }
}
