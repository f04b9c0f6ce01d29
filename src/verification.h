/* verification.h: the yearly 効果検証 of the grant projects, as the
 * national table (様式2) asks for it: a verification per fiscal year; per
 * project its 実績額 and 交付金の種類, and three voices kept apart (the
 * 担当課's self-assessment, the outside experts' verdict and opinion, the
 * final published result), each with who and when and each change in
 * verification_history; the 事業効果 the KPIs suggest, by a rule kept as
 * data; the national summary (share of projects with a KPI met, share of
 * KPIs met). */
#ifndef KPITREE_VERIFICATION_H
#define KPITREE_VERIFICATION_H

#include <stddef.h>

#include "error.h"
#include "kpi_years.h"
#include "review.h"
#include "store.h"

struct access_identity;

/* --- the suggestion rule ------------------------------------------------ */

/* One line of the rule: the 事業効果 (assessment) code it suggests, and
 * when: "all R" (every KPI with data passes rank rule R), "any R" (one
 * does), or "otherwise" (some KPI has data). */
struct effect_rule {
	char code[32];
	int quantifier;		/* EFFECT_ALL, EFFECT_ANY, EFFECT_OTHERWISE */
	struct rank test;	/* the rank rule each KPI is tried on */
};

enum { EFFECT_ALL, EFFECT_ANY, EFFECT_OTHERWISE };

struct effect_rules {
	struct effect_rule rules[RANKS_MAX];
	int n;
};

/* Reads a rule as the database and the import file write it ("all
 * achieved", "all progress >= 70%", "any improved", "otherwise"; case and
 * spaces free). Returns 0, or -1 with err (ERROR_INVALID). */
int verification_rule_parse(const char *text, struct effect_rule *r, struct error *err);

/* The rule as text, as verification_rule_parse reads it. */
char *verification_rule_text(const struct effect_rule *r, char *buf, size_t size);

/* The rule in the interface's language, for people ("all KPIs
 * improved"); the data keep verification_rule_text's words. */
char *verification_rule_words(const struct effect_rule *r, char *buf, size_t size);

/* Loads the database's rule, in order. Returns 0, or -1. */
int verification_rules_load(struct store *s, struct effect_rules *rules, struct error *err);

/* What the rule suggests for a project's KPIs, and why. */
struct suggestion {
	const struct effect_rule *rule;	/* NULL: none (no KPI has data) */
	int kpis;		/* the project's KPIs */
	int with_data;		/* of them, with an actual at the year */
	int passing;		/* of those, passing the rule's rank rule */
	int unknown;		/* of those without, marked 把握できない */
};

/* The standing of k at year (its table t) as the 効果検証 measures it:
 * progress is the share of the way from the baseline to the target,
 * (actual − baseline) ÷ (target − baseline), which serves down KPIs as
 * it is; met at or beyond the target. A strategy KPI's baseline and
 * target; a grant project's KPI runs from its 当初値 (0 without one) to
 * its plan at the year, the 指標値 of the national form, met by its
 * direction (≥, or ≤ for down); an increment KPI from the sums of its
 * increments (kpi_years_increment). A KPI without an actual, or without
 * a plan or target, is not judged. */
void verification_standing(const struct kpi *k, const struct kpi_years *t, int year,
			   struct standing *st);

/* The first rule that holds for a project's standings st[0..n-1]: "all
 * R" when every KPI passes R, "any R" when one does, "otherwise" when
 * every KPI is judged. A KPI that is not judged (no actual, 把握できない,
 * nothing to measure it by) passes no rule, so that no "all" rule and
 * no "otherwise" holds while one is missing: with the national rule,
 * no suggestion then, and the official chooses with a reason. */
void verification_suggest(const struct effect_rules *rules, const struct standing *st, int n,
			  struct suggestion *out);

/* Why, for people: "① (all achieved): 2 of 2 KPIs with data; 1 without".
 * Returns buf. */
char *verification_suggestion_text(const struct suggestion *sg, char *buf, size_t size);

/* --- a verification ----------------------------------------------------- */

struct verification {
	int year;		/* the fiscal year verified */
	char opened_by[128], opened_at[32];
	char closed_at[32];	/* "" while open */
	int revised;		/* 見直しの有無: -1 unanswered, 0 no, 1 yes */
	char revised_by[128], revised_at[32];
};

/* The fiscal year a verification is opened for by default: the last one
 * ended (the current fiscal year's previous). */
int verification_default_year(void);

/* Whether who may open, close or answer 見直しの有無 of a verification,
 * acts that speak for every project: a local user, an admin, or an
 * editor whose key has no scope (who already answers for every
 * project); a scoped editor or a viewer may not. Returns 0, or -1
 * (ERROR_REFUSED, why in err's text). */
int verification_may_conduct(const struct access_identity *who, struct error *err);

