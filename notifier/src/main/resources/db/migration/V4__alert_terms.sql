-- Demand insight: one row per value of a closed vocabulary an alert asks for (role, seniority, taxonomy facets,
-- workplace, ISO country code), so that demand is counted with a group by on PostgreSQL and H2 alike without
-- reading anyone's criteria. Never free text (keywords, cities): see AlertTerms. Alerts saved before this version
-- get their rows from the Java migration V5 (AlertTermsBackfill).

create table alert_term (
    alert_id  uuid not null references alert (id) on delete cascade,
    facet     varchar(20) not null,
    term      varchar(100) not null,
    primary key (alert_id, facet, term)
);

create index alert_term_facet on alert_term (facet, term);
