-- The requested slot: 'closed' when the calendar has no such slot, else the call id that booked it, else 'free'.
SELECT CASE
         WHEN NOT EXISTS (SELECT 1 FROM slots WHERE slot = :#${header.slot}) THEN 'closed'
         ELSE COALESCE((SELECT call_id FROM appointments
                        WHERE appointment_date = CAST(:#${header.date} AS DATE) AND slot = :#${header.slot}), 'free')
       END