/* Opens the verification of year, in one transaction. Returns 0 with v
 * filled, or -1 (ERROR_CONFLICT: already opened; ERROR_INVALID: year
 * has not ended yet, or no project is due at it). */
int verification_open(struct store *s, int year, const char *user, struct verification *v,
		      struct error *err);

/* The latest fiscal year a verification was opened for: the year, 0
 * when none was, or -1 with err. */
int verification_latest(struct store *s, struct error *err);

/* The verification of year into v. Returns 0, or -1 (ERROR_NOT_FOUND). */
int verification_get(struct store *s, int year, struct verification *v, struct error *err);

/* Records 見直しの有無 (yes 1, no 0) of year's verification. Returns 0, or -1. */
int verification_set_revised(struct store *s, int year, int yes, const char *user,
			     struct error *err);

/* Closes year's verification: refused (ERROR_INVALID) when no project
 * is due, or while due projects lack their final result (err names
 * them all). Returns 0, or -1. */
int verification_close(struct store *s, int year, const char *user, struct error *err);

/* --- what a value is ------------------------------------------------------ */

/* Beside a KPI's actual at a fiscal year: whether it cannot be known yet
 * (把握できない), and the year its data describes when not that one. */
struct value_flag {
	int unknown;		/* marked 把握できない (and there is no actual) */
	int describes;		/* 0: the fiscal year itself */
	char note[256];
};

/* The flag of kpi_id at year into f (zeroed when none). An unknown mark
 * on a year that has an actual reads as not unknown: the actual came. */
int verification_flag_get(struct store *s, long long kpi_id, int year, struct value_flag *f,
			  struct error *err);

/* The year a verification of year judges project_id's KPIs on: year
 * when it ran then (a value, or a value marked 把握できない), else the
 * year before (its year after). Returns the year, or -1 with err. */
int verification_judged_year(struct store *s, long long project_id, int year, struct error *err);

/* The year the verification of year judges KPI kpi_id's value on: its
 * project's (verification_judged_year), or year for a strategy KPI.
 * Returns the year, or -1 with err. */
int verification_kpi_year(struct store *s, long long kpi_id, int year, struct error *err);

/* The year a value's data describe as an official types it: a fiscal
 * year (R3, 2021), or "none" or "-" for the value's own year (*year 0).
 * Returns 0, or -1 (ERROR_INVALID). */
int verification_describes_parse(const char *text, int *year, struct error *err);

/* Marks kpi_id's value as not yet known (unknown 1, with note) or known
 * again (0), at the year the verification of year judges it on
 * (verification_kpi_year); refused (ERROR_INVALID) while it has an
 * actual there. */
int verification_set_unknown(struct store *s, long long kpi_id, int year, int unknown,
			     const char *note, const char *user, struct error *err);

/* Records the year kpi_id's value describes (describes 0, or the year
 * itself: its own year, which clears a year recorded before), the value
 * at the year the verification of year judges it on
 * (verification_kpi_year); the change is in the history. */
int verification_set_describes(struct store *s, long long kpi_id, int year, int describes,
			       const char *user, struct error *err);

/* Whether year's verification is open (1; 0: not opened, or closed), and
 * then of its projects due whose final result official who may record
 * (access_owes_kpi, as due counts KPIs: role and scope; NULL: every
 * one) how many lack it (*pending) of how many (*total). Returns 1, 0, or -1
 * with err. */
int verification_pending(struct store *s, const struct access_identity *who, int year,
			 int *pending, int *total, struct error *err);

/* Whether kpi_id's values at year (0: at any year) are frozen: a
 * closed verification of a fiscal year V published a grant project's
 * values of V and of V - 1 (its projects in their year after), so that
 * a change of one would change the published table. Returns 0 when
 * they may change, or -1 (ERROR_INVALID, naming the KPI, the year and
 * the closed verification; or another error). */
int verification_frozen(struct store *s, long long kpi_id, int year, struct error *err);

/* Whether any verification is closed (so that a value may be frozen):
 * 1, 0, or -1 with err. For a long import, asked once. */
int verification_any_closed(struct store *s, struct error *err);

/* --- increment KPIs (struct increment, their sums: kpi_years.h) -------------- */

/* Whether kpi_id is declared incremental: 1, 0, or -1 with err. */
int verification_is_increment(struct store *s, long long kpi_id, struct error *err);

/* Declares kpi_id incremental (on 1) or not (0), with its history. */
int verification_set_increment(struct store *s, long long kpi_id, int on, const char *user,
			       struct error *err);

/* Sets grant project KPI kpi_id's direction (DIRECTION_DOWN: lower is
 * better, as 待機児童 or CO2), by which the verification judges its
 * value against its plan and 当初値; with its history. A strategy KPI's
 * is its import's (ERROR_INVALID); a KPI of a closed verification keeps
 * its own (verification_frozen). Returns 0, or -1. */
