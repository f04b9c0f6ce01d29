/* test_kpi_text.c: the KPI cell, read in the seed's spellings and written back
 * byte for byte as data/strategy.csv holds it; every message for a broken cell. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "kpi_text.h"

#define MAX_ITEMS 4
#define TEXT_MAX 4096
/* Pieces that the tests build cells and messages from. */
#define PIECE_MAX 1024

/* Every distinct 対象KPI cell of data/strategy.csv, as the file has it. */
static const char *const strategy_cells[] = {
	"保育所等入所待機児童数 28人(R6) → 0人(R7)",
	"せわずき・せわやき隊等の組織化 74市町村(R5) → 全市町村(R11)",
	"集落対策を実施している市町村数 157市町村(R5) → 176市町村(R9)",
	"集落対策を実施している市町村数【再掲】 157市町村(R5) → 176市町村(R9)",
	"道内IT企業の従業員数 23,261人(R5) → 27,000人(R15)",
	"移住相談件数(延べ件数) 15,540件(R4) → 19,950件(R11)",
	"移住相談件数(延べ件数)【再掲】 15,540件(R4) → 19,950件(R11)",
	"U・I・Jターン新規就業支援事業など、道の施策により道内企業に就業した人数 182人(R5) → 246人(R11)",
	"U・I・Jターン新規就業支援事業など、道の施策により道内企業に就業した人数【再掲】 182人(R5) → 246人(R11)",
	"関係人口創出・拡大のための首都圏等での交流イベント参加者数 752人(R5) → 940人(R11)",
	"教育旅行における農家等での宿泊者数 3,620人(R5) → 13,000人(R9)",
	"大学等と連携した地域課題解決に向けた取組を行う市町村数 116市町村(R6) → 全市町村(R11)",
	"「アイヌ民族が先住民族であること」の認知度 86.5%(R6) → 93.7%(R10)",
	"「アイヌ民族が先住民族であること」の認知度【再掲】 86.5%(R6) → 93.7%(R10)",
	"「北海道恐竜・化石ネットワーク研究会」構成自治体の関係施設への入込客数 131千人(R5) → 147千人(R11)\n"
	"ジオパーク構成市町村への観光入込客数 19,409千人(R5) → 22,972千人(R11)\n"
	"日本遺産構成市町村への観光入込客数 54,050千人(R5) → 63,223千人(R11)",
	"北のまんが大賞応募作品数 126作品(R5) → 265作品(R7)",
	"食品工業の付加価値額 7,303億円(R3) → 7,900億円(R11)",
	"食品工業の付加価値額【再掲】 7,303億円(R3) → 7,900億円(R11)",
	"商談会等における道産食品等の国内成約件数 2,671件(R5) → 4,072件(R11)",
	"道産食品輸出額 1,511億円(見込額)(R5) → 1,650億円以上(R10)",
	"デジタル関連企業の立地件数 18件(H30～R4平均) → 119件(R7～R11累計)",
	"デジタル関連企業の立地件数【再掲】 18件(H30～R4平均) → 119件(R7～R11累計)",
	"道内IT企業の従業員数【再掲】 23,261人(R5) → 27,000人(R15)",
	"縄文世界遺産認知度 66.0%(R5) → 80.0%(R15)",
};

static int parse(const char *cell, struct kpi_text_item *items)
{
	struct error err;
	int n = -1;

	error_clear(&err);
	if (kpi_text_parse(cell, items, MAX_ITEMS, &n, &err) != 0)
		fail_msg("'%s' refused: %s", cell, err.text);
	assert_string_equal(err.text, "");
	return n;
}

static struct kpi_text_item parse_one(const char *cell)
{
	struct kpi_text_item items[MAX_ITEMS];

	assert_int_equal(parse(cell, items), 1);
	return items[0];
}

static void assert_refused(const char *cell, int max, const char *message)
{
	struct kpi_text_item items[MAX_ITEMS];
	struct error err;
	int n = -1;

	error_clear(&err);
	assert_int_equal(kpi_text_parse(cell, items, max, &n, &err), -1);
	assert_int_equal(n, 0);
	assert_string_equal(err.text, message);
}

static const char *format(const struct kpi_text_item *item)
{
	static char buf[TEXT_MAX];

	return kpi_text_format(item, buf, sizeof buf);
}

/* The cell's KPIs written back, one a line, as a multi-KPI cell holds them. */
static const char *format_cell(const struct kpi_text_item *items, int n)
{
	static char cell[TEXT_MAX];
	char line[TEXT_MAX];
	int i;

	cell[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(cell, "\n");
		strcat(cell, kpi_text_format(&items[i], line, sizeof line));
	}
	return cell;
}

static void assert_period(const struct period *p, int from, int to, enum period_kind kind)
{
	assert_int_equal(p->from, from);
	assert_int_equal(p->to, to);
	assert_int_equal(p->kind, kind);
}

static void assert_year_amount(const struct amount *a, double value, int year)
{
	assert_int_equal(a->present, 1);
	assert_true(a->value == value);
	assert_int_equal(a->estimate, 0);
	assert_int_equal(a->at_least, 0);
	assert_int_equal(a->all_municipalities, 0);
	assert_period(&a->period, year, year, PERIOD_YEAR);
}

