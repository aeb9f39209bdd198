-- contactstat sql for postgres: the report's figures over contacts
-- Table: the canonical contacts (the canonical export of contactstat classify), one row per contact.
-- Configuration compiled in:
--   repeat window 3d (259200 s), scope any
--   CSAT scale 0-10, satisfied at 9
--   period month, time zone Europe/Helsinki
--   range 2026-01-05 to 2026-03-01 (counted: since <= opened_at < until)
--   currency USD; taxonomy Fixtures/e2e/sql/sample-config.json: 3 causes, 8 rules
--   left out (names an export column the canonical table lacks): billing/invoice (taxonomy.causes[1].rules[3] (Fixtures/e2e/sql/sample-config.json:21:20))
-- PostgreSQL: words are [[:alnum:]] runs of the database's locale (use a UTF-8 locale).

DROP TABLE IF EXISTS cs_contacts;

CREATE TEMP TABLE cs_contacts AS
  SELECT input_order, contact_id, opened_at, closed_at, customer, channel, raw_channel, subject, text, category, tags, status, handle_time_seconds, csat_score, csat_satisfied, cost, agent, queue, language, first_contact_resolved, agent_replies, first_reply_seconds, priority, raw_priority, answered, wait_seconds, reopens
  FROM (
    SELECT t.input_order, t.contact_id, t.opened_at, t.closed_at, t.customer, t.channel, t.raw_channel, t.subject, t.text, t.category, t.tags, t.status, t.handle_time_seconds, t.csat_score, t.csat_satisfied, t.cost, t.agent, t.queue, t.language, t.first_contact_resolved, t.agent_replies, t.first_reply_seconds, t.priority, t.raw_priority, t.answered, t.wait_seconds, t.reopens,
      CASE WHEN t.contact_id IS NULL OR t.contact_id = '' THEN 1
           ELSE ROW_NUMBER() OVER (PARTITION BY t.contact_id ORDER BY t.input_order DESC) END AS cs_keep
    FROM "contacts" t
  ) kept
  WHERE cs_keep = 1;

DROP TABLE IF EXISTS cs_inputs;

CREATE TEMP TABLE cs_inputs AS
  SELECT *, (tk_subject || '|' || tk_text || '|' || tk_category || '|' || tk_tags) AS tk_any
  FROM (
    SELECT subject, text, category, tags, channel, queue,
        SUBSTR(subject, 1, 4096) AS rx_subject,
        (' ' || REGEXP_REPLACE(LOWER(category), '[^[:alnum:]]+', ' ', 'g') || ' ') AS tk_category,
        (' ' || REGEXP_REPLACE(LOWER(subject), '[^[:alnum:]]+', ' ', 'g') || ' ') AS tk_subject,
        (' ' || REGEXP_REPLACE(REPLACE(LOWER(tags), '|', ' | '), '[^[:alnum:]|]+', ' ', 'g') || ' ') AS tk_tags,
        (' ' || REGEXP_REPLACE(LOWER(text), '[^[:alnum:]]+', ' ', 'g') || ' ') AS tk_text,
        TRIM(REGEXP_REPLACE(LOWER(category), '[[:space:]]+', ' ', 'g')) AS vl_category,
        TRIM(REGEXP_REPLACE(LOWER(channel), '[[:space:]]+', ' ', 'g')) AS vl_channel,
        TRIM(REGEXP_REPLACE(LOWER(queue), '[[:space:]]+', ' ', 'g')) AS vl_queue,
        ('|' || REGEXP_REPLACE(TRIM(REGEXP_REPLACE(LOWER(tags), '[[:space:]]+', ' ', 'g')), ' ?\| ?', '|', 'g') || '|') AS vl_tags
    FROM (SELECT DISTINCT COALESCE(subject, '') AS subject, COALESCE(text, '') AS text, COALESCE(category, '') AS category, COALESCE(tags, '') AS tags, COALESCE(channel, '') AS channel, COALESCE(queue, '') AS queue FROM cs_contacts) inputs
  ) tokens;

DROP TABLE IF EXISTS cs_causes;

