MERGE INTO calls (id, ts, direction, outcome, duration_seconds, cost, currency, assistant) KEY (id)
VALUES (:#${body[id]}, :#${body[timestamp]}, :#${body[direction]}, :#${body[outcome]}, :#${body[durationSeconds]},
        :#${body[cost]}, :#${body[currency]}, :#${body[assistantName]})