static void assert_same_amount(const struct amount *a, const struct amount *b)
{
	assert_int_equal(a->present, b->present);
	assert_true(a->value == b->value);
	assert_int_equal(a->estimate, b->estimate);
	assert_int_equal(a->at_least, b->at_least);
	assert_int_equal(a->all_municipalities, b->all_municipalities);
	assert_period(&a->period, b->period.from, b->period.to, b->period.kind);
}

static void assert_same_item(const struct kpi_text_item *a, const struct kpi_text_item *b)
{
	assert_string_equal(a->name, b->name);
	assert_int_equal(a->relisted, b->relisted);
	assert_string_equal(a->unit, b->unit);
	assert_same_amount(&a->baseline, &b->baseline);
	assert_same_amount(&a->target, &b->target);
}

/* raw reads as the same KPI as canonical, which is written back as it is. */
static void assert_reads_as(const char *raw, const char *canonical)
{
	struct kpi_text_item a = parse_one(raw), b = parse_one(canonical);

	assert_same_item(&a, &b);
	assert_string_equal(format(&a), canonical);
}

static struct kpi_text_item year_item(const char *name, const char *unit, double baseline,
				      int baseline_year, double target, int target_year)
{
	struct kpi_text_item item;

	memset(&item, 0, sizeof item);
	snprintf(item.name, sizeof item.name, "%s", name);
	snprintf(item.unit, sizeof item.unit, "%s", unit);
	item.baseline.present = item.target.present = 1;
	item.baseline.value = baseline;
	item.target.value = target;
	item.baseline.period.from = item.baseline.period.to = baseline_year;
	item.target.period.from = item.target.period.to = target_year;
	return item;
}

/* A text of count copies of s, for names and units at their limits. */
static const char *repeat(const char *s, int count, char *buf)
{
	buf[0] = '\0';
	while (count--)
		strcat(buf, s);
	return buf;
}

static void kpi_text_parse_reads_a_plain_kpi(void **state)
{
	struct kpi_text_item item = parse_one("保育所等入所待機児童数 28人(R6) → 0人(R7)");

	(void)state;
	assert_string_equal(item.name, "保育所等入所待機児童数");
	assert_int_equal(item.relisted, 0);
	assert_string_equal(item.unit, "人");
	assert_year_amount(&item.baseline, 28, 2024);
	assert_year_amount(&item.target, 0, 2025);
}

static void kpi_text_parse_reads_all_municipalities_target(void **state)
{
	struct kpi_text_item item = parse_one("せわずき・せわやき隊等の組織化 74市町村(R5) → 全市町村(R11)");

	(void)state;
	assert_string_equal(item.name, "せわずき・せわやき隊等の組織化");
	assert_string_equal(item.unit, "市町村");
	assert_year_amount(&item.baseline, 74, 2023);
	assert_int_equal(item.target.present, 1);
	assert_int_equal(item.target.all_municipalities, 1);
	assert_true(item.target.value == 0);
	assert_period(&item.target.period, 2029, 2029, PERIOD_YEAR);
}

static void kpi_text_parse_reads_all_municipalities_baseline(void **state)
{
	struct kpi_text_item item = parse_one("全市町村での実施 全市町村(R5) → 179市町村(R11)");

	(void)state;
	assert_string_equal(item.name, "全市町村での実施");
	assert_string_equal(item.unit, "市町村");
	assert_int_equal(item.baseline.all_municipalities, 1);
	assert_period(&item.baseline.period, 2023, 2023, PERIOD_YEAR);
	assert_year_amount(&item.target, 179, 2029);
	assert_string_equal(format(&item), "全市町村での実施 全市町村(R5) → 179市町村(R11)");
}

static void kpi_text_parse_reads_three_kpis_in_one_cell(void **state)
{
	struct kpi_text_item items[MAX_ITEMS];
	const char *cell = strategy_cells[14];

	(void)state;
	assert_int_equal(parse(cell, items), 3);
	assert_string_equal(items[0].name,
			    "「北海道恐竜・化石ネットワーク研究会」構成自治体の関係施設への入込客数");
	assert_string_equal(items[1].name, "ジオパーク構成市町村への観光入込客数");
	assert_string_equal(items[2].name, "日本遺産構成市町村への観光入込客数");
	assert_string_equal(items[1].unit, "千人");
	assert_year_amount(&items[1].baseline, 19409, 2023);
	assert_year_amount(&items[1].target, 22972, 2029);
	assert_year_amount(&items[2].target, 63223, 2029);
	assert_string_equal(format_cell(items, 3), cell);
}

static void kpi_text_parse_reads_estimate_and_at_least(void **state)
{
	struct kpi_text_item item = parse_one("道産食品輸出額 1,511億円(見込額)(R5) → 1,650億円以上(R10)");

	(void)state;
	assert_string_equal(item.name, "道産食品輸出額");
	assert_string_equal(item.unit, "億円");
	assert_true(item.baseline.value == 1511);
	assert_int_equal(item.baseline.estimate, 1);
	assert_int_equal(item.baseline.at_least, 0);
	assert_period(&item.baseline.period, 2023, 2023, PERIOD_YEAR);
	assert_true(item.target.value == 1650);
	assert_int_equal(item.target.estimate, 0);
	assert_int_equal(item.target.at_least, 1);
	assert_period(&item.target.period, 2028, 2028, PERIOD_YEAR);
}

