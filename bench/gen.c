/* gen.c: benchmark data for kpitree, made up but shaped like the bundled
 * data: for each of N municipalities, five strategies laid out as the
 * government's wide table (29 content rows, 19 KPIs, 12 re-listings),
 * and ten fiscal years of values for every KPI.
 *
 *     gen DIR [MUNICIPALITIES]      (default 1741)
 *
 * writes DIR/strategy.csv and DIR/values.csv and prints the counts. It
 * reads nothing, and the same arguments always give the same bytes: the
 * random numbers come from its own generator with a fixed seed. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof(a)[0])
#define DEFAULT_MUNICIPALITIES 1741
#define MAX_MUNICIPALITIES 9999	/* codes are M0001…M9999 */
#define STRATEGIES 5		/* per municipality */
#define KPIS 19			/* per strategy */
#define YEARS 10
#define ALL_MUNICIPALITIES 179	/* kpitree's default setting */

/* ---- random numbers: a 64-bit LCG (Knuth's MMIX constants) ---- */

static uint64_t lcg_state = 0x6b70697472656531u;

static uint32_t next_random(void)
{
	lcg_state = lcg_state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(lcg_state >> 32);
}

/* 0 … n-1 */
static int rnd(int n)
{
	return (int)(next_random() % (uint32_t)n);
}

/* lo … hi */
static long range(long lo, long hi)
{
	return lo + (long)(next_random() % (uint32_t)(hi - lo + 1));
}

/* Picks k distinct indices of 0 … n-1 into out (k <= n <= 64). */
static void pick_distinct(int n, int k, int *out)
{
	int all[64], i;

	for (i = 0; i < n; i++)
		all[i] = i;
	for (i = 0; i < k; i++) {
		int j = i + rnd(n - i), t = all[i];

		all[i] = all[j];
		all[j] = t;
		out[i] = all[i];
	}
}

/* ---- the vocabulary ---- */

static const char *const name_first[] = {
	"北", "旭", "函", "釧", "帯", "苫", "江", "小", "岩", "美",
	"留", "稚", "根", "網", "紋", "夕", "深", "砂", "富", "名",
	"滝", "石", "登", "恵", "伊", "千", "室", "赤", "芦", "歌",
	"上", "中", "下", "東", "西", "南", "白", "黒", "大", "新",
};
static const char *const name_second[] = {
	"見", "川", "館", "路", "広", "牧", "別", "樽", "沢", "唄",
	"萌", "内", "蘭", "走", "瞥", "張", "野", "良", "田", "庭",
	"幌", "岡", "山", "原", "浦", "津", "部", "平", "丘", "森",
	"里", "瀬", "根", "浜", "崎", "谷", "島", "音", "和", "笛",
};
static const char *const name_kind[] = { "市", "町", "村" };
/* beyond the 4,800 names of the lists above */
static const char *const name_prefix[] = { "", "新", "東", "西" };

static const char *const projects[] = {
	"「誰もが安心して暮らせるまちづくり」プロジェクト",
	"「ひとを育み、受け入れ、未来につなぐひとづくり」プロジェクト",
	"「未来技術を育て、活かす地域づくり」プロジェクト",
	"「地域の強みを活かしたしごとづくり」プロジェクト",
	"「子育て世代に選ばれるまちづくり」プロジェクト",
	"「人と人がつながる交流のまちづくり」プロジェクト",
	"「豊かな自然と共生する持続可能なまちづくり」プロジェクト",
	"「稼ぐ力を高める産業振興」プロジェクト",
};

static const char *const basics[] = {
	"一人ひとりの希望をかなえる社会をつくる",
	"地域の魅力を高め、地域への人の流れをつくる",
	"安心して暮らせる豊かな地域をつくる",
	"地域に根ざした産業を育て、安定した雇用をつくる",
	"若い世代の結婚・出産・子育ての希望をかなえる",
	"時代に合った地域をつくり、安心なくらしを守る",
};

static const char *const measures[] = {
	"安心して子どもを産み育てられる環境の整備",
	"将来を見据えた地域コミュニティの維持",
	"地域の可能性を広げるデジタル化に向けた環境整備",
	"移住・定住の促進",
	"関係人口の創出・拡大",
	"地域独自の自然・歴史・文化を活かした魅力の発信",
	"次世代を担う産業の集積と人材の育成",
	"地域交通の確保と生活基盤の維持",
	"健康で生きがいを持って暮らせる地域づくり",
	"農林水産業の振興と担い手の確保",
	"観光の振興と受入体制の整備",
	"防災・減災対策の推進",
	"若者の地元定着と就業の支援",
	"脱炭素社会の実現に向けた取組の推進",
	"教育環境の充実と地域を支える人づくり",
	"中小企業の経営基盤の強化",
};

