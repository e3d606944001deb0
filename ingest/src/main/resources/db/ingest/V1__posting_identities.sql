-- What ingest remembers of every job it has published, so that the same job found again (on another board,
-- under another URL, or changed) keeps its posting id: nobody is alerted twice. Portable SQL: PostgreSQL and H2.

create table posting_record (
    posting_id     varchar(40)  primary key,
    company_key    varchar(200),
    title_key      varchar(300),
    location_key   varchar(300),
    -- A MinHash sketch of the description's word shingles, for near-duplicate copies (comma-separated ints).
    sketch         varchar(2000),
    -- The content of the first source that listed the job: changes there are published as updates.
    primary_source varchar(200) not null,
    content_hash   varchar(64)  not null,
    -- The posting as last published (JSON), so a new source can be added to it and published again.
    posting_json   varchar(10485760) not null,
    first_seen     timestamp with time zone not null,
    last_seen      timestamp with time zone not null,
    expired_at     timestamp with time zone
);

create index posting_record_fingerprint on posting_record (company_key, title_key, location_key);

create index posting_record_title on posting_record (title_key);

create index posting_record_last_seen on posting_record (last_seen);

-- Every key a job is known by: its ATS id, each canonical URL it was seen at, each page that links to it.
create table posting_alias (
    alias       varchar(2000) primary key,
    posting_id  varchar(40) not null references posting_record (posting_id) on delete cascade
);

create index posting_alias_posting on posting_alias (posting_id);