static void kpi_text_parse_reads_qualifiers_in_either_order_and_spaced(void **state)
{
	(void)state;
	assert_reads_as("額 1億円(見込額)以上(R5) → 2億円 以上 （見込額） (R10)",
			"額 1億円以上(見込額)(R5) → 2億円以上(見込額)(R10)");
}

static void kpi_text_parse_reads_average_and_cumulative_periods(void **state)
{
	struct kpi_text_item item = parse_one("デジタル関連企業の立地件数 18件(H30～R4平均) → 119件(R7～R11累計)");

	(void)state;
	assert_string_equal(item.unit, "件");
	assert_true(item.baseline.value == 18);
	assert_period(&item.baseline.period, 2018, 2022, PERIOD_AVG);
	assert_true(item.target.value == 119);
	assert_period(&item.target.period, 2025, 2029, PERIOD_CUM);
}

static void kpi_text_parse_reads_every_wave_and_era_name(void **state)
{
	const char *canonical = "件数 18件(H30～R4平均) → 119件(R7～R11累計)";

	(void)state;
	assert_reads_as("件数 18件(H30〜R4平均) → 119件(R7~R11累計)", canonical);
	assert_reads_as("件数 18件(平成30年度-令和4年度平均) → 119件(2025年度～FY2029累計)", canonical);
	assert_reads_as("件数 18件( H30 ～ R4 平均 ) → 119件(R7 - R11 累計)", canonical);
	assert_reads_as("件数 18件(令和元年度) → 119件(H31)", "件数 18件(R1) → 119件(R1)");
}

static void kpi_text_parse_reads_percent_thousands_and_works(void **state)
{
	struct kpi_text_item percent = parse_one(strategy_cells[12]);
	struct kpi_text_item thousands = parse_one("ジオパーク構成市町村への観光入込客数 19,409千人(R5) → 22,972千人(R11)");
	struct kpi_text_item works = parse_one("北のまんが大賞応募作品数 126作品(R5) → 265作品(R7)");

	(void)state;
	assert_string_equal(percent.unit, "%");
	assert_true(percent.baseline.value == 86.5);
	assert_true(percent.target.value == 93.7);
	assert_string_equal(thousands.unit, "千人");
	assert_true(thousands.baseline.value == 19409);
	assert_string_equal(works.unit, "作品");
	assert_true(works.target.value == 265);
}

static void kpi_text_parse_reads_relisted_mark(void **state)
{
	struct kpi_text_item item = parse_one("移住相談件数(延べ件数)【再掲】 15,540件(R4) → 19,950件(R11)");
	struct kpi_text_item spaced = parse_one("移住相談件数(延べ件数) 【再掲】　15,540件(R4) → 19,950件(R11)");

	(void)state;
	assert_string_equal(item.name, "移住相談件数(延べ件数)");
	assert_int_equal(item.relisted, 1);
	assert_same_item(&spaced, &item);
	assert_string_equal(format(&spaced), "移住相談件数(延べ件数)【再掲】 15,540件(R4) → 19,950件(R11)");
}

static void kpi_text_parse_reads_names_with_spaces_digits_and_parentheses(void **state)
{
	struct kpi_text_item parens = parse_one("セミナー等事業参加企業数（3年累計） 120社(R5) → 150社(R7)");
	struct kpi_text_item spaces = parse_one("「北海道 Society5.0」関連 2 事業 12件(R5) → 20件(R11)");
	struct kpi_text_item comma = parse_one(strategy_cells[7]);

	(void)state;
	assert_string_equal(parens.name, "セミナー等事業参加企業数（3年累計）");
	assert_true(parens.baseline.value == 120);
	assert_string_equal(spaces.name, "「北海道 Society5.0」関連 2 事業");
	assert_true(spaces.baseline.value == 12);
	assert_string_equal(comma.name,
			    "U・I・Jターン新規就業支援事業など、道の施策により道内企業に就業した人数");
}

static void kpi_text_parse_reads_seed_spellings(void **state)
{
	(void)state;
	assert_reads_as("道内IT企業の従業員数 23,261人(R5) → 27,000人(R15)",
			"道内IT企業の従業員数 23,261人(R5) → 27,000人(R15)");
	assert_reads_as("食品工業の付加価値額 7,303 億円(R3) → 7,900 億円(R11)",
			"食品工業の付加価値額 7,303億円(R3) → 7,900億円(R11)");
	assert_reads_as("大学等と連携した地域課題解決に向けた取組を行う市町村数 116 市町村(R6) → 全市町村(R11)",
			"大学等と連携した地域課題解決に向けた取組を行う市町村数 116市町村(R6) → 全市町村(R11)");
	assert_reads_as("北のまんが大賞応募作品数 126 作品(R5) → 265 作品(R7)",
			"北のまんが大賞応募作品数 126作品(R5) → 265作品(R7)");
}

