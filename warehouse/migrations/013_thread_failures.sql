-- 013: an article the threads step could not assign is data, not a stuck step (as extraction_failures, 007).

-- The assigner raised on this relevant article (the step isolates it: the rest of its batch is
-- threaded). It waits, without a thread, until the threading version changes ([threads] settings or
-- the algorithm: threads.version); `storywatch threads rebuild` and `reextract` replay it in its batch.
-- Assigned at last: the row is deleted.
CREATE TABLE thread_failures (
    article_id  VARCHAR PRIMARY KEY,
    run_id      VARCHAR NOT NULL,    -- the batch it failed in (a rebuild replays it there)
    error       VARCHAR NOT NULL,    -- "ExceptionType: message"
    version     VARCHAR NOT NULL,    -- the threading version that failed (a new one retries it)
    failed_at   TIMESTAMP NOT NULL   -- wall clock of the attempt
);

COMMENT ON TABLE thread_failures IS 'Relevant articles the thread step could not assign: error and threading version; retried under a new version (see the README: story threads).';