CREATE TEMP TABLE cs_causes AS
  SELECT subject, text, category, tags, channel, queue,
    CASE
    -- 1. delivery/where-is-my-order (taxonomy.causes[0].rules[0] (Fixtures/e2e/sql/sample-config.json:14:20)), priority 10
    WHEN ((STRPOS(tk_any, ' where is my order ') > 0) OR (tk_any ~ ' tilau[^ ]* myöhä[^ ]*') OR (STRPOS(tk_any, ' parcel ') > 0)) THEN 'delivery/where-is-my-order'
    -- 2. delivery/where-is-my-order (taxonomy.causes[0].rules[1] (Fixtures/e2e/sql/sample-config.json:15:20)), priority 0
    WHEN ((STRPOS(tk_any, ' tracking ') > 0) AND (NOT vl_category IN ('spam'))) THEN 'delivery/where-is-my-order'
    -- 3. billing/invoice (taxonomy.causes[1].rules[0] (Fixtures/e2e/sql/sample-config.json:18:20)), priority 0
    WHEN (rx_subject ~* '\bINV-[0-9]{6}\b') THEN 'billing/invoice'
    -- 4. billing/invoice (taxonomy.causes[1].rules[1] (Fixtures/e2e/sql/sample-config.json:19:20)), priority 0
    WHEN ((STRPOS(vl_tags, '|invoice|') > 0) OR (STRPOS(vl_tags, '|o''brien''s \ billing|') > 0)) THEN 'billing/invoice'
    -- 5. billing/invoice (taxonomy.causes[1].rules[2] (Fixtures/e2e/sql/sample-config.json:20:20)), priority 0
    WHEN vl_queue IN ('invoices', 'laskutus') THEN 'billing/invoice'
    -- 7. feedback/praise (taxonomy.causes[2].rules[1] (Fixtures/e2e/sql/sample-config.json:25:20)), priority 0
    WHEN vl_channel IN ('social') THEN 'feedback/praise'
    -- 8. feedback/praise (taxonomy.causes[2].rules[0] (Fixtures/e2e/sql/sample-config.json:24:20)), priority -5
    WHEN ((tk_any ~ ' thank[^ ]* you ') OR (STRPOS(tk_any, ' won t forget ') > 0)) THEN 'feedback/praise'
    ELSE 'unclassified'
  END AS cause
  FROM cs_inputs;

DROP TABLE IF EXISTS cs_facts;