static void kpi_text_parse_reads_full_width_parentheses_and_digits(void **state)
{
	(void)state;
	assert_reads_as("道産食品輸出額　１，５１１億円（見込額）（令和５年度）→１，６５０億円以上（R１０）",
			"道産食品輸出額 1,511億円(見込額)(R5) → 1,650億円以上(R10)");
	assert_reads_as("縄文世界遺産認知度 ６６．５％(R5) → ８０％(R15)",
			"縄文世界遺産認知度 66.5％(R5) → 80％(R15)");
}

static void kpi_text_parse_reads_ascii_and_double_arrows(void **state)
{
	const char *canonical = "保育所等入所待機児童数 28人(R6) → 0人(R7)";

	(void)state;
	assert_reads_as("保育所等入所待機児童数 28人(R6) -> 0人(R7)", canonical);
	assert_reads_as("保育所等入所待機児童数 28人(R6)->0人(R7)", canonical);
	assert_reads_as("保育所等入所待機児童数 28人(R6) ⇒ 0人(R7)", canonical);
	assert_reads_as("保育所等入所待機児童数28人(R6)→0人(R7)", canonical);
}

static void kpi_text_parse_reads_negative_baseline(void **state)
{
	struct kpi_text_item item = parse_one("人口の社会増減 -1,234人(R5) → －100人(R11)");

	(void)state;
	assert_true(item.baseline.value == -1234);
	assert_true(item.target.value == -100);
	assert_string_equal(item.name, "人口の社会増減");
	assert_string_equal(format(&item), "人口の社会増減 -1,234人(R5) → -100人(R11)");
}

static void kpi_text_parse_skips_blank_lines_crlf_and_spaces(void **state)
{
	struct kpi_text_item items[MAX_ITEMS];
	const char *cell = "\r\n  保育所等入所待機児童数 28人(R6) → 0人(R7)  \r\n\r\n"
			   "　道内IT企業の従業員数　23,261人(R5)　→　27,000人(R15)　\r\n \n";

	(void)state;
	assert_int_equal(parse(cell, items), 2);
	assert_string_equal(format_cell(items, 2), "保育所等入所待機児童数 28人(R6) → 0人(R7)\n"
						   "道内IT企業の従業員数 23,261人(R5) → 27,000人(R15)");
}

static void kpi_text_parse_reads_several_kpis_on_one_line(void **state)
{
	struct kpi_text_item items[MAX_ITEMS];

	(void)state;
	/* 000 line 28: the PDF extraction put ⑫'s three KPIs on one line. */
	assert_int_equal(parse("「北海道恐竜・化石ネットワーク研究会」構成自治体の関係施設への入込客数 131 千人(R5) → 147 千人(R11) "
			       "ジオパーク構成市町村への観光入込客数 19,409 千人(R5) → 22,972 千人(R11) "
			       "日本遺産構成市町村への観光入込客数 54,050 千人(R5) → 63,223 千人(R11)",
			       items), 3);
	assert_string_equal(format_cell(items, 3), strategy_cells[14]);
}

static void kpi_text_format_writes_back_every_strategy_kpi(void **state)
{
	struct kpi_text_item items[MAX_ITEMS], again[MAX_ITEMS];
	size_t i;
	int j, n;

	(void)state;
	for (i = 0; i < sizeof strategy_cells / sizeof strategy_cells[0]; i++) {
		n = parse(strategy_cells[i], items);
		assert_string_equal(format_cell(items, n), strategy_cells[i]);
		assert_int_equal(parse(format_cell(items, n), again), n);
		for (j = 0; j < n; j++)
			assert_same_item(&again[j], &items[j]);
	}
}

/* A known loss: the item holds a double and no count of decimals, so the
 * seed's 66.0% comes back as 66%. */
static void kpi_text_format_keeps_decimal_places_as_written(void **state)
{
	struct kpi_text_item item = parse_one("認知度 66.0%(R5) → 80.25%(R15)");

	(void)state;
	assert_true(item.baseline.value == 66);
	assert_int_equal(item.baseline.decimals, 1);
	assert_int_equal(item.target.decimals, 2);
	assert_string_equal(format(&item), "認知度 66.0%(R5) → 80.25%(R15)");
	item = parse_one("認知度 ６６．０%(R5) → 1,234.50%(R15)");
	assert_string_equal(format(&item), "認知度 66.0%(R5) → 1,234.50%(R15)");
}

