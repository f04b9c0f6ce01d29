/* audit.c: access log: the audit log of access changes, SSH sessions
 * and refusals, one entry a line, oldest first. */
#include "cli.h"
#include "commands.h"
#include "i18n.h"

#include <stdio.h>

#include "audit.h"
#include "inert.h"

/* One entry of the log a line: seq, local time, who, what happened,
 * then whichever of whom, what was asked, detail, key and client it
 * has; every text inert. */
static void print_audit(void *ctx, const struct audit_entry *e)
{
	struct cli *cli = ctx;
	struct inert_pool pool = { 0 };
	char when[64], from[600] = "";
	const char *fields[] = { e->official, e->what, e->detail, e->fingerprint, from };
	size_t i;

	if (*e->client)
		snprintf(from, sizeof from, _("from %s"), e->client);
	fprintf(cli->out, "%lld  %s  %s  %s", e->seq, i18n_time(e->at, when, sizeof when),
		inert_str(&pool, e->who), _(audit_event_name(e->event)));
	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (*fields[i])
			fprintf(cli->out, "  %s", inert_str(&pool, fields[i]));
	fputc('\n', cli->out);
	inert_pool_free(&pool);
}

/* access log [--since DATE]: the audit log, oldest first. */
int access_log(struct cli *cli, const char *file)
{
	const char *since = cli_option(cli, "--since");
	char from[64] = "";
	struct error e;

	(void)file;
	if (since && audit_since(since, from, sizeof from, &e) < 0)
		return usage_error(cli, "%s", e.text);
	return audit_each(cli->session.store, from, print_audit, cli, &e) < 0 ? cli_fail_error(cli, &e)
								      : EXIT_DONE;
}
