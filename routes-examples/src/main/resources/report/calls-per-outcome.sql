SELECT outcome, COUNT(*) AS calls, SUM(cost) AS cost FROM calls GROUP BY outcome ORDER BY calls DESC, outcome
