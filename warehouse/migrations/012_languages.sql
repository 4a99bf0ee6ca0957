-- 012: PLACEHOLDER on branch h-thrfix only, so that 013 applies (migrations are numbered without gaps).
-- The mllang lane owns 012_languages.sql: when merging, take its file and drop this one.
SELECT 1;
