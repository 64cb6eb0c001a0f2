-- Status counts a job waiting in the batch queue as "queued" (HTCondor calls it Idle): the stored
-- statuses of the last passes get the new key, so that one spelling is ever read back.
UPDATE production_status
   SET status = jsonb_set(status::jsonb, '{jobs}',
                          ((status::jsonb -> 'jobs') - 'idle')
                              || jsonb_build_object('queued', status::jsonb -> 'jobs' -> 'idle'))::text
 WHERE status::jsonb -> 'jobs' -> 'idle' IS NOT NULL;
