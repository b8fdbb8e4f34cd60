-- When a lot's tracking events last changed (recorded or withdrawn). Recording it updates the lot's row, so the
-- row's version (xmin) changes with its events too: the public scan keeps a lot's public view in memory and checks
-- that version on every scan (decision 0025, "scan" part).
ALTER TABLE lot ADD COLUMN events_changed_at timestamptz;
