-- What the last full answer of each fetched URL said about its version (ETag, Last-Modified), so that the next
-- fetch asks "has it changed?" and a 304 spares the source and us the work. Portable SQL: PostgreSQL and H2.

create table fetch_state (
    -- The URL as asked for (ASCII form); longer URLs are not remembered.
    url            varchar(2000) primary key,
    -- Header values exactly as received, sent back verbatim in If-None-Match and If-Modified-Since.
    etag           varchar(1000),
    last_modified  varchar(100),
    updated_at     timestamp with time zone not null
);
