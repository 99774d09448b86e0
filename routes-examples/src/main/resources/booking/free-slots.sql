-- The first three slots still free on the requested day, as the assistant reads them out ('none' when full).
SELECT COALESCE(LISTAGG(slot, ', ') WITHIN GROUP (ORDER BY slot), 'none') FROM (
  SELECT slot FROM slots
  WHERE slot NOT IN (SELECT slot FROM appointments WHERE appointment_date = CAST(:#${header.date} AS DATE))
  ORDER BY slot FETCH FIRST 3 ROWS ONLY) AS first_free
