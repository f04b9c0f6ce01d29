/* meeting.c: meetings, their agendas and what they record, each write in
 * one transaction with its record_history row. */
#include "meeting.h"
#include "i18n.h"
#include "alloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "codes.h"
#include "inert.h"
#include "iso_time.h"
#include "width.h"

static const char *text_of(sqlite3_stmt *stmt, int col)
{
	const char *t = (const char *)sqlite3_column_text(stmt, col);

	return t ? t : "";
}

static void copy(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

/* Reads digits at *p (at most max of them) into *n; 0 when there are none. */
static int digits(const char **p, int max, int *n)
{
	int k = 0;

	*n = 0;
	while (k < max && **p >= '0' && **p <= '9') {
		*n = *n * 10 + (**p - '0');
		(*p)++;
		k++;
	}
	return k;
}

/* Steps past sep (one of the separators a date is written with) at *p. */
static int past(const char **p, const char *const *seps)
{
	for (; *seps; seps++)
		if (strncmp(*p, *seps, strlen(*seps)) == 0) {
			*p += strlen(*seps);
			return 1;
		}
	return 0;
}

int meeting_date_parse(const char *text, char *out, size_t size, struct error *err)
{
	static const char *const after_year[] = { "年", "/", "-", ".", NULL };
	static const char *const after_month[] = { "月", "/", "-", ".", NULL };
	static const char *const reiwa[] = { "令和", "R", NULL }, *const heisei[] = { "平成", "H", NULL };
	static const char *const first[] = { "元", NULL }, *const day_end[] = { "日", NULL };
	char ascii[128];
	const char *p = codes_normalize(text, ascii, sizeof ascii);
	int year, month, day, base = 0;

	if (past(&p, reiwa))
		base = 2018;
	else if (past(&p, heisei))
		base = 1988;
	if (base && past(&p, first))
		year = 1;
	else if (!digits(&p, base ? 2 : 4, &year) || (!base && year < 1000))
		goto bad;
	if (!past(&p, after_year) || !digits(&p, 2, &month) || !past(&p, after_month) ||
	    !digits(&p, 2, &day))
		goto bad;
	past(&p, day_end);
	if (*p)
		goto bad;
	snprintf(out, size, "%04d-%02d-%02d", base + year, month, day);
	/* an era's own days: Heisei from 1989-01-08 to 2019-04-30, Reiwa
	 * from 2019-05-01; year 0 is none (R0.3.31 is not 2018-03-31) */
	if (base && (year < 1 || strcmp(out, base == 2018 ? "2019-05-01" : "1989-01-08") < 0 ||
		     (base == 1988 && strcmp(out, "2019-04-30") > 0)))
		goto bad;
	if (meeting_is_date(out))
		return 0;
bad:
	snprintf(out, size, "%s", "");
	return error_of(err, ERROR_INVALID,
			_("due: '%s' is not a date (2027/3/31, 2027-03-31, 令和9年3月31日, R9.3.31)"),
			text);
}

int meeting_is_date(const char *t)
{
	static const char shape[] = "dddd-dd-dd";
	struct tm tm;
	size_t i;

	for (i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? t[i] < '0' || t[i] > '9' : t[i] != shape[i])
			return 0;
	if (t[i])
		return 0;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = atoi(t) - 1900;
	tm.tm_mon = atoi(t + 5) - 1;
	tm.tm_mday = atoi(t + 8);
	tm.tm_hour = 12;
	tm.tm_isdst = -1;
	if (tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1)
		return 0;
	/* mktime moves 2026-02-30 on to March */
	{
		int mon = tm.tm_mon;

		if (mktime(&tm) == (time_t)-1 || tm.tm_mon != mon)
			return 0;
	}
	return 1;
}

static int log_change(struct store *s, long long id, long long kpi_id, const char *what,
		      const char *old_text, const char *new_text, const char *reason,
		      const char *user, const char *now, struct error *err)
{
	return store_log_change(s, "INSERT INTO record_history(meeting_id, kpi_id, what, old_text,"
				" new_text, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				id, kpi_id, what, old_text, new_text, reason, user, now, err);
}

static int fill_agenda(struct store *s, long long id, const long long *kpi_ids, int n,
		       struct error *err)
{
	sqlite3_stmt *del = store_cached(s, "DELETE FROM agenda_item WHERE meeting_id = ?", err);
	sqlite3_stmt *ins;
	int i, rc;

	if (!del)
		return -1;
	sqlite3_bind_int64(del, 1, id);
	rc = store_step(s, del, err);
	sqlite3_reset(del);
	if (rc != SQLITE_DONE)
		return -1;
	ins = store_cached(s, "INSERT OR IGNORE INTO agenda_item(meeting_id, position, kpi_id)"
			   " VALUES (?, ?, ?)", err);
	if (!ins)
		return -1;
	for (i = 0; i < n; i++) {
		sqlite3_bind_int64(ins, 1, id);
		sqlite3_bind_int(ins, 2, i + 1);
		sqlite3_bind_int64(ins, 3, kpi_ids[i]);
		rc = store_step(s, ins, err);
		sqlite3_reset(ins);
		if (rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

int meeting_start(struct store *s, const char *title, int year, const char *agenda,
		  const long long *kpi_ids, int n, const char *user, struct meeting *m,
		  struct error *err)
{
	sqlite3_stmt *stmt;
	char now[32], today[16];
	time_t t = time(NULL);
	struct tm tm;
	long long id;
	int rc;

	if (!title || !*title)
		return error_set(err, _("a meeting needs a title: :meeting start TITLE"));
	if (n == 0)
		return error_set(err, _("no KPI to review here: select a row with KPIs under it"));
	localtime_r(&t, &tm);
	strftime(today, sizeof today, "%Y-%m-%d", &tm);
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	stmt = store_cached(s, "INSERT INTO meeting(title, held_on, fiscal_year, agenda, opened_by,"
			    " opened_at) VALUES (?, ?, ?, ?, ?, ?)", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_text(stmt, 1, title, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 3, year);
	sqlite3_bind_text(stmt, 4, agenda ? agenda : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
	id = sqlite3_last_insert_rowid(s->db);
	if (fill_agenda(s, id, kpi_ids, n, err) < 0 ||
	    log_change(s, id, 0, "meeting", NULL, title, agenda, user, now, err) < 0 ||
	    store_commit(s, err) < 0)
		goto fail;
	return meeting_get(s, id, m, err);
fail:
	store_rollback(s);
	return -1;
}

static int check_open(struct store *s, long long id, struct error *err)
{
	struct meeting m;

	if (meeting_get(s, id, &m, err) < 0)
		return -1;
	if (*m.closed_at)
		return error_set(err, _("meeting %lld (%s) is closed"), id, m.title);
	return 0;
}

/* Runs sql ("UPDATE table SET column = ?1 WHERE id = ?2") with text for
 * the row id. Returns 0, or -1 with err filled. */
static int set_text(struct store *s, const char *sql, const char *text, long long id,
		    struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, id);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int meeting_set_agenda(struct store *s, long long id, const char *agenda,
		       const long long *kpi_ids, int n, const char *user, struct error *err)
{
	char now[32];

	if (n == 0)
		return error_set(err, _("no KPI matches: the agenda stays as it was"));
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_open(s, id, err) < 0 ||
	    set_text(s, "UPDATE meeting SET agenda = ?1 WHERE id = ?2", agenda, id, err) < 0 ||
	    fill_agenda(s, id, kpi_ids, n, err) < 0 ||
	    log_change(s, id, 0, "agenda", NULL, agenda, NULL, user, now, err) < 0 ||
	    store_commit(s, err) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int meeting_end(struct store *s, long long id, const char *user, struct error *err)
{
	char now[32];

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_open(s, id, err) < 0 ||
	    set_text(s, "UPDATE meeting SET closed_at = ?1 WHERE id = ?2", now, id, err) < 0 ||
	    log_change(s, id, 0, "end", NULL, now, NULL, user, now, err) < 0 ||
	    store_commit(s, err) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

#define MEETING_SELECT \
	"SELECT id, title, held_on, fiscal_year, agenda, opened_by, opened_at," \
	" coalesce(closed_at, ''), (SELECT count(*) FROM agenda_item a WHERE a.meeting_id = m.id)" \
	" FROM meeting m"

static void read_meeting(sqlite3_stmt *stmt, struct meeting *m)
{
	m->id = sqlite3_column_int64(stmt, 0);
	copy(m->title, sizeof m->title, text_of(stmt, 1));
	copy(m->held_on, sizeof m->held_on, text_of(stmt, 2));
	m->year = sqlite3_column_int(stmt, 3);
	copy(m->agenda, sizeof m->agenda, text_of(stmt, 4));
	copy(m->opened_by, sizeof m->opened_by, text_of(stmt, 5));
	copy(m->opened_at, sizeof m->opened_at, text_of(stmt, 6));
	copy(m->closed_at, sizeof m->closed_at, text_of(stmt, 7));
	m->items = sqlite3_column_int(stmt, 8);
}

int meeting_get(struct store *s, long long id, struct meeting *m, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, MEETING_SELECT " WHERE id = ?", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		read_meeting(stmt, m);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return error_of(err, ERROR_NOT_FOUND, _("no meeting %lld"), id);
	return rc == SQLITE_ROW ? 0 : -1;
}

int meeting_latest(struct store *s, struct meeting *m, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT max(id) FROM meeting", err);
	long long id = 0;
	int rc;

	if (!stmt)
		return -1;
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return -1;
	if (!id)
		return 0;
	return meeting_get(s, id, m, err) < 0 ? -1 : 1;
}

int meeting_each(struct store *s, void (*fn)(void *ctx, const struct meeting *m), void *ctx,
		 struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, MEETING_SELECT " ORDER BY id DESC", err);
	int rc;

	if (!stmt)
		return -1;
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct meeting m;

		read_meeting(stmt, &m);
		fn(ctx, &m);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int meeting_agenda(struct store *s, long long id, char (**codes)[32], int *n,
		   struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT k.code FROM agenda_item a"
					  " JOIN kpi k ON k.id = a.kpi_id WHERE a.meeting_id = ?"
					  " ORDER BY a.position", err);
	int rc;

	*codes = NULL;
	*n = 0;
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		xgrow(codes, (size_t)*n, sizeof **codes);
		copy((*codes)[(*n)++], 32, text_of(stmt, 0));
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The first column of sql's row, bound to id (?1) and text (?2, when
 * not NULL), into out ("" when there is no row). Returns 0, or -1. */
static int one_text(struct store *s, const char *sql, long long id, const char *text, char *out,
		    size_t size, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	copy(out, size, "");
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	if (text)
		sqlite3_bind_text(stmt, 2, text, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW)
		copy(out, size, text_of(stmt, 0));
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int meeting_organisation(struct store *s, char *out, size_t size, struct error *err)
{
	return one_text(s, "SELECT name FROM organisation WHERE id = ?1", 1, NULL, out, size, err);
}

/* Whether text is a name the minutes can print on one line: not empty,
 * no line end, at most max bytes. Fills err naming what otherwise. */
static int one_line(const char *what, const char *text, size_t max, struct error *err)
{
	if (!text || !*text)
		return error_of(err, ERROR_INVALID, _("%s: empty"), what);
	if (strpbrk(text, "\r\n"))
		return error_of(err, ERROR_INVALID, _("%s: '%s' is more than one line"), what, text);
	if (strlen(text) > max)
		return error_of(err, ERROR_INVALID, _("%s: longer than %zu bytes"), what, max);
	/* a name printed on the minutes: nothing that a page or a terminal
	 * would show otherwise than as written (inert.h) */
	if (inert_size(text) != strlen(text) + 1)
		return error_of(err, ERROR_INVALID, _("%s: holds a control or invisible character"),
				what);
	return 0;
}

int meeting_set_organisation(struct store *s, const char *name, struct error *err)
{
	sqlite3_stmt *stmt;
	int rc;

	if (one_line(_("organisation"), name, 255, err) < 0)
		return -1;
	stmt = store_cached(s, "INSERT INTO organisation(id, name) VALUES (1, ?)"
			    " ON CONFLICT(id) DO UPDATE SET name = excluded.name", err);
	if (!stmt || store_begin(s, err) < 0)
		return -1;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE || store_commit(s, err) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* The role an attendee (?2) has at a meeting (?1). */
#define ROLE_OF "SELECT role FROM attendee WHERE meeting_id = ?1 AND name = ?2"

/* Runs sql with meeting id and the texts a and b (b may be NULL). */
static int run_attendee(struct store *s, const char *sql, long long id, const char *a,
			const char *b, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, a, -1, SQLITE_TRANSIENT);
	if (b)
		sqlite3_bind_text(stmt, 3, b, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

int meeting_attend(struct store *s, long long id, const char *role, const char *name,
		   const char *user, struct error *err)
{
	char now[32], old[128], entry[512];
	struct meeting m;

	if (one_line(_("attendee"), name, 127, err) < 0 || one_line(_("role"), role, 63, err) < 0)
		return -1;
	if (strpbrk(role, " \t"))
		return error_of(err, ERROR_INVALID, _("role: '%s' is more than one word"), role);
	snprintf(entry, sizeof entry, "%s %s", role, name);
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (meeting_get(s, id, &m, err) < 0 || one_text(s, ROLE_OF, id, name, old, sizeof old, err) < 0 ||
	    run_attendee(s, *old ? "UPDATE attendee SET role = ?3 WHERE meeting_id = ?1 AND name = ?2"
			 : "INSERT INTO attendee(meeting_id, position, name, role) VALUES (?1,"
			   " (SELECT coalesce(max(position), 0) + 1 FROM attendee WHERE meeting_id = ?1),"
			   " ?2, ?3)", id, name, role, err) < 0 ||
	    log_change(s, id, 0, "attendee", *old ? old : NULL, entry, NULL, user, now, err) < 0 ||
	    store_commit(s, err) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

int meeting_absent(struct store *s, long long id, const char *name, const char *user,
		   struct error *err)
{
	char now[32], old[128], entry[512];
	struct meeting m;

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (meeting_get(s, id, &m, err) < 0 || one_text(s, ROLE_OF, id, name, old, sizeof old, err) < 0)
		goto fail;
	if (!*old) {
		error_of(err, ERROR_NOT_FOUND, _("%s is not an attendee of meeting %lld"), name, id);
		goto fail;
	}
	snprintf(entry, sizeof entry, "%s %s", old, name);
	if (run_attendee(s, "DELETE FROM attendee WHERE meeting_id = ?1 AND name = ?2", id, name,
			 NULL, err) < 0 ||
	    log_change(s, id, 0, "attendee", entry, NULL, NULL, user, now, err) < 0 ||
	    store_commit(s, err) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int meeting_attendees(struct store *s, long long id,
		      void (*fn)(void *ctx, const struct attendee *a), void *ctx,
		      struct error *err)
{
	/* the minutes' order: the chair, the vice-chair, the members, the
	 * secretariat, then each other role from where it first came */
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT name, role FROM attendee a WHERE meeting_id = ?1 ORDER BY"
		" CASE role WHEN '会長' THEN 1 WHEN '委員長' THEN 1 WHEN '副会長' THEN 2"
		" WHEN '副委員長' THEN 2 WHEN '委員' THEN 3 WHEN '事務局' THEN 4 ELSE 5 END,"
		" (SELECT min(position) FROM attendee b WHERE b.meeting_id = ?1 AND b.role = a.role),"
		" position", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct attendee a = { text_of(stmt, 0), text_of(stmt, 1) };

		fn(ctx, &a);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

#define EVALUATION_SELECT \
	"SELECT e.meeting_id, e.proposed, e.rank, e.rank_label, e.reason, e.assessment," \
	" e.assessment_label, e.policy, e.policy_label, e.entered_by, e.entered_at, m.title" \
	" FROM evaluation e JOIN meeting m ON m.id = e.meeting_id"

static void read_evaluation(sqlite3_stmt *stmt, struct evaluation *e)
{
	e->present = 1;
	e->meeting_id = sqlite3_column_int64(stmt, 0);
	copy(e->proposed, sizeof e->proposed, text_of(stmt, 1));
	copy(e->rank, sizeof e->rank, text_of(stmt, 2));
	copy(e->rank_label, sizeof e->rank_label, text_of(stmt, 3));
	copy(e->reason, sizeof e->reason, text_of(stmt, 4));
	copy(e->assessment, sizeof e->assessment, text_of(stmt, 5));
	copy(e->assessment_label, sizeof e->assessment_label, text_of(stmt, 6));
	copy(e->policy, sizeof e->policy, text_of(stmt, 7));
	copy(e->policy_label, sizeof e->policy_label, text_of(stmt, 8));
	copy(e->entered_by, sizeof e->entered_by, text_of(stmt, 9));
	copy(e->entered_at, sizeof e->entered_at, text_of(stmt, 10));
}

static int one_evaluation(struct store *s, const char *sql, long long a, long long b,
			  struct evaluation *e, char *title, size_t size, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, sql, err);
	int rc;

	memset(e, 0, sizeof *e);
	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, a);
	if (sqlite3_bind_parameter_count(stmt) > 1)
		sqlite3_bind_int64(stmt, 2, b);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		read_evaluation(stmt, e);
		if (title)
			copy(title, size, text_of(stmt, 11));
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int meeting_evaluation(struct store *s, long long id, long long kpi_id, struct evaluation *e,
		       struct error *err)
{
	return one_evaluation(s, EVALUATION_SELECT " WHERE e.meeting_id = ?1 AND e.kpi_id = ?2",
			      id, kpi_id, e, NULL, 0, err);
}

int meeting_latest_evaluation(struct store *s, long long kpi_id, struct evaluation *e,
			      char *title, size_t size, struct error *err)
{
	return one_evaluation(s, EVALUATION_SELECT " WHERE e.kpi_id = ?1"
			      " ORDER BY e.meeting_id DESC LIMIT 1", kpi_id, 0, e, title, size, err);
}

static int on_agenda(struct store *s, long long id, long long kpi_id, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT 1 FROM agenda_item WHERE meeting_id = ?"
					  " AND kpi_id = ?", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, kpi_id);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return error_set(err, _("that KPI is not on meeting %lld's agenda"), id);
	return rc == SQLITE_ROW ? 0 : -1;
}

int meeting_record(struct store *s, long long id, long long kpi_id, enum record_what what,
		   const char *code, const char *label, const char *reason,
		   const char *proposed, const char *user, struct error *err)
{
	static const char *const names[] = { "rank", "assessment", "policy" };
	static const char *const sql[] = {
		"INSERT INTO evaluation(meeting_id, kpi_id, proposed, rank, rank_label, reason,"
		" entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
		" ON CONFLICT (meeting_id, kpi_id) DO UPDATE SET proposed = ?3, rank = ?4,"
		" rank_label = ?5, reason = ?6, entered_by = ?7, entered_at = ?8",
		"INSERT INTO evaluation(meeting_id, kpi_id, assessment, assessment_label,"
		" entered_by, entered_at) VALUES (?1, ?2, ?4, ?5, ?7, ?8)"
		" ON CONFLICT (meeting_id, kpi_id) DO UPDATE SET assessment = ?4,"
		" assessment_label = ?5, entered_by = ?7, entered_at = ?8",
		"INSERT INTO evaluation(meeting_id, kpi_id, policy, policy_label,"
		" entered_by, entered_at) VALUES (?1, ?2, ?4, ?5, ?7, ?8)"
		" ON CONFLICT (meeting_id, kpi_id) DO UPDATE SET policy = ?4,"
		" policy_label = ?5, entered_by = ?7, entered_at = ?8",
	};
	struct evaluation old;
	const char *was;
	sqlite3_stmt *stmt;
	char now[32];
	int rc;

	if (what == RECORD_RANK && proposed && *proposed && strcmp(code, proposed) != 0 &&
	    width_blank(reason))
		return error_set(err, _("rank %s differs from the proposed %s: give a reason"), code,
				 proposed);
	if (what == RECORD_RANK && (!proposed || !*proposed) && width_blank(reason))
		return error_set(err, _("no rank is proposed (no data): give a reason for %s"), code);
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_open(s, id, err) < 0 || on_agenda(s, id, kpi_id, err) < 0 ||
	    meeting_evaluation(s, id, kpi_id, &old, err) < 0)
		goto fail;
	stmt = store_cached(s, sql[what], err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, kpi_id);
	sqlite3_bind_text(stmt, 3, proposed ? proposed : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 4, code, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, label ? label : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, reason ? reason : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 7, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 8, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		goto fail;
	was = what == RECORD_RANK ? old.rank : what == RECORD_ASSESSMENT ? old.assessment
									  : old.policy;
	if (log_change(s, id, kpi_id, names[what], old.present && *was ? was : NULL, code,
		       reason, user, now, err) < 0 || store_commit(s, err) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int meeting_remark_add(struct store *s, long long id, long long kpi_id, enum remark_kind kind,
		       const char *text, const char *owner, const char *due, const char *user,
		       struct error *err)
{
	sqlite3_stmt *stmt;
	char now[32], day[16] = "";
	int rc;

	if (!text || !*text)
		return error_set(err, _("nothing to record: the text is empty"));
	if (kind == REMARK_ACTION && (!owner || !*owner))
		return error_set(err, _("an action item needs an owner"));
	if (kind == REMARK_ACTION && meeting_date_parse(due ? due : "", day, sizeof day, err) < 0)
		return -1;
	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	if (check_open(s, id, err) < 0 || on_agenda(s, id, kpi_id, err) < 0)
		goto fail;
	stmt = store_cached(s, "INSERT INTO remark(meeting_id, kpi_id, kind, text, owner, due,"
			    " entered_by, entered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, kpi_id);
	sqlite3_bind_text(stmt, 3, kind == REMARK_ACTION ? "action" : "comment", -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 4, text, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 5, kind == REMARK_ACTION ? owner : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 6, kind == REMARK_ACTION ? day : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 7, user, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 8, now, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE ||
	    log_change(s, id, kpi_id, kind == REMARK_ACTION ? "action" : "comment", NULL, text,
		       kind == REMARK_ACTION ? owner : NULL, user, now, err) < 0 ||
	    store_commit(s, err) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int meeting_action_done(struct store *s, long long remark_id, const char *user,
			struct error *err)
{
	sqlite3_stmt *stmt;
	long long id = 0, kpi_id = 0;
	char now[32], text[1024] = "";
	int rc;

	iso_now(now, sizeof now);
	if (store_begin(s, err) < 0)
		return -1;
	stmt = store_cached(s, "SELECT meeting_id, kpi_id, text FROM remark WHERE id = ?"
			    " AND kind = 'action' AND done_at IS NULL", err);
	if (!stmt)
		goto fail;
	sqlite3_bind_int64(stmt, 1, remark_id);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		kpi_id = sqlite3_column_int64(stmt, 1);
		copy(text, sizeof text, text_of(stmt, 2));
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE) {
		error_set(err, _("no open action item %lld"), remark_id);
		goto fail;
	}
	if (rc != SQLITE_ROW ||
	    set_text(s, "UPDATE remark SET done_at = ?1 WHERE id = ?2", now, remark_id, err) < 0 ||
	    log_change(s, id, kpi_id, "done", text, now, NULL, user, now, err) < 0 ||
	    store_commit(s, err) < 0)
		goto fail;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

int meeting_remarks(struct store *s, long long id, long long kpi_id, int open_actions,
		    void (*fn)(void *ctx, const struct remark *r), void *ctx, struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		"SELECT id, meeting_id, kpi_id, kind, text, owner, due, coalesce(done_at, ''),"
		" entered_by, entered_at FROM remark WHERE kpi_id = ?1"
		" AND (?2 = 0 OR meeting_id = ?2)"
		" AND (?3 = 0 OR (kind = 'action' AND done_at IS NULL)) ORDER BY id", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_int(stmt, 3, open_actions);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct remark r = {
			.id = sqlite3_column_int64(stmt, 0),
			.meeting_id = sqlite3_column_int64(stmt, 1),
			.kpi_id = sqlite3_column_int64(stmt, 2),
			.kind = strcmp(text_of(stmt, 3), "action") == 0 ? REMARK_ACTION
									 : REMARK_COMMENT,
			.text = text_of(stmt, 4), .owner = text_of(stmt, 5),
			.due = text_of(stmt, 6), .done_at = text_of(stmt, 7),
			.entered_by = text_of(stmt, 8), .entered_at = text_of(stmt, 9),
		};

		fn(ctx, &r);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* What a record_history row changed, as the interface names it. */
static const char *what_label(const char *what)
{
	static const struct {
		const char *what, *label;
	} labels[] = {
		{ "rank", N_("rank") }, { "assessment", N_("assessment") },
		{ "policy", N_("policy") }, { "comment", N_("comment") },
		{ "action", N_("action item") }, { "done", N_("action item done") },
	};
	size_t i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(what, labels[i].what) == 0)
			return _(labels[i].label);
	return what;
}

char *meeting_change_line(const struct record_change *c, char *line, size_t size)
{
	struct inert_pool pool = { 0 };
	char when[64], done_at[64], due[64], tail[1024] = "";
	const char *new_text = c->new_text;
	int action = strcmp(c->what, "action") == 0;

	/* an action item's is its owner and due date; a rank's, its reason */
	if (*c->reason && action)
		snprintf(tail, sizeof tail, _("  owner: %s  due: %s"), inert_str(&pool, c->reason),
			 *c->due ? i18n_date(c->due, due, sizeof due) : "-");
	else if (*c->reason)
		snprintf(tail, sizeof tail, "%s%s", _("  reason: "), inert_str(&pool, c->reason));
	/* done: the moment, in local time like every other */
	if (strcmp(c->what, "done") == 0 && new_text)
		new_text = i18n_time(new_text, done_at, sizeof done_at);
	snprintf(line, size, _("%s  %s  meeting %lld %s  %s -> %s%s"),
		 i18n_time(c->changed_at, when, sizeof when), inert_str(&pool, c->changed_by),
		 c->meeting_id, what_label(c->what), c->old_text ? inert_str(&pool, c->old_text) : "-",
		 new_text ? inert_str(&pool, new_text) : "-", tail);
	inert_pool_free(&pool);
	return line;
}

int meeting_history(struct store *s, long long kpi_id,
		    void (*fn)(void *ctx, const struct record_change *c), void *ctx,
		    struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s,
		/* an action item's due date is its remark's, added with it */
		"SELECT h.meeting_id, h.what, h.old_text, h.new_text, h.reason, h.changed_by,"
		" h.changed_at, coalesce((SELECT r.due FROM remark r WHERE r.meeting_id = h.meeting_id"
		" AND r.kpi_id = h.kpi_id AND r.kind = 'action' AND r.text = h.new_text"
		" AND r.entered_at = h.changed_at), '')"
		" FROM record_history h WHERE h.kpi_id = ? ORDER BY h.id", err);
	int rc;

	if (!stmt)
		return -1;
	sqlite3_bind_int64(stmt, 1, kpi_id);
	while ((rc = store_step(s, stmt, err)) == SQLITE_ROW) {
		struct record_change c = {
			.meeting_id = sqlite3_column_int64(stmt, 0),
			.what = text_of(stmt, 1),
			.old_text = sqlite3_column_type(stmt, 2) == SQLITE_NULL ? NULL
										: text_of(stmt, 2),
			.new_text = sqlite3_column_type(stmt, 3) == SQLITE_NULL ? NULL
										: text_of(stmt, 3),
			.reason = text_of(stmt, 4), .changed_by = text_of(stmt, 5),
			.changed_at = text_of(stmt, 6), .due = text_of(stmt, 7),
		};

		fn(ctx, &c);
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_DONE ? 0 : -1;
}
