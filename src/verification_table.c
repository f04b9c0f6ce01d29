/* verification_table.c: the national table of a year's 効果検証, in four
 * formats, from one set of rows read in one snapshot. */
#include "verification_table.h"
#include "alloc.h"
#include "i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "csv_write.h"
#include "fiscal_year.h"
#include "inert.h"
#include "kpi.h"
#include "kpi_years.h"
#include "number.h"
#include "outfile.h"
#include "verification.h"
#include "xlsx_write.h"

/* The summary's columns: program, projects, with a KPI met, share, KPIs,
 * met, share, without data, not known yet. */
#define SUMMARY_COLUMNS 9

struct header {
	char prefecture[128], code[16], department[256], contact[256];
};

/* A KPI's row: ④ and ⑤'s 実績値. */
struct kpi_row {
	char code[32], name[512], unit[64];
	char value[64];		/* 指標値: the plan at the year, or the target */
	int target_year;	/* the fiscal year whose end is the 目標年月; 0 none */
	char actual[64];	/* "" none */
	int unknown;		/* 把握できない */
	int describes;		/* the year its data describes, 0: the fiscal year */
	int cumulative;		/* an increment KPI: 指標値 and 実績値 are 累計, the
				 * baseline and the increments' sums */
};

struct project_rows {
	const struct vproject *p;
	struct voice_entry voices[VOICES];
	struct kpi_row *kpis;	/* every KPI of the project: the form's five rows
				 * (VERIFICATION_FORM_KPIS), and more where it has more */
	int n;
};

struct table {
	struct store *s;
	const struct verification_table_options *o;
	FILE *f;
	int snapshot;
	struct verification v;
	struct vproject_list l;
	struct project_rows *rows;
	struct choices assessment, verdict, policy;
	struct summary sum;
};

/* --- text ---------------------------------------------------------------- */

/* The machine-dependent characters (NEC's row 13 and IBM's extensions
 * of Shift_JIS, outside JIS X 0208) a machine-readable table spells
 * out, as the 総務省's rules for machine-readable statistical tables
 * ask (①→(1), Ⅱ→II, ㈱→(株), ㌔→キロ, ㎡→m2); the circled numbers and
 * the Roman numerals by their ranges, below. */
static const struct {
	unsigned cp;
	const char *text;
} plain_table[] = {
	{ 0x2116, "No." }, { 0x2121, "TEL" }, { 0x3231, "(株)" }, { 0x3232, "(有)" },
	{ 0x3239, "(代)" }, { 0x32A4, "(上)" }, { 0x32A5, "(中)" }, { 0x32A6, "(下)" },
	{ 0x32A7, "(左)" }, { 0x32A8, "(右)" }, { 0x337B, "平成" }, { 0x337C, "昭和" },
	{ 0x337D, "大正" }, { 0x337E, "明治" }, { 0x32FF, "令和" }, { 0x3349, "ミリ" },
	{ 0x3314, "キロ" }, { 0x3322, "センチ" }, { 0x334D, "メートル" }, { 0x3318, "グラム" },
	{ 0x3327, "トン" }, { 0x3303, "アール" }, { 0x3336, "ヘクタール" },
	{ 0x3351, "リットル" }, { 0x3357, "ワット" }, { 0x330D, "カロリー" },
	{ 0x3326, "ドル" }, { 0x3323, "セント" }, { 0x332B, "パーセント" },
	{ 0x334A, "ミリバール" }, { 0x333B, "ページ" }, { 0x338E, "mg" }, { 0x338F, "kg" },
	{ 0x339C, "mm" }, { 0x339D, "cm" }, { 0x339E, "km" }, { 0x33A1, "m2" },
	{ 0x33A5, "m3" }, { 0x33C4, "cc" }, { 0x33CD, "K.K." }, { 0x301D, "“" },
	{ 0x301F, "”" }, { 0x222E, "∫" }, { 0x2211, "Σ" }, { 0x221F, "直角" },
	{ 0x22BF, "△" }, { 0xFFE4, "｜" }, { 0xFF07, "'" }, { 0xFF02, "\"" },
};

/* The ASCII spelling of the machine-dependent character cp into piece
 * (""), and whether it is a Roman numeral (*roman). */
static void plain_piece(unsigned cp, char *piece, size_t size, int *roman)
{
	static const char *const numerals[] = {
		"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
		"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
	};
	size_t i;

	*piece = '\0';
	*roman = 0;
	if (cp >= 0x2460 && cp <= 0x2473)	/* ①..⑳ */
		snprintf(piece, size, "(%u)", cp - 0x2460 + 1);
	else if (cp >= 0x3251 && cp <= 0x325F)	/* ㉑..㉟ */
		snprintf(piece, size, "(%u)", cp - 0x3251 + 21);
	else if (cp >= 0x32B1 && cp <= 0x32BF)	/* ㊱..㊿ */
		snprintf(piece, size, "(%u)", cp - 0x32B1 + 36);
	else if ((cp >= 0x2160 && cp <= 0x216B) || (cp >= 0x2170 && cp <= 0x217B)) {
		/* Ⅰ..Ⅻ, ⅰ..ⅻ: in their case */
		snprintf(piece, size, "%s", numerals[cp >= 0x2170 ? cp - 0x2170 + 12 : cp - 0x2160]);
		*roman = 1;
	} else
		for (i = 0; i < sizeof plain_table / sizeof plain_table[0]; i++)
			if (plain_table[i].cp == cp)
				snprintf(piece, size, "%s", plain_table[i].text);
}