static void kpi_text_format_then_parse_gives_the_same_item(void **state)
{
	struct kpi_text_item items[5], back;
	int i;

	(void)state;
	items[0] = year_item("保育所等入所待機児童数", "人", 28, 2024, 0, 2025);
	items[1] = year_item("大きな値", "円", 1234567.5, 2018, -0.25, 2030);
	items[1].relisted = 1;
	items[2] = year_item("道産食品輸出額", "億円", 1511, 2023, 1650, 2028);
	items[2].baseline.estimate = items[2].target.estimate = 1;
	items[2].baseline.at_least = items[2].target.at_least = 1;
	items[3] = year_item("全市町村で", "市町村", 0, 2023, 0, 2029);
	items[3].baseline.all_municipalities = items[3].target.all_municipalities = 1;
	items[4] = year_item("件数 (延べ)", "件", 18, 2018, 119, 2025);
	items[4].baseline.period = (struct period){ 2018, 2022, PERIOD_AVG };
	items[4].target.period = (struct period){ 2025, 2029, PERIOD_CUM };
	for (i = 0; i < 5; i++) {
		back = parse_one(format(&items[i]));
		if (items[i].target.all_municipalities && items[i].baseline.all_municipalities)
			items[i].unit[0] = '\0';	/* nothing in the text keeps it */
		assert_same_item(&back, &items[i]);
	}
	assert_string_equal(format(&items[1]), "大きな値【再掲】 1,234,567.5円(H30) → -0.25円(R12)");
	assert_string_equal(format(&items[2]),
			    "道産食品輸出額 1,511億円以上(見込額)(R5) → 1,650億円以上(見込額)(R10)");
	assert_string_equal(format(&items[3]), "全市町村で 全市町村(R5) → 全市町村(R11)");
}

static void kpi_text_format_writes_absent_amount_as_dash(void **state)
{
	struct kpi_text_item item = year_item("新規就業者数", "人", 0, 2019, 30, 2021);

	(void)state;
	item.baseline.present = 0;
	assert_string_equal(format(&item), "新規就業者数 — → 30人(R3)");
}

static void kpi_text_format_cuts_short_between_characters(void **state)
{
	struct kpi_text_item item = parse_one("保育所等入所待機児童数 28人(R6) → 0人(R7)");
	char buf[11];

	(void)state;
	assert_string_equal(kpi_text_format(&item, buf, sizeof buf), "保育所");
	assert_string_equal(kpi_text_format(&item, buf, 10), "保育所");
	assert_string_equal(kpi_text_format(&item, buf, 9), "保育");
	assert_string_equal(kpi_text_format(&item, buf, 1), "");
}

static void kpi_text_period_writes_year_average_and_cumulative(void **state)
{
	struct period year = { 2024, 2024, PERIOD_YEAR };
	struct period avg = { 2018, 2022, PERIOD_AVG };
	struct period cum = { 2025, 2029, PERIOD_CUM };
	struct period first = { 2019, 2019, PERIOD_YEAR };
	char buf[64], small[8];

	(void)state;
	assert_string_equal(kpi_text_period(&year, buf, sizeof buf), "R6");
	assert_string_equal(kpi_text_period(&avg, buf, sizeof buf), "H30～R4平均");
	assert_string_equal(kpi_text_period(&cum, buf, sizeof buf), "R7～R11累計");
	assert_string_equal(kpi_text_period(&first, buf, sizeof buf), "R1");
	assert_string_equal(kpi_text_period(&avg, small, sizeof small), "H30～R");
}

static void kpi_text_refuses_empty_cell(void **state)
{
	(void)state;
	assert_refused("", MAX_ITEMS, "empty KPI cell");
	assert_refused(" \r\n　\n\t\n", MAX_ITEMS, "empty KPI cell");
}

static void kpi_text_refuses_cell_without_arrow(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28人(R6) 0人(R7)", MAX_ITEMS,
		       "no arrow (→) between baseline and target in '保育所等入所待機児童数 28人(R6) 0人(R7)'");
	assert_refused("保育所等入所待機児童数 28人(R6) → 0人(R7)\n備考", MAX_ITEMS,
		       "no arrow (→) between baseline and target in '備考'");
}

static void kpi_text_refuses_text_after_target(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28人(R6) → 0人(R7) 注記あり", MAX_ITEMS,
		       "text after the target that is not a KPI: '注記あり'");
}

static void kpi_text_refuses_baseline_without_period(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28人 → 0人(R7)", MAX_ITEMS,
		       "no period in parentheses after the baseline in '保育所等入所待機児童数 28人 → 0人(R7)'");
	assert_refused("道産食品輸出額 1,511億円(見込額) → 1,650億円(R10)", MAX_ITEMS,
		       "no period in parentheses after the baseline in '道産食品輸出額 1,511億円(見込額) → 1,650億円(R10)'");
}

static void kpi_text_refuses_target_without_period(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28人(R6) → 0人", MAX_ITEMS,
		       "no period in parentheses after the target in '保育所等入所待機児童数 28人(R6) → 0人'");
	assert_refused("道産食品輸出額 1,511億円(R5) → 1,650億円(見込額)", MAX_ITEMS,
		       "no period in parentheses after the target in '道産食品輸出額 1,511億円(R5) → 1,650億円(見込額)'");
	assert_refused("額 1億円(R5) → 2億円(R10", MAX_ITEMS,
		       "no period in parentheses after the target in '額 1億円(R5) → 2億円(R10'");
}

static void kpi_text_refuses_baseline_without_number(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 人(R6) → 0人(R7)", MAX_ITEMS,
		       "no number in the baseline of '保育所等入所待機児童数 人(R6) → 0人(R7)'");
	assert_refused("(R6) → 0人(R7)", MAX_ITEMS, "no number in the baseline of '(R6) → 0人(R7)'");
}

