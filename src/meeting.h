/* meeting.h: review meetings (推進会議, 効果検証): a title, a date, the
 * fiscal year reviewed and an agenda of KPIs; what the room records for
 * each (rank with reason, assessment, policy, comments, action items),
 * each with who and when, every change also appended to record_history. */
#ifndef KPITREE_MEETING_H
#define KPITREE_MEETING_H

#include "error.h"
#include "store.h"

struct meeting {
	long long id;
	char title[256];
	char held_on[16];	/* YYYY-MM-DD, local date */
	int year;		/* the fiscal year reviewed */
	char agenda[256];	/* how the agenda was chosen, for people */
	char opened_by[128];
	char opened_at[32];
	char closed_at[32];	/* "" while open */
	int items;		/* agenda items */
};

/* Opens a meeting on the KPIs kpi_ids (in that order), held today, in
 * one transaction. Returns 0 with m filled, or -1. */
int meeting_start(struct store *s, const char *title, int year, const char *agenda,
		  const long long *kpi_ids, int n, const char *user, struct meeting *m,
		  struct error *err);

/* Replaces the agenda of meeting id (open). Returns 0, or -1. */
int meeting_set_agenda(struct store *s, long long id, const char *agenda,
		       const long long *kpi_ids, int n, const char *user, struct error *err);

/* Closes meeting id. Returns 0, or -1 (already closed, no such). */
int meeting_end(struct store *s, long long id, const char *user, struct error *err);

/* Meeting id into m. Returns 0, or -1 ("no meeting N"). */
int meeting_get(struct store *s, long long id, struct meeting *m, struct error *err);

/* The latest meeting (by id) into m. Returns 1, 0 when there is none, -1. */
int meeting_latest(struct store *s, struct meeting *m, struct error *err);

/* Calls fn for every meeting, the latest first. Returns 0, or -1. */
int meeting_each(struct store *s, void (*fn)(void *ctx, const struct meeting *m), void *ctx,
		 struct error *err);

/* The KPI codes of meeting id's agenda, in order: *codes (free it) and
 * *n. Returns 0, or -1. */
int meeting_agenda(struct store *s, long long id, char (**codes)[32], int *n,
		   struct error *err);

/* What a meeting recorded for a KPI. */
struct evaluation {
	int present;
	long long meeting_id;
	char proposed[32];
	char rank[32], rank_label[128], reason[512];
	char assessment[32], assessment_label[256];
	char policy[32], policy_label[256];
	char entered_by[128], entered_at[32];
};

enum record_what { RECORD_RANK, RECORD_ASSESSMENT, RECORD_POLICY };

/* Records (or changes) a rank, assessment or policy of kpi_id at meeting
 * id, in one transaction with its record_history row. For a rank,
 * proposed is what the scheme proposed; a rank other than that needs a
 * reason. Returns 0, or -1. */
int meeting_record(struct store *s, long long id, long long kpi_id, enum record_what what,
		   const char *code, const char *label, const char *reason,
		   const char *proposed, const char *user, struct error *err);

/* Evaluation of kpi_id at meeting id (present 0 when none). */
int meeting_evaluation(struct store *s, long long id, long long kpi_id, struct evaluation *e,
		       struct error *err);

/* The latest meeting's evaluation of kpi_id that has a rank, with that
 * meeting's title into title. Returns 0 (e->present says), or -1. */
int meeting_latest_evaluation(struct store *s, long long kpi_id, struct evaluation *e,
			      char *title, size_t size, struct error *err);

enum remark_kind { REMARK_COMMENT, REMARK_ACTION };

struct remark {
	long long id, meeting_id, kpi_id;
	enum remark_kind kind;
	const char *text, *owner, *due, *done_at;	/* done_at "" when open */
	const char *entered_by, *entered_at;
};

/* Adds a comment, or an action item (owner and due, YYYY-MM-DD, both
 * required). Returns 0, or -1. */
int meeting_remark_add(struct store *s, long long id, long long kpi_id, enum remark_kind kind,
		       const char *text, const char *owner, const char *due, const char *user,
		       struct error *err);

/* Marks action item remark_id done. Returns 0, or -1. */
int meeting_action_done(struct store *s, long long remark_id, const char *user,
			struct error *err);

/* Calls fn for the remarks of kpi_id at meeting id (0: at every meeting;
 * open_actions: only action items not done), oldest first. */
int meeting_remarks(struct store *s, long long id, long long kpi_id, int open_actions,
		    void (*fn)(void *ctx, const struct remark *r), void *ctx, struct error *err);

/* A record_history row, as `kpitree history` prints it (due: an action
 * item's due date, else ""). */
struct record_change {
	long long meeting_id;
	const char *what, *old_text, *new_text, *reason, *changed_by, *changed_at, *due;
};

/* c as one line of a KPI's history, in the interface's language, times
 * local, each field under its own label (a rank's reason, an action
 * item's owner and due date). Returns line. */
char *meeting_change_line(const struct record_change *c, char *line, size_t size);

int meeting_history(struct store *s, long long kpi_id,
		    void (*fn)(void *ctx, const struct record_change *c), void *ctx,
		    struct error *err);

/* The organisation holding the meetings (北海道総合政策部), one per
 * database, into out ("" when none is set). Returns 0, or -1. */
int meeting_organisation(struct store *s, char *out, size_t size, struct error *err);

/* Sets the organisation's name (non-empty, one line). Returns 0, or -1. */
int meeting_set_organisation(struct store *s, const char *name, struct error *err);

/* Who took part in a meeting: a name, and a role, one word (会長, 委員,
 * 事務局 or any other). */
struct attendee {
	const char *name, *role;
};

/* Adds name to meeting id's attendees with role, or gives one there
 * already that role, in one transaction with its record_history row.
 * Returns 0, or -1. */
int meeting_attend(struct store *s, long long id, const char *role, const char *name,
		   const char *user, struct error *err);

/* Takes name off meeting id's attendees. Returns 0, or -1 (ERROR_NOT_FOUND:
 * no such attendee). */
int meeting_absent(struct store *s, long long id, const char *name, const char *user,
		   struct error *err);

/* Calls fn for meeting id's attendees as the minutes list them: by role,
 * 会長, 委員, 事務局, then the other roles, each in the order entered. */
int meeting_attendees(struct store *s, long long id,
		      void (*fn)(void *ctx, const struct attendee *a), void *ctx,
		      struct error *err);

/* Whether text is a date YYYY-MM-DD. */
int meeting_is_date(const char *text);

/* A date as officials write it, an action item's due date: 2027/3/31,
 * 2027-03-31, 2027年3月31日, 令和9年3月31日, R9.3.31 (元 for 1, 平成 and H
 * too, full-width digits too), into out as YYYY-MM-DD. Returns 0, or -1
 * with err (ERROR_INVALID) and out "". */
int meeting_date_parse(const char *text, char *out, size_t size, struct error *err);

#endif