static const char *const items[] = {
	"待機児童の解消をはじめ仕事と育児の両立ができる環境整備",
	"誰もが安心して住み続けられる地域づくり",
	"自治体のデジタル・トランスフォーメーション(DX)の推進",
	"官民連携による移住・定住の取組推進",
	"地域の産業を支える人材の確保",
	"まちに興味・関心のある人とのつながりの創出",
	"地方への関心の高まりを移住につなげる取組の推進",
	"都市と農村の交流の促進",
	"若者の地域に対する愛着の醸成",
	"自然・歴史や文化の発信",
	"地域文化の振興や魅力ある文化の創造",
	"食クラスター活動の展開",
	"地域産品の国内外への販路拡大",
	"データセンターやデジタル関連産業の誘致",
	"地域公共交通の維持・確保",
	"買い物や通院などの生活支援の充実",
	"高齢者の社会参加と健康づくりの推進",
	"新規就農者の確保と経営の安定化",
	"観光客の受入環境の整備と周遊の促進",
	"自主防災組織の育成と防災意識の向上",
	"地元企業と若者のマッチングの推進",
	"再生可能エネルギーの導入促進",
	"ふるさと教育の推進",
	"事業承継と創業の支援",
	"空き家の利活用の促進",
	"結婚を希望する若者への支援",
	"地域の担い手となる人材の育成",
	"スマート農業の導入支援",
	"外国人観光客の誘致と受入環境の整備",
	"商店街のにぎわいの創出",
};

/* Content: an opening, one or two middles, an ending. Middles are taken
 * without repeats within a strategy, so no two content rows are alike. */
static const char *const openings[] = {
	"人口減少や少子高齢化が全国を上回るスピードで進行する中、",
	"地域の実情や住民のニーズを的確に捉え、",
	"国や道、関係機関と緊密に連携しながら、",
	"町内会やNPO、民間事業者など多様な主体と協働し、",
	"コロナ禍を契機とした人々の意識や行動の変化を踏まえ、",
	"地域の強みである豊かな自然環境と食を活かし、",
	"デジタル技術の急速な進展を好機と捉え、",
	"次代を担う子どもたちが健やかに育つよう、",
	"誰もが住み慣れた地域で安心して暮らし続けられるよう、",
	"地域経済の持続的な発展に向けて、",
};
static const char *const middles[] = {
	"保育所や認定こども園の計画的な整備を進めるとともに、",
	"子育て世帯の経済的な負担の軽減や相談体制の充実を図り、",
	"地域の子育て支援活動を幅広く展開し、",
	"集落の維持・活性化に向けた住民の主体的な取組を支援するとともに、",
	"先進的な取組事例の普及・発信や地域を支える人材の確保・育成に取り組み、",
	"買い物や通院、見守りなどを支援する仕組みづくりを進め、",
	"産学官による推進体制を構築し、",
	"行政手続のオンライン化や窓口のデジタル化を進めるとともに、",
	"大都市圏での移住フェアや相談会を開催し、",
	"オンラインによる移住相談や仕事の紹介を充実させ、",
	"お試し暮らしや二地域居住の取組を促進するとともに、",
	"U・I・Jターンによる就業を支援し、",
	"首都圏等での交流イベントやふるさと納税を通じたつながりを深め、",
	"教育旅行や農業体験の受入体制を整え、",
	"大学等と連携した地域課題の解決に向けた取組を促進し、",
	"アイヌ文化をはじめとする地域の歴史や文化への理解を深め、",
	"世界遺産や日本遺産など地域の貴重な資源を活かした観光振興を図り、",
	"文化芸術活動の担い手を育成するとともに、",
	"食関連産業の付加価値の向上と販路の拡大を進め、",
	"商談会への出展や海外の見本市でのPRを支援し、",
	"データセンターやデジタル関連企業の立地を促進するとともに、",
	"地域公共交通計画に基づく持続可能な交通網の形成を図り、",
	"高齢者の通いの場や健康づくりの機会を充実させ、",
	"新規就農者の研修や農地の確保を支援するとともに、",
	"観光案内の多言語化やキャッシュレス決済の導入を進め、",
	"自主防災組織の結成や防災訓練への参加を促進し、",
	"地元企業の魅力を若者に伝える機会を設けるとともに、",
	"再生可能エネルギーの地産地消に向けた取組を進め、",
	"ふるさと教育や地域学習の充実を図るとともに、",
	"事業承継や創業に向けた相談体制を充実させ、",
	"空き家バンクの活用や改修への支援を進めるとともに、",
	"出会いの場の創出や結婚に向けた支援を行い、",
	"スマート農業技術の実証と導入を支援し、",
	"商店街の空き店舗を活用したにぎわいの創出を図り、",
	"地域おこし協力隊の受入れと定着を支援し、",
	"ICTを活用した遠隔教育や地域の学びの場づくりを進め、",
};
static const char *const endings[] = {
	"待機児童の解消を図る。",
	"地域の子育て支援の気運を高め、子育てしやすい環境づくりを促進する。",
	"誰もが居場所と役割を持ち活躍できるコミュニティづくりを支援する。",
	"デジタル技術を活用した地域課題の解決を促進する。",
	"移住・定住の一層の促進を図る。",
	"地域の産業を支える人材の確保に取り組む。",
	"関係人口の創出・拡大を図る。",
	"地域への愛着と誇りを育む。",
	"国内外への魅力の発信を強化する。",
	"地域経済の活性化と雇用の創出を図る。",
	"住民の暮らしの安全・安心を確保する。",
	"持続可能な地域社会の実現を目指す。",
};

