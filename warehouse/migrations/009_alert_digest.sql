-- 009: the digest never drops an alert.
--
-- Before: the digest was one alert row (rule 'digest') whose message was cut at 4,000 characters,
-- and every alert it carried was marked 'sent', also those cut off. Now each digest-mode alert gets
-- one alert_deliveries row per channel when a digest first takes it; the digest is split, per
-- channel, into messages that fit that channel's size limit, and each delivery records the message
-- that carried it. An alert is 'in_digest' once every channel has the message carrying it; the
-- alerts of a message that failed stay 'failed' and are retried (attempts, backoff) in a later
-- message, without repeating the messages that were delivered.

ALTER TABLE alert_deliveries ADD COLUMN digest_part VARCHAR;  -- dedup_key of the digest message that carried (or last tried to carry) this alert to this channel

-- Alerts attached to an old digest that has not reached every channel wait for the next digest
-- (which sends them whole, on every channel); the old digest rows are closed with a reason.
UPDATE alerts SET status = 'digest_pending', digest_key = NULL WHERE mode = 'digest' AND status = 'in_digest';
UPDATE alert_deliveries SET status = 'gave_up', next_attempt_at = NULL,
    last_error = 'replaced by the split digest (migration 009): its alerts are sent again in full'
WHERE status IN ('pending', 'sending', 'failed')
  AND dedup_key IN (SELECT dedup_key FROM alerts WHERE kind = 'digest');
UPDATE alerts SET status = 'gave_up',
    last_error = 'replaced by the split digest (migration 009): its alerts are sent again in full'
WHERE kind = 'digest' AND status IN ('pending', 'failed');

-- Alerts of a delivered old digest: the status the README gives them.
UPDATE alerts SET status = 'in_digest' WHERE mode = 'digest' AND status = 'sent' AND digest_key IS NOT NULL;
