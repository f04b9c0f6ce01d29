/* paths.c: resolving the database path and the user name; creating the
 * default database's directory. */
#include "paths.h"
#include "i18n.h"

#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *nonempty_env(const char *name)
{
	const char *v = getenv(name);

	return v && *v ? v : NULL;
}

static const char *home_directory(void)
{
	const char *home = nonempty_env("HOME");
	struct passwd *pw;

	if (home)
		return home;
	pw = getpwuid(getuid());
	return pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
}

/* What snprintf wrote into buf of size bytes, n being what it returned:
 * 0, or -1 with err filled when the path did not fit (a cut path would
 * name another file). */
static int whole(int n, size_t size, struct error *err)
{
	if (n < 0 || (size_t)n >= size)
		return error_set(err, _("database path longer than %zu bytes"), size - 1);
	return 0;
}

int paths_database(const char *option, char *buf, size_t size,
		   enum path_source *source, struct error *err)
{
	const char *env = nonempty_env("KPITREE_DB");
	const char *data = nonempty_env("XDG_DATA_HOME");
	const char *home;

	if (option) {
		*source = PATH_OPTION;
		return whole(snprintf(buf, size, "%s", option), size, err);
	}
	if (env) {
		*source = PATH_ENVIRONMENT;
		return whole(snprintf(buf, size, "%s", env), size, err);
	}
	*source = PATH_DEFAULT;
	if (data)
		return whole(snprintf(buf, size, "%s/kpitree/kpitree.db", data), size, err);
	home = home_directory();
	if (!home)
		return error_set(err, _("no home directory to keep the database in; use --db FILE"));
	return whole(snprintf(buf, size, "%s/.local/share/kpitree/kpitree.db", home), size, err);
}

int paths_make_parent(const char *path, struct error *err)
{
	char dir[4096];
	char *p;

	snprintf(dir, sizeof dir, "%s", path);
	p = strrchr(dir, '/');
	if (!p || p == dir)
		return 0;
	*p = '\0';
	for (p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return error_set(err, "%s: %s", dir, strerror(errno));
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return error_set(err, "%s: %s", dir, strerror(errno));
	return 0;
}

int paths_user(const char *option, char *buf, size_t size, struct error *err)
{
	const char *env = nonempty_env("KPITREE_USER");
	struct passwd *pw;
	const char *login;

	if (option && *option) {
		snprintf(buf, size, "%s", option);
		return 0;
	}
	if (env) {
		snprintf(buf, size, "%s", env);
		return 0;
	}
	pw = getpwuid(geteuid());
	if (pw && pw->pw_name && *pw->pw_name) {
		snprintf(buf, size, "%s", pw->pw_name);
		return 0;
	}
	login = getlogin();
	if (login && *login) {
		snprintf(buf, size, "%s", login);
		return 0;
	}
	return error_set(err, _("cannot tell who you are; use --user NAME"));
}