static const char *const menus[] = {
	"社会福祉振興事業",
	"デジタルチャレンジ推進事業",
	"集落デマンド交通導入事業",
	"集落巡回販売(買物支援)事業",
	"その他集落の維持活性化に資する事業",
	"産業観光振興事業",
	"地域情報化振興事業",
	"移住・定住促進事業",
	"地域文化振興事業",
	"人材育成・確保事業",
};

static const char *const examples[] = {
	"待機児童の解消を図るための取組",
	"子育て支援団体等に関する広報普及事業",
	"集落の維持や活性化を図るための事業",
	"デジタル関連企業の誘致に向けたPR等の事業",
	"移住フェア・相談会の開催事業",
	"就業・定住に向けた支援事業",
	"交流イベントの開催事業",
	"教育旅行の受入体制づくりの事業",
	"大学等と連携した地域づくり事業",
	"地域の歴史・文化の普及啓発事業",
	"観光資源を活かした誘客促進事業",
	"文化芸術活動の振興事業",
	"地域産品のブランド化と販路拡大の事業",
	"商談会・見本市への出展支援事業",
	"企業立地の促進に向けた環境整備事業",
};
static const char *const ai_examples[] = {
	"地域子育て支援活動の可視化や参加促進に資するICT等を活用した新規性のある実証事業",
	"生活交通の確保や買い物支援などの対策にデジタル技術を活用した新規性のある実証事業",
	"AI分析で将来の集落の姿を可視化し、対策の検討を行う事業",
	"オンライン移住相談とAIチャットボットによる情報提供の実証事業",
	"人流データの分析に基づく観光プロモーションの実証事業",
	"VR・ARを活用した歴史・文化資源の発信事業",
	"ECサイトとSNS分析を組み合わせた地域産品の販路拡大の実証事業",
	"オンライン商談システムを活用した新規性のある販路開拓事業",
	"デジタル技術を活用し、誰もが居場所と役割を持てるコミュニティ形成につながる実証事業",
	"ドローンを活用した配送や見守りの実証事業",
};

static const char *const fields[] = {
	"子ども・教育環境", "コミュニティ", "AI・デジタル",
	"移住・定住", "地域の魅力発信", "食関連産業",
};
enum { F_CHILD, F_COMMUNITY, F_DIGITAL, F_MIGRATION, F_APPEAL, F_FOOD };

static const char *const notes[] = {
	"速報値", "暫定値", "推計値を含む", "集計方法を変更", "前年度分を修正",
	"感染症の影響あり", "事業の休止により減少", "調査対象を拡大",
};

/* ---- the KPIs ---- */

enum shape {
	S_UP,		/* target above the baseline */
	S_DOWN,		/* target below it */
	S_ZERO,		/* target 0 (down) */
	S_ALL,		/* target 全市町村(R11) */
	S_PCT,		/* a percentage, one decimal */
	S_ESTIMATE,	/* baseline (見込額), target 以上 */
	S_AVG_CUM,	/* H30～R4平均 → R7～R11累計 */
};

