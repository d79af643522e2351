-- A database made by stancemap's release migrations (store/migrations.py before Alembic,
-- commit facb045): every migration 0001..0009 recorded in schema_migrations, with a few rows.
-- Dumped by sqlite_master order; tests/store/test_revisions.py loads it and upgrades it.
CREATE TABLE schema_migrations (
	name VARCHAR(100) NOT NULL, 
	applied_at DATETIME NOT NULL, 
	PRIMARY KEY (name)
);
CREATE TABLE articles (
	id VARCHAR(64) NOT NULL, 
	name VARCHAR(500) NOT NULL, 
	source TEXT NOT NULL, 
	url TEXT, 
	title TEXT, 
	author TEXT, 
	outlet VARCHAR(200), 
	published DATE, 
	body_start INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	ingested_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE actors (
	code VARCHAR(200) NOT NULL, 
	name TEXT NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	PRIMARY KEY (code)
);
CREATE TABLE issues (
	id VARCHAR(200) NOT NULL, 
	title TEXT NOT NULL, 
	description TEXT NOT NULL, 
	added_at DATETIME NOT NULL, 
	PRIMARY KEY (id)
);
CREATE TABLE statements (
	id INTEGER NOT NULL, 
	article_id VARCHAR(64) NOT NULL, 
	seq INTEGER NOT NULL, 
	actor_code VARCHAR(200) NOT NULL, 
	actor_name TEXT NOT NULL, 
	body TEXT, 
	speaker TEXT, 
	speaker_title TEXT, 
	kind VARCHAR(10) NOT NULL, 
	date DATE, 
	date_basis VARCHAR(10), 
	channel VARCHAR(30), 
	evidence_start INTEGER NOT NULL, 
	evidence_end INTEGER NOT NULL, 
	evidence_text TEXT NOT NULL, 
	source_start INTEGER, 
	source_end INTEGER, 
	source_text TEXT, 
	cue_start INTEGER, 
	cue_end INTEGER, 
	cue_text TEXT, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_statements_article_seq UNIQUE (article_id, seq), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE, 
	FOREIGN KEY(actor_code) REFERENCES actors (code)
);
CREATE TABLE claims (
	id INTEGER NOT NULL, 
	statement_id INTEGER NOT NULL, 
	issue_id VARCHAR(200), 
	target TEXT NOT NULL, 
	polarity VARCHAR(10) NOT NULL, 
	reason TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(statement_id) REFERENCES statements (id) ON DELETE CASCADE
);
CREATE TABLE positions (
	issue_id VARCHAR(200) NOT NULL, 
	actor_code VARCHAR(200) NOT NULL, 
	version INTEGER NOT NULL, 
	built INTEGER, 
	payload TEXT, 
	PRIMARY KEY (issue_id, actor_code)
);
CREATE VIRTUAL TABLE statements_fts USING fts5(evidence_text, content='statements', content_rowid='id', tokenize='porter unicode61 remove_diacritics 0');
CREATE TABLE article_copies (
	id INTEGER NOT NULL, 
	article_id VARCHAR(64) NOT NULL, 
	name TEXT NOT NULL, 
	outlet TEXT, 
	url TEXT, 
	published DATE, 
	first_seen DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT uq_article_copies_article_name UNIQUE (article_id, name), 
	FOREIGN KEY(article_id) REFERENCES articles (id) ON DELETE CASCADE
);
CREATE TABLE feed_sources (
	url VARCHAR(2000) NOT NULL, 
	kind VARCHAR(10), 
	every_s INTEGER NOT NULL, 
	parent VARCHAR(2000), 
	etag TEXT, 
	last_modified TEXT, 
	last_fetch_at DATETIME, 
	last_status VARCHAR(20), 
	last_error TEXT, 
	next_due DATETIME, 
	PRIMARY KEY (url)
);
CREATE TABLE feed_entries (
	url VARCHAR(2000) NOT NULL, 
	source_url VARCHAR(2000) NOT NULL, 
	title TEXT, 
	found_at DATETIME NOT NULL, 
	state VARCHAR(10) NOT NULL, 
	attempts INTEGER NOT NULL, 
	reason VARCHAR(40), 
	message TEXT, 
	fetched_at DATETIME, 
	final_url TEXT, 
	content_type TEXT, 
	raw BLOB, 
	article_id VARCHAR(64), 
	PRIMARY KEY (url)
);
CREATE TABLE feed_errors (
	id INTEGER NOT NULL, 
	source_url VARCHAR(2000) NOT NULL, 
	url TEXT NOT NULL, 
	at DATETIME NOT NULL, 
	reason VARCHAR(40) NOT NULL, 
	message TEXT NOT NULL, 
	PRIMARY KEY (id)
);
INSERT INTO schema_migrations (name, applied_at) VALUES ('0001_initial', '2026-12-03 11:51:44.341010');
INSERT INTO schema_migrations (name, applied_at) VALUES ('0002_statement_date_basis', '2026-12-03 11:51:44.347021');
INSERT INTO schema_migrations (name, applied_at) VALUES ('0004_evidence_search', '2026-12-03 11:51:44.347845');
INSERT INTO schema_migrations (name, applied_at) VALUES ('0005_filter_indexes', '2026-12-03 11:51:44.348572');
INSERT INTO schema_migrations (name, applied_at) VALUES ('0006_positions', '2026-12-03 11:51:44.354075');
INSERT INTO schema_migrations (name, applied_at) VALUES ('0007_search_stemming', '2026-12-03 11:51:44.356418');
INSERT INTO schema_migrations (name, applied_at) VALUES ('0008_article_copies', '2026-12-03 11:51:44.361804');
INSERT INTO schema_migrations (name, applied_at) VALUES ('0009_feeds', '2026-12-03 11:51:44.364571');
INSERT INTO articles (id, name, source, url, title, author, outlet, published, body_start, text, ingested_at) VALUES ('f52a6a5e37665ccdbc063198255e55191b58610ba47085014843e517b7d33145', 'ruritania-1.txt', '/corpus/ruritania-1.txt', NULL, NULL, NULL, 'Ruritania Times', '2020-04-01', 0, 'Borduria rejects the Ruritanian vote as a sham, its foreign ministry said on Tuesday.
The ceasefires along the border held.', '2026-12-03 11:51:44.371464');
INSERT INTO articles (id, name, source, url, title, author, outlet, published, body_start, text, ingested_at) VALUES ('3e3c5a1a56ae427e03106107fafa2ad813f214c675200f428645e59674bea78a', 'ruritania-2.txt', '/corpus/ruritania-2.txt', NULL, NULL, NULL, 'Borduria Post', '2020-04-01', 0, 'Syldavia supports the vote in Ruritania, its envoy told reporters.', '2026-12-03 11:51:44.387201');
INSERT INTO actors (code, name, kind) VALUES ('BRD', 'Borduria', 'state');
INSERT INTO actors (code, name, kind) VALUES ('SYL', 'Syldavia', 'state');
INSERT INTO issues (id, title, description, added_at) VALUES ('vote-2020', 'The Ruritanian vote', 'Whether the vote is recognized.', '2026-12-03 11:51:44.369706');
INSERT INTO statements (id, article_id, seq, actor_code, actor_name, body, speaker, speaker_title, kind, date, date_basis, channel, evidence_start, evidence_end, evidence_text, source_start, source_end, source_text, cue_start, cue_end, cue_text) VALUES (1, 'f52a6a5e37665ccdbc063198255e55191b58610ba47085014843e517b7d33145', 0, 'BRD', 'Borduria', NULL, 'A spokesman', NULL, 'indirect', '2020-03-31', 'text', 'statement', 0, 49, 'Borduria rejects the Ruritanian vote as a sham, i', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO statements (id, article_id, seq, actor_code, actor_name, body, speaker, speaker_title, kind, date, date_basis, channel, evidence_start, evidence_end, evidence_text, source_start, source_end, source_text, cue_start, cue_end, cue_text) VALUES (2, '3e3c5a1a56ae427e03106107fafa2ad813f214c675200f428645e59674bea78a', 0, 'SYL', 'Syldavia', NULL, 'A spokesman', NULL, 'indirect', '2020-03-31', 'text', 'statement', 0, 41, 'Syldavia supports the vote in Ruritania, ', NULL, NULL, NULL, NULL, NULL, NULL);
INSERT INTO claims (id, statement_id, issue_id, target, polarity, reason) VALUES (1, 1, 'vote-2020', 'the vote', 'oppose', 'verb');
INSERT INTO claims (id, statement_id, issue_id, target, polarity, reason) VALUES (2, 2, 'vote-2020', 'the vote', 'support', 'verb');
INSERT INTO positions (issue_id, actor_code, version, built, payload) VALUES ('vote-2020', 'BRD', 2, NULL, NULL);
INSERT INTO positions (issue_id, actor_code, version, built, payload) VALUES ('vote-2020', 'SYL', 1, NULL, NULL);
INSERT INTO article_copies (id, article_id, name, outlet, url, published, first_seen) VALUES (1, 'f52a6a5e37665ccdbc063198255e55191b58610ba47085014843e517b7d33145', 'ruritania-1-elsewhere.txt', 'Syldavia Daily', NULL, NULL, '2026-12-03 11:51:44.394950');
INSERT INTO feed_sources (url, kind, every_s, parent, etag, last_modified, last_fetch_at, last_status, last_error, next_due) VALUES ('https://news.example/feed.xml', 'rss', 3600, NULL, NULL, NULL, NULL, NULL, NULL, NULL);
CREATE INDEX ix_articles_name ON articles (name);
CREATE INDEX ix_statements_date ON statements (date);
CREATE INDEX ix_statements_actor ON statements (actor_code);
CREATE INDEX ix_claims_issue ON claims (issue_id);
CREATE INDEX ix_claims_statement ON claims (statement_id);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN INSERT INTO statements_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN INSERT INTO statements_fts(statements_fts, rowid, evidence_text) VALUES ('delete', old.id, old.evidence_text); END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF evidence_text ON statements BEGIN INSERT INTO statements_fts(statements_fts, rowid, evidence_text) VALUES ('delete', old.id, old.evidence_text); INSERT INTO statements_fts(rowid, evidence_text) VALUES (new.id, new.evidence_text); END;
CREATE INDEX ix_statements_actor_date ON statements (actor_code, date);
CREATE INDEX ix_articles_outlet ON articles (outlet);
CREATE INDEX ix_positions_actor ON positions (actor_code);
CREATE TRIGGER positions_claim_insert AFTER INSERT ON claims
    WHEN new.issue_id IS NOT NULL BEGIN
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT new.issue_id, actor_code, 1 FROM statements WHERE id = new.statement_id
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END;
CREATE TRIGGER positions_claim_delete AFTER DELETE ON claims
    WHEN old.issue_id IS NOT NULL BEGIN
      UPDATE positions SET version = version + 1 WHERE issue_id = old.issue_id
        AND actor_code IN (SELECT actor_code FROM statements WHERE id = old.statement_id);
    END;
CREATE TRIGGER positions_claim_update AFTER UPDATE ON claims BEGIN
      UPDATE positions SET version = version + 1 WHERE issue_id = old.issue_id
        AND actor_code IN (SELECT actor_code FROM statements WHERE id = old.statement_id);
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT new.issue_id, actor_code, 1 FROM statements
        WHERE id = new.statement_id AND new.issue_id IS NOT NULL
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END;
CREATE TRIGGER positions_statement_delete AFTER DELETE ON statements BEGIN
      UPDATE positions SET version = version + 1 WHERE actor_code = old.actor_code;
    END;
CREATE TRIGGER positions_statement_update AFTER UPDATE ON statements BEGIN
      UPDATE positions SET version = version + 1 WHERE actor_code = old.actor_code;
      INSERT INTO positions (issue_id, actor_code, version)
        SELECT issue_id, new.actor_code, 1 FROM claims
        WHERE statement_id = new.id AND issue_id IS NOT NULL
        ON CONFLICT (issue_id, actor_code) DO UPDATE SET version = version + 1;
    END;
CREATE TRIGGER positions_article_update AFTER UPDATE ON articles BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = old.id);
    END;
CREATE TRIGGER positions_copy_insert AFTER INSERT ON article_copies BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = new.article_id);
    END;
CREATE TRIGGER positions_copy_delete AFTER DELETE ON article_copies BEGIN
      UPDATE positions SET version = version + 1 WHERE (issue_id, actor_code) IN
        (SELECT c.issue_id, s.actor_code FROM statements s JOIN claims c ON c.statement_id = s.id
         WHERE s.article_id = old.article_id);
    END;
CREATE INDEX ix_feed_entries_source ON feed_entries (source_url);
CREATE INDEX ix_feed_entries_state ON feed_entries (state);
CREATE INDEX ix_feed_entries_article ON feed_entries (article_id);
CREATE INDEX ix_feed_errors_source ON feed_errors (source_url, id);
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
