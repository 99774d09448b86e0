INSERT INTO appointments (appointment_date, slot, call_id, lead_id)
VALUES (CAST(:#${header.date} AS DATE), :#${header.slot}, :#${header.callId}, :#${header.leadId})