struct kpi_template {
	const char *name;
	const char *unit;
	long lo, hi;		/* the baseline's range, in units */
	enum shape shape;
	int decimal;		/* values with one decimal */
};

/* For each of the 19 KPIs of a strategy (⑫ holding three), two or three
 * templates to choose from. */
#define ALTERNATIVES 3
static const struct kpi_template kpi_templates[KPIS][ALTERNATIVES] = {
	{ { "保育所等入所待機児童数", "人", 5, 60, S_ZERO, 0 },
	  { "放課後児童クラブの待機児童数", "人", 5, 80, S_ZERO, 0 },
	  { "交通事故による死者数", "人", 3, 20, S_DOWN, 0 } },
	{ { "せわずき・せわやき隊等の組織化", "市町村", 60, 170, S_ALL, 0 },
	  { "地域見守りネットワークを構築している市町村数", "市町村", 60, 170, S_ALL, 0 } },
	{ { "集落対策を実施している市町村数", "市町村", 100, 158, S_UP, 0 },
	  { "地域公共交通計画を策定している市町村数", "市町村", 90, 158, S_UP, 0 } },
	{ { "町内IT企業の従業員数", "人", 800, 30000, S_UP, 0 },
	  { "デジタル人材育成講座の受講者数", "人", 300, 9000, S_UP, 0 } },
	{ { "移住相談件数(延べ件数)", "件", 500, 20000, S_UP, 0 },
	  { "ふるさと納税の寄附件数", "件", 1000, 90000, S_UP, 0 } },
	{ { "U・I・Jターン新規就業支援事業など、町の施策により町内企業に就業した人数", "人", 20, 400, S_UP, 0 },
	  { "地域おこし協力隊の任期終了後の定着者数", "人", 5, 60, S_UP, 0 } },
	{ { "関係人口創出・拡大のための首都圏等での交流イベント参加者数", "人", 100, 2000, S_UP, 0 },
	  { "転出超過数", "人", 100, 900, S_DOWN, 0 } },
	{ { "教育旅行における農家等での宿泊者数", "人", 500, 9000, S_UP, 0 },
	  { "体験型観光プログラムの参加者数", "人", 300, 6000, S_UP, 0 } },
	{ { "大学等と連携した地域課題解決に向けた取組を行う市町村数", "市町村", 60, 150, S_ALL, 0 },
	  { "地域おこし協力隊を受け入れている市町村数", "市町村", 80, 170, S_ALL, 0 } },
	{ { "「アイヌ民族が先住民族であること」の認知度", "%", 50, 88, S_PCT, 1 },
	  { "運動習慣のある高齢者の割合", "%", 20, 60, S_PCT, 1 } },
	{ { "縄文世界遺産認知度", "%", 40, 80, S_PCT, 1 },
	  { "空き家率", "%", 8, 25, S_DOWN, 1 },
	  { "まちに住み続けたいと思う住民の割合", "%", 55, 85, S_PCT, 1 } },
	{ { "「北海道恐竜・化石ネットワーク研究会」構成自治体の関係施設への入込客数", "千人", 50, 400, S_UP, 0 },
	  { "道の駅の入込客数", "千人", 100, 1500, S_UP, 0 } },
	{ { "ジオパーク構成市町村への観光入込客数", "千人", 5000, 30000, S_UP, 0 },
	  { "外国人宿泊客延べ数", "千人", 10, 900, S_UP, 1 } },
	{ { "日本遺産構成市町村への観光入込客数", "千人", 20000, 60000, S_UP, 0 },
	  { "観光入込客数", "千人", 300, 9000, S_UP, 0 } },
	{ { "北のまんが大賞応募作品数", "作品", 60, 300, S_UP, 0 },
	  { "文化団体による公演・展示の回数", "回", 20, 200, S_UP, 0 } },
	{ { "食品工業の付加価値額", "億円", 50, 9000, S_UP, 1 },
	  { "農業産出額", "億円", 20, 1200, S_UP, 1 } },
	{ { "商談会等における地域産品等の国内成約件数", "件", 100, 4000, S_UP, 0 },
	  { "ふるさと納税返礼品の取扱事業者数", "団体", 10, 200, S_UP, 0 } },
	{ { "地域産品輸出額", "億円", 5, 2000, S_ESTIMATE, 1 },
	  { "水産物輸出額", "億円", 5, 800, S_ESTIMATE, 1 } },
	{ { "デジタル関連企業の立地件数", "件", 2, 30, S_AVG_CUM, 0 },
	  { "企業誘致件数", "件", 2, 25, S_AVG_CUM, 0 } },
};