static void kpi_text_refuses_target_without_number(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28人(R6) → 人(R7)", MAX_ITEMS,
		       "no number in the target of '保育所等入所待機児童数 28人(R6) → 人(R7)'");
	assert_refused("保育所等入所待機児童数 28人(R6) →", MAX_ITEMS,
		       "no number in the target of '保育所等入所待機児童数 28人(R6) →'");
}

static void kpi_text_refuses_number_without_unit(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28(R6) → 0人(R7)", MAX_ITEMS,
		       "no unit after the number in the baseline of '保育所等入所待機児童数 28(R6) → 0人(R7)'");
	assert_refused("保育所等入所待機児童数 28人(R6) → 0 (R7)", MAX_ITEMS,
		       "no unit after the number in the target of '保育所等入所待機児童数 28人(R6) → 0 (R7)'");
	assert_refused("額 1億円(R5) → 2以上(R10)", MAX_ITEMS,
		       "no unit after the number in the target of '額 1億円(R5) → 2以上(R10)'");
}

static void kpi_text_refuses_bad_number(void **state)
{
	(void)state;
	assert_refused("道内IT企業の従業員数 23,26人(R5) → 27,000人(R15)", MAX_ITEMS,
		       "misplaced thousands comma in '23,26' in '道内IT企業の従業員数 23,26人(R5) → 27,000人(R15)'");
	assert_refused("認知度 86.5.1%(R6) → 93.7%(R10)", MAX_ITEMS,
		       "not a number: '86.5.1' in '認知度 86.5.1%(R6) → 93.7%(R10)'");
	assert_refused("認知度 86.5%(R6) → +%(R10)", MAX_ITEMS,
		       "no number in the target of '認知度 86.5%(R6) → +%(R10)'");
}

static void kpi_text_refuses_number_too_long_to_read(void **state)
{
	char cell[TEXT_MAX], message[TEXT_MAX], digits[PIECE_MAX], token[PIECE_MAX];

	(void)state;
	snprintf(cell, sizeof cell, "額 %s円(R5) → 1円(R10)", repeat("1", 96, digits));
	/* 23 digits of the token and 77 of the KPI, each cut with an ellipsis. */
	snprintf(message, sizeof message, "number too long: '%s…' in '額 %s…'",
		 repeat("1", 23, token), repeat("1", 77, digits));
	assert_refused(cell, MAX_ITEMS, message);
}

/* A value is kept only as written (number.h): 15 digits are, 1e71 (72
 * digits, once accepted and written back with 23 commas) is refused. */
static void kpi_text_refuses_number_it_could_not_read_back(void **state)
{
	char cell[TEXT_MAX], message[TEXT_MAX], zeros[PIECE_MAX];
	struct kpi_text_item item;

	(void)state;
	item = parse_one("額 100,000,000,000,000円(R5) → 1円(R10)");
	assert_true(item.baseline.value == 1e14);
	assert_string_equal(format(&item), "額 100,000,000,000,000円(R5) → 1円(R10)");

	snprintf(cell, sizeof cell, "額 1%s円(R5) → 1円(R10)", repeat("0", 71, zeros));
	snprintf(message, sizeof message, "cannot be stored exactly: '1%s' (at most 15 significant"
		 " digits, 15 before the point and 15 after it) in '額 1%s円(R5)…'", zeros, zeros);
	assert_refused(cell, MAX_ITEMS, message);
}

static void kpi_text_refuses_unknown_fiscal_year(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28人(R6x) → 0人(R7)", MAX_ITEMS,
		       "not a fiscal year: 'R6x' in '保育所等入所待機児童数 28人(R6x) → 0人(R7)'");
	assert_refused("保育所等入所待機児童数 28人(H32) → 0人(R7)", MAX_ITEMS,
		       "not a fiscal year: 'H32' (heisei ends with H31 = R1 = 2019) in "
		       "'保育所等入所待機児童数 28人(H32) → 0人(R7)'");
	assert_refused("保育所等入所待機児童数 28人(R6) → 0人()", MAX_ITEMS,
		       "not a fiscal year: '' in '保育所等入所待機児童数 28人(R6) → 0人()'");
}

static void kpi_text_refuses_fiscal_year_too_long_to_read(void **state)
{
	char cell[TEXT_MAX], years[PIECE_MAX];

	(void)state;
	snprintf(cell, sizeof cell, "額 1円(%s) → 2円(R10)", repeat("年", 32, years));
	assert_refused(cell, MAX_ITEMS,
		       "not a fiscal year: '年年年年年年年年年年年年年年年年年年年年年年年…' in "
		       "'額 1円(年年年年年年年年年年年年年年年年年年年年年年年年年年年年年年年年) → 2円(R10)'");
}

static void kpi_text_refuses_backward_period(void **state)
{
	(void)state;
	assert_refused("件数 18件(R4～H30平均) → 119件(R7～R11累計)", MAX_ITEMS,
		       "period runs backwards ('R4～H30平均') in '件数 18件(R4～H30平均) → 119件(R7～R11累計)'");
}