static int ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

char *verification_plain_text(const char *text, char *buf, size_t size)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t n = 0;

	if (!size)
		return buf;
	while (*p && n + 1 < size) {
		char piece[40];
		unsigned cp = 0;
		int len = 0, roman;

		if (p[0] >= 0xE0 && p[0] <= 0xEF && p[1] && p[2]) {
			cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
			len = 3;
		}
		plain_piece(cp, piece, sizeof piece - 2, &roman);
		if (*piece) {
			char spaced[48];
			size_t k;

			/* ⅱⅲ is ii iii, not iiiii: a numeral spelled out keeps
			 * apart from a letter or digit beside it */
			snprintf(spaced, sizeof spaced, "%s%s%s",
				 roman && n && ascii_alnum((unsigned char)buf[n - 1]) ? " " : "", piece,
				 roman && ascii_alnum(p[len]) ? " " : "");
			k = strlen(spaced);
			if (n + k >= size)
				break;
			memcpy(buf + n, spaced, k);
			n += k;
			p += len;
		} else {
			buf[n++] = (char)*p++;
		}
	}
	buf[n] = '\0';
	return buf;
}

/* 目標年月: the end of fiscal year `year` (March of the next), as the
 * form writes it (R5.3, H31.3), and as 西暦 (2023.3). */
static char *year_end_wareki(int year, char *buf, size_t size)
{
	int y = year + 1;

	if (y <= 2019)
		snprintf(buf, size, "H%d.3", y - 1988);
	else
		snprintf(buf, size, "R%d.3", y - 2018);
	return buf;
}

static char *year_end_seireki(int year, char *buf, size_t size)
{
	snprintf(buf, size, "%d.3", year + 1);
	return buf;
}

/* ⑤'s 実績値 as the form shows it: the value, with the year its data
 * describes when another (16 (R5のデータ)), 把握できない, or "-". */
static char *actual_text(const struct kpi_row *k, char *buf, size_t size)
{
	char fy[16];

	if (k->unknown)
		snprintf(buf, size, "把握できない");
	else if (!*k->actual)
		snprintf(buf, size, "-");
	else if (k->describes)
		snprintf(buf, size, "%s%s (%sのデータ)", k->actual, k->cumulative ? " (累計)" : "",
			 fiscal_year_short(k->describes, fy, sizeof fy));
	else
		snprintf(buf, size, "%s%s", k->actual, k->cumulative ? " (累計)" : "");
	return buf;
}

/* ④'s 指標値 as the form shows it: an increment KPI's marked 累計. */
static char *value_text(const struct kpi_row *k, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s", k->value, k->cumulative && *k->value ? " (累計)" : "");
	return buf;
}

/* The position (from 1) of code in c, as text, or "". */
static char *number_in(const struct choices *c, const char *code, char *buf, size_t size)
{
	int i;

	*buf = '\0';
	for (i = 0; *code && i < c->n; i++)
		if (strcmp(c->items[i].code, code) == 0)
			snprintf(buf, size, "%d", i + 1);
	return buf;
}

/* --- reading --------------------------------------------------------------- */

static int header_of(struct store *s, const char *municipality, struct header *h,
		     struct error *err)
{
	sqlite3_stmt *stmt = store_cached(s, "SELECT prefecture, code, department, contact"
					  " FROM municipality_info WHERE municipality = ?", err);
	int rc;

	memset(h, 0, sizeof *h);
	if (!stmt)
		return -1;
	sqlite3_bind_text(stmt, 1, municipality, -1, SQLITE_TRANSIENT);
	rc = store_step(s, stmt, err);
	if (rc == SQLITE_ROW) {
		snprintf(h->prefecture, sizeof h->prefecture, "%s", sqlite3_column_text(stmt, 0));
		snprintf(h->code, sizeof h->code, "%s", sqlite3_column_text(stmt, 1));
		snprintf(h->department, sizeof h->department, "%s", sqlite3_column_text(stmt, 2));
		snprintf(h->contact, sizeof h->contact, "%s", sqlite3_column_text(stmt, 3));
	}
	sqlite3_reset(stmt);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int kpi_row_load(struct table *t, const struct vproject *p, const struct review_row *r,
			struct kpi_row *out, struct error *err)
{
	struct kpi_years y;
	struct kpi k;
	int i;

