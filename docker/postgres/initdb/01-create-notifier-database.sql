-- Runs once, when the PostgreSQL data volume is empty. POSTGRES_DB has already created the ingest database;
-- the notifier owns its own one (no stage reads another stage's tables). Owned by POSTGRES_USER, who runs this.
CREATE DATABASE notifier;