CREATE TEMP TABLE cs_facts AS
  SELECT c.input_order, c.opened_at, c.channel, k.cause, m.cause_name, m.process, m.avoidable AS avoidable_cause,
    CASE WHEN c.opened_at >= 1767564000 AND c.opened_at < 1772402400 THEN 1 ELSE 0 END AS counted,
    CASE WHEN c.customer IS NOT NULL AND c.customer <> '' THEN 1 ELSE 0 END AS identified,
    c.customer,
    CASE WHEN k.cause = 'unclassified' THEN 0 ELSE 1 END AS classified,
    CAST(COALESCE(CAST(c.cost AS DOUBLE PRECISION), CASE c.channel
          WHEN 'phone' THEN CAST(2.5 AS DOUBLE PRECISION) + CAST(1.1 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(4 AS DOUBLE PRECISION))
          WHEN 'email' THEN CAST(0.8 AS DOUBLE PRECISION) + CAST(0.8 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(8 AS DOUBLE PRECISION))
          WHEN 'letter' THEN CAST(1.5 AS DOUBLE PRECISION) + CAST(0.9 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(12 AS DOUBLE PRECISION))
          WHEN 'chat' THEN CAST(0.5 AS DOUBLE PRECISION) + CAST(0.6 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(10 AS DOUBLE PRECISION))
          WHEN 'social' THEN CAST(0.5 AS DOUBLE PRECISION) + CAST(0.8 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(5 AS DOUBLE PRECISION))
          WHEN 'messaging' THEN CAST(0.5 AS DOUBLE PRECISION) + CAST(0.6 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(8 AS DOUBLE PRECISION))
          WHEN 'web' THEN CAST(0.8 AS DOUBLE PRECISION) + CAST(0.8 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(7 AS DOUBLE PRECISION))
          WHEN 'self_service' THEN CAST(0.1 AS DOUBLE PRECISION) + CAST(0 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(0 AS DOUBLE PRECISION))
          WHEN 'sms' THEN CAST(0.3 AS DOUBLE PRECISION) + CAST(0.8 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(3 AS DOUBLE PRECISION))
          WHEN 'in_person' THEN CAST(2 AS DOUBLE PRECISION) + CAST(0.9 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(10 AS DOUBLE PRECISION))
          WHEN 'internal' THEN CAST(0 AS DOUBLE PRECISION) + CAST(0 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(0 AS DOUBLE PRECISION))
          WHEN 'other' THEN CAST(0.8 AS DOUBLE PRECISION) + CAST(0.8 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(6 AS DOUBLE PRECISION))
          ELSE CAST(0.8 AS DOUBLE PRECISION) + CAST(0.8 AS DOUBLE PRECISION) * COALESCE(c.handle_time_seconds / CAST(60 AS DOUBLE PRECISION), CAST(6 AS DOUBLE PRECISION)) END) AS REAL) AS cost,
    CAST(c.handle_time_seconds AS REAL) AS handle_time,
    CASE WHEN c.closed_at >= c.opened_at THEN c.closed_at - c.opened_at END AS resolution_time,
    CASE WHEN c.csat_score IS NOT NULL OR c.csat_satisfied IS NOT NULL THEN 1 ELSE 0 END AS csat_response,
    CASE WHEN c.csat_score IS NOT NULL THEN
           CASE WHEN CAST(CAST(c.csat_score AS REAL) AS DOUBLE PRECISION) >= CAST(9 AS DOUBLE PRECISION) THEN 1 ELSE 0 END
         WHEN c.csat_satisfied = 1 THEN 1 ELSE 0 END AS csat_satisfied,
    CAST(c.csat_score AS REAL) AS csat_score,
    CASE WHEN c.first_contact_resolved IS NOT NULL OR c.agent_replies IS NOT NULL THEN 1 ELSE 0 END AS export_fcr_known,
    CASE WHEN c.first_contact_resolved IS NOT NULL THEN c.first_contact_resolved
         WHEN c.agent_replies <= 1 THEN 1 ELSE 0 END AS export_fcr_resolved,
    CAST((TO_TIMESTAMP(c.opened_at) AT TIME ZONE 'Europe/Helsinki') AS DATE) AS local_date,
    CAST(DATE_TRUNC('month', CAST((TO_TIMESTAMP(c.opened_at) AT TIME ZONE 'Europe/Helsinki') AS DATE)) AS DATE) AS period_start,
    LAG(c.opened_at) OVER (PARTITION BY c.customer ORDER BY c.opened_at, c.input_order) AS previous_at,
    LAG(c.channel) OVER (PARTITION BY c.customer ORDER BY c.opened_at, c.input_order) AS previous_channel,
    LEAD(c.opened_at) OVER (PARTITION BY c.customer ORDER BY c.opened_at, c.input_order) AS next_at
  FROM cs_contacts c
  JOIN cs_causes k ON COALESCE(c.subject, '') = k.subject AND COALESCE(c.text, '') = k.text AND COALESCE(c.category, '') = k.category AND COALESCE(c.tags, '') = k.tags AND COALESCE(c.channel, '') = k.channel AND COALESCE(c.queue, '') = k.queue
  JOIN (VALUES
    ('delivery/where-is-my-order', 'Where is my order', 'Logistics', 1),
    ('billing/invoice', 'Invoice question', 'Billing', 0),
    ('feedback/praise', 'Praise', 'Customer experience', 0),
    ('unclassified', 'Unclassified', 'Unassigned', 0)
  ) AS m(cause_path, cause_name, process, avoidable) ON m.cause_path = k.cause;

DROP TABLE IF EXISTS cs_outcomes;

CREATE TEMP TABLE cs_outcomes AS
  SELECT f.*,
    CASE WHEN f.identified = 1 AND f.previous_at IS NOT NULL AND f.opened_at - f.previous_at <= 259200 THEN 1 ELSE 0 END AS is_repeat,
    CASE WHEN f.identified = 1 AND f.opened_at <= b.data_end - 259200 THEN 1 ELSE 0 END AS evaluable,
    CASE WHEN f.identified = 1 AND f.opened_at <= b.data_end - 259200
          AND NOT (f.next_at IS NOT NULL AND f.next_at - f.opened_at <= 259200) THEN 1 ELSE 0 END AS resolved,
    CASE WHEN f.avoidable_cause = 1 OR (f.identified = 1 AND f.previous_at IS NOT NULL AND f.opened_at - f.previous_at <= 259200) THEN 1 ELSE 0 END AS avoidable
  FROM cs_facts f
  CROSS JOIN (SELECT MAX(opened_at) AS data_end FROM cs_contacts) b;