	memset(out, 0, sizeof *out);
	if (kpi_find(t->s, r->code, &k, err) < 0)
		return -1;
	if (kpi_years_load(t->s, &k, p->year, &y, err) < 0) {
		kpi_release(&k);
		return -1;
	}
	snprintf(out->code, sizeof out->code, "%s", k.code);
	snprintf(out->name, sizeof out->name, "%s", k.name);
	snprintf(out->unit, sizeof out->unit, "%s", k.unit);
	for (i = 0; i < y.n; i++) {
		if (y.rows[i].year != p->year)
			continue;
		/* as written: 33.00 */
		if (y.rows[i].has_plan) {
			number_format_places(y.rows[i].plan, y.rows[i].plan_decimals, 0, out->value,
					     sizeof out->value);
			out->target_year = p->year;
		}
		if (y.rows[i].has_actual)
			number_format_places(y.rows[i].actual, y.rows[i].actual_decimals, 0, out->actual,
					     sizeof out->actual);
	}
	if (k.is_increment) {
		struct increment in;

		/* its values are yearly increments: the table shows what they
		 * sum to, as status and show judge it, and says so */
		kpi_years_increment(&k, &y, p->year, &in);
		out->cumulative = 1;
		if (*out->value)
			number_format(in.baseline + in.target_sum, out->value, sizeof out->value);
		if (in.present)
			number_format(in.baseline + in.actual_sum, out->actual, sizeof out->actual);
	}
	if (!*out->value && k.target.present) {
		number_format_places(k.target.value, k.target.decimals, 0, out->value, sizeof out->value);
		out->target_year = k.target.period.to;
	}
	kpi_release(&k);
	return 0;
}

static int table_begin(struct table *t, struct error *err)
{
	int i, j, k;

	t->snapshot = store_read_begin(t->s, err);
	if (t->snapshot < 0)
		return -1;
	if (verification_get(t->s, t->o->year, &t->v, err) < 0 ||
	    verification_projects(t->s, t->o->year, &t->l, err) < 0)
		return -1;
	if (review_choices_load(t->s, "assessment", &t->assessment, err) < 0 ||
	    review_choices_load(t->s, "verdict", &t->verdict, err) < 0 ||
	    review_choices_load(t->s, "policy", &t->policy, err) < 0)
		return -1;
	t->rows = calloc((size_t)t->l.n + 1, sizeof *t->rows);
	if (!t->rows)
		return error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	for (i = 0; i < t->l.n; i++) {
		struct project_rows *pr = &t->rows[i];

		pr->p = &t->l.items[i];
		for (k = 0; k < VOICES; k++)
			if (verification_voice(t->s, t->o->year, pr->p->id, k, &pr->voices[k], err) < 0)
				return -1;
		if (pr->p->kpis.n > VERIFICATION_FORM_KPIS && t->o->over_form && !t->o->voices)
			t->o->over_form(t->o->ctx, pr->p->code, pr->p->kpis.n);
		pr->kpis = xcalloc((size_t)pr->p->kpis.n + 1, sizeof *pr->kpis);
		for (j = 0; j < pr->p->kpis.n; j++) {
			struct kpi_row *k = &pr->kpis[pr->n++];

			if (kpi_row_load(t, pr->p, &pr->p->kpis.rows[j], k, err) < 0)
				return -1;
			k->unknown = pr->p->flags[j].unknown;
			k->describes = pr->p->flags[j].describes;
		}
	}
	verification_summary(&t->l, t->o->year, &t->sum);
	return 0;
}

static void table_end(struct table *t)
{
	int i;

	for (i = 0; t->rows && i < t->l.n; i++)
		free(t->rows[i].kpis);
	free(t->rows);
	verification_projects_free(&t->l);
	if (t->snapshot >= 0)
		store_read_end(t->s, t->snapshot);
}

/* The municipalities of the table in order of their first project. */
static int first_of_municipality(const struct table *t, int i)
{
	int j;

	for (j = 0; j < i; j++)
		if (strcmp(t->l.items[j].municipality, t->l.items[i].municipality) == 0)
			return 0;
	return 1;
}

static const char *revised_text(const struct table *t)
{
	return t->v.revised < 0 ? "" : t->v.revised ? "有" : "無";
}

/* --- CSV and the workbook's rows ---------------------------------------- */

static const char *const csv_columns[] = {
	"年度", "年度(西暦)", "都道府県名", "市町村名", "都道府県・市町村コード(5桁)",
	"全国地方公共団体コード(6桁)", "担当部局課名", "連絡先", "事業コード",
	"交付対象事業の名称", "交付金", "交付金の種類", "実績額(円)", "KPI番号", "KPIコード",
	"指標", "指標値", "単位", "目標年月", "目標年月(西暦)", "実績値", "実績値の状況",
	"実績値のデータの年度(西暦)", "事業効果番号",
	"事業効果", "事業の評価番号", "事業の評価", "外部有識者からの意見", "今後の方針番号",
	"今後の方針", "今後の方針の理由", "地方版総合戦略の見直しの有無", NULL
};

/* Project columns (from 0) that the workbook merges down a project: its
 * code, name and grant, never empty (a run of merged cells ends at an
 * empty cell of a column before it, so the columns that may be empty,
 * such as a voice not yet given, repeat on each KPI's row instead). */
static const int merged_columns[] = { 8, 9, 10 };

static void put_plain(struct csv_writer *w, const char *text)
{
	char buf[8192];

	csv_put_cell(w, verification_plain_text(text, buf, sizeof buf));
}

static void csv_rows(struct table *t, struct csv_writer *w)
{
	char buf[64], fy[32];
	int i, j, c;

	for (c = 0; csv_columns[c]; c++)
		csv_put_cell(w, csv_columns[c]);
	csv_end_row(w);
	for (i = 0; i < t->l.n; i++) {
		const struct project_rows *pr = &t->rows[i];
		const struct vproject *p = pr->p;
		const struct voice_entry *fin = &pr->voices[VOICE_FINAL];
		const struct voice_entry *com = &pr->voices[VOICE_COMMITTEE];
		struct header h;
		struct error unused;

		header_of(t->s, p->municipality, &h, &unused);
		for (j = 0; j < (pr->n ? pr->n : 1); j++) {
			const struct kpi_row *k = pr->n ? &pr->kpis[j] : NULL;

			csv_put_cell(w, fiscal_year_japanese(t->v.year, fy, sizeof fy));
			snprintf(buf, sizeof buf, "%d", t->v.year);
			csv_put_number(w, buf, CSV_WHOLE);
			put_plain(w, h.prefecture);
			put_plain(w, p->municipality);
			snprintf(buf, sizeof buf, "%.5s", h.code);
			csv_put_cell(w, buf);
			csv_put_cell(w, h.code);
			put_plain(w, h.department);
			put_plain(w, h.contact);
			csv_put_cell(w, p->code);
			put_plain(w, p->title);
			put_plain(w, p->program);
			put_plain(w, p->grant_kind);
			if (p->has_amount) {
				snprintf(buf, sizeof buf, "%lld", p->amount);
				csv_put_number(w, buf, CSV_WHOLE);
			} else {
				csv_put_cell(w, "");
			}
			if (k) {
				snprintf(buf, sizeof buf, "%d", j + 1);
				csv_put_number(w, buf, CSV_WHOLE);
				csv_put_cell(w, k->code);
				put_plain(w, k->name);
				csv_put_number(w, k->value, CSV_QUANTITY);
				put_plain(w, k->unit);
				csv_put_cell(w, k->target_year ? year_end_wareki(k->target_year, buf,
										 sizeof buf) : "");
				if (k->target_year)
					snprintf(buf, sizeof buf, "%d-03", k->target_year + 1);
				csv_put_cell(w, k->target_year ? buf : "");
				csv_put_number(w, k->actual, CSV_QUANTITY);
				csv_put_cell(w, k->unknown ? "把握できない" : k->cumulative ? "累計" : "");
				/* the year the 実績値 is of: the one it describes, or
				 * for a project in its year after, the year it ran */
				snprintf(buf, sizeof buf, "%d", k->describes ? k->describes : p->year);
				csv_put_number(w, k->describes || (*k->actual && p->year != t->o->year)
							  ? buf : "", CSV_WHOLE);
			} else {
				for (c = 0; c < 10; c++)
					csv_put_cell(w, "");
			}
			csv_put_number(w, number_in(&t->assessment, fin->effect, buf, sizeof buf),
				       CSV_WHOLE);
			put_plain(w, fin->effect_label);
			csv_put_number(w, number_in(&t->verdict, com->verdict, buf, sizeof buf),
				       CSV_WHOLE);
			put_plain(w, com->verdict_label);
			put_plain(w, com->opinion);
			csv_put_number(w, number_in(&t->policy, fin->policy, buf, sizeof buf),
				       CSV_WHOLE);
			put_plain(w, fin->policy_label);
			put_plain(w, fin->reason);
			csv_put_cell(w, revised_text(t));
			csv_end_row(w);
		}
	}
}

/* --- the summary -------------------------------------------------------- */

/* The summary's rows as cells: program, projects, with a KPI met, share,
 * KPIs, met, share, without data. */
static void summary_cells(const struct summary_row *r, char cells[SUMMARY_COLUMNS][300])
{
	snprintf(cells[0], 300, "%s", *r->program ? r->program : "計");
	snprintf(cells[1], 300, "%d", r->projects);
	snprintf(cells[2], 300, "%d", r->projects_met);
	verification_share(r->projects_met, r->projects, cells[3], 300);
	snprintf(cells[4], 300, "%d", r->kpis);
	snprintf(cells[5], 300, "%d", r->kpis_met);
	verification_share(r->kpis_met, r->kpis, cells[6], 300);
	snprintf(cells[7], 300, "%d", r->kpis_no_data);
	snprintf(cells[8], 300, "%d", r->kpis_unknown);
}

static const char *const summary_heads[SUMMARY_COLUMNS] = {
	"交付金", "事業数", "KPI目標を一つ以上達成した事業", "KPI目標を一つ以上達成した事業の割合",
	"KPI数", "達成したKPI", "KPIの達成率", "実績値のないKPI", "実績値を把握できないKPI",
};

/* --- Markdown -------------------------------------------------------------- */

static void md(FILE *f, const char *t)
{
	inert_markdown(t, f);
}

static void md_header(struct table *t, const struct vproject *p)
{
	struct header h;
	struct error unused;

	header_of(t->s, p->municipality, &h, &unused);
	fprintf(t->f, "\n| 都道府県名 | 市町村名 | 都道府県・市町村コード | 担当部局課名 | 連絡先 |\n"
		"|---|---|---|---|---|\n| ");
	md(t->f, h.prefecture);
	fputs(" | ", t->f);
	md(t->f, p->municipality);
	if (*h.code)
		fprintf(t->f, " | %.5s (%s) | ", h.code, h.code);
	else
		fputs(" |  | ", t->f);
	md(t->f, h.department);
	fputs(" | ", t->f);
	md(t->f, h.contact);
	fputs(" |\n", t->f);
}

static void md_write(struct table *t)
{
	char fy[32], cells[9][300], wareki[32], seireki[32], actual[96], value[96];
	int i, j, c;

	fprintf(t->f, "# 事業実施結果報告 (各交付対象事業の重要業績評価指標(KPI)の実績値等)\n\n"
		"%s (%d年度)\n\n## 効果検証の概要\n\n", fiscal_year_japanese(t->v.year, fy, sizeof fy),
		t->v.year);
	for (c = 0; c < SUMMARY_COLUMNS; c++)
		fprintf(t->f, "| %s ", summary_heads[c]);
	fputs("|\n", t->f);
	for (c = 0; c < SUMMARY_COLUMNS; c++)
		fputs(c ? "|--:" : "|---", t->f);
	fputs("|\n", t->f);
	for (i = 0; i < t->sum.n; i++) {
		summary_cells(&t->sum.rows[i], cells);
		for (c = 0; c < SUMMARY_COLUMNS; c++) {
			fputs("| ", t->f);
			md(t->f, cells[c]);
			fputc(' ', t->f);
		}
		fputs("|\n", t->f);
	}
	for (i = 0; i < t->l.n; i++) {
		const struct project_rows *pr = &t->rows[i];
		const struct voice_entry *fin = &pr->voices[VOICE_FINAL];
		const struct voice_entry *com = &pr->voices[VOICE_COMMITTEE];

		if (first_of_municipality(t, i))
			md_header(t, pr->p);
		fprintf(t->f, "\n## %s ", pr->p->code);
		md(t->f, pr->p->title);
		fputs("\n\n| 項目 | 内容 |\n|---|---|\n| ① 交付対象事業の名称 | ", t->f);
		md(t->f, pr->p->title);
		fputs(" |\n| ② 交付金の種類 | ", t->f);
		md(t->f, pr->p->program);
		if (*pr->p->grant_kind) {
			fputc(' ', t->f);
			md(t->f, pr->p->grant_kind);
		}
		fputs(" |\n| ③ 実績額 (円) | ", t->f);
		if (pr->p->has_amount)
			fprintf(t->f, "%lld", pr->p->amount);
		fputs(" |\n\n| ④ 指標 | 指標値 | 単位 | 目標年月 | ⑤ 実績値 |\n"
		      "|---|--:|---|---|--:|\n", t->f);
		for (j = 0; j < pr->n; j++) {
			const struct kpi_row *k = &pr->kpis[j];

			fprintf(t->f, "| %s ", k->code);
			md(t->f, k->name);
			fprintf(t->f, " | %s | ", value_text(k, value, sizeof value));
			md(t->f, k->unit);
			if (k->target_year)
				fprintf(t->f, " | %s (%s) | %s |\n",
					year_end_wareki(k->target_year, wareki, sizeof wareki),
					year_end_seireki(k->target_year, seireki, sizeof seireki),
					actual_text(k, actual, sizeof actual));
			else
				fprintf(t->f, " |  | %s |\n", actual_text(k, actual, sizeof actual));
		}
		fputs("\n| 項目 | 内容 |\n|---|---|\n| ⑤ 事業効果 | ", t->f);
		md(t->f, fin->effect_label);
		fputs(" |\n| ⑥ 事業の評価 | ", t->f);
		md(t->f, com->verdict_label);
		fputs(" |\n| ⑥ 外部有識者からの意見 | ", t->f);
		md(t->f, com->opinion);
		fputs(" |\n| ⑦ 今後の方針 | ", t->f);
		md(t->f, fin->policy_label);
		fputs(" |\n| ⑦ 今後の方針の理由 | ", t->f);
		md(t->f, fin->reason);
		fputs(" |\n", t->f);
	}
	fprintf(t->f, "\n各事業の評価等を踏まえた地方版総合戦略の見直しの有無: %s\n",
		*revised_text(t) ? revised_text(t) : "-");
}

/* --- HTML ---------------------------------------------------------------- */

static void html(FILE *f, const char *t)
{
	inert_html(t, f);
}

static const char html_style[] =
	"@page { size: A4 landscape; margin: 10mm; }\n"
	"body { font-family: 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif; font-size: 8pt;"
	" color: #111; margin: 0; }\n"
	"h1 { font-size: 13pt; margin: 0 0 4pt; }\n"
	"table { border-collapse: collapse; margin: 4pt 0; width: 100%; }\n"
	"th, td { border: 1px solid #777; padding: 1pt 3pt; vertical-align: top; }\n"
	"th { background: #eee; font-weight: normal; text-align: left; }\n"
	"td.n { text-align: right; }\n"
	"thead tr + tr th { white-space: nowrap; }\n"
	"tbody { page-break-inside: avoid; break-inside: avoid; }\n";

static void html_cell(FILE *f, const char *text, int rows, int number)
{
	fprintf(f, "<td%s", number ? " class=\"n\"" : "");
	if (rows > 1)
		fprintf(f, " rowspan=\"%d\"", rows);
	fputc('>', f);
	html(f, text);
	fputs("</td>", f);
}

static void html_header(struct table *t, const struct vproject *p)
{
	struct header h;
	struct error unused;
	char code[64];

	header_of(t->s, p->municipality, &h, &unused);
	fputs("<table class=\"header\"><tr><th>都道府県名</th><th>市町村名</th>"
	      "<th>都道府県・市町村コード(5桁)</th><th>全国地方公共団体コード(6桁)</th>"
	      "<th>担当部局課名</th><th>連絡先</th></tr>\n<tr>", t->f);
	html_cell(t->f, h.prefecture, 1, 0);
	html_cell(t->f, p->municipality, 1, 0);
	snprintf(code, sizeof code, "%.5s", h.code);
	html_cell(t->f, code, 1, 0);
	html_cell(t->f, h.code, 1, 0);
	html_cell(t->f, h.department, 1, 0);
	html_cell(t->f, h.contact, 1, 0);
	fputs("</tr></table>\n", t->f);
}

static const char html_columns[] =
	"<thead><tr><th rowspan=\"2\">① 交付対象事業の名称</th><th rowspan=\"2\">② 交付金の種類</th>"
	"<th rowspan=\"2\">③ 実績額 (円)</th>"
	"<th colspan=\"4\">④ 本事業における重要業績評価指標(KPI)</th>"
	"<th colspan=\"2\">⑤ 本事業終了後における実績値</th>"
	"<th colspan=\"2\">⑥ 外部有識者からの評価</th>"
	"<th colspan=\"2\">⑦ 実績値を踏まえた事業の今後について</th></tr>\n"
	"<tr><th>指標</th><th>指標値</th><th>単位</th><th>目標年月</th><th>実績値</th>"
	"<th>事業効果</th><th>事業の評価</th><th>外部有識者からの意見</th><th>今後の方針</th>"
	"<th>今後の方針の理由</th></tr></thead>\n";

static void html_project(struct table *t, const struct project_rows *pr)
{
	const struct voice_entry *fin = &pr->voices[VOICE_FINAL];
	const struct voice_entry *com = &pr->voices[VOICE_COMMITTEE];
	int rows = pr->n ? pr->n : 1, j;
	char text[1024], wareki[32], seireki[32];

	fputs("<tbody>", t->f);
	for (j = 0; j < rows; j++) {
		const struct kpi_row *k = pr->n ? &pr->kpis[j] : NULL;

		fputs("<tr>", t->f);
		if (j == 0) {
			html_cell(t->f, pr->p->title, rows, 0);
			snprintf(text, sizeof text, "%s%s%s", pr->p->program,
				 *pr->p->grant_kind ? " " : "", pr->p->grant_kind);
			html_cell(t->f, text, rows, 0);
			if (pr->p->has_amount)
				snprintf(text, sizeof text, "%lld", pr->p->amount);
			else
				*text = '\0';
			html_cell(t->f, text, rows, 1);
		}
		if (k) {
			snprintf(text, sizeof text, "指標%d %s", j + 1, k->name);
			html_cell(t->f, text, 1, 0);
			html_cell(t->f, value_text(k, text, sizeof text), 1, 1);
			html_cell(t->f, k->unit, 1, 0);
			if (k->target_year)
				snprintf(text, sizeof text, "%s (%s)",
					 year_end_wareki(k->target_year, wareki, sizeof wareki),
					 year_end_seireki(k->target_year, seireki, sizeof seireki));
			else
				*text = '\0';
			html_cell(t->f, text, 1, 0);
			html_cell(t->f, actual_text(k, text, sizeof text), 1, 1);
		} else {
			fputs("<td></td><td></td><td></td><td></td><td></td>", t->f);
		}
		if (j == 0) {
			html_cell(t->f, fin->effect_label, rows, 0);
			html_cell(t->f, com->verdict_label, rows, 0);
			html_cell(t->f, com->opinion, rows, 0);
			html_cell(t->f, fin->policy_label, rows, 0);
			html_cell(t->f, fin->reason, rows, 0);
		}
		fputs("</tr>\n", t->f);
	}
	fputs("</tbody>\n", t->f);
}

static void html_write(struct table *t)
{
	char fy[32], cells[SUMMARY_COLUMNS][300];
	int i, c;

	fprintf(t->f, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\"/>\n"
		"<title>事業実施結果報告 %s</title>\n<style>\n%s</style>\n</head>\n<body>\n",
		fiscal_year_japanese(t->v.year, fy, sizeof fy), html_style);
	fprintf(t->f, "<h1>事業実施結果報告 (各交付対象事業の重要業績評価指標(KPI)の実績値等)"
		" %s (%d年度)</h1>\n", fy, t->v.year);
	fputs("<table class=\"summary\"><tr>", t->f);
	for (c = 0; c < SUMMARY_COLUMNS; c++)
		fprintf(t->f, "<th>%s</th>", summary_heads[c]);
	fputs("</tr>\n", t->f);
	for (i = 0; i < t->sum.n; i++) {
		summary_cells(&t->sum.rows[i], cells);
		fputs("<tr>", t->f);
		for (c = 0; c < SUMMARY_COLUMNS; c++)
			html_cell(t->f, cells[c], 1, c > 0);
		fputs("</tr>\n", t->f);
	}
	fputs("</table>\n", t->f);
	for (i = 0; i < t->l.n; i++) {
		if (first_of_municipality(t, i)) {
			if (i)
				fputs("</table>\n", t->f);
			html_header(t, t->rows[i].p);
			fprintf(t->f, "<table class=\"verification\">\n%s", html_columns);
		}
		html_project(t, &t->rows[i]);
	}
	if (t->l.n)
		fputs("</table>\n", t->f);
	fprintf(t->f, "<p>各事業の評価等を踏まえた地方版総合戦略の見直しの有無: %s</p>\n"
		"</body>\n</html>\n", *revised_text(t) ? revised_text(t) : "-");
}

/* --- the workbook -------------------------------------------------------- */

static int table_book(void *ctx, lxw_workbook *book, const char *path, struct error *err)
{
	struct table *t = ctx;
	struct xlsx_sheet *summary = xlsx_sheet_new(book, "概要", XLSX_PLAIN);
	struct xlsx_sheet *sheet = xlsx_sheet_new(book, "効果検証", XLSX_TABLE);
	struct csv_writer w = { 0 };
	struct error unused;
	char fy[32], cells[SUMMARY_COLUMNS][300], title[256];
	const char *row[SUMMARY_COLUMNS + 1];
	int i, c, rc = 0;

	if (!summary || !sheet)
		rc = error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	if (rc == 0) {
		w.sink = xlsx_sheet_sink(summary);
		snprintf(title, sizeof title, "事業実施結果報告 (各交付対象事業の重要業績評価指標(KPI)"
			 "の実績値等) %s (%d年度)", fiscal_year_japanese(t->v.year, fy, sizeof fy),
			 t->v.year);
		csv_put_cell(&w, title);
		csv_end_row(&w);
		xlsx_sheet_header(summary);
		for (c = 0; c < SUMMARY_COLUMNS; c++)
			row[c] = summary_heads[c];
		row[SUMMARY_COLUMNS] = NULL;
		csv_put_row(&w, row);
		for (i = 0; i < t->sum.n; i++) {
			summary_cells(&t->sum.rows[i], cells);
			csv_put_cell(&w, cells[0]);
			for (c = 1; c < SUMMARY_COLUMNS; c++)
				csv_put_number(&w, cells[c], strcmp(cells[c], "-") == 0 ? CSV_TEXT
							     : c == 3 || c == 6 ? CSV_PERCENT : CSV_WHOLE);
			csv_end_row(&w);
		}
		csv_put_cell(&w, "各事業の評価等を踏まえた地方版総合戦略の見直しの有無");
		csv_put_cell(&w, revised_text(t));
		csv_end_row(&w);
		w.sink = xlsx_sheet_sink(sheet);
		xlsx_sheet_merge(sheet, merged_columns,
				 (int)(sizeof merged_columns / sizeof merged_columns[0]));
		csv_rows(t, &w);
	}
	if (summary && xlsx_sheet_end(summary, path, rc == 0 ? err : &unused) < 0)
		rc = -1;
	if (sheet && xlsx_sheet_end(sheet, path, rc == 0 ? err : &unused) < 0)
		rc = -1;
	return rc;
}

/* --- the committee's sheet ------------------------------------------------ */

static const char *const voices_columns[] = {
	"事業コード", "交付対象事業の名称", "示された事業効果番号", "示された事業効果", "その根拠",
	"自己評価: 事業効果番号", "自己評価: 事業効果", "自己評価: 今後の方針(案)番号",
	"自己評価: 今後の方針(案)", "自己評価: 理由", "自己評価: 入力者", "自己評価: 入力日時",
	"外部有識者: 事業の評価番号", "外部有識者: 事業の評価", "外部有識者: 意見",
	"外部有識者: 入力者", "外部有識者: 入力日時",
	"確定: 事業効果番号", "確定: 事業効果", "確定: 今後の方針番号", "確定: 今後の方針",
	"確定: 今後の方針の理由", "確定: 入力者", "確定: 入力日時", NULL
};

/* A code of list c as two cells: its number in the list, and its label. */
static void put_choice(struct csv_writer *w, const struct choices *c, const char *code)
{
	char buf[32];
	int i;

	csv_put_number(w, number_in(c, code, buf, sizeof buf), CSV_WHOLE);
	for (i = 0; *code && i < c->n; i++)
		if (strcmp(c->items[i].code, code) == 0)
			break;
	put_plain(w, i < c->n && *code ? c->items[i].label : "");
}

/* One row a project: the suggestion and why, then each voice, one datum
 * a cell (a choice's number apart from its words, who apart from when,
 * when in local time), as cells of w, so that a spreadsheet sorts them. */
static void voices_rows(struct table *t, struct csv_writer *w)
{
	char text[1024];
	int i, c;

	csv_put_row(w, voices_columns);
	for (i = 0; i < t->l.n; i++) {
		const struct project_rows *pr = &t->rows[i];
		const struct voice_entry *v = pr->voices;

		csv_put_cell(w, pr->p->code);
		put_plain(w, pr->p->title);
		put_choice(w, &t->assessment,
			   pr->p->suggestion.rule ? pr->p->suggestion.rule->code : "");
		put_plain(w, verification_suggestion_text(&pr->p->suggestion, text, sizeof text));
		for (c = 0; c < VOICES; c++) {
			const struct voice_entry *e = &v[c];

			if (c == VOICE_COMMITTEE) {
				put_choice(w, &t->verdict, e->verdict);
				put_plain(w, e->opinion);
			} else {
				put_choice(w, &t->assessment, e->effect);
				put_choice(w, &t->policy, e->policy);
				put_plain(w, e->reason);
			}
			put_plain(w, e->present ? e->entered_by : "");
			csv_put_cell(w, e->present ? i18n_local_time(e->entered_at, text, sizeof text)
					: "");
		}
		csv_end_row(w);
	}
}

/* Markdown and HTML tables fed as CSV rows. */
struct table_sink {
	FILE *f;
	int html, row, cells;
};

static void sink_cell(void *ctx, const char *text, enum csv_cell what)
{
	struct table_sink *k = ctx;

	(void)what;
	if (k->html) {
		fputs(k->cells ? "" : "<tr>", k->f);
		fputs(k->row ? "<td>" : "<th>", k->f);
		inert_html(text, k->f);
		fputs(k->row ? "</td>" : "</th>", k->f);
	} else {
		fputs("| ", k->f);
		inert_markdown(text, k->f);
		fputc(' ', k->f);
	}
	k->cells++;
}

static void sink_end_row(void *ctx)
{
	struct table_sink *k = ctx;
	int c;

	fputs(k->html ? "</tr>\n" : "|\n", k->f);
	if (!k->html && !k->row)
		for (c = 0; c <= k->cells; c++)
			fputs(c < k->cells ? "|---" : "|\n", k->f);
	k->row++;
	k->cells = 0;
}

static void voices_text(struct table *t)
{
	struct table_sink k = { t->f, t->o->format == REPORT_HTML, 0, 0 };
	struct csv_sink sink = { sink_cell, sink_end_row, &k };
	struct csv_writer w = { t->f, 0, 0, &sink, 0 };
	char fy[32];

	fiscal_year_japanese(t->v.year, fy, sizeof fy);
	if (k.html)
		fprintf(t->f, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\"/>\n"
			"<title>効果検証 %s</title>\n<style>\n%s</style>\n</head>\n<body>\n"
			"<h1>効果検証 %s (%d年度): 自己評価・外部有識者の評価・確定</h1>\n<table>\n",
			fy, html_style, fy, t->v.year);
	else
		fprintf(t->f, "# 効果検証 %s (%d年度): 自己評価・外部有識者の評価・確定\n\n", fy,
			t->v.year);
	voices_rows(t, &w);
	if (k.html)
		fputs("</table>\n</body>\n</html>\n", t->f);
}

static int voices_book(void *ctx, lxw_workbook *book, const char *path, struct error *err)
{
	struct table *t = ctx;
	struct xlsx_sheet *sheet = xlsx_sheet_new(book, "評価", XLSX_TABLE);
	struct csv_writer w = { 0 };

	if (!sheet)
		return error_of(err, ERROR_NO_MEMORY, _("out of memory"));
	w.sink = xlsx_sheet_sink(sheet);
	voices_rows(t, &w);
	return xlsx_sheet_end(sheet, path, err);
}

/* --- writing ------------------------------------------------------------- */

static int table_text(struct table *t, struct error *err)
{
	struct csv_writer w = { t->f, t->o->excel, 0, NULL, csv_for_terminal(t->f) };

	if (t->o->voices && t->o->format == REPORT_CSV) {
		if (t->o->excel)
			fputs("\xEF\xBB\xBF", t->f);
		voices_rows(t, &w);
	} else if (t->o->voices) {
		voices_text(t);
	} else if (t->o->format == REPORT_MD) {
		md_write(t);
	} else if (t->o->format == REPORT_HTML) {
		html_write(t);
	} else {
		if (t->o->excel)
			fputs("\xEF\xBB\xBF", t->f);
		csv_rows(t, &w);
	}
	if (fflush(t->f) != 0 || ferror(t->f))
		return error_of(err, ERROR_IO, _("cannot write: %s"), strerror(errno));
	return 0;
}

static int table_run(struct store *s, const struct verification_table_options *o, FILE *out,
		     const char *path, const struct outfile_rules *rules, struct error *err)
{
	struct table t = { .s = s, .o = o, .f = out, .snapshot = -1 };
	int rc = table_begin(&t, err);

	if (rc == 0 && o->format == REPORT_XLSX)
		rc = path ? xlsx_book_file(path, rules, o->voices ? voices_book : table_book, &t, err)
			  : xlsx_book_stream(out, o->voices ? voices_book : table_book, &t, err);
	else if (rc == 0)
		rc = table_text(&t, err);
	table_end(&t);
	return rc;
}

int verification_table_write(struct store *s, const struct verification_table_options *o,
			     FILE *out, struct error *err)
{
	return table_run(s, o, out, NULL, NULL, err);
}

struct table_job {
	struct store *s;
	const struct verification_table_options *o;
};

static int write_table(void *ctx, FILE *f, struct error *err)
{
	struct table_job *job = ctx;

	return verification_table_write(job->s, job->o, f, err);
}

int verification_table_write_file(struct store *s, const struct verification_table_options *o,
				  const char *path, const struct outfile_rules *rules,
				  struct error *err)
{
	struct table_job job = { s, o };

	if (o->format == REPORT_XLSX)
		return table_run(s, o, NULL, path, rules, err);
	return outfile_write(path, rules, write_table, &job, err);
}
