-- The call history table of the reporting example (flow 3); run by H2 on every connection (INIT=RUNSCRIPT).
CREATE TABLE IF NOT EXISTS calls (
  id               VARCHAR(64) PRIMARY KEY,
  ts               VARCHAR(40) NOT NULL,   -- ISO-8601 instant as the API sends it; LEFT(ts, 10) is the UTC day
  direction        VARCHAR(16) NOT NULL,
  outcome          VARCHAR(32) NOT NULL,
  duration_seconds INT,
  cost             DECIMAL(12, 4),
  currency         VARCHAR(8),
  assistant        VARCHAR(128)
);
