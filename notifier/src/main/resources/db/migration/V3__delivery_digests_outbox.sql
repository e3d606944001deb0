-- Delivery: the ledger learns whether a mail is still on its way, digests wait in digest_item, every email waits
-- in the outbox (pending_mail) until the SMTP server accepted it, and expired postings are remembered so that no
-- mail carries them. Portable SQL: PostgreSQL and H2. No personal data here beyond account ids.

-- PENDING: in a queued email the SMTP server has not accepted yet; SENT: accepted. The primary key on
-- (account_id, posting_id) still means that nothing is ever queued twice.
alter table delivery add column state varchar(10) default 'SENT' not null;

-- A posting the matcher published a tombstone for (or whose valid-through date passed), as of that event's time:
-- a later event for the posting brings it back, an older one (a redelivery) does not.
create table expired_posting (
    posting_id  varchar(64) primary key,
    expired_at  timestamp with time zone not null
);

-- A posting waiting for the account's next daily or weekly digest: one row per (account, posting), updated when
-- the posting is updated.
create table digest_item (
    account_id     uuid not null references account (id) on delete cascade,
    posting_id     varchar(64) not null,
    alert_id       uuid not null,
    frequency      varchar(10) not null,
    score          integer not null,
    title          varchar(500) not null,
    company        varchar(300),
    location       varchar(300),
    workplace      varchar(20),
    url            varchar(2000),
    excerpt        varchar(2000),
    valid_through  date,
    matched_at     timestamp with time zone not null,
    primary key (account_id, posting_id)
);

create index digest_item_posting on digest_item (posting_id);

-- When the account's next daily or weekly digest is due (its digest hour in its own time zone). Claiming moves
-- next_at on with a conditional update (where next_at = the value read), so two notifier instances never send the
-- same digest and neither holds a lock while it mails.
create table digest_run (
    account_id  uuid not null references account (id) on delete cascade,
    frequency   varchar(10) not null,
    next_at     timestamp with time zone not null,
    primary key (account_id, frequency)
);

create index digest_run_due on digest_run (next_at);

-- The outbox: one email to compose and send. QUEUED until the SMTP server accepted it (then the row is deleted);
-- FAILED after the last attempt. next_attempt_at doubles as a lease while an instance is sending it.
create table pending_mail (
    id               uuid primary key,
    account_id       uuid not null references account (id) on delete cascade,
    kind             varchar(10) not null,
    omitted          integer not null default 0,
    state            varchar(10) not null,
    attempts         integer not null default 0,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(300),
    created_at       timestamp with time zone not null
);

create index pending_mail_due on pending_mail (state, next_attempt_at);
create index pending_mail_account on pending_mail (account_id);

-- The postings of a queued email, as they were when it was queued.
create table pending_mail_item (
    mail_id        uuid not null references pending_mail (id) on delete cascade,
    posting_id     varchar(64) not null,
    alert_id       uuid,
    score          integer not null,
    title          varchar(500) not null,
    company        varchar(300),
    location       varchar(300),
    workplace      varchar(20),
    url            varchar(2000),
    excerpt        varchar(2000),
    valid_through  date,
    matched_at     timestamp with time zone not null,
    primary key (mail_id, posting_id)
);

-- Instant emails sent to an account on one day of its own calendar, for the per-account cap.
create table daily_send_count (
    account_id  uuid not null references account (id) on delete cascade,
    send_day    date not null,
    sent        integer not null,
    primary key (account_id, send_day)
);