-- section: summary
SELECT s.*,
  CAST(s.csat_responses AS DOUBLE PRECISION) / NULLIF(s.contacts, 0) AS csat_response_rate,
  CASE WHEN s.csat_responses > 0 THEN GREATEST(0, (((CAST(s.csat_satisfied AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION)) + CAST(3.8414588206941254 AS DOUBLE PRECISION) / (2 * CAST(s.csat_responses AS DOUBLE PRECISION))) / (1 + CAST(3.8414588206941254 AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION))) - (CAST(1.959963984540054 AS DOUBLE PRECISION) / (1 + CAST(3.8414588206941254 AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION)) * SQRT((CAST(s.csat_satisfied AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION)) * (1 - (CAST(s.csat_satisfied AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION))) / CAST(s.csat_responses AS DOUBLE PRECISION) + CAST(3.8414588206941254 AS DOUBLE PRECISION) / (4 * CAST(s.csat_responses AS DOUBLE PRECISION) * CAST(s.csat_responses AS DOUBLE PRECISION))))) END AS csat_ci_low,
  CASE WHEN s.csat_responses > 0 THEN LEAST(1, (((CAST(s.csat_satisfied AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION)) + CAST(3.8414588206941254 AS DOUBLE PRECISION) / (2 * CAST(s.csat_responses AS DOUBLE PRECISION))) / (1 + CAST(3.8414588206941254 AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION))) + (CAST(1.959963984540054 AS DOUBLE PRECISION) / (1 + CAST(3.8414588206941254 AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION)) * SQRT((CAST(s.csat_satisfied AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION)) * (1 - (CAST(s.csat_satisfied AS DOUBLE PRECISION) / CAST(s.csat_responses AS DOUBLE PRECISION))) / CAST(s.csat_responses AS DOUBLE PRECISION) + CAST(3.8414588206941254 AS DOUBLE PRECISION) / (4 * CAST(s.csat_responses AS DOUBLE PRECISION) * CAST(s.csat_responses AS DOUBLE PRECISION))))) END AS csat_ci_high,
  h.handle_median AS handle_time_median_seconds,
  r.resolution_median AS resolution_time_median_seconds,
  r.resolution_p90 AS resolution_time_p90_seconds,
  u.customers_identified,
  CAST(u.top_contacts AS DOUBLE PRECISION) / NULLIF(s.identified, 0) AS top_customer_share,
  b.data_end