/* The circled number and field of each KPI; ⑫ holds KPIs 11, 12, 13. */
static const int kpi_number[KPIS] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 12, 12,
				       13, 14, 15, 16, 17 };
static const int kpi_field[KPIS] = {
	F_CHILD, F_CHILD, F_COMMUNITY, F_DIGITAL, F_MIGRATION, F_MIGRATION, F_APPEAL,
	F_APPEAL, F_MIGRATION, F_APPEAL, F_APPEAL, F_APPEAL, F_APPEAL, F_APPEAL,
	F_APPEAL, F_FOOD, F_FOOD, F_FOOD, F_DIGITAL,
};

struct kpi {
	char code[32];
	const struct kpi_template *t;
	char cell[1024];	/* NAME BASELINE → TARGET */
	char relisted[1024];	/* NAME【再掲】 BASELINE → TARGET */
	long base, target;	/* in tenths */
	int base_year, target_year;	/* Gregorian */
	int plans;		/* its last years are plans */
};

/* ---- the layout of a strategy, as the bundled one ---- */

/* The measures: basic strategy (0-2) and circled number. */
static const int measure_basic[] = { 0, 2, 2, 1, 1, 1, 1 };
static const int measure_number[] = { 1, 1, 5, 1, 3, 4, 6 };
#define MEASURES 7
#define ITEMS 14

/* project (0-2), measure, item, the number whose KPIs the row holds, and
 * whether it is their home row (else it re-lists them). */
static const struct layout {
	int project, measure, item, number, home;
} layout[] = {
	{ 0, 0, 0, 1, 1 }, { 0, 0, 0, 2, 1 }, { 0, 1, 1, 3, 1 }, { 0, 1, 1, 3, 0 },
	{ 0, 1, 1, 3, 0 }, { 0, 2, 2, 4, 1 },
	{ 1, 3, 3, 5, 1 }, { 1, 3, 3, 5, 0 }, { 1, 3, 4, 6, 1 }, { 1, 3, 4, 6, 0 },
	{ 1, 4, 5, 7, 1 }, { 1, 4, 6, 5, 0 }, { 1, 4, 7, 8, 1 },
	{ 1, 5, 8, 9, 1 }, { 1, 5, 9, 10, 1 }, { 1, 5, 9, 10, 0 }, { 1, 5, 9, 11, 1 },
	{ 1, 5, 9, 12, 1 }, { 1, 5, 10, 13, 1 }, { 1, 5, 11, 14, 1 }, { 1, 5, 11, 14, 0 },
	{ 1, 5, 11, 14, 0 }, { 1, 5, 12, 15, 1 }, { 1, 5, 12, 16, 1 }, { 1, 6, 13, 17, 1 },
	{ 1, 6, 13, 17, 0 },
	{ 2, 6, 13, 17, 0 }, { 2, 6, 13, 17, 0 }, { 2, 2, 2, 4, 0 },
};
#define ROWS ((int)COUNT(layout))

/* ---- text ---- */

/* Appends to a buffer of size bytes, cutting at its end. */
static void append(char *buf, size_t size, const char *text)
{
	size_t n = strlen(buf);

	if (n + 1 < size)
		snprintf(buf + n, size - n, "%s", text);
}

static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* n (1-20) as ①…⑳ */
static const char *circled(int n)
{
	static char buf[8];
	unsigned cp = 0x2460u + (unsigned)(n - 1);

	buf[0] = (char)(0xE0 | (cp >> 12));
	buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	buf[2] = (char)(0x80 | (cp & 0x3F));
	buf[3] = '\0';
	return buf;
}

/* A value in tenths as kpitree writes it: 1234.5 → "1,234.5" (grouped)
 * or "1234.5"; no decimal when it is whole. */
