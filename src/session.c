/* session.c: whether an official's key still holds, and their refusals
 * logged. */
#include "session.h"
#include "i18n.h"

#include <stdio.h>

#include "keys_file.h"
#include "paths.h"

int session_rights_hold(struct session *s, struct error *err)
{
	int rc;

	if (s->revoked) {
		error_set(err, "%s", s->revoked_why);
		return 0;
	}
	if (!*s->keys_path)
		return 1;
	rc = keys_file_grants(s->keys_path, s->db_real, &s->identity, err);
	if (rc == 1)
		return 1;
	s->revoked = 1;
	snprintf(s->revoked_why, sizeof s->revoked_why, _("the key of %s was removed or changed"
		 " in %s: the session has ended"), s->identity.name, s->keys_path);
	access_log_refusal(s->db_path, &s->identity, s->what, s->revoked_why);
	error_set(err, "%s", s->revoked_why);
	return 0;
}

static int rights_before_write(void *ctx, struct error *err)
{
	return session_rights_hold(ctx, err) == 1 ? 0 : -1;
}

void session_guard_writes(struct session *s)
{
	s->store->before_write = rights_before_write;
	s->store->before_write_ctx = s;
}

void session_log_refusal(struct session *s, const char *why)
{
	char path[4096];
	enum path_source source;

	if (!*s->db_path && paths_database(NULL, path, sizeof path, &source, NULL) == 0)
		snprintf(s->db_path, sizeof s->db_path, "%s", path);
	access_log_refusal(s->db_path, &s->identity, s->what, why);
}
