-- Self-service management of an account: how a consent was withdrawn, and the indexes that the per-account reads
-- of the manage page, the export and the erasure use. Portable SQL: PostgreSQL and H2.

-- How consent was withdrawn ("one-click", "manage-page", "api"), beside when.
alter table consent add column withdrawn_via varchar(40);

create index consent_account on consent (account_id);
create index access_token_account on access_token (account_id);

-- The audit trail of one account is read for its export; after an erasure its rows keep the account id, an
-- opaque random id that no longer leads to anything.
create index audit_event_account on audit_event (account_id);
