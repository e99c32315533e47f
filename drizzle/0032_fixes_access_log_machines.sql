-- Health checks, metrics and the API's documentation are no longer written to the access log (they touch no
-- personal data, see recordsAccess() in src/server/platform/accesslog/path.ts); the rows written before go too.
delete from access_log where path like '/api/v1/health%' or path = '/api/docs' or path like '/api/docs/%' or path like '/api/docs?%';
