package id.satupintu.jobs.review;

import id.satupintu.jobs.refresh.RefreshRunner;
import id.satupintu.pipeline.lake.DataDirectory;
import id.satupintu.pipeline.lake.DataDirectoryLock;

/**
 * The data-directory lock a review command holds while it reads the lake or the warehouse and
 * appends a decision: a refresh reads the decision files under the same lock, so it never reads a
 * decision half written, nor a decision checked against a warehouse it is replacing.
 */
final class ReviewLock {
    private ReviewLock() {}

    /** Takes the lock for {@code what}, or fails with one sentence naming who holds it. */
    static DataDirectoryLock take(DataDirectory data, String what) {
        try {
            return DataDirectoryLock.acquire(data, what);
        } catch (DataDirectoryLock.HeldException e) {
            throw RefreshRunner.locked(e.holder());
        }
    }
}
