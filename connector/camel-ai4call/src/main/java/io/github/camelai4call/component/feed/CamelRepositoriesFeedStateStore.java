package io.github.camelai4call.component.feed;

import java.time.Instant;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A feed state kept in a Camel {@link StateRepository} (the watermark) and a Camel {@link IdempotentRepository}
 * (the ids), for users who bring their own. Not one unit: a write adds the new ids, then sets the watermark, then
 * removes the forgotten ids, each a separate operation of its repository, so a crash in between leaves whatever the
 * repositories left (with Camel's {@code FileIdempotentRepository}, which rewrites its whole file on each removal,
 * a kill during that rewrite can empty the ids while the watermark is saved, and the overlap window is delivered
 * again). Read once, at the consumer's start: the repositories have no version to compare, so a node does not see
 * what another node wrote while it was running.
 */
public final class CamelRepositoriesFeedStateStore implements FeedStateStore {

    private final StateRepository<String, String> watermarks;
    private final IdempotentRepository ids;

    public CamelRepositoriesFeedStateStore(StateRepository<String, String> watermarks, IdempotentRepository ids) {
        this.watermarks = watermarks;
        this.ids = ids;
    }

    @Override
    public void start() {
        ServiceHelper.startService(watermarks, ids);
    }

    @Override
    public void stop() {
        ServiceHelper.stopService(watermarks, ids); // flushes file-backed ones for the node that takes over
    }

    @Override
    public FeedState load(String key, FeedState current) {
        if (current != null) {
            return current;
        }
        String saved = watermarks.getState(key);
        return new FeedState(saved == null ? null : Instant.parse(saved), Map.of(), 0, ids::contains);
    }

    @Override
    public void save(String key, FeedState state) {
        state.added().keySet().forEach(ids::add);
        if (state.watermark() != null && !state.watermark().toString().equals(watermarks.getState(key))) {
            watermarks.setState(key, state.watermark().toString());
        }
        state.removed().forEach(ids::remove);
        state.written(state.version() + 1);
    }
}