int verification_set_direction(struct store *s, long long kpi_id, enum direction d,
			       const char *user, struct error *err);

/* A rate as a whole percent ("96%"; "-" without one, has 0), rounded,
 * but never up to 100% while below 1: 3023 of 3030 is 99%, not met. */
char *verification_percent(int has, double ratio, char *buf, size_t size);

/* Both rates for people: "累計 25 of 30: total ÷ target 96%, (actual −
 * baseline) ÷ (target − baseline) 83%". Returns buf. */
char *verification_increment_text(const struct increment *in, char *buf, size_t size);

/* --- the projects of a verification -------------------------------------- */

/* The KPI rows of a project's block on the national form (指標①…⑤). A
 * project with more keeps them all: its block has more rows, and the
 * export names it. */
#define VERIFICATION_FORM_KPIS 5

/* A grant project as the verification lists it. */
struct vproject {
	long long id;
	char code[32];		/* its KPIs' prefix: SP1 */
	char *title, *program, *municipality;
	int has_amount;
	long long amount;	/* 実績額, yen */
	char grant_kind[128];	/* 交付金の種類 */
	int year;		/* its KPIs are judged at: the year verified, or for a
				 * project in its year after, the year it last ran */
	struct review_list kpis;	/* its KPIs, standing at that year */
	int missing;		/* KPIs without an actual at the year, not marked unknown */
	struct suggestion suggestion;
	struct value_flag *flags;	/* per KPI, as kpis.rows */
	struct increment *increments;	/* per KPI, as kpis.rows (present 0: not one) */
};

struct vproject_list {
	struct vproject *items;
	int n;
	struct effect_rules rules;	/* the suggestions point into it */
};

/* The projects due at year (a KPI of theirs has a plan or an actual at
 * year or the year before: running that year, or in their year after),
 * ordered by code, each with its KPIs and suggestion. Returns 0, or -1. */
int verification_projects(struct store *s, int year, struct vproject_list *l,
			  struct error *err);

void verification_projects_free(struct vproject_list *l);

/* The project named by its code (SP1) or its title into *id (and its
 * code into code). Returns 0, or -1 (ERROR_NOT_FOUND). */
int verification_project_find(struct store *s, const char *name, long long *id, char *code,
			      size_t size, struct error *err);

/* The first KPI of project id into *kpi_id, for access checks (a
 * project's KPIs share its scope). Returns 0, or -1. */
int verification_project_kpi(struct store *s, long long id, long long *kpi_id,
			     struct error *err);

/* Records project id's 実績額 (amount < 0: keep) and 交付金の種類 (kind
 * NULL: keep) at year, in one transaction with its history. */
int verification_set_amount(struct store *s, long long id, int year, long long amount,
			    const char *kind, const char *user, struct error *err);

/* --- what an official enters, within their rights ----------------------- */

/* What verification_enter sets beside the voices. */
enum verification_entry {
	ENTER_AMOUNT,		/* a project's 実績額 (amount < 0: keep) and 交付金の種類 */
	ENTER_UNKNOWN,		/* a KPI's value not known yet (value 1) or known (0) */
	ENTER_DESCRIBES,	/* the year a KPI's value describes (value; 0: its own) */
	ENTER_INCREMENT,	/* a KPI declared incremental (value 1) or not (0) */
	ENTER_DIRECTION,	/* a project KPI's direction: down (value 1) or up (0) */
};


/* A whole number of yen as an official types it (commas between
 * thousands allowed; full-width digits and commas, and a 円 after, as
 * well: １，０００円 is 1000; "-": none, *yen -1) into *yen. Returns 0,
 * or -1 (ERROR_INVALID). */
int verification_yen_parse(const char *text, long long *yen, struct error *err);

/* Sets what (of project id for ENTER_AMOUNT, else of KPI id) at year, as
 * official who (user in the history) may: every interface enters these
 * through here, so that one rule decides. Refused with ERROR_REFUSED and
 * why in err's text when who may not change that KPI's (or, for a
 * project, its KPIs') values; otherwise as verification_set_amount,
 * verification_set_unknown (text its note), verification_set_describes
 * and verification_set_increment.
 * Returns 0, or -1. */
int verification_enter(struct store *s, const struct access_identity *who, const char *user,
		       enum verification_entry what, long long id, int year, long long value,
		       const char *text, struct error *err);

/* --- the three voices ---------------------------------------------------- */

enum voice { VOICE_SELF, VOICE_COMMITTEE, VOICE_FINAL };
#define VOICES 3

/* "self", "committee", "final": the words of the data. */
const char *verification_voice_word(enum voice v);

