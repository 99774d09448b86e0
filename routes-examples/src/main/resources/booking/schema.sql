-- The clinic calendar of the booking example (flow 7); run by H2 on every connection (INIT=RUNSCRIPT).
-- The slots offered every day, and the appointments booked in them: one per slot and day.
CREATE TABLE IF NOT EXISTS slots (
  slot VARCHAR(5) PRIMARY KEY                -- HH:MM
);
MERGE INTO slots (slot) KEY (slot) VALUES
  ('09:00'), ('09:30'), ('10:00'), ('10:30'), ('11:00'), ('11:30'), ('12:00'), ('12:30'),
  ('14:00'), ('14:30'), ('15:00'), ('15:30'), ('16:00'), ('16:30'), ('17:00'), ('17:30');
CREATE TABLE IF NOT EXISTS appointments (
  appointment_date DATE        NOT NULL,
  slot             VARCHAR(5)  NOT NULL REFERENCES slots (slot),
  call_id          VARCHAR(64) NOT NULL,  -- the call that booked it: a second invocation of that call finds it again
  lead_id          VARCHAR(64),
  booked_at        TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL,
  PRIMARY KEY (appointment_date, slot)     -- two calls racing for one slot: the second insert fails
);