static void kpi_text_refuses_range_without_average_or_cumulative(void **state)
{
	(void)state;
	assert_refused("件数 18件(H30～R4) → 119件(R11)", MAX_ITEMS,
		       "a range of years needs 平均 or 累計 ('H30～R4') in '件数 18件(H30～R4) → 119件(R11)'");
}

static void kpi_text_refuses_average_or_cumulative_of_one_year(void **state)
{
	(void)state;
	assert_refused("件数 18件(R4平均) → 119件(R11)", MAX_ITEMS,
		       "平均 needs a range of years ('R4平均') in '件数 18件(R4平均) → 119件(R11)'");
	assert_refused("件数 18件(R4) → 119件(R11累計)", MAX_ITEMS,
		       "累計 needs a range of years ('R11累計') in '件数 18件(R4) → 119件(R11累計)'");
}

static void kpi_text_refuses_different_units(void **state)
{
	(void)state;
	assert_refused("保育所等入所待機児童数 28人(R6) → 0件(R7)", MAX_ITEMS,
		       "baseline and target units differ ('人' and '件') in '保育所等入所待機児童数 28人(R6) → 0件(R7)'");
}

static void kpi_text_refuses_kpi_without_name(void **state)
{
	(void)state;
	assert_refused("  28人(R6) → 0人(R7)", MAX_ITEMS, "a KPI with no name in '28人(R6) → 0人(R7)'");
	assert_refused("【再掲】 28人(R6) → 0人(R7)", MAX_ITEMS,
		       "a KPI with no name in '【再掲】 28人(R6) → 0人(R7)'");
}

static void kpi_text_refuses_more_kpis_than_room(void **state)
{
	(void)state;
	assert_refused(strategy_cells[14], 2, "more than 2 KPIs in one cell");
}

static void kpi_text_reads_name_of_511_bytes_and_refuses_512(void **state)
{
	char cell[TEXT_MAX], name[PIECE_MAX], message[TEXT_MAX], quoted[PIECE_MAX];
	struct kpi_text_item item;

	(void)state;
	/* 170 three-byte characters and one byte: the longest name there is room for. */
	snprintf(name, sizeof name, "%sa", repeat("あ", 170, quoted));
	snprintf(cell, sizeof cell, "%s 28人(R6) → 0人(R7)", name);
	item = parse_one(cell);
	assert_string_equal(item.name, name);
	assert_string_equal(format(&item), cell);

	/* 171 of them, 513 bytes: refused, never cut to fit. */
	snprintf(cell, sizeof cell, "%s 28人(R6) → 0人(R7)", repeat("あ", 171, name));
	snprintf(message, sizeof message, "name longer than 511 bytes in '%s…'", repeat("あ", 79, quoted));
	assert_refused(cell, MAX_ITEMS, message);
}

static void kpi_text_reads_unit_of_31_bytes_and_refuses_32(void **state)
{
	char cell[TEXT_MAX], unit[PIECE_MAX];
	struct kpi_text_item item;

	(void)state;
	snprintf(cell, sizeof cell, "件数 1%sa(R6) → 2%sa(R7)", repeat("単", 10, unit), unit);
	item = parse_one(cell);
	assert_int_equal(strlen(item.unit), 31);
	assert_string_equal(format(&item), cell);

	snprintf(cell, sizeof cell, "件数 1%s(R6) → 2人(R7)", repeat("単", 11, unit));
	assert_refused(cell, MAX_ITEMS,
		       "unit longer than 31 bytes in '件数 1単単単単単単単単単単単(R6) → 2人(R7)'");
	snprintf(cell, sizeof cell, "件数 1人(R6) → 2%s(R7)", unit);
	assert_refused(cell, MAX_ITEMS,
		       "unit longer than 31 bytes in '件数 1人(R6) → 2単単単単単単単単単単単(R7)'");
}

static void kpi_text_quotes_at_most_80_characters_of_a_kpi(void **state)
{
	char cell[PIECE_MAX], name[PIECE_MAX], message[TEXT_MAX];

	(void)state;
	/* The quotation stops after 79 characters, all of them whole. */
	snprintf(cell, sizeof cell, "%s 28人(R6) → 0件(R7)", repeat("名", 100, name));
	snprintf(message, sizeof message, "baseline and target units differ ('人' and '件') in '%s…'",
		 repeat("名", 79, name));
	assert_refused(cell, MAX_ITEMS, message);

	/* Exactly 80 characters are quoted whole. */
	snprintf(cell, sizeof cell, "%s 28人(R6) → 0件(R7)", repeat("名", 63, name));
	snprintf(message, sizeof message, "baseline and target units differ ('人' and '件') in '%s'", cell);
	assert_refused(cell, MAX_ITEMS, message);
}

static void kpi_text_survives_broken_utf8(void **state)
{
	struct kpi_text_item items[MAX_ITEMS];
	struct error err;
	int n;

	(void)state;
	/* A lone lead byte at the end and stray continuation bytes: refused
	 * with a message, never read past the end. */
	assert_int_equal(kpi_text_parse("\xe4 28\x80\x80\x80\x80\x80人(R6) → 0人(\xe4", items,
					MAX_ITEMS, &n, &err), -1);
	assert_int_equal(kpi_text_parse("名 1\xe4(R6) → 2\xe4", items, MAX_ITEMS, &n, &err), -1);
	assert_string_equal(err.text, "no period in parentheses after the target in '名 1\xe4(R6) → 2\xe4'");
}

