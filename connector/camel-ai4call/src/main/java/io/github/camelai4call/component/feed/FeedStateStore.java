package io.github.camelai4call.component.feed;

import org.apache.camel.Service;

/**
 * Where a feed consumer keeps its {@link FeedState} across restarts and nodes. A store writes a state as one unit:
 * after a crash at any instant it reads back either the state before a write or the state after it, never a mix
 * (for {@link FileFeedStateStore} and {@link JdbcFeedStateStore}; {@link CamelRepositoriesFeedStateStore} gives the
 * guarantee of the Camel repositories it wraps).
 */
public interface FeedStateStore extends Service {

    /**
     * The state of that key as the store holds it now, read in one consistent step. Returns {@code current} itself
     * when the store holds exactly that version (no other node wrote since), so that a poll costs no full read.
     *
     * @param current the state this consumer holds, or null at start
     */
    FeedState load(String key, FeedState current) throws Exception;

    /**
     * Writes the state as one unit, then calls {@link FeedState#written(long)}.
     *
     * @throws FeedStateConflictException when the store holds a later version than the state was read at: another
     *                                    node wrote in between, and this state must not replace it
     */
    void save(String key, FeedState state) throws Exception;

    @Override
    default void start() {
    }

    @Override
    default void stop() {
    }
}
