-- Each audit entry is signed with a key derived from the instance key (kept outside the database), so an entry
-- forged with a correctly recomputed hash, or a chain rewritten from some entry on, is caught at that very entry.
-- The chain's last entry is vouched for by a signed head in settings ('audit_head'), which catches entries
-- deleted from, or appended to, the end.
ALTER TABLE audit_log ADD COLUMN signature TEXT NULL;