/* 担当課の自己評価, 外部有識者の評価, 確定: in the interface's language. */
const char *verification_voice_name(enum voice v);

/* What one voice said of a project. */
struct voice_entry {
	int present;
	char suggested[32];
	char effect[32], effect_label[256];	/* 事業効果 */
	char policy[32], policy_label[256];	/* 今後の方針 */
	char reason[1024];	/* final: 今後の方針の理由; self: why not the suggestion */
	char verdict[32], verdict_label[256];	/* committee: 事業の評価 */
	char opinion[2048];	/* committee: 外部有識者からの意見 */
	long long meeting_id;	/* committee: the meeting it was given at, or 0 */
	char entered_by[128], entered_at[32];
};

/* What is entered: codes of the lists (assessment, policy, verdict);
 * NULL or "" where the voice says nothing. So that two officials
 * entering the same voice at once do not silently replace one another,
 * what the one entering saw is given, as a value's --expect is: expect,
 * the code they expect stored (the 事業効果, or the committee's 事業の
 *評価; "-" for no voice yet; NULL: not checked), and/or with
 * check_version the voice as read (verification_voice_version). */
struct voice_input {
	const char *effect, *policy, *reason, *verdict, *opinion;
	long long meeting_id;
	const char *expect;
	int check_version;
	unsigned long long version;
};

/* A voice's version: 0 for none, else a number that changes with every
 * entry of it (what it says, who and when). */
unsigned long long verification_voice_version(const struct voice_entry *e);

/* The voice in brief, as a conflict names it: "① 発展" (self, final),
 * "有効" (committee), "-" for none. Returns buf. */
char *verification_voice_brief(enum voice v, const struct voice_entry *e, char *buf,
			       size_t size);

/* Records (replaces) voice v on project id at year's open verification,
 * in one transaction with its history rows. Self needs an effect; an
 * effect other than the suggested one needs a reason (ERROR_NEEDS_REASON),
 * as does any final result (its 今後の方針の理由); final needs an effect
 * and a policy; committee a verdict. Codes not in their list are refused
 * (ERROR_INVALID). A voice that is not what in's expect or version says
 * is refused (ERROR_CONFLICT, naming what is stored, who and when),
 * nothing written. Returns 0, or -1. */
int verification_record(struct store *s, int year, long long id, enum voice v,
			const struct voice_input *in, const char *user, struct error *err);

/* Voice v on project id at year into e (present 0 when none). */
int verification_voice(struct store *s, int year, long long id, enum voice v,
		       struct voice_entry *e, struct error *err);

/* A verification_history row. */
struct verification_change {
	int year;
	const char *what, *old_text, *new_text, *reason, *changed_by, *changed_at;
};

/* A change's what ("self effect", "committee opinion", "amount",
 * "grant kind", "SP1-2 increment") in the interface's language, a KPI's
 * code as it is. Returns buf. */
char *verification_change_words(const char *what, char *buf, size_t size);

/* A change's old or new text: the words of what's of words ("on",
 * "unknown", "yes") in the interface's language, anything else (an
 * opinion, an amount) as it is. Returns buf. */
char *verification_change_text(const char *what, const char *text, char *buf, size_t size);

/* Calls fn for every change of project id, oldest first. */
int verification_history(struct store *s, long long id,
			 void (*fn)(void *ctx, const struct verification_change *c), void *ctx,
			 struct error *err);

/* The state of year's verification, a line at a time (without its line
 * end), as `verification status` prints it and the browser shows it:
 * opened, closed, 見直しの有無, then each project due with its grant and
 * amount, the suggestion and why, the KPIs without an actual or not known
 * yet, the three voices; then who has not entered actuals: each of
 * officials[0..n_officials-1] (keys_file_officials) with the KPIs
 * lacking theirs that the official may enter, and those no official
 * may; last, how many have their final result. The lines hold the
 * database's text as it is. Returns 0, or -1. */
int verification_status_lines(struct store *s, int year,
			      const struct access_identity *officials, int n_officials,
			      void (*fn)(void *ctx, const char *line), void *ctx,
			      struct error *err);

/* --- the national summary ------------------------------------------------ */

struct summary_row {
	char program[256];	/* "" for all programs */
	int projects, projects_met;	/* with at least one KPI achieved */
	int kpis, kpis_met, kpis_no_data;
	int kpis_unknown;	/* without an actual, marked 把握できない (not in no_data) */
};

#define SUMMARY_MAX 16

struct summary {
	int year;
	struct summary_row rows[SUMMARY_MAX];	/* per program, then the total last */
	int n;
};

/* A share as the summary writes it: "25%", or "-" of none. Returns buf. */
char *verification_share(int part, int whole, char *buf, size_t size);

/* The summary of l (the projects of a year). */
void verification_summary(const struct vproject_list *l, int year, struct summary *sum);

#endif