static char *format_tenths(long v, int grouped, char *buf, size_t size)
{
	char digits[32], out[48];
	int frac, len, i, o = 0;

	if (v < 0)
		v = 0;
	frac = (int)(v % 10);
	len = snprintf(digits, sizeof digits, "%ld", v / 10);
	for (i = 0; i < len; i++) {
		if (grouped && i > 0 && (len - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	if (frac) {
		out[o++] = '.';
		out[o++] = (char)('0' + frac);
	}
	out[o] = '\0';
	snprintf(buf, size, "%s", out);
	return buf;
}

static void municipality_name(int m, char *buf, size_t size)
{
	int total = (int)(COUNT(name_first) * COUNT(name_second) * COUNT(name_kind));
	/* a multiplier prime to total scatters consecutive m over the lists */
	int idx = (int)(((long)(m - 1) * 7919) % total);
	int i = idx % (int)COUNT(name_first);
	int j = idx / (int)COUNT(name_first) % (int)COUNT(name_second);
	int k = idx / (int)(COUNT(name_first) * COUNT(name_second));

	snprintf(buf, size, "%s%s%s%s", name_prefix[(m - 1) / total], name_first[i],
		 name_second[j], name_kind[k]);
}

/* One content text of 80-150 characters, its middle being middles[mid]. */
static void content_text(int mid, char *buf, size_t size)
{
	int tries, extra;

	for (tries = 0;; tries++) {
		buf[0] = '\0';
		append(buf, size, openings[rnd((int)COUNT(openings))]);
		append(buf, size, middles[mid]);
		for (extra = rnd(3); extra > 0; extra--) {
			int other = rnd((int)COUNT(middles) - 1);

			append(buf, size, middles[other < mid ? other : other + 1]);
		}
		append(buf, size, endings[rnd((int)COUNT(endings))]);
		if ((chars(buf) >= 80 && chars(buf) <= 150) || tries > 20)
			break;
	}
}

/* "15,540件(R4)", "全市町村(R11)", "1,511億円(見込額)(R5)", "1,650億円以上(R10)" */
static void amount_text(const struct kpi *k, int target, char *buf, size_t size)
{
	const struct kpi_template *t = k->t;
	char number[48];

	if (target && t->shape == S_ALL) {
		snprintf(buf, size, "全市町村(R%d)", k->target_year - 2018);
		return;
	}
	format_tenths(target ? k->target : k->base, 1, number, sizeof number);
	if (t->shape == S_AVG_CUM)
		snprintf(buf, size, "%s%s(%s)", number, t->unit,
			 target ? "R7～R11累計" : "H30～R4平均");
	else if (t->shape == S_ESTIMATE)
		snprintf(buf, size, "%s%s%s(R%d)", number, t->unit,
			 target ? "以上" : "(見込額)", (target ? k->target_year : k->base_year) - 2018);
	else
		snprintf(buf, size, "%s%s(R%d)", number, t->unit,
			 (target ? k->target_year : k->base_year) - 2018);
}

/* Rounds tenths to the template's precision. */
static long precise(const struct kpi_template *t, long v)
{
	if (v < 0)
		v = 0;
	return t->decimal ? v : (v + 5) / 10 * 10;
}

static void make_kpi(struct kpi *k, int m, int s, int i)
{
	static const int target_years[] = { 7, 8, 9, 10, 11, 11, 11, 12, 13, 15 };
	const struct kpi_template *t;
	char base[96], target[96];
	int alt;

	do
		alt = rnd(ALTERNATIVES);
	while (!kpi_templates[i][alt].name);
	t = k->t = &kpi_templates[i][alt];
	if (kpi_number[i] == 12)
		snprintf(k->code, sizeof k->code, "M%04dS%d-H12%c", m, s, 'a' + (i - 11));
	else
		snprintf(k->code, sizeof k->code, "M%04dS%d-H%02d", m, s, kpi_number[i]);
	k->base_year = 2018 + (int)range(3, 6);
	k->target_year = 2018 + target_years[rnd((int)COUNT(target_years))];
	k->base = precise(t, range(t->lo * 10, t->hi * 10));
	switch (t->shape) {
	case S_UP:
	case S_ESTIMATE:
		k->target = precise(t, k->base * range(110, 160) / 100);
		break;
	case S_DOWN:
		k->target = precise(t, k->base * range(50, 90) / 100);
		break;
	case S_ZERO:
		k->target = 0;
		break;
	case S_ALL:
		k->target = ALL_MUNICIPALITIES * 10;
		k->target_year = 2018 + 11;
		break;
	case S_PCT:
		k->target = k->base + range(30, 120);
		if (k->target > 990)
			k->target = 990;
		break;
	case S_AVG_CUM:
		k->base_year = 2018;	/* H30～R4 */
		k->target_year = 2029;	/* R7～R11 */
		k->target = precise(t, k->base * 5 * range(110, 150) / 100);
		break;
	}
	/* kpitree takes a value up to two years past the target's year:
	 * the ten years from the baseline's lie within that window */
	if (k->target_year < k->base_year + YEARS - 3)
		k->target_year = k->base_year + YEARS - 3;
	if (k->target == k->base && t->shape != S_ZERO)
		k->target += t->decimal ? 1 : 10;
	if (t->shape == S_DOWN && k->target >= k->base)
		k->target = k->base - (t->decimal ? 1 : 10);
	amount_text(k, 0, base, sizeof base);
	amount_text(k, 1, target, sizeof target);
	snprintf(k->cell, sizeof k->cell, "%s %s → %s", t->name, base, target);
	snprintf(k->relisted, sizeof k->relisted, "%s【再掲】 %s → %s", t->name, base, target);
	k->plans = rnd(4) == 0;
}

/* ---- CSV ---- */

/* One cell, quoted if it holds a comma, a quote or a line end. */
static void put_cell(FILE *f, const char *text, int last)
{
	if (strpbrk(text, ",\"\r\n")) {
		const char *p;

		putc('"', f);
		for (p = text; *p; p++) {
			if (*p == '"')
				putc('"', f);
			putc(*p, f);
		}
		putc('"', f);
	} else {
		fputs(text, f);
	}
	putc(last ? '\n' : ',', f);
}

struct counts {
	long strategies, rows, kpis, values;
};

static void write_strategy(FILE *sf, FILE *vf, int m, int s, const char *town,
			   struct counts *c)
{
	char name[256], project[3][256], basic[3][256], measure[MEASURES][256];
	char item[ITEMS][256], content[1024], codes[128], kpis[4096], menu[512];
	struct kpi k[KPIS];
	int pick[64], mids[64], i, r, y;

	snprintf(name, sizeof name, "第2期%sまち・ひと・しごと創生総合戦略 (%d)", town, s);
	pick_distinct((int)COUNT(projects), 3, pick);
	for (i = 0; i < 3; i++)
		snprintf(project[i], sizeof project[i], "%d %s", i + 1, projects[pick[i]]);
	pick_distinct((int)COUNT(basics), 3, pick);
	for (i = 0; i < 3; i++)
		snprintf(basic[i], sizeof basic[i], "%d %s", i + 1, basics[pick[i]]);
	pick_distinct((int)COUNT(measures), MEASURES, pick);
	for (i = 0; i < MEASURES; i++)
		snprintf(measure[i], sizeof measure[i], "%s %s", circled(measure_number[i]),
			 measures[pick[i]]);
	pick_distinct((int)COUNT(items), ITEMS, pick);
	for (i = 0; i < ITEMS; i++)
		snprintf(item[i], sizeof item[i], "■ %s", items[pick[i]]);
	pick_distinct((int)COUNT(middles), ROWS, mids);
	for (i = 0; i < KPIS; i++)
		make_kpi(&k[i], m, s, i);

	for (r = 0; r < ROWS; r++) {
		const struct layout *l = &layout[r];
		int first = 0, n = 1, nmenus = (int)range(1, 3), field;

		while (kpi_number[first] != l->number)
			first++;
		while (first + n < KPIS && kpi_number[first + n] == l->number)
			n++;
		codes[0] = kpis[0] = '\0';
		for (i = first; i < first + n; i++) {
			if (i > first) {
				append(codes, sizeof codes, "\n");
				append(kpis, sizeof kpis, "\n");
			}
			append(codes, sizeof codes, k[i].code);
			append(kpis, sizeof kpis, l->home ? k[i].cell : k[i].relisted);
		}
		field = kpi_field[first];
		content_text(mids[r], content, sizeof content);
		pick_distinct((int)COUNT(menus), nmenus, pick);
		menu[0] = '\0';
		for (i = 0; i < nmenus; i++) {
			if (i)
				append(menu, sizeof menu, "\n");
			append(menu, sizeof menu, menus[pick[i]]);
		}

		put_cell(sf, name, 0);
		put_cell(sf, codes, 0);
		put_cell(sf, project[l->project], 0);
		put_cell(sf, basic[measure_basic[l->measure]], 0);
		put_cell(sf, measure[l->measure], 0);
		put_cell(sf, item[l->item], 0);
		put_cell(sf, content, 0);
		put_cell(sf, kpis, 0);
		put_cell(sf, l->home ? circled(l->number) : "-", 0);
		put_cell(sf, fields[field], 0);
		put_cell(sf, menu, 0);
		put_cell(sf, examples[rnd((int)COUNT(examples))], 0);
		put_cell(sf, rnd(10) < 7 ? ai_examples[rnd((int)COUNT(ai_examples))] : "", 1);
		c->rows++;
	}
	c->strategies++;
	c->kpis += KPIS;

	/* Ten years of each KPI from its baseline's year (kpitree refuses a
	 * year before it): along the line from baseline to target, with
	 * some noise; the last years of some KPIs are plans. */
	for (i = 0; i < KPIS; i++) {
		const struct kpi_template *t = k[i].t;
		long span = k[i].target_year - k[i].base_year;
		long scale = k[i].base > k[i].target ? k[i].base : k[i].target;

		for (y = k[i].base_year; y < k[i].base_year + YEARS; y++) {
			int plan = k[i].plans && y >= 2023;
			long v;
			char value[48];

			if (t->shape == S_AVG_CUM)
				v = k[i].base + k[i].base * (y - 2020) / 20;
			else
				v = k[i].base + (k[i].target - k[i].base) * (y - k[i].base_year) /
					(span ? span : 1);
			if (!plan)
				v += scale * (long)range(-40, 40) / 1000;
			if (t->shape == S_PCT || !strcmp(t->unit, "%"))
				v = v > 1000 ? 1000 : v;
			v = v < 0 ? 0 : v;	/* no count is negative */
			v = precise(t, v);
			format_tenths(v, 0, value, sizeof value);
			if (plan)
				fprintf(vf, "%s,%d,plan,%s,,m%04d,%d-04-01T00:00:00Z\n", k[i].code, y,
					value, m, y);
			else
				fprintf(vf, "%s,%d,actual,%s,%s,m%04d,%d-06-30T09:00:00Z\n", k[i].code,
					y, value, rnd(20) == 0 ? notes[rnd((int)COUNT(notes))] : "",
					m, y < 2025 ? y + 1 : 2025);
			c->values++;
		}
	}
}

static FILE *create(const char *dir, const char *name, char *path, size_t size)
{
	FILE *f;

	snprintf(path, size, "%s/%s", dir, name);
	f = fopen(path, "w");
	if (!f)
		fprintf(stderr, "gen: %s: %s\n", path, strerror(errno));
	else
		setvbuf(f, NULL, _IOFBF, 1 << 20);
	return f;
}

int main(int argc, char **argv)
{
	char spath[4096], vpath[4096], town[64], *end;
	struct counts c = { 0, 0, 0, 0 };
	FILE *sf, *vf;
	long n = DEFAULT_MUNICIPALITIES;
	int m, s;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: gen DIR [MUNICIPALITIES]\n");
		return 2;
	}
	if (argc == 3) {
		errno = 0;
		n = strtol(argv[2], &end, 10);
		if (errno || *end || end == argv[2] || n < 1 || n > MAX_MUNICIPALITIES) {
			fprintf(stderr, "gen: MUNICIPALITIES: '%s' is not a number from 1 to %d\n",
				argv[2], MAX_MUNICIPALITIES);
			return 2;
		}
	}
	sf = create(argv[1], "strategy.csv", spath, sizeof spath);
	if (!sf)
		return 1;
	vf = create(argv[1], "values.csv", vpath, sizeof vpath);
	if (!vf) {
		fclose(sf);
		return 1;
	}
	fputs("strategy,code,重点戦略プロジェクト,基本戦略,施策,項目,内容,対象KPI,番号,主要分野,"
	      "活用が想定される交付金事業メニュー,対象事業例,AI・デジタルを活用した事業例\n", sf);
	fputs("code,fiscal_year,kind,value,note,entered_by,entered_at\n", vf);
	for (m = 1; m <= n; m++) {
		municipality_name(m, town, sizeof town);
		for (s = 1; s <= STRATEGIES; s++)
			write_strategy(sf, vf, m, s, town, &c);
	}
	if (ferror(sf) | fclose(sf)) {
		fprintf(stderr, "gen: %s: %s\n", spath, strerror(errno));
		fclose(vf);
		return 1;
	}
	if (ferror(vf) | fclose(vf)) {
		fprintf(stderr, "gen: %s: %s\n", vpath, strerror(errno));
		return 1;
	}
	printf("municipalities: %ld\nstrategies: %ld\ncontent rows: %ld\nKPIs: %ld\n"
	       "value rows: %ld\n", n, c.strategies, c.rows, c.kpis, c.values);
	return 0;
}
