package io.github.camelai4call.component.feed;

/** A node tried to write a feed state that another node had replaced since it was read. */
public final class FeedStateConflictException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public FeedStateConflictException(String key, long expected, long found) {
        super("the feed state " + key + " was written by another node (version " + found + ", this node read version "
              + expected + "): this node's latest deliveries are not recorded, and it reads the state again");
    }
}