/* Found by the fuzzer (tests/fuzz/crashes/kpi_text/crash-182d7e9a...): a
 * name of broken UTF-8 and digits, a full-width point, then more digits:
 * the number read, but written back with its decimals it was too long to
 * read again. Now it is refused as too long in the first place. */
static void kpi_text_refuses_a_number_too_long_once_written_with_its_decimals(void **state)
{
	char cell[512];
	struct kpi_text_item items[4];
	struct error err;
	int n;

	(void)state;
	snprintf(cell, sizeof cell, "\xe9\xa3%s．%s%s%s 億円(R3) → 7,900 億円(R11)",
		 "8888888888888888888888888888", "44444444",
		 "8888888888888888888888888888888888888888888888888", "44444");
	assert_int_equal(kpi_text_parse(cell, items, 4, &n, &err), -1);
	assert_non_null(strstr(err.text, "cannot be stored exactly: "));
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kpi_text_refuses_a_number_too_long_once_written_with_its_decimals),
		cmocka_unit_test(kpi_text_parse_reads_a_plain_kpi),
		cmocka_unit_test(kpi_text_parse_reads_all_municipalities_target),
		cmocka_unit_test(kpi_text_parse_reads_all_municipalities_baseline),
		cmocka_unit_test(kpi_text_parse_reads_three_kpis_in_one_cell),
		cmocka_unit_test(kpi_text_parse_reads_estimate_and_at_least),
		cmocka_unit_test(kpi_text_parse_reads_qualifiers_in_either_order_and_spaced),
		cmocka_unit_test(kpi_text_parse_reads_average_and_cumulative_periods),
		cmocka_unit_test(kpi_text_parse_reads_every_wave_and_era_name),
		cmocka_unit_test(kpi_text_parse_reads_percent_thousands_and_works),
		cmocka_unit_test(kpi_text_parse_reads_relisted_mark),
		cmocka_unit_test(kpi_text_parse_reads_names_with_spaces_digits_and_parentheses),
		cmocka_unit_test(kpi_text_parse_reads_seed_spellings),
		cmocka_unit_test(kpi_text_parse_reads_full_width_parentheses_and_digits),
		cmocka_unit_test(kpi_text_parse_reads_ascii_and_double_arrows),
		cmocka_unit_test(kpi_text_parse_reads_negative_baseline),
		cmocka_unit_test(kpi_text_parse_skips_blank_lines_crlf_and_spaces),
		cmocka_unit_test(kpi_text_parse_reads_several_kpis_on_one_line),
		cmocka_unit_test(kpi_text_format_writes_back_every_strategy_kpi),
		cmocka_unit_test(kpi_text_format_keeps_decimal_places_as_written),
		cmocka_unit_test(kpi_text_format_then_parse_gives_the_same_item),
		cmocka_unit_test(kpi_text_format_writes_absent_amount_as_dash),
		cmocka_unit_test(kpi_text_format_cuts_short_between_characters),
		cmocka_unit_test(kpi_text_period_writes_year_average_and_cumulative),
		cmocka_unit_test(kpi_text_refuses_empty_cell),
		cmocka_unit_test(kpi_text_refuses_cell_without_arrow),
		cmocka_unit_test(kpi_text_refuses_text_after_target),
		cmocka_unit_test(kpi_text_refuses_baseline_without_period),
		cmocka_unit_test(kpi_text_refuses_target_without_period),
		cmocka_unit_test(kpi_text_refuses_baseline_without_number),
		cmocka_unit_test(kpi_text_refuses_target_without_number),
		cmocka_unit_test(kpi_text_refuses_number_without_unit),
		cmocka_unit_test(kpi_text_refuses_bad_number),
		cmocka_unit_test(kpi_text_refuses_number_too_long_to_read),
		cmocka_unit_test(kpi_text_refuses_number_it_could_not_read_back),
		cmocka_unit_test(kpi_text_refuses_unknown_fiscal_year),
		cmocka_unit_test(kpi_text_refuses_fiscal_year_too_long_to_read),
		cmocka_unit_test(kpi_text_refuses_backward_period),
		cmocka_unit_test(kpi_text_refuses_range_without_average_or_cumulative),
		cmocka_unit_test(kpi_text_refuses_average_or_cumulative_of_one_year),
		cmocka_unit_test(kpi_text_refuses_different_units),
		cmocka_unit_test(kpi_text_refuses_kpi_without_name),
		cmocka_unit_test(kpi_text_refuses_more_kpis_than_room),
		cmocka_unit_test(kpi_text_reads_name_of_511_bytes_and_refuses_512),
		cmocka_unit_test(kpi_text_reads_unit_of_31_bytes_and_refuses_32),
		cmocka_unit_test(kpi_text_quotes_at_most_80_characters_of_a_kpi),
		cmocka_unit_test(kpi_text_survives_broken_utf8),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