FROM (
  SELECT COUNT(*) AS contacts,
    SUM(o.identified) AS identified,
    SUM(o.is_repeat) AS repeats,
    CAST(SUM(o.is_repeat) AS DOUBLE PRECISION) / NULLIF(SUM(o.identified), 0) AS repeat_rate,
    CAST(SUM(o.resolved) AS DOUBLE PRECISION) / NULLIF(SUM(o.evaluable), 0) AS fcr,
    SUM(o.evaluable) AS fcr_evaluable,
    SUM(o.resolved) AS fcr_resolved,
    CAST(SUM(o.export_fcr_resolved * o.export_fcr_known) AS DOUBLE PRECISION) / NULLIF(SUM(o.export_fcr_known), 0) AS export_fcr,
    SUM(o.avoidable) AS avoidable,
    SUM(o.avoidable_cause) AS avoidable_by_cause,
    SUM(CASE WHEN o.avoidable_cause = 0 AND o.is_repeat = 1 THEN 1 ELSE 0 END) AS avoidable_repeat_only,
    CAST(SUM(o.avoidable) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS avoidable_rate,
    SUM(CASE WHEN o.avoidable = 1 THEN CAST(o.cost AS DOUBLE PRECISION) ELSE 0 END) AS avoidable_cost,
    SUM(o.csat_response) AS csat_responses,
    SUM(o.csat_satisfied) AS csat_satisfied,
    CAST(SUM(o.csat_satisfied) AS DOUBLE PRECISION) / NULLIF(SUM(o.csat_response), 0) AS csat,
    AVG(CAST(o.csat_score AS DOUBLE PRECISION)) AS csat_mean,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) AS cost_total,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(COUNT(*), 0) AS cost_per_contact,
    AVG(CAST(o.handle_time AS DOUBLE PRECISION)) AS handle_time_mean_seconds,
    CAST(SUM(o.classified) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS coverage,
    COUNT(*) - SUM(o.classified) AS unclassified
  FROM cs_outcomes o
  WHERE o.counted = 1
) s
CROSS JOIN (SELECT MAX(opened_at) AS data_end FROM cs_contacts) b
CROSS JOIN (
  SELECT 
        AVG(CASE WHEN rn * 2 IN (n, n + 1, n + 2) THEN CAST(v AS DOUBLE PRECISION) END) AS handle_median,
        MAX(CASE WHEN rn * 10 >= 9 * n AND rn * 10 < 9 * n + 10 THEN CAST(v AS DOUBLE PRECISION) END) AS handle_p90
      FROM (
        SELECT o.handle_time AS v,
          ROW_NUMBER() OVER (ORDER BY o.handle_time) AS rn,
          COUNT(*) OVER () AS n
        FROM cs_outcomes o
        WHERE o.counted = 1 AND o.handle_time IS NOT NULL
      ) ranked
) h
CROSS JOIN (
  SELECT 
        AVG(CASE WHEN rn * 2 IN (n, n + 1, n + 2) THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_median,
        MAX(CASE WHEN rn * 10 >= 9 * n AND rn * 10 < 9 * n + 10 THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_p90
      FROM (
        SELECT o.resolution_time AS v,
          ROW_NUMBER() OVER (ORDER BY o.resolution_time) AS rn,
          COUNT(*) OVER () AS n
        FROM cs_outcomes o
        WHERE o.counted = 1 AND o.resolution_time IS NOT NULL
      ) ranked
) r
CROSS JOIN (
  SELECT COUNT(*) AS customers_identified,
    SUM(CASE WHEN rn <= CEIL(CAST(customers AS DOUBLE PRECISION) * CAST(0.01 AS DOUBLE PRECISION)) THEN contacts ELSE 0 END) AS top_contacts
  FROM (
    SELECT customer, COUNT(*) AS contacts,
      ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, customer) AS rn,
      COUNT(*) OVER () AS customers
    FROM cs_outcomes o
    WHERE o.counted = 1 AND o.identified = 1
    GROUP BY customer
  ) per_customer
) u;

-- section: channels
SELECT s.*, q.resolution_median AS resolution_time_median_seconds
FROM (
  SELECT o.channel AS channel,
    COUNT(*) AS contacts,
    CAST(COUNT(*) AS DOUBLE PRECISION) / NULLIF(SUM(COUNT(*)) OVER (), 0) AS share,
    SUM(o.identified) AS identified,
    SUM(o.is_repeat) AS repeats,
    CAST(SUM(o.is_repeat) AS DOUBLE PRECISION) / NULLIF(SUM(o.identified), 0) AS repeat_rate,
    CAST(SUM(o.resolved) AS DOUBLE PRECISION) / NULLIF(SUM(o.evaluable), 0) AS fcr,
    SUM(o.evaluable) AS fcr_evaluable,
    SUM(o.resolved) AS fcr_resolved,
    CAST(SUM(o.export_fcr_resolved * o.export_fcr_known) AS DOUBLE PRECISION) / NULLIF(SUM(o.export_fcr_known), 0) AS export_fcr,
    SUM(o.avoidable) AS avoidable,
    SUM(o.avoidable_cause) AS avoidable_by_cause,
    SUM(CASE WHEN o.avoidable_cause = 0 AND o.is_repeat = 1 THEN 1 ELSE 0 END) AS avoidable_repeat_only,
    CAST(SUM(o.avoidable) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS avoidable_rate,
    SUM(CASE WHEN o.avoidable = 1 THEN CAST(o.cost AS DOUBLE PRECISION) ELSE 0 END) AS avoidable_cost,
    SUM(o.csat_response) AS csat_responses,
    SUM(o.csat_satisfied) AS csat_satisfied,
    CAST(SUM(o.csat_satisfied) AS DOUBLE PRECISION) / NULLIF(SUM(o.csat_response), 0) AS csat,
    AVG(CAST(o.csat_score AS DOUBLE PRECISION)) AS csat_mean,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) AS cost_total,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(COUNT(*), 0) AS cost_per_contact,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(SUM(SUM(CAST(o.cost AS DOUBLE PRECISION))) OVER (), 0) AS cost_share,
    AVG(CAST(o.handle_time AS DOUBLE PRECISION)) AS handle_time_mean_seconds,
    CAST(SUM(o.classified) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS coverage,
    COUNT(*) - SUM(o.classified) AS unclassified
  FROM cs_outcomes o
  WHERE o.counted = 1
  GROUP BY o.channel
) s
LEFT JOIN (
  SELECT k AS resolution_key,
        AVG(CASE WHEN rn * 2 IN (n, n + 1, n + 2) THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_median,
        MAX(CASE WHEN rn * 10 >= 9 * n AND rn * 10 < 9 * n + 10 THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_p90
      FROM (
        SELECT o.channel AS k, o.resolution_time AS v,
          ROW_NUMBER() OVER (PARTITION BY o.channel ORDER BY o.resolution_time) AS rn,
          COUNT(*) OVER (PARTITION BY o.channel) AS n
        FROM cs_outcomes o
        WHERE o.counted = 1 AND o.resolution_time IS NOT NULL
      ) ranked
      GROUP BY k
) q ON q.resolution_key = s.channel
ORDER BY contacts DESC, channel;

-- section: causes
SELECT s.*, q.resolution_median AS resolution_time_median_seconds
FROM (
  SELECT o.cause AS cause,
    MAX(o.process) AS process,
    MAX(o.cause_name) AS cause_name,
    MAX(o.avoidable_cause) AS avoidable_cause,
    COUNT(*) AS contacts,
    CAST(COUNT(*) AS DOUBLE PRECISION) / NULLIF(SUM(COUNT(*)) OVER (), 0) AS share,
    SUM(o.identified) AS identified,
    SUM(o.is_repeat) AS repeats,
    CAST(SUM(o.is_repeat) AS DOUBLE PRECISION) / NULLIF(SUM(o.identified), 0) AS repeat_rate,
    CAST(SUM(o.resolved) AS DOUBLE PRECISION) / NULLIF(SUM(o.evaluable), 0) AS fcr,
    SUM(o.evaluable) AS fcr_evaluable,
    SUM(o.resolved) AS fcr_resolved,
    CAST(SUM(o.export_fcr_resolved * o.export_fcr_known) AS DOUBLE PRECISION) / NULLIF(SUM(o.export_fcr_known), 0) AS export_fcr,
    SUM(o.avoidable) AS avoidable,
    SUM(o.avoidable_cause) AS avoidable_by_cause,
    SUM(CASE WHEN o.avoidable_cause = 0 AND o.is_repeat = 1 THEN 1 ELSE 0 END) AS avoidable_repeat_only,
    CAST(SUM(o.avoidable) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS avoidable_rate,
    SUM(CASE WHEN o.avoidable = 1 THEN CAST(o.cost AS DOUBLE PRECISION) ELSE 0 END) AS avoidable_cost,
    SUM(o.csat_response) AS csat_responses,
    SUM(o.csat_satisfied) AS csat_satisfied,
    CAST(SUM(o.csat_satisfied) AS DOUBLE PRECISION) / NULLIF(SUM(o.csat_response), 0) AS csat,
    AVG(CAST(o.csat_score AS DOUBLE PRECISION)) AS csat_mean,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) AS cost_total,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(COUNT(*), 0) AS cost_per_contact,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(SUM(SUM(CAST(o.cost AS DOUBLE PRECISION))) OVER (), 0) AS cost_share,
    AVG(CAST(o.handle_time AS DOUBLE PRECISION)) AS handle_time_mean_seconds,
    CAST(SUM(o.classified) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS coverage,
    COUNT(*) - SUM(o.classified) AS unclassified
  FROM cs_outcomes o
  WHERE o.counted = 1
  GROUP BY o.cause
) s
LEFT JOIN (
  SELECT k AS resolution_key,
        AVG(CASE WHEN rn * 2 IN (n, n + 1, n + 2) THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_median,
        MAX(CASE WHEN rn * 10 >= 9 * n AND rn * 10 < 9 * n + 10 THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_p90
      FROM (
        SELECT o.cause AS k, o.resolution_time AS v,
          ROW_NUMBER() OVER (PARTITION BY o.cause ORDER BY o.resolution_time) AS rn,
          COUNT(*) OVER (PARTITION BY o.cause) AS n
        FROM cs_outcomes o
        WHERE o.counted = 1 AND o.resolution_time IS NOT NULL
      ) ranked
      GROUP BY k
) q ON q.resolution_key = s.cause
ORDER BY cost_total DESC, contacts DESC, cause;

-- section: processes
SELECT s.*, q.resolution_median AS resolution_time_median_seconds
FROM (
  SELECT o.process AS process,
    COUNT(*) AS contacts,
    CAST(COUNT(*) AS DOUBLE PRECISION) / NULLIF(SUM(COUNT(*)) OVER (), 0) AS share,
    SUM(o.identified) AS identified,
    SUM(o.is_repeat) AS repeats,
    CAST(SUM(o.is_repeat) AS DOUBLE PRECISION) / NULLIF(SUM(o.identified), 0) AS repeat_rate,
    CAST(SUM(o.resolved) AS DOUBLE PRECISION) / NULLIF(SUM(o.evaluable), 0) AS fcr,
    SUM(o.evaluable) AS fcr_evaluable,
    SUM(o.resolved) AS fcr_resolved,
    CAST(SUM(o.export_fcr_resolved * o.export_fcr_known) AS DOUBLE PRECISION) / NULLIF(SUM(o.export_fcr_known), 0) AS export_fcr,
    SUM(o.avoidable) AS avoidable,
    SUM(o.avoidable_cause) AS avoidable_by_cause,
    SUM(CASE WHEN o.avoidable_cause = 0 AND o.is_repeat = 1 THEN 1 ELSE 0 END) AS avoidable_repeat_only,
    CAST(SUM(o.avoidable) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS avoidable_rate,
    SUM(CASE WHEN o.avoidable = 1 THEN CAST(o.cost AS DOUBLE PRECISION) ELSE 0 END) AS avoidable_cost,
    SUM(o.csat_response) AS csat_responses,
    SUM(o.csat_satisfied) AS csat_satisfied,
    CAST(SUM(o.csat_satisfied) AS DOUBLE PRECISION) / NULLIF(SUM(o.csat_response), 0) AS csat,
    AVG(CAST(o.csat_score AS DOUBLE PRECISION)) AS csat_mean,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) AS cost_total,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(COUNT(*), 0) AS cost_per_contact,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(SUM(SUM(CAST(o.cost AS DOUBLE PRECISION))) OVER (), 0) AS cost_share,
    AVG(CAST(o.handle_time AS DOUBLE PRECISION)) AS handle_time_mean_seconds,
    CAST(SUM(o.classified) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS coverage,
    COUNT(*) - SUM(o.classified) AS unclassified
  FROM cs_outcomes o
  WHERE o.counted = 1
  GROUP BY o.process
) s
LEFT JOIN (
  SELECT k AS resolution_key,
        AVG(CASE WHEN rn * 2 IN (n, n + 1, n + 2) THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_median,
        MAX(CASE WHEN rn * 10 >= 9 * n AND rn * 10 < 9 * n + 10 THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_p90
      FROM (
        SELECT o.process AS k, o.resolution_time AS v,
          ROW_NUMBER() OVER (PARTITION BY o.process ORDER BY o.resolution_time) AS rn,
          COUNT(*) OVER (PARTITION BY o.process) AS n
        FROM cs_outcomes o
        WHERE o.counted = 1 AND o.resolution_time IS NOT NULL
      ) ranked
      GROUP BY k
) q ON q.resolution_key = s.process
ORDER BY cost_total DESC, contacts DESC, process;

-- section: periods
SELECT TO_CHAR(s.period_start, 'YYYY-MM') AS period,
  CASE WHEN s.period_start < b.covered_from
         OR CAST(s.period_start + INTERVAL '1 month' AS DATE) > CAST(b.covered_to + 1 AS DATE)
       THEN 1 ELSE 0 END AS partial,
  s.*, q.resolution_median AS resolution_time_median_seconds
FROM (
  SELECT o.period_start AS period_start,
    COUNT(*) AS contacts,
    CAST(COUNT(*) AS DOUBLE PRECISION) / NULLIF(SUM(COUNT(*)) OVER (), 0) AS share,
    SUM(o.identified) AS identified,
    SUM(o.is_repeat) AS repeats,
    CAST(SUM(o.is_repeat) AS DOUBLE PRECISION) / NULLIF(SUM(o.identified), 0) AS repeat_rate,
    CAST(SUM(o.resolved) AS DOUBLE PRECISION) / NULLIF(SUM(o.evaluable), 0) AS fcr,
    SUM(o.evaluable) AS fcr_evaluable,
    SUM(o.resolved) AS fcr_resolved,
    CAST(SUM(o.export_fcr_resolved * o.export_fcr_known) AS DOUBLE PRECISION) / NULLIF(SUM(o.export_fcr_known), 0) AS export_fcr,
    SUM(o.avoidable) AS avoidable,
    SUM(o.avoidable_cause) AS avoidable_by_cause,
    SUM(CASE WHEN o.avoidable_cause = 0 AND o.is_repeat = 1 THEN 1 ELSE 0 END) AS avoidable_repeat_only,
    CAST(SUM(o.avoidable) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS avoidable_rate,
    SUM(CASE WHEN o.avoidable = 1 THEN CAST(o.cost AS DOUBLE PRECISION) ELSE 0 END) AS avoidable_cost,
    SUM(o.csat_response) AS csat_responses,
    SUM(o.csat_satisfied) AS csat_satisfied,
    CAST(SUM(o.csat_satisfied) AS DOUBLE PRECISION) / NULLIF(SUM(o.csat_response), 0) AS csat,
    AVG(CAST(o.csat_score AS DOUBLE PRECISION)) AS csat_mean,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) AS cost_total,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(COUNT(*), 0) AS cost_per_contact,
    SUM(CAST(o.cost AS DOUBLE PRECISION)) / NULLIF(SUM(SUM(CAST(o.cost AS DOUBLE PRECISION))) OVER (), 0) AS cost_share,
    AVG(CAST(o.handle_time AS DOUBLE PRECISION)) AS handle_time_mean_seconds,
    CAST(SUM(o.classified) AS DOUBLE PRECISION) / NULLIF(COUNT(*), 0) AS coverage,
    COUNT(*) - SUM(o.classified) AS unclassified
  FROM cs_outcomes o
  WHERE o.counted = 1
  GROUP BY o.period_start
) s
CROSS JOIN (
  SELECT CAST((TO_TIMESTAMP(GREATEST(b.data_start, 1767564000)) AT TIME ZONE 'Europe/Helsinki') AS DATE) AS covered_from, CAST((TO_TIMESTAMP(LEAST(b.data_end, 1772402399)) AT TIME ZONE 'Europe/Helsinki') AS DATE) AS covered_to
  FROM (SELECT MIN(opened_at) AS data_start, MAX(opened_at) AS data_end FROM cs_contacts) b
) b
LEFT JOIN (
  SELECT k AS resolution_key,
        AVG(CASE WHEN rn * 2 IN (n, n + 1, n + 2) THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_median,
        MAX(CASE WHEN rn * 10 >= 9 * n AND rn * 10 < 9 * n + 10 THEN CAST(v AS DOUBLE PRECISION) END) AS resolution_p90
      FROM (
        SELECT o.period_start AS k, o.resolution_time AS v,
          ROW_NUMBER() OVER (PARTITION BY o.period_start ORDER BY o.resolution_time) AS rn,
          COUNT(*) OVER (PARTITION BY o.period_start) AS n
        FROM cs_outcomes o
        WHERE o.counted = 1 AND o.resolution_time IS NOT NULL
      ) ranked
      GROUP BY k
) q ON q.resolution_key = s.period_start
ORDER BY s.period_start;

-- section: channel_switches
SELECT o.previous_channel AS from_channel, o.channel AS to_channel, COUNT(*) AS contacts
FROM cs_outcomes o
WHERE o.counted = 1 AND o.is_repeat = 1 AND o.previous_channel <> o.channel
GROUP BY o.previous_channel, o.channel
ORDER BY contacts DESC, from_channel, to_channel;
