SELECT LEFT(ts, 10) AS call_day, COUNT(*) AS calls, SUM(cost) AS cost FROM calls GROUP BY LEFT(ts, 10) ORDER BY call_day
